// Stage 3, cues: the lexicon and its matching.
#include "cues.h"

#include <gtest/gtest.h>

#include <set>

#include "quotelink/error.h"
#include "quotes.h"

namespace {

using namespace quotelink::detail;

std::vector<Cue> cues_of(const std::string& text,
                         const quotelink::Config& config = {}) {
  static const TextTables text_tables = TextTables::load({});
  CueTables tables = CueTables::load(config);
  TextLayout layout = analyse_text(text, text_tables);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  return find_cues(text, layout, quote_of_tokens(layout, quotes), tables);
}

TEST(Cues, LexiconHasAtLeast150LemmasInEveryInflection) {
  CueTables tables = CueTables::load({});
  std::set<std::string> lemmas;
  for (const auto& [word, entries] : tables.by_first_word)
    for (const CueEntry& e : entries)
      if (e.kind == CueKind::verb && e.rest.empty()) lemmas.insert(e.lemma);
  EXPECT_GE(lemmas.size(), 150u);
  for (const char* form : {"say", "says", "said", "saying", "slammed",
                           "tweeted", "grumbles", "replied", "urging"})
    EXPECT_TRUE(tables.by_first_word.count(form)) << form;
}

TEST(Cues, VerbFormsAreRecorded) {
  std::vector<Cue> cues =
      cues_of("He says it. She said it. They were saying it.");
  ASSERT_EQ(cues.size(), 3u);
  EXPECT_EQ(cues[0].form, VerbForm::third);
  EXPECT_EQ(cues[1].form, VerbForm::past);
  EXPECT_EQ(cues[2].form, VerbForm::gerund);
  EXPECT_EQ(cues[2].lemma, "say");
}

TEST(Cues, MultiWordCuesWinOverTheirFirstWord) {
  std::vector<Cue> cues =
      cues_of("According to the police, it rained. He pointed out a flaw.");
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(cues[0].kind, CueKind::source);
  EXPECT_EQ(cues[0].last - cues[0].first, 1);
  EXPECT_EQ(cues[1].lemma, "point out");
}

TEST(Cues, AdjunctAndVerbPhrases) {
  std::vector<Cue> cues =
      cues_of("The ministry said in a statement that he told reporters so.");
  ASSERT_EQ(cues.size(), 3u);
  EXPECT_EQ(cues[1].kind, CueKind::adjunct);
  EXPECT_EQ(cues[2].lemma, "told reporters");
}

TEST(Cues, WordsInsideQuotationsAreNoCues) {
  std::vector<Cue> cues = cues_of("\"I said no,\" he replied.");
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].lemma, "reply");
}

TEST(Cues, ExtraCueVerbsGetRegularInflections) {
  quotelink::Config config;
  config.extra_cue_verbs = {"harrumph", "decry"};
  std::vector<Cue> cues =
      cues_of("He harrumphed. She decries it. They harrumph.", config);
  ASSERT_EQ(cues.size(), 3u);
  EXPECT_EQ(cues[0].lemma, "harrumph");
  EXPECT_EQ(inflect_regular("reply")[2], "replied");
  EXPECT_EQ(inflect_regular("note")[3], "noting");
  EXPECT_EQ(inflect_regular("stress")[1], "stresses");
}

TEST(Cues, BadExtraCueVerbThrows) {
  quotelink::Config config;
  config.extra_cue_verbs = {"two words"};
  EXPECT_THROW(CueTables::load(config), quotelink::error);
}

}  // namespace
