// The learned layer's cue decision: words no lexicon lists that report
// speech in their context ("lamented", "conceded").
#pragma once

#include <string_view>
#include <vector>

#include "cues.h"
#include "model/linear_model.h"
#include "text.h"

namespace quotelink::detail {

/// The name of the classifier that proposes cue tokens.
inline constexpr std::string_view kProposeCue = "propose_cue";

/// For each token of `layout`, whether a cue of `a` or of `b` covers it.
std::vector<bool> covered_by_cues(const TextLayout& layout,
                                  const std::vector<Cue>& a,
                                  const std::vector<Cue>& b);

/// Contract: for one window, before the reported-speech stage, every
/// cue_candidate token that no cue of the lexicons (`cues`, the sieves'
/// and `reported_cues`, the reported-speech stage's) covers and that `model`'s
/// propose_cue classifier accepts, as a one-word verb cue in text order: its
/// form guessed from its ending (-ing gerund, -ed past, -s third, else
/// base), its lemma the lower-case word. Empty when the model has no such
/// classifier. Linear in tokens.
std::vector<Cue> propose_cues(std::string_view text, const TextLayout& layout,
                              const std::vector<int>& quote_of_token,
                              const std::vector<Cue>& cues,
                              const std::vector<Cue>& reported_cues,
                              const LinearModel& model);

}  // namespace quotelink::detail
