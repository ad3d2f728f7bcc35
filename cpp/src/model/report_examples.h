// Training data for the learned layer: the rules' records of a text with
// their features, before any model decision.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "calibration.h"
#include "model/linear_model.h"
#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink {
class Lexicon;
}

namespace quotelink::detail {

/// One record the rules proposed, with the features the model sees.
struct ReportExample {
  std::size_t start = 0;  ///< content start, code points
  std::size_t end = 0;    ///< content end, code points
  QuoteKind kind = QuoteKind::indirect;
  std::string sieve;  ///< the rule's sieve (no "+model")
  std::vector<std::uint32_t> features;
};

/// One token that the model may propose as a cue, with its features.
struct CueExample {
  std::size_t start = 0;  ///< code points
  std::size_t end = 0;
  std::vector<std::uint32_t> features;
};

/// One candidate record of propose_reports: a free word and a content.
struct ReportCandidateExample {
  std::size_t cue_start = 0;  ///< the cue word, code points
  std::size_t cue_end = 0;
  std::size_t start = 0;  ///< the content, code points
  std::size_t end = 0;
  std::vector<std::uint32_t> features;  ///< word and span features
  std::size_t word_features = 0;        ///< how many of them are the word's
};

/// One candidate source mention of a reported-speech record.
struct SourceExample {
  std::size_t start = 0;          ///< the record's content start, code points
  std::size_t end = 0;            ///< the record's content end
  std::size_t mention_start = 0;  ///< the candidate mention, code points
  std::size_t mention_end = 0;
  bool sourced = false;       ///< the rules gave the record a source
  bool rules_choice = false;  ///< the candidate is that source
  std::vector<std::uint32_t> features;
};

/// The configuration training reads with: the rules with their constant
/// confidences (no model, no calibration).
Config rules_only();

/// Contract: runs the stages of one window up to attribution (the rules
/// only) on `doc.text` (valid UTF-8), filling doc's paragraphs, sentences,
/// quotes, mentions and entities, and returns the layout: what apply_model
/// receives in the pipeline.
TextLayout run_rules(Document& doc, const Lexicon& lexicon);

/// Runs the rules-only pipeline (default lexicons) over whole texts and
/// returns their records with features, as apply_model would see them.
class ReportExampleFinder {
 public:
  /// The model's features read the tags of `tagger` (copied; nullptr: no
  /// tags), as the pipeline reads the shipped tagger's.
  explicit ReportExampleFinder(const PosTagger* tagger = shipped_tagger());
  ~ReportExampleFinder();
  /// The records of `text` (valid UTF-8, else quotelink::error), in order.
  std::vector<ReportExample> examples(std::string_view text) const;
  /// The cue candidates of `text` that no lexicon cue covers, in order:
  /// what propose_cues judges in the pipeline.
  std::vector<CueExample> cue_examples(std::string_view text) const;
  /// Every candidate record of `text` (each free word with each of its
  /// contents) around the rules' records, in text order: what
  /// propose_reports scores, the gate aside.
  std::vector<ReportCandidateExample> report_candidates(
      std::string_view text) const;
  /// The candidate sources of candidate records `chosen` (indices into
  /// report_candidates(text)), each made a record of its own as
  /// propose_reports would: what choose_sources scores for it.
  std::vector<SourceExample> proposed_source_examples(
      std::string_view text, const std::vector<std::size_t>& chosen) const;
  /// The candidate sources of the records, in record order: what
  /// choose_sources scores in the pipeline.
  std::vector<SourceExample> source_examples(std::string_view text) const;

 private:
  /// Fills `doc` with the rules' output on `text` (offsets indexed) and
  /// returns its layout; quotelink::error for invalid UTF-8.
  TextLayout rules_document(std::string_view text, Document& doc) const;
  /// The tags of `layout` over `doc.text`: empty without a tagger.
  PosTags tags(const Document& doc, const TextLayout& layout) const;

  std::unique_ptr<const Lexicon> lexicon_;
  std::unique_ptr<const PosTagger> tagger_;
};

/// The whole pipeline with a model of the caller's instead of the shipped
/// one (training's cross-validation scores the pipeline with fold models).
class ModelRunner {
 public:
  /// Takes `model` (one without classifiers: the rules only); the lexicons
  /// are the built-in ones; confidences are the rules' (no calibration).
  /// The model reads the tags of `tagger` (copied; nullptr: no tags).
  explicit ModelRunner(LinearModel model,
                       const PosTagger* tagger = shipped_tagger());
  ~ModelRunner();
  ModelRunner(const ModelRunner&) = delete;
  ModelRunner& operator=(const ModelRunner&) = delete;
  /// What Extractor::extract gives for `text` with this model, uncalibrated
  /// (confidences unrounded, no verbatim records); quotelink::error for
  /// invalid UTF-8. With `evidence`, it receives each record's calibration
  /// evidence, in doc.quotes order.
  Document extract(std::string_view text,
                   std::vector<CalibrationEvidence>* evidence = nullptr) const;

 private:
  LinearModel model_;
  std::unique_ptr<const PosTagger> tagger_;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace quotelink::detail
