#include "model/feature_text.h"

#include <algorithm>

namespace quotelink::detail {

std::uint32_t text_hash(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) {
    h ^= c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a')
                              : static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h | 0x100u;
}

std::uint32_t tail_hash(std::string_view word, std::size_t n) {
  return text_hash(word.size() > n ? word.substr(word.size() - n) : word);
}

std::uint32_t token_hash(const Document& doc, const TextLayout& layout, int t) {
  if (t < 0) return kBeforeText;
  if (t >= static_cast<int>(layout.tokens.size())) return kAfterText;
  const TokenSpan& s = layout.tokens[t].span;
  return text_hash(std::string_view(doc.text).substr(s.begin, s.size()));
}

std::uint32_t tag_part(const PosTags& tags, int t) {
  if (t < 0) return kBeforeText;
  if (t >= static_cast<int>(tags.size())) return kAfterText;
  return 16u + tags[t];
}

bool has_tag(const PosTags& tags, int first, int end, std::uint8_t tag) {
  const int stop = std::min(end, static_cast<int>(tags.size()));
  for (int t = std::max(first, 0); t < stop; ++t)
    if (tags[t] == tag) return true;
  return false;
}

bool is_comma(const Document& doc, const TextLayout& layout, int t) {
  return layout.tokens[t].kind == TokenKind::punctuation &&
         doc.text[layout.tokens[t].span.begin] == ',';
}

std::uint32_t bucket(int n) {
  return n <= 3    ? static_cast<std::uint32_t>(std::max(n, 1))
         : n <= 6  ? 4
         : n <= 12 ? 5
         : n <= 25 ? 6
                   : 7;
}

// The first token starting at or after byte `offset`, or tokens.size().
int first_token_from(const TextLayout& layout, std::size_t offset) {
  auto it = std::lower_bound(
      layout.tokens.begin(), layout.tokens.end(), offset,
      [](const Token& t, std::size_t o) { return t.span.begin < o; });
  return static_cast<int>(it - layout.tokens.begin());
}

// The sieve without the resolution suffixes (+pronoun, +nominal).
std::string_view base_sieve(std::string_view sieve) {
  return sieve.substr(0, sieve.find('+'));
}

}  // namespace quotelink::detail
