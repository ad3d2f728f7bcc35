// Stage 3, cues: the lexicon and its matching.
#include "cues.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>

#include "lexicon.h"
#include "quotelink/error.h"
#include "quotes.h"
#include "token_layer.h"

namespace {

using namespace quotelink::detail;

Vocabulary english(const quotelink::Config& config = {}) {
  return load_vocabulary("en", builtin_pack("en"), config);
}

// The cues of `text` found over the token layer with `vocabulary`.
std::vector<Cue> cues_in(const std::string& text,
                         const Vocabulary& vocabulary) {
  static const TextTables text_tables = TextTables::load({});
  const CueLexicon lexicon(vocabulary);
  TextLayout layout = analyse_text(text, text_tables);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  const TokenLayer tokens(text, layout, quotes, vocabulary);
  return find_cues(tokens, layout, lexicon);
}

std::vector<Cue> cues_of(const std::string& text,
                         const quotelink::Config& config = {}) {
  return cues_in(text, english(config));
}

TEST(Cues, LexiconHasAtLeast150LemmasInEveryInflection) {
  const Vocabulary vocabulary = english();
  const CueLexicon lexicon(vocabulary);
  std::set<std::string> lemmas;
  for (const LexiconEntry* e : vocabulary.entries_of(lexicon.speech_verb))
    if (e->words.size() == 1) lemmas.insert(lexicon.of(*e).lemma);
  EXPECT_GE(lemmas.size(), 150u);
  for (const char* form : {"say", "says", "said", "saying", "slammed",
                           "tweeted", "grumbles", "replied", "urging"})
    EXPECT_TRUE(vocabulary.has(vocabulary.find(form), lexicon.speech_verb))
        << form;
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

TEST(Cues, AWordRightAfterADeterminerIsANounNotACue) {
  // Rule cue_after_determiner: "states" is a cue verb, but not after "the".
  std::vector<Cue> cues = cues_of(
      "Pruitt, one of the states suing the agency, said so. He states it.");
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(cues[0].lemma, "say");
  EXPECT_EQ(cues[1].lemma, "state");
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
  const Vocabulary en = english({});
  EXPECT_EQ(inflect_regular(en, "reply")[2], "replied");
  EXPECT_EQ(inflect_regular(en, "note")[3], "noting");
  EXPECT_EQ(inflect_regular(en, "stress")[1], "stresses");
}

// Config::extra_cue_verbs are inflected by the pack's rules: the made-up
// one's "-" rule makes "glim" "glimat", "glimot", "glimut"; English's make
// "glims", "glimed", "gliming".
TEST(Cues, ExtraCueVerbsAreInflectedByThePacksRules) {
  quotelink::Config config;
  config.extra_cue_verbs = {"glim"};
  const Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), config);
  EXPECT_EQ(inflect_regular(zz, "glim"),
            (std::vector<std::string>{"glim", "glimat", "glimot", "glimut"}));
  const std::vector<Cue> in_zz = cues_in("Karl glimot. Anna glimed.", zz);
  ASSERT_EQ(in_zz.size(), 1u);
  EXPECT_EQ(in_zz[0].lemma, "glim");
  EXPECT_EQ(in_zz[0].form, VerbForm::past);
  const Vocabulary en = english(config);
  EXPECT_EQ(inflect_regular(en, "glim"),
            (std::vector<std::string>{"glim", "glims", "glimed", "gliming"}));
  const std::vector<Cue> in_en = cues_in("Karl glimot. Anna glimed.", en);
  ASSERT_EQ(in_en.size(), 1u);
  EXPECT_EQ(in_en[0].form, VerbForm::past);
}

// A form no rule of the pack makes is left out; a rule not written -ENDING
// is an error naming its line.
TEST(Cues, InflectionRulesAreEndings) {
  auto pack = [](const std::string& cues) -> PackReader {
    return [cues](const std::string& name) -> std::optional<std::string> {
      if (name == "pack.txt") return std::string("cues.tsv\n");
      if (name == "cues.tsv") return cues;
      return std::nullopt;
    };
  };
  const Vocabulary past_only = load_vocabulary(
      "t", pack("-\tinflection\tpast=ed\n"), quotelink::Config{});
  EXPECT_EQ(inflect_regular(past_only, "glim"),
            (std::vector<std::string>{"glim", "", "glimed", ""}));
  const Vocabulary bad = load_vocabulary("t", pack("ed\tinflection\tpast=ed\n"),
                                         quotelink::Config{});
  try {
    inflect_regular(bad, "glim");
    FAIL() << "no error";
  } catch (const quotelink::error& e) {
    EXPECT_STREQ(e.what(),
                 "t/cues.tsv:1: an inflection rule is written -ENDING");
  }
}

TEST(Cues, BadExtraCueVerbThrows) {
  quotelink::Config config;
  config.extra_cue_verbs = {"two words"};
  EXPECT_THROW(english(config), quotelink::error);
  EXPECT_THROW(CueTables::load(config), quotelink::error);
}

// A made-up language pack (tests/fixtures/lang/zz): the cue stage finds its
// verbs and phrases and none of English's.
TEST(Cues, CuesFollowTheLanguagePack) {
  const Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  std::vector<Cue> cues =
      cues_in("Mara blorf, zum ta Oli. He said mu blorfa. Zum ta grop.", zz);
  ASSERT_EQ(cues.size(), 4u);
  EXPECT_EQ(cues[0].lemma, "blorf");
  EXPECT_EQ(cues[0].form, VerbForm::past);
  EXPECT_EQ(cues[1].kind, CueKind::source);
  EXPECT_EQ(cues[1].last - cues[1].first, 1);
  EXPECT_EQ(cues[2].form, VerbForm::base);    // "said" is no cue in zz
  EXPECT_EQ(cues[3].kind, CueKind::adjunct);  // the longest entry wins
  EXPECT_EQ(cues[3].last - cues[3].first, 2);
  // An English pack sees "said" and none of zz's words.
  std::vector<Cue> en =
      cues_in("Mara blorf, zum ta Oli. He said mu blorfa.", english());
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].lemma, "say");
}

TEST(Cues, AddresseeVerbsComeFromThePack) {
  const Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  const CueLexicon lexicon(zz);
  std::vector<Cue> cues = cues_in("Mara tel Oli.", zz);
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_TRUE(lexicon.addressee_lemma(cues[0].lemma_word));
  EXPECT_FALSE(lexicon.addressee_lemma(zz.find("blorf")));
}

}  // namespace
