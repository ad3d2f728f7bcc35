#include "rules.h"

#include "frame_rules.h"
#include "mentions_scan.h"
#include "quotelink/error.h"
#include "reported_rules.h"
#include "sieves.h"

namespace quotelink::detail {

const std::vector<RuleTableView>& all_rule_tables() {
  // One line per stage with a rule table, in pipeline order.
  static const std::vector<RuleTableView> tables = {
      RuleTableView(RuleStage::mentions, kMentionRules, &MentionRuleRow::rule),
      RuleTableView(RuleStage::frames, kFrameRules, &FrameRuleRow::rule),
      RuleTableView(RuleStage::sieves, kSieveRules),
      RuleTableView(RuleStage::reported, kReportedRules,
                    &ReportedRuleInfo::row),
  };
  return tables;
}

RuleSwitches::RuleSwitches(const std::vector<std::string>& disabled,
                           const std::vector<RuleTableView>& tables) {
  for (const std::string& name : disabled) {
    bool found = false;
    for (const RuleTableView& table : tables) {
      for (std::size_t r = 0; r < table.rows.size() && !found; ++r) {
        if (table.rows[r].name != name) continue;
        if (r >= kMaxRulesPerStage)
          throw error("rule '" + name + "' is past the " +
                      std::to_string(kMaxRulesPerStage) +
                      " rules a stage may have");
        off_[static_cast<std::size_t>(table.stage)] |= std::uint64_t{1} << r;
        found = true;
      }
    }
    if (!found)
      throw error("Config::disabled_rules: no rule named '" + name +
                  "' (see docs/design.md for the rule tables)");
  }
}

}  // namespace quotelink::detail
