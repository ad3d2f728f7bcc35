// Small UTF-8 and Unicode-property helpers shared by the stages (ICU inside).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotelink::detail {

/// Decodes the code point at `pos` of valid UTF-8 `text`; sets `length` to its
/// byte length. Returns U+FFFD (length 1) at a malformed position.
char32_t decode_at(std::string_view text, std::size_t pos, std::size_t* length);

/// Decodes the code point that ends just before `pos`; sets `length`.
char32_t decode_before(std::string_view text, std::size_t pos,
                       std::size_t* length);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string* out);

/// True for letters (general category L*).
bool is_letter(char32_t cp);
/// True for upper-case or title-case letters.
bool is_upper(char32_t cp);
/// True for lower-case letters.
bool is_lower(char32_t cp);
/// True for decimal digits.
bool is_digit(char32_t cp);
/// True for white space, including no-break spaces.
bool is_space(char32_t cp);
/// True for characters with the Unicode Quotation_Mark property.
bool is_quotation_mark(char32_t cp);
/// True for opening punctuation (general category Ps), e.g. ( [ {.
bool is_open_punctuation(char32_t cp);
/// True for dash punctuation (general category Pd).
bool is_dash(char32_t cp);
/// Lower-cases `text` (full Unicode case folding of letters).
std::string to_lower(std::string_view text);

}  // namespace quotelink::detail
