#include "quote_marks.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace quotelink::detail {

namespace {

MarkClass derive(UChar32 cp) {
  MarkClass mark;
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  u_charName(cp, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  const std::string n = U_SUCCESS(status) ? name : "";
  if (n.find("WHITE CORNER") != std::string::npos) {
    mark.family = MarkFamily::white_corner;
  } else if (n.find("CORNER") != std::string::npos) {
    mark.family = MarkFamily::corner;
  } else if (n.find("SINGLE") != std::string::npos ||
             n.find("APOSTROPHE") != std::string::npos) {
    mark.family = MarkFamily::single_mark;
  } else {
    // "DOUBLE ..." and the plain (fullwidth) QUOTATION MARK.
    mark.family = MarkFamily::double_mark;
  }
  switch (u_charType(cp)) {
    case U_INITIAL_PUNCTUATION:
      mark.shape = MarkShape::initial;
      break;
    case U_FINAL_PUNCTUATION:
      mark.shape = MarkShape::final;
      break;
    case U_START_PUNCTUATION:
      mark.shape = MarkShape::opening;
      break;
    case U_END_PUNCTUATION:
      mark.shape = MarkShape::closing;
      break;
    default:
      mark.shape = MarkShape::neutral;
      break;
  }
  mark.apostrophe_like = mark.family == MarkFamily::single_mark &&
                         n.find("ANGLE") == std::string::npos &&
                         mark.shape != MarkShape::opening;
  return mark;
}

struct MarkTable {
  MarkClass ascii[128];
  std::vector<std::pair<char32_t, MarkClass>> others;  // sorted by code point

  MarkTable() {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet marks(u"[:Quotation_Mark:]", status);
    if (U_FAILURE(status)) return;
    for (int32_t r = 0; r < marks.getRangeCount(); ++r) {
      for (UChar32 cp = marks.getRangeStart(r); cp <= marks.getRangeEnd(r);
           ++cp) {
        if (cp < 128) {
          ascii[cp] = derive(cp);
        } else {
          others.emplace_back(static_cast<char32_t>(cp), derive(cp));
        }
      }
    }
  }
};

const MarkTable& table() {
  static const MarkTable instance;
  return instance;
}

}  // namespace

MarkClass classify_mark(char32_t cp) {
  const MarkTable& t = table();
  if (cp < 128) return t.ascii[cp];
  auto it = std::lower_bound(t.others.begin(), t.others.end(), cp,
                             [](const std::pair<char32_t, MarkClass>& e,
                                char32_t c) { return e.first < c; });
  if (it != t.others.end() && it->first == cp) return it->second;
  return MarkClass{};
}

}  // namespace quotelink::detail
