// A growing array kept in fixed blocks, for what a stream accumulates per
// document (LinkStream's names, the quotation index's per-quotation
// arrays): unlike std::vector it never holds up to twice its size in spare
// capacity, and growing never copies it, so its peak is its size plus one
// block.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace quotelink::detail {

template <typename T, std::size_t kBlock = 4096>
class ChunkedVector {
 public:
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  void push_back(const T& value) {
    if (size_ == blocks_.size() * kBlock)
      blocks_.push_back(std::make_unique<T[]>(kBlock));
    blocks_[size_ / kBlock][size_ % kBlock] = value;
    ++size_;
  }
  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const {
    return blocks_[i / kBlock][i % kBlock];
  }
  T& back() { return (*this)[size_ - 1]; }

  /// Heap bytes held.
  std::size_t bytes() const noexcept {
    return blocks_.capacity() * sizeof(blocks_[0]) +
           blocks_.size() * kBlock * sizeof(T);
  }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace quotelink::detail
