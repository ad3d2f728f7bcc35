// Tests of the text stage: UTF-8, paragraphs, headings, boilerplate,
// sentences and tokens.
#include "text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon.h"
#include "quotelink/error.h"

namespace quotelink::detail {
namespace {

const TextTables& tables() {
  static const TextTables instance = TextTables::load(Config{});
  return instance;
}

// The texts of `items` (paragraphs or sentences).
template <typename Item>
std::vector<std::string> texts_of(const std::string& text,
                                  const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& item : items)
    out.push_back(text.substr(item.span.begin, item.span.size()));
  return out;
}

std::vector<std::string> paragraph_texts(const std::string& text,
                                         const TextLayout& layout) {
  return texts_of(text, layout.paragraphs);
}

std::vector<std::string> sentence_texts(const std::string& text,
                                        const TextLayout& layout) {
  return texts_of(text, layout.sentences);
}

TEST(Utf8, InvalidByteNamesOffset) {
  try {
    validate_utf8(std::string("abc\xE2\x80", 5), false, nullptr);
    FAIL() << "expected quotelink::error";
  } catch (const error& e) {
    EXPECT_EQ(e.byte_offset(), 3u);
  }
}

TEST(Utf8, ReplacementCountsBytes) {
  std::size_t replaced = 0;
  std::string out = validate_utf8(std::string("a\xC0\xAF"
                                              "b\xFF",
                                              5),
                                  true, &replaced);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 3u);
  EXPECT_EQ(validate_utf8("caf\xC3\xA9", false, nullptr), "caf\xC3\xA9");
}

TEST(Paragraphs, BlankLinesSeparateWithExactSpans) {
  const std::string text = "  First one.\n\n\n Second\none. \n \nThird.";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.paragraphs.size(), 3u);
  EXPECT_EQ(layout.paragraphs[0].span, (Span{2, 12}));
  EXPECT_EQ(paragraph_texts(text, layout),
            (std::vector<std::string>{"First one.", "Second\none.", "Third."}));
}

TEST(Paragraphs, HardWrappedLinesAreRejoined) {
  // Wrapped at 60 columns, no blank lines; a paragraph ends where a line
  // ends a sentence and the next word would have fitted on it.
  const std::string text =
      "North Korean diplomats have been on a vigorous campaign in\n"
      "recent months to counter a U.N. resolution urging the\n"
      "country's referral to the court.\n"
      "The short dispatch said Choe Ryong Hae, a high-ranking\n"
      "member of the ruling party, would visit Russia \"soon\",\n"
      "without elaborating further.\n"
      "A statement on the ministry website said Choe would visit\n"
      "Moscow on Monday.";
  TextLayout layout = analyse_text(text, tables());
  std::vector<std::string> paragraphs = paragraph_texts(text, layout);
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0].substr(0, 13), "North Korean ");
  EXPECT_EQ(paragraphs[1].substr(0, 17), "The short dispatc");
  EXPECT_EQ(paragraphs[2].substr(paragraphs[2].size() - 17),
            "Moscow on Monday.");
  EXPECT_EQ(layout.paragraphs[1].span.end,
            text.find("further.") + std::string("further.").size());
}

TEST(Paragraphs, WrappedLineEndingMidSentenceIsJoined) {
  const std::string text =
      "The two sides plan to discuss enhanced trade and economic\n"
      "cooperation, as well as \"international issues of common\n"
      "interest,\" the Russian statement said.\n"
      "Choe met Chinese President Xi Jinping last year.";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  EXPECT_EQ(layout.paragraphs[1].span.begin, text.find("Choe met"));
}

TEST(Paragraphs, UnwrappedLinesStayApartUnlessLowerCaseFollows) {
  const std::string text =
      "Send Feedback\nHow can we improve?\nThanks!\n\nA long line that "
      "is a whole paragraph and goes well beyond any typical wrapping width "
      "of a hard-wrapped news wire.\nand then it continues here.";
  TextLayout layout = analyse_text(text, tables());
  std::vector<std::string> paragraphs = paragraph_texts(text, layout);
  ASSERT_EQ(paragraphs.size(), 4u);
  EXPECT_EQ(paragraphs[0], "Send Feedback");
  EXPECT_EQ(paragraphs[1], "How can we improve?");
  EXPECT_EQ(paragraphs[3].substr(paragraphs[3].size() - 10), "nues here.");
}

TEST(Paragraphs, MarkdownHeadingIsItsOwnHeadingParagraph) {
  const std::string text =
      "# Envoy to Visit Russia 'Soon'\nNorth Korean leader Kim Jong Un is to "
      "send a personal envoy to Russia, state media said.";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  EXPECT_TRUE(layout.paragraphs[0].heading);
  EXPECT_FALSE(layout.paragraphs[1].heading);
}

TEST(Paragraphs, HeadlineLikeLinesAreFlagged) {
  const std::string text =
      "Under rights pressure, N. Korea sends envoy to Russia\n\n"
      "North Korean leader Kim Jong-Un will send a special envoy.\n\n"
      "Trump Addresses Munich Attack In Late Statement\n\n"
      "The visit had initially been announced by the agency\n\n"
      "And from Chairwoman Rosenworcel:";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.paragraphs.size(), 5u);
  EXPECT_TRUE(layout.paragraphs[0].heading);   // first line, no period
  EXPECT_FALSE(layout.paragraphs[1].heading);  // prose
  EXPECT_TRUE(layout.paragraphs[2].heading);   // title case
  EXPECT_FALSE(layout.paragraphs[3].heading);  // not first, not title case
  EXPECT_FALSE(layout.paragraphs[4].heading);  // a colon introduction
}

TEST(Paragraphs, BoilerplateLinesAreFlagged) {
  const std::vector<std::string> boilerplate = {
      "Go to Contents Go to Navigation",
      "\xC2\xA9 2014 AFP",
      "By Kim Kwang-tae",
      "By [The Moscow Times](link)",
      "Send Feedback",
      "Original url:",
      "<https://www.example.com/2014/11/14/story>",
      "November 14, 2014",
      "14th November 2014, Comments 0 comments",
      "(Editing by Timothy Heritage/Mark Heinrich)",
      "Invest in independent global news",
      "Will you support The World with a gift today? Donations made between "
      "now and Dec. 31 will be matched 1:1.",
  };
  for (const std::string& line : boilerplate)
    EXPECT_TRUE(is_boilerplate(line, tables(), true)) << line;
  // Appeals count only in a block of boilerplate.
  EXPECT_FALSE(is_boilerplate(boilerplate.back(), tables(), false));
  const std::vector<std::string> prose = {
      "By the time he arrived, the meeting was over.",
      "Moscow said the visit was set to discuss bilateral relations.",
      "November was a cold month for the envoy.",
  };
  for (const std::string& line : prose)
    EXPECT_FALSE(is_boilerplate(line, tables(), true)) << line;
  const std::string text = "Go to Contents\n\nThe envoy arrived.";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  EXPECT_TRUE(layout.paragraphs[0].boilerplate);
  EXPECT_FALSE(layout.paragraphs[1].boilerplate);
}

// Abbreviations come with the language pack: in the made-up one "zb." ends
// no sentence and "Mr." does; English the other way round.
TEST(Sentences, AbbreviationsFollowTheLanguagePack) {
  const TextTables zz = TextTables::load(
      Config{},
      load_vocabulary("zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"),
                      {}));
  const std::string text = "Mara met zb. Oli there. Then Mr. Roe left.";
  EXPECT_EQ(sentence_texts(text, analyse_text(text, zz)),
            (std::vector<std::string>{"Mara met zb. Oli there.", "Then Mr.",
                                      "Roe left."}));
  EXPECT_EQ(sentence_texts(text, analyse_text(text, tables())),
            (std::vector<std::string>{"Mara met zb.", "Oli there.",
                                      "Then Mr. Roe left."}));
}

TEST(Sentences, AbbreviationsDoNotEndSentences) {
  const std::string text =
      "The U.N. envoy met Mr. Smith Jr. on Nov. 24 near the U.S.-led "
      "base. N. Korea said it would reply. It did.";
  TextLayout layout = analyse_text(text, tables());
  EXPECT_EQ(sentence_texts(text, layout),
            (std::vector<std::string>{
                "The U.N. envoy met Mr. Smith Jr. on Nov. 24 near the "
                "U.S.-led base.",
                "N. Korea said it would reply.", "It did."}));
  bool compound = false;
  for (const Token& token : layout.tokens)
    compound = compound ||
               text.substr(token.span.begin, token.span.size()) == "U.S.-led";
  EXPECT_TRUE(compound);
}

TEST(Sentences, QuoteMarksStayWithTheirSentence) {
  const std::string text =
      "\"We are here.\" He left. \"Is it over?\" she asked. He said: "
      "\xE2\x80\x9CNo.\xE2\x80\x9D Then silence.";
  TextLayout layout = analyse_text(text, tables());
  EXPECT_EQ(sentence_texts(text, layout),
            (std::vector<std::string>{
                "\"We are here.\"", "He left.", "\"Is it over?\" she asked.",
                "He said: \xE2\x80\x9CNo.\xE2\x80\x9D", "Then silence."}));
}

TEST(Tokens, KindsAndApostrophes) {
  const std::string text = "Don't say ''no'' to 1,000 Koreas' (sic)";
  TextLayout layout = analyse_text(text, tables());
  std::vector<std::string> tokens;
  for (const Token& token : layout.tokens)
    tokens.push_back(text.substr(token.span.begin, token.span.size()));
  EXPECT_EQ(tokens, (std::vector<std::string>{"Don't", "say", "''", "no", "''",
                                              "to", "1,000", "Koreas", "'", "(",
                                              "sic", ")"}));
  EXPECT_EQ(layout.tokens[2].kind, TokenKind::quote_mark);
  EXPECT_EQ(layout.tokens[6].kind, TokenKind::number);
  EXPECT_EQ(layout.tokens[9].kind, TokenKind::punctuation);
}

TEST(Text, LinearOnHugeInputs) {
  // A 10 MB line without spaces and 20 MB of short wrapped lines finish
  // quickly (a quadratic path would time the test out).
  std::string line(10u << 20, 'a');
  TextLayout one = analyse_text(line, tables());
  ASSERT_EQ(one.paragraphs.size(), 1u);
  EXPECT_EQ(one.tokens.size(), 1u);
  std::string wrapped;
  while (wrapped.size() < (20u << 20))
    wrapped += "This is a wrapped line of news text that goes on and on\n";
  TextLayout many = analyse_text(wrapped, tables());
  EXPECT_EQ(many.paragraphs.size(), 1u);
  EXPECT_EQ(many.sentences.size(), 1u);
}

}  // namespace
}  // namespace quotelink::detail
