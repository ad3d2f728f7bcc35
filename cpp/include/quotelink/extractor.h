// The extraction entry point: configuration and a reusable, thread-safe
// extractor.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/document.h"

namespace quotelink {

/// Options and lexicon extensions for an Extractor.
struct Config {
  /// Replace invalid UTF-8 with U+FFFD instead of throwing quotelink::error.
  bool replace_invalid_utf8 = false;
  /// Find reported speech without quotation marks (kind indirect).
  bool indirect = true;
  /// Let the learned layer (the model embedded in the library) judge the
  /// rules' reported-speech records; false runs the rules only.
  bool model = true;
  /// Report each quotation's confidence as the calibrated chance that it is
  /// right (a table fitted on PolNeAR train, docs/model.md); false keeps the
  /// rules' constant confidences.
  bool calibration = true;
  /// Extra speech-verb lemmas, added to the built-in cue lexicon.
  std::vector<std::string> extra_cue_verbs;
  /// Extra titles ("Commissioner", "Ambassador"), added to the built-in list.
  std::vector<std::string> extra_titles;
  /// Speaker aliases: mention text -> canonical name ("Bibi" -> "Benjamin
  /// Netanyahu").
  std::map<std::string, std::string> speaker_aliases;
  /// Keep only quotations whose confidence is at least this (0 to 1).
  /// Calibrated, a quotation without a speaker has the chance that it has
  /// none (low); with calibration false its confidence is 0.
  double min_confidence = 0.0;
  /// The quotation kinds to keep; the others are dropped after extraction.
  std::vector<QuoteKind> kinds = {QuoteKind::direct, QuoteKind::partial,
                                  QuoteKind::indirect};
  /// The language pack (data/<language>/) whose lexicons the stages use;
  /// only "en" is built in. An unknown language is a quotelink::error.
  std::string language = "en";
  /// Rules to switch off, by the names of the stages' rule tables
  /// (docs/design.md); an unknown name is a quotelink::error.
  std::vector<std::string> disabled_rules;
};

class Lexicon;

/// Finds quotations and their speakers. Construction compiles the lexicons;
/// `extract` is const and safe to call from many threads at once.
class Extractor {
 public:
  /// An extractor with the default configuration.
  Extractor();
  /// An extractor with `config`; throws quotelink::error on a bad option.
  explicit Extractor(Config config);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  /// The configuration this extractor was built with.
  const Config& config() const noexcept;

  /// Extracts quotations from UTF-8 `text`; `id` is stored in the Document.
  /// Throws quotelink::error for invalid UTF-8 unless replace_invalid_utf8.
  Document extract(std::string_view text, std::string id = {}) const;

  /// Extracts every text of `texts` using `threads` worker threads (0: one per
  /// core); results are in input order. A text that fails throws after all
  /// workers have stopped (the first failure in input order).
  std::vector<Document> extract_many(const std::vector<std::string>& texts,
                                     unsigned threads = 0) const;

 private:
  Config config_;
  std::unique_ptr<const Lexicon> lexicon_;
};

/// Extracts with a default-configured extractor (built once, shared).
Document extract(std::string_view text, std::string id = {});

}  // namespace quotelink
