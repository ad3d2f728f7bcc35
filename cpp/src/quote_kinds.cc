// Stage 5a, quotation kinds (quote_kinds.h): the facts of each quotation,
// and the kind decided from them.
#include "quote_kinds.h"

#include "quotes.h"

namespace quotelink::detail {

namespace {

// How far a complementiser may sit after the cue, up to the quotation's
// opening mark, in tokens.
constexpr int kComplementiserReach = 20;

// "Rubio said that once the Senate goes on recess, "I intend to help."":
// quotation `quote`, reached by same_sentence through cue `a.cue`, follows a
// complementiser of that cue.
bool after_complementiser(const TextLayout& layout, const TokenLayer& tokens,
                          const std::vector<Cue>& cues,
                          WordClass complementisers, const Attribution& a,
                          const Quote& quote) {
  if (a.rule != SieveId::same_sentence || a.cue < 0) return false;
  const int open = token_at(layout, quote.outer.begin);
  const Cue& cue = cues[a.cue];
  if (cue.last >= open || open - cue.last > kComplementiserReach) return false;
  for (int t = cue.last + 1; t < open; ++t)
    if (layout.tokens[t].kind == TokenKind::word &&
        tokens.is(t, complementisers))
      return true;
  return false;
}

}  // namespace

QuoteKind decide_kind(const KindFacts& f) {
  if (f.proposed != QuoteKind::direct) return f.proposed;
  if (f.after_complementiser) return QuoteKind::partial;
  if (f.title_like && !f.strongly_attributed) return QuoteKind::partial;
  return QuoteKind::direct;
}

void decide_kinds(std::string_view text, const TextLayout& layout,
                  const TokenLayer& tokens, const std::vector<Cue>& cues,
                  WordClass complementisers,
                  const std::vector<Attribution>& attributions,
                  std::vector<Quote>& quotes) {
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    Quote& quote = quotes[q];
    if (quote.kind != QuoteKind::direct) continue;  // only direct ones change
    const Attribution& a = attributions[q];
    KindFacts facts;
    facts.proposed = quote.kind;
    facts.title_like = title_like(text, quote, *layout.tables);
    facts.strongly_attributed = a.mention >= 0 && !a.weak();
    facts.after_complementiser =
        after_complementiser(layout, tokens, cues, complementisers, a, quote);
    quote.kind = decide_kind(facts);
    if (quote.kind == QuoteKind::partial)
      quote.quoted_parts.push_back(quote.span);
  }
}

}  // namespace quotelink::detail
