#include "quotelink/extractor.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "attribute.h"
#include "cancellation.h"
#include "pipeline.h"
#include "quotes.h"
#include "text.h"
#include "token_layer.h"
#include "verbatim.h"

namespace quotelink {

Extractor::Extractor() : Extractor(Config{}) {}

Extractor::Extractor(Config config)
    : config_(std::move(config)),
      lexicon_(std::make_unique<const Lexicon>(config_)) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Config& Extractor::config() const noexcept { return config_; }

namespace detail {

namespace {

// Stages 1-7 on one text: a whole document or one window of it. The layout
// and the token layer fill `scratch`'s arrays, which the next window or
// document reuses.
void run_stages(Document& doc, const Lexicon& lexicon, const Config& config,
                TextContext* context,
                std::vector<CalibrationEvidence>* evidence, Scratch& scratch) {
  TextLayout& layout = scratch.layout;
  analyse_text(doc.text, lexicon.text, context, &layout);
  doc.paragraphs = layout.paragraphs;
  doc.sentences = layout.sentences;
  doc.quotes = find_quotes(doc.text, layout);
  const TokenLayer tokens(doc.text, layout, doc.quotes, lexicon.vocabulary,
                          &scratch.tokens);
  // The learned layer (cpp/src/model) proposes cues inside attribution,
  // judges its reported speech after it, proposes what the rules missed and
  // gives sourceless reports a source.
  attribute_quotes(doc, layout, tokens, lexicon, config, lexicon.model,
                   &scratch);
  std::vector<double> scores;
  if (lexicon.model) {
    PosTags& tags = scratch.pos.tags;
    if (lexicon.tagger)
      lexicon.tagger->tag(doc.text, layout, scratch.pos, tags);
    else
      tags.clear();
    apply_model(doc, layout, *lexicon.model, &scores, &tags);
    propose_reports(doc, layout, *lexicon.model, &scores, &tags);
    choose_sources(doc, layout, *lexicon.model, &tags);
  }
  mark_relative_sources(doc, layout, tokens, lexicon.relative_sources);
  // Confidence becomes the calibrated chance that a record is right.
  calibrate_confidences(doc, scores, lexicon.calibration, evidence);
}

void shift(Span& span, std::size_t base) {
  span.begin += base;
  span.end += base;
}

// Makes room for `adding` more items in `v`, whose items so far came from
// `done` of `total` bytes: extrapolated with a margin, so that the vector is
// copied a few times early instead of doubling to twice its final size.
template <class T>
void reserve_for(std::vector<T>& v, std::size_t adding, std::size_t done,
                 std::size_t total) {
  const std::size_t need = v.size() + adding;
  if (need <= v.capacity()) return;
  const double per_byte = static_cast<double>(need) /
                          static_cast<double>(std::max<std::size_t>(done, 1));
  const auto rest = static_cast<std::size_t>(
      per_byte * static_cast<double>(total - std::min(done, total)) * 1.1);
  v.reserve(need + rest + 16);
}

// Appends the results of windows to one document.
class WindowMerger {
 public:
  explicit WindowMerger(Document& doc) : doc_(doc) {}

  // Adds `part`, the window of doc.text at `base` ending at byte `done`;
  // with `continues`, its first paragraph is the rest of the document's last.
  void add(Document& part, std::size_t base, std::size_t done, bool continues) {
    const std::size_t total = doc_.text.size();
    const int paragraph_base = static_cast<int>(doc_.paragraphs.size()) -
                               (continues && !doc_.paragraphs.empty() ? 1 : 0);
    const int sentence_base = static_cast<int>(doc_.sentences.size());
    const int mention_base = static_cast<int>(doc_.mentions.size());

    reserve_for(doc_.paragraphs, part.paragraphs.size(), done, total);
    for (std::size_t p = 0; p < part.paragraphs.size(); ++p) {
      Paragraph paragraph = part.paragraphs[p];
      shift(paragraph.span, base);
      if (p == 0 && paragraph_base < static_cast<int>(doc_.paragraphs.size()))
        doc_.paragraphs.back().span.end = paragraph.span.end;
      else
        doc_.paragraphs.push_back(paragraph);
    }
    reserve_for(doc_.sentences, part.sentences.size(), done, total);
    for (Sentence sentence : part.sentences) {
      shift(sentence.span, base);
      sentence.paragraph += paragraph_base;
      doc_.sentences.push_back(sentence);
    }

    // Entities with a proper name are merged with an earlier window's entity
    // of the same name and type, as the clusterer does within a window.
    std::vector<int> entity_of(part.entities.size(), -1);
    reserve_for(doc_.entities, part.entities.size(), done, total);
    for (std::size_t e = 0; e < part.entities.size(); ++e) {
      Entity& entity = part.entities[e];
      for (int& m : entity.mentions) m += mention_base;
      bool named = false;
      for (int m : entity.mentions)
        named =
            named || part.mentions[m - mention_base].kind == MentionKind::name;
      std::string key;
      if (named) {
        key = std::string(to_string(entity.type)) + '\t' + entity.name;
        auto found = named_.find(key);
        if (found != named_.end()) {
          Entity& earlier = doc_.entities[found->second];
          earlier.mentions.insert(earlier.mentions.end(),
                                  entity.mentions.begin(),
                                  entity.mentions.end());
          entity_of[e] = found->second;
          continue;
        }
      }
      entity_of[e] = static_cast<int>(doc_.entities.size());
      if (named) named_.emplace(std::move(key), entity_of[e]);
      doc_.entities.push_back(std::move(entity));
    }
    reserve_for(doc_.mentions, part.mentions.size(), done, total);
    for (Mention& mention : part.mentions) {
      shift(mention.span, base);
      if (mention.entity >= 0) mention.entity = entity_of[mention.entity];
      doc_.mentions.push_back(std::move(mention));
    }
    reserve_for(doc_.quotes, part.quotes.size(), done, total);
    for (Quote& quote : part.quotes) {
      shift(quote.span, base);
      shift(quote.outer, base);
      for (Span& span : quote.quoted_parts) shift(span, base);
      if (quote.has_cue()) shift(quote.cue, base);
      quote.paragraph += paragraph_base;
      quote.sentence += sentence_base;
      if (quote.speaker >= 0) quote.speaker = entity_of[quote.speaker];
      if (quote.mention >= 0) quote.mention += mention_base;
      doc_.quotes.push_back(std::move(quote));
    }
  }

 private:
  Document& doc_;
  std::unordered_map<std::string, int> named_;  // type \t name -> entity
};

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

void run_pipeline(Document& doc, const Lexicon& lexicon, const Config& config,
                  std::size_t window,
                  std::vector<CalibrationEvidence>* evidence) {
  const std::string& text = doc.text;
  const ScratchPool::Lease scratch = lexicon.scratch.lend();
  if (text.size() <= window) {
    run_stages(doc, lexicon, config, nullptr, evidence, *scratch);
    doc.build_offset_index();
    return;
  }
  TextContext context;
  WindowMerger merger(doc);
  bool continues = false;
  for (std::size_t begin = 0; begin < text.size();) {
    throw_if_cancelled();  // cancellation.h: Ctrl-C during a long extract
    WindowCut cut = WindowCut::end;
    const std::size_t end = window_end(text, begin, window, &cut);
    Document part;
    part.text = text.substr(begin, end - begin);
    context.continues_paragraph = continues && !doc.paragraphs.empty();
    if (context.continues_paragraph) context.continued = doc.paragraphs.back();
    context.line_start =
        begin == 0 || text[begin - 1] == '\n' || text[begin - 1] == '\r';
    run_stages(part, lexicon, config, &context, evidence, *scratch);
    merger.add(part, begin, end, context.continues_paragraph);
    // A cut inside a paragraph leaves its rest to the next window.
    continues = (cut == WindowCut::sentence || cut == WindowCut::space ||
                 cut == WindowCut::character) &&
                end < text.size() && !is_ascii_space(text[end]);
    begin = end;
  }
  doc.build_offset_index();
}

namespace {

// Contract: the last step of extraction. Rounds every confidence to four
// decimals, which keeps every value the rule weights make (0.8075, 0.855)
// but not the float noise of their products (0.7200000000000001), which
// would reach every output format; then drops the quotations that
// Config::kinds or Config::min_confidence exclude. Mentions and entities
// stay, so Quote::speaker and Quote::mention still index them.
void round_confidences_and_filter(Document& doc, const Config& config) {
  for (Quote& quote : doc.quotes)
    quote.confidence = std::round(quote.confidence * 1e4) / 1e4;
  const std::vector<QuoteKind>& kinds = config.kinds;
  auto excluded = [&](const Quote& quote) {
    return quote.confidence < config.min_confidence ||
           std::find(kinds.begin(), kinds.end(), quote.kind) == kinds.end();
  };
  doc.quotes.erase(
      std::remove_if(doc.quotes.begin(), doc.quotes.end(), excluded),
      doc.quotes.end());
}

}  // namespace

}  // namespace detail

Document Extractor::extract(std::string_view text, std::string id) const {
  Document doc;
  doc.id = std::move(id);
  doc.text = detail::validate_utf8(text, config_.replace_invalid_utf8,
                                   &doc.replaced_invalid_bytes);
  detail::run_pipeline(doc, *lexicon_, config_);
  detail::add_verbatim_records(doc);
  detail::round_confidences_and_filter(doc, config_);
  return doc;
}

std::vector<Document> Extractor::extract_many(
    const std::vector<std::string>& texts, unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, texts.size()));
  std::vector<Document> results(texts.size());
  std::vector<std::exception_ptr> failures(texts.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < texts.size(); i = next++) {
      try {
        results[i] = extract(texts[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

Document extract(std::string_view text, std::string id) {
  static const Extractor extractor;
  return extractor.extract(text, std::move(id));
}

}  // namespace quotelink
