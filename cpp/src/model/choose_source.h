// The learned layer's source choice: a mention of the cue's sentence for a
// reported-speech record the rules left without a source.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/linear_model.h"
#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "reported_stage.h"  // kMaxClauseTokens: how far from a cue to look
#include "text.h"

namespace quotelink::detail {

/// The name of the classifier that scores a candidate source mention of a
/// record the rules left without one.
inline constexpr std::string_view kChooseSource = "choose_source";
/// The name of the classifier that scores the candidates of a record the
/// rules gave a source, theirs among them.
inline constexpr std::string_view kReviseSource = "revise_source";

/// The indices of doc.mentions ordered by start (ties by index).
std::vector<int> mentions_by_start(const Document& doc);

/// The candidate sources of doc.quotes[q]: when it is indirect and has a
/// cue, the mentions in the cue's sentence and within kMaxClauseTokens
/// tokens of the cue that lie outside its content and cue, and the
/// record's own mention, in index order; otherwise none. With
/// `by_start` (mentions_by_start of doc), only the mentions starting in the
/// sentence are looked at.
std::vector<int> source_candidates(const Document& doc,
                                   const TextLayout& layout, std::size_t q,
                                   const std::vector<int>* by_start = nullptr);
/// The same in place of `out`'s contents (one array for every record).
void source_candidates(const Document& doc, const TextLayout& layout,
                       std::size_t q, const std::vector<int>* by_start,
                       std::vector<int>& out);

/// True when mention `m` cannot be the source of doc.quotes[q] by the
/// window's `tags`: a one-word pronoun determining a noun ("His comments
/// came as Pyongyang threatened ...": his comments, not he, act) before or
/// after a verb cue. Never the record's own mention (the rules' choice
/// stays scored). Training and inference both leave such candidates out.
bool determiner_pronoun_of_verb_cue(const Document& doc,
                                    const TextLayout& layout,
                                    const PosTags& tags, std::size_t q, int m);

/// The features of mention `m` as the source of doc.quotes[q]: its kind,
/// side of the cue and distance, the commas and candidates between them,
/// its words and the cue's; for a record with a source, whether `m` is the
/// rules' choice and what that is; with `tags` (the window's, not empty),
/// the tags around the mention and the cue's; whether `m` is a phrase
/// mention (phrase_sources.h: index `phrase_first` or more). Linear in
/// the tokens of the cue's sentence.
std::vector<std::uint32_t> source_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q, int m,
                                           const PosTags* tags = nullptr,
                                           int phrase_first = INT_MAX);

/// Contract: runs after apply_model on one window. With tags and
/// choose_source, the subject phrases of the sourceless records
/// (add_phrase_mentions) join the mentions first, and those no record
/// takes are dropped at the end (settle_phrase_mentions). For a record
/// without a source, the candidate (source_candidates) that choose_source
/// scores highest becomes its source when the score reaches that classifier's
/// threshold; for a record with one, the best other candidate under
/// revise_source replaces the rules' choice when it scores higher by at
/// least revise_source's threshold. A new source sets Quote::mention,
/// Quote::speaker (the mention's entity) and appends "+source" to the
/// sieve. A missing classifier leaves its records alone. Records stay in
/// place. `tags` as source_features'.
void choose_sources(Document& doc, const TextLayout& layout,
                    const LinearModel& model, const PosTags* tags = nullptr);

}  // namespace quotelink::detail
