#include "model/cue_features.h"

#include <algorithm>
#include <string>

#include "model/linear_model.h"

namespace quotelink::detail {

namespace {

std::string_view token_text(std::string_view text, const TextLayout& layout,
                            int t) {
  const TokenSpan& s = layout.tokens[t].span;
  return text.substr(s.begin, s.end - s.begin);
}

// ASCII lower case: a stable feature key, not full case folding.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The lower-cased token t, punctuation as itself, or a boundary marker
// outside the token's sentence.
std::string context_word(std::string_view text, const TextLayout& layout, int t,
                         int sentence) {
  if (t < 0 || t >= static_cast<int>(layout.tokens.size()) ||
      layout.tokens[t].sentence != sentence)
    return t < 0 || (t < static_cast<int>(layout.tokens.size()) &&
                     layout.tokens[t].sentence < sentence)
               ? "<s>"
               : "</s>";
  return lower(token_text(text, layout, t));
}

// "Xx", "x", "X", "d" runs collapsed: the word's shape.
std::string shape(std::string_view word) {
  std::string out;
  for (char c : word) {
    const char k = c >= 'A' && c <= 'Z'   ? 'X'
                   : c >= 'a' && c <= 'z' ? 'x'
                   : c >= '0' && c <= '9' ? 'd'
                                          : c;
    if (out.empty() || out.back() != k) out.push_back(k);
  }
  return out;
}

void add(std::vector<std::uint32_t>& out, std::uint32_t id,
         std::string_view a) {
  out.push_back(hash_feature(id * 0x85ebca6bu, a));
}

void add(std::vector<std::uint32_t>& out, std::uint32_t id, std::string_view a,
         std::string_view b) {
  std::string joined(a);
  joined += '\x1f';
  joined += b;
  add(out, id, joined);
}

}  // namespace

bool cue_candidate(std::string_view text, const TextLayout& layout,
                   const std::vector<int>& quote_of_token, int t) {
  const Token& token = layout.tokens[t];
  if (token.kind != TokenKind::word || quote_of_token[t] >= 0) return false;
  const std::string_view word = token_text(text, layout, t);
  return word.size() >= 3 && word[0] >= 'a' && word[0] <= 'z';
}

std::vector<std::uint32_t> cue_features(std::string_view text,
                                        const TextLayout& layout, int t) {
  const int sentence = layout.tokens[t].sentence;
  const std::string w = lower(token_text(text, layout, t));
  const std::string p1 = context_word(text, layout, t - 1, sentence);
  const std::string p2 = context_word(text, layout, t - 2, sentence);
  const std::string n1 = context_word(text, layout, t + 1, sentence);
  const std::string n2 = context_word(text, layout, t + 2, sentence);
  std::vector<std::uint32_t> out;
  out.reserve(16);
  add(out, 1, "bias");
  add(out, 2, w);
  add(out, 3, w.size() > 3 ? w.substr(w.size() - 3) : w);
  add(out, 4, w.size() > 2 ? w.substr(w.size() - 2) : w);
  add(out, 5, p1);
  add(out, 6, n1);
  add(out, 7, p1, w);
  add(out, 8, w, n1);
  add(out, 9, n1, n2);
  add(out, 10, p2, p1);
  add(out, 11, shape(token_text(text, layout, std::max(0, t - 1))));
  add(out, 12, w.size() > 3 ? w.substr(w.size() - 3) : w, n1);
  add(out, 13, p1, w.size() > 2 ? w.substr(w.size() - 2) : w);
  return out;
}

}  // namespace quotelink::detail
