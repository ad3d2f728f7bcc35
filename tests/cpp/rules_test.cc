// The rule-table pattern (rules.h): names switch rules off, unknown names
// are an error.
#include "rules.h"

#include <gtest/gtest.h>

#include "quotelink/error.h"

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

}  // namespace
}  // namespace quotelink::detail
