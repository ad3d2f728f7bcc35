// Little-endian fields of the learned layer's model files: writing them,
// and reading them with errors that name the field and its byte offset.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/error.h"

namespace quotelink::detail {

inline void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

inline void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, sizeof v);
  put_u32(out, v);
}

/// Appends `weights` as little-endian int16.
inline void put_i16s(std::string& out,
                     const std::vector<std::int16_t>& weights) {
  for (std::int16_t w : weights) {
    const auto u = static_cast<std::uint16_t>(w);
    out.push_back(static_cast<char>(u & 0xff));
    out.push_back(static_cast<char>(u >> 8));
  }
}

/// Reads little-endian fields from a model file; a read past the end
/// throws quotelink::error naming the field, at the offset it starts.
class ModelReader {
 public:
  explicit ModelReader(std::string_view bytes) : bytes_(bytes) {}

  std::uint32_t u32(const char* what) {
    return static_cast<std::uint32_t>(unsigned_le(4, what));
  }
  std::uint16_t u16(const char* what) {
    return static_cast<std::uint16_t>(unsigned_le(2, what));
  }
  float f32(const char* what) {
    std::uint32_t v = u32(what);
    float f;
    std::memcpy(&f, &v, sizeof f);
    return f;
  }
  std::string_view take(std::size_t n, const char* what) {
    need(n, what);
    std::string_view s = bytes_.substr(at_, n);
    at_ += n;
    return s;
  }
  /// `count` little-endian int16 values.
  std::vector<std::int16_t> i16s(std::size_t count, const char* what) {
    const std::string_view raw = take(count * 2, what);
    std::vector<std::int16_t> out(count);
    for (std::size_t i = 0; i < count; ++i)
      out[i] = static_cast<std::int16_t>(
          static_cast<std::uint16_t>(static_cast<unsigned char>(raw[2 * i])) |
          static_cast<std::uint16_t>(static_cast<unsigned char>(raw[2 * i + 1])
                                     << 8));
    return out;
  }
  std::size_t offset() const { return at_; }
  bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n, const char* what) const {
    if (bytes_.size() - at_ < n)
      throw error(std::string("model file truncated: ") + what + " needs " +
                      std::to_string(n) + " bytes, " +
                      std::to_string(bytes_.size() - at_) + " left",
                  at_);
  }
  std::uint64_t unsigned_le(int n, const char* what) {
    need(static_cast<std::size_t>(n), what);
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
      v |= static_cast<std::uint64_t>(
               static_cast<unsigned char>(bytes_[at_ + i]))
           << (8 * i);
    at_ += static_cast<std::size_t>(n);
    return v;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace quotelink::detail
