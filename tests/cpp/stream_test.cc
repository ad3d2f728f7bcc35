// Tests of the streaming worker pool: order, bounded window, errors as data.
#include "quotelink/stream.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "quotelink/quotelink.h"

namespace {

using quotelink::Extractor;
using quotelink::Stream;
using quotelink::StreamItem;
using quotelink::StreamOptions;
using quotelink::StreamResult;

// Texts of very different lengths, so that workers finish out of order.
std::string article(int i) {
  std::string text;
  int paragraphs = (i % 7 == 0) ? 200 : 1;
  for (int p = 0; p < paragraphs; ++p)
    text += "\"Statement " + std::to_string(i) + "." + std::to_string(p) +
            " is true,\" the minister said.\n\n";
  return text;
}

TEST(Stream, ResultsComeBackInInputOrder) {
  Extractor extractor;
  std::vector<StreamResult> results;
  int next_item = 0;
  const int count = 60;
  std::size_t processed = quotelink::extract_stream(
      extractor,
      [&]() -> std::optional<StreamItem> {
        if (next_item == count) return std::nullopt;
        int i = next_item++;
        return StreamItem{"doc" + std::to_string(i), article(i)};
      },
      [&](StreamResult&& r) { results.push_back(std::move(r)); },
      StreamOptions{3, 5});
  ASSERT_EQ(processed, static_cast<std::size_t>(count));
  ASSERT_EQ(results.size(), static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(results[i].ok);
    EXPECT_EQ(results[i].id, "doc" + std::to_string(i));
    EXPECT_EQ(results[i].document.id, "doc" + std::to_string(i));
    EXPECT_EQ(results[i].document.text, article(i));
  }
}

TEST(Stream, MatchesSingleThreadedExtraction) {
  Extractor extractor;
  Stream stream(extractor, StreamOptions{2, 4});
  std::vector<std::string> texts = {
      "\"We will not move,\" Senator Jane Smith said on Monday.",
      "The company said in a statement that profits rose.",
      "\"A,\" he said, \"B.\"",
      "No quotations here at all.",
  };
  for (std::size_t i = 0; i < texts.size(); ++i)
    stream.submit(std::to_string(i), texts[i]);
  for (const std::string& text : texts) {
    std::optional<StreamResult> r = stream.next();
    ASSERT_TRUE(r.has_value());
    quotelink::Document expected = extractor.extract(text);
    ASSERT_EQ(r->document.quotes.size(), expected.quotes.size());
    for (std::size_t q = 0; q < expected.quotes.size(); ++q) {
      EXPECT_EQ(r->document.quotes[q].span, expected.quotes[q].span);
      EXPECT_EQ(r->document.quotes[q].speaker, expected.quotes[q].speaker);
      EXPECT_EQ(r->document.quotes[q].sieve, expected.quotes[q].sieve);
    }
    EXPECT_EQ(r->document.entities.size(), expected.entities.size());
  }
  EXPECT_FALSE(stream.next().has_value());
}

TEST(Stream, WindowIsBoundedAndSubmitWhenFullIsAnError) {
  Extractor extractor;
  Stream stream(extractor, StreamOptions{2, 3});
  EXPECT_EQ(stream.max_in_flight(), 3u);
  EXPECT_EQ(stream.threads(), 2u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(stream.full());
    stream.submit(std::to_string(i), article(i));
  }
  EXPECT_TRUE(stream.full());
  EXPECT_EQ(stream.in_flight(), 3u);
  EXPECT_THROW(stream.submit("x", "text"), quotelink::error);
  ASSERT_TRUE(stream.next().has_value());
  EXPECT_FALSE(stream.full());
  stream.submit("3", article(3));
  for (const char* id : {"1", "2", "3"}) {
    std::optional<StreamResult> r = stream.next();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->id, id);
  }
  EXPECT_EQ(stream.in_flight(), 0u);
}

TEST(Stream, ExtractStreamNeverHoldsMoreThanTheWindow) {
  Extractor extractor;
  std::size_t pulled = 0, delivered = 0, most_outstanding = 0;
  quotelink::extract_stream(
      extractor,
      [&]() -> std::optional<StreamItem> {
        if (pulled == 500) return std::nullopt;
        ++pulled;
        most_outstanding = std::max(most_outstanding, pulled - delivered);
        return StreamItem{std::to_string(pulled),
                          article(static_cast<int>(pulled))};
      },
      [&](StreamResult&&) { ++delivered; }, StreamOptions{2, 8});
  EXPECT_EQ(delivered, 500u);
  EXPECT_LE(most_outstanding, 8u);
}

TEST(Stream, FailuresAreDeliveredAsDataInOrder) {
  Extractor extractor;
  Stream stream(extractor, StreamOptions{2, 8});
  stream.submit("good1", "\"Yes,\" she said.");
  stream.submit("bad", std::string("ab\xFF"
                                   "cd",
                                   5));
  stream.submit("good2", "\"No,\" he said.");
  std::optional<StreamResult> a = stream.next(), b = stream.next(),
                              c = stream.next();
  ASSERT_TRUE(a && b && c);
  EXPECT_TRUE(a->ok);
  EXPECT_FALSE(b->ok);
  EXPECT_EQ(b->id, "bad");
  EXPECT_EQ(b->error_offset, 2u);
  EXPECT_NE(b->error_message.find("byte offset 2"), std::string::npos);
  EXPECT_TRUE(c->ok);
  EXPECT_EQ(c->id, "good2");
}

TEST(Stream, WaitReportsReadiness) {
  Extractor extractor;
  Stream stream(extractor, StreamOptions{1, 2});
  EXPECT_TRUE(stream.wait(std::chrono::milliseconds(0)));  // nothing in flight
  stream.submit("a", "\"Fine,\" he said.");
  EXPECT_TRUE(stream.wait(std::chrono::seconds(30)));
  std::optional<StreamResult> r = stream.next();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->id, "a");
}

TEST(Stream, DestroyingWithWorkPendingStopsCleanly) {
  Extractor extractor;
  {
    Stream stream(extractor, StreamOptions{2, 16});
    for (int i = 0; i < 16; ++i) stream.submit(std::to_string(i), article(0));
  }  // the destructor must join without hanging or leaking
  SUCCEED();
}

TEST(Stream, DefaultsUseEveryCoreAndFourItemsPerThread) {
  Extractor extractor;
  Stream stream(extractor);
  EXPECT_GE(stream.threads(), 1u);
  EXPECT_EQ(stream.max_in_flight(), 4u * stream.threads());
}

TEST(Stream, RejectsAbsurdOptions) {
  Extractor extractor;
  EXPECT_THROW(Stream(extractor, StreamOptions{100000, 0}), quotelink::error);
  EXPECT_THROW(Stream(extractor, StreamOptions{1, std::size_t{1} << 40}),
               quotelink::error);
}

}  // namespace
