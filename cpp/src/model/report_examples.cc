#include "model/report_examples.h"

#include "attribute.h"
#include "model/choose_source.h"
#include "model/cue_features.h"
#include "model/phrase_sources.h"
#include "model/propose_cues.h"
#include "model/propose_reports.h"
#include "model/report_features.h"
#include "pipeline.h"
#include "quotelink/error.h"
#include "quotes.h"
#include "text.h"

namespace quotelink::detail {

namespace {

// A copy of `tagger`, or nullptr.
std::unique_ptr<const PosTagger> copy_of(const PosTagger* tagger) {
  return tagger ? std::make_unique<const PosTagger>(*tagger) : nullptr;
}

}  // namespace

Config rules_only() {
  Config config;
  config.model = false;
  config.calibration = false;
  return config;
}

TextLayout run_rules(Document& doc, const Lexicon& lexicon) {
  // The stages of one window, as run_pipeline runs them before apply_model.
  TextLayout layout = analyse_text(doc.text, lexicon.text, nullptr);
  doc.paragraphs = layout.paragraphs;
  doc.sentences = layout.sentences;
  doc.quotes = find_quotes(doc.text, layout);
  const TokenLayer tokens(doc.text, layout, doc.quotes, lexicon.vocabulary);
  attribute_quotes(doc, layout, tokens, lexicon, rules_only());
  return layout;
}

ReportExampleFinder::ReportExampleFinder(const PosTagger* tagger)
    : lexicon_(std::make_unique<const Lexicon>(rules_only())),
      tagger_(copy_of(tagger)) {}

ReportExampleFinder::~ReportExampleFinder() = default;

TextLayout ReportExampleFinder::rules_document(std::string_view text,
                                               Document& doc) const {
  doc.text = validate_utf8(text, false, nullptr);
  TextLayout layout = run_rules(doc, *lexicon_);
  doc.build_offset_index();
  return layout;
}

PosTags ReportExampleFinder::tags(const Document& doc,
                                  const TextLayout& layout) const {
  return tagger_ ? tagger_->tag(doc.text, layout) : PosTags();
}

std::vector<ReportExample> ReportExampleFinder::examples(
    std::string_view text) const {
  Document doc;
  const TextLayout layout = rules_document(text, doc);
  const PosTags tags = this->tags(doc, layout);
  std::vector<ReportExample> out;
  out.reserve(doc.quotes.size());
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& quote = doc.quotes[q];
    ReportExample e;
    e.start = doc.code_point_offset(quote.span.begin);
    e.end = doc.code_point_offset(quote.span.end);
    e.kind = quote.kind;
    e.sieve = quote.sieve;
    e.features = report_features(doc, layout, q, &tags);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<CueExample> ReportExampleFinder::cue_examples(
    std::string_view text) const {
  Document doc;
  doc.text = validate_utf8(text, false, nullptr);
  const TextLayout layout = analyse_text(doc.text, lexicon_->text, nullptr);
  doc.quotes = find_quotes(doc.text, layout);
  doc.build_offset_index();
  const TokenLayer tokens(doc.text, layout, doc.quotes, lexicon_->vocabulary);
  const std::vector<int> quote_of_token = tokens.quote_of_tokens();
  // The cues attribute_quotes finds before it asks the model for more.
  const CueSets known =
      find_cue_sets(tokens, layout, lexicon_->speakers.cue_lexicon, true);
  const std::vector<bool> covered =
      covered_by_cues(layout, known.cues, known.reported);
  std::vector<CueExample> out;
  for (int t = 0; t < static_cast<int>(layout.tokens.size()); ++t) {
    if (covered[t] || !cue_candidate(doc.text, layout, quote_of_token, t))
      continue;
    CueExample e;
    e.start = doc.code_point_offset(layout.tokens[t].span.begin);
    e.end = doc.code_point_offset(layout.tokens[t].span.end);
    e.features = cue_features(doc.text, layout, t);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<ReportCandidateExample> ReportExampleFinder::report_candidates(
    std::string_view text) const {
  Document doc;
  const TextLayout layout = rules_document(text, doc);
  const PosTags tags = this->tags(doc, layout);
  const ReportCandidates candidates(doc, layout, &tags);
  std::vector<ReportCandidateExample> out;
  for (int t : candidates.words()) {
    std::vector<std::uint32_t> word;
    candidates.word_features(t, word);
    for (const ReportCandidate& c : candidates.spans(t)) {
      ReportCandidateExample e;
      e.cue_start = doc.code_point_offset(layout.tokens[t].span.begin);
      e.cue_end = doc.code_point_offset(layout.tokens[t].span.end);
      e.start = doc.code_point_offset(layout.tokens[c.first].span.begin);
      e.end = doc.code_point_offset(layout.tokens[c.last].span.end);
      e.features = word;
      e.word_features = word.size();
      candidates.span_features(c, e.features);
      out.push_back(std::move(e));
    }
  }
  return out;
}

namespace {

// The source examples of record q of `doc`.
void add_source_examples(const Document& doc, const TextLayout& layout,
                         const PosTags& tags, std::size_t q, int phrase_first,
                         std::vector<SourceExample>& out) {
  for (int m : source_candidates(doc, layout, q)) {
    if (determiner_pronoun_of_verb_cue(doc, layout, tags, q, m)) continue;
    SourceExample e;
    e.start = doc.code_point_offset(doc.quotes[q].span.begin);
    e.end = doc.code_point_offset(doc.quotes[q].span.end);
    e.mention_start = doc.code_point_offset(doc.mentions[m].span.begin);
    e.mention_end = doc.code_point_offset(doc.mentions[m].span.end);
    e.sourced = doc.quotes[q].mention >= 0;
    e.rules_choice = m == doc.quotes[q].mention;
    e.features = source_features(doc, layout, q, m, &tags, phrase_first);
    out.push_back(std::move(e));
  }
}

}  // namespace

std::vector<SourceExample> ReportExampleFinder::proposed_source_examples(
    std::string_view text, const std::vector<std::size_t>& chosen) const {
  Document doc;
  const TextLayout layout = rules_document(text, doc);
  const PosTags tags = this->tags(doc, layout);
  // With the tags, as report_candidates: the phrase candidates need them,
  // and the indices in `chosen` count them.
  const ReportCandidates candidates(doc, layout, &tags);
  const int phrase_first = add_phrase_mentions(doc, layout, tags);
  const std::size_t phrase_mentions = doc.mentions.size();
  std::vector<ReportCandidate> all;
  for (int t : candidates.words())
    for (const ReportCandidate& c : candidates.spans(t)) all.push_back(c);
  std::vector<SourceExample> out;
  for (std::size_t i : chosen) {
    if (i >= all.size())
      throw error("candidate record " + std::to_string(i) + " of " +
                  std::to_string(all.size()));
    // As choose_sources sees it: the subject phrases of the sourceless
    // records and of this one among the candidates.
    doc.quotes.push_back(proposed_record(layout, all[i]));
    add_phrase_mention(doc, layout, tags, doc.quotes.size() - 1);
    add_source_examples(doc, layout, tags, doc.quotes.size() - 1, phrase_first,
                        out);
    doc.mentions.resize(phrase_mentions);
    doc.quotes.pop_back();
  }
  return out;
}

std::vector<SourceExample> ReportExampleFinder::source_examples(
    std::string_view text) const {
  Document doc;
  const TextLayout layout = rules_document(text, doc);
  const PosTags tags = this->tags(doc, layout);
  const int phrase_first = add_phrase_mentions(doc, layout, tags);
  std::vector<SourceExample> out;
  for (std::size_t q = 0; q < doc.quotes.size(); ++q)
    add_source_examples(doc, layout, tags, q, phrase_first, out);
  return out;
}

ModelRunner::ModelRunner(LinearModel model, const PosTagger* tagger)
    : model_(std::move(model)),
      tagger_(copy_of(tagger)),
      lexicon_(std::make_unique<Lexicon>(rules_only())) {
  if (!model_.classifiers.empty()) {
    lexicon_->model = &model_;
    lexicon_->tagger = tagger_.get();
  }
}

ModelRunner::~ModelRunner() = default;

Document ModelRunner::extract(
    std::string_view text, std::vector<CalibrationEvidence>* evidence) const {
  Document doc;
  doc.text = validate_utf8(text, false, nullptr);
  run_pipeline(doc, *lexicon_, Config{}, kWindowBytes, evidence);
  return doc;
}

}  // namespace quotelink::detail
