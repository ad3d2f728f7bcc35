// Quotation normalization and incremental clustering.
#include "quote_clusters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "quotelink/error.h"

namespace {

using quotelink::QuoteRef;
using quotelink::detail::quote_keys;
using quotelink::detail::quote_words;
using quotelink::detail::QuoteClusterer;

TEST(QuoteWords, NormalizesCaseHyphensPunctuationAndSpace) {
  EXPECT_EQ(quote_words("counter-productive"),
            quote_words("Counterproductive."));
  EXPECT_EQ(quote_words("international issues of common\ninterest,"),
            quote_words("International  issues of common interest"));
  EXPECT_EQ(quote_words("don\xE2\x80\x99t"), quote_words("dont"));
  EXPECT_EQ(quote_words("\xE2\x80\x98Soon\xE2\x80\x99"), quote_words("soon"));
  EXPECT_EQ(quote_words("a - b").size(), 2u);  // a free-standing dash breaks
  EXPECT_NE(quote_words("common interest"), quote_words("mutual interest"));
}

TEST(QuoteKeys, ShinglesAreDistinctAndSorted) {
  auto keys = quote_keys("a b c a b c", 3);
  EXPECT_EQ(keys.words, 6u);
  EXPECT_EQ(keys.shingles.size(), 3u);  // abc, bca, cab
  EXPECT_TRUE(std::is_sorted(keys.shingles.begin(), keys.shingles.end()));
  EXPECT_EQ(quote_keys("Soon", 3).shingles.size(), 0u);
  EXPECT_EQ(quote_keys("Soon,", 3).exact, quote_keys("soon", 3).exact);
}

int add(QuoteClusterer& c, const std::string& text, std::size_t doc) {
  return c.add(quote_keys(text, 3), QuoteRef{doc, 0}, text);
}

TEST(QuoteClusterer, ExactAfterNormalization) {
  QuoteClusterer c(3, 5);
  int a = add(c, "counter-productive", 0);
  int b = add(c, "counterproductive.", 1);
  int d = add(c, "productive", 2);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, d);
}

TEST(QuoteClusterer, ContainmentInBothDirections) {
  const std::string full =
      "In my opinion, it is counter-productive to try to make some loud "
      "statements through confrontational resolutions at the UN";
  QuoteClusterer c(3, 5);
  int whole = add(c, full, 0);
  int part = add(c, "to try to make some loud statements", 1);
  EXPECT_EQ(whole, part);
  // Part first, whole later.
  QuoteClusterer d(3, 5);
  int p = add(d, "some loud statements through confrontational resolutions", 0);
  int w = add(d, full, 1);
  EXPECT_EQ(p, w);
  EXPECT_EQ(d.clusters(2).size(), 1u);
  EXPECT_EQ(d.clusters(2)[0].text, full);
}

TEST(QuoteClusterer, ShortQuotesAreNotContained) {
  QuoteClusterer c(3, 5);
  int whole =
      add(c, "we maintain friendly relations with one of our neighbors", 0);
  int part = add(c, "friendly relations with", 1);  // 3 words < 5
  EXPECT_NE(whole, part);
}

TEST(QuoteClusterer, OverlapWithoutContainmentStaysApart) {
  QuoteClusterer c(3, 5);
  int a = add(c, "one two three four five six seven", 0);
  int b = add(c, "five six seven eight nine ten eleven", 1);
  EXPECT_NE(a, b);
}

TEST(QuoteClusterer, BridgingQuoteMergesIntoSmallestId) {
  QuoteClusterer c(3, 5);
  int a = add(c, "alpha beta gamma delta epsilon", 0);
  int b = add(c, "zeta eta theta iota kappa", 1);
  ASSERT_NE(a, b);
  int bridge =
      add(c, "alpha beta gamma delta epsilon and zeta eta theta iota kappa", 2);
  EXPECT_EQ(bridge, std::min(a, b));
  EXPECT_EQ(c.find(b), std::min(a, b));
  auto clusters = c.clusters(1);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].quotes.size(), 3u);
  EXPECT_EQ(clusters[0].document_count(), 3u);
}

TEST(QuoteClusterer, ContainmentFoundAfterIndexFlush) {
  // Enough unrelated quotations to push postings through the sorted run.
  QuoteClusterer c(3, 5);
  int target =
      add(c,
          "the subject of the denuclearization of the Korean Peninsula "
          "is constantly present on the agenda",
          0);
  for (int i = 0; i < 16000; ++i) {
    std::string text;
    for (int w = 0; w < 20; ++w)
      text += "w" + std::to_string(i * 31 + w * 7) + " ";
    add(c, text, 1 + i);
  }
  EXPECT_GT(c.postings(), 250000u);  // several runs, merged
  int part = add(c, "denuclearization of the Korean Peninsula", 9999);
  EXPECT_EQ(part, target);
  EXPECT_EQ(c.clusters(2).size(), 1u);
}

TEST(QuoteClusterer, QuotationsTooShortToContainOrBeContainedAreNotIndexed) {
  QuoteClusterer c(3, 5);
  add(c, "we will not go", 0);  // 4 words, 2 shingles: exact matches only
  EXPECT_EQ(c.postings(), 0u);
  EXPECT_EQ(add(c, "We will not go.", 1), 0);
  add(c, "we will not go home", 2);  // 5 words: can be contained
  EXPECT_EQ(c.postings(), 3u);
}

TEST(QuoteClusterer, TheContainerHasAtLeastTheWordsOfWhatItContains) {
  // Every shingle of the second (abc, bca, cab) is one of the first's, but
  // the second is longer: it repeats them, it is not inside the first.
  QuoteClusterer c(3, 5);
  const int shorter = add(c, "a b c a b c d", 0);
  const int longer = add(c, "a b c a b c a b c", 1);
  EXPECT_NE(shorter, longer);
  // The other way round it is inside: all of its shingles, fewer words.
  QuoteClusterer d(3, 5);
  const int container = add(d, "a b c a b c a b c d", 0);
  EXPECT_EQ(add(d, "a b c a b c a", 1), container);
}

TEST(QuoteClusterer, HoldsAFewBytesAPosting) {
  QuoteClusterer c(3, 5);
  auto add_unrelated = [&c](int from, int to) {
    for (int i = from; i < to; ++i) {
      std::string text;
      for (int w = 0; w < 20; ++w)
        text += "w" + std::to_string(i * 31 + w * 7) + " ";
      add(c, text, static_cast<std::size_t>(i));
    }
  };
  add_unrelated(0, 10000);
  const std::size_t bytes = c.held_bytes();
  const std::size_t postings = c.postings();
  add_unrelated(10000, 30000);
  // What each further posting costs (18 a quotation, with its exact-match
  // entry and per-quotation numbers): 8 bytes a posting uncompressed and a
  // hash-map node per quotation would be over 10.
  const double per_posting = static_cast<double>(c.held_bytes() - bytes) /
                             static_cast<double>(c.postings() - postings);
  EXPECT_LT(per_posting, 7.0) << c.held_bytes() << " bytes";
}

// A distinct quotation of five words (three postings) costs its exact-table
// entry, its postings and one packed word of counts: its cluster is implied
// by its exact entry and a parent is kept only for merged clusters. It took
// 53 bytes with a cluster in the exact table, a cluster, word and shingle
// count per indexed quotation and a parent per cluster; 35 now, with
// counts of 2 bytes.
TEST(QuoteClusterer, AQuotationCostsItsEntryItsPostingsAndTwoBytes) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int w = 0; w < 5; ++w)
      text += "w" + std::to_string(i * 31 + w * 7) + " ";
    c.add(quote_keys(text, 3), QuoteRef{static_cast<std::size_t>(i), 0}, {});
  }
  EXPECT_LT(static_cast<double>(c.held_bytes()) / n, 38.0);
}

// Counts past 16 bits are kept whole: a quotation of 70,000 words is found
// inside one of 70,001 (every one of its shingles shared, fewer words), and
// a quotation inside it joins it too.
TEST(QuoteClusterer, LongQuotationsKeepTheirCounts) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  std::string text;
  for (int w = 0; w < 70000; ++w) text += "w" + std::to_string(w) + " ";
  const int longest = add(c, text, 0);
  EXPECT_EQ(add(c, text + "more", 1), longest);
  EXPECT_EQ(add(c, "w10 w11 w12 w13 w14 w15", 2), longest);
  EXPECT_NE(add(c, "w10 w11 w12 w13 w14 w16", 3), longest);
}

// The index keeps a shingle's top 22 bits: two quotations whose shingles
// differ only below them count as one containing the other (a collision,
// 2^-22 a shingle pair); one differing above them does not.
TEST(QuoteClusterer, TheIndexKeepsTwentyTwoBitsOfAShingle) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  quotelink::QuoteKeys a;
  a.words = 5;
  a.exact = 1;
  a.shingles = {0x10000000u, 0x20000000u, 0x30000000u};
  quotelink::QuoteKeys low = a;
  low.exact = 2;
  low.shingles[2] |= 0x3FFu;  // below the top 22 bits
  quotelink::QuoteKeys high = a;
  high.exact = 3;
  high.shingles[2] |= 0x400u;  // the lowest bit kept
  const int first = c.add(a, QuoteRef{0, 0}, {});
  EXPECT_EQ(c.add(low, QuoteRef{1, 0}, {}), first);
  EXPECT_NE(c.add(high, QuoteRef{2, 0}, {}), first);
}

// A quotation repeating one phrase has far fewer distinct shingles than
// words (40 words of "a b": 2 shingles, 36 fewer than 38): its counts do
// not fit 16 bits and are kept whole, so a quotation containing it (both
// of its shingles, one word more) still joins it.
TEST(QuoteClusterer, RepeatedPhrasesKeepTheirShingleCount) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  std::string text;
  for (int w = 0; w < 20; ++w) text += "a b ";
  const int repeated = add(c, text, 0);
  EXPECT_EQ(add(c, text + "a", 1), repeated);
  EXPECT_EQ(add(c, "b a b a b a b", 2), repeated);  // 2 shingles, 3 fewer
  EXPECT_NE(add(c, "b a b a c", 3), repeated);
}

// The word and shingle counts of a distinct quotation take 16 bits: its
// words and its shingles fewer than its words would give (4 bytes before).
TEST(QuoteClusterer, CountsTakeTwoBytesAQuotation) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int w = 0; w < 5 + i % 30; ++w)
      text += "w" + std::to_string(i * 37 + w * 7) + " ";
    c.add(quote_keys(text, 3), QuoteRef{static_cast<std::size_t>(i), 0}, {});
  }
  quotelink::LinkHeldBytes parts;
  c.add_held_parts(parts);
  EXPECT_EQ(parts.total(), c.held_bytes());
  EXPECT_LT(static_cast<double>(parts.counts) / n, 2.1) << parts.counts;
}

// An exact-table entry's cluster is implied by its rank among the entries
// that opened one, shifted by the clusters opened without an entry (a
// quotation of no words); one that joined an earlier cluster keeps its id.
// Every exact repeat finds the cluster its first occurrence got, across
// 64-entry words.
TEST(QuoteClusterer, ExactRepeatsFindTheirClusterWhateverOpenedIt) {
  QuoteClusterer c(3, 5, /*keep_members=*/false);
  std::vector<std::string> texts;
  std::vector<int> first;
  for (int i = 0; i < 300; ++i) {
    if (i % 50 == 7) add(c, "\u2014 ...", 0);  // no words: a cluster, no entry
    std::string text = "q" + std::to_string(i) + " a b c d";
    if (i % 3 == 2) text = texts.back() + " e";  // contains the previous one
    texts.push_back(text);
    first.push_back(add(c, text, 1));
    if (i % 3 == 2) EXPECT_EQ(first.back(), first[i - 1]) << text;
  }
  EXPECT_EQ(add(c, "\u2014", 0), 300 / 3 * 2 + 6);  // every opened cluster
  for (std::size_t i = 0; i < texts.size(); ++i)
    EXPECT_EQ(add(c, texts[i] + ".", 2), first[i]) << texts[i];
}

TEST(QuoteClusterer, RejectsBadOptions) {
  EXPECT_THROW(QuoteClusterer(0, 5), quotelink::error);
  EXPECT_THROW(QuoteClusterer(3, 2), quotelink::error);
}

}  // namespace
