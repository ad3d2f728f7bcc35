#include "model/choose_source.h"

#include <algorithm>
#include <string>

#include "model/feature_text.h"

namespace quotelink::detail {

namespace {

int last_token_before(const TextLayout& layout, std::size_t offset) {
  return first_token_from(layout, offset) - 1;
}

bool is_comma(const Document& doc, const TextLayout& layout, int t) {
  return layout.tokens[t].kind == TokenKind::punctuation &&
         doc.text[layout.tokens[t].span.begin] == ',';
}

// The number of commas among tokens [from, to).
int commas_between(const Document& doc, const TextLayout& layout, int from,
                   int to) {
  int commas = 0;
  for (int t = std::max(0, from); t < to; ++t)
    commas += is_comma(doc, layout, t);
  return commas;
}

}  // namespace

std::vector<int> source_candidates(const Document& doc,
                                   const TextLayout& layout, std::size_t q) {
  std::vector<int> out;
  const Quote& quote = doc.quotes[q];
  if (quote.kind != QuoteKind::indirect || !quote.cue || quote.mention >= 0)
    return out;
  const int cue = first_token_from(layout, quote.cue->begin);
  if (cue >= static_cast<int>(layout.tokens.size())) return out;
  const int sentence = layout.tokens[cue].sentence;
  const std::size_t begin =
      layout.tokens[layout.sentence_first_token[sentence]].span.begin;
  const int next_first = layout.sentence_first_token[sentence + 1];
  const std::size_t end = next_first > 0
                              ? layout.tokens[next_first - 1].span.end
                              : layout.tokens[cue].span.end;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Span& s = doc.mentions[m].span;
    if (s.begin < begin || s.end > end) continue;
    if (s.begin < quote.outer.end && quote.outer.begin < s.end) continue;
    if (s.begin < quote.cue->end && quote.cue->begin < s.end) continue;
    out.push_back(static_cast<int>(m));
  }
  return out;
}

std::vector<std::uint32_t> source_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q, int m) {
  const Quote& quote = doc.quotes[q];
  const Mention& mention = doc.mentions[m];
  std::vector<std::uint32_t> out;
  out.reserve(24);
  FeatureSink f(out);
  const int cue_first = first_token_from(layout, quote.cue->begin);
  const int cue_end = first_token_from(layout, quote.cue->end);
  const int first = first_token_from(layout, mention.span.begin);
  const int last = last_token_before(layout, mention.span.end);
  const bool before = mention.span.end <= quote.cue->begin;
  const char* side = before ? "before" : "after";
  const int gap = before ? cue_first - last - 1 : first - cue_end;
  const std::string cue = lower_ascii(doc.slice(*quote.cue));
  const char* kind = to_string(mention.kind);
  const bool content_first = quote.span.begin < quote.cue->begin;
  f.add(1, "bias");
  f.add(2, kind);
  f.add(3, side);
  f.add(4, side, length_bucket(gap + 1));
  f.add(5, kind, side);
  f.add(6, side, content_first ? "content_before_cue" : "content_after_cue");
  const int commas = before ? commas_between(doc, layout, last + 1, cue_first)
                            : commas_between(doc, layout, cue_end, first);
  f.add(7, side, length_bucket(commas + 1));
  f.add(8, cue, side);
  f.add(9, base_sieve(quote.sieve), side);
  f.add(10, mention.entity >= 0 ? "entity" : "no_entity");
  const std::size_t space = mention.head.rfind(' ');
  f.add(11,
        lower_ascii(space == std::string::npos
                        ? std::string_view(mention.head)
                        : std::string_view(mention.head).substr(space + 1)));
  f.add(12, word_at(doc, layout, first - 1));
  f.add(13, word_at(doc, layout, last + 1));
  f.add(14, word_at(doc, layout, first));
  f.add(15, word_at(doc, layout, last + 1), side);
  f.add(16, word_at(doc, layout, cue_first - 1), kind);
  return out;
}

void choose_sources(Document& doc, const TextLayout& layout,
                    const LinearModel& model) {
  const LinearClassifier* choose = model.find(kChooseSource);
  if (!choose) return;
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    int best = -1;
    double best_score = 0;
    for (int m : source_candidates(doc, layout, q)) {
      const double score = choose->score(source_features(doc, layout, q, m));
      if (best < 0 || score > best_score) {
        best = m;
        best_score = score;
      }
    }
    if (best < 0 || best_score < choose->threshold) continue;
    Quote& quote = doc.quotes[q];
    quote.mention = best;
    quote.speaker = doc.mentions[best].entity;
    quote.sieve += "+source";
  }
}

}  // namespace quotelink::detail
