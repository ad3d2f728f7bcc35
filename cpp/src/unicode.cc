#include "unicode.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace quotelink::detail {

char32_t decode_at(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  const int32_t n = static_cast<int32_t>(text.size());
  UChar32 cp = 0;
  U8_NEXT(bytes, i, n, cp);
  *length = static_cast<std::size_t>(i) - pos;
  return cp < 0 ? 0xFFFD : static_cast<char32_t>(cp);
}

char32_t decode_before(std::string_view text, std::size_t pos,
                       std::size_t* length) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  UChar32 cp = 0;
  U8_PREV(bytes, 0, i, cp);
  *length = pos - static_cast<std::size_t>(i);
  return cp < 0 ? 0xFFFD : static_cast<char32_t>(cp);
}

void append_utf8(char32_t cp, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4,
            static_cast<UChar32>(cp), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
  } else {
    out->append(buffer, static_cast<std::size_t>(length));
  }
}

bool is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

bool is_upper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) ||
         u_istitle(static_cast<UChar32>(cp));
}

bool is_digit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }

bool is_space(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

bool is_quotation_mark(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_QUOTATION_MARK);
}

bool is_dash(char32_t cp) {
  return u_charType(static_cast<UChar32>(cp)) == U_DASH_PUNCTUATION;
}

std::string to_lower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

}  // namespace quotelink::detail
