// The verbatim stage: marked words inside reported speech, and quotations
// nested in other quotations, become partial records with a parent.
#include "verbatim.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "quotelink/json.h"
#include "quotelink/quotelink.h"

namespace {

using quotelink::Document;
using quotelink::Quote;
using quotelink::QuoteKind;
using quotelink::Span;

const Quote* find_text(const Document& doc, const std::string& text) {
  for (const Quote& q : doc.quotes)
    if (doc.text_of(q) == text) return &q;
  return nullptr;
}

TEST(Verbatim, QuotedWordsOfReportedSpeechGetTheirOwnRecord) {
  Document doc = quotelink::extract(
      "Foreign Minister Sergei Lavrov said that the resolution is "
      "\"counterproductive\" and would not pass.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  const Quote& outer = doc.quotes[0];
  const Quote& inner = doc.quotes[1];
  EXPECT_EQ(outer.kind, QuoteKind::indirect);
  EXPECT_EQ(outer.parent, -1);
  EXPECT_EQ(outer.id, 0);
  EXPECT_EQ(inner.kind, QuoteKind::partial);
  EXPECT_EQ(doc.text_of(inner), "counterproductive");
  EXPECT_EQ(inner.id, 1);
  EXPECT_EQ(inner.parent, 0);
  // The reporter's words: the parent's speaker, mention, cue and confidence.
  ASSERT_GE(outer.speaker, 0);
  EXPECT_EQ(doc.entities[inner.speaker].name, "Sergei Lavrov");
  EXPECT_EQ(inner.mention, outer.mention);
  ASSERT_TRUE(inner.has_cue());
  EXPECT_EQ(doc.slice(inner.cue), "said");
  EXPECT_EQ(inner.confidence, outer.confidence);
  EXPECT_EQ(inner.sieve, "verbatim");
  // The marks are the record's outer span; its sentence is the parent's.
  EXPECT_EQ(doc.slice(inner.outer), "\"counterproductive\"");
  EXPECT_EQ(inner.sentence, outer.sentence);
  ASSERT_EQ(inner.quoted_parts.size(), 1u);
  EXPECT_EQ(inner.quoted_parts[0], inner.span);
}

TEST(Verbatim, QuotationsNestedInADirectOneHaveNoSpeakerOfTheirOwn) {
  Document doc = quotelink::extract(
      "\"He said 'no' and then 'never' again,\" Jane Roe said.");
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::direct);
  for (int i : {1, 2}) {
    const Quote& q = doc.quotes[i];
    EXPECT_EQ(q.kind, QuoteKind::partial);
    EXPECT_EQ(q.parent, 0);
    EXPECT_EQ(q.id, i);
    EXPECT_EQ(q.speaker, -1);  // Roe quotes someone else
    EXPECT_EQ(q.confidence, 0.0);
    EXPECT_EQ(q.sieve, "nested");
  }
  EXPECT_EQ(doc.text_of(doc.quotes[1]), "no");
  EXPECT_EQ(doc.text_of(doc.quotes[2]), "never");
}

TEST(Verbatim, ANestedPartNamesTheInnermostEnclosingPart) {
  Document doc;
  doc.text = "Roe said that the plan is \"a 'bridge' to nowhere\" now.";
  Quote reported;
  reported.kind = QuoteKind::indirect;
  reported.span = {14, 53};
  reported.outer = reported.span;
  reported.quoted_parts = {{30, 36}, {27, 48}};  // the inner part, the outer
  reported.speaker = 0;
  reported.confidence = 0.8;
  Quote later;
  later.span = later.outer = {40, 50};  // starts inside the outer part
  doc.quotes = {reported, later};
  quotelink::detail::add_verbatim_records(doc);
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.text_of(doc.quotes[1]), "a 'bridge' to nowhere");
  EXPECT_EQ(doc.quotes[1].parent, 0);
  EXPECT_EQ(doc.quotes[1].speaker, 0);
  EXPECT_EQ(doc.text_of(doc.quotes[2]), "bridge");
  EXPECT_EQ(doc.quotes[2].parent, 1);
  EXPECT_EQ(doc.quotes[2].speaker, -1);  // quoted by the quoted words
  EXPECT_EQ(doc.slice(doc.quotes[2].outer), "'bridge'");
  EXPECT_EQ(doc.quotes[3].span.begin, 40u);  // records keep text order
  for (int i = 0; i < 4; ++i) EXPECT_EQ(doc.quotes[i].id, i);
}

TEST(Verbatim, AQuotationsOwnSpanIsNoPart) {
  // A partial quotation lists its own span among its parts: no record is
  // added for it, and the records are numbered.
  Document doc;
  doc.text = "Roe called it \"a disaster\" on Friday.";
  Quote partial;
  partial.kind = QuoteKind::partial;
  partial.span = {15, 25};
  partial.outer = {14, 26};
  partial.quoted_parts = {partial.span};
  doc.quotes = {partial};
  quotelink::detail::add_verbatim_records(doc);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].id, 0);
  EXPECT_EQ(doc.quotes[0].parent, -1);
}

TEST(Verbatim, FilteringKeepsIdsAndParents) {
  const std::string text =
      "The minister said that the resolution is \"counterproductive\" and "
      "would not pass.";
  quotelink::Config config;
  config.kinds = {QuoteKind::partial};
  Document doc = quotelink::Extractor(config).extract(text);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), "counterproductive");
  EXPECT_EQ(doc.quotes[0].id, 1);      // its number in the whole extraction
  EXPECT_EQ(doc.quotes[0].parent, 0);  // the reported speech, filtered out
}

TEST(Verbatim, RecordsCarryIdAndParent) {
  Document doc = quotelink::extract(
      "Foreign Minister Sergei Lavrov said that the resolution is "
      "\"counterproductive\" and would not pass.");
  const std::string jsonl = quotelink::to_jsonl(doc, "a");
  const std::size_t second = jsonl.find('\n') + 1;
  EXPECT_NE(jsonl.find("\"id\": 0, \"parent\": null}\n"), std::string::npos);
  EXPECT_NE(jsonl.find("\"id\": 1, \"parent\": 0}\n", second),
            std::string::npos);
  const std::string csv = quotelink::to_csv(doc, "a");
  EXPECT_NE(csv.find(",0,\n"), std::string::npos);
  EXPECT_NE(csv.find(",1,0\n"), std::string::npos);
}

}  // namespace
