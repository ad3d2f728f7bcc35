// Stage 5a, quotation kinds: the one place where the kind of a marked
// quotation is decided after the quotes stage proposed it.
//
// The quotes stage proposes a kind from the marks alone (direct when the
// quotation stands as a sentence or a clause of its own, partial when it is
// a fragment; quotes.cc kind_of). Once the sieves have attributed every
// quotation, decide_kinds() settles the kind from the facts the earlier
// stages recorded (KindFacts), before reported speech reads it. No stage
// after this one changes a kind: the reported stage makes new records of
// kind indirect (absorbing partial quotations into them) and the verbatim
// stage new records of kind partial.
#pragma once

#include <string_view>
#include <vector>

#include "cues.h"
#include "quotelink/document.h"
#include "sieves.h"
#include "text.h"
#include "token_layer.h"

namespace quotelink::detail {

/// What the kind of one marked quotation is decided from.
struct KindFacts {
  QuoteKind proposed = QuoteKind::direct;  ///< the quotes stage's, by marks
  /// Reads like a title or slogan (title_like: "Make America Great Again").
  bool title_like = false;
  /// A speaker was found by a strong sieve (one at the quotation itself).
  bool strongly_attributed = false;
  /// Reached by same_sentence through a cue with a complementiser between
  /// the cue and the quotation ("X said that once ..., "Q""): part of a
  /// reported clause.
  bool after_complementiser = false;
};

/// The kind of a quotation with facts `f`: partial when the marks say so,
/// when it lies in a reported clause after a complementiser, or when it
/// reads like a title and no strong sieve attributed it ("the cast of the
/// "Planet of the Apes," the anchor said"); else direct.
QuoteKind decide_kind(const KindFacts& f);

/// Decides the kind of every quotation of `quotes` (attributions[q] is the
/// sieves' answer for quotes[q]); a quotation made partial lists its own
/// span among its quoted parts, as the quotes stage's partial ones do.
/// `complementisers` is the class of the words that open a reported clause.
void decide_kinds(std::string_view text, const TextLayout& layout,
                  const TokenLayer& tokens, const std::vector<Cue>& cues,
                  WordClass complementisers,
                  const std::vector<Attribution>& attributions,
                  std::vector<Quote>& quotes);

}  // namespace quotelink::detail
