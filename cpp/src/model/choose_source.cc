#include "model/choose_source.h"

#include <algorithm>
#include <cmath>
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
  if (quote.kind != QuoteKind::indirect || !quote.has_cue()) return out;
  const int cue = first_token_from(layout, quote.cue.begin);
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
    if (s.begin < quote.cue.end && quote.cue.begin < s.end) continue;
    out.push_back(static_cast<int>(m));
  }
  // The rules' own source is always a candidate.
  if (quote.mention >= 0 &&
      std::find(out.begin(), out.end(), quote.mention) == out.end())
    out.insert(std::upper_bound(out.begin(), out.end(), quote.mention),
               quote.mention);
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
  const int cue_first = first_token_from(layout, quote.cue.begin);
  const int cue_end = first_token_from(layout, quote.cue.end);
  const int first = first_token_from(layout, mention.span.begin);
  const int last = last_token_before(layout, mention.span.end);
  const bool before = mention.span.end <= quote.cue.begin;
  const char* side = before ? "before" : "after";
  const int gap = before ? cue_first - last - 1 : first - cue_end;
  const std::string cue = lower_ascii(doc.slice(quote.cue));
  const char* kind = to_string(mention.kind);
  const bool content_first = quote.span.begin < quote.cue.begin;
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
  if (quote.mention >= 0) {
    // Revising the rules' choice: is this it, and what did they choose?
    const char* rules = m == quote.mention ? "rules_choice" : "other";
    f.add(17, rules);
    f.add(18, rules, base_sieve(quote.sieve));
    f.add(19, rules, kind);
    f.add(20, to_string(doc.mentions[quote.mention].kind), kind);
  }
  return out;
}

namespace {

// The best-scoring candidate of doc.quotes[q] and its score, and the score
// of the rules' own choice (NaN when it has none or it is not scored).
struct SourceScores {
  int best = -1;
  double best_score = 0;
  double rules_score = std::nan("");
};

SourceScores score_candidates(const Document& doc, const TextLayout& layout,
                              std::size_t q, const LinearClassifier& c) {
  SourceScores out;
  for (int m : source_candidates(doc, layout, q)) {
    const double score = c.score(source_features(doc, layout, q, m));
    if (m == doc.quotes[q].mention) {
      out.rules_score = score;
      continue;
    }
    if (out.best < 0 || score > out.best_score) {
      out.best = m;
      out.best_score = score;
    }
  }
  return out;
}

void take_source(Document& doc, std::size_t q, int m) {
  Quote& quote = doc.quotes[q];
  quote.mention = m;
  quote.speaker = doc.mentions[m].entity;
  quote.sieve += "+source";
}

}  // namespace

void choose_sources(Document& doc, const TextLayout& layout,
                    const LinearModel& model) {
  const LinearClassifier* choose = model.find(kChooseSource);
  const LinearClassifier* revise = model.find(kReviseSource);
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const bool sourced = doc.quotes[q].mention >= 0;
    const LinearClassifier* c = sourced ? revise : choose;
    if (!c) continue;
    const SourceScores s = score_candidates(doc, layout, q, *c);
    if (s.best < 0) continue;
    // A sourceless record takes a candidate scoring over the threshold; a
    // sourced one switches when another beats the rules' choice by it.
    const double margin = sourced ? s.best_score - s.rules_score : s.best_score;
    if (!(margin >= c->threshold)) continue;
    take_source(doc, q, s.best);
  }
}

}  // namespace quotelink::detail
