// Confidence as a probability: a table fitted on annotated news maps what
// decided a record (its kind, rule, source mention, model score, length) to
// the share of such records that were right.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotelink/document.h"

namespace quotelink::detail {

/// What decided one record: the calibration table's evidence.
struct CalibrationEvidence {
  QuoteKind kind = QuoteKind::direct;
  std::string rule;     ///< Quote::sieve ("reported_after+model", "trigram")
  std::string speaker;  ///< the source mention's kind (MentionKind name),
                        ///< "+unlinked" appended when it names no entity;
                        ///< "none" without a source mention
  bool judged = false;  ///< the model's accept_report scored the record
  double score = 0.0;   ///< that score, when judged
  int words = 0;        ///< words of the content (runs of non-space bytes)
};

/// The evidence of doc.quotes[q]. `score` is accept_report's score of the
/// record, NaN when the model did not judge it.
CalibrationEvidence calibration_evidence(const Document& doc, std::size_t q,
                                         double score);

/// Records of one group and how many of them were right.
struct CalibrationCounts {
  std::uint32_t right = 0;
  std::uint32_t records = 0;
};

/// The fitted table. Groups nest, coarsest first: "*" (every record), then
/// kind, rule, speaker, score bucket and word bucket, each key extending the
/// one before it ("*|kind=indirect|rule=reported_after+model|...").
/// A record's probability starts from 1/2 and walks down its groups: at each
/// group present p = (right + strength * p) / (records + strength), the
/// parent's estimate counting as `strength` prior records (Bayesian
/// shrinkage); a missing group stops the walk (its finer groups are absent
/// too).
struct CalibrationTable {
  double strength = 1.0;
  /// Ascending; score bucket i holds scores in [edges[i-1], edges[i]).
  std::vector<double> score_edges;
  /// Ascending; word bucket i holds word counts in [edges[i-1], edges[i]).
  std::vector<int> word_edges;
  std::unordered_map<std::string, CalibrationCounts> groups;

  /// The group keys of `e`, coarsest first.
  std::vector<std::string> keys(const CalibrationEvidence& e) const;
  /// The estimated chance that a record with evidence `e` is right.
  double probability(const CalibrationEvidence& e) const;
  /// The table as text (the embedded file's format, below); groups sorted,
  /// so the same table gives the same bytes.
  std::string serialize() const;
  /// Parses serialize's format: '#' comment lines, then the lines
  /// "strength<TAB>S", "score_edges<TAB>E...", "word_edges<TAB>E..." and one
  /// "group<TAB>KEY<TAB>RIGHT<TAB>RECORDS" per group. Throws quotelink::error
  /// naming the line (and its byte offset as the error's offset).
  static CalibrationTable parse(std::string_view text);
};

/// How fit_calibration buckets scores and lengths.
struct CalibrationFitOptions {
  double strength = 8.0;  ///< prior records of the parent group
  int score_buckets = 4;  ///< quantile buckets of the judged records' scores
  int word_buckets = 3;   ///< quantile buckets of the records' word counts
};

/// Contract: counts `right[i]` of `evidence[i]` into every group of the
/// record; bucket edges are quantiles of the evidence (scores rounded to
/// 1/100, repeated edges merged). Deterministic. Throws quotelink::error
/// when the two lists differ in length or an option is out of range.
CalibrationTable fit_calibration(
    const std::vector<CalibrationEvidence>& evidence,
    const std::vector<bool>& right, const CalibrationFitOptions& options);

/// A fitted table read into integer keys for the calibration stage: each
/// group key's parts (kind, rule as a SieveLabel, speaker as a mention kind,
/// score and word buckets) packed into one number, so that a record's walk
/// down its groups hashes no string. Gives exactly CalibrationTable's
/// probabilities. A table with a group the packing cannot hold (a speaker
/// that is no mention kind) is walked by its string keys instead. Holds a
/// pointer to `table`, which must outlive the index.
class CalibrationIndex {
 public:
  explicit CalibrationIndex(const CalibrationTable& table);
  /// The table's probability for doc.quotes[q] whose accept_report score is
  /// `score` (NaN: not judged); that of calibration_evidence(doc, q, score).
  double probability(const Document& doc, std::size_t q, double score) const;

 private:
  const CalibrationTable* table_;
  bool packed_ = true;  // every group key was packed
  // Each rule of the table by its SieveLabel's name address: its number.
  std::unordered_map<const char*, std::uint64_t> rules_;
  std::unordered_map<std::uint64_t, CalibrationCounts> counts_;
};

/// Contract: the calibration stage, after apply_model on one window.
/// `scores` holds accept_report's score of each record of doc.quotes (NaN:
/// not judged; empty: no model). With a `table`, every record's confidence
/// becomes the table's probability for its evidence, records without a
/// speaker included (some gold attributions have no source). Each record's
/// evidence is appended to `evidence_out` when it is given (training reads
/// it). Without either, nothing is done.
void calibrate_confidences(Document& doc, const std::vector<double>& scores,
                           const CalibrationIndex* table,
                           std::vector<CalibrationEvidence>* evidence_out);

/// The embedded data file of the shipped table (cpp/data/model/).
inline constexpr std::string_view kShippedCalibration = "model/calibration.tsv";

/// The table embedded in the library, parsed once; throws quotelink::error
/// when the build embeds none.
const CalibrationTable& shipped_calibration();
/// The index of shipped_calibration(), built once.
const CalibrationIndex& shipped_calibration_index();

}  // namespace quotelink::detail
