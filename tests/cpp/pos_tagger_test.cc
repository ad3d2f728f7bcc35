// The learned layer's part-of-speech tagger (cpp/src/model/pos_tagger.h):
// classes, alignment of silver tags, training, the file format, and the
// model's features reading the tags.
#include "model/pos_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/choose_source.h"
#include "model/pos_training.h"
#include "model/report_examples.h"
#include "model/report_features.h"
#include "pipeline.h"
#include "quotelink/error.h"

namespace {

using quotelink::detail::PosTagger;
using quotelink::detail::PosTags;
using quotelink::detail::PosTextReader;
using quotelink::detail::PosTrainingOptions;
using quotelink::detail::PosTrainingText;
using quotelink::detail::SilverTags;
namespace d = quotelink::detail;

// A text of invented sentences and its silver tags (code points).
struct Silver {
  std::string text;
  SilverTags tags;
};

Silver silver(
    const std::vector<std::vector<std::pair<std::string, std::string>>>&
        sentences) {
  Silver out;
  for (const auto& sentence : sentences) {
    for (const auto& [word, tag] : sentence) {
      if (!out.text.empty() && out.text.back() != '\n' && word != "." &&
          word != ",")
        out.text += ' ';
      out.tags.begins.push_back(static_cast<std::uint32_t>(out.text.size()));
      out.text += word;
      out.tags.ends.push_back(static_cast<std::uint32_t>(out.text.size()));
      out.tags.classes.push_back(d::pos_class(tag));
    }
    out.text += "\n\n";
  }
  return out;
}

Silver fixture() {
  return silver({{{"Jane", "NNP"},
                  {"Roe", "NNP"},
                  {"said", "VBD"},
                  {"the", "DT"},
                  {"plan", "NN"},
                  {"would", "MD"},
                  {"cut", "VB"},
                  {"taxes", "NNS"},
                  {".", "."}},
                 {{"They", "PRP"},
                  {"plan", "VBP"},
                  {"to", "TO"},
                  {"build", "VB"},
                  {"a", "DT"},
                  {"new", "JJ"},
                  {"bridge", "NN"},
                  {".", "."}},
                 {{"Who", "WP"},
                  {"is", "VBZ"},
                  {"quickly", "RB"},
                  {"hiring", "VBG"},
                  {"12", "CD"},
                  {"nurses", "NNS"},
                  {",", ","},
                  {"and", "CC"},
                  {"why", "WRB"},
                  {"?", "."}}});
}

PosTagger trained(int epochs = 5) {
  const Silver s = fixture();
  PosTrainingOptions options;
  options.bits = 10;
  options.epochs = epochs;
  return d::train_pos_tagger({PosTextReader().read(s.text, s.tags)}, options);
}

std::string parse_error(const std::string& bytes) {
  try {
    PosTagger::parse(bytes);
  } catch (const quotelink::error& e) {
    return std::string(e.what()) + " @" + std::to_string(e.byte_offset());
  }
  ADD_FAILURE() << "parse accepted a bad tagger file";
  return "";
}

TEST(PosTagger, PennTreebankTagsMapToSixteenClasses) {
  EXPECT_EQ(d::pos_class("NNS"), d::kPosNoun);
  EXPECT_EQ(d::pos_class("MD"), d::kPosVerbFin);
  EXPECT_EQ(d::pos_class("VBN"), d::kPosVerbPart);
  EXPECT_EQ(d::pos_class("WRB"), d::kPosWh);
  EXPECT_EQ(d::pos_class("-LRB-"), d::kPosPunct);
  EXPECT_EQ(d::pos_class("CD"), d::kPosOther);
  EXPECT_EQ(d::pos_class("NOT-A-TAG"), d::kPosOther);
  EXPECT_EQ(d::pos_class_name(d::kPosVerbFin), "VFIN");
}

TEST(PosTagger, SilverTagsAlignByTheTokensFirstCharacter) {
  // "U.S.-led" is one token of quotelink's and three of the silver tags':
  // the first one's class is the token's. "é" is two bytes, one code point.
  Silver s;
  s.text = "The U.S.-led café.\n";
  s.tags.begins = {0, 4, 8, 9, 13, 17};
  s.tags.ends = {3, 8, 9, 12, 17, 18};
  for (const char* tag : {"DT", "NNP", "HYPH", "VBN", "NN", "."})
    s.tags.classes.push_back(d::pos_class(tag));
  const PosTrainingText t = PosTextReader().read(s.text, s.tags);
  ASSERT_EQ(t.gold.size(), 4u);
  EXPECT_EQ(t.gold,
            (PosTags{d::kPosDet, d::kPosPropn, d::kPosNoun, d::kPosPunct}));
  EXPECT_EQ(t.sentence_first[0], 1);
  EXPECT_EQ(t.sentence_first[1], 0);
  EXPECT_EQ(t.features.size(), 4u * d::kPosStaticFeatures);
  s.tags.begins = {4};
  s.tags.ends = {8};
  s.tags.classes = {d::kPosPropn};
  EXPECT_EQ(PosTextReader().read(s.text, s.tags).gold[0], d::kPosUnknown);
  s.tags.ends = {40};
  EXPECT_THROW(PosTextReader().read(s.text, s.tags), quotelink::error);
}

TEST(PosTagger, LearnsItsTrainingTextDeterministically) {
  const PosTagger tagger = trained();
  EXPECT_EQ(tagger.weights.size(), 16u << 10);
  EXPECT_EQ(tagger.serialize(), trained().serialize());
  const Silver s = fixture();
  const auto [agree, known] = PosTextReader().agreement(tagger, s.text, s.tags);
  EXPECT_EQ(known, 27u);
  EXPECT_EQ(agree, known);  // "plan" a noun after "the", a verb after "They"
  EXPECT_NE(trained(1).serialize(), tagger.serialize());  // epochs count
}

TEST(PosTagger, AnEmptyTaggerSaysOther) {
  const Silver s = fixture();
  quotelink::Config config;
  config.model = false;
  const quotelink::Lexicon lexicon(config);
  const d::TextLayout layout = d::analyse_text(s.text, lexicon.text);
  const PosTags tags = PosTagger{}.tag(s.text, layout);
  ASSERT_EQ(tags.size(), layout.tokens.size());
  for (std::uint8_t t : tags) EXPECT_EQ(t, d::kPosOther);
  EXPECT_EQ(lexicon.tagger, nullptr);  // the rules only: no tags
}

TEST(PosTagger, TheWordCacheGivesTheTagsOfTheFeatures) {
  // The pipeline tags with a scratch whose word cache lives across texts:
  // its tags are those of the static features, whether words hit, collide
  // in a tiny table, are too long to cache, or start a sentence.
  quotelink::Config config;
  config.model = false;
  const quotelink::Lexicon lexicon(config);
  const PosTagger one = trained(), other = trained(2);
  const std::string texts[] = {
      fixture().text, "Plan the plan. They said THEY Plan to plan.\n",
      "Jane Roe said the extraordinarilyunderstandable plan would cut "
      "taxes, and why?\n",
      fixture().text};
  d::PosTagScratch big, tiny{d::PosWordCache(2), {}, {}, {}};
  d::PosTags tags;
  for (const PosTagger* tagger : {&one, &other, &one}) {
    for (const std::string& text : texts) {
      const d::TextLayout layout = d::analyse_text(text, lexicon.text);
      const PosTags expected = tagger->tag_features(
          d::pos_static_features(text, layout), d::sentence_starts(layout));
      EXPECT_EQ(tagger->tag(text, layout), expected);
      tagger->tag(text, layout, big, tags);
      EXPECT_EQ(tags, expected) << text;
      tagger->tag(text, layout, tiny, tags);
      EXPECT_EQ(tags, expected) << text;
    }
  }
  EXPECT_NE(one.serialize(), other.serialize());
  PosTagger{}.tag(texts[1], d::analyse_text(texts[1], lexicon.text), big, tags);
  EXPECT_EQ(tags, PosTags(tags.size(), d::kPosOther));
  EXPECT_FALSE(tags.empty());
}

TEST(PosTagger, TheFileRoundTripsAndBadFilesNameTheirOffset) {
  const PosTagger tagger = trained();
  const std::string bytes = tagger.serialize();
  ASSERT_EQ(bytes.size(), 24u + 2 * (16u << 10));
  const PosTagger back = PosTagger::parse(bytes);
  EXPECT_EQ(back.bits, 10u);
  EXPECT_EQ(back.scale, tagger.scale);
  EXPECT_EQ(back.weights, tagger.weights);
  EXPECT_NE(
      parse_error("QLMODEL1" + bytes.substr(8)).find("QLPOSTG1 magic) @0"),
      std::string::npos);
  std::string other = bytes;
  other[8] = 2;
  EXPECT_NE(parse_error(other).find("version 2, this build reads version 1 @8"),
            std::string::npos);
  other = bytes;
  other[12] = 17;
  EXPECT_NE(parse_error(other).find("17 classes, not 16 @12"),
            std::string::npos);
  other = bytes;
  other[16] = 30;
  EXPECT_NE(parse_error(other).find("over the limit of 2^19 @16"),
            std::string::npos);
  EXPECT_NE(parse_error(bytes.substr(0, bytes.size() - 1))
                .find("truncated: weights needs 32768 bytes, 32767 left @24"),
            std::string::npos);
  EXPECT_NE(parse_error(bytes + "x").find("1 bytes after the weights @32792"),
            std::string::npos);
  PosTrainingOptions options;
  options.bits = 20;
  EXPECT_THROW(d::train_pos_tagger({}, options), quotelink::error);
  options.bits = 4;
  options.epochs = 0;
  EXPECT_THROW(d::train_pos_tagger({}, options), quotelink::error);
}

// The rules' records of `text` and its layout.
struct Rules {
  quotelink::Document doc;
  d::TextLayout layout;
};

Rules rules_of(const std::string& text) {
  const quotelink::Lexicon lexicon(d::rules_only());
  Rules out;
  out.doc.text = text;
  out.layout = d::run_rules(out.doc, lexicon);
  return out;
}

TEST(PosTagger, ReportFeaturesReadTheTags) {
  Rules r = rules_of("Jane Roe said the plan would cut taxes.\n");
  const quotelink::Document& doc = r.doc;
  const d::TextLayout& layout = r.layout;
  ASSERT_EQ(doc.quotes.size(), 1u);
  const std::vector<std::uint32_t> plain = d::report_features(doc, layout, 0);
  const PosTags tags = trained().tag(doc.text, layout);
  const std::vector<std::uint32_t> tagged =
      d::report_features(doc, layout, 0, &tags);
  ASSERT_GT(tagged.size(), plain.size());
  EXPECT_TRUE(std::equal(plain.begin(), plain.end(), tagged.begin()));
  PosTags other = tags;
  for (std::uint8_t& t : other) t = d::kPosNoun;
  EXPECT_NE(d::report_features(doc, layout, 0, &other), tagged);
  // The form that fills a caller's array replaces what it held.
  std::vector<std::uint32_t> reused = tagged;
  d::report_features(doc, layout, 0, nullptr, reused);
  EXPECT_EQ(reused, plain);
}

TEST(PosTagger, SourceFeaturesReadTheTags) {
  Rules r =
      rules_of("Jane Roe, the mayor, explained the plan would cut taxes.\n");
  const quotelink::Document& doc = r.doc;
  const d::TextLayout& layout = r.layout;
  ASSERT_FALSE(doc.quotes.empty());
  const std::vector<int> candidates = d::source_candidates(doc, layout, 0);
  ASSERT_FALSE(candidates.empty());
  const int m = candidates[0];
  const std::vector<std::uint32_t> plain =
      d::source_features(doc, layout, 0, m);
  const PosTags tags = trained().tag(doc.text, layout);
  const std::vector<std::uint32_t> tagged =
      d::source_features(doc, layout, 0, m, &tags);
  ASSERT_GT(tagged.size(), plain.size());
  EXPECT_TRUE(std::equal(plain.begin(), plain.end(), tagged.begin()));
  const PosTags none;
  EXPECT_EQ(d::source_features(doc, layout, 0, m, &none), plain);
}

}  // namespace
