// The learned layer (cpp/src/model): model files, training, and the
// pipeline hook that judges the rules' reported speech.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cues.h"
#include "model/apply_model.h"
#include "model/choose_source.h"
#include "model/feature_text.h"
#include "model/linear_model.h"
#include "model/perceptron_trainer.h"
#include "model/phrase_sources.h"
#include "model/pos_tagger.h"
#include "model/propose_cues.h"
#include "model/propose_reports.h"
#include "model/report_examples.h"
#include "model/report_features.h"
#include "pipeline.h"
#include "quotelink/error.h"
#include "quotelink/quotelink.h"
#include "quotes.h"

namespace {

using quotelink::Config;
using quotelink::Document;
using quotelink::Extractor;
using quotelink::QuoteKind;
using quotelink::detail::LinearClassifier;
using quotelink::detail::LinearModel;
using quotelink::detail::PerceptronOptions;
using quotelink::detail::TrainingExample;

// A classifier of 2^4 weights all equal to `weight`, threshold 0.
LinearClassifier constant_classifier(std::string name, std::int16_t weight) {
  LinearClassifier c;
  c.name = std::move(name);
  c.bits = 4;
  c.weights.assign(16, weight);
  return c;
}

std::string expect_parse_error(const std::string& bytes) {
  try {
    LinearModel::parse(bytes);
  } catch (const quotelink::error& e) {
    return e.what();
  }
  ADD_FAILURE() << "parse accepted a bad model file";
  return "";
}

const char* kReports =
    "Jane Roe said the plan would cut taxes. \"We won,\" John Doe said.\n";

Document rules_only(const std::string& text) {
  Config config;
  config.model = false;
  return Extractor(config).extract(text);
}

TEST(Model, SerializeParseRoundTrip) {
  LinearModel model;
  LinearClassifier c = constant_classifier("accept_report", 0);
  c.weights[3] = -7;
  c.weights[15] = 32767;
  c.scale = 0.25f;
  c.threshold = -1.5f;
  model.classifiers.push_back(c);
  const LinearModel back = LinearModel::parse(model.serialize());
  ASSERT_EQ(back.classifiers.size(), 1u);
  const LinearClassifier& b = back.classifiers[0];
  EXPECT_EQ(b.name, "accept_report");
  EXPECT_EQ(b.bits, 4u);
  EXPECT_EQ(b.scale, 0.25f);
  EXPECT_EQ(b.threshold, -1.5f);
  EXPECT_EQ(b.weights, c.weights);
  EXPECT_EQ(back.find("accept_report"), &back.classifiers[0]);
  EXPECT_EQ(back.find("other"), nullptr);
}

TEST(Model, MalformedFilesAreNamedErrors) {
  EXPECT_NE(expect_parse_error("not a model").find("no QLMODEL1 magic"),
            std::string::npos);
  LinearModel model;
  model.classifiers.push_back(constant_classifier("c", 1));
  const std::string good = model.serialize();
  EXPECT_NE(expect_parse_error(good.substr(0, good.size() - 3))
                .find("truncated: weights"),
            std::string::npos);
  EXPECT_NE(expect_parse_error(good + "x").find("after the last classifier"),
            std::string::npos);
  std::string huge = good;
  huge[8 + 4 + 2 + 1] = 40;  // the bits field of classifier "c"
  EXPECT_NE(expect_parse_error(huge).find("over the limit"), std::string::npos);
}

TEST(Model, HashesArePortableConstants) {
  // FNV-1a of "a" with seed 0: the same on every platform and compiler.
  EXPECT_EQ(quotelink::detail::hash_feature(0, "a"), 0xe40c292cu);
}

TEST(Perceptron, LearnsASeparableProblemDeterministically) {
  // Feature 1 marks positives, feature 2 negatives; feature 0 is a bias.
  std::vector<TrainingExample> examples;
  for (int i = 0; i < 20; ++i)
    examples.push_back({{0u, i % 2 ? 1u : 2u}, i % 2 == 1});
  PerceptronOptions options;
  options.bits = 6;
  const LinearClassifier c =
      quotelink::detail::train_perceptron("toy", examples, options);
  EXPECT_TRUE(c.decide({0u, 1u}));
  EXPECT_FALSE(c.decide({0u, 2u}));
  const LinearClassifier again =
      quotelink::detail::train_perceptron("toy", examples, options);
  EXPECT_EQ(c.weights, again.weights);
  EXPECT_EQ(c.scale, again.scale);
}

TEST(Perceptron, BadOptionsAreErrors) {
  PerceptronOptions options;
  options.bits = 30;
  EXPECT_THROW(quotelink::detail::train_perceptron("x", {}, options),
               quotelink::error);
  options.bits = 4;
  options.epochs = 0;
  EXPECT_THROW(quotelink::detail::train_perceptron("x", {}, options),
               quotelink::error);
}

// The rules' records of `text` with the layout apply_model receives.
struct RulesOutput {
  Document doc;
  quotelink::detail::TextLayout layout;
};

RulesOutput rules_output(const std::string& text) {
  Config config;
  config.model = false;
  const quotelink::Lexicon lexicon(config);
  RulesOutput out;
  out.doc.text = text;
  out.layout = quotelink::detail::run_rules(out.doc, lexicon);
  return out;
}

// The shipped tagger's tags of `r` (none when the build embeds no tagger).
quotelink::detail::PosTags shipped_tags(const RulesOutput& r) {
  const quotelink::detail::PosTagger* tagger =
      quotelink::detail::shipped_tagger();
  return tagger ? tagger->tag(r.doc.text, r.layout)
                : quotelink::detail::PosTags();
}

TEST(ApplyModel, RejectedReportsGoDirectQuotesStay) {
  RulesOutput r = rules_output(kReports);
  ASSERT_EQ(r.doc.quotes.size(), 2u);
  EXPECT_EQ(r.doc.quotes[0].kind, QuoteKind::indirect);
  LinearModel reject;
  reject.classifiers.push_back(constant_classifier("accept_report", -1));
  quotelink::detail::apply_model(r.doc, r.layout, reject);
  ASSERT_EQ(r.doc.quotes.size(), 1u);
  EXPECT_EQ(r.doc.quotes[0].kind, QuoteKind::direct);
  EXPECT_EQ(r.doc.quotes[0].sieve.name().find("+model"), std::string::npos);
}

TEST(ApplyModel, AcceptedReportsSayTheModelAccepted) {
  RulesOutput r = rules_output(kReports);
  const std::string rule(r.doc.quotes[0].sieve.name());
  LinearModel accept;
  accept.classifiers.push_back(constant_classifier("accept_report", 1));
  quotelink::detail::apply_model(r.doc, r.layout, accept);
  ASSERT_EQ(r.doc.quotes.size(), 2u);
  EXPECT_EQ(r.doc.quotes[0].sieve, rule + "+model");
  EXPECT_EQ(rule, "reported_after");
}

TEST(ApplyModel, ScoresOfTheKeptRecordsForCalibration) {
  RulesOutput r = rules_output(kReports);
  ASSERT_EQ(r.doc.quotes.size(), 2u);
  LinearModel accept;
  accept.classifiers.push_back(constant_classifier("accept_report", 1));
  const double expected = accept.classifiers[0].score(
      quotelink::detail::report_features(r.doc, r.layout, 0));
  std::vector<double> scores;
  quotelink::detail::apply_model(r.doc, r.layout, accept, &scores);
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0], expected);      // the indirect record, judged
  EXPECT_TRUE(std::isnan(scores[1]));  // the direct one is not judged
  LinearModel reject;
  reject.classifiers.push_back(constant_classifier("accept_report", -1));
  r = rules_output(kReports);
  quotelink::detail::apply_model(r.doc, r.layout, reject, &scores);
  ASSERT_EQ(scores.size(), 1u);  // one per kept record
  EXPECT_TRUE(std::isnan(scores[0]));
}

TEST(ApplyModel, AModelWithoutTheClassifierChangesNothing) {
  RulesOutput r = rules_output(kReports);
  LinearModel other;
  other.classifiers.push_back(constant_classifier("something_else", -1));
  quotelink::detail::apply_model(r.doc, r.layout, other);
  ASSERT_EQ(r.doc.quotes.size(), 2u);
  EXPECT_EQ(r.doc.quotes[0].sieve, "reported_after");
}

TEST(ApplyModel, FeaturesDependOnTheCueWord) {
  RulesOutput said = rules_output("Jane Roe said the plan would cut taxes.\n");
  RulesOutput argued =
      rules_output("Jane Roe argued the plan would cut taxes.\n");
  ASSERT_EQ(said.doc.quotes.size(), 1u);
  ASSERT_EQ(argued.doc.quotes.size(), 1u);
  EXPECT_NE(quotelink::detail::report_features(said.doc, said.layout, 0),
            quotelink::detail::report_features(argued.doc, argued.layout, 0));
}

// A report whose subject stands before an earlier verb: the rules give it
// no source; "Jane Roe" is its one candidate ("the plan" is content).
const char* kSourceless =
    "Jane Roe visited the plant on Monday, then said the plan would cut "
    "taxes for farmers.\n";

TEST(ChooseSource, CandidatesAreTheCueSentencesMentionsOutsideTheContent) {
  RulesOutput r = rules_output(kSourceless);
  ASSERT_EQ(r.doc.quotes.size(), 1u);
  ASSERT_EQ(r.doc.quotes[0].mention, -1);
  const std::vector<int> candidates =
      quotelink::detail::source_candidates(r.doc, r.layout, 0);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(r.doc.slice(r.doc.mentions[candidates[0]].span), "Jane Roe");
  // A record with a source: its own mention is among them; a direct
  // quotation has none.
  RulesOutput sourced = rules_output(kReports);
  const std::vector<int> own =
      quotelink::detail::source_candidates(sourced.doc, sourced.layout, 0);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0], sourced.doc.quotes[0].mention);
  EXPECT_TRUE(
      quotelink::detail::source_candidates(sourced.doc, sourced.layout, 1)
          .empty());
  // Looking only at the mentions starting in the sentence finds the same.
  const char* two =
      "John Doe left. Later Jane Roe said the plan would cut taxes.\n";
  RulesOutput r2 = rules_output(two);
  const std::vector<int> by_start =
      quotelink::detail::mentions_by_start(r2.doc);
  ASSERT_EQ(by_start.size(), r2.doc.mentions.size());
  std::vector<int> reused = {99};  // in place: what it held goes
  ASSERT_FALSE(r2.doc.quotes.empty());
  for (std::size_t q = 0; q < r2.doc.quotes.size(); ++q) {
    EXPECT_EQ(
        quotelink::detail::source_candidates(r2.doc, r2.layout, q),
        quotelink::detail::source_candidates(r2.doc, r2.layout, q, &by_start));
    quotelink::detail::source_candidates(r2.doc, r2.layout, q, &by_start,
                                         reused);
    EXPECT_EQ(reused,
              quotelink::detail::source_candidates(r2.doc, r2.layout, q));
  }
}

TEST(ChooseSource, CandidatesStayWithinTheClauseBoundOfTheCue) {
  // One sentence of about 2,000 tokens (no full stop) and 400 mentions:
  // only those within kMaxClauseTokens of the cue are candidates.
  std::string text = "Jane Roe visited";
  for (int i = 0; i < 400; ++i) text += ", and John Doe";
  text += ", then said the plan would cut taxes.\n";
  RulesOutput r = rules_output(text);
  std::size_t q = 0;
  while (q < r.doc.quotes.size() && r.doc.slice(r.doc.quotes[q].cue) != "said")
    ++q;
  ASSERT_LT(q, r.doc.quotes.size());
  const int cue =
      quotelink::detail::first_token_from(r.layout, r.doc.quotes[q].cue.begin);
  const std::vector<int> candidates =
      quotelink::detail::source_candidates(r.doc, r.layout, q);
  ASSERT_FALSE(candidates.empty());
  EXPECT_LT(candidates.size(), 100u);
  for (int m : candidates) {
    const int first = quotelink::detail::first_token_from(
        r.layout, r.doc.mentions[m].span.begin);
    if (m != r.doc.quotes[q].mention)
      EXPECT_GE(first, cue - quotelink::detail::kMaxClauseTokens);
  }
}

TEST(ChooseSource, TheBestCandidateOverTheThresholdBecomesTheSource) {
  RulesOutput r = rules_output(kSourceless);
  LinearModel choose;
  choose.classifiers.push_back(constant_classifier("choose_source", 1));
  quotelink::detail::choose_sources(r.doc, r.layout, choose);
  const quotelink::Quote& quote = r.doc.quotes[0];
  ASSERT_GE(quote.mention, 0);
  EXPECT_EQ(r.doc.slice(r.doc.mentions[quote.mention].span), "Jane Roe");
  EXPECT_EQ(quote.speaker, r.doc.mentions[quote.mention].entity);
  EXPECT_EQ(quote.sieve, "reported_after+source");
  // Under the threshold, or without the classifier, nothing changes.
  for (std::int16_t weight : {-1, 1}) {
    RulesOutput kept = rules_output(kSourceless);
    LinearModel model;
    model.classifiers.push_back(constant_classifier(
        weight < 0 ? "choose_source" : "accept_report", weight));
    quotelink::detail::choose_sources(kept.doc, kept.layout, model);
    EXPECT_EQ(kept.doc.quotes[0].mention, -1);
    EXPECT_EQ(kept.doc.quotes[0].sieve, "reported_after");
  }
}

TEST(ChooseSource, ReviseReplacesTheRulesChoiceOnlyByTheMargin) {
  const char* text =
      "After meeting John Doe, Jane Roe said the plan would cut taxes.\n";
  for (float margin : {0.0f, 1.0f}) {
    RulesOutput r = rules_output(text);
    ASSERT_EQ(r.doc.quotes.size(), 1u);
    ASSERT_EQ(r.doc.slice(r.doc.mentions[r.doc.quotes[0].mention].span),
              "Jane Roe");
    // Every candidate scores alike: John Doe beats the rules' choice by 0.
    LinearModel revise;
    revise.classifiers.push_back(constant_classifier("revise_source", 1));
    revise.classifiers[0].threshold = margin;
    quotelink::detail::choose_sources(r.doc, r.layout, revise);
    const quotelink::Quote& quote = r.doc.quotes[0];
    EXPECT_EQ(r.doc.slice(r.doc.mentions[quote.mention].span),
              margin > 0 ? "Jane Roe" : "John Doe");
    EXPECT_EQ(quote.sieve,
              margin > 0 ? "reported_after" : "reported_after+source");
  }
}

TEST(ChooseSource, ExamplesAreThoseThePipelineScores) {
  const quotelink::detail::ReportExampleFinder finder;
  const auto examples = finder.source_examples(kSourceless);
  ASSERT_EQ(examples.size(), 1u);
  EXPECT_EQ(examples[0].mention_start, 0u);
  EXPECT_EQ(examples[0].mention_end, 8u);  // "Jane Roe", code points
  RulesOutput r = rules_output(kSourceless);
  const quotelink::detail::PosTags tags = shipped_tags(r);
  EXPECT_EQ(examples[0].features,
            quotelink::detail::source_features(r.doc, r.layout, 0, 0, &tags));
}

TEST(ShippedModel, LoadsAndJudgesReports) {
  const LinearModel& model = quotelink::detail::shipped_model();
  const LinearClassifier* accept = model.find(quotelink::detail::kAcceptReport);
  ASSERT_NE(accept, nullptr);
  EXPECT_GE(accept->bits, 10u);
  // It also chooses sources: the cross-validation kept both source
  // classifiers.
  EXPECT_NE(model.find(quotelink::detail::kChooseSource), nullptr);
  EXPECT_NE(model.find(quotelink::detail::kReviseSource), nullptr);
  // And proposes the reports the rules miss, behind its gate.
  EXPECT_NE(model.find(quotelink::detail::kProposeReport), nullptr);
  EXPECT_NE(model.find(quotelink::detail::kProposeReportGate), nullptr);
  // The default pipeline runs it; Config::model = false does not.
  const Document with_model = quotelink::extract(kReports);
  const Document rules = rules_only(kReports);
  ASSERT_EQ(with_model.quotes.size(), 2u);
  EXPECT_EQ(with_model.quotes[0].sieve, "reported_after+model");
  EXPECT_EQ(rules.quotes[0].sieve, "reported_after");
}

TEST(ReportExamples, FeaturesAreThoseThePipelineSees) {
  const quotelink::detail::ReportExampleFinder finder;
  const std::vector<quotelink::detail::ReportExample> examples =
      finder.examples(kReports);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].kind, QuoteKind::indirect);
  EXPECT_EQ(examples[0].sieve, "reported_after");
  EXPECT_EQ(examples[0].start, 14u);  // "the plan ...", code points
  RulesOutput r = rules_output(kReports);
  // The finder reads the shipped tagger's tags, as the pipeline does.
  const quotelink::detail::PosTags tags = shipped_tags(r);
  EXPECT_EQ(examples[0].features,
            quotelink::detail::report_features(r.doc, r.layout, 0, &tags));
  EXPECT_THROW(finder.examples("bad \xC3("), quotelink::error);
}

TEST(ProposeCues, OnlyLowerCaseWordsOutsideMarksAndLexiconCues) {
  const std::string text = "Jane Roe said \"we quibbled\" and then quibbled.";
  Config config;
  config.model = false;
  const quotelink::Lexicon lexicon(config);
  const quotelink::detail::TextLayout layout =
      quotelink::detail::analyse_text(text, lexicon.text);
  const std::vector<quotelink::Quote> quotes =
      quotelink::detail::find_quotes(text, layout);
  const quotelink::detail::TokenLayer tokens(text, layout, quotes,
                                             lexicon.vocabulary);
  const std::vector<int> quote_of = tokens.quote_of_tokens();
  const std::vector<quotelink::detail::Cue> known =
      quotelink::detail::find_cues(tokens, layout,
                                   lexicon.speakers.cue_lexicon);
  LinearModel all;
  all.classifiers.push_back(constant_classifier("propose_cue", 1));
  std::vector<std::string> words;
  std::vector<quotelink::detail::VerbForm> forms;
  for (const quotelink::detail::Cue& cue : quotelink::detail::propose_cues(
           text, layout, quote_of, known, {}, all)) {
    words.push_back(cue.lemma);
    forms.push_back(cue.form);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"and", "then", "quibbled"}));
  EXPECT_EQ(forms.back(), quotelink::detail::VerbForm::past);
  LinearModel none;
  none.classifiers.push_back(constant_classifier("propose_cue", -1));
  EXPECT_TRUE(
      quotelink::detail::propose_cues(text, layout, quote_of, known, {}, none)
          .empty());
}

// The pipeline with `model` finds one record in `text`: this content, rule
// and speaker.
void expect_one_record(const LinearModel& model, const std::string& text,
                       const std::string& content, const std::string& sieve,
                       const std::string& speaker) {
  const quotelink::detail::ModelRunner runner(model);
  const Document doc = runner.extract(text);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), content);
  EXPECT_EQ(doc.quotes[0].sieve, sieve);
  ASSERT_GE(doc.quotes[0].speaker, 0);
  EXPECT_EQ(doc.entities[doc.quotes[0].speaker].name, speaker);
}

TEST(ProposeCues, AProposedCueGetsTheRulesClause) {
  const std::string text = "Jane Roe quibbled that the plan was unfair.\n";
  EXPECT_TRUE(rules_only(text).quotes.empty());  // in no lexicon
  LinearModel model;
  LinearClassifier propose = constant_classifier("propose_cue", -1);
  propose.bits = 16;
  propose.weights.assign(std::size_t{1} << 16, -1);
  // Accept only "quibbled": its word feature (template 2) weighs enough.
  propose.weights[quotelink::detail::hash_feature(2 * 0x85ebca6bu, "quibbled") &
                  0xffff] = 100;
  model.classifiers.push_back(propose);
  expect_one_record(model, text, "that the plan was unfair", "reported_after",
                    "Jane Roe");
}

// Reported speech the rules miss: "cheered" is in no lexicon.
const char* kMissed =
    "Jane Roe said the plan would cut taxes. Officials cheered the protests "
    "for being peaceful, and left.\n";

std::vector<std::string> candidate_texts(
    const RulesOutput& r, int word,
    const quotelink::detail::PosTags* tags = nullptr) {
  const quotelink::detail::ReportCandidates candidates(r.doc, r.layout, tags);
  std::vector<std::string> out;
  for (const quotelink::detail::ReportCandidate& c : candidates.spans(word))
    out.emplace_back(
        r.doc.slice(quotelink::Span{r.layout.tokens[c.first].span.begin,
                                    r.layout.tokens[c.last].span.end}));
  return out;
}

int token_at(const RulesOutput& r, const std::string& word) {
  return quotelink::detail::first_token_from(r.layout, r.doc.text.find(word));
}

TEST(ProposeReports, FreeWordsLieOutsideRecordsAndCanTakeAContent) {
  RulesOutput r = rules_output(kMissed);
  ASSERT_EQ(r.doc.quotes.size(), 1u);  // "the plan would cut taxes"
  const quotelink::detail::ReportCandidates candidates(r.doc, r.layout);
  std::vector<std::string> words;
  for (int t : candidates.words())
    words.emplace_back(r.doc.slice(r.layout.tokens[t].span));
  // Not "said" (a cue), not the record's words, not "Officials" (upper
  // case), not "peaceful" (a comma follows) nor "left" (the sentence ends).
  EXPECT_EQ(words, (std::vector<std::string>{"cheered", "the", "protests",
                                             "for", "being", "and"}));
  // Up to the sentence's end, and up to the first comma.
  EXPECT_EQ(
      candidate_texts(r, token_at(r, "cheered")),
      (std::vector<std::string>{"the protests for being peaceful, and left",
                                "the protests for being peaceful"}));
  EXPECT_EQ(candidate_texts(r, token_at(r, "and")),
            (std::vector<std::string>{"left"}));
}

// Tags given by hand, one per token ("_" for punctuation), so that the
// phrase candidates do not depend on the shipped tagger.
quotelink::detail::PosTags hand_tags(const RulesOutput& r,
                                     const std::vector<std::uint8_t>& tags) {
  EXPECT_EQ(tags.size(), r.layout.tokens.size());
  return tags;
}

using namespace quotelink::detail;  // NOLINT: the tag classes

TEST(ProposeReports, WithTagsTheNounPhraseAfterAVerbIsACandidate) {
  RulesOutput r = rules_output(
      "Officials cheered the protests for being peaceful and "
      "left the city.\n");
  const PosTags tags = hand_tags(
      r, {kPosNoun, kPosVerbFin, kPosDet, kPosNoun, kPosAdp, kPosVerbIng,
          kPosAdj, kPosConj, kPosVerbFin, kPosDet, kPosNoun, kPosPunct});
  const int cheered = token_at(r, "cheered");
  EXPECT_EQ(candidate_texts(r, cheered, &tags),
            (std::vector<std::string>{
                "the protests for being peaceful and left the city",
                "the protests for being peaceful"}));
  // Without tags, only the clause.
  EXPECT_EQ(candidate_texts(r, cheered),
            (std::vector<std::string>{
                "the protests for being peaceful and left the city"}));
  // The phrase candidate says how it ends.
  const ReportCandidates candidates(r.doc, r.layout, &tags);
  EXPECT_EQ(candidates.spans(cheered).back().end_kind, 3);
  // In place of an array's contents, the same candidates.
  std::vector<quotelink::detail::ReportCandidate> reused(3);
  candidates.spans(cheered, reused);
  ASSERT_EQ(reused.size(), candidates.spans(cheered).size());
  for (std::size_t i = 0; i < reused.size(); ++i)
    EXPECT_EQ(reused[i].last, candidates.spans(cheered)[i].last);
}

TEST(ChooseSource, APronounDeterminingANounIsNoSourceOfAVerbCue) {
  // (an unresolved pronoun is no mention of the document: "Lavrov" first)
  RulesOutput r = rules_output(
      "Sergei Lavrov spoke on Monday. His comments came as Pyongyang "
      "threatened a new test.\n");
  ASSERT_EQ(r.doc.quotes.size(), 1u);
  const PosTags tags = hand_tags(
      r, {kPosPropn, kPosPropn, kPosVerbFin, kPosAdp, kPosPropn, kPosPunct,
          kPosPron, kPosNoun, kPosVerbFin, kPosAdp, kPosPropn, kPosVerbFin,
          kPosDet, kPosAdj, kPosNoun, kPosPunct});
  int his = -1, pyongyang = -1;
  for (std::size_t m = 0; m < r.doc.mentions.size(); ++m) {
    const std::string_view words = r.doc.slice(r.doc.mentions[m].span);
    if (words == "His") his = static_cast<int>(m);
    if (words == "Pyongyang") pyongyang = static_cast<int>(m);
  }
  ASSERT_GE(his, 0);
  ASSERT_GE(pyongyang, 0);
  const std::vector<int> all =
      quotelink::detail::source_candidates(r.doc, r.layout, 0);
  EXPECT_NE(std::find(all.begin(), all.end(), his), all.end());
  EXPECT_TRUE(quotelink::detail::determiner_pronoun_of_verb_cue(r.doc, r.layout,
                                                                tags, 0, his));
  EXPECT_FALSE(quotelink::detail::determiner_pronoun_of_verb_cue(
      r.doc, r.layout, tags, 0, pyongyang));
  // Before a noun cue ("his criticism") the pronoun may be the source.
  PosTags noun_cue = tags;
  noun_cue[11] = kPosNoun;  // "threatened"
  EXPECT_FALSE(quotelink::detail::determiner_pronoun_of_verb_cue(
      r.doc, r.layout, noun_cue, 0, his));
}

TEST(ProposeReports, WithTagsANounCueTakesItsOfAndToComplement) {
  RulesOutput r =
      rules_output("His anger at the plan to build a new wall drew a crowd.\n");
  ASSERT_TRUE(r.doc.quotes.empty());
  const PosTags tags =
      hand_tags(r, {kPosPron, kPosNoun, kPosAdp, kPosDet, kPosNoun, kPosTo,
                    kPosVerbBase, kPosDet, kPosAdj, kPosNoun, kPosVerbFin,
                    kPosDet, kPosNoun, kPosPunct});
  EXPECT_EQ(
      candidate_texts(r, token_at(r, "anger"), &tags),
      (std::vector<std::string>{"at the plan to build a new wall drew a crowd",
                                "at the plan to build a new wall"}));
  // A noun without a complement and an adjective take no phrase
  // candidate; a phrase as long as the clause is not a second one.
  EXPECT_EQ(candidate_texts(r, token_at(r, "wall"), &tags),
            (std::vector<std::string>{"drew a crowd"}));
  EXPECT_EQ(candidate_texts(r, token_at(r, "new"), &tags),
            (std::vector<std::string>{"wall drew a crowd"}));
  EXPECT_EQ(candidate_texts(r, token_at(r, "drew"), &tags),
            (std::vector<std::string>{"a crowd"}));
}

TEST(ProposeReports, ProposedSourceExamplesCountThePhraseCandidates) {
  const std::string text =
      "Jane Roe cheered the protests for being peaceful and left.\n";
  const ReportExampleFinder finder;
  const auto examples = finder.report_candidates(text);
  ASSERT_FALSE(examples.empty());
  // Every candidate's index names the same content there (Jane Roe is a
  // source candidate of each).
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const auto sources = finder.proposed_source_examples(text, {i});
    ASSERT_FALSE(sources.empty()) << i;
    EXPECT_EQ(sources[0].start, examples[i].start) << i;
    EXPECT_EQ(sources[0].end, examples[i].end) << i;
  }
}

TEST(ProposeReports, AContentIsAtMostTheClauseBoundLong) {
  std::string text = "Officials cheered";
  for (int i = 0; i < 700; ++i) text += " the protests and";
  text += " left.\n";
  RulesOutput r = rules_output(text);
  const quotelink::detail::ReportCandidates candidates(r.doc, r.layout);
  const int cheered = token_at(r, "cheered");
  const std::vector<quotelink::detail::ReportCandidate> spans =
      candidates.spans(cheered);
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans[0].first, cheered + 1);
  EXPECT_LE(spans[0].last - spans[0].first + 1,
            quotelink::detail::kMaxClauseTokens);
}

TEST(ProposeReports, ACandidateStopsAtARecordsWords) {
  const std::string text =
      "Officials cheered the protests and Jane Roe said the plan would cut "
      "taxes.\n";
  RulesOutput r = rules_output(text);
  ASSERT_EQ(r.doc.quotes.size(), 1u);
  const std::vector<std::string> spans =
      candidate_texts(r, token_at(r, "cheered"));
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans[0].find("said"), std::string::npos);
  EXPECT_EQ(spans[0].rfind("the protests", 0), 0u);
}

// A model that accepts (weight 1) or rejects (-1) everything, gate and
// classifier alike.
LinearModel report_model(std::int16_t gate, std::int16_t propose) {
  LinearModel m;
  m.classifiers.push_back(constant_classifier("propose_report_gate", gate));
  m.classifiers.push_back(constant_classifier("propose_report", propose));
  return m;
}

TEST(ProposeReports, TheBestCandidatesBecomeRecordsWithoutOverlap) {
  RulesOutput r = rules_output(kMissed);
  std::vector<double> scores = {1.5};
  quotelink::detail::propose_reports(r.doc, r.layout, report_model(1, 1),
                                     &scores);
  // Every candidate scores alike: the first word's first (longest) content
  // wins, and the words inside it are taken.
  ASSERT_EQ(r.doc.quotes.size(), 2u);
  const quotelink::Quote& q = r.doc.quotes[1];
  EXPECT_EQ(q.kind, QuoteKind::indirect);
  EXPECT_EQ(r.doc.text_of(q), "the protests for being peaceful, and left");
  ASSERT_TRUE(q.has_cue());
  EXPECT_EQ(r.doc.slice(q.cue), "cheered");
  EXPECT_EQ(q.sieve, "model_cue");
  EXPECT_EQ(q.mention, -1);
  EXPECT_EQ(q.sentence, r.layout.tokens[token_at(r, "cheered")].sentence);
  // The rules' record keeps its score; the new one is not judged.
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0], 1.5);
  EXPECT_TRUE(std::isnan(scores[1]));
}

TEST(ProposeReports, TheGateAndTheThresholdDecide) {
  for (const LinearModel& model :
       {report_model(-1, 1), report_model(1, -1), LinearModel{}}) {
    RulesOutput r = rules_output(kMissed);
    quotelink::detail::propose_reports(r.doc, r.layout, model, nullptr);
    EXPECT_EQ(r.doc.quotes.size(), 1u);
  }
}

TEST(ProposeReports, ExamplesAreThoseThePipelineScores) {
  const quotelink::detail::ReportExampleFinder finder;
  const auto examples = finder.report_candidates(kMissed);
  RulesOutput r = rules_output(kMissed);
  const quotelink::detail::PosTags tags = shipped_tags(r);
  const quotelink::detail::ReportCandidates candidates(r.doc, r.layout, &tags);
  std::size_t i = 0;
  for (int t : candidates.words())
    for (const quotelink::detail::ReportCandidate& c : candidates.spans(t)) {
      ASSERT_LT(i, examples.size());
      std::vector<std::uint32_t> features;
      candidates.word_features(t, features);
      EXPECT_EQ(examples[i].word_features, features.size());
      candidates.span_features(c, features);
      EXPECT_EQ(examples[i].features, features);
      ++i;
    }
  EXPECT_EQ(i, examples.size());
  // "cheered" and its first content, in code points.
  const std::string text = kMissed;
  EXPECT_EQ(examples[0].cue_start, text.find("cheered"));
  EXPECT_EQ(examples[0].start, text.find("the protests"));
  EXPECT_EQ(examples[0].end, text.find(".\n", 50));
  // Features of the word differ with its neighbours; of the span with its
  // end.
  EXPECT_NE(examples[0].features, examples[1].features);
}

TEST(ProposeReports, AProposedRecordGetsItsSourceFromChooseSource) {
  const std::string text = "Jane Roe cheered the protests on Monday.\n";
  const quotelink::detail::ReportExampleFinder finder;
  const auto sources = finder.proposed_source_examples(text, {0});
  ASSERT_EQ(sources.size(), 1u);  // Jane Roe
  EXPECT_EQ(sources[0].mention_start, 0u);
  EXPECT_EQ(sources[0].mention_end, 8u);
  EXPECT_FALSE(sources[0].sourced);
  EXPECT_THROW(finder.proposed_source_examples(text, {999}), quotelink::error);
  // In the pipeline: proposed, then given a source.
  LinearModel model = report_model(1, 1);
  model.classifiers.push_back(constant_classifier("choose_source", 1));
  expect_one_record(model, text, "the protests on Monday", "model_cue+source",
                    "Jane Roe");
}

}  // namespace

TEST(PhraseSources, TheSubjectPhraseEndsBeforeTheCueItsAdverbsAndAuxiliaries) {
  RulesOutput r =
      rules_output("Many angry farmers have long said the plan would fail.\n");
  const PosTags tags = hand_tags(
      r, {kPosAdj, kPosAdj, kPosNoun, kPosVerbFin, kPosAdv, kPosVerbPart,
          kPosDet, kPosNoun, kPosVerbFin, kPosVerbBase, kPosPunct});
  const auto text = [&](TokenRange range) {
    return range.first < 0 ? std::string("-")
                           : std::string(r.doc.slice(quotelink::Span{
                                 r.layout.tokens[range.first].span.begin,
                                 r.layout.tokens[range.last].span.end}));
  };
  EXPECT_EQ(text(subject_phrase(r.layout, tags, token_at(r, "said"))),
            "Many angry farmers");
  // A finite cue skips no auxiliary: "have" is no phrase word.
  PosTags finite = tags;
  finite[token_at(r, "said")] = kPosVerbFin;
  EXPECT_EQ(text(subject_phrase(r.layout, finite, token_at(r, "said"))), "-");
  // Nothing before the sentence's first word.
  EXPECT_EQ(text(subject_phrase(r.layout, tags, 0)), "-");
}

TEST(PhraseSources, AChosenPhraseBecomesAMentionTheOthersAreDropped) {
  const std::string text =
      "The other said the plan would fail. Jane Roe left.\n";
  const auto tagged = [](const RulesOutput& r) {
    return hand_tags(r, {kPosDet, kPosAdj, kPosVerbFin, kPosDet, kPosNoun,
                         kPosVerbFin, kPosVerbBase, kPosPunct, kPosPropn,
                         kPosPropn, kPosVerbFin, kPosPunct});
  };
  for (std::int16_t weight : {1, -1}) {
    RulesOutput r = rules_output(text);
    ASSERT_EQ(r.doc.quotes.size(), 1u);
    ASSERT_EQ(r.doc.quotes[0].mention, -1);
    const std::size_t mentions = r.doc.mentions.size();
    const PosTags tags = tagged(r);
    LinearModel model;
    model.classifiers.push_back(constant_classifier("choose_source", weight));
    choose_sources(r.doc, r.layout, model, &tags);
    const quotelink::Quote& quote = r.doc.quotes[0];
    if (weight < 0) {
      // Not chosen: no mention is left behind.
      EXPECT_EQ(quote.mention, -1);
      EXPECT_EQ(r.doc.mentions.size(), mentions);
      continue;
    }
    ASSERT_GE(quote.mention, 0);
    EXPECT_EQ(r.doc.slice(r.doc.mentions[quote.mention].span), "The other");
    EXPECT_EQ(r.doc.mentions[quote.mention].kind, quotelink::MentionKind::role);
    EXPECT_EQ(quote.speaker, -1);
    EXPECT_EQ(quote.sieve, "reported_after+source");
    // In text order among the rules' mentions.
    ASSERT_EQ(r.doc.mentions.size(), mentions + 1);
    for (std::size_t m = 1; m < r.doc.mentions.size(); ++m)
      EXPECT_LE(r.doc.mentions[m - 1].span.begin, r.doc.mentions[m].span.begin);
  }
}

TEST(PhraseSources, ExamplesHoldThePhraseAsThePipelineScoresIt) {
  // No mention covers "The other".
  const std::string text = "The other said the plan would fail.\n";
  RulesOutput r = rules_output(text);
  const PosTags tags = shipped_tags(r);
  if (tags.empty()) GTEST_SKIP() << "no shipped tagger";
  const int first = add_phrase_mentions(r.doc, r.layout, tags);
  ASSERT_EQ(r.doc.mentions.size(), static_cast<std::size_t>(first) + 1);
  const quotelink::detail::ReportExampleFinder finder;
  const auto examples = finder.source_examples(text);
  ASSERT_EQ(examples.size(), 1u);
  EXPECT_EQ(examples[0].mention_start, 0u);
  EXPECT_EQ(examples[0].mention_end, 9u);  // "The other"
  EXPECT_EQ(examples[0].features,
            source_features(r.doc, r.layout, 0, first, &tags, first));
  // The phrase says it is one.
  EXPECT_NE(examples[0].features,
            source_features(r.doc, r.layout, 0, first, &tags));
}

TEST(ProposeReports, WithTagsAWordWhoseComplementIsAMediumTakesNoContent) {
  const auto statement = [](const std::string& text) {
    RulesOutput r = rules_output(text);
    const PosTags tags =
        hand_tags(r, {kPosDet, kPosNoun, kPosAdp, kPosDet, kPosNoun, kPosNoun,
                      kPosVerbFin, kPosDet, kPosNoun, kPosVerbFin, kPosVerbBase,
                      kPosPunct});
    return std::make_pair(candidate_texts(r, token_at(r, "statement"), &tags),
                          candidate_texts(r, token_at(r, "statement")));
  };
  // "on the ministry website" says where (cpp/data/model/place_words.tsv).
  const auto medium = statement(
      "A statement on the ministry website said the talks would resume.\n");
  EXPECT_TRUE(medium.first.empty());
  EXPECT_EQ(medium.second,
            (std::vector<std::string>{"on the ministry website"}));
  // "on the budget plan" says what.
  const auto topic = statement(
      "A statement on the budget plan said the talks would resume.\n");
  EXPECT_EQ(topic.first, (std::vector<std::string>{"on the budget plan"}));
}

TEST(PhraseSources, ThePhraseAfterTheCueIsACandidateWhenNoContentIsThere) {
  const std::string text =
      "Trump received 37 percent, according to the results.\n";
  RulesOutput r = rules_output(text);
  ASSERT_EQ(r.doc.quotes.size(), 1u);
  ASSERT_EQ(r.doc.quotes[0].mention, -1);
  const PosTags tags =
      hand_tags(r, {kPosPropn, kPosVerbFin, kPosOther, kPosNoun, kPosPunct,
                    kPosVerbIng, kPosTo, kPosDet, kPosNoun, kPosPunct});
  const TokenRange after = object_phrase(r.layout, tags, token_at(r, "to"));
  ASSERT_GE(after.first, 0);
  EXPECT_EQ(r.doc.slice(quotelink::Span{r.layout.tokens[after.first].span.begin,
                                        r.layout.tokens[after.last].span.end}),
            "the results");
  LinearModel model;
  model.classifiers.push_back(constant_classifier("choose_source", 1));
  choose_sources(r.doc, r.layout, model, &tags);
  ASSERT_GE(r.doc.quotes[0].mention, 0);
  EXPECT_EQ(r.doc.slice(r.doc.mentions[r.doc.quotes[0].mention].span),
            "the results");
  // A content right after the cue takes no phrase from it.
  RulesOutput said = rules_output("The other said the plan would fail.\n");
  const PosTags said_tags =
      hand_tags(said, {kPosDet, kPosAdj, kPosVerbFin, kPosDet, kPosNoun,
                       kPosVerbFin, kPosVerbBase, kPosPunct});
  EXPECT_EQ(add_phrase_mention(said.doc, said.layout, said_tags, 0), 1);
}
