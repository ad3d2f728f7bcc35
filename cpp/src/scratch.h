// Work arrays one extraction leaves to the next (issue #15): the per-token
// and per-line arrays of the text layout and the token layer, which every
// document would otherwise allocate and grow again. An Extractor owns a
// pool of them (Lexicon::scratch) and lends one to each extraction running,
// so threads sharing the Extractor never share a scratch. A scratch keeps
// the capacity of the largest window it served: texts are analysed in
// windows of at most kWindowBytes (pipeline.h), so its memory stays flat
// however many documents pass.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/pos_tagger.h"
#include "text.h"
#include "token_layer.h"

namespace quotelink::detail {

/// Arrays that the attribution stages borrow for one document and give
/// back, so that the next document finds them allocated. Borrowing is last
/// in, first out: a stage may borrow while another holds arrays, and gives
/// its own back first.
template <typename T>
class ArrayPool {
 public:
  /// Swaps each of `arrays` (n of them) with an array of the pool, cleared;
  /// returns the mark to give them back with.
  std::size_t lend(std::vector<T>* const* arrays, std::size_t n) {
    const std::size_t base = top_;
    if (pool_.size() < base + n) pool_.resize(base + n);
    for (std::size_t i = 0; i < n; ++i) {
      pool_[base + i].swap(*arrays[i]);
      arrays[i]->clear();
    }
    top_ = base + n;
    return base;
  }
  /// Takes the arrays lent at `base` back from `arrays`.
  void take_back(std::size_t base, std::vector<T>* const* arrays,
                 std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) pool_[base + i].swap(*arrays[i]);
    top_ = base;
  }

 private:
  std::vector<std::vector<T>> pool_;
  std::size_t top_ = 0;
};

/// The arrays an extraction reuses.
struct Scratch {
  TextLayout layout;         ///< analyse_text refills it
  TokenLayerStorage tokens;  ///< a TokenLayer borrows it
  /// The arrays the attribution stages borrow, by element type.
  ArrayPool<int> ints;
  ArrayPool<char> bytes;
  ArrayPool<std::size_t> sizes;
  WordTable words;    ///< the entity stage's name parts
  PosTagScratch pos;  ///< the tagger's arrays, word cache and tags
};

/// For its lifetime, `arrays` hold arrays borrowed from `scratch` (when it
/// is not null): a stage object declares one after its array members, so
/// that the arrays go back before the members are destroyed.
template <typename T>
class Borrowed {
 public:
  static constexpr std::size_t kMax = 16;

  Borrowed(Scratch* scratch, std::initializer_list<std::vector<T>*> arrays)
      : pool_(pool_in(scratch)) {
    for (std::vector<T>* a : arrays)
      if (n_ < kMax) arrays_[n_++] = a;  // past kMax: not borrowed
    if (pool_) base_ = pool_->lend(arrays_.data(), n_);
  }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;
  ~Borrowed() {
    if (pool_) pool_->take_back(base_, arrays_.data(), n_);
  }

 private:
  static ArrayPool<T>* pool_in(Scratch* scratch) {
    if (!scratch) return nullptr;
    if constexpr (std::is_same_v<T, int>) {
      return &scratch->ints;
    } else if constexpr (std::is_same_v<T, char>) {
      return &scratch->bytes;
    } else {
      static_assert(std::is_same_v<T, std::size_t>, "no pool of this type");
      return &scratch->sizes;
    }
  }

  ArrayPool<T>* pool_;
  std::array<std::vector<T>*, kMax> arrays_{};
  std::size_t n_ = 0;
  std::size_t base_ = 0;
};

/// The int arrays a stage borrows (the common case).
using BorrowedArrays = Borrowed<int>;

/// Scratches lent to the extractions running at a time: as many as ran at
/// once, each lent to one extraction until it ends. Thread-safe.
class ScratchPool {
 public:
  /// A scratch lent to one extraction; back in the pool when destroyed.
  class Lease {
   public:
    Lease(ScratchPool* pool, std::unique_ptr<Scratch> scratch)
        : pool_(pool), scratch_(std::move(scratch)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->give_back(std::move(scratch_)); }
    Scratch& operator*() const noexcept { return *scratch_; }
    Scratch* operator->() const noexcept { return scratch_.get(); }

   private:
    ScratchPool* pool_;
    std::unique_ptr<Scratch> scratch_;
  };

  ScratchPool() = default;
  ScratchPool(const ScratchPool&) = delete;
  ScratchPool& operator=(const ScratchPool&) = delete;

  /// A free scratch, or a new one when all are lent.
  Lease lend() {
    std::unique_ptr<Scratch> scratch;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        scratch = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!scratch) scratch = std::make_unique<Scratch>();
    return Lease(this, std::move(scratch));
  }

  /// Scratches in the pool now (not lent).
  std::size_t idle() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return free_.size();
  }

 private:
  void give_back(std::unique_ptr<Scratch> scratch) noexcept {
    if (!scratch) return;
    std::lock_guard<std::mutex> lock(mutex_);
    try {
      free_.push_back(std::move(scratch));
    } catch (...) {  // no room to keep it: it is freed
    }
  }

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Scratch>> free_;
};

}  // namespace quotelink::detail
