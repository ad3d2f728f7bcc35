// The rules of the reported-speech stage (stage 5b) as one table: each rule
// is a named unit in reported_frame_rules.cc or reported.cc, tried in the
// order of this table, and its row gives its name, the sieve its reports
// carry, their confidence and what the rule does.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules.h"

namespace quotelink::detail {

/// Every rule of the stage, in the order they are tried on a cue frame (the
/// frame rules), then the rules that find reports without a frame.
enum class ReportedRule : std::uint8_t {
  boilerplate,
  // "According to X, CLAUSE" and its variants (source cues).
  according_opening,
  according_aside,
  according_before_aside,
  according_trailing,
  // Frame rules for speech verbs, each a veto or a report.
  topic_only_verb,
  noun_like_cue,
  passive_question,
  inverted,
  source_after_cue,
  unsourced_cue,
  bare_gerund,
  source_blocker,
  question_sentence,
  apposition_without_subject,
  after_direct_quote,
  topic,
  noun_form_at_end,
  split_before_gerund,
  split,
  fronted,
  no_clause_verb,
  after,
  // Rules over the whole document: reports without a cue frame.
  speaker_line,
  topic_noun,
};

inline constexpr std::size_t kReportedRuleCount =
    static_cast<std::size_t>(ReportedRule::topic_noun) + 1;

/// What a rule does when it applies.
enum class RuleEffect : std::uint8_t {
  report,  ///< finds a clause (or, when the clause fails, no report)
  veto,    ///< the frame reports nothing
};

/// What a rule reads.
enum class RuleScope : std::uint8_t {
  any_frame,     ///< every cue frame
  source_frame,  ///< the frame of a source cue ("according to")
  verb_frame,    ///< the frame of a speech verb
  document,      ///< the whole document: reports without a frame
};

/// One row of the rule table.
struct ReportedRuleInfo {
  ReportedRule rule;
  /// name: the rule's own, "reported_..."; confidence: of its reports (0 for
  /// a veto); label: the Quote::sieve of its reports ("" for a veto).
  RuleRow row;
  RuleEffect effect;
  RuleScope scope;
  bool no_speaker;  ///< its reports have no speaker, whatever the frame's
};

// The confidence of each report rule's reports (the values of the first
// design, unchanged; not fitted).
inline constexpr double kAccordingOpening = 0.85;  // "According to X, A"
inline constexpr double kAccordingAside = 0.8;     // "B, according to X, A"
inline constexpr double kAccordingBefore = 0.85;   // "A, according to X"
inline constexpr double kAccordingTrailing = 0.7;  // "A according to X"
inline constexpr double kPassiveQuestion = 0.6;    // "Asked whether A"
inline constexpr double kFronted = 0.75;           // "A, X said"
inline constexpr double kTopic = 0.6;              // "X talked about A"
inline constexpr double kAfter = 0.8;              // "X said (that) A"
inline constexpr double kSpeakerLine = 0.7;        // "X: A"
inline constexpr double kTopicNoun = 0.5;          // "X's attacks on A"

/// The rule table, indexed by ReportedRule.
inline constexpr std::array<ReportedRuleInfo, kReportedRuleCount>
    kReportedRules{{
        {ReportedRule::boilerplate,
         {"reported_boilerplate", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::any_frame,
         false},
        {ReportedRule::according_opening,
         {"reported_according_opening", kAccordingOpening, RuleStrength::strong,
          "reported_according"},
         RuleEffect::report,
         RuleScope::source_frame,
         false},
        {ReportedRule::according_aside,
         {"reported_according_aside", kAccordingAside, RuleStrength::strong,
          "reported_according"},
         RuleEffect::report,
         RuleScope::source_frame,
         false},
        {ReportedRule::according_before_aside,
         {"reported_according_before_aside", kAccordingBefore,
          RuleStrength::strong, "reported_according"},
         RuleEffect::report,
         RuleScope::source_frame,
         false},
        {ReportedRule::according_trailing,
         {"reported_according_trailing", kAccordingTrailing,
          RuleStrength::strong, "reported_according"},
         RuleEffect::report,
         RuleScope::source_frame,
         false},
        {ReportedRule::topic_only_verb,
         {"reported_topic_only_verb", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::noun_like_cue,
         {"reported_noun_like_cue", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::passive_question,
         {"reported_passive_question", kPassiveQuestion, RuleStrength::strong,
          "reported_asked"},
         RuleEffect::report,
         RuleScope::verb_frame,
         true},
        {ReportedRule::inverted,
         {"reported_inverted", kFronted, RuleStrength::strong,
          "reported_inverted"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::source_after_cue,
         {"reported_source_after_cue", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::unsourced_cue,
         {"reported_unsourced_cue", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::bare_gerund,
         {"reported_bare_gerund", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::source_blocker,
         {"reported_source_blocker", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::question_sentence,
         {"reported_question_sentence", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::apposition_without_subject,
         {"reported_apposition_without_subject", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::after_direct_quote,
         {"reported_after_direct_quote", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::topic,
         {"reported_topic", kTopic, RuleStrength::strong, "reported_topic"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::noun_form_at_end,
         {"reported_noun_form_at_end", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::split_before_gerund,
         {"reported_split_before_gerund", kFronted, RuleStrength::strong,
          "reported_fronted"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::split,
         {"reported_split", kFronted, RuleStrength::strong, "reported_split"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::fronted,
         {"reported_fronted", kFronted, RuleStrength::strong,
          "reported_fronted"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::no_clause_verb,
         {"reported_no_clause_verb", 0, RuleStrength::strong, ""},
         RuleEffect::veto,
         RuleScope::verb_frame,
         false},
        {ReportedRule::after,
         {"reported_after", kAfter, RuleStrength::strong, "reported_after"},
         RuleEffect::report,
         RuleScope::verb_frame,
         false},
        {ReportedRule::speaker_line,
         {"reported_speaker_line", kSpeakerLine, RuleStrength::strong,
          "reported_colon"},
         RuleEffect::report,
         RuleScope::document,
         false},
        {ReportedRule::topic_noun,
         {"reported_topic_noun", kTopicNoun, RuleStrength::strong,
          "reported_topic"},
         RuleEffect::report,
         RuleScope::document,
         false},
    }};

/// The row of `rule`.
constexpr const ReportedRuleInfo& rule_info(ReportedRule rule) {
  return kReportedRules[static_cast<std::size_t>(rule)];
}

/// The table is indexed by its enum: row i describes rule i.
static_assert(rows_in_enum_order(kReportedRules, &ReportedRuleInfo::rule),
              "kReportedRules rows out of enum order");

/// The stage whose switches turn a reported-speech rule off (a rule switched
/// off is skipped, as if it never applied).
constexpr RuleStage rule_stage(ReportedRule) { return RuleStage::reported; }

}  // namespace quotelink::detail
