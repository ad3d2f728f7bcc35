#include "unicode.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace quotelink::detail {

char32_t decode_multibyte_at(std::string_view text, std::size_t pos,
                             std::size_t* length) {
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
  if (static_cast<unsigned char>(text[pos - 1]) < 0x80) {
    *length = 1;
    return static_cast<unsigned char>(text[pos - 1]);
  }
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

namespace {

// ASCII answers precomputed from ICU for the two properties without an
// obvious ASCII rule.
enum AsciiBits : unsigned char { kQuote = 1, kOpen = 2 };

struct AsciiTable {
  unsigned char bits[128] = {};
  AsciiTable() {
    for (UChar32 c = 0; c < 128; ++c) {
      unsigned char b = 0;
      if (u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) b |= kQuote;
      if (u_charType(c) == U_START_PUNCTUATION) b |= kOpen;
      bits[c] = b;
    }
  }
};

const AsciiTable& ascii() {
  static const AsciiTable table;
  return table;
}

}  // namespace

bool icu_is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

bool icu_is_upper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) ||
         u_istitle(static_cast<UChar32>(cp));
}

bool icu_is_lower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }

bool icu_is_digit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }

bool icu_is_space(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

bool is_combining_mark(char32_t cp) {
  return cp >= 0x300 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK);
}

bool is_uncased_letter(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return cp >= 128 && u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CASED);
}

bool is_ideographic(char32_t cp) {
  return cp >= 0x2E80 &&
         u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK) ==
             U_LB_IDEOGRAPHIC;
}

bool is_latin_letter(char32_t cp) {
  if (cp < 128) return ascii_upper(cp) || ascii_lower(cp);
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_LATIN;
}

char32_t ascii_punctuation_equivalent(char32_t cp) {
  if (cp == 0x3001 || cp == 0xFF64) return ',';  // ideographic comma
  if (cp == 0x3002 || cp == 0xFF61) return '.';  // ideographic full stop
  // Fullwidth forms of ASCII punctuation sit at a fixed distance from it.
  if (cp >= 0xFF01 && cp <= 0xFF5E && !u_isalnum(static_cast<UChar32>(cp)))
    return cp - 0xFEE0;
  return cp;
}

bool is_quotation_mark(char32_t cp) {
  if (cp < 128) return ascii().bits[cp] & kQuote;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_QUOTATION_MARK);
}

bool is_open_punctuation(char32_t cp) {
  if (cp < 128) return ascii().bits[cp] & kOpen;
  return u_charType(static_cast<UChar32>(cp)) == U_START_PUNCTUATION;
}

bool is_close_punctuation(char32_t cp) {
  return u_charType(static_cast<UChar32>(cp)) == U_END_PUNCTUATION;
}

bool is_format(char32_t cp) {
  return cp >= 128 && u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR;
}

bool is_dash(char32_t cp) {
  return u_charType(static_cast<UChar32>(cp)) == U_DASH_PUNCTUATION;
}

std::string to_lower(std::string_view text) {
  std::string out;
  bool ascii_only = true;
  for (char c : text)
    ascii_only = ascii_only && static_cast<unsigned char>(c) < 0x80;
  if (ascii_only) {
    out.assign(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString lower =
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
          .toLower(icu::Locale::getRoot());
  // Lexicon and entity keys are NFC, so that a name spelled with combining
  // marks (NFD, "Ame\u0301lie") finds the same entries as its NFC form.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(lower, status);
    if (U_SUCCESS(status)) lower = composed;
  }
  lower.toUTF8String(out);
  return out;
}

}  // namespace quotelink::detail
