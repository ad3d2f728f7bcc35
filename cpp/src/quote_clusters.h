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

#include "chunked_vector.h"
#include "quotelink/corpus.h"
#include "shingle_index.h"

namespace quotelink::detail {

/// The words of a quotation after normalization: case folded, hyphens and
/// apostrophes inside words removed ("counter-productive" ->
/// "counterproductive", "don't" -> "dont"), any other punctuation and white
/// space a word break.
std::vector<std::string> quote_words(std::string_view text);

/// The key of a quotation: a hash of its word sequence and the distinct
/// hashes of its `shingle_words`-word shingles (sorted); no text, no speaker.
QuoteKeys quote_keys(std::string_view text, int shingle_words);

/// Assigns quotations to clusters incrementally. A quotation joins a cluster
/// when its normalized words equal a member's, or when one contains the other
/// (all shingles of the shorter found in the longer, the shorter having at
/// least `min_contained_words` words and the longer at least as many: so
/// only quotations of `min_contained_words` words or more are indexed). A
/// quotation that bridges clusters merges them; the merged cluster keeps the
/// smallest id.
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
  std::size_t postings() const noexcept { return index_.postings(); }
  /// Heap bytes held for linking later quotations (the index's runs, the
  /// exact-match table and the per-quotation arrays; capacities).
  std::size_t held_bytes() const noexcept;
  /// Adds held_bytes() by part to `parts` (its quotation fields).
  void add_held_parts(LinkHeldBytes& parts) const noexcept;

 private:
  struct Entry {
    std::vector<QuoteRef> members;
    std::string text;  // the longest member's text
  };
  // Word-sequence hash -> cluster, about 8 bytes an entry: the hash's high
  // half in a ShingleIndex pointing to an entry of its low half. An entry's
  // cluster is implied when the entry opened it (most do): clusters are
  // numbered as they open, so it is the entry's rank among those that opened
  // one (a bit per entry and a count per 64), shifted by the clusters opened
  // without an entry before it (offsets_, a step each). Only an entry that
  // joined an earlier cluster keeps its id (joined_, in entry order).
  class ExactTable {
   public:
    /// The cluster of `hash`, or -1.
    int find(std::uint64_t hash) const;
    /// Adds `hash` (not yet present) with its cluster, `opened` when that
    /// cluster was just opened for it (the newest id); returns its entry
    /// number (0, 1, ... in insertion order).
    std::uint32_t insert(std::uint64_t hash, int cluster, bool opened);
    /// The cluster entry `entry` was inserted with.
    int cluster(std::uint32_t entry) const;
    std::size_t bytes() const noexcept;

   private:
    struct Joined {
      std::uint32_t entry;
      int cluster;
    };
    struct Step {
      std::uint32_t rank;  // from this rank among opening entries on,
      int offset;          // an opening entry's cluster is rank + offset
    };
    ShingleIndex high_;
    ChunkedVector<std::uint32_t> low_;
    ChunkedVector<std::uint64_t> opened_bits_;    // per 64 entries
    ChunkedVector<std::uint32_t> opened_before_;  // per 64 entries
    std::uint32_t opened_count_ = 0;
    ChunkedVector<Joined> joined_;
    std::vector<Step> offsets_;
  };

  int merge(int a, int b);

  int min_contained_words_;
  bool keep_members_;
  std::vector<Entry> clusters_;  // by id; empty without keep_members_
  // Union-find over cluster ids: clusters are numbered 0..cluster_count_-1,
  // and only a merged cluster has a parent (most never merge, so a parent
  // per cluster would cost 4 bytes each for nothing).
  int cluster_count_ = 0;
  mutable std::unordered_map<int, int> parent_;
  ExactTable exact_;  // word-sequence hash -> cluster
  // A distinct quotation's word and shingle counts in 16 bits: the words
  // in the low kWordBits, and how many shingles it has fewer than a
  // quotation of that many distinct words would (words - shingle_words + 1;
  // a repeated shingle or, in the index, two that share their top bits) in
  // the others. A quotation whose counts do not fit (4,095 words or more,
  // 15 missing shingles or more) is kLongCounts, its counts in long_counts_.
  static constexpr unsigned kWordBits = 12;
  static constexpr std::uint16_t kLongCounts = 0xFFFF;
  struct Counts {
    std::uint32_t words = 0;
    std::uint32_t shingles = 0;
  };
  Counts counts(std::uint32_t entry) const;
  // The shingles a quotation of `words` words has when none repeats.
  std::uint32_t full_shingles(std::uint32_t words) const {
    return words >= shingle_words_ ? words - shingle_words_ + 1 : 0;
  }
  void push_counts(std::uint32_t entry, Counts c);
  std::uint32_t shingle_words_;
  // Per distinct quotation, numbered as its exact-table entry (which also
  // gives its cluster, so the index's postings name entries): its counts.
  ChunkedVector<std::uint16_t> counts_;
  std::unordered_map<std::uint32_t, Counts> long_counts_;
  // The index keeps a shingle's top kIndexBits bits: the gaps between
  // shingles are 2^10 times smaller, about a byte less a posting, for a
  // chance of 2^-22 per pair of shingles that they count as one (a
  // quotation then counts as containing one it does not when all its
  // missing shingles collide with its own; none did on the link bench's
  // renamed 100,000 and syndicated streams, see docs/benchmarks.md).
  static constexpr unsigned kIndexBits = 22;
  // The distinct shingles of `key` as the index keeps them, into scratch_.
  const std::vector<std::uint32_t>& indexed(const QuoteKeys& key);
  std::vector<std::uint32_t> scratch_;
  ShingleIndex index_{kIndexBits};  // shingle -> quotations (entry numbers)
};

}  // namespace quotelink::detail
