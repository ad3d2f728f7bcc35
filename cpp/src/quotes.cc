#include "quotes.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>

#include "lexicon.h"
#include "quote_marks.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

// Deeper nesting is not language; ignoring it bounds the work per mark.
constexpr std::size_t kMaxDepth = 8;
// Words counted in a quotation's content when deciding its kind.
constexpr int kEnoughWords = 4;
// Tokens between the parts of a split quotation ("A," Jane Roe, the
// governor, said on Monday, "b.").
constexpr int kSplitGap = 12;

// What a mark can do in its context.
enum class Role : unsigned char { open, close, either };

struct Mark {
  Span span;
  int token = 0;
  int paragraph = 0;
  MarkFamily family = MarkFamily::none;
  Role role = Role::either;
  bool maybe_apostrophe = false;   // closing single after a letter: Koreas'
  bool paragraph_initial = false;  // before any other token of its paragraph
};

// An opening mark waiting for its closing mark.
struct Opened {
  int mark = 0;
  MarkFamily family = MarkFamily::none;
  bool multi = false;     // continued over a paragraph break
  bool repaired = false;  // a continuation mark was missing
  bool carried = false;   // came from an earlier paragraph
};

// A quotation found, before its kind is decided.
struct Found {
  Quote quote;
  int open_token = 0;
  int close_token = -1;  // -1 when the closing mark was repaired
  int depth = 0;         // 0 for top-level quotations
};

bool is_sentence_final_char(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

// True when the text at `pos` (before `end`) is punctuation that closes or
// separates content, which no quotation can open with: , ; : ! ? and
// closing brackets (or their fullwidth forms), or a full stop that is no
// ellipsis.
bool ends_clause(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return false;
  std::size_t length = 0;
  const char32_t cp = decode_at(text, pos, &length);
  const char32_t c = ascii_punctuation_equivalent(cp);
  if (c == '.') return pos + length >= end || text[pos + length] != '.';
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' ||
         (cp >= 128 && !is_quotation_mark(cp) && is_close_punctuation(cp));
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when the apostrophe-like mark at `span` starts an elided word ('em,
// 'til) of `elisions`; sets `*both` when the entry also covers a closing
// apostrophe ('n').
bool starts_elision(std::string_view text, Span span, std::size_t end,
                    const std::vector<std::string>& elisions, bool* both) {
  for (const std::string& entry : elisions) {
    std::size_t pos = span.end;
    std::size_t e = 1;  // skip the entry's leading apostrophe
    bool ok = true;
    while (ok && e < entry.size()) {
      if (entry[e] == '\'') {
        std::size_t length = 0;
        if (pos >= end) {
          ok = false;
          break;
        }
        MarkClass mark = classify_mark(decode_at(text, pos, &length));
        ok = mark.apostrophe_like;
        pos += length;
      } else {
        ok = pos < end && (text[pos] | 0x20) == entry[e];
        ++pos;
      }
      ++e;
    }
    if (!ok) continue;
    if (pos < end) {
      std::size_t length = 0;
      char32_t next = decode_at(text, pos, &length);
      if (is_word_char(next)) continue;
    }
    *both = entry.back() == '\'';
    return true;
  }
  return false;
}

// True when digits follow the mark the way a decade or year does: '90s, '16.
bool starts_year(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t digits = 0;
  while (pos < end && text[pos] >= '0' && text[pos] <= '9') ++pos, ++digits;
  if (digits != 2) return false;
  if (pos < end && text[pos] == 's') ++pos;
  return pos >= end || !(is_ascii_letter(text[pos]) ||
                         (text[pos] >= '0' && text[pos] <= '9'));
}

class Pairer {
 public:
  Pairer(std::string_view text, const TextLayout& layout,
         const std::vector<std::string>& elisions)
      : text_(text), layout_(layout), elisions_(elisions) {}

  std::vector<Quote> run();

 private:
  bool prose(int p) const {
    const Paragraph& paragraph = layout_.paragraphs[p];
    return !paragraph.heading && !paragraph.boilerplate;
  }
  void collect_marks();
  // Classifies the mark token t of paragraph p and records it unless it is
  // an apostrophe; sets `*skip_next` when the next mark token is the closing
  // apostrophe of an elision ('n').
  void classify(int t, int p, bool* skip_next);
  // The first mark of paragraph p when it is the paragraph's first token and
  // could continue a quotation of `family`; -1 otherwise.
  int continuation_mark(int p, MarkFamily family) const;
  bool starts_lower(int p) const;
  // Runs the marks [from, first_mark_[p + 1]) over `stack`. With `emit`,
  // closed quotations are recorded. Returns true when the bottom entry of a
  // stack that started non-empty was closed.
  bool run_paragraph(int p, int from, std::vector<Opened>& stack, bool emit);
  // Would a quotation of `family` carried into paragraph p (its first mark
  // consumed as a continuation mark when `consume`) close in p or in the
  // paragraphs that continue it? Memoised, so the whole pass stays linear.
  bool continues(int p, MarkFamily family, bool consume);
  void emit(const Opened& opened, Span content, Span outer, int close_token);
  void close_repaired(const Opened& opened, std::size_t end);
  QuoteKind kind_of(const Found& found, const Found* previous) const;
  int count_words(Span span) const;

  std::string_view text_;
  const TextLayout& layout_;
  const std::vector<std::string>& elisions_;
  std::vector<Mark> marks_;
  std::vector<int> first_mark_;  // per paragraph, size paragraphs + 1
  std::vector<std::int8_t> memo_;
  std::vector<Found> found_;
  // continues()'s work arrays, kept over its calls.
  std::vector<std::size_t> visited_;
  std::vector<Opened> probe_;
};

void Pairer::classify(int t, int p, bool* skip_next) {
  const Token& token = layout_.tokens[t];
  const Span par = layout_.paragraphs[p].span;
  Mark mark;
  mark.span = token.span;
  mark.token = t;
  mark.paragraph = p;
  std::size_t length = 0;
  const char32_t cp = decode_at(text_, token.span.begin, &length);
  MarkClass cls = classify_mark(cp);
  if (token.span.size() == 2 && cp == '\'') {
    cls.family = MarkFamily::double_mark;  // '' used as a double mark
    cls.shape = MarkShape::neutral;
    cls.apostrophe_like = false;
  }
  if (cls.family == MarkFamily::none) return;
  mark.family = cls.family;

  const bool at_start = token.span.begin <= par.begin;
  const bool at_end = token.span.end >= par.end;
  char32_t prev = 0, next = 0;
  if (!at_start) prev = decode_before(text_, token.span.begin, &length);
  if (!at_end) next = decode_at(text_, token.span.end, &length);
  // Invisible format characters count as space around a mark.
  const bool left_space = at_start || is_space(prev) || is_format(prev);
  const bool right_space = at_end || is_space(next) || is_format(next);
  const int first = layout_.paragraph_first_token[p];
  mark.paragraph_initial =
      t == first ||
      (t == first + 1 && is_format(decode_at(text_, par.begin, &length)) &&
       layout_.tokens[first].span.size() == length);
  const bool prev_word = !at_start && is_word_char(prev);
  const bool next_word = !at_end && is_word_char(next);

  if (cls.apostrophe_like) {
    if (prev_word && next_word) return;  // don't, Korea's
    if (!prev_word && !at_end && starts_year(text_, token.span.end, par.end))
      return;  // '90s
    if (!prev_word &&
        starts_elision(text_, token.span, par.end, elisions_, skip_next))
      return;  // rock 'n' roll, 'em
    mark.maybe_apostrophe = prev_word && !next_word;
  }

  const bool left_opening =
      !left_space && (is_open_punctuation(prev) || is_dash(prev) ||
                      is_quotation_mark(prev) || prev == '/');
  // No quotation opens with a comma or a closing bracket: "\u00bb, a dit"
  // is a closing guillemet after French spacing.
  const bool opens = !right_space && (left_space || left_opening) &&
                     !ends_clause(text_, token.span.end, par.end);
  const bool closes = !left_space && (right_space || !next_word);
  if (cls.shape == MarkShape::opening) {
    mark.role = Role::open;
  } else if (cls.shape == MarkShape::closing) {
    mark.role = Role::close;
  } else if (opens && !closes) {
    mark.role = Role::open;
  } else if (closes && !opens) {
    mark.role = Role::close;
  } else if (cls.shape == MarkShape::initial) {
    mark.role = Role::open;
  } else if (cls.shape == MarkShape::final) {
    mark.role = Role::close;
  } else {
    mark.role = Role::either;
  }
  // Nothing can be closed before the first word of a paragraph: a closing
  // shape there (`” … they are so not like him,”`) is a misused opening mark
  // or a displaced closing one, and pairing decides which.
  if (mark.paragraph_initial && mark.role == Role::close &&
      !mark.maybe_apostrophe)
    mark.role = Role::either;
  marks_.push_back(mark);
}

void Pairer::collect_marks() {
  const int paragraphs = static_cast<int>(layout_.paragraphs.size());
  first_mark_.assign(paragraphs + 1, 0);
  std::size_t mark_tokens = 0;  // an upper bound of the marks
  for (const Token& token : layout_.tokens)
    mark_tokens += token.kind == TokenKind::quote_mark;
  marks_.reserve(mark_tokens);
  found_.reserve(mark_tokens / 2 + 1);
  for (int p = 0; p < paragraphs; ++p) {
    first_mark_[p] = static_cast<int>(marks_.size());
    if (layout_.paragraphs[p].boilerplate) continue;
    bool skip = false;
    for (int t = layout_.paragraph_first_token[p];
         t < layout_.paragraph_first_token[p + 1]; ++t) {
      if (layout_.tokens[t].kind != TokenKind::quote_mark) continue;
      if (skip) {
        skip = false;
        continue;
      }
      classify(t, p, &skip);
    }
  }
  first_mark_[paragraphs] = static_cast<int>(marks_.size());
}

int Pairer::continuation_mark(int p, MarkFamily family) const {
  const int m = first_mark_[p];
  if (m >= first_mark_[p + 1]) return -1;
  const Mark& mark = marks_[m];
  if (!mark.paragraph_initial) return -1;
  if (mark.family != family || mark.role == Role::close) return -1;
  return m;
}

bool Pairer::starts_lower(int p) const {
  std::size_t length = 0;
  return is_lower(decode_at(text_, layout_.paragraphs[p].span.begin, &length));
}

void Pairer::emit(const Opened& opened, Span content, Span outer,
                  int close_token) {
  std::size_t length = 0;
  while (content.begin < content.end &&
         is_space(decode_at(text_, content.begin, &length)))
    content.begin += length;
  while (content.end > content.begin &&
         is_space(decode_before(text_, content.end, &length)))
    content.end -= length;
  if (content.empty()) return;
  const Mark& open = marks_[opened.mark];
  Found found;
  found.open_token = open.token;
  found.close_token = close_token;
  Quote& q = found.quote;
  q.span = content;
  q.outer = outer;
  q.paragraph = open.paragraph;
  q.sentence = layout_.tokens[open.token].sentence;
  q.multi_paragraph = opened.multi;
  q.repaired = opened.repaired;
  q.headline = layout_.paragraphs[open.paragraph].heading;
  found_.push_back(std::move(found));
}

void Pairer::close_repaired(const Opened& opened, std::size_t end) {
  Opened repaired = opened;
  repaired.repaired = true;
  const Mark& open = marks_[opened.mark];
  const auto at = static_cast<std::uint32_t>(end);  // texts are < 4 GiB
  emit(repaired, {open.span.end, at}, {open.span.begin, at}, -1);
}

bool Pairer::run_paragraph(int p, int from, std::vector<Opened>& stack,
                           bool emit_quotes) {
  const bool had_bottom = !stack.empty();
  for (int m = from; m < first_mark_[p + 1]; ++m) {
    const Mark& mark = marks_[m];
    int match = -1;
    if (mark.role != Role::open) {
      if (mark.maybe_apostrophe) {
        // A possessive apostrophe closes only an opening single mark that is
        // innermost; otherwise it is just an apostrophe.
        if (!stack.empty() && stack.back().family == mark.family)
          match = static_cast<int>(stack.size()) - 1;
      } else {
        for (int k = static_cast<int>(stack.size()) - 1; k >= 0; --k) {
          if (stack[k].family == mark.family) {
            match = k;
            break;
          }
        }
      }
    }
    if (match >= 0) {
      if (emit_quotes) {
        const Opened& opened = stack[match];
        const Mark& open = marks_[opened.mark];
        emit(opened, {open.span.end, mark.span.begin},
             {open.span.begin, mark.span.end}, mark.token);
      }
      stack.resize(match);
      if (match == 0 && had_bottom && !emit_quotes) return true;
      continue;
    }
    if (mark.role != Role::close && !mark.maybe_apostrophe &&
        stack.size() < kMaxDepth) {
      Opened opened;
      opened.mark = m;
      opened.family = mark.family;
      stack.push_back(opened);
    }
  }
  return had_bottom && stack.empty();
}

bool Pairer::continues(int p, MarkFamily family, bool consume) {
  const int paragraphs = static_cast<int>(layout_.paragraphs.size());
  auto key = [&](int q, bool c) {
    return (static_cast<std::size_t>(q) * 5 +
            static_cast<std::size_t>(family)) *
               2 +
           (c ? 1 : 0);
  };
  if (memo_.empty())
    memo_.assign(static_cast<std::size_t>(paragraphs) * 10, -1);
  std::vector<std::size_t>& visited = visited_;
  visited.clear();
  bool result = false;
  int q = p;
  bool c = consume;
  for (;;) {
    const std::size_t k = key(q, c);
    if (memo_[k] >= 0) {
      result = memo_[k] == 1;
      break;
    }
    visited.push_back(k);
    std::vector<Opened>& stack = probe_;
    stack.assign(1, Opened{});
    stack[0].family = family;
    if (run_paragraph(q, first_mark_[q] + (c ? 1 : 0), stack, false)) {
      result = true;
      break;
    }
    const int n = q + 1;
    if (n >= paragraphs || !prose(n)) break;
    if (continuation_mark(n, family) >= 0) {
      q = n;
      c = true;
    } else if (starts_lower(n)) {
      q = n;
      c = false;
    } else {
      break;
    }
  }
  for (std::size_t k : visited) memo_[k] = result ? 1 : 0;
  return result;
}

// The words of `span`, up to kEnoughWords: runs between spaces, and every
// ideograph on its own (Chinese and Japanese use no spaces).
int Pairer::count_words(Span span) const {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = span.begin; i < span.end && words < kEnoughWords;) {
    std::size_t length = 0;
    const char32_t cp = decode_at(text_, i, &length);
    i += length;
    const bool space = cp == ' ' || cp == '\n' || cp == '\t';
    if (!space && (!in_word || is_ideographic(cp))) ++words;
    in_word = !space;
  }
  return words;
}

// Direct when the quotation stands as a sentence or clause of its own: it
// opens a sentence, follows a colon or dash, or follows a comma and starts
// with a capital (`he said, "We ...`) or continues a split quotation. Partial
// when it is a fragment inside reported speech (`slammed as "counter-
// productive"`, `visit Russia "soon"`). The attribution stage may refine it.
QuoteKind Pairer::kind_of(const Found& found, const Found* previous) const {
  if (found.depth > 0) return QuoteKind::partial;
  const Quote& q = found.quote;
  const std::vector<Token>& tokens = layout_.tokens;
  const Token& open = tokens[found.open_token];
  const int first_of_paragraph = layout_.paragraph_first_token[open.paragraph];
  std::size_t length = 0;
  int prev = found.open_token - 1;
  while (prev >= first_of_paragraph &&
         is_format(decode_at(text_, tokens[prev].span.begin, &length)))
    --prev;
  const char32_t first = decode_at(text_, q.span.begin, &length);
  // (A script without case shows no capital at a sentence start.)
  const bool capital = is_upper(first) || is_digit(first) ||
                       is_quotation_mark(first) || is_uncased_letter(first);
  const char32_t last =
      ascii_punctuation_equivalent(decode_before(text_, q.span.end, &length));
  const bool punctuated = last == ',' || is_sentence_final_char(last) ||
                          last == ':' || last == ';' || is_dash(last) ||
                          is_quotation_mark(last);
  const int words = count_words(q.span);
  if (q.headline) {
    // A headline quotation opens its line or follows its speaker's colon
    // ("Kasich: 'We Are Going All The Way.'").
    const bool opens = prev < first_of_paragraph ||
                       (tokens[prev].kind == TokenKind::punctuation &&
                        ascii_punctuation_equivalent(decode_at(
                            text_, tokens[prev].span.begin, &length)) == ':');
    return opens && words >= kEnoughWords - 1 ? QuoteKind::direct
                                              : QuoteKind::partial;
  }
  bool sentence_start =
      prev < first_of_paragraph || tokens[prev].sentence != open.sentence;
  bool after_comma = false;
  if (!sentence_start) {
    const char32_t before = ascii_punctuation_equivalent(
        decode_at(text_, tokens[prev].span.begin, &length));
    // After a dash inside a sentence a quotation is an aside, an example or
    // a title ("his act—"My plan will be tremendous!"—is wearing thin").
    if (is_dash(before) || before == '-') return QuoteKind::partial;
    if (tokens[prev].kind == TokenKind::word &&
        layout_.tables->partial_openers.count(to_lower(
            text_.substr(tokens[prev].span.begin, tokens[prev].span.size()))))
      return QuoteKind::partial;
    sentence_start = before == ':' || is_open_punctuation(before);
    after_comma = before == ',';
  }
  if (sentence_start) {
    return punctuated || words >= kEnoughWords - 1 ? QuoteKind::direct
                                                   : QuoteKind::partial;
  }
  if (after_comma) {
    const bool split = previous && previous->depth == 0 &&
                       previous->quote.kind == QuoteKind::direct &&
                       previous->quote.paragraph == q.paragraph &&
                       previous->close_token >= 0 &&
                       found.open_token - previous->close_token <= kSplitGap;
    if (capital || split) return QuoteKind::direct;
    return QuoteKind::partial;
  }
  return capital && punctuated && words >= kEnoughWords ? QuoteKind::direct
                                                        : QuoteKind::partial;
}

std::vector<Quote> Pairer::run() {
  collect_marks();
  const int paragraphs = static_cast<int>(layout_.paragraphs.size());
  std::vector<Opened> stack;
  bool carrying = false;  // stack[0] is a quotation carried from before
  std::size_t last_prose_end = 0;
  for (int p = 0; p < paragraphs; ++p) {
    if (layout_.paragraphs[p].boilerplate) continue;
    int from = first_mark_[p];
    if (carrying) {
      const Opened carried = stack[0];
      stack.clear();
      carrying = false;
      if (!prose(p)) {
        close_repaired(carried, last_prose_end);
      } else if (int m = continuation_mark(p, carried.family); m >= 0) {
        from = m + 1;
        if (continues(p, carried.family, true)) {
          stack.push_back(carried);
          stack[0].multi = true;
        } else {
          // The scraper moved the closing mark to this paragraph's start.
          close_repaired(carried, last_prose_end);
        }
      } else if (starts_lower(p)) {
        // A quotation broken into paragraphs mid-sentence.
        stack.push_back(carried);
        stack[0].multi = true;
        stack[0].repaired = true;
      } else {
        close_repaired(carried, last_prose_end);
      }
    }
    run_paragraph(p, from, stack, true);
    if (prose(p)) {
      last_prose_end = layout_.paragraphs[p].span.end;
      const MarkFamily family =
          stack.empty() ? MarkFamily::none : stack[0].family;
      carrying = family == MarkFamily::double_mark ||
                 family == MarkFamily::corner ||
                 family == MarkFamily::white_corner;
    }
    if (carrying) {
      stack.resize(1);
      stack[0].carried = true;
    } else {
      stack.clear();
    }
  }
  if (carrying) close_repaired(stack[0], last_prose_end);

  std::stable_sort(found_.begin(), found_.end(),
                   [](const Found& a, const Found& b) {
                     if (a.quote.outer.begin != b.quote.outer.begin)
                       return a.quote.outer.begin < b.quote.outer.begin;
                     return a.quote.outer.end > b.quote.outer.end;
                   });
  std::vector<Quote> quotes;
  quotes.reserve(found_.size());
  const Found* previous = nullptr;
  std::vector<std::size_t> open_ends;  // outer ends of enclosing quotations
  for (Found& found : found_) {
    while (!open_ends.empty() && open_ends.back() <= found.quote.outer.begin)
      open_ends.pop_back();
    found.depth = static_cast<int>(open_ends.size());
    open_ends.push_back(found.quote.outer.end);
    found.quote.kind = kind_of(found, previous);
    if (found.quote.kind == QuoteKind::partial)
      found.quote.quoted_parts.push_back(found.quote.span);
    if (found.depth == 0) previous = &found;
    // kind_of reads only the previous record's scalar fields.
    quotes.push_back(std::move(found.quote));
  }
  return quotes;
}

}  // namespace

std::vector<Quote> find_quotes(std::string_view text,
                               const TextLayout& layout) {
  return Pairer(text, layout, layout.tables->elisions).run();
}

bool title_like(std::string_view text, const Quote& q,
                const TextTables& tables) {
  const std::unordered_set<std::string>& small = tables.title_small_words;
  constexpr int kMaxTitleWords = 9;
  std::string_view content = text.substr(q.span.begin, q.span.size());
  int words = 0;
  std::size_t i = 0;
  while (i < content.size()) {
    while (i < content.size() &&
           (content[i] == ' ' || content[i] == '\n' || content[i] == '\t'))
      ++i;
    if (i >= content.size()) break;
    std::size_t end = i;
    while (end < content.size() && content[end] != ' ' &&
           content[end] != '\n' && content[end] != '\t')
      ++end;
    if (++words > kMaxTitleWords) return false;
    // The first letter of the word, past opening marks and brackets.
    std::size_t k = i, length = 0;
    char32_t first = 0;
    while (k < end) {
      first = decode_at(content, k, &length);
      if (is_letter(first) || is_digit(first)) break;
      k += length;
      first = 0;
    }
    if (first != 0 && is_letter(first) && !is_upper(first)) {
      std::string word(content.substr(k, end - k));
      while (!word.empty() &&
             (word.back() == ',' || word.back() == ':' || word.back() == ';'))
        word.pop_back();
      if (!small.count(to_lower(word))) return false;
    }
    i = end;
  }
  return words > 0;
}

}  // namespace quotelink::detail
