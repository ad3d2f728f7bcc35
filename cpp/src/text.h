// Stage 1, text: UTF-8 validation, paragraphs, sentences and tokens.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "quotelink/document.h"
#include "quotelink/extractor.h"

namespace quotelink::detail {

/// Compiled boilerplate-line patterns (en/boilerplate.txt); opaque here so
/// that no ICU type leaks into the stage interface.
struct BoilerplatePatterns;

/// Word lists the text stage needs (abbreviations that do not end sentences).
struct TextTables {
  std::unordered_set<std::string> abbreviations;  ///< lower-case, with dots
  /// Patterns of navigation, byline, copyright and appeal lines; shared and
  /// immutable, so one TextTables serves many threads.
  std::shared_ptr<const BoilerplatePatterns> boilerplate;
  /// Loads the built-in lists.
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

/// A token of the text.
struct Token {
  Span span;
  TokenKind kind = TokenKind::word;
  int paragraph = 0;          ///< index into TextLayout::paragraphs
  int sentence = 0;           ///< index into TextLayout::sentences
  bool space_before = false;  ///< white space (or start of text) precedes it
  bool line_start = false;    ///< first token on its line
};

/// The layout of a text: paragraphs, sentences and tokens in text order.
struct TextLayout {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  /// For each sentence, the index of its first token (size: sentences + 1).
  std::vector<int> sentence_first_token;
  /// For each paragraph, the index of its first token (size: paragraphs + 1).
  std::vector<int> paragraph_first_token;
};

/// Splits valid UTF-8 `text` into paragraphs, sentences and tokens. Paragraphs
/// are separated by blank lines, and hard-wrapped lines (a block of lines of
/// similar width) are re-joined unless a line is a paragraph end; markdown
/// headings and headline-like lines are flagged `heading`, lines matching the
/// boilerplate patterns `boilerplate`. Runs in time linear in the text size.
TextLayout analyse_text(std::string_view text, const TextTables& tables);

/// True when `paragraph` (trimmed text of one paragraph) matches one of the
/// boilerplate patterns of `tables`; `after_boilerplate` enables the patterns
/// that only apply right after another boilerplate paragraph (appeals).
bool is_boilerplate(std::string_view paragraph, const TextTables& tables,
                    bool after_boilerplate = false);

}  // namespace quotelink::detail
