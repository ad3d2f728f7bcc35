#include "model/feature_text.h"

#include <algorithm>

#include "model/linear_model.h"

namespace quotelink::detail {

// Appends features: each is a template id and one or two strings, hashed.
void FeatureSink::add(std::uint32_t id, std::string_view a) {
  out_.push_back(hash_feature(id * 0x9e3779b1u, a));
}

void FeatureSink::add(std::uint32_t id, std::string_view a,
                      std::string_view b) {
  std::string joined(a);
  joined += '\x1f';
  joined += b;
  add(id, joined);
}

// ASCII lower case: features need a stable key, not full case folding.
std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The first token starting at or after byte `offset`, or tokens.size().
int first_token_from(const TextLayout& layout, std::size_t offset) {
  auto it = std::lower_bound(
      layout.tokens.begin(), layout.tokens.end(), offset,
      [](const Token& t, std::size_t o) { return t.span.begin < o; });
  return static_cast<int>(it - layout.tokens.begin());
}

// The lower-cased word of token t, or a boundary marker outside the text.
std::string word_at(const Document& doc, const TextLayout& layout, int t) {
  if (t < 0) return "<s>";
  if (t >= static_cast<int>(layout.tokens.size())) return "</s>";
  const TokenSpan& s = layout.tokens[t].span;
  return lower_ascii(
      std::string_view(doc.text).substr(s.begin, s.end - s.begin));
}

const char* length_bucket(int n) {
  if (n <= 1) return "1";
  if (n <= 2) return "2";
  if (n <= 3) return "3";
  if (n <= 6) return "4-6";
  if (n <= 12) return "7-12";
  if (n <= 25) return "13-25";
  return "26+";
}

// The sieve without the resolution suffixes (+pronoun, +nominal).
std::string_view base_sieve(std::string_view sieve) {
  return sieve.substr(0, sieve.find('+'));
}

}  // namespace quotelink::detail
