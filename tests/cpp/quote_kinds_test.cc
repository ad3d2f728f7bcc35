// Stage 5a, quotation kinds (quote_kinds.h), at its interface: the kind
// decided from a quotation's facts, and decide_kinds on the sieves' output.
#include "quote_kinds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sieve_stage.h"

namespace quotelink::detail {
namespace {

TEST(QuoteKinds, TheKindFollowsTheFacts) {
  KindFacts f;  // direct by its marks, nothing else known
  EXPECT_EQ(decide_kind(f), QuoteKind::direct);
  f.proposed = QuoteKind::partial;  // a fragment by its marks stays one
  f.strongly_attributed = true;
  EXPECT_EQ(decide_kind(f), QuoteKind::partial);
  f = KindFacts{};
  f.after_complementiser = true;  // inside a reported clause
  f.strongly_attributed = true;
  EXPECT_EQ(decide_kind(f), QuoteKind::partial);
  f = KindFacts{};
  f.title_like = true;  // a title nobody is found to say
  EXPECT_EQ(decide_kind(f), QuoteKind::partial);
  f.strongly_attributed = true;  // a slogan a cue beside it gives a speaker
  EXPECT_EQ(decide_kind(f), QuoteKind::direct);
}

// The kinds of `text`'s quotations after the sieves and this stage.
std::vector<QuoteKind> kinds(const std::string& text) {
  SieveRun run(text);
  decide_kinds(run.text, run.layout, *run.tokens, run.cues,
               run.lexicon.speakers.reported.cls.complementisers,
               run.attributions, run.quotes);
  std::vector<QuoteKind> out;
  for (const Quote& q : run.quotes) {
    out.push_back(q.kind);
    // A partial quotation lists its own span among its quoted parts.
    if (q.kind == QuoteKind::partial) {
      EXPECT_FALSE(q.quoted_parts.empty()) << q.span.begin;
    }
  }
  return out;
}

TEST(QuoteKinds, ATitleIsPartialUnlessAStrongSieveGivesItASpeaker) {
  using K = std::vector<QuoteKind>;
  // Reached by no sieve: a title in marks.
  EXPECT_EQ(kinds("A banner hung over the door.\n\n\"Peace Through "
                  "Strength.\""),
            (K{QuoteKind::partial}));
  // Its speaker beside it (trigram_after): a slogan someone said.
  // (After a first paragraph: a document's first line reads as a headline.)
  EXPECT_EQ(kinds("The crowd grew.\n\n\"Dump Trump,\" Jane Roe said."),
            (K{QuoteKind::direct}));
  // The same words that are no title stay direct.
  EXPECT_EQ(kinds("A banner hung over the door.\n\n\"We will win "
                  "it all.\""),
            (K{QuoteKind::direct}));
}

TEST(QuoteKinds, AQuotationAfterTheCuesComplementiserIsPartOfTheReport) {
  using K = std::vector<QuoteKind>;
  EXPECT_EQ(kinds("Jane Roe said that once the vote is over, \"we will "
                  "talk again.\""),
            (K{QuoteKind::partial}));
  EXPECT_EQ(kinds("Jane Roe said on Friday, \"We will talk again.\""),
            (K{QuoteKind::direct}));
}

}  // namespace
}  // namespace quotelink::detail
