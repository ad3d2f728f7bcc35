#include "token_layer.h"

#include <algorithm>
#include <utility>

#include "unicode.h"

namespace quotelink::detail {

namespace {

constexpr std::uint16_t bit(Shape s) { return static_cast<std::uint16_t>(s); }

std::uint16_t kind_shape(TokenKind kind) {
  switch (kind) {
    case TokenKind::word:
      return bit(Shape::word);
    case TokenKind::number:
      return bit(Shape::number);
    case TokenKind::quote_mark:
      return bit(Shape::quote_mark);
    case TokenKind::punctuation:
      return bit(Shape::punctuation);
  }
  return 0;
}

// The first token whose span starts at or after byte `offset`.
int first_token_from(const TextLayout& layout, std::size_t offset) {
  auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), offset,
                             [](const Token& token, std::size_t off) {
                               return token.span.begin < off;
                             });
  return static_cast<int>(it - layout.tokens.begin());
}

// Tokens up to this many bytes take the one-pass path of ascii_facts.
constexpr std::size_t kShortToken = 64;

// The facts of an ASCII token in one pass: its lower-cased form (what
// lexicon_key gives) into lower[0, surface.size()) and its shape bits (what
// set_shape gives). False, with nothing decided, when the token holds a byte
// past ASCII.
bool ascii_facts(std::string_view surface, TokenKind kind, char* lower,
                 std::uint16_t* shape) {
  int letters = 0;
  bool caps_only = true;  // letters upper case; only '.' and '-' besides
  for (std::size_t i = 0; i < surface.size(); ++i) {
    const char c = surface[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    const bool upper = c >= 'A' && c <= 'Z';
    const bool small = c >= 'a' && c <= 'z';
    lower[i] = upper ? static_cast<char>(c - 'A' + 'a') : c;
    if (upper || small) {
      ++letters;
      caps_only = caps_only && upper;
    } else if (c != '.' && c != '-') {
      caps_only = false;
    }
  }
  std::uint16_t s = kind_shape(kind);
  if (has_possessive(std::string_view(lower, surface.size())))
    s |= bit(Shape::possessive);
  const char first = surface.empty() ? '\0' : surface[0];
  if (first >= 'A' && first <= 'Z') s |= bit(Shape::capitalised);
  if (first >= 'a' && first <= 'z') s |= bit(Shape::lower_initial);
  if (kind == TokenKind::punctuation && first == '-') s |= bit(Shape::dash);
  if (letters > 0) s |= bit(Shape::has_letter);
  if (kind == TokenKind::word && letters >= 2 && caps_only)
    s |= bit(Shape::all_caps);
  *shape = s;
  return true;
}

}  // namespace

TokenLayer::TokenLayer(std::string_view text, const TextLayout& layout,
                       const std::vector<Quote>& quotes,
                       const Vocabulary& vocabulary)
    : vocabulary_(vocabulary) {
  build(text, layout, quotes);
}

TokenLayer::TokenLayer(std::string_view text, const TextLayout& layout,
                       const std::vector<Quote>& quotes,
                       const Vocabulary& vocabulary, TokenLayerStorage* storage)
    : vocabulary_(vocabulary),
      local_(std::move(storage->local)),
      facts_(std::move(storage->facts)),
      parent_(std::move(storage->parent)),
      open_(std::move(storage->open)),
      depth_(std::move(storage->depth)),
      storage_(storage) {
  local_.clear();
  facts_.clear();
  build(text, layout, quotes);
}

TokenLayer::TokenLayer(TokenLayer&& other) noexcept
    : vocabulary_(other.vocabulary_),
      local_(std::move(other.local_)),
      facts_(std::move(other.facts_)),
      parent_(std::move(other.parent_)),
      open_(std::move(other.open_)),
      depth_(std::move(other.depth_)),
      storage_(other.storage_) {
  other.storage_ = nullptr;
}

TokenLayer::~TokenLayer() {
  if (!storage_) return;
  storage_->local = std::move(local_);
  storage_->facts = std::move(facts_);
  storage_->parent = std::move(parent_);
  storage_->open = std::move(open_);
  storage_->depth = std::move(depth_);
}

void TokenLayer::build(std::string_view text, const TextLayout& layout,
                       const std::vector<Quote>& quotes) {
  facts_.resize(layout.tokens.size());
  // About one token in four is a word the pack lacks (PolNeAR: 0.2-0.3).
  local_.reserve(layout.tokens.size() / 3 + 16);
  char buffer[kShortToken];
  std::string long_lower;
  for (std::size_t t = 0; t < facts_.size(); ++t) {
    const Token& token = layout.tokens[t];
    const std::string_view surface =
        text.substr(token.span.begin, token.span.size());
    TokenFacts& f = facts_[t];
    const bool ascii = surface.size() <= kShortToken &&
                       ascii_facts(surface, token.kind, buffer, &f.shape);
    if (!ascii) lexicon_key(surface, &long_lower);
    const std::string_view lower =
        ascii ? std::string_view(buffer, surface.size()) : long_lower;
    f.word = intern(lower);
    const std::string_view base = strip_possessive(lower);
    f.base = base.size() == lower.size() ? f.word : intern(base);
    if (surface.size() == 1 && static_cast<unsigned char>(surface[0]) < 0x80)
      f.ascii = surface[0];
    if (!ascii) set_shape(surface, token, &f, lower);
  }
  set_nesting(layout, quotes);
}

WordId TokenLayer::intern(std::string_view lower) {
  const std::uint64_t h = WordTable::hash(lower);  // once for both tables
  const WordId known = vocabulary_.find(lower, h);
  if (known != kNoWord) return known;
  return static_cast<WordId>(vocabulary_.size()) + local_.intern(lower, h);
}

std::string_view TokenLayer::text_of(WordId id) const noexcept {
  return id < vocabulary_.size()
             ? vocabulary_.word(id)
             : local_.word(id - static_cast<WordId>(vocabulary_.size()));
}

void TokenLayer::set_shape(std::string_view surface, const Token& token,
                           TokenFacts* f, std::string_view lower) {
  std::uint16_t s = kind_shape(token.kind);
  if (has_possessive(lower)) s |= bit(Shape::possessive);
  int letters = 0;
  bool caps_only = true;  // letters upper case; only '.' and '-' besides
  for (std::size_t i = 0; i < surface.size();) {
    std::size_t length = 0;
    const char32_t cp = decode_at(surface, i, &length);
    if (i == 0) {
      if (is_upper(cp)) s |= bit(Shape::capitalised);
      if (is_lower(cp)) s |= bit(Shape::lower_initial);
      if (token.kind == TokenKind::punctuation && is_dash(cp))
        s |= bit(Shape::dash);
    }
    if (is_letter(cp)) {
      ++letters;
      caps_only = caps_only && is_upper(cp);
    } else if (cp != '.' && cp != '-') {
      caps_only = false;
    }
    i += length;
  }
  if (letters > 0) s |= bit(Shape::has_letter);
  if (token.kind == TokenKind::word && letters >= 2 && caps_only)
    s |= bit(Shape::all_caps);
  f->shape = s;
}

void TokenLayer::set_nesting(const TextLayout& layout,
                             const std::vector<Quote>& quotes) {
  const int n = size();
  // The outermost owner: quotations are ordered by start, so tokens before
  // `done` already have theirs; skipping them keeps deep nesting linear.
  int done = 0;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    int t = std::max(done, first_token_from(layout, quotes[q].outer.begin));
    for (; t < n && layout.tokens[t].span.end <= quotes[q].outer.end; ++t)
      if (facts_[t].quote < 0) facts_[t].quote = static_cast<int>(q);
    done = std::max(done, t);
  }
  // Parents and depth: a stack of the quotations enclosing the current one.
  parent_.assign(quotes.size(), -1);
  std::vector<int>& open = open_;
  std::vector<int>& depth = depth_;
  open.clear();
  depth.assign(quotes.size(), 0);
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    while (!open.empty() && quotes[open.back()].outer.end < quotes[q].outer.end)
      open.pop_back();
    parent_[q] = open.empty() ? -1 : open.back();
    depth[q] = static_cast<int>(open.size()) + 1;
    open.push_back(static_cast<int>(q));
  }
  // Each token's depth is that of the innermost quotation holding it.
  open.clear();
  std::size_t next = 0;
  for (int t = 0; t < n; ++t) {
    const Span span = layout.tokens[t].span;
    while (next < quotes.size() && quotes[next].outer.begin <= span.begin)
      open.push_back(static_cast<int>(next++));
    while (!open.empty() && quotes[open.back()].outer.end < span.end)
      open.pop_back();
    facts_[t].depth =
        open.empty()
            ? 0
            : static_cast<std::uint8_t>(std::min(depth[open.back()], 255));
  }
}

std::vector<int> TokenLayer::quote_of_tokens() const {
  std::vector<int> out(facts_.size());
  for (std::size_t t = 0; t < facts_.size(); ++t) out[t] = facts_[t].quote;
  return out;
}

}  // namespace quotelink::detail
