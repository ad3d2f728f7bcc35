// End-to-end tests of the Extractor facade.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "quotelink/quotelink.h"

namespace {

TEST(Extractor, VersionMatchesHeader) {
  EXPECT_STREQ(quotelink::version(), "0.2.0");
}

TEST(Extractor, InvalidUtf8NamesByteOffset) {
  quotelink::Extractor extractor;
  try {
    extractor.extract(std::string("ab\xC3(cd", 6));
    FAIL() << "expected quotelink::error";
  } catch (const quotelink::error& e) {
    EXPECT_EQ(e.byte_offset(), 2u);
    EXPECT_NE(std::string(e.what()).find("byte offset 2"), std::string::npos);
  }
}

TEST(Extractor, ReplacesInvalidUtf8WhenAsked) {
  quotelink::Config config;
  config.replace_invalid_utf8 = true;
  quotelink::Extractor extractor(config);
  quotelink::Document doc =
      extractor.extract(std::string("ab\xFF"
                                    "cd",
                                    5));
  EXPECT_EQ(doc.text,
            "ab\xEF\xBF\xBD"
            "cd");
  EXPECT_EQ(doc.replaced_invalid_bytes, 1u);
}

TEST(Extractor, CodePointOffsets) {
  quotelink::Document doc = quotelink::extract("\xC3\xA9t\xC3\xA9 \"x\"");
  EXPECT_EQ(doc.code_point_offset(0), 0u);
  EXPECT_EQ(doc.code_point_offset(2), 1u);
  EXPECT_EQ(doc.code_point_offset(doc.text.size()), 7u);
}

TEST(Extractor, ExtractManyKeepsInputOrder) {
  quotelink::Extractor extractor;
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i)
    texts.push_back("\"Quote number " + std::to_string(i) + ",\" he said.");
  std::vector<quotelink::Document> docs = extractor.extract_many(texts, 2);
  ASSERT_EQ(docs.size(), texts.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].text, texts[i]);
    ASSERT_EQ(docs[i].quotes.size(), 1u);
  }
}

// A direct quotation with a speaker, reported speech with a speaker, and a
// direct quotation nobody is found for (confidence 0).
constexpr const char* kThreeKinds =
    "\"We will win,\" Foreign Minister Sergei Lavrov said on Monday.\n\n"
    "The minister said that the talks would go on for weeks.\n\n"
    "\"Nobody knows what comes next.\"\n";

std::vector<quotelink::QuoteKind> kinds_of(const quotelink::Document& doc) {
  std::vector<quotelink::QuoteKind> kinds;
  for (const quotelink::Quote& q : doc.quotes) kinds.push_back(q.kind);
  return kinds;
}

TEST(Extractor, ConfidenceIsRoundedToFourDecimals) {
  // A partial quotation whose speaker is a pronoun: 0.8 * 0.9, which is
  // 0.7200000000000001 in floating point before rounding (the rules'
  // constants; calibrated confidences are rounded too, below).
  quotelink::Config constants;
  constants.calibration = false;
  quotelink::Document doc = quotelink::Extractor(constants).extract(
      "The resolution was adopted on Tuesday.\n\nIt asks the UN Security "
      "Council to \"take appropriate action to ensure accountability,\" "
      "including a referral.\n");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].confidence, 0.72);
  for (const quotelink::Quote& q : quotelink::extract(kThreeKinds).quotes)
    EXPECT_EQ(q.confidence, std::round(q.confidence * 1e4) / 1e4);
}

TEST(Extractor, KeepsOnlyTheConfiguredKinds) {
  using quotelink::QuoteKind;
  quotelink::Config config;
  config.kinds = {QuoteKind::indirect};
  quotelink::Document doc = quotelink::Extractor(config).extract(kThreeKinds);
  EXPECT_EQ(kinds_of(doc), std::vector<QuoteKind>{QuoteKind::indirect});
  // Dropping quotations keeps the speakers they pointed to.
  ASSERT_GE(doc.quotes[0].speaker, 0);
  EXPECT_EQ(doc.entities[doc.quotes[0].speaker].name, "Sergei Lavrov");
  config.kinds = {};
  EXPECT_TRUE(quotelink::Extractor(config).extract(kThreeKinds).quotes.empty());
}

TEST(Extractor, KeepsOnlyQuotationsAtTheMinimumConfidence) {
  quotelink::Document all = quotelink::extract(kThreeKinds);
  ASSERT_EQ(all.quotes.size(), 3u);
  quotelink::Config config;
  config.min_confidence = all.quotes[1].confidence;  // the threshold is kept
  quotelink::Document doc = quotelink::Extractor(config).extract(kThreeKinds);
  std::vector<double> kept;
  for (const quotelink::Quote& q : doc.quotes) {
    EXPECT_GE(q.confidence, config.min_confidence);
    kept.push_back(q.confidence);
  }
  std::vector<double> expected;
  for (const quotelink::Quote& q : all.quotes)
    if (q.confidence >= config.min_confidence) expected.push_back(q.confidence);
  EXPECT_EQ(kept, expected);
  EXPECT_LT(kept.size(), all.quotes.size());  // the unattributed one is gone
}

}  // namespace
