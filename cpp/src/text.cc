#include "text.h"

#include <unicode/regex.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

struct BoilerplatePatterns {
  // Lines starting with ^, or'ed; tried at paragraph starts only.
  std::unique_ptr<icu::RegexPattern> line;
  // For every three lower-case ASCII bytes, whether a paragraph starting with
  // them can match `line`: found once by probing the pattern, it lets almost
  // every prose paragraph skip the regular expression.
  std::vector<bool> line_prefixes;
  // The other lines, or'ed; searched in paragraphs after boilerplate.
  std::unique_ptr<icu::RegexPattern> inside;
};

namespace {

// Boilerplate paragraphs are short; longer paragraphs are prose and are not
// run through the patterns, which keeps the stage fast on long texts.
constexpr std::size_t kMaxLineBoilerplateBytes = 160;
constexpr std::size_t kMaxInsideBoilerplateBytes = 600;
// Hard-wrapped text is wrapped at a fixed width; wider lines are paragraphs.
constexpr std::size_t kMinWrapWidth = 40;
constexpr std::size_t kMaxWrapWidth = 120;
// A headline is one short line.
constexpr std::size_t kMaxHeadlineBytes = 250;
constexpr int kMaxHeadlineWords = 30;

std::unique_ptr<icu::RegexPattern> compile_alternatives(
    const std::string& joined, const std::string& file) {
  if (joined.empty()) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(joined),
                                 UREGEX_CASE_INSENSITIVE, parse_error, status));
  if (U_FAILURE(status))
    throw error(file + ": bad pattern near offset " +
                std::to_string(parse_error.offset));
  return pattern;
}

constexpr std::size_t kPrefixLength = 3;

std::size_t prefix_index(const unsigned char* bytes) {
  return (static_cast<std::size_t>(bytes[0]) << 14) |
         (static_cast<std::size_t>(bytes[1]) << 7) | bytes[2];
}

char fold_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Marks every lower-case ASCII three-byte prefix that the pattern could match
// or could match more of (hitEnd), growing only viable prefixes.
std::vector<bool> probe_prefixes(const icu::RegexPattern& pattern) {
  std::vector<bool> viable(std::size_t{1} << 21, false);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(status));
  if (U_FAILURE(status)) return std::vector<bool>(viable.size(), true);
  std::vector<std::string> level = {""};
  for (std::size_t depth = 0; depth < kPrefixLength; ++depth) {
    std::vector<std::string> next;
    for (const std::string& prefix : level) {
      for (char c = ' '; c <= '~'; ++c) {
        if (c >= 'A' && c <= 'Z') continue;
        std::string probe = prefix + c;
        icu::UnicodeString input = icu::UnicodeString::fromUTF8(probe);
        matcher->reset(input);
        status = U_ZERO_ERROR;
        const bool matched = matcher->lookingAt(status);
        if (U_FAILURE(status) || matched || matcher->hitEnd())
          next.push_back(probe);
      }
    }
    // Shorter prefixes are recorded too, padded with zero bytes, for
    // paragraphs whose second or third byte is not ASCII.
    for (const std::string& prefix : next) {
      unsigned char padded[kPrefixLength] = {};
      std::memcpy(padded, prefix.data(), prefix.size());
      viable[prefix_index(padded)] = true;
    }
    level = std::move(next);
  }
  return viable;
}

// The patterns of data/<language>/boilerplate.txt; none when the pack has
// no such file.
std::shared_ptr<const BoilerplatePatterns> compile_boilerplate(
    const std::string& language) {
  const std::string file = language + "/boilerplate.txt";
  std::vector<std::string> patterns_of_file;
  try {
    patterns_of_file = embedded_lines(file);
  } catch (const error&) {
  }
  std::string line, inside;
  for (const std::string& pattern : patterns_of_file) {
    std::string& joined = pattern[0] == '^' ? line : inside;
    if (!joined.empty()) joined += '|';
    joined += "(?:" + pattern + ")";
  }
  auto patterns = std::make_shared<BoilerplatePatterns>();
  patterns->line = compile_alternatives(line, file);
  patterns->inside = compile_alternatives(inside, file);
  if (patterns->line) patterns->line_prefixes = probe_prefixes(*patterns->line);
  return patterns;
}

// Matchers for one analyse_text call (a matcher is not thread-safe, the
// patterns are).
class BoilerplateMatcher {
 public:
  // Matchers are made on first use: most documents never need one, and
  // making one costs more than analysing a short article.
  explicit BoilerplateMatcher(const BoilerplatePatterns* patterns)
      : patterns_(patterns) {}
  ~BoilerplateMatcher() { utext_close(&utext_); }

  bool matches(std::string_view paragraph, bool after_boilerplate) {
    if (!patterns_) return false;
    if (patterns_->line && paragraph.size() <= kMaxLineBoilerplateBytes &&
        may_match_line(paragraph) &&
        run(matcher(patterns_->line.get(), line_), paragraph, false))
      return true;
    return patterns_->inside && after_boilerplate &&
           paragraph.size() <= kMaxInsideBoilerplateBytes &&
           run(matcher(patterns_->inside.get(), inside_), paragraph, true);
  }

 private:
  static icu::RegexMatcher* matcher(const icu::RegexPattern* pattern,
                                    std::unique_ptr<icu::RegexMatcher>& slot) {
    if (!slot) {
      UErrorCode status = U_ZERO_ERROR;
      slot.reset(pattern->matcher(status));
      if (U_FAILURE(status)) slot.reset();
    }
    return slot.get();
  }

  bool may_match_line(std::string_view paragraph) const {
    if (paragraph.size() < kPrefixLength) return true;
    unsigned char prefix[kPrefixLength] = {};
    for (std::size_t i = 0; i < kPrefixLength; ++i) {
      const auto byte = static_cast<unsigned char>(paragraph[i]);
      if (byte >= 0x80) {
        if (i > 0) break;  // look up the ASCII part
        // A paragraph that opens with a quotation mark is speech.
        std::size_t length = 0;
        return !is_quotation_mark(decode_at(paragraph, 0, &length));
      }
      if (byte < ' ') return true;  // not probed: let the pattern decide
      prefix[i] = static_cast<unsigned char>(fold_ascii(paragraph[i]));
    }
    return patterns_->line_prefixes[prefix_index(prefix)];
  }

  bool run(icu::RegexMatcher* matcher, std::string_view text, bool search) {
    if (!matcher) return false;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&utext_, text.data(), static_cast<int64_t>(text.size()),
                   &status);
    if (U_FAILURE(status)) return false;
    matcher->reset(&utext_);
    const bool found =
        search ? matcher->find(status) : matcher->lookingAt(status);
    return found && U_SUCCESS(status);
  }

  const BoilerplatePatterns* patterns_;
  std::unique_ptr<icu::RegexMatcher> line_, inside_;
  UText utext_ = UTEXT_INITIALIZER;
};

bool is_inline_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// Ideographic and fullwidth sentence-final punctuation (\u3002 \uff01
// \uff1f \uff61): the writing they end uses neither spaces nor capitals, so
// a sentence ends after them whatever follows.
bool is_ideographic_sentence_final(char32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

// Sentence-final punctuation: . ! ? and the ellipsis.
bool is_sentence_final(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
         is_ideographic_sentence_final(cp);
}

// A closing character that may follow sentence-final punctuation: a
// quotation mark or a closing bracket.
bool is_trailing_closer(char32_t cp) {
  return is_quotation_mark(cp) || cp == ')' || cp == ']';
}

using Line = TextLine;

std::size_t code_points(std::string_view text, std::size_t begin,
                        std::size_t end) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < end; ++i)
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// The lines of `text` into `lines` (cleared first, its memory kept).
void split_lines(std::string_view text, std::vector<Line>& lines) {
  lines.clear();
  std::size_t pos = 0;
  while (pos <= text.size()) {
    // A line ends at LF, CRLF, or a lone CR (old Mac text). (A plain scan:
    // find_first_of calls memchr on its set for every character.)
    std::size_t newline = pos;
    while (newline < text.size() && text[newline] != '\n' &&
           text[newline] != '\r')
      ++newline;
    std::size_t next = newline + 1;
    if (newline + 1 < text.size() && text[newline] == '\r' &&
        text[newline + 1] == '\n')
      next = newline + 2;
    Line line;
    line.begin = pos;
    line.end = newline;
    while (line.begin < line.end && is_inline_space(text[line.begin]))
      ++line.begin;
    while (line.end > line.begin && is_inline_space(text[line.end - 1]))
      --line.end;
    line.width = code_points(text, line.begin, line.end);
    lines.push_back(line);
    pos = next;
  }
}

bool is_markdown_heading(std::string_view text, const Line& line) {
  std::size_t i = line.begin;
  while (i < line.end && text[i] == '#' && i - line.begin < 6) ++i;
  return i > line.begin && i < line.end && text[i] == ' ';
}

// True when the line ends a sentence: . ! ? possibly followed by closing
// quotation marks or brackets.
bool ends_sentence(std::string_view text, const Line& line) {
  std::size_t pos = line.end;
  while (pos > line.begin) {
    std::size_t length = 0;
    char32_t cp = decode_before(text, pos, &length);
    if (is_trailing_closer(cp)) {
      pos -= length;
      continue;
    }
    return is_sentence_final(cp);
  }
  return false;
}

// Code points of the first word of the line.
std::size_t first_word_width(std::string_view text, const Line& line) {
  std::size_t i = line.begin;
  while (i < line.end && text[i] != ' ' && text[i] != '\t') ++i;
  return code_points(text, line.begin, i);
}

// True when the line starts a new sentence: a capital, a digit, a quotation
// mark or an opening bracket.
bool starts_sentence(std::string_view text, const Line& line) {
  std::size_t length = 0;
  char32_t cp = decode_at(text, line.begin, &length);
  return is_upper(cp) || is_digit(cp) || is_quotation_mark(cp) ||
         is_open_punctuation(cp);
}

bool starts_lower(std::string_view text, const Line& line) {
  std::size_t length = 0;
  return is_lower(decode_at(text, line.begin, &length));
}

// Groups lines into paragraphs. Blank lines always separate. Inside a block of
// non-blank lines, a hard-wrapped block (all lines at most a typical wrap
// width, most of them nearly full) joins lines unless a line ends a sentence
// and the next line's first word would have fitted on it - a wrapper would
// have put it there, so the break is the author's. Other blocks keep each
// line apart unless the next line starts in lower case (a broken sentence).
void group_paragraphs(std::string_view text, const std::vector<Line>& lines,
                      std::vector<Paragraph>& paragraphs) {
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t block_end = i;
    std::size_t width = 0;
    while (block_end < lines.size() && !lines[block_end].blank()) {
      width = std::max(width, lines[block_end].width);
      ++block_end;
    }
    std::size_t full = 0;
    for (std::size_t k = i; k + 1 < block_end; ++k)
      full += lines[k].width * 5 >= width * 4;
    const std::size_t inner = block_end - i - 1;
    const bool wrapped = inner > 0 && width >= kMinWrapWidth &&
                         width <= kMaxWrapWidth && full * 2 >= inner;
    std::size_t start = i;
    for (std::size_t k = i; k < block_end; ++k) {
      bool brk = k + 1 == block_end;
      if (!brk) {
        const Line& line = lines[k];
        const Line& next = lines[k + 1];
        if (is_markdown_heading(text, line) ||
            is_markdown_heading(text, next)) {
          brk = true;
        } else if (starts_lower(text, next)) {
          brk = false;
        } else if (wrapped) {
          bool fits = line.width + 1 + first_word_width(text, next) <= width;
          brk =
              fits && ends_sentence(text, line) && starts_sentence(text, next);
        } else {
          brk = true;
        }
      }
      if (brk) {
        Paragraph paragraph;
        paragraph.span = {static_cast<std::uint32_t>(lines[start].begin),
                          static_cast<std::uint32_t>(lines[k].end)};
        paragraph.heading =
            start == k && is_markdown_heading(text, lines[start]);
        paragraphs.push_back(paragraph);
        start = k + 1;
      }
    }
    i = block_end;
  }
}

// True when a single-line paragraph reads like a headline: short, without a
// final period, comma, colon or semicolon (a final period is allowed in title
// case: "The Trends Are 'Terrifying.'"), and either title case or the first
// prose paragraph of the document.
bool looks_like_headline(std::string_view text, const Paragraph& paragraph,
                         bool first_prose) {
  const Span span = paragraph.span;
  if (span.size() > kMaxHeadlineBytes) return false;
  std::string_view line = text.substr(span.begin, span.size());
  // The final character decides most paragraphs without a look at the words.
  std::size_t end = line.size();
  char32_t last = 0;
  while (end > 0) {
    std::size_t length = 0;
    last = decode_before(line, end, &length);
    if (!is_trailing_closer(last)) break;
    end -= length;
  }
  last = ascii_punctuation_equivalent(last);  // "\u3002" is a full stop
  if (last == ',' || last == ';' || last == ':') return false;
  if (last == '.' && !first_prose) return false;
  if (line.find_first_of("\r\n") != std::string_view::npos) return false;
  int words = 0, capitalised = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = 0;
    char32_t cp = decode_at(line, i, &length);
    if (is_space(cp)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (is_letter(cp)) {
        ++words;
        if (is_upper(cp)) ++capitalised;
      }
    }
    i += length;
  }
  if (words == 0 || words > kMaxHeadlineWords) return false;
  // Title case: short function words ("of", "to", "a") stay lower case.
  const bool title_case = words >= 2 && capitalised * 10 >= words * 6;
  if (last == '.') return title_case;
  return title_case || first_prose;
}

// The end of the word or number whose first code point ends at `end`:
// letters, digits and combining marks, with an inner ' \u2019 - . or ,
// when a letter or digit follows (a comma only between digits). Sets
// `*dotted` for an inner dot before a letter ("U.S", "a.m").
std::size_t word_end(std::string_view text, std::size_t end,
                     std::size_t span_end, bool digits, bool* dotted) {
  while (end < span_end) {
    // Fast path: a run of ASCII letters and digits.
    while (end < span_end && is_ascii_alnum(text[end])) ++end;
    if (end >= span_end) break;
    std::size_t l2 = 0;
    char32_t c2 = decode_at(text, end, &l2);
    // Combining marks stay in the word ("Ame\u0301lie", NFD).
    if (is_word_char(c2)) {
      end += l2;
      continue;
    }
    if (c2 != 0x2019 && c2 != '\'' && c2 != '-' && c2 != '.' && c2 != ',')
      break;
    // Inner punctuation only when a letter or digit follows.
    if (end + l2 >= span_end) break;
    std::size_t l3 = 0;
    char32_t c3 = decode_at(text, end + l2, &l3);
    bool inner = false;
    if (c2 == ',') {
      inner = digits && is_digit(c3);
    } else if (c2 == '.') {
      inner = is_letter(c3) || (digits && is_digit(c3));
      *dotted = *dotted || is_letter(c3);
    } else {
      inner = is_letter(c3) || is_digit(c3);
    }
    if (!inner) break;
    end += l2;
  }
  return end;
}

// An abbreviation keeps its final dot ("U.S.", "Mr.", "N."), and may be the
// first part of a compound ("U.S.-led"): the end of the token whose word
// starts at `i` with `cp` and ends at `end`.
std::size_t abbreviation_end(std::string_view text, const TextTables& tables,
                             std::size_t i, char32_t cp, std::size_t end,
                             std::size_t span_end, bool dotted) {
  if (end >= span_end || text[end] != '.') return end;
  bool abbreviation = dotted || (end - i == 1 && is_upper(cp));
  if (!abbreviation && end - i < 16) {
    std::string word = to_lower(text.substr(i, end + 1 - i));
    abbreviation = tables.abbreviations.count(word) > 0;
    // "No." before a closing mark is the word no, not "number".
    if (abbreviation && end + 1 < span_end) {
      std::size_t l2 = 0;
      abbreviation = !is_quotation_mark(decode_at(text, end + 1, &l2));
    }
  }
  if (!abbreviation) return end;
  ++end;
  if (end + 1 < span_end && text[end] == '-' &&
      is_letter(static_cast<unsigned char>(text[end + 1]))) {
    ++end;
    while (end < span_end) {
      std::size_t l2 = 0;
      char32_t c2 = decode_at(text, end, &l2);
      if (!is_word_char(c2)) break;
      end += l2;
    }
  }
  return end;
}

// Room for the tokens of the whole text when `tokens` is full at byte
// `at`: extrapolated from the tokens so far, with a margin, instead of
// doubling (text dense with marks and short words has a token every two or
// three bytes, and a doubled array held twice its need).
void grow_by_rate(std::vector<Token>& tokens, std::size_t at,
                  std::size_t size) {
  const double per_byte = static_cast<double>(tokens.size()) /
                          static_cast<double>(std::max<std::size_t>(at, 1));
  tokens.reserve(tokens.size() + 64 +
                 static_cast<std::size_t>(
                     per_byte * static_cast<double>(size - at) * 1.1));
}

// Splits the paragraphs into tokens.
void tokenise(std::string_view text, const TextTables& tables,
              bool first_line_start, TextLayout& layout) {
  layout.tokens.reserve(text.size() / 5);
  for (std::size_t p = 0; p < layout.paragraphs.size(); ++p) {
    layout.paragraph_first_token.push_back(
        static_cast<int>(layout.tokens.size()));
    const Span span = layout.paragraphs[p].span;
    std::size_t i = span.begin;
    bool space = true;
    bool line_start = p > 0 || first_line_start;
    while (i < span.end) {
      std::size_t length = 0;
      char32_t cp = decode_at(text, i, &length);
      if (is_space(cp)) {
        if (cp == '\n' || cp == '\r') line_start = true;
        space = true;
        i += length;
        continue;
      }
      Token token;
      token.paragraph = static_cast<int>(p);
      token.space_before = space;
      token.line_start = line_start;
      std::size_t end = i + length;
      if (is_letter(cp) || is_digit(cp)) {
        const bool digits = is_digit(cp);
        bool dotted = false;  // an inner dot: "U.S", "a.m"
        end = word_end(text, end, span.end, digits, &dotted);
        end = abbreviation_end(text, tables, i, cp, end, span.end, dotted);
        token.kind = digits ? TokenKind::number : TokenKind::word;
      } else if (is_quotation_mark(cp)) {
        token.kind = TokenKind::quote_mark;
        // Two apostrophes stand for one double mark in some house styles
        // ('' ... ''), so they make one token.
        if (cp == '\'' && end < span.end && text[end] == '\'') ++end;
      } else {
        token.kind = TokenKind::punctuation;
      }
      token.span = {static_cast<std::uint32_t>(i),
                    static_cast<std::uint32_t>(end)};
      if (layout.tokens.size() == layout.tokens.capacity())
        grow_by_rate(layout.tokens, i, text.size());
      layout.tokens.push_back(token);
      space = false;
      line_start = false;
      i = end;
    }
  }
  layout.paragraph_first_token.push_back(
      static_cast<int>(layout.tokens.size()));
}

// Sentences end after . ! ? (and the closing marks or brackets glued to it)
// when the next token is spaced and starts like a sentence, after an
// ideographic full stop whatever follows, and at every paragraph end.
// Abbreviation dots are inside word tokens, so they never end a sentence.
void split_sentences(std::string_view text, TextLayout& layout) {
  for (std::size_t p = 0; p < layout.paragraphs.size(); ++p) {
    const int first = layout.paragraph_first_token[p];
    const int last = layout.paragraph_first_token[p + 1];
    int start = first;
    for (int t = first; t < last; ++t) {
      bool end_here = t + 1 == last;
      const Token& token = layout.tokens[t];
      if (!end_here && token.kind == TokenKind::punctuation) {
        std::size_t length = 0;
        char32_t cp = decode_at(text, token.span.begin, &length);
        if (is_sentence_final(cp)) {
          int next = t + 1;
          while (next < last && !layout.tokens[next].space_before) {
            std::size_t l2 = 0;
            char32_t c2 = decode_at(text, layout.tokens[next].span.begin, &l2);
            if (!is_trailing_closer(c2) && !is_sentence_final(c2)) break;
            ++next;
          }
          if (next >= last) {
            t = last - 1;
            end_here = true;
          } else if (is_ideographic_sentence_final(cp)) {
            t = next - 1;
            end_here = true;
          } else if (layout.tokens[next].space_before) {
            std::size_t l2 = 0;
            char32_t c2 = decode_at(text, layout.tokens[next].span.begin, &l2);
            if (is_upper(c2) || is_digit(c2) || is_quotation_mark(c2) ||
                is_open_punctuation(c2)) {
              t = next - 1;
              end_here = true;
            }
          }
        }
      }
      if (end_here) {
        Sentence sentence;
        sentence.paragraph = static_cast<int>(p);
        sentence.span = {layout.tokens[start].span.begin,
                         layout.tokens[t].span.end};
        layout.sentence_first_token.push_back(start);
        for (int k = start; k <= t; ++k)
          layout.tokens[k].sentence = static_cast<int>(layout.sentences.size());
        layout.sentences.push_back(sentence);
        start = t + 1;
      }
    }
  }
  layout.sentence_first_token.push_back(static_cast<int>(layout.tokens.size()));
}

}  // namespace

namespace {

// The entries of class `name` in `vocabulary`, as strings.
std::unordered_set<std::string> class_set(const Vocabulary& vocabulary,
                                          std::string_view name) {
  std::vector<std::string> words =
      vocabulary.entry_texts(vocabulary.word_class(name));
  return {std::make_move_iterator(words.begin()),
          std::make_move_iterator(words.end())};
}

}  // namespace

namespace {

// The boilerplate patterns of `language`, compiled once per language.
std::shared_ptr<const BoilerplatePatterns> boilerplate_of(
    const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const BoilerplatePatterns>>
      compiled;
  const std::lock_guard<std::mutex> lock(mutex);
  std::shared_ptr<const BoilerplatePatterns>& slot = compiled[language];
  if (!slot) slot = compile_boilerplate(language);
  return slot;
}

}  // namespace

TextTables TextTables::load(const Config& config,
                            const Vocabulary& vocabulary) {
  TextTables tables;
  tables.abbreviations = class_set(vocabulary, kTextWordClasses[0]);
  tables.elisions =
      vocabulary.entry_texts(vocabulary.word_class(kTextWordClasses[1]));
  tables.partial_openers = class_set(vocabulary, kTextWordClasses[2]);
  tables.title_small_words = class_set(vocabulary, kTextWordClasses[3]);
  tables.boilerplate = boilerplate_of(config.language);
  return tables;
}

TextTables TextTables::load(const Config& config) {
  return load(config, load_vocabulary(config.language,
                                      builtin_pack(config.language), config));
}

std::string validate_utf8(std::string_view input, bool replace,
                          std::size_t* replaced) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  const int32_t n = static_cast<int32_t>(input.size());
  if (input.size() > static_cast<std::size_t>(INT32_MAX))
    throw error("text is larger than 2 GiB");
  std::string out;
  std::size_t copied = 0;  // bytes of input already copied to out
  int32_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, n, cp);
    if (cp >= 0) continue;
    if (!replace) {
      throw error("invalid UTF-8 at byte offset " + std::to_string(start),
                  static_cast<std::size_t>(start));
    }
    // Each replacement grows the text by up to two bytes: the result must
    // still fit the 32-bit offsets of Span.
    if (out.size() + (static_cast<std::size_t>(start) - copied) + 3 >
        static_cast<std::size_t>(INT32_MAX))
      throw error("text is larger than 2 GiB after replacing invalid UTF-8");
    out.append(input.data() + copied, static_cast<std::size_t>(start) - copied);
    out.append("\xEF\xBF\xBD");
    copied = static_cast<std::size_t>(i);
    if (replaced) *replaced += static_cast<std::size_t>(i - start);
  }
  if (copied == 0) return std::string(input);
  out.append(input.data() + copied, input.size() - copied);
  return out;
}

bool is_boilerplate(std::string_view paragraph, const TextTables& tables,
                    bool after_boilerplate) {
  BoilerplateMatcher matcher(tables.boilerplate.get());
  return matcher.matches(paragraph, after_boilerplate);
}

TextLayout analyse_text(std::string_view text, const TextTables& tables,
                        TextContext* context) {
  TextLayout layout;
  analyse_text(text, tables, context, &layout);
  return layout;
}

void analyse_text(std::string_view text, const TextTables& tables,
                  TextContext* context, TextLayout* out) {
  TextLayout& layout = *out;
  layout.paragraphs.clear();
  layout.sentences.clear();
  layout.tokens.clear();
  layout.sentence_first_token.clear();
  layout.paragraph_first_token.clear();
  layout.tables = &tables;
  split_lines(text, layout.lines);
  group_paragraphs(text, layout.lines, layout.paragraphs);
  bool first_prose = !context || context->first_prose;
  bool after_boilerplate = context && context->after_boilerplate;
  BoilerplateMatcher boilerplate(tables.boilerplate.get());
  for (Paragraph& paragraph : layout.paragraphs) {
    const bool previous_boilerplate = after_boilerplate;
    after_boilerplate = false;
    std::string_view body =
        text.substr(paragraph.span.begin, paragraph.span.size());
    if (context && context->continues_paragraph &&
        &paragraph == &layout.paragraphs.front()) {
      // The rest of a paragraph cut by the caller keeps its flags.
      paragraph.heading = context->continued.heading;
      paragraph.boilerplate = context->continued.boilerplate;
      after_boilerplate = paragraph.boilerplate;
      continue;
    }
    if (paragraph.heading) {
      first_prose = false;
      continue;
    }
    if (boilerplate.matches(body, previous_boilerplate)) {
      paragraph.boilerplate = true;
      after_boilerplate = true;
      continue;
    }
    paragraph.heading = looks_like_headline(text, paragraph, first_prose);
    first_prose = false;
  }
  tokenise(text, tables, !context || context->line_start, layout);
  split_sentences(text, layout);
  if (context) {
    context->first_prose = first_prose;
    context->after_boilerplate = after_boilerplate;
  }
}

std::size_t window_end(std::string_view text, std::size_t begin,
                       std::size_t size, WindowCut* cut) {
  if (size == 0) size = 1;
  if (text.size() - begin <= size) {
    *cut = WindowCut::end;
    return text.size();
  }
  std::size_t low = begin + std::max<std::size_t>(size / 2, 1);
  while (low < text.size() &&
         (static_cast<unsigned char>(text[low]) & 0xC0) == 0x80)
    ++low;  // start on a character boundary
  const std::size_t high = begin + size;
  std::size_t best[6] = {};  // latest cut of each WindowCut kind, 0: none
  // Cuts are at the start of a non-space character, judged by what lies
  // between it and the previous non-space character.
  int breaks = 0;     // line breaks since the last non-space character
  char32_t last = 0;  // the last non-space character
  bool space = false;
  // The scan starts at `begin` so that the first cut after `low` is judged
  // by the characters before it; only cuts after `low` are kept.
  std::size_t i = begin;
  while (i < high) {
    std::size_t length = 0;
    const char32_t cp = decode_at(text, i, &length);
    if (cp == '\n' ||
        (cp == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) {
      ++breaks;
      space = true;
    } else if (is_space(cp)) {
      space = true;
    } else {
      if (i > low && last != 0) {
        const bool capital = is_upper(cp) || is_digit(cp);
        if (breaks >= 2 && capital) {
          best[static_cast<int>(WindowCut::paragraph)] = i;
        } else if (breaks == 1 && capital) {
          best[static_cast<int>(WindowCut::line)] = i;
        } else if (space && is_sentence_final(last) &&
                   (capital || (breaks == 0 && is_quotation_mark(cp)))) {
          // ". “It is" inside a paragraph: a sentence opening with a
          // quotation (after a line break it may continue an earlier one).
          best[static_cast<int>(WindowCut::sentence)] = i;
        } else if (space) {
          best[static_cast<int>(WindowCut::space)] = i;
        }
        // (Never between a letter and its combining mark.)
        if (!is_combining_mark(cp))
          best[static_cast<int>(WindowCut::character)] = i;
      }
      last = cp;
      breaks = 0;
      space = false;
    }
    i += length;
  }
  for (int kind = static_cast<int>(WindowCut::paragraph);
       kind <= static_cast<int>(WindowCut::character); ++kind) {
    if (best[kind] != 0) {
      *cut = static_cast<WindowCut>(kind);
      return best[kind];
    }
  }
  // Only white space in the range: cut after it.
  *cut = WindowCut::space;
  return i;
}

}  // namespace quotelink::detail
