// Long documents analysed in windows (pipeline.h): where windows are cut, and
// that the windowed result is the one of the whole text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../fuzz/invariants.h"
#include "pipeline.h"
#include "quotelink/error.h"
#include "text.h"

namespace quotelink::detail {
namespace {

const Lexicon& lexicon() {
  static const Lexicon instance{Config{}};
  return instance;
}

Document run(const std::string& text, std::size_t window) {
  Document doc;
  doc.text = text;
  run_pipeline(doc, lexicon(), Config{}, window);
  EXPECT_EQ(quotelink::testing::check_document(doc), "");
  return doc;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The example articles one after another, separated by blank lines.
std::string example_articles() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(QUOTELINK_EXAMPLES_DIR))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::string text;
  for (const auto& path : paths) text += read_file(path.string()) + "\n\n";
  return text;
}

std::string cut_at(std::string_view text, std::size_t begin, std::size_t size,
                   WindowCut* cut) {
  return std::string(text.substr(window_end(text, begin, size, cut)));
}

TEST(WindowEnd, WholeRestWhenItFits) {
  WindowCut cut = WindowCut::paragraph;
  EXPECT_EQ(window_end("One. Two.", 0, 100, &cut), 9u);
  EXPECT_EQ(cut, WindowCut::end);
}

TEST(WindowEnd, PrefersTheLatestParagraphBreakBeforeACapital) {
  const std::string text =
      "First one.\n\nSecond one. More.\n\nThird one here. And more text.";
  WindowCut cut = WindowCut::end;
  EXPECT_EQ(cut_at(text, 0, 40, &cut), "Third one here. And more text.");
  EXPECT_EQ(cut, WindowCut::paragraph);
}

TEST(WindowEnd, NeverBeforeAParagraphThatMayContinueAQuotation) {
  // A paragraph opening with a quotation mark or in lower case may continue
  // the quotation of the paragraph before: the cut goes to an earlier break.
  const std::string text =
      "Intro text.\n\n\"First part of it\n\n\"the rest of it,\" he said.";
  WindowCut cut = WindowCut::end;
  const std::string rest = cut_at(text, 0, text.size() - 1, &cut);
  EXPECT_NE(rest.front(), '"');
  EXPECT_NE(cut, WindowCut::paragraph);
  const std::string lower = "Intro text here.\n\nmore text. Then more words.";
  EXPECT_EQ(cut_at(lower, 0, lower.size() - 1, &cut), "Then more words.");
  EXPECT_EQ(cut, WindowCut::sentence);
}

TEST(WindowEnd, InsideLongParagraphsAtSentencesThenSpacesThenCharacters) {
  WindowCut cut = WindowCut::end;
  EXPECT_EQ(cut_at("aaaa bbbb. Cccc dddd eeee", 0, 20, &cut), "Cccc dddd eeee");
  EXPECT_EQ(cut, WindowCut::sentence);
  // A sentence opening with a quotation inside the paragraph starts a cut.
  EXPECT_EQ(cut_at("aaaa bbbb. \xE2\x80\x9C"
                   "Cccc dddd eeee",
                   0, 20, &cut),
            "\xE2\x80\x9C"
            "Cccc dddd eeee");
  EXPECT_EQ(cut, WindowCut::sentence);
  EXPECT_EQ(cut_at("aaaa bbbb cccc dddd eeee", 0, 20, &cut), "dddd eeee");
  EXPECT_EQ(cut, WindowCut::space);
  // A line without spaces is cut between characters, never inside one.
  std::string cyrillic;
  for (int i = 0; i < 20; ++i) cyrillic += "\xD0\xB6";
  const std::string rest = cut_at(cyrillic, 0, 15, &cut);
  EXPECT_EQ(cut, WindowCut::character);
  EXPECT_EQ(rest.size() % 2, 0u);
  EXPECT_EQ(rest.size(), cyrillic.size() - 14);
}

TEST(Windows, DocumentOverTheWindowGivesTheQuotesOfTheWholeText) {
  // The examples joined are ~20 KB; 3 KB windows cut them a few times at
  // paragraph breaks. Layout and quotations must be those of the whole text.
  const std::string text = example_articles();
  ASSERT_GT(text.size(), 12000u);
  const Document whole = run(text, text.size());
  const Document windowed = run(text, 3000);
  ASSERT_EQ(windowed.paragraphs.size(), whole.paragraphs.size());
  for (std::size_t p = 0; p < whole.paragraphs.size(); ++p) {
    EXPECT_EQ(windowed.paragraphs[p].span, whole.paragraphs[p].span);
    EXPECT_EQ(windowed.paragraphs[p].heading, whole.paragraphs[p].heading);
    EXPECT_EQ(windowed.paragraphs[p].boilerplate,
              whole.paragraphs[p].boilerplate);
  }
  ASSERT_EQ(windowed.sentences.size(), whole.sentences.size());
  for (std::size_t s = 0; s < whole.sentences.size(); ++s) {
    EXPECT_EQ(windowed.sentences[s].span, whole.sentences[s].span);
    EXPECT_EQ(windowed.sentences[s].paragraph, whole.sentences[s].paragraph);
  }
  ASSERT_EQ(windowed.quotes.size(), whole.quotes.size());
  for (std::size_t q = 0; q < whole.quotes.size(); ++q) {
    const Quote& a = windowed.quotes[q];
    const Quote& b = whole.quotes[q];
    EXPECT_EQ(windowed.text_of(a), whole.text_of(b));
    EXPECT_EQ(a.span, b.span);
    EXPECT_EQ(a.outer, b.outer);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.paragraph, b.paragraph);
    EXPECT_EQ(a.sentence, b.sentence);
    EXPECT_EQ(a.multi_paragraph, b.multi_paragraph);
    EXPECT_EQ(a.headline, b.headline);
  }
  // Most attributions do not depend on text a window away: the same mention
  // speaks (its entity's canonical name may differ, as entities are built
  // from fewer mentions).
  int same_mention = 0;
  for (std::size_t q = 0; q < whole.quotes.size(); ++q) {
    const Quote& a = windowed.quotes[q];
    const Quote& b = whole.quotes[q];
    same_mention +=
        (a.mention < 0 && b.mention < 0) ||
        (a.mention >= 0 && b.mention >= 0 &&
         windowed.mentions[a.mention].span == whole.mentions[b.mention].span);
  }
  EXPECT_GE(same_mention * 10, static_cast<int>(whole.quotes.size()) * 9);
}

TEST(Windows, ANamedSpeakerInManyWindowsIsOneEntity) {
  std::string text;
  while (text.size() < 20000)
    text +=
        "\"We will not accept this,\" Foreign Minister Sergei Lavrov said on "
        "Tuesday.\n\n";
  const Document doc = run(text, 4096);
  ASSERT_GT(doc.quotes.size(), 100u);
  for (const Quote& quote : doc.quotes) {
    ASSERT_GE(quote.speaker, 0);
    EXPECT_EQ(quote.speaker, doc.quotes.front().speaker);
  }
  EXPECT_EQ(doc.entities[doc.quotes.front().speaker].name, "Sergei Lavrov");
}

TEST(Windows, OverlongParagraphStaysOneParagraph) {
  // One paragraph of 40 KB cut at sentence ends: still one paragraph, and
  // every quotation of the whole text.
  std::string text;
  while (text.size() < 40000)
    text += "Officials said the talks \"went well and will go on\" today. ";
  const Document whole = run(text, text.size());
  const Document windowed = run(text, 4096);
  ASSERT_EQ(windowed.paragraphs.size(), 1u);
  EXPECT_EQ(windowed.paragraphs[0].span, whole.paragraphs[0].span);
  ASSERT_EQ(windowed.quotes.size(), whole.quotes.size());
  for (std::size_t q = 0; q < whole.quotes.size(); ++q) {
    EXPECT_EQ(windowed.quotes[q].span, whole.quotes[q].span);
    EXPECT_EQ(windowed.quotes[q].paragraph, 0);
  }
  EXPECT_EQ(windowed.sentences.size(), whole.sentences.size());
}

TEST(Windows, HostileLongLinesGiveValidDocuments) {
  // No spaces, unbalanced marks, nesting: cut anywhere, still well-formed.
  for (const std::string unit : {"a", "\"word ",
                                 "\xE2\x80\x9C"
                                 "a ",
                                 "\r\n"}) {
    std::string text;
    while (text.size() < 30000) text += unit;
    const Document doc = run(text, 2048);
    EXPECT_EQ(doc.text, text);
  }
}

TEST(Windows, TextOverTwoGibibytesIsAClearError) {
  // The size is checked before a byte is read, so no 2 GiB are allocated.
  const char byte = 'a';
  const std::string_view huge(&byte, (std::size_t{1} << 31) + 1);
  EXPECT_THROW(validate_utf8(huge, false, nullptr), quotelink::error);
  try {
    validate_utf8(huge, true, nullptr);
  } catch (const quotelink::error& e) {
    EXPECT_NE(std::string(e.what()).find("2 GiB"), std::string::npos);
  }
}

}  // namespace
}  // namespace quotelink::detail
