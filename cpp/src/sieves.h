// Stage 5, sieves: each quotation gets a speaker mention by the most precise
// rule that applies (Muzny et al. 2017): adjacent patterns, colon and dash
// introductions, same-sentence cue and subject, split and continued
// quotations, and a paragraph-level fallback.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cues.h"
#include "mentions.h"
#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// A cue with the mention that speaks through it: the unit that direct and
/// (later) reported speech both attribute from.
struct CueFrame {
  int cue = -1;     ///< index into the cues
  int source = -1;  ///< index into the mentions, or -1 when none was found
  bool inverted = false;  ///< the source follows the cue ("said X")
  /// The source opens a subordinate clause ("after Rubio spoke"): the cue
  /// introduces no quotation beyond its own sentence's.
  bool subordinate = false;
};

/// The attribution of one quotation.
struct Attribution {
  int mention = -1;  ///< index into the mentions, or -1 (no speaker)
  int cue = -1;      ///< index into the cues, or -1
  std::optional<Span> cue_span;  ///< cue words, or the ':' / dash used
  std::string sieve;
  double confidence = 0.0;
};

/// Everything the sieves read, built by the earlier stages.
struct SieveInput {
  std::string_view text;
  const TextLayout& layout;
  const std::vector<Quote>& quotes;
  const std::vector<int>& quote_of_token;
  const std::vector<Cue>& cues;
  const std::vector<SpeakerMention>& mentions;
  const CueTables& cue_tables;
};

/// The source of each verb cue (subject before it, or after it when
/// inverted), or -1. Bounded look-around: linear in the number of cues.
std::vector<CueFrame> frame_cues(const SieveInput& in);

/// Attributes every quotation; result[i] belongs to in.quotes[i].
std::vector<Attribution> run_sieves(const SieveInput& in,
                                    const std::vector<CueFrame>& frames);

}  // namespace quotelink::detail
