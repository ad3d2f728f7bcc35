// Stage 8, relative sources, at the stage's interface: a document with its
// records and mentions as the earlier stages leave them.
#include "relative_sources.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "lexicon.h"
#include "quotelink/quotelink.h"
#include "quotes.h"

namespace {

using namespace quotelink;
using namespace quotelink::detail;

Span span_of(const std::string& text, const std::string& words) {
  const auto at = static_cast<std::uint32_t>(text.find(words));
  return {at, at + static_cast<std::uint32_t>(words.size())};
}

// `text` with one indirect record (content `content`, cue `cue`) and one
// mention `mention` of entity 0; the record names the mention as its source
// when `sourced`.
struct Fixture {
  Document doc;
  Fixture(const std::string& text, const std::string& mention,
          const std::string& cue, const std::string& content, bool sourced) {
    doc.text = text;
    Mention m;
    m.span = span_of(text, mention);
    m.kind = MentionKind::name;
    m.entity = 0;
    m.head = mention;
    doc.mentions.push_back(m);
    Entity e;
    e.name = mention;
    e.type = EntityType::person;
    e.mentions = {0};
    doc.entities.push_back(e);
    Quote q;
    q.kind = QuoteKind::indirect;
    q.span = q.outer = span_of(text, content);
    q.cue = span_of(text, cue);
    q.speaker = sourced ? 0 : -1;
    q.mention = sourced ? 0 : -1;
    doc.quotes.push_back(q);
  }

  // Runs the stage over the document, as the pipeline does.
  void run() {
    static const Vocabulary vocabulary =
        load_vocabulary("en", builtin_pack("en"), {});
    static const TextTables text_tables = TextTables::load({}, vocabulary);
    static const RelativeSourceClasses classes(vocabulary);
    TextLayout layout = analyse_text(doc.text, text_tables);
    const TokenLayer tokens(doc.text, layout, {}, vocabulary);
    mark_relative_sources(doc, layout, tokens, classes);
  }

  std::string mention_of(int quote) const {
    const int m = doc.quotes[quote].mention;
    return m < 0 ? "<none>" : std::string(doc.slice(doc.mentions[m].span));
  }
};

TEST(RelativeSources, ThePronounBecomesTheMentionOfTheRulesSpeaker) {
  Fixture f("Voters met Sanders, who said the plan failed.", "Sanders", "said",
            "the plan failed", true);
  f.run();
  EXPECT_EQ(f.mention_of(0), "who");
  EXPECT_EQ(f.doc.quotes[0].speaker, 0);
  ASSERT_EQ(f.doc.mentions.size(), 2u);
  EXPECT_EQ(f.doc.mentions[1].kind, MentionKind::pronoun);
  EXPECT_EQ(f.doc.mentions[1].entity, 0);
  EXPECT_EQ(f.doc.entities[0].mentions, (std::vector<int>{0, 1}));
}

TEST(RelativeSources, ARecordWithoutASpeakerTakesTheAntecedent) {
  Fixture f("Lawmakers who have long thought she was wrong left.", "Lawmakers",
            "thought", "she was wrong", false);
  f.run();
  EXPECT_EQ(f.mention_of(0), "who");
  EXPECT_EQ(f.doc.quotes[0].speaker, 0);
  EXPECT_EQ(f.doc.entities[0].mentions, (std::vector<int>{0, 1}));
}

TEST(RelativeSources, MentionsStayInTextOrder) {
  // The new mention comes before a later one: indices are renumbered.
  Fixture f("Jane Roe, who said the plan failed, met Bob Poe.", "Jane Roe",
            "said", "the plan failed", true);
  Mention later;
  later.span = span_of(f.doc.text, "Bob Poe");
  later.entity = 1;
  f.doc.mentions.push_back(later);
  Entity poe;
  poe.name = "Bob Poe";
  poe.mentions = {1};
  f.doc.entities.push_back(poe);
  f.run();
  ASSERT_EQ(f.doc.mentions.size(), 3u);
  EXPECT_EQ(f.doc.slice(f.doc.mentions[1].span), "who");
  EXPECT_EQ(f.doc.slice(f.doc.mentions[2].span), "Bob Poe");
  EXPECT_EQ(f.doc.quotes[0].mention, 1);
  EXPECT_EQ(f.doc.entities[0].mentions, (std::vector<int>{0, 1}));
  EXPECT_EQ(f.doc.entities[1].mentions, (std::vector<int>{2}));
}

TEST(RelativeSources, AMentionAfterTheCueGivesWayToTheAntecedent) {
  Fixture f("Lawmakers who said the plan failed met him.", "Lawmakers", "said",
            "the plan failed", false);
  Mention after;
  after.span = span_of(f.doc.text, "him");
  after.kind = MentionKind::pronoun;
  after.entity = 1;
  f.doc.mentions.push_back(after);
  f.doc.entities.push_back(Entity{"him", EntityType::person, {1}});
  f.doc.quotes[0].mention = 1;
  f.doc.quotes[0].speaker = 1;
  f.run();
  EXPECT_EQ(f.mention_of(0), "who");
  EXPECT_EQ(f.doc.quotes[0].speaker, 0);
}

TEST(RelativeSources, TheAntecedentStandsBeforeAParenthetical) {
  Fixture f(
      "It followed a UN inquiry, based on testimony of exiles, that detailed "
      "a network of camps.",
      "a UN inquiry", "detailed", "a network of camps", false);
  f.run();
  EXPECT_EQ(f.mention_of(0), "that");
  EXPECT_EQ(f.doc.quotes[0].speaker, 0);
  // Without the first comma there is no parenthetical to look past.
  Fixture unset(
      "It followed a UN inquiry based on testimony of exiles, that "
      "detailed a network of camps.",
      "a UN inquiry", "detailed", "a network of camps", false);
  unset.run();
  EXPECT_EQ(unset.doc.quotes[0].speaker, -1);
}

TEST(RelativeSources, TheAntecedentStandsBeforeADashParenthetical) {
  Fixture f(
      "They vote on a resolution -- drafted by the EU -- that blasts the "
      "record.",
      "a resolution", "blasts", "the record", false);
  // A mention inside the parenthetical is not the antecedent.
  Mention eu;
  eu.span = span_of(f.doc.text, "the EU");
  eu.kind = MentionKind::organisation;
  eu.entity = 1;
  f.doc.mentions.push_back(eu);
  f.doc.entities.push_back(Entity{});
  f.doc.entities[1].mentions = {1};
  f.run();
  EXPECT_EQ(f.mention_of(0), "that");
  EXPECT_EQ(f.doc.quotes[0].speaker, 0);
}

TEST(RelativeSources, ACoordinatedVerbSharesTheRelativeSubject) {
  const std::string text =
      "The Assembly votes on a resolution that blasts the record and "
      "suggests a referral.";
  Fixture f(text, "a resolution", "blasts", "the record", false);
  // The rules gave the second verb the sentence's subject.
  Mention assembly;
  assembly.span = span_of(text, "The Assembly");
  assembly.kind = MentionKind::organisation;
  assembly.entity = 1;
  f.doc.mentions.insert(f.doc.mentions.begin(), assembly);
  f.doc.entities[0].mentions = {1};
  f.doc.entities.push_back(Entity{});
  f.doc.entities[1].mentions = {0};
  Quote second;
  second.kind = QuoteKind::indirect;
  second.span = second.outer = span_of(text, "a referral");
  second.cue = span_of(text, "suggests");
  second.speaker = 1;
  second.mention = 0;
  f.doc.quotes.push_back(second);
  f.run();
  EXPECT_EQ(f.mention_of(0), "that");
  EXPECT_EQ(f.mention_of(1), "that");
  EXPECT_EQ(f.doc.quotes[1].speaker, 0);
}

TEST(RelativeSources, APassiveOrAWordBetweenKeepsTheRecordAsItWas) {
  Fixture passive("Roe, who was told the plan failed, left.", "Roe", "told",
                  "the plan failed", false);
  passive.run();
  EXPECT_EQ(passive.mention_of(0), "<none>");
  EXPECT_EQ(passive.doc.mentions.size(), 1u);
  Fixture subject("The plan, which Roe said failed, is gone.", "Roe", "said",
                  "failed", true);
  subject.run();
  EXPECT_EQ(subject.mention_of(0), "Roe");
}

// The pipeline runs the stage, with and without the learned layer.
TEST(RelativeSources, ThePipelineRunsTheStage) {
  for (bool model : {true, false}) {
    Config config;
    config.model = model;
    const Document doc = Extractor(config).extract(
        "Voters met Bernie Sanders, who said the plan had failed.");
    ASSERT_EQ(doc.quotes.size(), 1u) << model;
    const Quote& q = doc.quotes[0];
    ASSERT_GE(q.mention, 0) << model;
    EXPECT_EQ(doc.slice(doc.mentions[q.mention].span), "who") << model;
    ASSERT_GE(q.speaker, 0) << model;
    EXPECT_EQ(doc.entities[q.speaker].name, "Bernie Sanders") << model;
  }
}

}  // namespace
