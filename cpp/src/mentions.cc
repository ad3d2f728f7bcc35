// Stage 4, mentions: runs the rule table (kMentionRules) over one document.
#include "mentions.h"

#include "mentions_scan.h"

namespace quotelink::detail {

namespace {

constexpr bool rules_in_id_order() {
  for (std::size_t i = 0; i < kMentionRuleCount; ++i)
    if (static_cast<std::size_t>(kMentionRules[i].id) != i) return false;
  return true;
}
static_assert(rules_in_id_order(), "kMentionRules is in MentionRuleId order");

constexpr bool proposing_rules_first() {
  bool refining = false;
  for (const MentionRuleRow& row : kMentionRules) {
    if (row.phase == MentionPhase::refine) refining = true;
    if (refining && row.phase == MentionPhase::propose) return false;
  }
  return true;
}
static_assert(proposing_rules_first(),
              "every proposing rule runs before the overlaps are resolved");

void run_phase(const MentionScan& scan, MentionPhase phase,
               const RuleSwitches& switches,
               std::vector<SpeakerMention>& mentions) {
  for (const MentionRuleRow& row : kMentionRules)
    if (row.phase == phase && switches.enabled(row.id)) row.run(scan, mentions);
}

}  // namespace

std::string_view mention_rule_name(MentionRuleId rule) {
  return kMentionRules[static_cast<std::size_t>(rule)].rule.name;
}

std::vector<SpeakerMention> find_mentions(std::string_view text,
                                          const TextLayout& layout,
                                          const TokenLayer& tokens,
                                          const MentionTables& tables,
                                          const std::vector<bool>* cue_starts,
                                          const RuleSwitches& switches) {
  const MentionScan scan(text, layout, tokens, tables, cue_starts);
  std::vector<SpeakerMention> candidates;
  // About one candidate in eight tokens on news text (PolNeAR train: 0.12
  // per token, more in a third of the documents): room for one in six at
  // once rather than growing through SpeakerMention moves.
  candidates.reserve(layout.tokens.size() / 6 + 8);
  run_phase(scan, MentionPhase::propose, switches, candidates);
  std::vector<SpeakerMention> mentions =
      resolve_overlaps(std::move(candidates));
  run_phase(scan, MentionPhase::refine, switches, mentions);
  for (SpeakerMention& m : mentions)
    m.sentence = layout.tokens[m.first].sentence;
  return mentions;
}

}  // namespace quotelink::detail
