// Stages 3-6: cues, speaker mentions, attribution sieves, in-document entities.
#pragma once

#include <string_view>

#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "text.h"

namespace quotelink::detail {

/// Word lists the attribution stages need.
struct SpeakerTables {
  /// Loads the built-in lists merged with the extensions in `config`.
  static SpeakerTables load(const Config& config);
};

/// Attributes `doc.quotes` (found by the quotes stage) to speakers: fills
/// doc.mentions, doc.entities and each quote's speaker fields.
void attribute_quotes(Document& doc, const TextLayout& layout,
                      const SpeakerTables& tables, const Config& config);

}  // namespace quotelink::detail
