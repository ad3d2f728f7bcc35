// Reported speech has a structural limit (issue #19): a reported clause ends
// at its sentence, its paragraph or a fixed number of tokens, and reports
// nest only a few deep, so the output of any text is a small multiple of it.
// Chains of cues without a full stop once made every clause run to the end
// of its window: 1,040x the input as JSONL.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "../fuzz/invariants.h"
#include "quotelink/quotelink.h"

namespace {

using quotelink::Document;
using quotelink::Quote;
using quotelink::QuoteKind;

std::string repeat_to(const std::string& unit, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

Document extract_checked(const std::string& text) {
  Document doc = quotelink::extract(text);
  EXPECT_EQ(quotelink::testing::check_document(doc), "");
  return doc;
}

std::size_t words_in(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::size_t quoted_bytes(const Document& doc) {
  std::size_t bytes = 0;
  for (const Quote& q : doc.quotes) bytes += q.span.size();
  return bytes;
}

// The most quotations covering one byte of the text.
std::size_t deepest_cover(const Document& doc) {
  std::vector<std::pair<std::size_t, int>> edges;
  for (const Quote& q : doc.quotes) {
    edges.emplace_back(q.span.begin, 1);
    edges.emplace_back(q.span.end, -1);
  }
  std::sort(edges.begin(), edges.end());  // ends (-1) before starts at a tie
  int depth = 0, deepest = 0;
  for (const auto& [at, step] : edges)
    deepest = std::max(deepest, depth += step);
  return static_cast<std::size_t>(deepest);
}

// Every chain: bounded clauses, so the quoted text (and with it the JSONL)
// stays within a small multiple of the input, windowed or not.
void expect_bounded(const std::string& unit, std::size_t bytes) {
  const std::string text = repeat_to(unit, bytes);
  const Document doc = extract_checked(text);
  ASSERT_FALSE(doc.quotes.empty()) << unit;
  for (const Quote& q : doc.quotes)
    EXPECT_LE(words_in(doc.text_of(q)), 256u)
        << unit << ": " << doc.text_of(q).substr(0, 80);
  EXPECT_LE(deepest_cover(doc), 4u) << unit;
  EXPECT_LE(quoted_bytes(doc), 4 * text.size()) << unit;
}

TEST(BoundedReports, SaidThatChainWithoutFullStop) {
  expect_bounded("Smith said that ", 8 * 1024);   // one window
  expect_bounded("Smith said that ", 96 * 1024);  // windowed
}

TEST(BoundedReports, DashAsidesWithoutFullStop) {
  expect_bounded(
      "The talks went well \xE2\x80\x94 said Jones \xE2\x80\x94 and ",
      96 * 1024);
}

TEST(BoundedReports, AccordingToChainWithoutFullStop) {
  expect_bounded("He said, according to Smith, ", 96 * 1024);
}

TEST(BoundedReports, ReportsNestAtMostFourDeep) {
  const Document doc = extract_checked(
      "Anne said that Bob said that Carl said that Dora said that Emil said "
      "that Fay said that the talks failed.");
  std::size_t indirect = 0;
  for (const Quote& q : doc.quotes) indirect += q.kind == QuoteKind::indirect;
  EXPECT_EQ(indirect, 4u);
  EXPECT_EQ(deepest_cover(doc), 4u);
  // The outermost reports stand; the innermost are left out.
  EXPECT_EQ(doc.text_of(doc.quotes[0]).rfind("that Bob said that", 0), 0u);
}

TEST(BoundedReports, LongSentenceKeepsItsWholeClause) {
  // The bound is far above any news sentence: 150 words stay one clause.
  std::string clause = "that";
  for (int i = 0; i < 150; ++i) clause += " word" + std::to_string(i);
  const Document doc = extract_checked("The minister said " + clause + ".");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), clause);
}

TEST(BoundedReports, ClauseWithoutFullStopIsCutNotLost) {
  // 600 words without a full stop: the clause keeps its first 256 tokens.
  std::string clause = "that";
  for (int i = 0; i < 600; ++i) clause += " word" + std::to_string(i);
  const Document doc = extract_checked("The minister said " + clause);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(words_in(doc.text_of(doc.quotes[0])), 256u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]).rfind("that word0 word1", 0), 0u);
}

TEST(BoundedReports, FrontedClauseKeepsTheWordsBeforeItsCue) {
  // "CLAUSE, X said" over the bound keeps the end next to its cue.
  std::string clause = "word0";
  for (int i = 1; i < 400; ++i) clause += " word" + std::to_string(i);
  const Document doc = extract_checked(clause + ", the minister said.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  const std::string_view reported = doc.text_of(doc.quotes[0]);
  EXPECT_EQ(words_in(reported), 256u);
  EXPECT_EQ(reported.rfind("word144 word145", 0), 0u);
  EXPECT_EQ(reported.substr(reported.size() - 8), " word399");
}

}  // namespace
