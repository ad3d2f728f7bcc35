// Stage 5b, reported speech: indirect and mixed quotations, one test per
// pattern, and speech verbs that report nothing. Clause texts are checked at
// the stage (find_reported, through reported_stage.h); speakers, sieves and
// mixed quotations through quotelink::extract, since later stages name them.
#include "reported.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "attribution_helpers.h"
#include "quotelink/quotelink.h"
#include "reported_stage.h"

namespace {

using attribution_test::quote_starting;
using attribution_test::sieve_of;
using attribution_test::speaker_of;
using quotelink::Document;
using quotelink::Quote;
using quotelink::QuoteKind;

Document run(const std::string& text) {
  return attribution_test::rules_only_extract(text);
}

std::vector<const Quote*> indirect(const Document& doc) {
  std::vector<const Quote*> out;
  for (const Quote& q : doc.quotes)
    if (q.kind == QuoteKind::indirect) out.push_back(&q);
  return out;
}

// The texts of the reported-speech stage's clauses for doc's text, in
// order (find_reported itself, so that a failure names this stage).
std::vector<std::string> indirect_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const reported_test::Report& r : reported_test::reports(doc.text))
    out.push_back(r.text);
  return out;
}

// The stage's only clause for doc's text, or "<n quotes>".
std::string only_indirect(const Document& doc) {
  const std::vector<std::string> texts = indirect_texts(doc);
  if (texts.size() != 1) return "<" + std::to_string(texts.size()) + " quotes>";
  return texts[0];
}

// The texts of the Document's indirect quotations, in order: the stage's
// clauses after attribute.cc has dropped the reports inside other reports.
std::vector<std::string> document_indirect_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Quote* q : indirect(doc)) out.emplace_back(doc.text_of(*q));
  return out;
}

std::string mention_of(const Document& doc, const Quote& q) {
  return q.mention < 0 ? "<none>"
                       : std::string(doc.slice(doc.mentions[q.mention].span));
}

TEST(Reported, SaidThatAfterTimeWords) {
  Document doc = run(
      "The minister said on Tuesday that the talks would resume next week.");
  EXPECT_EQ(only_indirect(doc), "that the talks would resume next week");
  EXPECT_EQ(speaker_of(doc, "that the talks"), "minister");
  EXPECT_EQ(sieve_of(doc, "that the talks"), "reported_after");
  EXPECT_GT(quote_starting(doc, "that the talks")->confidence, 0.5);
}

TEST(Reported, SayWithoutComplementiser) {
  Document doc =
      run("Diplomats say North Korea ally China would veto the measure.");
  EXPECT_EQ(only_indirect(doc),
            "North Korea ally China would veto the measure");
  EXPECT_EQ(speaker_of(doc, "North Korea ally"), "Diplomats");
}

TEST(Reported, FrontedClauseWithTimeWord) {
  Document doc =
      run("The talks will resume next week, a senior official said Friday.");
  EXPECT_EQ(only_indirect(doc), "The talks will resume next week");
  EXPECT_EQ(sieve_of(doc, "The talks"), "reported_fronted");
  EXPECT_EQ(mention_of(doc, *quote_starting(doc, "The talks")),
            "a senior official");
}

TEST(Reported, InvertedSource) {
  Document doc = run(
      "The talks will resume next week, said Foreign Minister Sergei Lavrov.");
  EXPECT_EQ(only_indirect(doc), "The talks will resume next week");
  EXPECT_EQ(speaker_of(doc, "The talks"), "Sergei Lavrov");
  EXPECT_EQ(sieve_of(doc, "The talks"), "reported_inverted");
}

TEST(Reported, AccordingToBeforeAndAfter) {
  Document before =
      run("According to the ministry, the visit will include talks on trade.");
  EXPECT_EQ(only_indirect(before), "the visit will include talks on trade");
  EXPECT_EQ(speaker_of(before, "the visit"), "ministry");
  EXPECT_EQ(sieve_of(before, "the visit"), "reported_according");
  Document after =
      run("The visit will include talks on trade, according to Interfax.");
  EXPECT_EQ(only_indirect(after), "The visit will include talks on trade");
  EXPECT_EQ(speaker_of(after, "The visit"), "Interfax");
}

TEST(Reported, ToldAddresseeThenThat) {
  Document doc = run(
      "Senator Jane Roe told the crowd in Ohio on Tuesday that the plan would "
      "fail.");
  EXPECT_EQ(only_indirect(doc), "that the plan would fail");
  EXPECT_EQ(speaker_of(doc, "that the plan"), "Jane Roe");
}

TEST(Reported, ReportingNounChannelAndGerund) {
  Document channel = run(
      "The ministry said in a statement that the visit had been postponed.");
  EXPECT_EQ(only_indirect(channel), "that the visit had been postponed");
  Document gerund = run(
      "The ministry issued a statement saying the visit had been postponed.");
  EXPECT_EQ(only_indirect(gerund), "the visit had been postponed");
  EXPECT_EQ(speaker_of(gerund, "the visit"), "ministry");
}

TEST(Reported, GerundAfterADocumentTheSubjectIssued) {
  // "issued a statement Wednesday saying": time words between the noun and
  // the gerund; the issuer is the source.
  Document dated =
      run("The ministry issued a statement Wednesday saying the visit had been "
          "postponed.");
  EXPECT_EQ(only_indirect(dated), "the visit had been postponed");
  EXPECT_EQ(speaker_of(dated, "the visit"), "ministry");
  // A document nobody in the clause put out speaks for itself.
  Document standing =
      run("Diplomats tried to counter a UN resolution urging the country's "
          "referral to the court.");
  EXPECT_EQ(only_indirect(standing), "the country's referral to the court");
  EXPECT_EQ(speaker_of(standing, "the country's"), "UN resolution");
}

TEST(Reported, APossessiveAfterAnAddresseeVerbOpensTheContent) {
  EXPECT_EQ(only_indirect(run("The senators passed a resolution urging "
                              "Pyongyang's referral to the court.")),
            "Pyongyang's referral to the court");
  EXPECT_EQ(only_indirect(run("She told Trump's aides that the plan failed.")),
            "that the plan failed");
}

TEST(Reported, FloatingQuantifiersAndModalsBetweenSubjectAndCue) {
  // "even", "both", "all", "can", "must", "now", "soon", "nevertheless"
  // (class adverbial).
  Document even =
      run("Forensics experts even noted that the files were altered.");
  EXPECT_EQ(speaker_of(even, "that the files"), "Forensics experts");
  Document both = run("The senators have both argued that the plan will fail.");
  EXPECT_EQ(speaker_of(both, "that the plan"), "senators");
  Document now = run("Jane Roe now says that the plan will fail.");
  EXPECT_EQ(speaker_of(now, "that the plan"), "Jane Roe");
  Document despite =
      run("Jane Roe has nevertheless argued that the plan will fail.");
  EXPECT_EQ(speaker_of(despite, "that the plan"), "Jane Roe");
}

TEST(Reported, ChannelPhraseWithADate) {
  // "concluded in a Feb. 17 report that": numbers inside the adjunct.
  Document dated = run(
      "A city panel concluded in a March 3 report that the mayor had lied.");
  EXPECT_EQ(only_indirect(dated), "that the mayor had lied");
  EXPECT_EQ(speaker_of(dated, "that the mayor"), "city panel");
}

TEST(Reported, TopicAfterTimeWords) {
  // "called on Wednesday for deeper ties": time words before the topic's
  // preposition; "called on Congress to act" keeps "on" as the preposition.
  EXPECT_EQ(only_indirect(run(
                "Jane Roe called on Wednesday for deeper ties with Canada.")),
            "deeper ties with Canada");
  EXPECT_EQ(only_indirect(
                run("Jane Roe called Wednesday for deeper ties with Canada.")),
            "deeper ties with Canada");
  EXPECT_EQ(only_indirect(run("Jane Roe called on Congress to act.")),
            "Congress to act");
}

TEST(Reported, ClauseEndsWhereAnotherReportStarts) {
  Document two = run(
      "Jane Roe said the plan would fail, and John Doe said it would pass.");
  std::vector<const Quote*> q = indirect(two);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(two.text_of(*q[0]), "the plan would fail");
  EXPECT_EQ(two.text_of(*q[1]), "it would pass");
  EXPECT_EQ(speaker_of(two, "it would pass"), "John Doe");
  Document same =
      run("Jane Roe said the plan would fail and called for a new vote.");
  ASSERT_TRUE(quote_starting(same, "the plan"));
  EXPECT_EQ(same.text_of(*quote_starting(same, "the plan")),
            "the plan would fail");
}

TEST(Reported, NonRestrictiveRelativeEndsTheClause) {
  Document doc =
      run("Jane Roe said the plan was dead, which surprised her allies.");
  EXPECT_EQ(only_indirect(doc), "the plan was dead");
}

TEST(Reported, FrontedClauseBeforeAnAddressee) {
  Document doc = run("The plan is dead, officials told POLITICO.");
  EXPECT_EQ(only_indirect(doc), "The plan is dead");
  EXPECT_EQ(sieve_of(doc, "The plan"), "reported_fronted");
}

TEST(Reported, UnmarkedClauseAfterAColon) {
  EXPECT_EQ(only_indirect(run("Jane Roe said: the plan is dead.")),
            "the plan is dead");
}

TEST(Reported, HeadlineInTitleCase) {
  Document doc =
      run("Rubio Says Reform Was A Sign Of Leadership\n\nMarco Rubio spoke on "
          "Saturday.");
  const Quote* q = quote_starting(doc, "Reform Was A Sign");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.text_of(*q), "Reform Was A Sign Of Leadership");
}

TEST(Reported, GerundNeedsACommaOrAReportingNoun) {
  EXPECT_EQ(only_indirect(run("Her speaking fee was paid by the bank.")),
            "<0 quotes>");
}

TEST(Reported, SplitAroundTheCueIsOneClause) {
  Document doc = run("The plan, the senator said, would cost billions.");
  EXPECT_EQ(only_indirect(doc),
            "The plan, the senator said, would cost billions");
  EXPECT_EQ(sieve_of(doc, "The plan"), "reported_split");
}

TEST(Reported, ReportingOnlyVerbNeedsNoMarks) {
  Document doc = run("The latest poll shows that most voters oppose the plan.");
  const Quote* q = quote_starting(doc, "that most voters");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->kind, QuoteKind::indirect);
  EXPECT_EQ(mention_of(doc, *q), "The latest poll");
}

TEST(Reported, TopicAfterACuePreposition) {
  Document doc =
      run("The governor talked about the state's drug crisis, saying it was "
          "getting worse.");
  const Quote* q = quote_starting(doc, "the state's drug crisis");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.text_of(*q), "the state's drug crisis");
  EXPECT_EQ(speaker_of(doc, "the state's drug crisis"), "governor");
  EXPECT_EQ(sieve_of(doc, "the state's drug crisis"), "reported_topic");
  EXPECT_EQ(only_indirect(run("Sanders warned of a recession next year.")),
            "a recession next year");
  EXPECT_EQ(only_indirect(run("Hillary Clinton has called on the senator to "
                              "join her.")),
            "the senator to join her");
}

TEST(Reported, TopicOnlyVerbNeedsItsPreposition) {
  Document doc = run("Mr. Hedge referred to the two Trump resorts.");
  EXPECT_EQ(only_indirect(doc), "the two Trump resorts");
  EXPECT_EQ(speaker_of(doc, "the two Trump resorts"), "Hedge");
  EXPECT_EQ(
      only_indirect(run("The senator referred the question to the committee.")),
      "<0 quotes>");
  EXPECT_EQ(only_indirect(run("Jane Roe pointed to the rising cost of rent.")),
            "the rising cost of rent");
  EXPECT_EQ(only_indirect(run("Jane Roe pointed the way to the exit.")),
            "<0 quotes>");
}

TEST(Reported, ProgressiveCueBeforeItsTopic) {
  Document doc = run("Hillary Clinton is calling for a no-fly zone in Syria.");
  EXPECT_EQ(only_indirect(doc), "a no-fly zone in Syria");
  EXPECT_EQ(speaker_of(doc, "a no-fly zone"), "Hillary Clinton");
  // So does a bare gerund right after its subject.
  // (Not inside another report: "The ad shows footage of ..." would make
  // it part of the ad's; see ReportInsideAReportIsPartOfIt.)
  Document footage =
      run("The ad has footage of Donald Trump talking about the wall.");
  EXPECT_EQ(speaker_of(footage, "the wall"), "Donald Trump");
  // Without its subject the progressive is no report.
  EXPECT_EQ(only_indirect(run("Calls are pouring in, and many of them are "
                              "calling for a recount.")),
            "<0 quotes>");
}

TEST(Reported, ReportingNounWithItsHolder) {
  Document doc =
      run("Donald Trump has raised questions about Obama's birthplace.");
  const Quote* q = quote_starting(doc, "Obama's birthplace");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.text_of(*q), "Obama's birthplace");
  EXPECT_EQ(q->sieve, "reported_topic");
  EXPECT_EQ(mention_of(doc, *q), "Donald Trump");
  Document possessive =
      run("Jane Roe noticed Sanders's criticism of the trade deal.");
  EXPECT_EQ(speaker_of(possessive, "the trade deal"), "Sanders");
  // Nobody holds these questions.
  EXPECT_EQ(only_indirect(run("The questions about the plan remain open.")),
            "<0 quotes>");
}

TEST(Reported, TakeIssueAndTakeASwipeAreLightVerbReports) {
  Document issue = run("Jane Roe took issue with the new tax plan.");
  EXPECT_EQ(only_indirect(issue), "the new tax plan");
  EXPECT_EQ(speaker_of(issue, "the new tax plan"), "Jane Roe");
  Document swipe = run("The governor took a swipe at his rivals.");
  EXPECT_EQ(only_indirect(swipe), "his rivals");
  EXPECT_EQ(speaker_of(swipe, "his rivals"), "governor");
  // A shot that nobody takes is no report.
  EXPECT_EQ(only_indirect(run("The shot at the goal went wide.")),
            "<0 quotes>");
}

TEST(Reported, AttitudeAdjectiveOfItsSubject) {
  for (const char* text :
       {"Richard Viguerie is upbeat about Cruz's chances in November.",
        "Richard Viguerie has been critical of Cruz's chances in November."}) {
    Document doc = run(text);
    EXPECT_EQ(only_indirect(doc), "Cruz's chances in November") << text;
    EXPECT_EQ(speaker_of(doc, "Cruz's chances"), "Richard Viguerie") << text;
  }
  // No subject before the adjective: nobody's attitude.
  EXPECT_EQ(only_indirect(run("A critical report of the agency came out.")),
            "<0 quotes>");
}

TEST(Reported, TopicNeedsAPhraseAfterThePreposition) {
  EXPECT_EQ(only_indirect(run("The senator talked about nothing else.")),
            "<0 quotes>");
  EXPECT_EQ(only_indirect(run("Jane Roe has often talked about today.")),
            "<0 quotes>");
  EXPECT_EQ(only_indirect(run("Jane Roe is referred to as a firewall.")),
            "<0 quotes>");
}

TEST(Reported, MixedQuotationAbsorbsThePartialQuote) {
  const std::string text =
      "The senator said the plan was \"a disaster for farmers\" and should be "
      "withdrawn.";
  Document doc = run(text);
  // The partial record is absorbed; the verbatim stage then lists the quoted
  // words again as a record whose parent is the mixed quotation.
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[1].parent, 0);
  EXPECT_EQ(doc.text_of(doc.quotes[1]), "a disaster for farmers");
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.kind, QuoteKind::indirect);
  EXPECT_EQ(doc.text_of(q),
            "the plan was \"a disaster for farmers\" and should be withdrawn");
  ASSERT_EQ(q.quoted_parts.size(), 1u);
  EXPECT_EQ(doc.slice(q.quoted_parts[0]), "a disaster for farmers");
  EXPECT_EQ(speaker_of(doc, "the plan"), "senator");
}

TEST(Reported, DirectQuotationIsNotRepeated) {
  Document doc = run("He said, \"The talks will resume.\"");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::direct);
  Document fronted = run("\"We will win,\" Jane Roe said on Friday.");
  EXPECT_EQ(indirect(fronted).size(), 0u);
}

TEST(Reported, CueOfAFrontedQuotationReportsNothingAfterIt) {
  Document doc =
      run("\"We will win,\" Jane Roe told a crowd at the arena that cheered "
          "loudly.");
  EXPECT_EQ(indirect(doc).size(), 0u);
  // A gerund after it is a report of its own.
  Document adding =
      run("\"We will win,\" Jane Roe said, adding that the polls were wrong.");
  EXPECT_EQ(only_indirect(adding), "that the polls were wrong");
}

TEST(Reported, GerundCueAfterACommaEndsTheClause) {
  Document doc = run(
      "The senator said the plan would fail, adding that it cost too much.");
  EXPECT_EQ(indirect_texts(doc),
            (std::vector<std::string>{"the plan would fail",
                                      "that it cost too much"}));
  EXPECT_EQ(speaker_of(doc, "that it cost"), "senator");
}

TEST(Reported, ReportInsideARelativeEndsAtItsComma) {
  Document doc =
      run("Jane Roe, who said she rarely votes, said the plan would fail.");
  EXPECT_EQ(
      indirect_texts(doc),
      (std::vector<std::string>{"she rarely votes", "the plan would fail"}));
}

TEST(Reported, StanceVerbsReportAClause) {
  Document doc = run("Jane Roe sees the plan as unfair to farmers.");
  EXPECT_EQ(only_indirect(doc), "the plan as unfair to farmers");
  EXPECT_EQ(speaker_of(doc, "the plan"), "Jane Roe");
  Document knows = run("The senator knows the vote will be close.");
  EXPECT_EQ(only_indirect(knows), "the vote will be close");
}

TEST(Reported, ParticipleAfterAPrepositionIsNoCue) {
  EXPECT_EQ(only_indirect(run("The UN imposed sanctions on North Korea for "
                              "repeated nuclear tests and missile launches.")),
            "<0 quotes>");
  EXPECT_EQ(only_indirect(run("The court may try its leaders for alleged "
                              "crimes against humanity.")),
            "<0 quotes>");
  // A reporting noun after a preposition still reports.
  EXPECT_EQ(only_indirect(run("Jane Roe woos voters with promises to cut "
                              "taxes.")),
            "to cut taxes");
}

TEST(Reported, ScareQuotesAreNoAttributions) {
  Document doc = run("The so-called \"reform\" passed the Senate on Friday.");
  EXPECT_TRUE(doc.quotes.empty());
  // So is a short one next to a cue; a longer one there stays, and so do
  // one opening its sentence and one inside another quotation
  // (Sieves.EverySiblingInsideAQuotationIsNested).
  Document term = run("Jane Roe went to see the film \"Jaws\" with friends.");
  EXPECT_TRUE(term.quotes.empty());
  Document cued =
      run("Jane Roe spoke on the \"reform of the tax code for small farms\" "
          "at a rally on Friday.");
  ASSERT_EQ(cued.quotes.size(), 1u);
  EXPECT_EQ(cued.quotes[0].kind, QuoteKind::partial);
  Document opening = run("\"Never,\" the man in the hat said.");
  EXPECT_EQ(opening.quotes.size(), 1u);
  quotelink::Config off;
  off.indirect = false;
  quotelink::Extractor marked_only(off);
  Document kept = marked_only.extract("The so-called \"reform\" passed.");
  EXPECT_EQ(kept.quotes.size(), 1u);
}

TEST(Reported, ReportInsideAReportIsPartOfIt) {
  // The stance inside Christie's announcement is his announcement's content.
  Document doc =
      run("Chris Christie announced that he wants a recount in Ohio.");
  EXPECT_EQ(document_indirect_texts(doc),
            std::vector<std::string>{"that he wants a recount in Ohio"});
  EXPECT_EQ(speaker_of(doc, "that he wants"), "Chris Christie");
  Document shared =
      run("Jane Roe shared Sanders's criticism of the trade deal.");
  EXPECT_EQ(document_indirect_texts(shared),
            std::vector<std::string>{"Sanders's criticism of the trade deal"});
  // A speech verb's report stands inside another (reported_nested_verbs).
  Document told =
      run("Officials said Kim told Putin that the talks would go on.");
  EXPECT_EQ(
      document_indirect_texts(told),
      (std::vector<std::string>{"Kim told Putin that the talks would go on",
                                "that the talks would go on"}));
  EXPECT_EQ(speaker_of(told, "that the talks"), "Kim");
}

TEST(Reported, ALinkIsNoClause) {
  EXPECT_EQ(only_indirect(run("The agency reports: http://example.com/story")),
            "<0 quotes>");
  EXPECT_EQ(only_indirect(run("The agency reports: the talks have failed.")),
            "the talks have failed");
}

TEST(Reported, ClauseOpeningWithANumber) {
  Document doc =
      run("Officials said 2016 has been a difficult year for the party.");
  EXPECT_EQ(only_indirect(doc), "2016 has been a difficult year for the party");
  EXPECT_EQ(speaker_of(doc, "2016 has been"), "Officials");
  // A number without a verb after it is an object, not a clause.
  EXPECT_EQ(only_indirect(run("The Senate confirmed 92 to 0 on Tuesday.")),
            "<0 quotes>");
}

TEST(Reported, SplitClauseAfterTimeWords) {
  Document doc = run(
      "The talks collapsed on Thursday, state media said Friday, the latest "
      "sign of strain between the two.");
  const Quote* q = quote_starting(doc, "The talks collapsed");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->sieve, "reported_split");
  EXPECT_EQ(mention_of(doc, *q), "state media");
  // Without words after the comma the clause is the fronted one alone.
  EXPECT_EQ(only_indirect(run("The talks collapsed on Thursday, state media "
                              "said Friday.")),
            "The talks collapsed on Thursday");
}

TEST(Reported, AnIntroductoryPhraseIsNoFrontedClause) {
  EXPECT_EQ(only_indirect(run("In a 1963 speech, George Wallace said.")),
            "<0 quotes>");
  // A clause after the phrase is reported with it.
  EXPECT_EQ(
      only_indirect(run("In all, the talks failed, George Wallace said.")),
      "In all, the talks failed");
}

TEST(Reported, FormsMostlyNounsReportNoClauseAfterThem) {
  // reported_no_clause_forms: "comments", "push", ...
  EXPECT_EQ(only_indirect(run("The senator was under fire about recent "
                              "comments he made regarding trade.")),
            "<0 quotes>");
  EXPECT_EQ(only_indirect(
                run("Jane Roe will push the president's plan in interviews.")),
            "<0 quotes>");
  // A fronted clause is still reported.
  EXPECT_EQ(only_indirect(run("The plan will fail, Jane Roe comments.")),
            "The plan will fail");
}

TEST(Reported, ANounFormWithoutSubjectClosesNoReport) {
  EXPECT_EQ(only_indirect(run("But since cresting in New Hampshire, his wave "
                              "has receded as the contest shifts to larger, "
                              "more diverse states.")),
            "<0 quotes>");
  // With its subject the form still reports the fronted clause.
  EXPECT_EQ(only_indirect(run("The race has tightened, the report states.")),
            "The race has tightened");
}

TEST(Reported, ATermDoesNotBorrowTheNeighbouringSpeaker) {
  // The continuation sieve lends Jane Roe's name to the next quotation; a
  // term in marks is still nobody's words.
  Document doc =
      run("\"We will win this state,\" Jane Roe said. \"It is time.\" The "
          "campaign's \"ground game\" is strong.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.text_of(doc.quotes[1]), "It is time.");
  // Nor does a cue elsewhere in the sentence (the same_sentence sieve).
  EXPECT_TRUE(run("Jane Roe asked Sanders about the \"2 million-plus\" figure.")
                  .quotes.empty());
  // A longer quotation in a sentence without a cue keeps the lent speaker.
  Document longer = run(
      "\"We will win this state,\" Jane Roe said. Her \"ground game for the "
      "whole of the coming season\" is strong.");
  EXPECT_EQ(speaker_of(longer, "ground game"), "Jane Roe");
}

TEST(Reported, ClauseEndsAtACommaBeforeAClauseBreak) {
  Document doc =
      run("Jane Roe said the plan was sound, but critics remain unconvinced.");
  EXPECT_EQ(only_indirect(doc), "the plan was sound");
  Document semicolon =
      run("Jane Roe said the plan was sound; critics remain unconvinced.");
  EXPECT_EQ(only_indirect(semicolon), "the plan was sound");
  Document summary =
      run("Jane Roe said the plan was sound - a claim her rivals dispute.");
  EXPECT_EQ(only_indirect(summary), "the plan was sound");
}

TEST(Reported, SubjectBeforeALongApposition) {
  Document doc =
      run("The employee of four years, 27, who spoke on the condition of "
          "anonymity, said she became pregnant last year.");
  EXPECT_EQ(only_indirect(doc), "she became pregnant last year");
  EXPECT_EQ(mention_of(doc, *quote_starting(doc, "she became")),
            "The employee");
  Document dash = run(
      "Neil Roe, director of the group - which has endorsed Jane Roe - said "
      "the vote was close.");
  EXPECT_EQ(only_indirect(dash), "the vote was close");
  EXPECT_EQ(speaker_of(dash, "the vote"), "Neil Roe");
}

TEST(Reported, NounLikeCueFormsReportNoClauseAfterThem) {
  for (const char* text : {
           "Jane Roe campaigned in early voting states that vote next week.",
           "Jane Roe thought the plan a waste of money.",
       })
    EXPECT_EQ(only_indirect(run(text)), "<0 quotes>") << text;
  Document fronted = run("The plan would fail, Jane Roe thought.");
  EXPECT_EQ(only_indirect(fronted), "The plan would fail");
}

TEST(Reported, AccordingToInsideTheSentence) {
  Document because =
      run("Jane Roe will skip the debate because, according to officials, "
          "the moderators would ignore her.");
  EXPECT_EQ(only_indirect(because), "the moderators would ignore her");
  Document inside =
      run("Acme receives, according to Jane Roe, $2 million from the state.");
  EXPECT_EQ(only_indirect(inside),
            "Acme receives, according to Jane Roe, $2 million from the state");
}

TEST(Reported, SpeakerAndColonOpeningAParagraph) {
  Document doc =
      run("Jane Roe: The plan will fail.\n\nJane Roe spoke in Ohio on Friday.");
  EXPECT_EQ(only_indirect(doc), "The plan will fail");
  EXPECT_EQ(speaker_of(doc, "The plan"), "Jane Roe");
  EXPECT_EQ(sieve_of(doc, "The plan"), "reported_colon");
  // Not a pronoun, not a place, not inside a paragraph.
  for (const char* text : {"Ohio: The plan will fail badly.",
                           "On Friday we met Jane Roe: the plan is late."})
    EXPECT_EQ(only_indirect(run(text)), "<0 quotes>") << text;
}

TEST(Reported, FrontedClauseStartsAfterADateline) {
  EXPECT_EQ(only_indirect(run(
                "SEOUL, Nov. 21 (Yonhap) -- North Korean leader Kim Jong-un "
                "has asked Russia to help, a South Korean official said.")),
            "North Korean leader Kim Jong-un has asked Russia to help");
  EXPECT_EQ(only_indirect(run("WASHINGTON \xE2\x80\x94 The plan will fail, "
                              "the senator said.")),
            "The plan will fail");
  // No place or agency before the dash: no dateline.
  EXPECT_EQ(only_indirect(run("Jane Roe -- the favourite -- will win, her "
                              "aides said.")),
            "Jane Roe -- the favourite -- will win");
}

TEST(Reported, PredicativeAsCueDoesNotEndTheClause) {
  EXPECT_EQ(
      only_indirect(
          run("The dispatch said Choe Ryong Hae, a high-ranking member of the "
              "party widely seen as a close confidant of Kim, would visit "
              "Russia soon.")),
      "Choe Ryong Hae, a high-ranking member of the party widely seen "
      "as a close confidant of Kim, would visit Russia soon");
  // "the ruling party": a cue word after a determiner ends no clause.
  EXPECT_EQ(only_indirect(run("The dispatch said Choe, a member of the ruling "
                              "party, would visit Russia soon.")),
            "Choe, a member of the ruling party, would visit Russia soon");
  // "without elaborating": a gerund adjunct, not a new report.
  EXPECT_EQ(only_indirect(run("The dispatch said Choe, a member of the party, "
                              "would visit Russia soon, without elaborating "
                              "further.")),
            "Choe, a member of the party, would visit Russia soon");
}

TEST(Reported, ObjectEndsBeforeTheSpeakersNextPredicate) {
  // "and has appeared": the speaker's next predicate; "last week" is no
  // part of the object.
  EXPECT_EQ(only_indirect(run("Jane Roe endorsed Neil Roe last week and has "
                              "appeared at his rallies since.")),
            "Neil Roe");
  // Far into a clause, "and has" continues the clause's own subject.
  EXPECT_EQ(only_indirect(run("Jane Roe said the plan to rebuild the old "
                              "bridge over the river was sound and has "
                              "support.")),
            "the plan to rebuild the old bridge over the river was sound and "
            "has support");
}

TEST(Reported, ClauseEndsBeforeADefiniteApposition) {
  EXPECT_EQ(only_indirect(run("Jane Roe said she backs Neil Roe and his "
                              "plans, the presumptive nominee of the party.")),
            "she backs Neil Roe and his plans");
}

TEST(Reported, QuantityOfPeopleBeforeACueIsTheSource) {
  for (const auto& [text, source] :
       std::vector<std::pair<std::string, std::string>>{
           {"Sixty-six percent said it made no difference to them.",
            "Sixty-six percent"},
           {"Six in 10 say he is at least somewhat decisive.", "Six in 10"},
           {"Three-quarters said they were very worried.", "Three-quarters"},
           {"And half said they were very worried.", "half"},
           {"A majority said the plan was sound.", "A majority"},
           {"A White House official who spoke said the plan was sound.",
            "A White House official"},
           {"Jane Roe won, while 9 percent said the plan was a deterrent.",
            "9 percent"}}) {
    Document doc = run(text);
    std::vector<const Quote*> q = indirect(doc);
    ASSERT_EQ(q.size(), 1u) << text;
    EXPECT_EQ(mention_of(doc, *q[0]), source) << text;
  }
  // A number inside a phrase is no quantity of people ("the 2016 race").
  Document year = run("The 2016 race said nothing new about the party.");
  for (const Quote& q : year.quotes)
    EXPECT_EQ(q.mention, -1) << year.text_of(q);
}

TEST(Reported, GerundAfterAPrepositionReportsItsTopic) {
  EXPECT_EQ(only_indirect(run("The billionaire began by talking about the "
                              "state's drug crisis.")),
            "the state's drug crisis");
  // Without its topic preposition a gerund adjunct reports nothing.
  EXPECT_EQ(only_indirect(run("The billionaire began by talking loudly.")),
            "<0 quotes>");
}

TEST(Reported, ColonLineWithItsOwnCueIsACredit) {
  // A wire credit before the colon; the line's own cue ("slammed") reports.
  Document doc =
      run("Agence France-Presse: Russia on Thursday slammed as "
          "\"counter-productive\" a landmark UN resolution on the North.");
  for (const Quote& q : doc.quotes)
    EXPECT_NE(q.sieve, "reported_colon") << doc.text_of(q);
  EXPECT_EQ(speaker_of(doc, "counter-productive"), "Russia");
}

TEST(Reported, MentionAfterTheCueThatOpensTheClauseIsNoInvertedSource) {
  Document doc = run(
      "Neil Roe, a former aide to Jane Roe and now the chairman of the party "
      "in Ohio, said the plan would fail.");
  EXPECT_EQ(only_indirect(doc), "the plan would fail");
  EXPECT_EQ(speaker_of(doc, "the plan"), "Neil Roe");
  Document inverted = run(
      "The talks will resume next week, said Foreign Minister Sergei Lavrov, "
      "a veteran diplomat.");
  EXPECT_EQ(only_indirect(inverted), "The talks will resume next week");
  EXPECT_EQ(sieve_of(inverted, "The talks"), "reported_inverted");
}

TEST(Reported, SplitClauseEndsLikeAnyOther) {
  Document gerund =
      run("The talks failed, a senior official said, adding that the cost was "
          "hard to estimate.");
  EXPECT_EQ(indirect_texts(gerund),
            (std::vector<std::string>{"The talks failed",
                                      "that the cost was hard to estimate"}));
  Document semicolon =
      run("The talks failed, a senior official said, and the envoys left; the "
          "markets fell.");
  ASSERT_TRUE(quote_starting(semicolon, "The talks"));
  EXPECT_EQ(semicolon.text_of(*quote_starting(semicolon, "The talks")),
            "The talks failed, a senior official said, and the envoys left");
}

TEST(Reported, WhatSeemsSoIsTheWritersImpression) {
  Document doc = run("Jane Roe seemed to back down on the tax plan.");
  EXPECT_EQ(only_indirect(doc), "to back down on the tax plan");
  EXPECT_EQ(speaker_of(doc, "to back down"), "<none>");
  EXPECT_EQ(sieve_of(doc, "to back down"), "reported_after");
}

TEST(Reported, PassiveQuestionHasNoAsker) {
  Document opening =
      run("Asked whether the plan would pass, Jane Roe shrugged.");
  EXPECT_EQ(only_indirect(opening), "whether the plan would pass");
  EXPECT_EQ(speaker_of(opening, "whether the plan"), "<none>");
  EXPECT_EQ(sieve_of(opening, "whether the plan"), "reported_asked");
  Document passive = run("Jane Roe was asked about the tax plan at the rally.");
  EXPECT_EQ(only_indirect(passive), "the tax plan at the rally");
  EXPECT_EQ(speaker_of(passive, "the tax plan"), "<none>");
}

TEST(Reported, SpeechVerbsThatReportNothing) {
  for (const char* text : {
           "The bill says nothing about taxes.",
           "As I said, the plan is sound.",
           "The so-called reform passed the Senate.",
           "Did the minister say the talks would resume?",
           "The United States imposed new sanctions on the country.",
           "His remarks drew criticism from the opposition.",
           "The senator said in response to a question.",
           "Jane Roe spoke for an hour at the rally.",
       })
    EXPECT_EQ(only_indirect(run(text)), "<0 quotes>") << text;
}

TEST(Reported, ConfigIndirectOffKeepsOnlyMarkedQuotes) {
  quotelink::Config config;
  config.indirect = false;
  quotelink::Extractor extractor(config);
  Document doc = extractor.extract(
      "The senator said the plan was \"a disaster for farmers\" and should be "
      "withdrawn. Diplomats say China would veto the measure.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::partial);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), "a disaster for farmers");
}

TEST(Reported, QuotesSortedAndOffsetsValid) {
  Document doc = run(
      "Officials said the vote was \"rigged.\" \"We will appeal,\" the party "
      "said. The court will rule next week, according to its clerk. Jane Roe "
      "told reporters that she expected to win.");
  ASSERT_GE(doc.quotes.size(), 4u);
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    for (const quotelink::Span& part : q.quoted_parts)
      EXPECT_TRUE(q.span.contains(part));
    if (i > 0) EXPECT_LE(doc.quotes[i - 1].span.begin, q.span.begin);
  }
}

TEST(Reported, MergeCuesDropsOverlaps) {
  using quotelink::detail::Cue;
  auto cue = [](int first, int last) {
    Cue c;
    c.first = first;
    c.last = last;
    return c;
  };
  std::vector<Cue> merged = quotelink::detail::merge_cues(
      {cue(2, 3), cue(8, 8)}, {cue(0, 0), cue(3, 4), cue(5, 5), cue(8, 8)});
  std::vector<int> firsts;
  for (const Cue& c : merged) firsts.push_back(c.first);
  EXPECT_EQ(firsts, (std::vector<int>{0, 2, 5, 8}));
}

Document seed(const std::string& name) {
  std::ifstream in(std::string(QUOTELINK_EXAMPLES_DIR) + "/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return quotelink::extract(ss.str(), name);
}

// Every Unicode dash (Pd) ends a topic at its apposition, as in the sieves:
// the horizontal bar and the figure dash as well as the em dash.
TEST(ReportedEnds, AnyUnicodeDashEndsATopic) {
  for (const char* dash : {"\u2014", "\u2015", "\u2012"}) {
    const Document doc = run(std::string("The senator talked about the drug "
                                         "crisis ") +
                             dash + " a scourge of the state.");
    EXPECT_EQ(indirect_texts(doc), std::vector<std::string>{"the drug crisis"})
        << dash;
  }
}

// A dateline's words are capitalised in any script: "\u00c9VIAN (AFP) \u2014"
// opens no fronted clause, as "EVIAN (AFP) \u2014" does not.
TEST(ReportedEnds, DatelineWithANonAsciiCapitalIsLeftOut) {
  for (const char* place :
       {"EVIAN", "\u00c9VIAN", "\u041c\u041e\u0421\u041a\u0412\u0410"}) {
    const Document doc = run(std::string(place) +
                             " (AFP) \u2014 The talks will resume next week, "
                             "a senior official said Friday.");
    EXPECT_EQ(indirect_texts(doc),
              std::vector<std::string>{"The talks will resume next week"})
        << place;
  }
}

// A gerund cue after a partial quotation's closing comma and mark reports
// its own clause, which ends the one before; a gerund inside the marks does
// not.
TEST(ReportedEnds, GerundCueAfterQuotedComma) {
  Document doc =
      run("He said that is a \"distortion,\" describing the team as highly "
          "accomplished.");
  EXPECT_EQ(indirect_texts(doc),
            (std::vector<std::string>{"that is a \"distortion,\"",
                                      "the team as highly accomplished"}));
  Document inside =
      run("She said the plan was \"a good start, adding value\" to the "
          "party.");
  EXPECT_EQ(only_indirect(inside),
            "the plan was \"a good start, adding value\" to the party");
}

// A report inside a subordinate clause that opens the sentence ends at the
// comma closing that clause; a cue after that comma reports to the end.
TEST(ReportedEnds, SubordinateOpeningEndsAtItsComma) {
  Document doc =
      run("Though the mayor said the plan would fail, voters approved it.");
  EXPECT_EQ(only_indirect(doc), "the plan would fail");
  Document asked =
      run("But when voters were asked who would bring change, Smith trounced "
          "Jones.");
  EXPECT_EQ(only_indirect(asked), "who would bring change");
  Document after =
      run("When the vote ended, the mayor said the plan would fail, and it "
          "did.");
  EXPECT_EQ(only_indirect(after), "the plan would fail, and it did");
}

// A short object ends at a clause break or a semicolon, as a longer clause
// does; a complementiser before the break keeps the clause whole.
TEST(ReportedEnds, ShortObjectEndsAtClauseBreak) {
  Document but =
      run("The senator defended his vote, but later he changed course.");
  EXPECT_EQ(only_indirect(but), "his vote");
  Document semicolon =
      run("Many mayors have endorsed her; last month the governor did too.");
  EXPECT_EQ(only_indirect(semicolon), "her");
  Document that =
      run("She argued that, while taxes may rise, workers will gain.");
  EXPECT_EQ(only_indirect(that),
            "that, while taxes may rise, workers will gain");
}

// A short object ends before "and" with a speech verb, its speaker's next
// report; "and" before a noun continues the object.
TEST(ReportedEnds, ShortObjectEndsBeforeNextSpeechVerb) {
  Document doc =
      run("Harry Reid blasted Rubio and defended Cruz in a recent interview.");
  EXPECT_EQ(indirect_texts(doc), (std::vector<std::string>{"Rubio", "Cruz"}));
  Document noun =
      run("The governor praised the workers and managers of the plant.");
  EXPECT_EQ(only_indirect(noun), "the workers and managers of the plant");
}

// A name or object pronoun object ends before an adjunct of the report
// (class reported_adjuncts); "as" before a noun phrase stays in the object.
TEST(ReportedEnds, NameObjectEndsBeforeAdjunct) {
  Document name = run("The senator criticized Bill Clinton during a debate.");
  EXPECT_EQ(only_indirect(name), "Bill Clinton");
  Document pronoun =
      run("The senator opposed it as she prepared her campaign.");
  EXPECT_EQ(only_indirect(pronoun), "it");
  Document topic = run("He talked about Trump during a rally.");
  EXPECT_EQ(only_indirect(topic), "Trump");
  Document as = run("The senator described Trump as a dangerous man.");
  EXPECT_EQ(only_indirect(as), "Trump as a dangerous man");
}

// A report ends at ", and he" / ", and they" (reported_clause_break_pairs),
// after a closing quotation mark too; ", and it" continues it.
TEST(ReportedEnds, ClauseBreakPairEndsReport) {
  Document he =
      run("The mayor denied that the deal was signed, and he left the room.");
  EXPECT_EQ(only_indirect(he), "that the deal was signed");
  Document quoted =
      run("The mayor decried the \"politics of anything goes,\" and they left "
          "the room.");
  EXPECT_EQ(only_indirect(quoted), "the \"politics of anything goes,\"");
  Document it = run("The mayor said the deal was signed, and it was legal.");
  EXPECT_EQ(only_indirect(it), "the deal was signed, and it was legal");
}

// A report opening with a subordinate clause ("that if A, he B") does not
// end at that clause's comma when another cue's source follows it; a report
// without one still ends before the next speaker's report.
TEST(ReportedEnds, OpeningSubordinateKeepsItsMainClause) {
  Document doc = run(
      "He told voters that if Iran were a stock, he would advise buying it.");
  const Quote* q = quote_starting(doc, "that if Iran");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.text_of(*q),
            "that if Iran were a stock, he would advise buying it");
  Document two = run(
      "The senator said the plan had failed, and the mayor said it worked.");
  EXPECT_EQ(indirect_texts(two),
            (std::vector<std::string>{"the plan had failed", "it worked"}));
}

// A one-word object ends before ", saying": the gerund cue reports its own
// clause; a gerund that is no cue continues the object.
TEST(ReportedEnds, ShortObjectEndsBeforeGerundCue) {
  Document doc =
      run("The senator praised Putin, saying he was a strong leader.");
  EXPECT_EQ(indirect_texts(doc),
            (std::vector<std::string>{"Putin", "he was a strong leader"}));
  Document other = run("The senator praised Putin, hitting the table.");
  EXPECT_EQ(only_indirect(other), "Putin, hitting the table");
}

// A report inside a relative on the sentence's subject ends at the comma
// closing the subject; a relative further on keeps the report whole.
TEST(ReportedEnds, SubjectRelativeEndsAtItsComma) {
  Document doc =
      run("A Texas voter who supports Trump, Golvach lost his son in 2009.");
  EXPECT_EQ(only_indirect(doc), "Trump");
  Document late =
      run("The senator met in the hall with voters who praised the plan, his "
          "aides and the mayor.");
  EXPECT_EQ(only_indirect(late), "the plan, his aides and the mayor");
}

// The reported speech named in issue #7, with its sources.
TEST(ReportedSeeds, IssueSevenAttributions) {
  Document lavrov = seed("004_7c450318e5af89d7.txt");
  const Quote* visit = quote_starting(lavrov, "that the visit would include");
  ASSERT_TRUE(visit);
  EXPECT_EQ(visit->kind, QuoteKind::indirect);
  EXPECT_EQ(speaker_of(lavrov, "that the visit would include"),
            "Russian Foreign Ministry source");
  const Quote* veto = quote_starting(lavrov, "North Korea ally China");
  ASSERT_TRUE(veto);
  EXPECT_EQ(speaker_of(lavrov, "North Korea ally China"), "Diplomats");

  Document yonhap = seed("002_31c500eed09be67c.txt");
  const Quote* asked = nullptr;
  for (const Quote& q : yonhap.quotes)
    if (q.kind == QuoteKind::indirect &&
        yonhap.text_of(q).find("Kim Jong-un has asked") != std::string::npos)
      asked = &q;
  ASSERT_TRUE(asked);
  EXPECT_EQ(mention_of(yonhap, *asked), "a South Korean official");
  EXPECT_EQ(asked->sieve, "reported_fronted+model");  // the model accepted it
}

// "his criticism of A": a possessive pronoun holds the reporting noun and
// resolves like "he"; it never speaks a quotation beside it.
TEST(Reported, PossessivePronounHoldsAReportingNoun) {
  Document doc = run(
      "Senator Bernie Sanders spoke in Iowa on Monday. He has toned down his "
      "criticism of the trade deal.");
  const Quote* q = quote_starting(doc, "the trade deal");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.text_of(*q), "the trade deal");
  EXPECT_EQ(mention_of(doc, *q), "his");
  EXPECT_EQ(speaker_of(doc, "the trade deal"), "Bernie Sanders");
  Document direct = run(
      "Senator Bernie Sanders spoke in Iowa on Monday. \"The plan is dead,\" "
      "his spokesman said.");
  const Quote* d = quote_starting(direct, "The plan is dead");
  ASSERT_TRUE(d);
  EXPECT_EQ(mention_of(direct, *d), "his spokesman");
}

// "attacks on A", "support for A" are reporting nouns; without a holder
// they report nothing.
TEST(Reported, AttacksOnAndSupportForAreReportingNouns) {
  Document doc =
      run("Donald Trump on Thursday ratcheted up his attacks on Marco Rubio.");
  EXPECT_EQ(only_indirect(doc), "Marco Rubio");
  EXPECT_EQ(speaker_of(doc, "Marco Rubio"), "Donald Trump");
  Document support =
      run("Jane Roe spoke on Monday. Roe's support for the plan is new.");
  EXPECT_EQ(speaker_of(support, "the plan"), "Jane Roe");
  Document behind =
      run("Mike Pence spoke on Monday. He has thrown his support behind Paul "
          "Ryan.");
  EXPECT_EQ(speaker_of(behind, "Paul Ryan"), "Mike Pence");
  Document assault =
      run("Jane Roe spoke on Monday. Her assault on the plan was fierce.");
  EXPECT_EQ(only_indirect(assault), "the plan");
  EXPECT_EQ(only_indirect(run("The attacks on the embassy continued.")),
            "<0 quotes>");
}

// "Roe's critique of A was sharp": a possessive holder opening the sentence
// makes the noun phrase the subject, and the topic ends before its verb.
TEST(Reported, TopicOfASubjectNounPhraseEndsBeforeItsVerb) {
  EXPECT_EQ(only_indirect(run("Jane Roe's critique of his opponents was "
                              "sharp.")),
            "his opponents");
  EXPECT_EQ(only_indirect(run("His criticism of the trade deal has grown.")),
            "the trade deal");
  // Held by the subject of a light verb, the topic runs on.
  EXPECT_EQ(only_indirect(run("Jane Roe raised questions about whether the "
                              "plan was legal.")),
            "whether the plan was legal");
}

}  // namespace
