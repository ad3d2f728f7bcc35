// Calls every ICU service quotelink uses (docs/install.md, "ICU data") on
// every code point and prints a digest of all the answers. Inputs in the
// examples exercise only a few scripts; this reaches the data of all of them
// (e.g. Any-Latin's Arabic rules open nfkc.nrm, its Thai rules a word break
// dictionary, its Cyrillic rules neither). scripts/icu_data/items.sh traces
// the data files it opens; scripts/build_wheels.sh checks that ICU with the
// trimmed data gives the same digest as with all its data.
// Usage: probe boilerplate.txt [text...]
//   boilerplate.txt: the regular expressions of cpp/data/en; each line of the
//   texts (real words in many scripts) is also normalized, folded and
//   lower-cased.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

namespace {

// FNV-1a over everything the services answer.
struct Digest {
  unsigned long long value = 1469598103934665603ULL;
  void add(long number) { add(std::to_string(number)); }
  void add(const std::string& bytes) {
    for (unsigned char c : bytes) value = (value ^ c) * 1099511628211ULL;
    value = (value ^ 0xFF) * 1099511628211ULL;  // separates the answers
  }
  void add(const icu::UnicodeString& text) {
    std::string bytes;
    add(text.toUTF8String(bytes));
  }
};

bool check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    std::cerr << "probe: " << what << ": " << u_errorName(status) << "\n";
    return false;
  }
  return true;
}

// Character properties, scripts and names (quote_marks.cc, unicode.cc,
// name_keys.cc).
void properties(UChar32 cp, Digest& digest) {
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  u_charName(cp, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  digest.add(U_SUCCESS(status) ? std::string(name) : u_errorName(status));
  const long bits = u_isalpha(cp) | u_isupper(cp) << 1 | u_istitle(cp) << 2 |
                    u_islower(cp) << 3 | u_isdigit(cp) << 4 |
                    u_isUWhiteSpace(cp) << 5 |
                    u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK) << 6 |
                    u_hasBinaryProperty(cp, UCHAR_CASED) << 7 |
                    static_cast<long>(u_charType(cp)) << 8;
  digest.add(bits);
  digest.add(static_cast<long>(uscript_getScript(cp, &status)));
}

// Every code point of one block of 256, as one run of text (transliteration
// rules look at neighbours, and Thai is split into words first).
icu::UnicodeString block(UChar32 first) {
  icu::UnicodeString text;
  for (UChar32 cp = first; cp < first + 256; ++cp)
    if (cp < 0xD800 || cp > 0xDFFF) text.append(cp);
  return text;
}

void fold_and_lower(icu::Transliterator& fold, icu::UnicodeString text,
                    Digest& digest) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (nfc) digest.add(nfc->normalize(text, status));
  digest.add(std::string(u_errorName(status)));
  icu::UnicodeString lower = text;
  digest.add(lower.toLower(icu::Locale::getRoot()));
  fold.transliterate(text);
  digest.add(text);
}

bool regexes(const char* path, Digest& digest) {
  std::ifstream in(path);
  std::string line;
  icu::UnicodeString sample = block(0x80) + block(0x400) + block(0x4E00);
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(line), UREGEX_CASE_INSENSITIVE,
        parse_error, status));
    if (!check(status, line.c_str())) return false;
    std::unique_ptr<icu::RegexMatcher> matcher(
        pattern->matcher(sample, status));
    if (!check(status, "matcher")) return false;
    while (matcher->find()) digest.add(matcher->start(status));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: probe boilerplate.txt [text...]\n";
    return 2;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> fold(icu::Transliterator::createInstance(
      "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (!check(status, "Any-Latin; Latin-ASCII")) return 1;
  icu::UnicodeSet marks(u"[:Quotation_Mark:]", status);
  if (!check(status, "[:Quotation_Mark:]")) return 1;
  Digest digest;
  icu::UnicodeString pattern;
  digest.add(marks.toPattern(pattern, true));
  for (UChar32 first = 0; first <= 0x10FFFF; first += 256) {
    for (UChar32 cp = first; cp < first + 256; ++cp) properties(cp, digest);
    fold_and_lower(*fold, block(first), digest);
  }
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i]);
    if (!in) {
      std::cerr << "probe: cannot read " << argv[i] << "\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line))
      fold_and_lower(*fold, icu::UnicodeString::fromUTF8(line), digest);
  }
  if (!regexes(argv[1], digest)) return 1;
  std::cout << std::hex << digest.value << "\n";
  return 0;
}
