// Small UTF-8 and Unicode-property helpers shared by the stages (ICU inside).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotelink::detail {

char32_t decode_multibyte_at(std::string_view text, std::size_t pos,
                             std::size_t* length);

/// Decodes the code point at `pos` of valid UTF-8 `text`; sets `length` to its
/// byte length. Returns U+FFFD (length 1) at a malformed position.
inline char32_t decode_at(std::string_view text, std::size_t pos,
                          std::size_t* length) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    *length = 1;
    return byte;
  }
  return decode_multibyte_at(text, pos, length);
}

/// Decodes the code point that ends just before `pos`; sets `length`.
char32_t decode_before(std::string_view text, std::size_t pos,
                       std::size_t* length);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string* out);

// ASCII facts for the hot per-character predicates below (the text stage asks
// them for every byte); other code points go to ICU.
inline constexpr bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline constexpr bool ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
inline constexpr bool ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline constexpr bool ascii_space(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool icu_is_letter(char32_t cp);
bool icu_is_upper(char32_t cp);
bool icu_is_lower(char32_t cp);
bool icu_is_digit(char32_t cp);
bool icu_is_space(char32_t cp);

/// True for letters (general category L*).
inline bool is_letter(char32_t cp) {
  return cp < 128 ? ascii_upper(cp) || ascii_lower(cp) : icu_is_letter(cp);
}
/// True for upper-case or title-case letters.
inline bool is_upper(char32_t cp) {
  return cp < 128 ? ascii_upper(cp) : icu_is_upper(cp);
}
/// True for lower-case letters.
inline bool is_lower(char32_t cp) {
  return cp < 128 ? ascii_lower(cp) : icu_is_lower(cp);
}
/// True for decimal digits.
inline bool is_digit(char32_t cp) {
  return cp < 128 ? ascii_digit(cp) : icu_is_digit(cp);
}
/// True for white space, including no-break spaces.
inline bool is_space(char32_t cp) {
  return cp < 128 ? ascii_space(cp) : icu_is_space(cp);
}
/// True for combining marks (general category M: Mn, Mc, Me). They belong
/// to the letter before them: "e\u0301" is the NFD spelling of "\u00e9".
bool is_combining_mark(char32_t cp);
/// True for a character that may continue a word: a letter, a digit or a
/// combining mark.
inline bool is_word_char(char32_t cp) {
  return cp < 128 ? ascii_upper(cp) || ascii_lower(cp) || ascii_digit(cp)
                  : is_letter(cp) || is_digit(cp) || is_combining_mark(cp);
}
/// True for letters of scripts without case (Han, kana, Hangul, Arabic,
/// ...), where a sentence start shows no capital.
bool is_uncased_letter(char32_t cp);
/// True for characters that stand for a word each in writing without
/// spaces (line-break class ID: Han ideographs, kana, fullwidth letters).
bool is_ideographic(char32_t cp);
/// True for letters of the Latin script, the script of the built-in
/// lexicons.
bool is_latin_letter(char32_t cp);
/// The ASCII punctuation that a fullwidth or ideographic form stands for
/// ("\uff1a" ':', "\u3001" and "\uff0c" ',', "\u3002" '.'), else `cp`.
char32_t ascii_punctuation_equivalent(char32_t cp);
/// True for characters with the Unicode Quotation_Mark property.
bool is_quotation_mark(char32_t cp);
/// True for opening punctuation (general category Ps), e.g. ( [ {.
bool is_open_punctuation(char32_t cp);
/// True for closing punctuation (general category Pe), e.g. ) ] }.
bool is_close_punctuation(char32_t cp);
/// True for dash punctuation (general category Pd).
bool is_dash(char32_t cp);
/// True for invisible format characters (general category Cf), e.g. the
/// bidi embeddings U+202A..U+202E that scrapers leave before marks.
bool is_format(char32_t cp);
/// Lower-cases `text` (full Unicode case folding of letters) and composes
/// it to NFC.
std::string to_lower(std::string_view text);

}  // namespace quotelink::detail
