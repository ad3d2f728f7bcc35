// The one exception type quotelink throws for bad input or bad options.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace quotelink {

/// Thrown for invalid input (e.g. malformed UTF-8) or an invalid option.
/// `byte_offset()` is the offset of the problem in the input, or npos.
class error : public std::runtime_error {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// An error whose message is `message`, at `byte_offset` if known.
  explicit error(const std::string& message, std::size_t byte_offset = npos)
      : std::runtime_error(message), byte_offset_(byte_offset) {}

  /// Byte offset in the input where the problem is, or npos.
  std::size_t byte_offset() const noexcept { return byte_offset_; }

 private:
  std::size_t byte_offset_;
};

}  // namespace quotelink
