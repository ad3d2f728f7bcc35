// Features of one reported-speech record for the learned acceptance
// decision: what the rules proposed and the words around it. They read only
// the finished record (its spans, sieve, mention) and the token layout, so
// training (model_examples) and the pipeline (apply_model) compute them alike.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// The feature hashes of `doc.quotes[q]` (any kind; the model judges
/// indirect ones), computed from `doc` and its `layout` (the same window).
/// With `tags` (the window's, one per token), the parts of speech of the
/// cue, its neighbours and the content's edges are features too.
/// Linear in the tokens of the record's sentence and content.
std::vector<std::uint32_t> report_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q,
                                           const PosTags* tags = nullptr);
/// The same into `out` (cleared first), so that a caller scoring many
/// records reuses one array.
void report_features(const Document& doc, const TextLayout& layout,
                     std::size_t q, const PosTags* tags,
                     std::vector<std::uint32_t>& out);

}  // namespace quotelink::detail
