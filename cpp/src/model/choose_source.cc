#include "model/choose_source.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "model/feature_text.h"
#include "model/phrase_sources.h"

namespace quotelink::detail {

namespace {

int last_token_before(const TextLayout& layout, std::size_t offset) {
  return first_token_from(layout, offset) - 1;
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

std::vector<int> mentions_by_start(const Document& doc) {
  std::vector<int> out(doc.mentions.size());
  for (std::size_t m = 0; m < out.size(); ++m) out[m] = static_cast<int>(m);
  std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
    return doc.mentions[a].span.begin < doc.mentions[b].span.begin;
  });
  return out;
}

std::vector<int> source_candidates(const Document& doc,
                                   const TextLayout& layout, std::size_t q,
                                   const std::vector<int>* by_start) {
  std::vector<int> out;
  source_candidates(doc, layout, q, by_start, out);
  return out;
}

void source_candidates(const Document& doc, const TextLayout& layout,
                       std::size_t q, const std::vector<int>* by_start,
                       std::vector<int>& out) {
  out.clear();
  const Quote& quote = doc.quotes[q];
  if (quote.kind != QuoteKind::indirect || !quote.has_cue()) return;
  const int cue = first_token_from(layout, quote.cue.begin);
  if (cue >= static_cast<int>(layout.tokens.size())) return;
  // The cue's sentence, within kMaxClauseTokens of the cue: a text without
  // full stops keeps the candidates of each record bounded.
  const int sentence = layout.tokens[cue].sentence;
  const int cue_last =
      std::max(cue, first_token_from(layout, quote.cue.end) - 1);
  const int first =
      std::max(layout.sentence_first_token[sentence], cue - kMaxClauseTokens);
  const int next_first = layout.sentence_first_token[sentence + 1];
  const int last = std::min(next_first > 0 ? next_first - 1 : cue_last,
                            cue_last + kMaxClauseTokens);
  const std::size_t begin = layout.tokens[first].span.begin;
  const std::size_t end = layout.tokens[std::max(last, cue)].span.end;
  const auto consider = [&](int m) {
    const Span& s = doc.mentions[m].span;
    if (s.begin < begin || s.end > end) return;
    if (s.begin < quote.outer.end && quote.outer.begin < s.end) return;
    if (s.begin < quote.cue.end && quote.cue.begin < s.end) return;
    out.push_back(m);
  };
  if (by_start) {
    // Only the mentions starting in the sentence, then in index order.
    auto it = std::lower_bound(
        by_start->begin(), by_start->end(), begin,
        [&](int m, std::size_t b) { return doc.mentions[m].span.begin < b; });
    for (; it != by_start->end() && doc.mentions[*it].span.begin < end; ++it)
      consider(*it);
    std::sort(out.begin(), out.end());
  } else {
    for (std::size_t m = 0; m < doc.mentions.size(); ++m)
      consider(static_cast<int>(m));
  }
  // The rules' own source is always a candidate.
  if (quote.mention >= 0 &&
      std::find(out.begin(), out.end(), quote.mention) == out.end())
    out.insert(std::upper_bound(out.begin(), out.end(), quote.mention),
               quote.mention);
}

namespace {

// What the features of every candidate of one record share.
struct RecordParts {
  int cue_first = 0;
  int cue_end = 0;
  std::uint32_t cue = 0;
  std::uint32_t sieve = 0;
  std::uint32_t before_cue = 0;  // the word before the cue
  bool content_first = false;
  std::uint32_t rules_kind = 0;  // the kind of the rules' choice, if any
  int phrase_first = 0;          // the index of the first phrase mention
};

RecordParts record_parts(const Document& doc, const TextLayout& layout,
                         const Quote& quote, int phrase_first) {
  RecordParts r;
  r.phrase_first = phrase_first;
  r.cue_first = first_token_from(layout, quote.cue.begin);
  r.cue_end = first_token_from(layout, quote.cue.end);
  r.cue = text_hash(doc.slice(quote.cue));
  r.sieve = text_hash(base_sieve(quote.sieve.name()));
  r.before_cue = token_hash(doc, layout, r.cue_first - 1);
  r.content_first = quote.span.begin < quote.cue.begin;
  if (quote.mention >= 0)
    r.rules_kind = text_hash(to_string(doc.mentions[quote.mention].kind));
  return r;
}

// The tag features of a candidate spanning tokens [first, last].
void add_tag_features(const PosTags& tags, const RecordParts& r, int first,
                      int last, std::uint32_t side,
                      std::vector<std::uint32_t>& out) {
  const auto add = [&out](FeatureHash f) { out.push_back(f.value()); };
  const std::uint32_t before = tag_part(tags, first - 1);
  const std::uint32_t after = tag_part(tags, last + 1);
  add(FeatureHash(21) << before);
  add(FeatureHash(22) << after << side);
  add(FeatureHash(23) << tag_part(tags, last));
  add(FeatureHash(24) << before << after);
  add(FeatureHash(25) << tag_part(tags, r.cue_end - 1) << side);
}

// The features of mention m as the source of `quote` into `out` (cleared
// first).
void candidate_features(const Document& doc, const TextLayout& layout,
                        const Quote& quote, const RecordParts& r, int m,
                        const PosTags* tags, std::vector<std::uint32_t>& out) {
  const Mention& mention = doc.mentions[m];
  out.clear();
  const int first = first_token_from(layout, mention.span.begin);
  const int last = last_token_before(layout, mention.span.end);
  const bool before = mention.span.end <= quote.cue.begin;
  const std::uint32_t side = before ? 1 : 2;
  const int gap = before ? r.cue_first - last - 1 : first - r.cue_end;
  // Kinds by name, so that the model does not depend on the enum's order.
  const std::uint32_t kind = text_hash(to_string(mention.kind));
  const int commas = before ? commas_between(doc, layout, last + 1, r.cue_first)
                            : commas_between(doc, layout, r.cue_end, first);
  const std::size_t space = mention.head.rfind(' ');
  const std::string_view head =
      space == std::string::npos
          ? std::string_view(mention.head)
          : std::string_view(mention.head).substr(space + 1);
  const std::uint32_t after = token_hash(doc, layout, last + 1);
  const auto add = [&out](FeatureHash f) { out.push_back(f.value()); };
  add(FeatureHash(1));
  add(FeatureHash(2) << kind);
  add(FeatureHash(3) << side);
  add(FeatureHash(4) << side << bucket(gap + 1));
  add(FeatureHash(5) << kind << side);
  add(FeatureHash(6) << side << (r.content_first ? 1u : 0u));
  add(FeatureHash(7) << side << bucket(commas + 1));
  add(FeatureHash(8) << r.cue << side);
  add(FeatureHash(9) << r.sieve << side);
  add(FeatureHash(10) << (mention.entity >= 0 ? 1u : 0u));
  add(FeatureHash(11) << text_hash(head));
  add(FeatureHash(12) << token_hash(doc, layout, first - 1));
  add(FeatureHash(13) << after);
  add(FeatureHash(14) << token_hash(doc, layout, first));
  add(FeatureHash(15) << after << side);
  add(FeatureHash(16) << r.before_cue << kind);
  // A phrase of the tags (phrase_sources.h), not a mention of the rules.
  add(FeatureHash(26) << (m >= r.phrase_first ? 1u : 0u));
  if (quote.mention >= 0) {
    // Revising the rules' choice: is this it, and what did they choose?
    const std::uint32_t rules = m == quote.mention ? 1 : 0;
    add(FeatureHash(17) << rules);
    add(FeatureHash(18) << rules << r.sieve);
    add(FeatureHash(19) << rules << kind);
    add(FeatureHash(20) << r.rules_kind << kind);
  }
  if (tags && !tags->empty())
    add_tag_features(*tags, r, first, last, side, out);
}

}  // namespace

std::vector<std::uint32_t> source_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q, int m,
                                           const PosTags* tags,
                                           int phrase_first) {
  const Quote& quote = doc.quotes[q];
  std::vector<std::uint32_t> out;
  out.reserve(24);
  candidate_features(doc, layout, quote,
                     record_parts(doc, layout, quote, phrase_first), m, tags,
                     out);
  return out;
}

bool determiner_pronoun_of_verb_cue(const Document& doc,
                                    const TextLayout& layout,
                                    const PosTags& tags, std::size_t q, int m) {
  const Quote& quote = doc.quotes[q];
  const Mention& mention = doc.mentions[m];
  if (m == quote.mention || mention.kind != MentionKind::pronoun ||
      tags.empty())
    return false;
  const int first = first_token_from(layout, mention.span.begin);
  const int cue = first_token_from(layout, quote.cue.begin);
  const int size = static_cast<int>(tags.size());
  if (first + 1 >= size || cue >= size ||
      layout.tokens[first].span.end != mention.span.end)
    return false;
  const std::uint8_t next = tags[first + 1];
  const bool determines =
      next == kPosNoun || next == kPosAdj || next == kPosPropn;
  const std::uint8_t cue_tag = tags[cue];
  const bool verb = cue_tag == kPosVerbFin || cue_tag == kPosVerbIng ||
                    cue_tag == kPosVerbPart || cue_tag == kPosVerbBase;
  return determines && verb && first + 1 != cue;
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
                              std::size_t q, const LinearClassifier& c,
                              const std::vector<int>& by_start,
                              const PosTags* tags, int phrase_first,
                              std::vector<std::uint32_t>& features,
                              std::vector<int>& candidates) {
  SourceScores out;
  source_candidates(doc, layout, q, &by_start, candidates);
  if (candidates.empty()) return out;
  const Quote& quote = doc.quotes[q];
  const RecordParts parts = record_parts(doc, layout, quote, phrase_first);
  for (int m : candidates) {
    if (tags && determiner_pronoun_of_verb_cue(doc, layout, *tags, q, m))
      continue;
    candidate_features(doc, layout, quote, parts, m, tags, features);
    const double score = c.score(features);
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
                    const LinearModel& model, const PosTags* tags) {
  const LinearClassifier* choose = model.find(kChooseSource);
  const LinearClassifier* revise = model.find(kReviseSource);
  if (!choose && !revise) return;
  // The subject phrases no mention covers are candidates too; those not
  // chosen are dropped again.
  const int phrase_first = choose && tags
                               ? add_phrase_mentions(doc, layout, *tags)
                               : static_cast<int>(doc.mentions.size());
  const std::vector<int> by_start = mentions_by_start(doc);
  std::vector<std::uint32_t> features;  // one array for every candidate
  features.reserve(32);                 // more than a candidate has
  std::vector<int> candidates;          // one array for every record
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const bool sourced = doc.quotes[q].mention >= 0;
    const LinearClassifier* c = sourced ? revise : choose;
    if (!c) continue;
    const SourceScores s = score_candidates(doc, layout, q, *c, by_start, tags,
                                            phrase_first, features, candidates);
    if (s.best < 0) continue;
    // A sourceless record takes a candidate scoring over the threshold; a
    // sourced one switches when another beats the rules' choice by it.
    const double margin = sourced ? s.best_score - s.rules_score : s.best_score;
    if (!(margin >= c->threshold)) continue;
    take_source(doc, q, s.best);
  }
  settle_phrase_mentions(doc, phrase_first);
}

}  // namespace quotelink::detail
