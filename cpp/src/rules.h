// The rule-table pattern shared by every stage that is a list of rules.
//
// A stage lists its rules once, in order, as an enum and a constexpr table:
//
//   enum class SieveId : unsigned char { trigram, colon, ..., count };
//   inline constexpr RuleRow kSieveRules[] = {
//       {"trigram", 0.95, RuleStrength::strong},
//       {"colon", 0.9, RuleStrength::strong}, ...};
//   constexpr RuleStage rule_stage(SieveId) { return RuleStage::sieves; }
//   constexpr const RuleRow& rule(SieveId id) {
//     return kSieveRules[static_cast<std::size_t>(id)]; }
//
// and adds `RuleTableView{RuleStage::sieves, kSieveRules}` to
// all_rule_tables() (rules.cc). A stage whose rows say more than a RuleRow
// (the reported stage's effect and scope, the mention stage's unit) gives
// each row a RuleRow member and lists the table with the member:
// `RuleTableView(RuleStage::reported, kReportedRules, &ReportedRuleInfo::row)`.
// Config::disabled_rules names rules to switch off; RuleSwitches turns those
// names into one bit per rule, and a stage asks
// `switches.enabled(SieveId::colon)` before running a rule. Rule names are
// unique across all stages, so a name alone says which rule it is.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotelink::detail {

/// How far a rule's answer is trusted by later rules and stages.
enum class RuleStrength : unsigned char {
  strong,  ///< a pattern at the quotation (adjacent cue, colon, dash)
  weak,    ///< a fallback that looks further away (same sentence, paragraph)
};

/// One row of a stage's rule table.
struct RuleRow {
  std::string_view name;  ///< unique across stages; what Config names
  double confidence = 0;  ///< the confidence of an answer given by the rule
  RuleStrength strength = RuleStrength::strong;
  /// What an answer of the rule is recorded as (Quote::sieve); several
  /// rules may share a label ("trigram" before and after a quotation).
  std::string_view label;
};

/// The row of a rule whose answers carry no confidence or label of their own
/// (a mention rule proposes or edits mentions): its name alone.
constexpr RuleRow named_rule(std::string_view name) {
  return RuleRow{name, 0.0, RuleStrength::strong, std::string_view{}};
}

/// The stages that keep a rule table; the index of a stage's bit set.
enum class RuleStage : unsigned char {
  cues,
  sieves,
  mentions,
  reported,
  frames,
  count,
};

/// A stage's rule table seen without its enum type: its rows, in order
/// (row i is rule i of the stage's enum).
struct RuleTableView {
  RuleStage stage = RuleStage::count;
  std::vector<RuleRow> rows;

  RuleTableView() = default;
  /// A table of RuleRows.
  template <std::size_t N>
  RuleTableView(RuleStage s, const RuleRow (&table)[N])
      : stage(s), rows(table, table + N) {}
  /// A table whose rows hold their RuleRow in member `row`.
  template <typename Rows, typename Row>
  RuleTableView(RuleStage s, const Rows& table, RuleRow Row::*row) : stage(s) {
    for (const Row& r : table) rows.push_back(r.*row);
  }
};

/// True when row i of `table` names rule i in its member `id`: a table
/// indexed by its enum (for a static_assert beside the table).
template <typename Rows, typename Row, typename Id>
constexpr bool rows_in_enum_order(const Rows& table, Id Row::*id) {
  std::size_t i = 0;
  for (const Row& row : table)
    if (static_cast<std::size_t>(row.*id) != i++) return false;
  return true;
}

/// Every stage's rule table, in pipeline order (defined in rules.cc).
const std::vector<RuleTableView>& all_rule_tables();

/// Which rules are switched off, one bit per rule of each stage. The default
/// switches every rule on.
class RuleSwitches {
 public:
  /// Most rules one stage may have (the width of a stage's bit set).
  static constexpr std::size_t kMaxRulesPerStage = 64;

  RuleSwitches() = default;
  /// Switches off every rule named in `disabled`; throws quotelink::error
  /// naming a rule no table of `tables` holds.
  explicit RuleSwitches(
      const std::vector<std::string>& disabled,
      const std::vector<RuleTableView>& tables = all_rule_tables());

  /// True unless rule `rule` of `stage` was switched off.
  bool enabled(RuleStage stage, std::size_t rule) const noexcept {
    return ((off_[static_cast<std::size_t>(stage)] >> rule) & 1U) == 0;
  }
  /// The same for a stage's rule id: `enabled(SieveId::colon)`.
  template <typename Id>
  bool enabled(Id id) const noexcept {
    return enabled(rule_stage(id), static_cast<std::size_t>(id));
  }

 private:
  std::array<std::uint64_t, static_cast<std::size_t>(RuleStage::count)> off_{};
};

}  // namespace quotelink::detail
