// Features of one token for the learned cue decision: is this word, in its
// context, a cue of reported speech that no lexicon lists ("lamented",
// "his criticism")? No tagger: the word, its affixes and shape, and its
// neighbours.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text.h"

namespace quotelink::detail {

/// The feature hashes of word token `t` of `layout` over `text`.
/// Constant time per token (a window of two tokens each side).
std::vector<std::uint32_t> cue_features(std::string_view text,
                                        const TextLayout& layout, int t);

/// Contract: whether token `t` may be proposed as a model cue at all: a word
/// of at least three letters starting in lower case, outside quotation marks
/// (`quote_of_token[t] < 0`). Capitalised words are names, not cues.
bool cue_candidate(std::string_view text, const TextLayout& layout,
                   const std::vector<int>& quote_of_token, int t);

}  // namespace quotelink::detail
