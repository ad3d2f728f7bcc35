// What the learned layer's feature templates share: hashing a template's
// parts and finding tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// A feature's hash from its template id and parts (word hashes, small
/// codes): multiply-xorshift mixing, so that no string is joined or hashed
/// twice on the hot path.
class FeatureHash {
 public:
  explicit FeatureHash(std::uint32_t id) : h_(id * 0x9e3779b1u) {}
  FeatureHash& operator<<(std::uint32_t part) {
    h_ = (h_ ^ part) * 0x85ebca6bu;
    h_ ^= h_ >> 13;
    return *this;
  }
  std::uint32_t value() const {
    const std::uint32_t h = h_ * 0xc2b2ae35u;
    return h ^ (h >> 16);
  }

 private:
  std::uint32_t h_;
};

/// FNV-1a of `text` with ASCII letters lower-cased: a word's part. Bit 8
/// is set, so that it never equals a small code or marker (below 256).
std::uint32_t text_hash(std::string_view text);

/// text_hash of the last `n` bytes of `word` (all of it when shorter).
std::uint32_t tail_hash(std::string_view word, std::size_t n);

/// Parts for what is not a word: before the text or sentence, after it,
/// after a content; nothing there.
inline constexpr std::uint32_t kBeforeText = 1, kAfterText = 2,
                               kAfterContent = 3, kNothing = 4;

/// text_hash of token t's text, or kBeforeText / kAfterText outside the
/// text.
std::uint32_t token_hash(const Document& doc, const TextLayout& layout, int t);

/// Token t's tag as a part (above the markers), or kBeforeText /
/// kAfterText outside `tags`.
std::uint32_t tag_part(const PosTags& tags, int t);

/// True when a token of [first, end) is tagged `tag`.
bool has_tag(const PosTags& tags, int first, int end, std::uint8_t tag);

/// True when token t is a comma.
bool is_comma(const Document& doc, const TextLayout& layout, int t);

/// A count as a bucket code, as length_bucket's names: 1, 2, 3, 4-6, 7-12,
/// 13-25, 26+.
std::uint32_t bucket(int n);

/// The first token starting at or after byte `offset`, or tokens.size().
int first_token_from(const TextLayout& layout, std::size_t offset);

/// The sieve without its suffixes (+pronoun, +nominal, +model).
std::string_view base_sieve(std::string_view sieve);

}  // namespace quotelink::detail
