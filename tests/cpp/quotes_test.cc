// Tests of the quotes stage: mark classes, apostrophes, pairing, repair,
// flags and kinds, plus a randomized robustness test.
#include "quotes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "quote_marks.h"
#include "text.h"

namespace quotelink::detail {
namespace {

const TextTables& tables() {
  static const TextTables instance = TextTables::load(Config{});
  return instance;
}

std::vector<Quote> quotes_of(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  return find_quotes(text, layout);
}

// The quoted words of `q`, a quotation found in `text`.
std::string_view quoted(std::string_view text, const Quote& q) {
  return text.substr(q.span.begin, q.span.size());
}

std::vector<std::string> contents(std::string_view text,
                                  const std::vector<Quote>& quotes) {
  std::vector<std::string> out;
  for (const Quote& q : quotes) out.emplace_back(quoted(text, q));
  return out;
}

// Byte span of the first occurrence of `needle` in `text`.
Span span_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<std::uint32_t>(at),
          static_cast<std::uint32_t>(at + needle.size())};
}

TEST(QuoteMarks, ClassesComeFromUnicodeProperties) {
  struct Case {
    char32_t cp;
    MarkFamily family;
    MarkShape shape;
  };
  const Case cases[] = {
      {U'"', MarkFamily::double_mark, MarkShape::neutral},
      {U'\u201C', MarkFamily::double_mark, MarkShape::initial},
      {U'\u201D', MarkFamily::double_mark, MarkShape::final},
      {U'\u201E', MarkFamily::double_mark, MarkShape::opening},
      {U'\u00AB', MarkFamily::double_mark, MarkShape::initial},
      {U'\u00BB', MarkFamily::double_mark, MarkShape::final},
      {U'\uFF02', MarkFamily::double_mark, MarkShape::neutral},
      {U'\'', MarkFamily::single_mark, MarkShape::neutral},
      {U'\u2018', MarkFamily::single_mark, MarkShape::initial},
      {U'\u2019', MarkFamily::single_mark, MarkShape::final},
      {U'\u201A', MarkFamily::single_mark, MarkShape::opening},
      {U'\u2039', MarkFamily::single_mark, MarkShape::initial},
      {U'\u203A', MarkFamily::single_mark, MarkShape::final},
      {U'\uFF07', MarkFamily::single_mark, MarkShape::neutral},
      {U'\u300C', MarkFamily::corner, MarkShape::opening},
      {U'\u300D', MarkFamily::corner, MarkShape::closing},
      {U'\u300E', MarkFamily::white_corner, MarkShape::opening},
      {U'\u300F', MarkFamily::white_corner, MarkShape::closing},
      {U'a', MarkFamily::none, MarkShape::neutral},
      {U'(', MarkFamily::none, MarkShape::neutral},
  };
  for (const Case& c : cases) {
    MarkClass mark = classify_mark(c.cp);
    EXPECT_EQ(mark.family, c.family) << static_cast<unsigned>(c.cp);
    EXPECT_EQ(mark.shape, c.shape) << static_cast<unsigned>(c.cp);
  }
  EXPECT_TRUE(classify_mark(U'\u2019').apostrophe_like);
  EXPECT_FALSE(classify_mark(U'\u2039').apostrophe_like);
  EXPECT_FALSE(classify_mark(U'\u201A').apostrophe_like);
}

TEST(Pairing, StraightDoubleWithExactSpans) {
  const std::string text = "\"We will win,\" he said.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].span, (Span{1, 13}));
  EXPECT_EQ(quotes[0].outer, (Span{0, 14}));
  EXPECT_EQ(quoted(text, quotes[0]), "We will win,");
  EXPECT_EQ(quotes[0].kind, QuoteKind::direct);
  EXPECT_EQ(quotes[0].paragraph, 0);
  EXPECT_EQ(quotes[0].sentence, 0);
  EXPECT_FALSE(quotes[0].repaired);
}

TEST(Pairing, EveryMarkStyle) {
  const std::string text =
      "He said \xE2\x80\x9C"
      "curly\xE2\x80\x9D and \xE2\x80\x9E"
      "low\xE2\x80\x9C"
      " and \xC2\xAB french \xC2\xBB and \xEF\xBC\x82"
      "full\xEF\xBC\x82"
      " and \xE3\x80\x8C"
      "corner\xE3\x80\x8D and \xE2\x80\xB9"
      "angle\xE2\x80\xBA"
      " and \xE2\x80\x9A"
      "single\xE2\x80\x98.";
  EXPECT_EQ(contents(text, quotes_of(text)),
            (std::vector<std::string>{"curly", "low", "french", "full",
                                      "corner", "angle", "single"}));
}

TEST(Pairing, CjkCornerBracketsNest) {
  const std::string text =
      "\xE4\xBB\x96\xE8\xAF\xB4\xE3\x80\x8C\xE4\xBD\xA0\xE8\xAF\xB4\xE3\x80"
      "\x8E\xE5\xA5\xBD\xE3\x80\x8F\xE3\x80\x8D\xE3\x80\x82";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_TRUE(quotes[0].outer.contains(quotes[1].outer));
  EXPECT_EQ(quoted(text, quotes[1]), "\xE5\xA5\xBD");
}

TEST(Pairing, TwoApostrophesAreADoubleMark) {
  const std::string text =
      "''Donald put Freddy down quite a bit,'' she said, ''and it hurt.''";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].span,
            span_of(text, "Donald put Freddy down quite a bit,"));
  EXPECT_EQ(quotes[0].outer.begin, 0u);
  EXPECT_EQ(quoted(text, quotes[1]), "and it hurt.");
  EXPECT_EQ(quotes[1].kind, QuoteKind::direct);  // second part of a split
}

TEST(Pairing, SplitQuotationAroundALongerAttribution) {
  // Nine tokens between the parts: the lower-case second part is still the
  // continuation of the first, not a partial quotation.
  std::vector<Quote> quotes = quotes_of(
      "\"We can always have differences,\" Jane Roe, the governor, said on "
      "Monday, \"and we will fix them.\"");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].kind, QuoteKind::direct);
  // Far apart they are not one quotation.
  std::vector<Quote> far = quotes_of(
      "\"We can always have differences,\" Jane Roe, the governor of the "
      "state, said on Monday at a rally in the city, \"and we will fix "
      "them.\"");
  ASSERT_EQ(far.size(), 2u);
  EXPECT_EQ(far[1].kind, QuoteKind::partial);
}

TEST(Kinds, HeadlineQuotationAfterItsSpeakersColonIsDirect) {
  std::vector<Quote> quotes = quotes_of(
      "Kasich: \xE2\x80\x98We Are Going To Go All The Way To "
      "Cleveland.\xE2\x80\x99\n\nTuesday at a rally in Berea, the governor "
      "spoke to his supporters for an hour.");
  ASSERT_GE(quotes.size(), 1u);
  EXPECT_TRUE(quotes[0].headline);
  EXPECT_EQ(quotes[0].kind, QuoteKind::direct);
  // Two words in marks inside a headline stay a partial quotation.
  std::vector<Quote> partial = quotes_of(
      "Sanders: \xE2\x80\x98Of Course\xE2\x80\x99 Clinton Is Qualified To "
      "Be President\n\nThe senator visited a studio on Monday morning.");
  ASSERT_GE(partial.size(), 1u);
  EXPECT_EQ(partial[0].kind, QuoteKind::partial);
}

TEST(Apostrophes, AreNotQuotationMarks) {
  EXPECT_TRUE(quotes_of("Don't say the Koreas' talks of the '90s were rock "
                        "'n' roll, it\xE2\x80\x99s the \xE2\x80\x98"
                        "80s' "
                        "sound, tell 'em.")
                  .empty());
  const std::string text = "He said 'yes' to the Koreas' plan and 'no' again.";
  EXPECT_EQ(contents(text, quotes_of(text)),
            (std::vector<std::string>{"yes", "no"}));
}

TEST(Pairing, NestedQuotesOfTheOtherKind) {
  const std::string text =
      "\"He called it 'a disgrace,' and left,\" she said of the \xE2\x80\x9C"
      "\xE2\x80\x98"
      "Big\xE2\x80\x99 deal\xE2\x80\x9D.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quoted(text, quotes[0]), "He called it 'a disgrace,' and left,");
  EXPECT_EQ(quotes[1].span, span_of(text, "a disgrace,"));
  EXPECT_TRUE(quotes[0].outer.contains(quotes[1].outer));
  EXPECT_EQ(quotes[1].kind, QuoteKind::partial);
  EXPECT_EQ(quoted(text, quotes[3]), "Big");
  EXPECT_TRUE(quotes[2].outer.contains(quotes[3].outer));
}

TEST(Pairing, MultiParagraphConventionMakesOneQuotation) {
  const std::string text =
      "\"The first part ends here.\n\n\"The second goes on.\n\n"
      "\"The third ends,\" he said.\n\nNext \"one\" is here.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_TRUE(quotes[0].multi_paragraph);
  EXPECT_FALSE(quotes[0].repaired);
  EXPECT_EQ(quotes[0].span.begin, 1u);
  EXPECT_EQ(quotes[0].span.end, text.find("ends,\"") + 5);
  EXPECT_EQ(quotes[0].paragraph, 0);
  EXPECT_EQ(quotes[0].kind, QuoteKind::direct);
  EXPECT_EQ(quoted(text, quotes[1]), "one");
  EXPECT_EQ(quotes[1].paragraph, 3);
}

TEST(Pairing, UnbalancedMarksDoNotLoseTheRest) {
  const std::string text =
      "A stray \" mark and \"an open one.\n\nThen \"this\" and \xE2\x80\x9C"
      "that\xE2\x80\x9D survive\xE2\x80\x9D.\n\n\"And the last,\" he said.";
  std::vector<Quote> quotes = quotes_of(text);
  std::vector<std::string> texts = contents(text, quotes);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "this"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "that"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "And the last,"),
            texts.end());
}

TEST(Repair, LostClosingMarkEndsAtParagraphEnd) {
  const std::string text =
      "Moscow wants \"raising the level of dialogue.\n\n"
      "It will also address the \"situation\" there.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].span, span_of(text, "raising the level of dialogue."));
  EXPECT_EQ(quotes[0].outer.end, quotes[0].span.end);
  EXPECT_TRUE(quotes[0].repaired);
  EXPECT_FALSE(quotes[0].multi_paragraph);
  EXPECT_EQ(quoted(text, quotes[1]), "situation");
}

TEST(Repair, ClosingMarkDisplacedToNextParagraph) {
  const std::string text =
      "It will address \"certain problems of mutual interest.\n\n"
      "\"After visiting Moscow, Choe will travel east, the ministry said.\n\n"
      "A vote is expected next week.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].span,
            span_of(text, "certain problems of mutual interest."));
  EXPECT_TRUE(quotes[0].repaired);
}

TEST(Repair, BrokenParagraphThenDisplacedMark) {
  const std::string text =
      "There are \"reasonable grounds to believe crimes were committed.\n\n"
      "pursuant to policies established for decades.\n\n"
      "\"It asks the Council to \"take appropriate action,\" including a "
      "referral.\n\nBut China may block it.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].span.begin, text.find("reasonable"));
  EXPECT_EQ(quotes[0].span.end, text.find("decades.") + 8);
  EXPECT_TRUE(quotes[0].multi_paragraph);
  EXPECT_TRUE(quotes[0].repaired);
  EXPECT_EQ(quoted(text, quotes[1]), "take appropriate action,");
  EXPECT_FALSE(quotes[1].repaired);
}

TEST(Pairing, ClosingShapeOpensAParagraph) {
  // A bidi embedding before the mark and a reversed mark at a paragraph
  // start, both seen in scraped comments.
  const std::string text =
      "\xE2\x80\xAA\xE2\x80\x9DThis is why,\xE2\x80\x9D said John.\n\n"
      "\xE2\x80\x9D \xE2\x80\xA6 they are so not like him,\xE2\x80\x9D she "
      "said.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quoted(text, quotes[0]), "This is why,");
  EXPECT_EQ(quotes[0].kind, QuoteKind::direct);
  EXPECT_EQ(quoted(text, quotes[1]), "\xE2\x80\xA6 they are so not like him,");
  EXPECT_EQ(quotes[1].kind, QuoteKind::direct);
}

TEST(Pairing, MixedMarkStyles) {
  const std::string text = "\xE2\x80\x9CShorty.\" That is what he said.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quoted(text, quotes[0]), "Shorty.");
  EXPECT_EQ(quotes[0].outer, (Span{0, 11}));
}

TEST(Pairing, HeadlineQuotationsInSingleMarks) {
  const std::string text =
      "# Kim Planning to Send Envoy to Russia 'Soon'\n\n"
      "The envoy will travel \"soon,\" without elaborating.";
  std::vector<Quote> quotes = quotes_of(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quoted(text, quotes[0]), "Soon");
  EXPECT_TRUE(quotes[0].headline);
  EXPECT_EQ(quotes[0].kind, QuoteKind::partial);
  EXPECT_EQ(quoted(text, quotes[1]), "soon,");
  EXPECT_FALSE(quotes[1].headline);
  const std::string title =
      "Russia calls resolution \xE2\x80\x98"
      "counter-productive\xE2\x80\x99"
      "\n\nRussia on Thursday slammed the resolution.";
  quotes = quotes_of(title);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quoted(title, quotes[0]), "counter-productive");
  EXPECT_TRUE(quotes[0].headline);
  EXPECT_EQ(quotes[0].kind, QuoteKind::partial);
}

TEST(Kinds, DirectAndPartial) {
  const std::string text =
      "Russia slammed as \"counter-productive\" a landmark resolution. "
      "Putin said: \"We maintain friendly relations.\" \"A further "
      "deepening is in our interest,\" he said, \"and in theirs.\" He will "
      "visit \"soon\" and said \"This Is Fine\" once. \"Obamacare\" failed.";
  std::vector<Quote> quotes = quotes_of(text);
  std::vector<QuoteKind> kinds;
  for (const Quote& q : quotes) kinds.push_back(q.kind);
  EXPECT_EQ(contents(text, quotes),
            (std::vector<std::string>{
                "counter-productive", "We maintain friendly relations.",
                "A further deepening is in our interest,", "and in theirs.",
                "soon", "This Is Fine", "Obamacare"}));
  EXPECT_EQ(kinds, (std::vector<QuoteKind>{
                       QuoteKind::partial, QuoteKind::direct, QuoteKind::direct,
                       QuoteKind::direct, QuoteKind::partial,
                       QuoteKind::partial, QuoteKind::partial}));
  EXPECT_EQ(quotes[0].quoted_parts.size(), 1u);
  EXPECT_TRUE(quotes[1].quoted_parts.empty());
}

// Checks the stage's invariants on `text`.
void check_invariants(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  std::size_t previous_end = 0;
  for (const Paragraph& p : layout.paragraphs) {
    ASSERT_LE(previous_end, p.span.begin);
    ASSERT_LT(p.span.begin, p.span.end);
    ASSERT_LE(p.span.end, text.size());
    previous_end = p.span.end;
  }
  for (const Token& t : layout.tokens) {
    const Span par = layout.paragraphs[t.paragraph].span;
    ASSERT_TRUE(par.contains(t.span));
    ASSERT_LT(t.sentence, static_cast<int>(layout.sentences.size()));
  }
  std::vector<Quote> quotes = find_quotes(text, layout);
  std::vector<Span> open;  // enclosing outers
  for (const Quote& q : quotes) {
    ASSERT_FALSE(q.span.empty());
    ASSERT_LE(q.outer.end, text.size());
    ASSERT_TRUE(q.outer.contains(q.span));
    ASSERT_GE(q.paragraph, 0);
    ASSERT_LT(q.paragraph, static_cast<int>(layout.paragraphs.size()));
    ASSERT_LT(q.sentence, static_cast<int>(layout.sentences.size()));
    while (!open.empty() && open.back().end <= q.outer.begin) open.pop_back();
    // Sorted by start; overlapping only by nesting.
    if (!open.empty()) ASSERT_TRUE(open.back().contains(q.outer));
    open.push_back(q.outer);
  }
}

TEST(Randomized, ArbitraryBytesAndMarksKeepInvariants) {
  const std::vector<std::string> pieces = {"\"",
                                           "'",
                                           "''",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\x98",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9E",
                                           "\xC2\xAB",
                                           "\xC2\xBB",
                                           "\xE3\x80\x8C",
                                           "\xE3\x80\x8D",
                                           "\xEF\xBC\x82",
                                           " ",
                                           " ",
                                           " ",
                                           "\n",
                                           "\n\n",
                                           "word",
                                           "The",
                                           "said",
                                           ".",
                                           ",",
                                           "U.S.",
                                           "Mr.",
                                           "#",
                                           "# ",
                                           "'90s",
                                           "don't",
                                           "-",
                                           ":",
                                           "(",
                                           ")",
                                           "\xC2\xA0",
                                           "\t",
                                           "\r\n",
                                           "Go to Contents"};
  for (unsigned seed = 1; seed <= 300; ++seed) {
    std::mt19937 rng(seed);
    std::string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) {
      if (rng() % 10 == 0) {
        text += static_cast<char>(rng() % 256);  // arbitrary byte
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    std::size_t replaced = 0;
    std::string valid = validate_utf8(text, true, &replaced);
    SCOPED_TRACE("seed " + std::to_string(seed));
    check_invariants(valid);
    if (HasFatalFailure()) return;
  }
}

TEST(Quotes, LinearOnManyUnbalancedParagraphs) {
  // Each paragraph opens a quotation that never closes: the continuation
  // look-ahead must stay linear.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "\"Open paragraph\n\n";
  std::vector<Quote> quotes = quotes_of(text);
  EXPECT_FALSE(quotes.empty());
  std::string marks(1u << 20, '"');
  check_invariants(marks);
}

}  // namespace

// The small words of a title come with the language pack: "zo" in the
// made-up one, "of" in English.
TEST(TitleLike, SmallWordsFollowTheLanguagePack) {
  const Config config;
  const TextTables zz = TextTables::load(
      config, load_vocabulary(
                  "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {}));
  auto title = [](const std::string& text, const TextTables& t) {
    TextLayout layout = analyse_text(text, t);
    std::vector<Quote> q = find_quotes(text, layout);
    return !q.empty() && title_like(text, q[0], t);
  };
  const std::string zo = "They wore \"Make zo Great\" hats.";
  const std::string of = "They wore \"Sons of Liberty\" hats.";
  EXPECT_TRUE(title(zo, zz));
  EXPECT_FALSE(title(of, zz));
  EXPECT_FALSE(title(zo, tables()));
  EXPECT_TRUE(title(of, tables()));
}

TEST(TitleLike, CapitalisedShortQuotationsReadLikeTitles) {
  auto first = [](const std::string& text) {
    std::vector<Quote> q = quotes_of(text);
    return !q.empty() && title_like(text, q[0], tables());
  };
  EXPECT_TRUE(first("They wore \"Make America Great Again\" hats."));
  EXPECT_TRUE(first("Labels read \"Made in the U.S.A.,\" he noted."));
  EXPECT_TRUE(first("The ad is titled \"Scam.\""));
  EXPECT_FALSE(first("\"We will fight on every front.\""));
  EXPECT_FALSE(
      first("\"One Two Three Four Five Six Seven Eight Nine Ten\" it read."));
}

TEST(Kinds, QuotationAfterADashInsideASentenceIsPartial) {
  std::vector<Quote> q = quotes_of(
      "Or maybe his act\u2014\"My tax plan will be a tremendous "
      "plan!\"\u2014is "
      "wearing thin.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::partial);
  // After a colon it is still direct.
  std::vector<Quote> r = quotes_of(
      "The debate began.\n\nHe said: \"My tax plan will be a "
      "tremendous plan!\"");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, QuoteKind::direct);
}

TEST(Kinds, QuotationAfterThatIsPartial) {
  std::vector<Quote> q = quotes_of(
      "Reid told reporters that \"I think you are going to find a pause in "
      "these deportations.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::partial);
}

}  // namespace quotelink::detail
