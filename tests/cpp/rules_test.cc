// The rule-table pattern (rules.h): names switch rules off, unknown names
// are an error.
#include "rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "quotelink/error.h"
#include "quotelink/extractor.h"

namespace quotelink::detail {
namespace {

enum class ToyRule : unsigned char { first, second, count };
constexpr RuleRow kToyRules[] = {
    {"toy_first", 0.9, RuleStrength::strong},
    {"toy_second", 0.4, RuleStrength::weak},
};
constexpr RuleStage rule_stage(ToyRule) { return RuleStage::cues; }

const std::vector<RuleTableView>& toy_tables() {
  static const std::vector<RuleTableView> tables = {
      RuleTableView(RuleStage::cues, kToyRules)};
  return tables;
}

TEST(RulesTest, EveryRuleIsOnByDefault) {
  RuleSwitches switches;
  EXPECT_TRUE(switches.enabled(ToyRule::first));
  EXPECT_TRUE(switches.enabled(ToyRule::second));
}

TEST(RulesTest, ANamedRuleIsSwitchedOffAlone) {
  RuleSwitches switches({"toy_second"}, toy_tables());
  EXPECT_TRUE(switches.enabled(ToyRule::first));
  EXPECT_FALSE(switches.enabled(ToyRule::second));
  // The same index of another stage stays on.
  EXPECT_TRUE(switches.enabled(RuleStage::sieves, 1));
}

TEST(RulesTest, AnUnknownNameIsAnErrorNamingIt) {
  try {
    RuleSwitches switches({"toy_third"}, toy_tables());
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("'toy_third'"), std::string::npos);
  }
}

// Every stage with a rule table is listed once, and a name alone says which
// rule it is (Config::disabled_rules names rules without their stage).
TEST(RulesTest, EveryStageTableIsListedAndNamesAreUniqueAcrossStages) {
  std::set<RuleStage> stages;
  std::set<std::string_view> names;
  for (const RuleTableView& table : all_rule_tables()) {
    EXPECT_TRUE(stages.insert(table.stage).second);
    EXPECT_FALSE(table.rows.empty());
    EXPECT_LE(table.rows.size(), RuleSwitches::kMaxRulesPerStage);
    for (const RuleRow& row : table.rows) {
      EXPECT_FALSE(row.name.empty());
      EXPECT_TRUE(names.insert(row.name).second) << row.name;
    }
  }
  EXPECT_EQ(stages,
            (std::set<RuleStage>{RuleStage::mentions, RuleStage::frames,
                                 RuleStage::sieves, RuleStage::reported}));
  for (std::string_view name :
       {"mention_pronouns", "frame_apposition", "colon_cue", "reported_after"})
    EXPECT_TRUE(names.count(name)) << name;
}

// The records of `text` as "kind|text|speaker mention" lines.
std::vector<std::string> records(const std::string& text,
                                 std::vector<std::string> disabled) {
  Config config;
  config.model = false;
  config.calibration = false;
  config.disabled_rules = std::move(disabled);
  const Document doc = Extractor(config).extract(text);
  std::vector<std::string> out;
  for (const Quote& q : doc.quotes) {
    std::string mention = "<none>";
    if (q.mention >= 0) {
      const Span& s = doc.mentions[q.mention].span;
      mention = doc.text.substr(s.begin, s.size());
    }
    out.push_back(std::string(to_string(q.kind)) + "|" +
                  std::string(doc.text_of(q)) + "|" + mention);
  }
  return out;
}

// Config reaches the rules of the mention and reported stages through the
// Lexicon: a rule switched off by name takes exactly its own answers away.
TEST(RulesTest, ConfigSwitchesOffRulesOfTheMentionAndReportedStages) {
  const std::string text =
      "Jane Roe said the talks failed. \"We will win,\" he said.";
  using Lines = std::vector<std::string>;
  EXPECT_EQ(records(text, {}), (Lines{"indirect|the talks failed|Jane Roe",
                                      "direct|We will win,|he"}));
  EXPECT_EQ(records(text, {"reported_after"}),
            (Lines{"direct|We will win,|he"}));
  EXPECT_EQ(records(text, {"mention_pronouns"}),
            (Lines{"indirect|the talks failed|Jane Roe",
                   "direct|We will win,|<none>"}));
}

}  // namespace
}  // namespace quotelink::detail
