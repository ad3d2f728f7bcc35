// The learned layer's extra source candidates: the noun phrase right
// before a sourceless record's cue when no mention covers it ("he's
// predicted big wins", "27 percent backed Trump", "police organizations
// erupting over ..."), found with the tagger's tags. choose_source scores
// them with the mentions; the ones it chooses become mentions.
#pragma once

#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// Tokens [first, last] of a phrase; first < 0 when there is none.
struct TokenRange {
  int first = -1;
  int last = -1;
};

/// The subject phrase before token `cue` (tags not empty): skipping back
/// over adverbs, and over finite verbs when the cue is a verb that is not
/// finite (the auxiliaries of "are saying", "have long said"), at most
/// three tokens,
/// the run of words tagged noun, proper noun, pronoun, adjective,
/// determiner or other (numbers, possessive "'s") that ends there, at
/// most eight tokens, within the cue's sentence. None when no such word
/// ends there.
TokenRange subject_phrase(const TextLayout& layout, const PosTags& tags,
                          int cue);

/// The phrase right after token `after` (a cue's last; tags not empty):
/// the run of words of subject_phrase's tags that starts there, at most
/// eight tokens, within its sentence ("according to exit polls", ", said
/// the former governor"). None when no such word follows.
TokenRange object_phrase(const TextLayout& layout, const PosTags& tags,
                         int after);

/// Contract: for doc.quotes[q], an indirect record with a cue and no
/// source mention (and tags not empty), appends its subject_phrase and
/// the object_phrase after its cue as mentions (kind pronoun for one
/// pronoun, name when every word is a proper noun, role otherwise; no
/// entity; head its last word), each unless a mention overlaps it or the
/// record's content or cue does (so a phrase already appended is not
/// appended twice, and a content right after the cue takes no object
/// phrase). Returns how many it appended.
int add_phrase_mention(Document& doc, const TextLayout& layout,
                       const PosTags& tags, std::size_t q);

/// add_phrase_mention for every record of doc. Returns doc.mentions'
/// size before (the index of the first phrase mention).
int add_phrase_mentions(Document& doc, const TextLayout& layout,
                        const PosTags& tags);

/// Contract: drops doc.mentions[first...] that no record names and moves
/// the named ones into text order among the others (doc.mentions stays
/// ordered by start), renumbering Quote::mention and Entity::mentions.
void settle_phrase_mentions(Document& doc, int first);

}  // namespace quotelink::detail
