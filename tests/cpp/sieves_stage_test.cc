// Stage 5 at its interface: frame_cues and run_sieves on a SieveInput built
// from the earlier stages, so that a failure here names the sieve stage.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "frame_rules.h"
#include "sieve_stage.h"

namespace quotelink::detail {
namespace {

Config without(std::vector<std::string> rules) {
  Config config;
  config.disabled_rules = std::move(rules);
  return config;
}

TEST(SieveTable, NamesAreUniqueAndWeakSievesComeLast) {
  std::set<std::string_view> names;
  bool weak_seen = false;
  for (const RuleRow& row : kSieveRules) {
    EXPECT_TRUE(names.insert(row.name).second) << row.name;
    EXPECT_FALSE(row.label.empty()) << row.name;
    EXPECT_GT(row.confidence, 0.0);
    if (row.strength == RuleStrength::weak) weak_seen = true;
    EXPECT_TRUE(row.strength == RuleStrength::weak || !weak_seen)
        << row.name << ": a strong sieve after a weak one";
  }
  EXPECT_EQ(rule(SieveId::same_sentence).strength, RuleStrength::weak);
  EXPECT_EQ(rule(SieveId::trigram_before).label, "trigram");
}

TEST(SieveStage, EachPatternNamesItsSieveAndConfidence) {
  SieveRun run(
      "\"We will win,\" said Senator Jane Roe. Jane Roe said: \"We "
      "will win again.\" \"Rules matter.\" \xE2\x80\x94 Ann Lee");
  ASSERT_EQ(run.attributions.size(), 3u);
  EXPECT_EQ(run.attributions[0].rule, SieveId::trigram_after);
  EXPECT_EQ(run.attributions[0].confidence,
            rule(SieveId::trigram_after).confidence);
  EXPECT_EQ(run.mention_text(run.attributions[0].mention), "Senator Jane Roe");
  EXPECT_EQ(run.attributions[1].rule, SieveId::colon_cue);
  EXPECT_EQ(run.attributions[2].rule, SieveId::dash);
  EXPECT_EQ(run.attributions[2].sieve, "dash");
}

TEST(SieveStage, ADisabledSieveLeavesTheQuotationToTheNext) {
  const std::string text = "Jane Roe said: \"We will win the vote today.\"";
  SieveRun all(text);
  ASSERT_EQ(all.attributions.size(), 1u);
  EXPECT_EQ(all.attributions[0].rule, SieveId::colon_cue);
  SieveRun no_colon(text, without({"colon_cue"}));
  EXPECT_EQ(no_colon.attributions[0].rule, SieveId::colon_subject);
  EXPECT_EQ(no_colon.attributions[0].confidence,
            rule(SieveId::colon_subject).confidence);
  SieveRun none(text, without({"colon_cue", "colon_subject", "same_sentence",
                               "paragraph"}));
  EXPECT_EQ(none.attributions[0].rule, SieveId::count);
  EXPECT_EQ(none.attributions[0].mention, -1);
}

TEST(SieveStage, SplitQuotationsAndRelayedSources) {
  SieveRun split("\"We will win,\" he said, \"and soon.\"");
  ASSERT_EQ(split.attributions.size(), 2u);
  EXPECT_EQ(split.attributions[1].rule, SieveId::split);
  SieveRun relayed(
      "\"We will win,\" Sanders said, according to CNN reporters.");
  ASSERT_EQ(relayed.attributions.size(), 1u);
  EXPECT_EQ(relayed.mention_text(relayed.attributions[0].mention),
            "CNN reporters");
}

TEST(FrameStage, SubjectRulesFindTheSpeaker) {
  SieveRun appositive("Hugh Hill, a doctor, said the plan would fail.");
  ASSERT_FALSE(appositive.frames.empty());
  EXPECT_EQ(appositive.mention_text(appositive.frames[0].source), "Hugh Hill");
  SieveRun dashed(
      "Jason Sims \xE2\x80\x94 a teacher from Mount Pleasant \xE2\x80\x94 "
      "says the plan would fail.");
  ASSERT_FALSE(dashed.frames.empty());
  EXPECT_EQ(dashed.mention_text(dashed.frames[0].source), "Jason Sims");
  SieveRun passive("Trump was asked about the plan.");
  ASSERT_EQ(passive.frames.size(), 1u);
  EXPECT_EQ(passive.frames[0].source, -1);  // the hearer, not a speaker
  SieveRun subordinate("Hooton said it after Rubio spoke.");
  ASSERT_EQ(subordinate.frames.size(), 2u);
  EXPECT_TRUE(subordinate.frames[1].subordinate);
  EXPECT_FALSE(subordinate.frames[0].subordinate);
}

TEST(FrameTable, EachSubjectRuleIsANamedRowInOrder) {
  std::set<std::string_view> names;
  for (std::size_t r = 0; r < kFrameRuleCount; ++r) {
    const FrameRuleRow& row = kFrameRules[r];
    EXPECT_EQ(static_cast<std::size_t>(row.id), r);
    EXPECT_EQ(row.rule.name.substr(0, 6), "frame_") << row.rule.name;
    EXPECT_TRUE(names.insert(row.rule.name).second) << row.rule.name;
  }
  EXPECT_EQ(rule(FrameRule::apposition).rule.name, "frame_apposition");
  EXPECT_EQ(rule(FrameRule::comma_parenthetical).scope, FrameScope::finite);
  EXPECT_EQ(rule(FrameRule::subordinate).phase, FramePhase::clause);
}

// Config::disabled_rules switches a frame rule off by its name: the next
// rule of the table may then answer, or none does.
TEST(FrameStage, ANamedRuleSwitchedOffTakesOnlyItsAnswer) {
  const std::string appositive =
      "Hugh Hill, a doctor, said the plan would fail.";
  SieveRun no_apposition(appositive, without({"frame_apposition"}));
  ASSERT_FALSE(no_apposition.frames.empty());
  // The comma parenthetical, the next rule, finds the same subject.
  EXPECT_EQ(no_apposition.mention_text(no_apposition.frames[0].source),
            "Hugh Hill");
  SieveRun neither(appositive,
                   without({"frame_apposition", "frame_comma_parenthetical"}));
  EXPECT_EQ(neither.frames[0].source, -1);

  const std::string asked = "Senator Jane Roe was asked about the plan.";
  SieveRun hearer(asked);
  ASSERT_EQ(hearer.frames.size(), 1u);
  EXPECT_EQ(hearer.frames[0].source, -1);
  SieveRun passive(asked, without({"frame_passive"}));
  ASSERT_EQ(passive.frames.size(), 1u);
  EXPECT_EQ(passive.mention_text(passive.frames[0].source),
            "Senator Jane Roe");
  SieveRun subordinate("Hooton said it after Rubio spoke.",
                       without({"frame_subordinate"}));
  ASSERT_EQ(subordinate.frames.size(), 2u);
  EXPECT_FALSE(subordinate.frames[1].subordinate);
}

TEST(SieveStage, AnExtractorWithADisabledSieveAnswersWithoutIt) {
  Config config = without({"dash"});
  const Extractor extractor(config);
  const Document doc =
      extractor.extract("\"Rules matter for everyone.\" \xE2\x80\x94 Ann Lee");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_NE(doc.quotes[0].sieve, "dash");
  const Document with_dash = Extractor().extract(
      "\"Rules matter for everyone.\" \xE2\x80\x94 Ann Lee");
  EXPECT_EQ(with_dash.quotes[0].sieve, "dash");
}

}  // namespace
}  // namespace quotelink::detail
