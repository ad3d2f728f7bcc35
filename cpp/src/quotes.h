// Stage 2, quotes: quotation marks classified and paired into quotations.
#pragma once

#include <string_view>
#include <vector>

#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// Finds the quotations in marks of `text`. Each Quote has span, outer, text,
/// kind (direct, or partial when it sits inside a sentence), paragraph,
/// sentence and flags set; attribution fields are left empty. Quotations are
/// ordered by start offset and never overlap except by nesting. The word
/// lists (elisions, partial openers) are those of `layout.tables`.
std::vector<Quote> find_quotes(std::string_view text, const TextLayout& layout);

/// True when quotation `q` of `text` reads like a title or slogan ("Make
/// America Great Again", "Scam."): at most nine words, every word but the
/// small ones of `tables` (title_small_word) capitalised.
bool title_like(std::string_view text, const Quote& q,
                const TextTables& tables);

}  // namespace quotelink::detail
