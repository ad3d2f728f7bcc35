// The calibration stage (cpp/src/calibration): the table file, the fit, and
// the stage that turns a record's evidence into its confidence.
#include "calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "quotelink/error.h"
#include "quotelink/quotelink.h"

namespace {

using quotelink::Config;
using quotelink::Document;
using quotelink::Extractor;
using quotelink::Mention;
using quotelink::MentionKind;
using quotelink::Quote;
using quotelink::QuoteKind;
using quotelink::detail::calibrate_confidences;
using quotelink::detail::CalibrationEvidence;
using quotelink::detail::CalibrationFitOptions;
using quotelink::detail::CalibrationTable;
using quotelink::detail::fit_calibration;

CalibrationEvidence evidence(QuoteKind kind, std::string rule,
                             std::string speaker, double score, int words) {
  CalibrationEvidence e;
  e.kind = kind;
  e.rule = std::move(rule);
  e.speaker = std::move(speaker);
  e.judged = !std::isnan(score);
  e.score = e.judged ? score : 0.0;
  e.words = words;
  return e;
}

// Strength 2; every record: 6 of 10 right; direct: 3 of 4.
CalibrationTable small_table() {
  CalibrationTable table;
  table.strength = 2;
  table.score_edges = {-1.0, 2.5};
  table.word_edges = {5};
  table.groups["*"] = {6, 10};
  table.groups["*|kind=direct"] = {3, 4};
  return table;
}

// Strength 3, two score and two word buckets.
CalibrationFitOptions three_two_two() {
  CalibrationFitOptions options;
  options.strength = 3;
  options.score_buckets = 2;
  options.word_buckets = 2;
  return options;
}

quotelink::error parse_error(const std::string& text) {
  try {
    CalibrationTable::parse(text);
  } catch (const quotelink::error& e) {
    return e;
  }
  ADD_FAILURE() << "parse accepted a bad table:\n" << text;
  return quotelink::error("");
}

TEST(CalibrationTable, KeysNestFromEveryRecordToTheWordBucket) {
  const CalibrationTable table = small_table();
  const auto keys = table.keys(
      evidence(QuoteKind::indirect, "reported_after+model", "pronoun", 0.3, 7));
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_EQ(keys[0], "*");
  EXPECT_EQ(keys[1], "*|kind=indirect");
  EXPECT_EQ(keys[2], "*|kind=indirect|rule=reported_after+model");
  EXPECT_EQ(keys[3],
            "*|kind=indirect|rule=reported_after+model|speaker=pronoun");
  EXPECT_EQ(keys[4], keys[3] + "|score=1");  // -1 <= 0.3 < 2.5
  EXPECT_EQ(keys[5], keys[4] + "|words=1");  // 7 >= 5
  // An edge belongs to the bucket above it; unjudged records say so.
  EXPECT_EQ(table.keys(evidence(QuoteKind::indirect, "r", "name", -1.0, 1))[4],
            "*|kind=indirect|rule=r|speaker=name|score=1");
  EXPECT_EQ(table.keys(evidence(QuoteKind::direct, "r", "name", NAN, 1))[4],
            "*|kind=direct|rule=r|speaker=name|score=none");
}

TEST(CalibrationTable, ProbabilityShrinksEachGroupTowardsItsParent) {
  const CalibrationTable table = small_table();
  // Root: (6 + 2 * 1/2) / (10 + 2) = 7/12; direct: (3 + 2 * 7/12) / (4 + 2);
  // the rule's group is missing, so the walk stops there.
  const double root = 7.0 / 12.0;
  EXPECT_DOUBLE_EQ(
      table.probability(evidence(QuoteKind::direct, "trigram", "name", NAN, 3)),
      (3 + 2 * root) / 6.0);
  EXPECT_DOUBLE_EQ(table.probability(
                       evidence(QuoteKind::partial, "trigram", "name", NAN, 3)),
                   root);
}

TEST(CalibrationTable, SerializeParseRoundTrip) {
  const CalibrationTable table = small_table();
  const std::string text = table.serialize();
  EXPECT_NE(text.find("score_edges\t-1.00\t2.50\n"), std::string::npos);
  EXPECT_NE(text.find("group\t*|kind=direct\t3\t4\n"), std::string::npos);
  const CalibrationTable back = CalibrationTable::parse(text);
  EXPECT_EQ(back.serialize(), text);
  EXPECT_EQ(back.strength, 2.0);
  EXPECT_EQ(back.word_edges, std::vector<int>{5});
}

TEST(CalibrationTable, BadFilesNameTheLineAndItsByteOffset) {
  // A comment, the strength, an empty line 3; line 4 starts after them.
  const std::string head = "# c\nstrength\t1\n";
  quotelink::error e = parse_error(head + "\ngroup\t*\t5\tx\n");
  EXPECT_NE(std::string(e.what()).find("line 4"), std::string::npos)
      << e.what();
  EXPECT_NE(std::string(e.what()).find("bad record count 'x'"),
            std::string::npos)
      << e.what();
  EXPECT_EQ(e.byte_offset(), head.size() + 1);
  EXPECT_NE(std::string(parse_error("group\t*\t5\t4\n").what())
                .find("line 1 (byte 0): more right records than records"),
            std::string::npos);
  EXPECT_NE(
      std::string(parse_error("score_edges\t2\t1\ngroup\t*\t0\t0\n").what())
          .find("not ascending"),
      std::string::npos);
  EXPECT_NE(std::string(parse_error("strength\t0\ngroup\t*\t0\t0\n").what())
                .find("strength must be positive"),
            std::string::npos);
  EXPECT_NE(
      std::string(parse_error("weights\t1\n").what()).find("expected strength"),
      std::string::npos);
  EXPECT_NE(std::string(parse_error("group\t*\t0\t0\ngroup\t*\t0\t0\n").what())
                .find("line 2 (byte 12): group '*' listed twice"),
            std::string::npos);
  EXPECT_NE(
      std::string(parse_error("strength\t1\n").what()).find("no group '*'"),
      std::string::npos);
}

TEST(CalibrationFit, CountsEveryGroupOfEveryRecord) {
  const std::vector<CalibrationEvidence> records = {
      evidence(QuoteKind::direct, "trigram", "name", NAN, 4),
      evidence(QuoteKind::direct, "trigram", "name", NAN, 12),
      evidence(QuoteKind::indirect, "reported_after+model", "pronoun", -2.0, 8),
      evidence(QuoteKind::indirect, "reported_after+model", "none", 3.454, 20),
  };
  CalibrationFitOptions options = three_two_two();
  const CalibrationTable table =
      fit_calibration(records, {true, false, true, false}, options);
  EXPECT_EQ(table.strength, 3.0);
  // Median of the judged scores {-2, 3.454}, rounded as the file keeps it;
  // median of the word counts {4, 8, 12, 20}.
  EXPECT_EQ(table.score_edges, std::vector<double>{3.45});
  EXPECT_EQ(table.word_edges, std::vector<int>{12});
  ASSERT_EQ(table.groups.at("*").records, 4u);
  EXPECT_EQ(table.groups.at("*").right, 2u);
  EXPECT_EQ(table.groups.at("*|kind=direct").records, 2u);
  EXPECT_EQ(table.groups
                .at("*|kind=direct|rule=trigram|speaker=name|"
                    "score=none|words=0")
                .right,
            1u);
  EXPECT_EQ(table.groups
                .at("*|kind=indirect|rule=reported_after+model|"
                    "speaker=none|score=1|words=1")
                .records,
            1u);
  // The same records give the same bytes, and the file gives the same table.
  EXPECT_EQ(
      fit_calibration(records, {true, false, true, false}, options).serialize(),
      table.serialize());
  EXPECT_EQ(CalibrationTable::parse(table.serialize()).serialize(),
            table.serialize());
  EXPECT_THROW(fit_calibration(records, {true}, options), quotelink::error);
  options.score_buckets = 0;
  EXPECT_THROW(fit_calibration(records, {true, false, true, false}, options),
               quotelink::error);
}

// A document of two records: a direct quotation by a name, a reported one
// with no source.
Document two_records() {
  Document doc;
  doc.text = "\"We won,\" Roe said. Taxes will fall, it is said.";
  Mention roe;
  roe.kind = MentionKind::name;
  doc.mentions.push_back(roe);
  Quote direct;
  direct.kind = QuoteKind::direct;
  direct.span = {1, 8};  // We won,
  direct.sieve = quotelink::SieveLabel("trigram");
  direct.mention = 0;
  direct.speaker = 0;
  direct.confidence = 0.95;
  Quote reported;
  reported.kind = QuoteKind::indirect;
  reported.span = {20, 35};  // Taxes will fall
  reported.sieve = quotelink::SieveLabel("reported_after+model");
  doc.quotes = {direct, reported};
  return doc;
}

TEST(CalibrationStage, ConfidenceFollowsTheTable) {
  CalibrationTable table = small_table();
  table.groups["*|kind=indirect"] = {1, 8};
  Document doc = two_records();
  std::vector<CalibrationEvidence> seen;
  const quotelink::detail::CalibrationIndex index(table);
  calibrate_confidences(doc, {NAN, 1.5}, &index, &seen);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].speaker, "name");
  EXPECT_FALSE(seen[0].judged);
  EXPECT_EQ(seen[0].words, 2);
  EXPECT_EQ(seen[1].speaker, "none");
  EXPECT_TRUE(seen[1].judged);
  EXPECT_EQ(seen[1].score, 1.5);
  EXPECT_EQ(seen[1].words, 3);
  EXPECT_DOUBLE_EQ(doc.quotes[0].confidence, table.probability(seen[0]));
  // A record without a speaker gets its group's chance too, not 0.
  EXPECT_DOUBLE_EQ(doc.quotes[1].confidence, (1 + 2 * (7.0 / 12.0)) / (8 + 2));
  // Without a table the confidences stay; evidence is still gathered.
  Document kept = two_records();
  seen.clear();
  calibrate_confidences(kept, {}, nullptr, &seen);
  EXPECT_EQ(kept.quotes[0].confidence, 0.95);
  EXPECT_FALSE(seen[1].judged);  // no scores: nothing was judged
  // A mention without an entity is marked unlinked.
  kept.quotes[0].speaker = -1;
  EXPECT_EQ(quotelink::detail::calibration_evidence(kept, 0, NAN).speaker,
            "name+unlinked");
}

const char* kArticle =
    "\"We won the vote,\" Jane Roe said on Monday.\n\n"
    "John Doe said the plan would cut taxes for most families.\n";

TEST(CalibrationStage, ExtractorCalibratesByDefaultAndFiltersByIt) {
  Config rules_constants;
  rules_constants.calibration = false;
  const Document raw = Extractor(rules_constants).extract(kArticle);
  const Document calibrated = Extractor().extract(kArticle);
  ASSERT_EQ(raw.quotes.size(), calibrated.quotes.size());
  ASSERT_GE(calibrated.quotes.size(), 2u);
  bool changed = false;
  for (std::size_t q = 0; q < calibrated.quotes.size(); ++q) {
    const Quote& quote = calibrated.quotes[q];
    EXPECT_GT(quote.confidence, 0.0);
    EXPECT_LT(quote.confidence, 1.0);
    changed = changed || quote.confidence != raw.quotes[q].confidence;
  }
  EXPECT_TRUE(changed) << "calibrated confidences equal the rules' constants";
  // min_confidence compares the calibrated value: a threshold between the
  // two records' confidences keeps only the surer one.
  const double low = std::min(calibrated.quotes[0].confidence,
                              calibrated.quotes[1].confidence);
  const double high = std::max(calibrated.quotes[0].confidence,
                               calibrated.quotes[1].confidence);
  ASSERT_LT(low, high);
  Config strict;
  strict.min_confidence = (low + high) / 2;
  const Document filtered = Extractor(strict).extract(kArticle);
  for (const Quote& quote : filtered.quotes)
    EXPECT_GE(quote.confidence, strict.min_confidence);
  EXPECT_LT(filtered.quotes.size(), calibrated.quotes.size());
}

// A document whose records cover every branch of the index: both kinds of
// speaker (linked, unlinked, none), a rule the table lacks, judged and
// unjudged scores.
Document varied_records() {
  Document doc = two_records();
  Mention he;
  he.kind = MentionKind::pronoun;
  doc.mentions.push_back(he);
  Quote unlinked = doc.quotes[1];
  unlinked.mention = 1;
  unlinked.speaker = -1;
  Quote unknown_rule = doc.quotes[0];
  unknown_rule.sieve = quotelink::SieveLabel("a_rule_the_table_lacks");
  doc.quotes.push_back(unlinked);
  doc.quotes.push_back(unknown_rule);
  return doc;
}

TEST(CalibrationIndex, GivesTheTablesProbabilities) {
  const std::vector<CalibrationEvidence> records = {
      evidence(QuoteKind::direct, "trigram", "name", NAN, 2),
      evidence(QuoteKind::indirect, "reported_after+model", "none", 1.5, 3),
      evidence(QuoteKind::indirect, "reported_after+model", "pronoun+unlinked",
               -2.0, 3),
      evidence(QuoteKind::indirect, "reported_after+model", "pronoun+unlinked",
               1.5, 3)};
  const CalibrationTable table =
      fit_calibration(records, {true, false, true, false}, three_two_two());
  const quotelink::detail::CalibrationIndex index(table);
  const Document doc = varied_records();
  const std::vector<double> scores = {NAN, 1.5, -2.0, NAN};
  for (std::size_t q = 0; q < doc.quotes.size(); ++q)
    EXPECT_EQ(index.probability(doc, q, scores[q]),
              table.probability(
                  quotelink::detail::calibration_evidence(doc, q, scores[q])))
        << "record " << q;
  // The finest groups were reached (not only "*").
  EXPECT_NE(index.probability(doc, 1, 1.5), index.probability(doc, 2, -2.0));
}

// A rule name with a bar cannot be split back into its key's parts: the
// index then walks the string keys, and still reaches the rule's group.
TEST(CalibrationIndex, TablesItCannotPackAreWalkedByTheirKeys) {
  CalibrationTable table = small_table();
  table.groups["*|kind=direct|rule=odd|rule"] = {0, 50};
  const quotelink::detail::CalibrationIndex index(table);
  Document doc = varied_records();
  doc.quotes[0].sieve = quotelink::SieveLabel("odd|rule");
  const double expected =
      table.probability(quotelink::detail::calibration_evidence(doc, 0, NAN));
  EXPECT_LT(expected, 0.2);  // the rule's group was reached
  EXPECT_EQ(index.probability(doc, 0, NAN), expected);
  for (std::size_t q = 1; q < doc.quotes.size(); ++q)
    EXPECT_EQ(
        index.probability(doc, q, NAN),
        table.probability(quotelink::detail::calibration_evidence(doc, q, NAN)))
        << "record " << q;
}

}  // namespace
