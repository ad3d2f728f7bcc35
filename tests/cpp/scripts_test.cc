// Unicode beyond NFC English (issue #19): names spelled with combining marks
// (NFD), quotations between CJK letters, and French guillemets with and
// without their spaces. Offsets always point into the text as given.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../fuzz/invariants.h"
#include "quotelink/quotelink.h"
#include "quotes.h"
#include "text.h"

namespace quotelink::detail {
namespace {

const TextTables& tables() {
  static const TextTables instance = TextTables::load(Config{});
  return instance;
}

std::vector<std::string> token_texts(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  std::vector<std::string> out;
  for (const Token& token : layout.tokens)
    out.push_back(text.substr(token.span.begin, token.span.size()));
  return out;
}

std::vector<std::string> paired(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text, layout))
    out.push_back(text.substr(q.span.begin, q.span.size()));
  return out;
}

Document extract_checked(const std::string& text) {
  Document doc = quotelink::extract(text);
  EXPECT_EQ(quotelink::testing::check_document(doc), "");
  return doc;
}

std::vector<std::string> quote_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Quote& q : doc.quotes) out.emplace_back(doc.text_of(q));
  return out;
}

std::string speaker_name(const Document& doc, const Quote& q) {
  return q.speaker < 0 ? "<none>" : doc.entities[q.speaker].name;
}

// NFD spellings: "A" + U+0301 and "o" + U+0308.
const std::string kAmelie = "Ame\xCC\x81lie";
const std::string kBjorn = "Bjo\xCC\x88rn";

TEST(Nfd, CombiningMarksStayInTheirWord) {
  EXPECT_EQ(token_texts(kAmelie + " Dupont, " + kBjorn + " Borg"),
            (std::vector<std::string>{kAmelie, "Dupont", ",", kBjorn, "Borg"}));
  // Marks of other scripts too (Devanagari vowel signs are Mc).
  EXPECT_EQ(token_texts("\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0"
                        "\xA5\x80 text"),
            (std::vector<std::string>{"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0"
                                      "\xA4\xA6\xE0\xA5\x80",
                                      "text"}));
}

TEST(Nfd, SpeakerNamesAreWhole) {
  const std::string text = "\"We will win,\" said " + kAmelie +
                           " Dupont.\n\n\"We will lose,\" " + kBjorn +
                           " Borg said.";
  const Document doc = extract_checked(text);
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(speaker_name(doc, doc.quotes[0]), kAmelie + " Dupont");
  EXPECT_EQ(speaker_name(doc, doc.quotes[1]), kBjorn + " Borg");
  // The mention's offsets are into the text as given (NFD).
  const Mention& mention = doc.mentions[doc.quotes[1].mention];
  EXPECT_EQ(doc.slice(mention.span), kBjorn + " Borg");
}

TEST(Nfd, NfdAndNfcSpellingsAreOneSpeaker) {
  const Document doc = extract_checked("\"We will win,\" said " + kAmelie +
                                       " Dupont. \"Yes,\" said Am\xC3\xA9lie "
                                       "Dupont.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker, doc.quotes[1].speaker);
  EXPECT_EQ(doc.entities.size(), 1u);
}

TEST(Nfd, WindowsNeverCutBetweenALetterAndItsMark) {
  // No space, no sentence: the cut falls between characters, never inside
  // "e" + U+0301.
  std::string text;
  while (text.size() < 3000) text += "e\xCC\x81";
  WindowCut cut = WindowCut::end;
  const std::size_t end = window_end(text, 0, 1001, &cut);
  ASSERT_EQ(cut, WindowCut::character);
  EXPECT_NE(text.compare(end, 2, "\xCC\x81"), 0) << "cut at " << end;
}

// Chinese: 他说「我们会赢」然后走了。 and the same with 『』 and “”.
const std::string kHeSaid = "\xE4\xBB\x96\xE8\xAF\xB4";
const std::string kWeWillWin =
    "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE8\xB5\xA2";
const std::string kThenLeft =
    "\xE7\x84\xB6\xE5\x90\x8E\xE8\xB5\xB0\xE4\xBA\x86\xE3\x80\x82";

TEST(Cjk, MarksBetweenLettersPair) {
  for (const auto& [open, close] :
       std::vector<std::pair<std::string, std::string>>{
           {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「」
           {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『』
           {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “”
           {"\"", "\""}}) {
    const std::string text = kHeSaid + open + kWeWillWin + close + kThenLeft;
    EXPECT_EQ(paired(text), std::vector<std::string>{kWeWillWin}) << open;
    // And the quotation is reported: no English cue lexicon can call it a
    // term in marks.
    EXPECT_EQ(quote_texts(extract_checked(text)),
              std::vector<std::string>{kWeWillWin})
        << open;
  }
}

TEST(Cjk, IdeographicFullStopEndsASentence) {
  // 「我们会赢。」他说。 is two sentences, though no space follows 。」.
  const std::string text = "\xE3\x80\x8C" + kWeWillWin +
                           "\xE3\x80\x82\xE3\x80\x8D" + kHeSaid +
                           "\xE3\x80\x82";
  TextLayout layout = analyse_text(text, tables());
  ASSERT_EQ(layout.sentences.size(), 2u);
  const Document doc = extract_checked(text);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::direct);
}

TEST(Cjk, QuotationAfterAFullwidthColonIsDirect) {
  // 李明说：“我们会赢。”
  const std::string text =
      "\xE6\x9D\x8E\xE6\x98\x8E\xE8\xAF\xB4\xEF\xBC\x9A"
      "\xE2\x80\x9C" +
      kWeWillWin + "\xE3\x80\x82\xE2\x80\x9D";
  const Document doc = extract_checked(text);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.text_of(doc.quotes[0]), kWeWillWin + "\xE3\x80\x82");
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::direct);
}

const std::string kOpen = "\xC2\xAB", kClose = "\xC2\xBB";  // « »

TEST(French, SpacedGuillemetsPair) {
  for (const std::string& space : {std::string(" "), std::string("\xC2\xA0"),
                                   std::string("\xE2\x80\xAF")}) {
    const std::string text = kOpen + space + "Nous gagnerons cette bataille" +
                             space + kClose + ", a dit Macron. " + kOpen +
                             space + "Nous allons gagner" + space + kClose +
                             ", a-t-il ajout\xC3\xA9.";
    EXPECT_EQ(paired(text),
              (std::vector<std::string>{"Nous gagnerons cette bataille",
                                        "Nous allons gagner"}))
        << "space " << space.size();
  }
  EXPECT_EQ(paired("Macron a d\xC3\xA9"
                   "clar\xC3\xA9 : " +
                   kOpen + " Nous gagnerons. " + kClose),
            std::vector<std::string>{"Nous gagnerons."});
}

TEST(French, UnspacedGuillemetsPair) {
  EXPECT_EQ(paired(kOpen + "Nous gagnerons cette bataille" + kClose +
                   ", a dit Macron."),
            std::vector<std::string>{"Nous gagnerons cette bataille"});
  EXPECT_EQ(paired("Il a dit " + kOpen + "Nous gagnerons" + kClose + " hier."),
            std::vector<std::string>{"Nous gagnerons"});
}

TEST(French, GermanReversedGuillemetsStillPair) {
  // »Wir gewinnen«, sagte er: the spacing, not the shape, decides.
  EXPECT_EQ(paired(kClose + "Wir gewinnen" + kOpen + ", sagte er."),
            std::vector<std::string>{"Wir gewinnen"});
}

TEST(French, SpacedGuillemetsGiveTheQuotationNotTheSentence) {
  const Document doc = extract_checked(
      kOpen + " Nous gagnerons cette bataille " + kClose + ", a dit Macron.");
  EXPECT_EQ(quote_texts(doc),
            std::vector<std::string>{"Nous gagnerons cette bataille"});
}

}  // namespace
}  // namespace quotelink::detail
