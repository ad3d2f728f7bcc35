// Corpus stage, quotations: the same words reported by several documents,
// found through hashes of normalized word sequences and an inverted index of
// word shingles, so that adding a quotation never compares it with all others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotelink/corpus.h"

namespace quotelink::detail {

/// The words of a quotation after normalization: case folded, hyphens and
/// apostrophes inside words removed ("counter-productive" ->
/// "counterproductive", "don't" -> "dont"), any other punctuation and white
/// space a word break.
std::vector<std::string> quote_words(std::string_view text);

/// The key of a quotation: a hash of its word sequence and the distinct
/// hashes of its `shingle_words`-word shingles (sorted).
QuoteKeys quote_keys(std::string_view text, int shingle_words);

/// Assigns quotations to clusters incrementally. A quotation joins a cluster
/// when its normalized words equal a member's, or when one contains the other
/// (all shingles of the shorter found in the longer, the shorter having at
/// least `min_contained_words` words). A quotation that bridges clusters
/// merges them; the merged cluster keeps the smallest id.
class QuoteClusterer {
 public:
  /// A clusterer; both numbers must be >= 1 (quotelink::error otherwise).
  /// Without `keep_members` (a stream that only needs cluster ids, see
  /// LinkStream) no member or text is kept and clusters() is empty: what
  /// stays per quotation is its index entries and a cluster id.
  QuoteClusterer(int shingle_words, int min_contained_words,
                 bool keep_members = true);

  /// Adds quotation `ref` with key `key` and text `text`; returns its cluster.
  int add(const QuoteKeys& key, const QuoteRef& ref, std::string_view text);

  /// The current id of a cluster id handed out earlier (after merges).
  int find(int cluster) const;

  /// The live clusters with at least `min_documents` documents, by id.
  std::vector<QuoteCluster> clusters(std::size_t min_documents) const;

  /// Number of postings held by the shingle index (for memory accounting).
  std::size_t postings() const noexcept {
    std::size_t n = pending_.size();
    for (const auto& run : runs_) n += run.size();
    return n;
  }

 private:
  struct Entry {
    std::vector<QuoteRef> members;
    std::string text;  // the longest member's text
  };
  int merge(int a, int b);
  void index(std::uint32_t quote, const std::vector<std::uint32_t>& shingles);
  template <typename F>
  void postings_of(std::uint32_t shingle, F&& visit) const;

  int min_contained_words_;
  bool keep_members_;
  std::vector<Entry> clusters_;      // by id; empty without keep_members_
  mutable std::vector<int> parent_;  // union-find over cluster ids
  std::unordered_map<std::uint64_t, int> exact_;  // word-sequence hash
  // Per indexed quotation: its cluster, word count and shingle count.
  std::vector<int> quote_cluster_;
  std::vector<std::uint32_t> quote_words_;
  std::vector<std::uint32_t> quote_shingles_;
  // The shingle index as (shingle << 32 | quotation), 8 bytes per posting:
  // sorted runs of decreasing size (each at least twice the next, so a
  // posting is merged O(log n) times and a lookup searches O(log n) runs),
  // plus a small hashed tail that becomes a run when it fills.
  std::vector<std::vector<std::uint64_t>> runs_;
  std::vector<std::uint64_t> pending_;
  std::unordered_multimap<std::uint32_t, std::uint32_t> pending_index_;
};

}  // namespace quotelink::detail
