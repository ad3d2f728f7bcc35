// The learned layer's model: hashed-feature linear classifiers, their
// binary file format, and scoring.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotelink::detail {

/// One binary decision: a table of 2^bits int16 weights indexed by feature
/// hashes. score = scale * sum(weights[h & mask]); the decision is yes when
/// score >= threshold.
struct LinearClassifier {
  std::string name;        ///< which decision ("accept_report", ...)
  std::uint32_t bits = 0;  ///< log2 of the table size
  float scale = 1.0f;      ///< real weight per int16 unit
  float threshold = 0.0f;  ///< yes when score >= threshold
  std::vector<std::int16_t> weights;

  /// The real-valued score of a feature-hash list.
  double score(const std::vector<std::uint32_t>& features) const;
  /// True when score(features) >= threshold.
  bool decide(const std::vector<std::uint32_t>& features) const {
    return score(features) >= threshold;
  }
};

/// A model file: its classifiers, looked up by name.
struct LinearModel {
  std::vector<LinearClassifier> classifiers;

  /// The classifier named `name`, or nullptr.
  const LinearClassifier* find(std::string_view name) const;
  /// The file bytes: magic "QLMODEL1", a u32 count, then per classifier a u16
  /// name length, the name, u32 bits, f32 scale, f32 threshold and 2^bits
  /// int16 weights; integers and floats little-endian.
  std::string serialize() const;
  /// Parses `bytes` (serialize's format); throws quotelink::error naming
  /// the problem (bad magic, truncated table, table too large) and the byte
  /// offset.
  static LinearModel parse(std::string_view bytes);
};

/// The 32-bit FNV-1a hash of `text` after `seed` (a feature template's hash),
/// so that the same feature string hashes alike on every platform.
std::uint32_t hash_feature(std::uint32_t seed, std::string_view text);

/// Tables bigger than this many bits are refused on load (a 2^24-entry
/// table is 32 MB, over the 20 MB limit for the shipped model).
inline constexpr std::uint32_t kMaxClassifierBits = 23;

}  // namespace quotelink::detail
