// Quotation-mark classes derived from Unicode properties (through ICU), used
// by the quotes stage to pair marks.
#pragma once

#include <cstdint>

namespace quotelink::detail {

/// Which marks can pair with each other: marks of one family pair regardless
/// of style (straight, curly, low-9, guillemet), which is what makes mixed
/// styles such as `“Shorty."` pair.
enum class MarkFamily : unsigned char {
  none,          ///< not a quotation mark
  double_mark,   ///< " “ ” „ ‟ « » ＂ 〝 〞 ⹂ (and two
                 ///< apostrophes
                 ///< '')
  single_mark,   ///< ' ‘ ’ ‚ ‛ ‹ › ＇ (also apostrophes)
  corner,        ///< 「 」 ｢ ｣ ﹁ ﹂
  white_corner,  ///< 『 』 ﹃ ﹄
};

/// The direction a mark's general category gives it.
enum class MarkShape : unsigned char {
  neutral,  ///< Po: straight marks, direction from context only
  initial,  ///< Pi: usually opens (“ ‘ « ‹), but some languages close with it
  final,    ///< Pf: usually closes (” ’ » ›)
  opening,  ///< Ps: always opens („ ‚ 「 『 〝)
  closing,  ///< Pe: always closes (」 』 〞)
};

/// The class of one code point.
struct MarkClass {
  MarkFamily family = MarkFamily::none;
  MarkShape shape = MarkShape::neutral;
  /// A single mark that also serves as apostrophe (' ‘ ’ ‛): not the angle
  /// or low-9 forms.
  bool apostrophe_like = false;
};

/// Classifies `cp`: family none unless it has the Quotation_Mark property.
/// The family comes from the character name (DOUBLE, SINGLE/APOSTROPHE,
/// CORNER, WHITE CORNER; the plain QUOTATION MARK is double), the shape from
/// the general category. Computed once for the whole property set.
MarkClass classify_mark(char32_t cp);

}  // namespace quotelink::detail
