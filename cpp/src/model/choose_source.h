// The learned layer's source choice: a mention of the cue's sentence for a
// reported-speech record the rules left without a source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/linear_model.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// The name of the classifier that scores a candidate source mention.
inline constexpr std::string_view kChooseSource = "choose_source";

/// The candidate sources of doc.quotes[q]: when it is indirect, has a cue
/// and no mention, the mentions in the cue's sentence that lie outside its
/// content, in text order; otherwise none.
std::vector<int> source_candidates(const Document& doc,
                                   const TextLayout& layout, std::size_t q);

/// The features of mention `m` as the source of doc.quotes[q]: its kind,
/// side of the cue and distance, the commas and candidates between them,
/// its words and the cue's. Linear in the tokens of the cue's sentence.
std::vector<std::uint32_t> source_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q, int m);

/// Contract: runs after apply_model on one window. For every record with
/// candidates (source_candidates), the candidate the model's choose_source
/// classifier scores highest becomes its source when that score reaches
/// the threshold: Quote::mention, Quote::speaker (the mention's entity) and
/// "+source" appended to the sieve. A model without that classifier
/// changes nothing. Records stay in place.
void choose_sources(Document& doc, const TextLayout& layout,
                    const LinearModel& model);

}  // namespace quotelink::detail
