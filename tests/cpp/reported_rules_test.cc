// Stage 5b, reported speech, at the stage's interface (find_reported): the
// rule table, and for every rule a sentence on which it decides, with the
// stage's reports with the rule on and with it switched off.
#include "reported_rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "reported_stage.h"

namespace {

using quotelink::detail::kReportedRules;
using quotelink::detail::ReportedRule;
using quotelink::detail::ReportedRuleInfo;
using quotelink::detail::rule_info;
using quotelink::detail::RuleEffect;
using quotelink::detail::RuleScope;
using reported_test::Report;

// The reports as "rule: clause <source>" lines.
std::vector<std::string> lines(const std::vector<Report>& reports) {
  std::vector<std::string> out;
  for (const Report& r : reports)
    out.push_back(std::string(rule_info(r.rule).row.name) + ": " + r.text +
                  " <" + r.source + ">");
  return out;
}

std::vector<std::string> run(const std::string& text,
                             const std::vector<std::string>& disabled = {}) {
  return lines(reported_test::reports(text, disabled));
}

using Lines = std::vector<std::string>;

// A sentence on which `rule` decides: the reports with every rule on (but
// those in `also_off`), and with `rule` switched off as well.
struct RuleCase {
  ReportedRule rule;
  std::string text;
  Lines with_rule;
  Lines without_rule;
  std::vector<ReportedRule> also_off;
};

const std::vector<RuleCase>& rule_cases() {
  using R = ReportedRule;
  static const std::vector<RuleCase> cases = {
      {R::boilerplate,
       "Follow the minister who said the talks failed on Twitter",
       {},
       {"reported_after: the talks failed on Twitter <the minister>"}},
      {R::according_opening,
       "According to the police, the suspect fled the scene.",
       {"reported_according_opening: the suspect fled the scene <the police>"},
       {}},
      {R::according_aside,
       "The plan, according to officials, would cost billions.",
       {"reported_according_aside: The plan, according to officials, would "
        "cost "
        "billions <officials>"},
       {"reported_according_before_aside: The plan <officials>"}},
      {R::according_before_aside,
       "The suspect fled the scene on foot, according to the police.",
       {"reported_according_before_aside: The suspect fled the scene on foot "
        "<the "
        "police>"},
       {"reported_according_trailing: The suspect fled the scene on foot, <the "
        "police>"}},
      {R::according_trailing,
       "The suspect fled according to the police.",
       {"reported_according_trailing: The suspect fled <the police>"},
       {}},
      {R::topic_only_verb,
       "The minister referred the case to the court.",
       {},
       {"reported_after: the case to the court <The minister>"}},
      {R::noun_like_cue,
       "Trump's reports the plan failed were wrong.",
       {},
       {"reported_after: the plan failed were wrong <<none>>"}},
      {R::passive_question,
       "Asked whether the plan would pass, Jane Roe shrugged.",
       {"reported_passive_question: whether the plan would pass <<none>>"},
       {}},
      {R::inverted,
       "The talks will resume next week, said Foreign Minister Sergei Lavrov.",
       {"reported_inverted: The talks will resume next week <Foreign Minister "
        "Sergei "
        "Lavrov>"},
       {}},
      {R::source_after_cue,
       "The talks will resume next week, said Foreign Minister Sergei Lavrov.",
       {},
       {"reported_after: Foreign Minister Sergei Lavrov <Foreign Minister "
        "Sergei "
        "Lavrov>"},
       {R::inverted}},
      {R::unsourced_cue,
       "To say the talks failed is wrong.",
       {},
       {"reported_after: the talks failed is wrong <<none>>"}},
      {R::bare_gerund,
       "He kept saying the talks failed.",
       {},
       {"reported_after: the talks failed <He>"}},
      {R::source_blocker,
       "The talks failed, as I said: the minister left.",
       {},
       {"reported_after: the minister left <I>"}},
      {R::question_sentence,
       "The minister said the talks failed?",
       {},
       {"reported_after: the talks failed <The minister>"}},
      {R::apposition_without_subject,
       "On Friday, after a long debate, said the plan would fail.",
       {},
       {"reported_after: the plan would fail <<none>>"}},
      {R::after_direct_quote,
       "\"We will win,\" Trump told a crowd at the rally.",
       {},
       {"reported_after: a crowd at the rally <Trump>"}},
      {R::topic,
       "The senator talked about the drug crisis.",
       {"reported_topic: the drug crisis <The senator>"},
       {}},
      {R::noun_form_at_end,
       "The race, once a sure thing, is up for grabs in five states.",
       {},
       {"reported_fronted: The race, once a sure thing <<none>>"}},
      {R::split_before_gerund,
       "The talks failed, the minister said, adding that he was sad.",
       {"reported_split_before_gerund: The talks failed <the minister>",
        "reported_after: that he was sad <the minister>"},
       {"reported_split: The talks failed, the minister said, adding that he "
        "was sad "
        "<the minister>",
        "reported_after: that he was sad <the minister>"}},
      {R::split,
       "The talks, the minister said, had failed.",
       {"reported_split: The talks, the minister said, had failed <the "
        "minister>"},
       {}},
      {R::fronted,
       "The talks will resume next week, a senior official said Friday.",
       {"reported_fronted: The talks will resume next week <a senior "
        "official>"},
       {}},
      {R::no_clause_verb,
       "The senator talked the plan over.",
       {},
       {"reported_after: the plan over <The senator>"}},
      {R::after,
       "The minister said on Tuesday that the talks would resume next week.",
       {"reported_after: that the talks would resume next week <The minister>"},
       {}},
      {R::speaker_line,
       "Jane Roe: The plan will fail badly.",
       {"reported_speaker_line: The plan will fail badly <Jane Roe>"},
       {}},
      {R::topic_noun,
       "Donald Trump's criticism of the trade deal was sharp.",
       {"reported_topic_noun: the trade deal <Donald Trump's>"},
       {}},
  };
  return cases;
}

TEST(ReportedRules, TableRowsAreNamedAndConsistent) {
  std::set<std::string_view> names;
  for (const ReportedRuleInfo& row : kReportedRules) {
    const std::string_view name = row.row.name;
    EXPECT_TRUE(names.insert(name).second) << name;
    // Rule names are unique across stages: this stage's carry its prefix.
    EXPECT_EQ(name.substr(0, 9), "reported_") << name;
    if (row.effect == RuleEffect::veto) {
      EXPECT_EQ(row.row.label, "") << name;
      EXPECT_EQ(row.row.confidence, 0.0) << name;
      EXPECT_NE(row.scope, RuleScope::document) << name;
    } else {
      EXPECT_EQ(row.row.label.substr(0, 9), "reported_") << name;
      EXPECT_GT(row.row.confidence, 0.0) << name;
      EXPECT_LE(row.row.confidence, 1.0) << name;
    }
  }
}

// Each rule decides on its sentence: switching it off changes the reports.
TEST(ReportedRules, EveryRuleDecidesOnItsExample) {
  for (const RuleCase& c : rule_cases()) {
    const std::string name(rule_info(c.rule).row.name);
    std::vector<std::string> off;
    for (ReportedRule r : c.also_off) off.emplace_back(rule_info(r).row.name);
    EXPECT_EQ(run(c.text, off), c.with_rule) << name << ": " << c.text;
    off.push_back(name);
    EXPECT_EQ(run(c.text, off), c.without_rule)
        << "without " << name << ": " << c.text;
  }
}

TEST(ReportedRules, EveryRuleHasAnExample) {
  std::set<ReportedRule> covered;
  for (const RuleCase& c : rule_cases()) covered.insert(c.rule);
  for (const ReportedRuleInfo& row : kReportedRules)
    EXPECT_TRUE(covered.count(row.rule)) << row.row.name << " has no example";
}

// "as X suggested B": with words of its own after the cue, "as" joins two
// clauses (issue #16's "as new satellite imagery suggested North Korea may
// be ..."); the report before it ends at the comma.
TEST(ReportedRules, AsBeforeASourceWithAClauseOfItsOwnReports) {
  EXPECT_EQ(run("Jane Roe said the talks failed, as new imagery suggested "
                "the plant was running."),
            (Lines{"reported_after: the talks failed <Jane Roe>",
                   "reported_after: the plant was running <new imagery>"}));
  EXPECT_EQ(run("The talks failed, as I said."), Lines{});
}

// A topic-only verb in the passive reports nothing: "being referred to the
// ICC" is sent there, not spoken of (issue #16's "are slim because").
TEST(ReportedRules, APassiveTopicOnlyVerbReportsNothing) {
  const std::string text =
      "The chances of North Korea being referred to the ICC are slim.";
  EXPECT_EQ(run(text), Lines{});
  EXPECT_EQ(run(text, {"reported_topic_only_verb"}),
            (Lines{"reported_topic: the ICC are slim <<none>>"}));
  EXPECT_EQ(run("Jane Roe was referring to the ICC."),
            (Lines{"reported_topic: the ICC <Jane Roe>"}));
}

// An aside set off by commas between the cue and its complementiser is
// skipped: the clause opens at the complementiser.
TEST(ReportedRules, AnAsideBeforeTheComplementiserIsSkipped) {
  EXPECT_EQ(run("She said, however, that no decision had been made."),
            (Lines{"reported_after: that no decision had been made <She>"}));
  EXPECT_EQ(run("The minister argued, in a letter to colleagues, that the "
                "rules were outdated."),
            (Lines{"reported_after: that the rules were outdated <The "
                   "minister>"}));
}

// A clause inside a relative clause ends at the comma before the main
// clause's cue, whose source comes before it.
TEST(ReportedRules, AReportInARelativeClauseEndsBeforeTheMainCue) {
  // (The report of "expected", nested in Jane Roe's, is the stage's too;
  // attribute.cc drops it as part of her words.)
  EXPECT_EQ(run("Finance Minister Jane Roe, whose Free Democrats have opposed "
                "any loosening, said she expected a deal."),
            (Lines{"reported_after: any loosening <Free Democrats>",
                   "reported_after: she expected a deal <Finance Minister "
                   "Jane Roe>",
                   "reported_after: a deal <she>"}));
}

// The stage's reports name their rule, its sieve and its confidence.
TEST(ReportedRules, ReportsCarryTheirRulesSieveAndConfidence) {
  const std::vector<Report> reports = reported_test::reports(
      "The talks will resume next week, a senior official said Friday.");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].rule, ReportedRule::fronted);
  EXPECT_EQ(reports[0].sieve, "reported_fronted");
  EXPECT_EQ(reports[0].confidence, quotelink::detail::kFronted);
}

}  // namespace
