// Stages 3-6 together: cues, speaker mentions, attribution sieves and
// in-document entities, run in that order on the quotes stage's output.
#pragma once

#include <string_view>

#include "cues.h"
#include "mentions.h"
#include "model/linear_model.h"
#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "reported.h"
#include "text.h"

namespace quotelink::detail {

/// Word lists the attribution stages need, one table per stage.
struct SpeakerTables {
  CueTables cues;
  MentionTables mentions;
  ReportedTables reported;
  /// Loads the built-in lists merged with the extensions in `config`; throws
  /// quotelink::error on a bad extension.
  static SpeakerTables load(const Config& config);
};

/// Attributes `doc.quotes` (found by the quotes stage) to speakers: fills
/// doc.mentions, doc.entities and each quote's speaker fields; when
/// config.indirect, adds reported speech (kind indirect), absorbing the
/// partial quotations inside a reported clause, and keeps doc.quotes sorted.
/// With a `model`, reported speech also hears the cues it proposes.
void attribute_quotes(Document& doc, const TextLayout& layout,
                      const SpeakerTables& tables, const Config& config,
                      const LinearModel* model = nullptr);

}  // namespace quotelink::detail
