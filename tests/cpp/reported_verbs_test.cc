// Reported-speech cue lexicon: verbs of the reported_verbs class,
// reported_infinitive_verbs and cues.tsv report their content, and
// words that only look like them report nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "attribution_helpers.h"
#include "quotelink/quotelink.h"
#include "reported_stage.h"

namespace {

using attribution_test::speaker_of;
using quotelink::Document;
using quotelink::Quote;
using quotelink::QuoteKind;

Document run(const std::string& text) {
  return attribution_test::rules_only_extract(text);
}

// The texts of the reported-speech stage's clauses for doc's text, in
// order (find_reported itself, so that a failure names this stage).
std::vector<std::string> indirect_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const reported_test::Report& r : reported_test::reports(doc.text))
    out.push_back(r.text);
  return out;
}

using Texts = std::vector<std::string>;

TEST(ReportedVerbs, ExpressedReportsItsObject) {
  Document doc =
      run("Jane Roe expressed concern that the bill would raise taxes.");
  EXPECT_EQ(indirect_texts(doc),
            Texts{"concern that the bill would raise taxes"});
  EXPECT_EQ(speaker_of(doc, "concern that"), "Jane Roe");
}

TEST(ReportedVerbs, OfferedReportsItsObject) {
  Document doc =
      run("The governor offered a different explanation for the delay.");
  EXPECT_EQ(indirect_texts(doc),
            Texts{"a different explanation for the delay"});
  EXPECT_EQ(speaker_of(doc, "a different explanation"), "governor");
}

TEST(ReportedVerbs, HighlightedAndSharedReportTheirObjects) {
  EXPECT_EQ(indirect_texts(run(
                "The senator highlighted the need for more border agents.")),
            Texts{"the need for more border agents"});
  EXPECT_EQ(indirect_texts(run(
                "Jane Roe shared her view that the party had lost its way.")),
            Texts{"her view that the party had lost its way"});
}

TEST(ReportedVerbs, OrderedAndChallengedReportTheirObjects) {
  EXPECT_EQ(indirect_texts(run("The judge ordered the release of the files.")),
            Texts{"the release of the files"});
  EXPECT_EQ(
      indirect_texts(run("Jane Roe challenged the legality of the order.")),
      Texts{"the legality of the order"});
}

TEST(ReportedVerbs, ListedViewedPushedAllowed) {
  EXPECT_EQ(indirect_texts(run("Jane Roe listed three reasons for the loss.")),
            Texts{"three reasons for the loss"});
  // reported_topic: the preposition is not part of the topic.
  EXPECT_EQ(indirect_texts(run("The senator pushed for a vote on the bill.")),
            Texts{"a vote on the bill"});
  EXPECT_EQ(indirect_texts(run("Jane Roe views the deal as a mistake.")),
            Texts{"the deal as a mistake"});
  EXPECT_EQ(indirect_texts(run("Jane Roe allowed that the plan had flaws.")),
            Texts{"that the plan had flaws"});
}

TEST(ReportedVerbs, UrgedReportsAnInfinitive) {
  Document doc = run("The mayor urged residents to stay indoors.");
  EXPECT_EQ(indirect_texts(doc), Texts{"to stay indoors"});
  EXPECT_EQ(speaker_of(doc, "to stay"), "mayor");
}

TEST(ReportedVerbs, MadeClearReportsAClause) {
  Document doc = run("Jane Roe made clear that she would not run again.");
  EXPECT_EQ(indirect_texts(doc), Texts{"that she would not run again"});
  EXPECT_EQ(speaker_of(doc, "that she would"), "Jane Roe");
}

TEST(ReportedVerbs, ComparedDeemedThankedReportTheirObjects) {
  EXPECT_EQ(indirect_texts(run("Jane Roe compared the plan to a tax hike.")),
            Texts{"the plan to a tax hike"});
  EXPECT_EQ(indirect_texts(run("Jane Roe deemed the deal a failure.")),
            Texts{"the deal a failure"});
  EXPECT_EQ(indirect_texts(run("Jane Roe thanked voters for their support.")),
            Texts{"voters for their support"});
  EXPECT_EQ(indirect_texts(run("Thanks to the rain, turnout fell.")), Texts{});
}

TEST(ReportedVerbs, RespondedReportsAClauseButNotAnObject) {
  Document doc = run("Jane Roe responded that the plan was fair.");
  EXPECT_EQ(indirect_texts(doc), Texts{"that the plan was fair"});
  EXPECT_EQ(speaker_of(doc, "that the plan"), "Jane Roe");
  // "responded to A" reports its topic A (reported_topic_verbs,
  // reported_verbs.tsv).
  EXPECT_EQ(indirect_texts(run("Jane Roe responded to the charge.")),
            Texts{"the charge"});
}

TEST(ReportedVerbs, LookalikesWithoutASourceReportNothing) {
  for (const char* text :
       {"Shares of the company fell on Tuesday.",
        "The order was signed on Friday.", "The list was long.",
        "The data show a rise in turnout.", "The support staff left early.",
        "It was a show of force.", "The offer expired on Monday."}) {
    EXPECT_EQ(indirect_texts(run(text)), Texts{}) << text;
  }
}

}  // namespace
