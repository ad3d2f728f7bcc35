#include "relative_sources.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "cues.h"

namespace quotelink::detail {

RelativeSourceClasses::RelativeSourceClasses(const Vocabulary& vocabulary)
    : relative_source(vocabulary.word_class("relative_source")),
      adverbial(vocabulary.word_class("adverbial")),
      passive(vocabulary.word_class("passive_auxiliary")),
      coordinator(vocabulary.word_class("coordinator")) {}

namespace {

// The relative pronoun token opening the clause of the cue starting at token
// `cue` (adverbials between, none passive), or -1.
int relative_before_cue(const TextLayout& layout, const TokenLayer& tokens,
                        const RelativeSourceClasses& classes, int cue) {
  const int sentence = layout.tokens[cue].sentence;
  for (int t = cue - 1; t >= 0 && layout.tokens[t].sentence == sentence; --t) {
    if (!tokens.shape(t, Shape::word) || tokens.quote(t) >= 0) return -1;
    if (tokens.is(t, classes.relative_source)) return t;
    if (!tokens.is(t, classes.adverbial) || tokens.is(t, classes.passive))
      return -1;
  }
  return -1;
}

// The mention of `doc` ending at the end of token `last`, or -1.
int mention_ending_at(const Document& doc, const TextLayout& layout, int last) {
  const std::size_t end = layout.tokens[last].span.end;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m)
    if (doc.mentions[m].span.end == end) return static_cast<int>(m);
  return -1;
}

// The mention of `doc` ending right before token `pronoun`, a comma between
// allowed, or before a parenthetical of at most kMaxParentheticalTokens set
// off by commas or dashes ("a UN inquiry, based on testimony of exiles, that
// detailed", "a resolution -- drafted by the EU -- that blasts"); -1 when
// there is none.
int antecedent_of(const Document& doc, const TextLayout& layout,
                  const TokenLayer& tokens, int pronoun) {
  constexpr int kMaxParentheticalTokens = 12;
  const int sentence = layout.tokens[pronoun].sentence;
  // A comma or a dash (", based on ...,", "-- drafted by ... --") closes
  // the parenthetical; the same punctuation opens it.
  const auto closer_at = [&](int t, bool dash) {
    return t >= 0 &&
           (dash ? tokens.shape(t, Shape::dash) : tokens.punct(t, ','));
  };
  int before = pronoun - 1;
  const bool dash = closer_at(before, true);
  const bool comma = closer_at(before, false);
  while (before >= 0 && closer_at(before, dash)) --before;  // "--": two dashes
  if (before < 0 || layout.tokens[before].sentence != sentence) return -1;
  const int next_to = mention_ending_at(doc, layout, before);
  // After a comma the mention next to it is the antecedent ("Sanders, who
  // said"); after a dash it ends the parenthetical ("by the EU --").
  if ((next_to >= 0 && !dash) || !(comma || dash)) return next_to;
  for (int t = before; t > before - kMaxParentheticalTokens && t > 0; --t) {
    if (layout.tokens[t].sentence != sentence || tokens.quote(t) >= 0) break;
    if (!closer_at(t, dash)) continue;
    while (t > 0 && closer_at(t - 1, dash)) --t;
    return mention_ending_at(doc, layout, t - 1);
  }
  return dash ? next_to : -1;
}

// A new mention for a quotation: the quotation's index and the mention.
struct NewMention {
  int quote;
  Mention mention;
};

// Inserts `added` into doc.mentions in text order, pointing each quotation
// at its new mention and renumbering every index into doc.mentions.
void insert_mentions(Document& doc, std::vector<NewMention> added) {
  std::stable_sort(added.begin(), added.end(),
                   [](const NewMention& a, const NewMention& b) {
                     return a.mention.span.begin < b.mention.span.begin;
                   });
  std::vector<Mention> merged;
  merged.reserve(doc.mentions.size() + added.size());
  std::vector<int> moved(doc.mentions.size());
  std::vector<int> placed(added.size());
  std::size_t a = 0;
  for (std::size_t m = 0; m <= doc.mentions.size(); ++m) {
    for (; a < added.size() &&
           (m == doc.mentions.size() ||
            added[a].mention.span.begin < doc.mentions[m].span.begin);
         ++a) {
      placed[a] = static_cast<int>(merged.size());
      merged.push_back(std::move(added[a].mention));
    }
    if (m == doc.mentions.size()) break;
    moved[m] = static_cast<int>(merged.size());
    merged.push_back(std::move(doc.mentions[m]));
  }
  doc.mentions = std::move(merged);
  for (Quote& q : doc.quotes)
    if (q.mention >= 0) q.mention = moved[q.mention];
  for (Entity& e : doc.entities)
    for (int& m : e.mentions) m = moved[m];
  for (std::size_t i = 0; i < added.size(); ++i) {
    Quote& q = doc.quotes[added[i].quote];
    q.mention = placed[i];
    if (q.speaker >= 0) {
      std::vector<int>& of = doc.entities[q.speaker].mentions;
      of.insert(std::upper_bound(of.begin(), of.end(), placed[i]), placed[i]);
    }
  }
}

// The record of `doc` before record `i` whose content ends right before the
// coordinator (adverbials between it and the cue allowed) that opens record
// i's verb, in i's sentence, and whose mention is a relative pronoun with a
// speaker; -1 when there is none.
int coordinated_relative(const Document& doc, const TextLayout& layout,
                         const TokenLayer& tokens,
                         const RelativeSourceClasses& classes, std::size_t i) {
  const Quote& q = doc.quotes[i];
  int t = token_at(layout, q.cue.begin) - 1;
  const int sentence = layout.tokens[t + 1].sentence;
  while (t >= 0 && tokens.shape(t, Shape::word) &&
         tokens.is(t, classes.adverbial) && !tokens.is(t, classes.coordinator))
    --t;
  if (t < 1 || layout.tokens[t].sentence != sentence ||
      !tokens.shape(t, Shape::word) || !tokens.is(t, classes.coordinator))
    return -1;
  const std::size_t content_end = layout.tokens[t - 1].span.end;
  for (std::size_t p = i; p-- > 0;) {
    const Quote& o = doc.quotes[p];
    if (o.kind != QuoteKind::indirect || o.mention < 0 || o.speaker < 0 ||
        o.span.end != content_end)
      continue;
    const Mention& m = doc.mentions[o.mention];
    if (m.kind != MentionKind::pronoun) return -1;
    const int pronoun = token_at(layout, m.span.begin);
    return tokens.is(pronoun, classes.relative_source) ? static_cast<int>(p)
                                                       : -1;
  }
  return -1;
}

// "a resolution that blasts A and suggests B": B's record takes A's
// relative pronoun and speaker (see mark_relative_sources).
void share_coordinated_relatives(Document& doc, const TextLayout& layout,
                                 const TokenLayer& tokens,
                                 const RelativeSourceClasses& classes) {
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    Quote& q = doc.quotes[i];
    if (q.kind != QuoteKind::indirect || !q.has_cue()) continue;
    const int p = coordinated_relative(doc, layout, tokens, classes, i);
    if (p < 0) continue;
    const Quote& first = doc.quotes[p];
    if (q.mention >= 0 && doc.mentions[q.mention].span.begin >=
                              doc.mentions[first.mention].span.begin)
      continue;  // its own subject stands inside the relative clause
    q.mention = first.mention;
    q.speaker = first.speaker;
  }
}

}  // namespace

void mark_relative_sources(Document& doc, const TextLayout& layout,
                           const TokenLayer& tokens,
                           const RelativeSourceClasses& classes) {
  std::vector<NewMention> added;
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    Quote& q = doc.quotes[i];
    if (q.kind != QuoteKind::indirect || !q.has_cue()) continue;
    const int cue = token_at(layout, q.cue.begin);
    if (cue >= tokens.size()) continue;
    const int pronoun = relative_before_cue(layout, tokens, classes, cue);
    if (pronoun < 0) continue;
    const Span& at = layout.tokens[pronoun].span;
    const bool after_cue =
        q.mention >= 0 && doc.mentions[q.mention].span.begin >= q.cue.end;
    if (q.mention >= 0 && !after_cue &&
        doc.mentions[q.mention].span.begin >= at.begin)
      continue;  // its mention is the clause's own subject
    if (q.speaker < 0 || after_cue) {
      const int antecedent = antecedent_of(doc, layout, tokens, pronoun);
      if (antecedent >= 0) q.speaker = doc.mentions[antecedent].entity;
      // (a mention after the cue without an antecedent stays the speaker)
    }
    Mention m;
    m.span = at;
    m.kind = MentionKind::pronoun;
    m.entity = q.speaker;
    m.head = tokens.lower(pronoun);
    added.push_back({static_cast<int>(i), std::move(m)});
  }
  if (!added.empty()) insert_mentions(doc, std::move(added));
  share_coordinated_relatives(doc, layout, tokens, classes);
}

}  // namespace quotelink::detail
