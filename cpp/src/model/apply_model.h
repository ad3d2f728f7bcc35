// The learned layer in the pipeline: its decisions over the rules' records.
#pragma once

#include <string_view>
#include <vector>

#include "model/linear_model.h"
#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// The name of the classifier that accepts or rejects a reported-speech
/// record the rules proposed.
inline constexpr std::string_view kAcceptReport = "accept_report";

/// Contract: runs after attribution on one window (`doc` and its `layout`).
/// Each indirect record is judged by `model`'s accept_report classifier:
/// rejected records are removed, accepted ones keep the rule's sieve with
/// "+model" appended ("reported_after+model"). Direct and partial records
/// are left as they are. A model without that classifier changes nothing.
/// doc.quotes stays sorted; mentions and entities are untouched. With
/// `scores`, it receives accept_report's score of each kept record, in
/// doc.quotes order (NaN for a record the model did not judge). `tags`
/// (the window's parts of speech, or none) feed report_features.
void apply_model(Document& doc, const TextLayout& layout,
                 const LinearModel& model,
                 std::vector<double>* scores = nullptr,
                 const PosTags* tags = nullptr);

/// The embedded data file of the shipped model (cpp/data/model/en.bin).
inline constexpr std::string_view kShippedModel = "model/en.bin";

/// The model embedded in the library, parsed once; throws quotelink::error
/// when the build embeds none (a build before the first training).
const LinearModel& shipped_model();

}  // namespace quotelink::detail
