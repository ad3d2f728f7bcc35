#include "model/phrase_sources.h"

#include <algorithm>
#include <vector>

#include "model/feature_text.h"

namespace quotelink::detail {

namespace {

// Tags a subject phrase is made of.
bool subject_word(std::uint8_t tag) {
  switch (tag) {
    case kPosNoun:
    case kPosPropn:
    case kPosPron:
    case kPosAdj:
    case kPosDet:
    case kPosOther:
      return true;
    default:
      return false;
  }
}

bool is_verb(std::uint8_t tag) {
  return tag == kPosVerbFin || tag == kPosVerbIng || tag == kPosVerbPart ||
         tag == kPosVerbBase;
}

bool overlaps(const Span& a, const Span& b) {
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

TokenRange subject_phrase(const TextLayout& layout, const PosTags& tags,
                          int cue) {
  TokenRange out;
  if (cue <= 0 || cue >= static_cast<int>(tags.size())) return out;
  const int sentence = layout.tokens[cue].sentence;
  const int start = layout.sentence_first_token[sentence];
  const auto word = [&](int t) {
    const TokenKind kind = layout.tokens[t].kind;
    return kind == TokenKind::word || kind == TokenKind::number;
  };
  int t = cue - 1;
  // Adverbs, and auxiliaries before a cue that is not finite.
  const bool nonfinite = is_verb(tags[cue]) && tags[cue] != kPosVerbFin;
  for (int skipped = 0; t >= start && skipped < 3 && word(t); ++skipped) {
    const std::uint8_t tag = tags[t];
    if (tag != kPosAdv && !(tag == kPosVerbFin && nonfinite)) break;
    --t;
  }
  int first = t + 1;
  while (first - 1 >= start && t - (first - 1) < 8 && word(first - 1) &&
         subject_word(tags[first - 1]))
    --first;
  if (first > t) return out;
  out.first = first;
  out.last = t;
  return out;
}

TokenRange object_phrase(const TextLayout& layout, const PosTags& tags,
                         int after) {
  TokenRange out;
  const int size = static_cast<int>(tags.size());
  if (after < 0 || after + 1 >= size) return out;
  const int sentence = layout.tokens[after].sentence;
  int last = after;
  while (last + 1 < size && last - after < 8 &&
         layout.tokens[last + 1].sentence == sentence &&
         (layout.tokens[last + 1].kind == TokenKind::word ||
          layout.tokens[last + 1].kind == TokenKind::number) &&
         subject_word(tags[last + 1]))
    ++last;
  if (last == after) return out;
  out.first = after + 1;
  out.last = last;
  return out;
}

namespace {

// Appends tokens r of doc as a phrase mention for `quote`, unless it
// overlaps the record's content or cue or a mention. True when appended.
bool add_phrase(Document& doc, const TextLayout& layout, const PosTags& tags,
                const Quote& quote, TokenRange r) {
  if (r.first < 0) return false;
  const Span span{layout.tokens[r.first].span.begin,
                  layout.tokens[r.last].span.end};
  if (overlaps(span, quote.outer) || overlaps(span, quote.cue)) return false;
  // A mention there is a candidate already (a phrase appended for another
  // record of the same cue among them).
  for (const Mention& m : doc.mentions)
    if (overlaps(m.span, span)) return false;
  Mention mention;
  mention.span = span;
  bool names = true;
  for (int t = r.first; t <= r.last; ++t) names = names && tags[t] == kPosPropn;
  mention.kind = r.first == r.last && tags[r.first] == kPosPron
                     ? MentionKind::pronoun
                     : (names ? MentionKind::name : MentionKind::role);
  mention.head = doc.slice(Span(layout.tokens[r.last].span));
  doc.mentions.push_back(std::move(mention));
  return true;
}

}  // namespace

int add_phrase_mention(Document& doc, const TextLayout& layout,
                       const PosTags& tags, std::size_t q) {
  const Quote& quote = doc.quotes[q];
  if (tags.empty() || quote.kind != QuoteKind::indirect || !quote.has_cue() ||
      quote.mention >= 0)
    return 0;
  const int cue = first_token_from(layout, quote.cue.begin);
  const int cue_last =
      std::max(cue, first_token_from(layout, quote.cue.end) - 1);
  int added = 0;
  added +=
      add_phrase(doc, layout, tags, quote, subject_phrase(layout, tags, cue));
  added += add_phrase(doc, layout, tags, quote,
                      object_phrase(layout, tags, cue_last));
  return added;
}

int add_phrase_mentions(Document& doc, const TextLayout& layout,
                        const PosTags& tags) {
  const int first = static_cast<int>(doc.mentions.size());
  for (std::size_t q = 0; q < doc.quotes.size(); ++q)
    add_phrase_mention(doc, layout, tags, q);
  return first;
}

void settle_phrase_mentions(Document& doc, int first) {
  const int size = static_cast<int>(doc.mentions.size());
  if (first >= size) return;
  std::vector<char> named(size - first, 0);
  for (const Quote& q : doc.quotes)
    if (q.mention >= first) named[q.mention - first] = 1;
  // The mentions kept, in text order (the phrases after a mention starting
  // at the same place).
  std::vector<int> order;
  order.reserve(size);
  for (int m = 0; m < size; ++m)
    if (m < first || named[m - first]) order.push_back(m);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return doc.mentions[a].span.begin < doc.mentions[b].span.begin;
  });
  std::vector<int> moved(size, -1);
  std::vector<Mention> kept;
  kept.reserve(order.size());
  for (int m : order) {
    moved[m] = static_cast<int>(kept.size());
    kept.push_back(std::move(doc.mentions[m]));
  }
  doc.mentions = std::move(kept);
  for (Quote& q : doc.quotes)
    if (q.mention >= 0) q.mention = moved[q.mention];
  for (Entity& e : doc.entities)
    for (int& m : e.mentions) m = moved[m];
}

}  // namespace quotelink::detail
