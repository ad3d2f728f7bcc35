#include "shingle_index.h"

#include <algorithm>
#include <utility>

namespace quotelink::detail {

namespace {

// Postings per block (its header, 14 bytes, and a directory entry, 4, over
// 64 postings; 32 took 0.27 byte a posting more and half the decoding per
// lookup) and blocks per chunk (about 60 KB: the unit freed while merging).
constexpr std::size_t kBlockPostings = 64;
constexpr std::size_t kChunkBlocks = 256;
// Each run is at least this many times the next: fewer runs to search
// (log base 4 of the postings) for a little more merging.
constexpr std::size_t kRunRatio = 4;

// The Rice parameter for deltas of mean `mean`: about log2 of the mean.
unsigned rice_parameter(std::uint64_t mean) {
  unsigned k = 0;
  while (k < 31 && (std::uint64_t{2} << k) <= mean) ++k;
  return k;
}

unsigned bit_width(std::uint32_t value) {
  unsigned width = 0;
  while (width < 32 && (value >> width) != 0) ++width;
  return width;
}

}  // namespace

// Bits appended to a vector of words, least significant first.
class ShingleIndex::BitWriter {
 public:
  // Continues after the first `position` bits of `words`.
  BitWriter(std::vector<std::uint64_t>& words, std::size_t position)
      : words_(words),
        free_(static_cast<unsigned>(words.size() * 64 - position)) {}
  std::size_t position() const { return words_.size() * 64 - free_; }
  void put(std::uint64_t value, unsigned bits) {
    while (bits > 0) {
      if (free_ == 0) {
        words_.push_back(0);
        free_ = 64;
      }
      const unsigned take = std::min(bits, free_);
      const std::uint64_t part =
          take == 64 ? value : value & ((std::uint64_t{1} << take) - 1);
      words_.back() |= part << (64 - free_);
      free_ -= take;
      bits -= take;
      value = take == 64 ? 0 : value >> take;
    }
  }
  // A shingle delta: its quotient by 2^k in unary (a zero ends it), then
  // its k low bits; a quotient of kRiceEscape or more: kRiceEscape ones,
  // then the delta in 32 bits.
  void put_rice(std::uint64_t delta, unsigned k) {
    const std::uint64_t quotient = delta >> k;
    if (quotient >= kRiceEscape) {
      put((std::uint64_t{1} << kRiceEscape) - 1, kRiceEscape);
      put(delta, 32);
      return;
    }
    put((std::uint64_t{1} << quotient) - 1,
        static_cast<unsigned>(quotient) + 1);
    put(delta, k);
  }

 private:
  std::vector<std::uint64_t>& words_;
  unsigned free_ = 0;  // unused bits of the last word
};

// Appends sorted keys to a new run, a block at a time: the block's first
// key in full, then per key its shingle's delta (Rice-coded with the block's
// parameter) and its quotation in the block's width of bits.
class ShingleIndex::Writer {
 public:
  explicit Writer(unsigned shingle_bits) : shingle_bits_(shingle_bits) {}
  void add(Key key) {
    block_.push_back(key);
    if (block_.size() == kBlockPostings) write_block();
  }
  Run finish() {
    if (!block_.empty()) write_block();
    if (chunk_.count > 0) close_chunk();
    run_.chunks.shrink_to_fit();
    build_directory(run_, shingle_bits_);
    return std::move(run_);
  }

 private:
  void write_block() {
    if (chunk_.firsts.size() == kChunkBlocks) close_chunk();
    // A posting of the previous one's shingle (a phrase several quotations
    // share: syndicated reports naming new people) is coded by its
    // quotation's step alone; the others by their shingle's gap and their
    // quotation in full.
    std::uint64_t gaps = 0, steps = 0;
    std::size_t repeats = 0;
    std::uint32_t widest = 0;
    for (std::size_t i = 1; i < block_.size(); ++i) {
      const std::uint64_t gap = (block_[i] >> 32) - (block_[i - 1] >> 32);
      if (gap == 0) {
        steps += block_[i] - block_[i - 1] - 1;
        ++repeats;
      } else {
        gaps += gap - 1;
        widest = std::max(widest, static_cast<std::uint32_t>(block_[i]));
      }
    }
    const std::size_t news = block_.size() - 1 - repeats;
    const unsigned k = news > 0 ? rice_parameter(gaps / news) : 0;
    const unsigned width = bit_width(widest);
    const unsigned step_k =
        repeats > 0 ? std::min(kNoRepeats - 1, rice_parameter(steps / repeats))
                    : kNoRepeats;
    chunk_.firsts.push_back(block_.front());
    chunk_.offsets.push_back(static_cast<std::uint32_t>(bits_used_));
    chunk_.params.push_back(
        static_cast<std::uint16_t>(k | width << 5 | step_k << 11));
    BitWriter writer(chunk_.bits, bits_used_);
    for (std::size_t i = 1; i < block_.size(); ++i) {
      const std::uint64_t gap = (block_[i] >> 32) - (block_[i - 1] >> 32);
      if (step_k != kNoRepeats) writer.put(gap == 0 ? 1 : 0, 1);
      if (gap == 0) {
        writer.put_rice(block_[i] - block_[i - 1] - 1, step_k);
      } else {
        writer.put_rice(gap - 1, k);
        writer.put(static_cast<std::uint32_t>(block_[i]), width);
      }
    }
    bits_used_ = writer.position();
    chunk_.count += static_cast<std::uint32_t>(block_.size());
    run_.count += block_.size();
    block_.clear();
  }
  void close_chunk() {
    chunk_.bits.shrink_to_fit();
    chunk_.firsts.shrink_to_fit();
    chunk_.offsets.shrink_to_fit();
    chunk_.params.shrink_to_fit();
    run_.chunks.push_back(std::move(chunk_));
    chunk_ = Chunk{};
    bits_used_ = 0;
  }
  unsigned shingle_bits_;
  Run run_;
  Chunk chunk_;
  std::size_t bits_used_ = 0;  // bits of chunk_.bits written
  std::vector<Key> block_;
};

ShingleIndex::Cursor::Cursor(const Run& run, std::size_t chunk,
                             std::size_t block)
    : run_(&run), chunk_(chunk), block_(block) {
  if (chunk_ < run_->chunks.size()) enter_block();
}

void ShingleIndex::Cursor::enter_block() {
  const Chunk& c = run_->chunks[chunk_];
  in_block_ = 0;
  block_size_ =
      std::min<std::size_t>(kBlockPostings, c.count - block_ * kBlockPostings);
  rice_ = c.params[block_] & 0x1F;
  width_ = (c.params[block_] >> 5) & 0x3F;
  step_rice_ = c.params[block_] >> 11;
  bits_ = BitReader(c.bits, c.offsets[block_]);
}

bool ShingleIndex::Cursor::next(Key& key) {
  if (chunk_ >= run_->chunks.size()) return false;
  if (in_block_ == block_size_) {
    if (++block_ == run_->chunks[chunk_].firsts.size()) {
      block_ = 0;
      if (++chunk_ == run_->chunks.size()) return false;
    }
    enter_block();
  }
  if (in_block_++ == 0) {
    previous_ = run_->chunks[chunk_].firsts[block_];
  } else {
    if (step_rice_ != kNoRepeats && bits_.get(1) != 0) {
      previous_ += 1 + bits_.get_rice(step_rice_);  // the same shingle
    } else {
      const std::uint64_t shingle =
          (previous_ >> 32) + 1 + bits_.get_rice(rice_);
      previous_ = shingle << 32 | bits_.get(width_);
    }
  }
  key = previous_;
  return true;
}

void ShingleIndex::build_directory(Run& run, unsigned shingle_bits) {
  std::size_t blocks = 0;
  for (const Chunk& c : run.chunks) blocks += c.firsts.size();
  // About one block per directory entry: 4 bytes over 32 postings.
  unsigned bits = 0;
  while (bits < 24 && (std::size_t{2} << bits) <= blocks) ++bits;
  run.directory_bits = bits;
  run.directory_shift = 32 + shingle_bits - bits;
  run.directory.assign((std::size_t{1} << bits) + 1,
                       static_cast<std::uint32_t>(blocks));
  std::size_t prefix = 0;  // the next directory entry to set
  std::size_t block = 0;
  for (const Chunk& c : run.chunks)
    for (Key first : c.firsts) {
      const std::size_t top =
          bits == 0 ? 0
                    : static_cast<std::size_t>(first >> run.directory_shift);
      while (prefix <= top)
        run.directory[prefix++] = static_cast<std::uint32_t>(block);
      ++block;
    }
}

ShingleIndex::Cursor ShingleIndex::seek(const Run& run, Key low) {
  const std::size_t prefix =
      run.directory_bits == 0
          ? 0
          : static_cast<std::size_t>(low >> run.directory_shift);
  auto first_of = [&run](std::size_t block) {
    return run.chunks[block / kChunkBlocks].firsts[block % kChunkBlocks];
  };
  // Blocks before directory[prefix] start below `low`; the last one that
  // does is at most one before directory[prefix + 1].
  std::size_t block = run.directory[prefix];
  const std::size_t end = run.directory[prefix + 1];
  while (block < end && first_of(block) < low) ++block;
  if (block > 0) --block;
  return Cursor(run, block / kChunkBlocks, block % kChunkBlocks);
}

ShingleIndex::Run ShingleIndex::merge(Run& a, Run& b) const {
  Writer out(shingle_bits_);
  Cursor x(a, 0, 0);
  Cursor y(b, 0, 0);
  Key kx = 0;
  Key ky = 0;
  bool has_x = x.next(kx);
  bool has_y = y.next(ky);
  // A chunk is freed once both cursors are past it, so the merged run and
  // its inputs together stay within one index and a few chunks.
  std::size_t freed_x = 0;
  std::size_t freed_y = 0;
  auto release = [](Run& run, std::size_t& freed, std::size_t upto) {
    for (; freed < upto && freed < run.chunks.size(); ++freed)
      run.chunks[freed] = Chunk{};
  };
  while (has_x || has_y) {
    if (has_x && (!has_y || kx < ky)) {
      out.add(kx);
      has_x = x.next(kx);
      release(a, freed_x, x.chunk());
    } else {
      out.add(ky);
      has_y = y.next(ky);
      release(b, freed_y, y.chunk());
    }
  }
  a = Run{};
  b = Run{};
  return out.finish();
}

void ShingleIndex::add(std::uint32_t quote,
                       const std::vector<std::uint32_t>& shingles) {
  for (std::uint32_t shingle : shingles)
    add_to_tail(static_cast<Key>(shingle) << 32 | quote);
}

void ShingleIndex::add(std::uint32_t quote, std::uint32_t shingle) {
  add_to_tail(static_cast<Key>(shingle) << 32 | quote);
}

void ShingleIndex::add_to_tail(Key key) {
  if (tail_.empty()) tail_.assign(std::size_t{1} << kTailBits, kEmpty);
  std::size_t at = home(static_cast<std::uint32_t>(key >> 32));
  while (tail_[at] != kEmpty) at = (at + 1) & (tail_.size() - 1);
  tail_[at] = key;
  ++postings_;
  if (++tail_size_ == tail_.size() / 2) flush_tail();
}

void ShingleIndex::flush_tail() {
  std::vector<Key> keys;
  keys.reserve(tail_size_);
  for (Key& key : tail_) {
    if (key != kEmpty) keys.push_back(key);
    key = kEmpty;
  }
  tail_size_ = 0;
  std::sort(keys.begin(), keys.end());
  Writer writer(shingle_bits_);
  for (Key key : keys) writer.add(key);
  runs_.push_back(writer.finish());
  while (runs_.size() >= 2 &&
         runs_[runs_.size() - 2].count < kRunRatio * runs_.back().count) {
    Run last = std::move(runs_.back());
    runs_.pop_back();
    runs_.back() = merge(runs_.back(), last);
  }
}

ShingleIndex::Bytes ShingleIndex::held() const noexcept {
  Bytes b;
  b.tail = tail_.capacity() * sizeof(Key);
  b.headers = runs_.capacity() * sizeof(Run);
  for (const Run& run : runs_) {
    b.headers += run.chunks.capacity() * sizeof(Chunk) +
                 run.directory.capacity() * sizeof(std::uint32_t);
    for (const Chunk& c : run.chunks) {
      b.codes += c.bits.capacity() * sizeof(std::uint64_t);
      b.headers += c.firsts.capacity() * sizeof(Key) +
                   c.offsets.capacity() * sizeof(std::uint32_t) +
                   c.params.capacity() * sizeof(std::uint16_t);
    }
  }
  return b;
}

}  // namespace quotelink::detail
