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
#include "rules.h"
#include "text.h"
#include "token_layer.h"

namespace quotelink::detail {

struct Scratch;  // scratch.h

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

/// The sieves, in the order they run: each quotation takes the first that
/// answers. kSieveRules gives each its name (what Config::disabled_rules
/// names), its confidence, its strength (weak sieves look beyond the
/// quotation's own clause) and the label a quotation records.
enum class SieveId : unsigned char {
  trigram_after,   ///< "Q," said X / "Q," X said
  dash,            ///< "Q" -- X (also a byline paragraph after the quotation)
  colon_cue,       ///< X said: "Q"
  colon_subject,   ///< X, without a cue: "Q" (the sentence's subject)
  split,           ///< "A," he said, "B."
  trigram_before,  ///< X said, "Q"
  same_sentence,   ///< a cue with a source in the quotation's sentence
  continuation,    ///< the quotation right after an attributed one
  paragraph,       ///< the nearest cue of the paragraph
  count,
};

inline constexpr RuleRow kSieveRules[] = {
    {"trigram_after", 0.95, RuleStrength::strong, "trigram"},
    {"dash", 0.85, RuleStrength::strong, "dash"},
    {"colon_cue", 0.9, RuleStrength::strong, "colon"},
    {"colon_subject", 0.6, RuleStrength::strong, "colon"},
    {"split", 0.95, RuleStrength::strong, "split"},
    {"trigram_before", 0.9, RuleStrength::strong, "trigram"},
    {"same_sentence", 0.8, RuleStrength::weak, "same_sentence"},
    {"continuation", 0.7, RuleStrength::weak, "continuation"},
    {"paragraph", 0.4, RuleStrength::weak, "paragraph"},
};
static_assert(std::size(kSieveRules) ==
                  static_cast<std::size_t>(SieveId::count),
              "one row per sieve, in SieveId order");

constexpr RuleStage rule_stage(SieveId) { return RuleStage::sieves; }
/// The row of sieve `id`.
constexpr const RuleRow& rule(SieveId id) {
  return kSieveRules[static_cast<std::size_t>(id)];
}
/// True for the sieves after which a relaying source ("..., according to
/// Y") takes the quotation: those that read the quotation's own sentence.
constexpr bool relays(SieveId id) { return id <= SieveId::same_sentence; }

/// The attribution of one quotation.
struct Attribution {
  int mention = -1;  ///< index into the mentions, or -1 (no speaker)
  int cue = -1;      ///< index into the cues, or -1
  std::optional<Span> cue_span;   ///< cue words, or the ':' / dash used
  SieveId rule = SieveId::count;  ///< the sieve that answered (count: none)
  /// rule's label ("trigram"), or empty; kept as a string for the reported
  /// stage, which reads it until it moves to `rule`.
  std::string sieve;
  double confidence = 0.0;

  /// True when a sieve answered and it is a weak one.
  bool weak() const {
    return rule != SieveId::count &&
           quotelink::detail::rule(rule).strength == RuleStrength::weak;
  }
};

/// Everything the sieves read, built by the earlier stages.
struct SieveInput {
  std::string_view text;
  const TextLayout& layout;
  const std::vector<Quote>& quotes;
  const std::vector<int>& quote_of_token;
  const std::vector<Cue>& cues;
  const std::vector<SpeakerMention>& mentions;
  const TokenLayer& tokens;
  const CueLexicon& cue_lexicon;
  const RuleSwitches& rules;
  /// Arrays the stages may borrow (an extraction's), or nullptr.
  Scratch* scratch = nullptr;
};

/// The subject after an inverted cue, starting at token t: the mention there,
/// the name after a possessive place ("said Florida's Rick Wilson") or, when
/// `modifiers`, the name after up to three modifier words ("said retired
/// neurosurgeon Ben Carson"); -1 when none. mention_start maps a token to the
/// mention starting there.
int subject_after(const SieveInput& in, const std::vector<int>& mention_start,
                  int t, bool modifiers);

/// The source of each verb cue (subject before it, or after it when
/// inverted), or -1. Bounded look-around: linear in the number of cues.
std::vector<CueFrame> frame_cues(const SieveInput& in);

/// Attributes every quotation; result[i] belongs to in.quotes[i].
std::vector<Attribution> run_sieves(const SieveInput& in,
                                    const std::vector<CueFrame>& frames);

}  // namespace quotelink::detail
