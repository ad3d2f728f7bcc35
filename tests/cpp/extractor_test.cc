// End-to-end tests of the Extractor facade.
#include <gtest/gtest.h>

#include "quotelink/quotelink.h"

namespace {

TEST(Extractor, VersionMatchesHeader) {
  EXPECT_STREQ(quotelink::version(), "0.1.0");
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
  quotelink::Document doc = extractor.extract(std::string("ab\xFF" "cd", 5));
  EXPECT_EQ(doc.text, "ab\xEF\xBF\xBD" "cd");
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

}  // namespace
