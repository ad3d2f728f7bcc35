// The compiled lexicons of every stage, owned by an Extractor.
#pragma once

#include "attribute.h"
#include "quotelink/extractor.h"
#include "text.h"

namespace quotelink {

/// All stage tables, built once per Extractor and shared read-only.
class Lexicon {
 public:
  /// Loads the built-in lists merged with `config`'s extensions.
  explicit Lexicon(const Config& config)
      : text(detail::TextTables::load(config)),
        speakers(detail::SpeakerTables::load(config)) {}

  detail::TextTables text;
  detail::SpeakerTables speakers;
};

}  // namespace quotelink
