// The rules of the cue frames (frames.cc) as one table: each rule is a
// member of Framer with one signature, tried in the order of this table, and
// its row gives its name (what Config::disabled_rules names), the cues it
// reads and its phase. A frame's answers carry no confidence of their own:
// the sieves and the reported stage give theirs.
#pragma once

#include <cstddef>
#include <iterator>

#include "rules.h"

namespace quotelink::detail {

/// Every rule of the frame stage, in the order they are tried on a cue.
enum class FrameRule : unsigned char {
  source_cue,           ///< "according to X": the mention after the phrase
  adjacent,             ///< the mention right before the verb (past adverbs)
  phrase_head,          ///< "a spokesman for X said": the head, not X
  passive,              ///< "Trump was asked": the hearer, no speaker
  noun_not_verb,        ///< "a conference call": a noun, no subject
  apposition,           ///< "Hugh Hill, a doctor, said"
  comma_parenthetical,  ///< "X, the 2016 frontrunner ..., said"
  dash_parenthetical,   ///< "X -- a teacher from Y -- says"
  relative_clause,      ///< "an official who spoke anonymously said"
  prepositional,        ///< "George Zornick of The Nation wrote"
  coordinated,          ///< "Clinton shook her head and said"
  gerund_source,        ///< "..., adding that": the clause's subject
  addressee,            ///< "Joe Kasper, told POLITICO": the name before
  inverted,             ///< ""Q," said X": the subject after the verb
  subordinate,          ///< "after Rubio spoke": the frame is subordinate
  count,
};

/// Which cues a rule reads.
enum class FrameScope : unsigned char {
  source_cue,  ///< source phrases ("according to")
  verb,        ///< speech verbs of every form
  finite,      ///< speech verbs but gerunds ("said", "says", "say")
  gerund,      ///< gerunds (", saying")
  any,         ///< every framed cue
};

/// What a rule decides.
enum class FramePhase : unsigned char {
  subject,  ///< looks for the cue's source (until a rule decides it)
  clause,   ///< marks the finished frame
};

/// One row of the frame stage's rule table.
struct FrameRuleRow {
  FrameRule id;
  RuleRow rule;  ///< name "frame_...": unique across stages
  FrameScope scope;
  FramePhase phase;
};

constexpr FrameRuleRow frame_row(FrameRule id, std::string_view name,
                                 FrameScope scope,
                                 FramePhase phase = FramePhase::subject) {
  return FrameRuleRow{id, named_rule(name), scope, phase};
}

/// The frame stage's rules, in the order they run (FrameRule order).
inline constexpr FrameRuleRow kFrameRules[] = {
    frame_row(FrameRule::source_cue, "frame_source_cue",
              FrameScope::source_cue),
    frame_row(FrameRule::adjacent, "frame_adjacent", FrameScope::verb),
    frame_row(FrameRule::phrase_head, "frame_phrase_head", FrameScope::verb),
    frame_row(FrameRule::passive, "frame_passive", FrameScope::verb),
    frame_row(FrameRule::noun_not_verb, "frame_noun_not_verb",
              FrameScope::verb),
    frame_row(FrameRule::apposition, "frame_apposition", FrameScope::verb),
    frame_row(FrameRule::comma_parenthetical, "frame_comma_parenthetical",
              FrameScope::finite),
    frame_row(FrameRule::dash_parenthetical, "frame_dash_parenthetical",
              FrameScope::finite),
    frame_row(FrameRule::relative_clause, "frame_relative_clause",
              FrameScope::finite),
    frame_row(FrameRule::prepositional, "frame_prepositional",
              FrameScope::verb),
    frame_row(FrameRule::coordinated, "frame_coordinated", FrameScope::verb),
    frame_row(FrameRule::gerund_source, "frame_gerund_source",
              FrameScope::gerund),
    frame_row(FrameRule::addressee, "frame_addressee", FrameScope::finite),
    frame_row(FrameRule::inverted, "frame_inverted", FrameScope::finite),
    frame_row(FrameRule::subordinate, "frame_subordinate", FrameScope::any,
              FramePhase::clause),
};

inline constexpr std::size_t kFrameRuleCount =
    static_cast<std::size_t>(FrameRule::count);
static_assert(std::size(kFrameRules) == kFrameRuleCount,
              "one row per FrameRule");

static_assert(rows_in_enum_order(kFrameRules, &FrameRuleRow::id),
              "kFrameRules is in FrameRule order");

constexpr RuleStage rule_stage(FrameRule) { return RuleStage::frames; }
/// The row of frame rule `id`.
constexpr const FrameRuleRow& rule(FrameRule id) {
  return kFrameRules[static_cast<std::size_t>(id)];
}

}  // namespace quotelink::detail
