// Stage 1, text: UTF-8 validation, paragraphs, sentences and tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// Compiled boilerplate-line patterns (en/boilerplate.txt); opaque here so
/// that no ICU type leaks into the stage interface.
struct BoilerplatePatterns;

/// Word lists the text stage needs (abbreviations that do not end sentences).
/// The word classes the text and quotes stages read from the language pack
/// (data/<lang>/text_words.tsv).
inline constexpr std::string_view kTextWordClasses[] = {
    "text_abbreviation", "quote_elision", "quote_partial_opener",
    "title_small_word"};

/// The word lists of the text and quotes stages, read from a language pack.
struct TextTables {
  std::unordered_set<std::string> abbreviations;  ///< lower-case, with dots
  /// Words that begin with an apostrophe ("'em"), in pack order: a leading
  /// apostrophe before them opens no quotation.
  std::vector<std::string> elisions;
  /// Words after which a quotation continues the writer's sentence.
  std::unordered_set<std::string> partial_openers;
  /// Small words a title leaves in lower case ("of", "the").
  std::unordered_set<std::string> title_small_words;
  /// Patterns of navigation, byline, copyright and appeal lines; shared and
  /// immutable, so one TextTables serves many threads.
  std::shared_ptr<const BoilerplatePatterns> boilerplate;
  /// The lists of the classes of kTextWordClasses in `vocabulary` (the
  /// Lexicon's pack) and the built-in boilerplate patterns.
  static TextTables load(const Config& config, const Vocabulary& vocabulary);
  /// The same with the vocabulary of config.language's built-in pack,
  /// loaded for the call.
  static TextTables load(const Config& config);
};

/// Returns `input` if it is valid UTF-8. Otherwise throws quotelink::error
/// naming the first bad byte offset, or, when `replace` is set, returns a copy
/// with each maximal invalid subsequence replaced by U+FFFD and counts the
/// replaced bytes in `*replaced`.
std::string validate_utf8(std::string_view input, bool replace,
                          std::size_t* replaced);

/// What a token is.
enum class TokenKind : unsigned char {
  word,         ///< letters (with inner apostrophes, hyphens, dots: U.S.-led)
  number,       ///< digits, possibly with , . inside
  quote_mark,   ///< a character with the Quotation_Mark property
  punctuation,  ///< any other punctuation or symbol
};

/// A token's byte range with 32-bit offsets: a document holds millions of
/// tokens, and 32 bits address 4 GiB of text, so the
/// offsets fit (validate_utf8 refuses texts over 2 GiB). Reads like a Span and
/// converts to one.
struct TokenSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  /// Number of bytes covered.
  std::size_t size() const noexcept { return end - begin; }
  /// True when the range covers no byte.
  bool empty() const noexcept { return end <= begin; }
  /// The same range as a document Span.
  operator Span() const noexcept { return Span{begin, end}; }
};

/// A token of the text (20 bytes: the per-token arrays dominate memory).
struct Token {
  TokenSpan span;
  int paragraph = 0;  ///< index into TextLayout::paragraphs
  int sentence = 0;   ///< index into TextLayout::sentences
  TokenKind kind = TokenKind::word;
  bool space_before = false;  ///< white space (or start of text) precedes it
  bool line_start = false;    ///< first token on its line
};

/// One line of the text, trimmed of inline space.
struct TextLine {
  std::size_t begin = 0;  ///< first non-space byte
  std::size_t end = 0;    ///< one past the last non-space byte
  std::size_t width = 0;  ///< code points in [begin, end)
  bool blank() const { return end <= begin; }
};

/// The layout of a text: paragraphs, sentences and tokens in text order.
/// A layout analysed again (analyse_text into it) keeps its arrays' memory,
/// so that one layout serves document after document without allocating.
struct TextLayout {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  /// For each sentence, the index of its first token (size: sentences + 1).
  std::vector<int> sentence_first_token;
  /// For each paragraph, the index of its first token (size: paragraphs + 1).
  std::vector<int> paragraph_first_token;
  /// The tables the layout was made with: the quotes stage reads its word
  /// lists there (set by analyse_text; they outlive the layout).
  const TextTables* tables = nullptr;
  /// The text's lines, from which the paragraphs were made.
  std::vector<TextLine> lines;
};

/// The state of the text stage where a piece of a longer text starts, so that
/// the pieces of a long document can be analysed one after another.
struct TextContext {
  bool first_prose = true;         ///< no prose paragraph before the piece
  bool after_boilerplate = false;  ///< the paragraph before was boilerplate
  /// The piece starts inside a paragraph (a cut inside an over-long
  /// paragraph): its first paragraph takes the flags of `continued`.
  bool continues_paragraph = false;
  Paragraph continued;
  bool line_start = true;  ///< the piece starts a line
};

/// Splits valid UTF-8 `text` into paragraphs, sentences and tokens. Paragraphs
/// are separated by blank lines, and hard-wrapped lines (a block of lines of
/// similar width) are re-joined unless a line is a paragraph end; markdown
/// headings and headline-like lines are flagged `heading`, lines matching the
/// boilerplate patterns `boilerplate`. Runs in time linear in the text size.
/// With `context`, the text is a piece of a longer one that starts in that
/// state; the state at the piece's end is written back.
TextLayout analyse_text(std::string_view text, const TextTables& tables,
                        TextContext* context = nullptr);
/// The same into `*layout`, whose arrays are cleared and refilled (their
/// memory kept: a layout reused for many texts stops allocating).
void analyse_text(std::string_view text, const TextTables& tables,
                  TextContext* context, TextLayout* layout);

/// How a window of a long text ends (see window_end).
enum class WindowCut : unsigned char {
  end,        ///< at the end of the text
  paragraph,  ///< at a blank line, before a paragraph that starts with a
              ///< capital or digit (so no quotation continues into it)
  line,       ///< at a line break before such a line (no blank line near)
  sentence,   ///< inside a paragraph, before a capital or a quotation mark
              ///< after . ! ? and space
  space,      ///< inside a paragraph, after white space
  character,  ///< anywhere: a text without spaces
};

/// The end of the window of valid UTF-8 `text` that starts at `begin` and
/// holds at most `size` bytes (at least half of them unless the text ends):
/// the latest cut of the best kind in WindowCut order, so that analysing the
/// windows one by one keeps memory bounded by `size`. Sets `*cut`.
std::size_t window_end(std::string_view text, std::size_t begin,
                       std::size_t size, WindowCut* cut);

/// True when `paragraph` (trimmed text of one paragraph) matches one of the
/// boilerplate patterns of `tables`; `after_boilerplate` enables the patterns
/// that only apply right after another boilerplate paragraph (appeals).
bool is_boilerplate(std::string_view paragraph, const TextTables& tables,
                    bool after_boilerplate = false);

}  // namespace quotelink::detail
