// ShingleIndex: the compressed inverted index behind QuoteClusterer finds
// exactly the postings added, across flushes and merges, in a few bytes each.
#include "shingle_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace {

using quotelink::detail::ShingleIndex;

std::vector<std::uint32_t> visited(const ShingleIndex& index,
                                   std::uint32_t shingle) {
  std::vector<std::uint32_t> quotes;
  index.visit(shingle, [&](std::uint32_t q) { quotes.push_back(q); });
  std::sort(quotes.begin(), quotes.end());
  return quotes;
}

// Quotations of 20 shingles drawn from a small vocabulary (so that many
// quotations share a shingle) and from the whole 32-bit range.
std::vector<std::vector<std::uint32_t>> quotations(int count) {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::uint32_t> any;
  std::vector<std::vector<std::uint32_t>> out;
  for (int q = 0; q < count; ++q) {
    std::set<std::uint32_t> shingles;
    while (shingles.size() < 20)
      shingles.insert(shingles.size() % 4 == 0 ? any(random) % 500
                                               : any(random));
    out.emplace_back(shingles.begin(), shingles.end());
  }
  return out;
}

// Adds quotations(40000) with their shingles' top `bits` bits (800,000
// postings: many runs) and checks what visit() finds.
void finds_every_posting(unsigned bits) {
  auto quotes = quotations(40000);
  ShingleIndex index(bits);
  std::size_t postings = 0;
  std::map<std::uint32_t, std::vector<std::uint32_t>> expected;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    std::set<std::uint32_t> tops;
    for (std::uint32_t s : quotes[q]) tops.insert(s >> (32 - bits));
    quotes[q].assign(tops.begin(), tops.end());
    index.add(static_cast<std::uint32_t>(q), quotes[q]);
    postings += quotes[q].size();
    for (std::uint32_t s : quotes[q])
      expected[s].push_back(static_cast<std::uint32_t>(q));
  }
  EXPECT_EQ(index.postings(), postings);
  // Every shared shingle, and a sample of the others, each at its edges:
  // the lowest and highest shingle values and ones missing from the index.
  std::size_t checked = 0;
  for (const auto& [shingle, quotes_of] : expected) {
    if (shingle >= 500 && checked++ % 97 != 0) continue;
    ASSERT_EQ(visited(index, shingle), quotes_of) << shingle;
    if (!expected.count(shingle + 1))
      EXPECT_TRUE(visited(index, shingle + 1).empty()) << shingle + 1;
  }
  EXPECT_EQ(visited(index, expected.begin()->first), expected.begin()->second);
  EXPECT_EQ(visited(index, expected.rbegin()->first),
            expected.rbegin()->second);
  const std::uint32_t top = 0xFFFFFFFFu >> (32 - bits);
  EXPECT_TRUE(visited(index, top).empty() || expected.count(top));
}

TEST(ShingleIndex, FindsEveryPostingAcrossFlushesAndMerges) {
  finds_every_posting(32);
}

// Narrower shingles (QuoteClusterer keeps 22 bits): the directory reads
// their top bits, not the key's.
TEST(ShingleIndex, FindsEveryPostingOfNarrowShingles) {
  finds_every_posting(22);
}

TEST(ShingleIndex, APostingTakesAFewBytesNotEight) {
  const auto quotes = quotations(40000);
  ShingleIndex index;
  for (std::size_t q = 0; q < quotes.size(); ++q)
    index.add(static_cast<std::uint32_t>(q), quotes[q]);
  const double per_posting = static_cast<double>(index.bytes()) /
                             static_cast<double>(index.postings());
  EXPECT_LT(per_posting, 6.5) << index.bytes() << " bytes";
}

// A block of 64 postings has a 14-byte header (first key, bit offset,
// parameters) and about one 4-byte directory entry: 0.28 byte a posting
// (0.56 with blocks of 32).
TEST(ShingleIndex, BlockHeadersTakeAQuarterByteAPosting) {
  const auto quotes = quotations(40000);
  ShingleIndex index;
  for (std::size_t q = 0; q < quotes.size(); ++q)
    index.add(static_cast<std::uint32_t>(q), quotes[q]);
  const ShingleIndex::Bytes held = index.held();
  EXPECT_EQ(held.codes + held.headers + held.tail, index.bytes());
  EXPECT_LT(static_cast<double>(held.headers) / index.postings(), 0.35)
      << held.headers << " bytes";
}

TEST(ShingleIndex, ARepeatedShingleCostsItsQuotationsStep) {
  // 20 copies of 2,000 quotations, each copy naming someone new: 18 of a
  // copy's 20 shingles are its original's. A posting repeating the previous
  // one's shingle is its quotation's step (about 2,000: 12 bits and a flag)
  // instead of a zero gap and the quotation in full: 3.1 bytes a posting
  // with the 512 KB tail, 4.7 before.
  std::mt19937 random(11);
  std::uniform_int_distribution<std::uint32_t> any;
  std::vector<std::vector<std::uint32_t>> originals(2000);
  for (auto& shingles : originals)
    while (shingles.size() < 18) shingles.push_back(any(random));
  ShingleIndex index;
  std::map<std::uint32_t, std::vector<std::uint32_t>> expected;
  std::uint32_t quote = 0;
  for (int copy = 0; copy < 20; ++copy)
    for (std::size_t o = 0; o < originals.size(); ++o, ++quote) {
      std::vector<std::uint32_t> shingles = originals[o];
      shingles.push_back(any(random));
      shingles.push_back(any(random));
      std::sort(shingles.begin(), shingles.end());
      shingles.erase(std::unique(shingles.begin(), shingles.end()),
                     shingles.end());
      index.add(quote, shingles);
      if (o % 50 == 0)
        for (std::uint32_t s : shingles) expected[s].push_back(quote);
    }
  EXPECT_EQ(index.postings(), 800000u);
  for (const auto& [shingle, quotes_of] : expected)
    ASSERT_EQ(visited(index, shingle), quotes_of) << shingle;
  const double per_posting = static_cast<double>(index.bytes()) /
                             static_cast<double>(index.postings());
  EXPECT_LT(per_posting, 3.5) << index.bytes() << " bytes";
}

TEST(ShingleIndex, AnEmptyIndexFindsNothing) {
  ShingleIndex index;
  EXPECT_TRUE(visited(index, 42).empty());
  index.add(3, {1, 42, 0xFFFFFFFFu});
  EXPECT_EQ(visited(index, 42), std::vector<std::uint32_t>{3});
  EXPECT_EQ(visited(index, 0xFFFFFFFFu), std::vector<std::uint32_t>{3});
  EXPECT_TRUE(visited(index, 41).empty());
}

}  // namespace
