// Issue #19's stage-level regression checks (tests/cpp/scripts_test.cc:
// Nfd.CombiningMarksStayInTheirWord and
// WindowsNeverCutBetweenALetterAndItsMark, Cjk.* pairing and sentences,
// French.* pairing) written against the API of b51f80e, where the defects were
// found (Quote::text existed then), so that they can be compiled against that
// revision's own headers and library:
//
//   mkdir -p /tmp/b51src && git archive b51f80e cpp | tar -x -C /tmp/b51src
//   python -c "import sys; sys.path.insert(0, 'scripts'); import compare_builds
//   as c; c.build_commit('b51f80e', False)"
//   g++ -std=c++17 -O1 -I/tmp/b51src/cpp/src -I/tmp/b51src/cpp/include \
//     scripts/issue19_b51_stage.cc build/base-b51f80ee4fba/cmake/libquotelink.a
//     \
//     $(pkg-config --libs icu-i18n icu-uc) -o /tmp/b51_stage && /tmp/b51_stage
//
// It prints pass or FAIL per check; docs/reliability.md records the results.
#include <cstdio>
#include <string>
#include <vector>

#include "quotelink/extractor.h"
#include "quotes.h"
#include "text.h"
using namespace quotelink::detail;
using Strings = std::vector<std::string>;
const TextTables& tables() {
  static const TextTables t = TextTables::load(quotelink::Config{});
  return t;
}
Strings token_texts(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  Strings out;
  for (const Token& token : layout.tokens)
    out.push_back(text.substr(token.span.begin, token.span.size()));
  return out;
}
Strings paired(const std::string& text) {
  TextLayout layout = analyse_text(text, tables());
  Strings out;
  for (const quotelink::Quote& q : find_quotes(text, layout))
    out.push_back(q.text);
  return out;
}
int failures = 0;
void expect(const char* name, const Strings& got, const Strings& want) {
  const bool ok = got == want;
  failures += !ok;
  std::printf("%s: %s", name, ok ? "pass" : "FAIL, got [");
  if (!ok) {
    for (const std::string& s : got) std::printf(" \"%s\"", s.c_str());
    std::printf(" ]");
  }
  std::printf("\n");
}
int main() {
  const std::string amelie = "Ame\xCC\x81lie", bjorn = "Bjo\xCC\x88rn";
  expect("Nfd.CombiningMarksStayInTheirWord",
         token_texts(amelie + " Dupont, " + bjorn + " Borg"),
         {amelie, "Dupont", ",", bjorn, "Borg"});
  const std::string
      he_said = "\xE4\xBB\x96\xE8\xAF\xB4",
      win = "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE8\xB5\xA2",
      left = "\xE7\x84\xB6\xE5\x90\x8E\xE8\xB5\xB0\xE4\xBA\x86\xE3\x80\x82";
  for (auto [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"\xE3\x80\x8C", "\xE3\x80\x8D"},
           {"\xE3\x80\x8E", "\xE3\x80\x8F"},
           {"\xE2\x80\x9C", "\xE2\x80\x9D"},
           {"\"", "\""}})
    expect(("Cjk.MarksBetweenLettersPair " + open).c_str(),
           paired(he_said + open + win + close + left), {win});
  {
    const std::string text = "\xE3\x80\x8C" + win + "\xE3\x80\x82\xE3\x80\x8D" +
                             he_said + "\xE3\x80\x82";
    const std::size_t sentences = analyse_text(text, tables()).sentences.size();
    expect("Cjk.IdeographicFullStopEndsASentence (sentences)",
           {std::to_string(sentences)}, {"2"});
  }
  const std::string o = "\xC2\xAB", c = "\xC2\xBB";
  for (const std::string& space :
       {std::string(" "), std::string("\xC2\xA0"), std::string("\xE2\x80\xAF")})
    expect(("French.SpacedGuillemetsPair space of " +
            std::to_string(space.size()) + " bytes")
               .c_str(),
           paired(o + space + "Nous gagnerons cette bataille" + space + c +
                  ", a dit Macron. " + o + space + "Nous allons gagner" +
                  space + c + ", a-t-il ajout\xC3\xA9."),
           {"Nous gagnerons cette bataille", "Nous allons gagner"});
  expect("French.SpacedGuillemetsPair after a colon",
         paired("Macron a d\xC3\xA9"
                "clar\xC3\xA9 : " +
                o + " Nous gagnerons. " + c),
         {"Nous gagnerons."});
  expect("French.UnspacedGuillemetsPair",
         paired(o + "Nous gagnerons cette bataille" + c + ", a dit Macron."),
         {"Nous gagnerons cette bataille"});
  expect("French.UnspacedGuillemetsPair inside",
         paired("Il a dit " + o + "Nous gagnerons" + c + " hier."),
         {"Nous gagnerons"});
  expect("French.GermanReversedGuillemetsStillPair",
         paired(c + "Wir gewinnen" + o + ", sagte er."), {"Wir gewinnen"});
  {
    std::string text;
    while (text.size() < 3000) text += "e\xCC\x81";
    WindowCut cut = WindowCut::end;
    const std::size_t end = window_end(text, 0, 1001, &cut);
    const bool at_mark = text.compare(end, 2, "\xCC\x81") == 0;
    failures += at_mark;
    std::printf(
        "Nfd.WindowsNeverCutBetweenALetterAndItsMark: %s (cut at byte %zu)\n",
        at_mark ? "FAIL, between a letter and its mark" : "pass", end);
  }
  return failures ? 1 : 0;
}
