// The compiled lexicons of every stage, owned by an Extractor.
#pragma once

#include <cstddef>
#include <vector>

#include "attribute.h"
#include "calibration.h"
#include "lexicon.h"
#include "model/apply_model.h"
#include "model/choose_source.h"
#include "model/pos_tagger.h"
#include "model/propose_reports.h"
#include "quotelink/extractor.h"
#include "relative_sources.h"
#include "rules.h"
#include "scratch.h"
#include "text.h"
#include "vocabulary.h"

namespace quotelink {

/// All stage tables, built once per Extractor and shared read-only.
class Lexicon {
 public:
  /// Loads the built-in lists merged with `config`'s extensions.
  /// Throws quotelink::error for an unknown config.language, an unknown
  /// name in config.disabled_rules or a bad extension.
  explicit Lexicon(const Config& config)
      : vocabulary(detail::load_vocabulary(
            config.language, detail::builtin_pack(config.language), config)),
        rules(config.disabled_rules),
        text(detail::TextTables::load(config, vocabulary)),
        speakers(detail::SpeakerTables::load(vocabulary)),
        relative_sources(vocabulary),
        model(config.model && config.indirect ? &detail::shipped_model()
                                              : nullptr),
        tagger(model ? detail::shipped_tagger() : nullptr),
        calibration(config.calibration ? &detail::shipped_calibration_index()
                                       : nullptr) {}

  // The stages' views hold pointers into `vocabulary`: never copied or moved.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  /// The language pack's words: ids, classes, multi-word entries (with
  /// Config's extra_cue_verbs and extra_titles).
  detail::Vocabulary vocabulary;
  /// The rules Config switched off.
  detail::RuleSwitches rules;
  detail::TextTables text;
  detail::SpeakerTables speakers;
  detail::RelativeSourceClasses relative_sources;
  /// The learned layer's model, or nullptr for the rules only.
  const detail::LinearModel* model;
  /// The tagger whose tags the model reads, or nullptr (none embedded, or
  /// no model).
  const detail::PosTagger* tagger;
  /// The confidence calibration table, or nullptr for the rules' constants.
  const detail::CalibrationIndex* calibration;
  /// Work arrays lent to each extraction running (scratch.h).
  mutable detail::ScratchPool scratch;
};

namespace detail {

/// Texts longer than this are analysed in windows of at most this many bytes
/// (cut by window_end), so that the per-token arrays of the stages stay
/// bounded however long the document is (the stages hold ~40 bytes per input
/// byte of a window, so ~1.3 MB at this size). About 5,000 words, the
/// length of the longest PolNeAR article: PolNeAR's train and dev scores are
/// the same with 32 KB and 64 KB windows.
inline constexpr std::size_t kWindowBytes = std::size_t{32} << 10;

/// Runs every stage on `doc.text` (valid UTF-8) and fills the rest of `doc`.
/// A text over `window` bytes is analysed window by window: quotations and
/// sentences are those of the whole text wherever the cut is a paragraph
/// break; attribution sees one window at a time, and entities of different
/// windows are merged when they share a proper name and type. With
/// `evidence`, it receives the calibration evidence of each record, in
/// doc.quotes order (training fits the calibration table on it).
void run_pipeline(Document& doc, const Lexicon& lexicon, const Config& config,
                  std::size_t window = kWindowBytes,
                  std::vector<CalibrationEvidence>* evidence = nullptr);

}  // namespace detail
}  // namespace quotelink
