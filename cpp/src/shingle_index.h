// Corpus stage, quotations: the inverted index from shingle hashes to the
// quotations holding them, behind QuoteClusterer. It must hold every shingle
// of every distinct quotation a stream has seen (containment is exact), so a
// posting costs about four bytes, not eight: postings are kept sorted in
// runs of bit-packed deltas (Rice-coded shingle gaps, quotations in a fixed
// width per block of 64, or as a Rice-coded step from the previous posting
// when a shingle repeats), cut into chunks, and merging two runs frees each
// input chunk as soon as it is read, so the index is never held twice.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace quotelink::detail {

/// Postings (shingle, quotation) in sorted, compressed runs of decreasing
/// size (each at least four times the next, so a posting is merged O(log n)
/// times and a lookup searches O(log n) runs, each through its directory), plus
/// a hashed tail of 32,768 postings (512 KB) that becomes a run when it fills.
class ShingleIndex {
 public:
  /// An index of shingles of `shingle_bits` bits (1 to 32; a shingle must
  /// be below 2^shingle_bits).
  explicit ShingleIndex(unsigned shingle_bits = 32)
      : shingle_bits_(shingle_bits) {}

  /// Adds one posting per shingle of quotation `quote` (distinct shingles).
  void add(std::uint32_t quote, const std::vector<std::uint32_t>& shingles);
  /// Adds the posting (shingle, quote).
  void add(std::uint32_t quote, std::uint32_t shingle);

  /// Calls `visit(quote)` for every quotation holding `shingle`.
  template <typename F>
  void visit(std::uint32_t shingle, F&& visit) const {
    for (const Run& run : runs_) visit_run(run, shingle, visit);
    if (tail_.empty()) return;
    for (std::size_t at = home(shingle); tail_[at] != kEmpty;
         at = (at + 1) & (tail_.size() - 1))
      if ((tail_[at] >> 32) == shingle)
        visit(static_cast<std::uint32_t>(tail_[at]));
  }

  /// Number of postings held.
  std::size_t postings() const noexcept { return postings_; }
  /// Heap bytes held (capacities).
  std::size_t bytes() const noexcept {
    const Bytes b = held();
    return b.codes + b.headers + b.tail;
  }
  /// bytes() by part: the runs' coded postings, their block headers and
  /// directories, and the hashed tail.
  struct Bytes {
    std::size_t codes = 0;
    std::size_t headers = 0;
    std::size_t tail = 0;
  };
  Bytes held() const noexcept;

 private:
  // A posting as one sortable number: shingle << 32 | quotation.
  using Key = std::uint64_t;
  // A shingle delta whose Rice quotient reaches this is written raw (32
  // bits) after this many one bits, so no code is long.
  static constexpr std::uint32_t kRiceEscape = 24;
  static constexpr unsigned kNoRepeats = 31;
  // The tail: an open-addressing table of 2^kTailBits keys (linear probing
  // from the shingle's home slot), at most half full; no quotation has the
  // number 2^32 - 1, so that key marks an empty slot.
  static constexpr unsigned kTailBits = 16;
  static constexpr Key kEmpty = ~Key{0};
  static std::size_t home(std::uint32_t shingle) {
    return (shingle * 0x9E3779B1u) >> (32 - kTailBits);
  }

  // Up to kChunkBlocks blocks of kBlockPostings postings: each block's first
  // key in full, the others as bits: a flag when the key has the previous
  // one's shingle (only in blocks where one does), then its quotation's
  // step from the previous key's less one, Rice-coded; else its shingle's
  // gap less one, Rice-coded, then its quotation in a fixed width (the
  // three parameters per block).
  struct Chunk {
    std::vector<Key> firsts;
    std::vector<std::uint32_t> offsets;  // bit where each block's codes start
    // Rice parameter of the shingle gaps | quotation width << 5 | Rice
    // parameter of the quotation steps << 11 (kNoRepeats: no posting of
    // the block repeats its predecessor's shingle, and none has a flag).
    std::vector<std::uint16_t> params;
    std::vector<std::uint64_t> bits;
    std::uint32_t count = 0;
  };
  // A run, and its directory: for each value p of a shingle's top
  // `directory_bits` bits, the first block (numbered across chunks, all of
  // kChunkBlocks but the last) whose first shingle's top bits are p or more,
  // so a lookup reads one or two blocks' first keys, not a binary search.
  struct Run {
    std::vector<Chunk> chunks;
    std::size_t count = 0;
    std::vector<std::uint32_t> directory;  // 2^directory_bits + 1 entries
    unsigned directory_bits = 0;
    unsigned directory_shift = 64;  // a key's directory entry: key >> this
  };
  static void build_directory(Run& run, unsigned shingle_bits);
  class BitWriter;
  class BitReader;
  class Writer;
  class Cursor;

  // The position of the last block whose first key is below `low` (or the
  // first block): where the postings of a shingle can start.
  static Cursor seek(const Run& run, Key low);
  template <typename F>
  static void visit_run(const Run& run, std::uint32_t shingle, F& visit);
  Run merge(Run& a, Run& b) const;
  void add_to_tail(Key key);
  void flush_tail();

  unsigned shingle_bits_;
  std::vector<Run> runs_;
  std::vector<Key> tail_;  // the newest postings, hashed; empty until used
  std::size_t tail_size_ = 0;
  std::size_t postings_ = 0;
};

// Reads what BitWriter wrote, from a bit position on.
class ShingleIndex::BitReader {
 public:
  BitReader() = default;
  BitReader(const std::vector<std::uint64_t>& words, std::size_t position)
      : words_(&words), position_(position) {}
  std::uint64_t get(unsigned bits) {
    if (bits == 0) return 0;
    const unsigned offset = position_ % 64;
    std::uint64_t value = (*words_)[position_ / 64] >> offset;
    if (offset + bits > 64)  // the rest is in the next word
      value |= (*words_)[position_ / 64 + 1] << (64 - offset);
    position_ += bits;
    return bits == 64 ? value : value & ((std::uint64_t{1} << bits) - 1);
  }
  std::uint64_t get_rice(unsigned k) {
    // The unary quotient, counted a word at a time.
    std::uint32_t quotient = 0;
    for (;;) {
      const unsigned offset = position_ % 64;
      const std::uint64_t rest = ~((*words_)[position_ / 64] >> offset);
      const unsigned left = 64 - offset;
      const unsigned ones =
          rest == 0 ? 64 : std::min<unsigned>(__builtin_ctzll(rest), left);
      if (quotient + ones >= kRiceEscape) {
        position_ += kRiceEscape - quotient;
        return get(32);
      }
      quotient += ones;
      position_ += ones;
      if (ones < left) break;
    }
    ++position_;  // the zero ending the quotient
    return static_cast<std::uint64_t>(quotient) << k | get(k);
  }

 private:
  const std::vector<std::uint64_t>* words_ = nullptr;
  std::size_t position_ = 0;
};

/// Reads a run's keys in order from a block on.
class ShingleIndex::Cursor {
 public:
  Cursor(const Run& run, std::size_t chunk, std::size_t block);
  /// The next key, false at the run's end.
  bool next(Key& key);
  /// The chunk the next key comes from (the run's size at its end).
  std::size_t chunk() const noexcept { return chunk_; }

 private:
  void enter_block();
  const Run* run_;
  BitReader bits_;
  unsigned rice_ = 0;
  unsigned width_ = 0;
  unsigned step_rice_ = 0;
  std::size_t chunk_ = 0;
  std::size_t block_ = 0;
  std::size_t in_block_ = 0;    // keys of the block read
  std::size_t block_size_ = 0;  // keys in the block
  std::size_t at_ = 0;          // byte position in the chunk
  Key previous_ = 0;
};

template <typename F>
void ShingleIndex::visit_run(const Run& run, std::uint32_t shingle, F& visit) {
  const Key low = static_cast<Key>(shingle) << 32;
  Cursor cursor = seek(run, low);
  Key key = 0;
  while (cursor.next(key)) {
    if (key < low) continue;
    if ((key >> 32) != shingle) return;
    visit(static_cast<std::uint32_t>(key));
  }
}

}  // namespace quotelink::detail
