// The token layer: what every attribution stage reads about a token, built
// once per document (window) after the quotes stage. A token's words are ids
// (equal words compare equal by id), its lexicon classes a bit set, its shape
// a set of flags decided here once (Unicode-correct), and its place in the
// quotations' nesting comes from the quotes stage's output.
//
// Stages ask `layer.is(t, cls)`, `layer.shape(t, Shape::capitalised)`,
// `layer.word(t) == id`, `layer.match(t, cls, can_continue)`; none lower-cases,
// copies or hashes a token string again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/document.h"
#include "text.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// Shape facts of a token, one bit each.
enum class Shape : std::uint16_t {
  word = 1U << 0,           ///< TokenKind::word
  number = 1U << 1,         ///< TokenKind::number
  quote_mark = 1U << 2,     ///< TokenKind::quote_mark
  punctuation = 1U << 3,    ///< TokenKind::punctuation
  capitalised = 1U << 4,    ///< first code point upper or title case
  lower_initial = 1U << 5,  ///< first code point a lower-case letter
  all_caps = 1U << 6,       ///< letters, at least two, all upper case; only
                            ///< '.' and '-' besides ("NATO", "U.S.")
  dash = 1U << 7,           ///< one dash character (general category Pd)
  possessive = 1U << 8,     ///< ends in "'s" or "'" (lower-cased form)
  has_letter = 1U << 9,     ///< holds at least one letter
};

/// The facts of one token (16 bytes).
struct TokenFacts {
  WordId word = kNoWord;  ///< lower-cased form ("russia's")
  WordId base = kNoWord;  ///< without a possessive ending ("russia")
  std::uint16_t shape = 0;
  /// The token's text when it is one ASCII character, else 0 (',' ':' '-').
  char ascii = 0;
  /// Number of quotations whose marks enclose the token (0 outside).
  std::uint8_t depth = 0;
  /// The outermost quotation enclosing the token (index into the quotes),
  /// or -1.
  std::int32_t quote = -1;
};

/// The arrays of a token layer kept between documents: a layer built with
/// a storage takes its arrays and gives them back when it is destroyed, so
/// that a storage reused for document after document stops allocating.
struct TokenLayerStorage {
  WordTable local;
  std::vector<TokenFacts> facts;
  std::vector<int> parent, open, depth;
};

/// The token layer of one document or window.
class TokenLayer {
 public:
  /// Builds the layer of `layout`'s tokens over `text`, with ids from
  /// `vocabulary` (words it lacks get document-local ids) and nesting from
  /// `quotes` (ordered by start, as the quotes stage gives them).
  TokenLayer(std::string_view text, const TextLayout& layout,
             const std::vector<Quote>& quotes, const Vocabulary& vocabulary);
  /// The same with the arrays of `storage` (given back on destruction; the
  /// storage must outlive the layer).
  TokenLayer(std::string_view text, const TextLayout& layout,
             const std::vector<Quote>& quotes, const Vocabulary& vocabulary,
             TokenLayerStorage* storage);
  TokenLayer(TokenLayer&& other) noexcept;
  TokenLayer(const TokenLayer&) = delete;
  TokenLayer& operator=(const TokenLayer&) = delete;
  ~TokenLayer();

  int size() const noexcept { return static_cast<int>(facts_.size()); }
  bool in_range(int t) const noexcept { return t >= 0 && t < size(); }
  const TokenFacts& facts(int t) const noexcept { return facts_[t]; }

  /// The lower-cased form's id.
  WordId word(int t) const noexcept { return facts_[t].word; }
  /// The possessive-stripped form's id.
  WordId base(int t) const noexcept { return facts_[t].base; }
  /// Number of word ids this layer uses (the vocabulary's and its own): every
  /// id of a token is below it.
  std::size_t id_count() const noexcept {
    return vocabulary_.size() + local_.size();
  }
  /// The string of a word id of this layer ("said").
  std::string_view text_of(WordId id) const noexcept;
  /// The lower-cased form of token t.
  std::string_view lower(int t) const noexcept { return text_of(word(t)); }
  /// True when the lower-cased form of t has class `c`.
  bool is(int t, WordClass c) const noexcept {
    return vocabulary_.has(facts_[t].word, c);
  }
  /// True when the possessive-stripped form of t has class `c`.
  bool base_is(int t, WordClass c) const noexcept {
    return vocabulary_.has(facts_[t].base, c);
  }
  /// True when token t has shape `s`.
  bool shape(int t, Shape s) const noexcept {
    return (facts_[t].shape & static_cast<std::uint16_t>(s)) != 0;
  }
  /// True when t is the one ASCII character `c`.
  bool punct(int t, char c) const noexcept {
    return in_range(t) && facts_[t].ascii == c;
  }
  /// The outermost quotation enclosing t, or -1.
  int quote(int t) const noexcept { return facts_[t].quote; }
  /// The quotation whose marks enclose quotation q directly, or -1.
  int parent_quote(int q) const noexcept { return parent_[q]; }
  /// The outermost quotation of each token (what stages index by token).
  std::vector<int> quote_of_tokens() const;

  /// The longest lexicon entry of class `c` whose words are the tokens from
  /// `t` on, each later token passing `can_continue(u)`; nullptr if none.
  /// Sets `*last` to its last token.
  template <typename CanContinue>
  const LexiconEntry* match(int t, WordClass c, CanContinue can_continue,
                            int* last) const {
    ClassMask mask;
    mask.add(c);
    return match_any(t, mask, can_continue, last);
  }
  /// The same for an entry with any class of `classes`.
  template <typename CanContinue>
  const LexiconEntry* match_any(int t, const ClassMask& classes,
                                CanContinue can_continue, int* last) const {
    if (!vocabulary_.first_classes(facts_[t].word).intersects(classes))
      return nullptr;
    for (std::uint32_t e : vocabulary_.entries_from(facts_[t].word)) {
      const LexiconEntry& entry = vocabulary_.entries()[e];
      if (!entry.classes.intersects(classes)) continue;
      const int end = t + static_cast<int>(entry.words.size()) - 1;
      if (end >= size()) continue;
      bool ok = true;
      for (int u = t + 1; ok && u <= end; ++u)
        ok = facts_[u].word == entry.words[u - t] && can_continue(u);
      if (!ok) continue;
      *last = end;
      return &entry;
    }
    return nullptr;
  }

  const Vocabulary& vocabulary() const noexcept { return vocabulary_; }

 private:
  WordId intern(std::string_view lower);
  void set_shape(std::string_view text, const Token& token, TokenFacts* f,
                 std::string_view lower);
  void set_nesting(const TextLayout& layout, const std::vector<Quote>& quotes);

  void build(std::string_view text, const TextLayout& layout,
             const std::vector<Quote>& quotes);

  const Vocabulary& vocabulary_;
  WordTable local_;  // words the vocabulary lacks; ids past it
  std::vector<TokenFacts> facts_;
  std::vector<int> parent_;
  std::vector<int> open_, depth_;         // set_nesting's stacks
  TokenLayerStorage* storage_ = nullptr;  // where the arrays go back
};

}  // namespace quotelink::detail
