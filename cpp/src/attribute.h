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
#include "token_layer.h"
#include "vocabulary.h"

namespace quotelink {
class Lexicon;  // pipeline.h
}

namespace quotelink::detail {

/// Word lists the attribution stages need, one table per stage.
struct SpeakerTables {
  CueLexicon cue_lexicon;  ///< the cue classes of the Lexicon's vocabulary
  MentionTables mentions;
  ReportedTables reported;
  /// The tables of `vocabulary` (a language pack with Config's extensions);
  /// throws quotelink::error for an entry the stages cannot read.
  static SpeakerTables load(const Vocabulary& vocabulary);
};

/// Attributes `doc.quotes` (found by the quotes stage) to speakers: fills
/// doc.mentions, doc.entities and each quote's speaker fields; when
/// config.indirect, adds reported speech (kind indirect), absorbing the
/// partial quotations inside a reported clause, and keeps doc.quotes sorted.
/// With a `model`, reported speech also hears the cues it proposes. With a
/// `scratch`, the stages borrow its arrays instead of allocating their own.
void attribute_quotes(Document& doc, const TextLayout& layout,
                      const TokenLayer& tokens, const Lexicon& lexicon,
                      const Config& config, const LinearModel* model = nullptr,
                      Scratch* scratch = nullptr);

}  // namespace quotelink::detail
