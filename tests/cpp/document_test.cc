// The data model's own behaviour: compact records, interned sieve labels,
// quotation words as views of the text.
#include "quotelink/document.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "quotelink/error.h"
#include "quotelink/quotelink.h"

namespace {

using quotelink::Document;
using quotelink::Quote;
using quotelink::SieveLabel;
using quotelink::Span;

TEST(DataModel, RecordsHoldNoStringOfTheirOwn) {
  // 192 bytes and three strings in 0.1.0: on text dense with quotations the
  // records were most of the memory (issue #19).
  static_assert(sizeof(Span) == 8, "32-bit offsets");
  static_assert(sizeof(SieveLabel) == 2, "an id into the label table");
  if (sizeof(void*) == 8) {
    // 88 and 48 with a std::vector of parts and a std::string head.
    EXPECT_LE(sizeof(Quote), 72u);
    EXPECT_LE(sizeof(quotelink::Mention), 32u);
    EXPECT_EQ(sizeof(quotelink::SpanList), sizeof(void*));
    EXPECT_EQ(sizeof(quotelink::CompactString), 16u);
  }
}

TEST(SpanList, ReadsLikeAVectorAndCopiesDeeply) {
  quotelink::SpanList parts;
  EXPECT_TRUE(parts.empty());
  EXPECT_EQ(parts.begin(), parts.end());
  for (std::uint32_t i = 0; i < 5; ++i) parts.push_back(Span{i, i + 1});
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[4], (Span{4, 5}));
  quotelink::SpanList copy = parts;
  copy[0] = Span{9, 9};
  EXPECT_EQ(parts[0], (Span{0, 1}));
  EXPECT_NE(copy, parts);
  std::vector<Span> seen(parts.begin(), parts.end());
  EXPECT_EQ(seen.size(), 5u);
  quotelink::SpanList moved = std::move(copy);
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): defined
  EXPECT_EQ(moved.size(), 5u);
  moved = {Span{1, 2}};
  EXPECT_EQ(moved, (quotelink::SpanList{Span{1, 2}}));
  moved.clear();
  EXPECT_TRUE(moved.empty());
}

TEST(CompactString, ShortInPlaceLongOnTheHeapBothReadTheSame) {
  const std::string long_text = "Foreign Minister Sergei Lavrov";
  quotelink::CompactString a("he");
  quotelink::CompactString b(long_text);
  EXPECT_EQ(a, "he");
  EXPECT_EQ(b, long_text);
  EXPECT_EQ(b.rfind(' '), long_text.rfind(' '));
  EXPECT_EQ(a.rfind(' '), quotelink::CompactString::npos);
  EXPECT_EQ(quotelink::CompactString(std::string(15, 'x')).size(), 15u);
  EXPECT_EQ(quotelink::CompactString(std::string(16, 'x')).size(), 16u);
  quotelink::CompactString c = b;  // a deep copy
  b = a;
  EXPECT_EQ(c, long_text);
  EXPECT_EQ(b, "he");
  c = c.view().substr(8);  // assigned from a view of itself
  EXPECT_EQ(c, "Minister Sergei Lavrov");
  quotelink::CompactString d = std::move(c);
  EXPECT_TRUE(c.empty());  // NOLINT(bugprone-use-after-move): defined
  EXPECT_EQ(d.str(), "Minister Sergei Lavrov");
  std::ostringstream out;
  out << d;
  EXPECT_EQ(out.str(), "Minister Sergei Lavrov");
  EXPECT_TRUE(quotelink::CompactString().empty());
}

TEST(DataModel, TextOfAQuoteIsTheSliceOfItsSpan) {
  const Document doc = quotelink::extract(
      "\"We will win,\" Jane Roe said. \xC3\x89lise Roy said that it was "
      "over.\n");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), "We will win,");
  EXPECT_EQ(doc.text_of(doc.quotes[1]), "that it was over");
  for (const Quote& q : doc.quotes) {
    EXPECT_EQ(doc.text_of(q), doc.slice(q.span));
    EXPECT_EQ(doc.text_of(q).data(), doc.text.data() + q.span.begin);
  }
}

TEST(DataModel, NoCueIsAnEmptySpan) {
  Quote q;
  EXPECT_FALSE(q.has_cue());
  q.cue = Span{3, 7};
  EXPECT_TRUE(q.has_cue());
  const Document doc = quotelink::extract("\"Yes,\" Roe said. \"No.\"\n");
  ASSERT_EQ(doc.quotes.size(), 2u);
  ASSERT_TRUE(doc.quotes[0].has_cue());
  EXPECT_EQ(doc.slice(doc.quotes[0].cue), "said");
}

TEST(SieveLabel, TheSameNameIsTheSameLabel) {
  const SieveLabel a("document_test_label");
  const SieveLabel b(std::string("document_test_") + "label");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.name(), "document_test_label");
  EXPECT_EQ(a, "document_test_label");
  EXPECT_NE(a, SieveLabel("document_test_other"));
  EXPECT_NE(a, "document_test_other");
  std::ostringstream out;
  out << a;
  EXPECT_EQ(out.str(), "document_test_label");
}

TEST(SieveLabel, TheDefaultIsEmptyAndSuffixesCompose) {
  SieveLabel none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.name(), "");
  EXPECT_EQ(none, SieveLabel(""));
  SieveLabel rule("reported_after");
  rule += "+model";
  rule += "+source";
  EXPECT_EQ(rule, "reported_after+model+source");
  EXPECT_EQ(rule, SieveLabel("reported_after+model+source"));
  EXPECT_FALSE(rule.empty());
}

TEST(SieveLabel, ThreadsInternAndReadAtOnce) {
  // Every thread interns the same 300 names (more than one chunk of the
  // table) in its own order and reads them back.
  constexpr int kNames = 300;
  std::vector<std::thread> threads;
  std::vector<std::vector<SieveLabel>> seen(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kNames; ++i) {
        const int n = t % 2 ? kNames - 1 - i : i;
        const std::string name = "threaded_label_" + std::to_string(n);
        const SieveLabel label(name);
        if (label.name() != name) std::abort();
        seen[t].push_back(label);
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < kNames; ++i) {
    EXPECT_EQ(seen[0][i], seen[2][i]);
    EXPECT_EQ(seen[0][i], seen[1][kNames - 1 - i]);
  }
}

TEST(SieveLabelDeathTest, TheTableRefusesMoreThanItsIds) {
  // In a child process: filling the table would leave none for other tests.
  EXPECT_EXIT(
      {
        try {
          for (int i = 0; i < 70000; ++i)
            SieveLabel label("overflow_" + std::to_string(i));
        } catch (const quotelink::error& e) {
          std::exit(std::string(e.what()).find("65,535") != std::string::npos
                        ? 0
                        : 2);
        }
        std::exit(1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
