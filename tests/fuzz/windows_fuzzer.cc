// libFuzzer target: the windowed path of the pipeline (pipeline.h).
//
// Extraction analyses texts over kWindowBytes (32 KB) window by window, but
// libFuzzer's inputs are far shorter, so the `extract` target never reaches a
// window cut. Here the first input byte picks a window of 16 to 271 bytes and
// the rest is the text (invalid UTF-8 replaced, as validate_utf8 does for the
// Extractor), so that every input of a few hundred bytes is cut several times:
// at paragraph breaks, sentence ends, spaces or, in a text without them,
// between characters. The merged document must satisfy check_document(), its
// text must be the input's, and its paragraphs must cover the text in order.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "invariants.h"
#include "pipeline.h"
#include "quotelink/quotelink.h"
#include "text.h"

namespace {

[[noreturn]] void fail(std::size_t window, const std::string& problem) {
  std::fprintf(stderr, "quotelink invariant broken (window %zu): %s\n", window,
               problem.c_str());
  std::abort();
}

const quotelink::Lexicon& lexicon() {
  static const quotelink::Lexicon instance{quotelink::Config{}};
  return instance;
}

// Paragraph spans are ordered and do not overlap (windows are merged with
// their paragraph numbering continued across cuts).
std::string check_paragraph_order(const quotelink::Document& doc) {
  std::size_t last_end = 0;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const quotelink::Span& span = doc.paragraphs[p].span;
    if (span.begin < last_end)
      return "paragraph " + std::to_string(p) + " starts before the end of " +
             "the previous one";
    last_end = span.end;
  }
  return "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const std::size_t window = 16 + data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  quotelink::Document doc;
  std::size_t replaced = 0;
  doc.text = quotelink::detail::validate_utf8(input, true, &replaced);
  const std::string text = doc.text;
  try {
    quotelink::detail::run_pipeline(doc, lexicon(), quotelink::Config{},
                                    window);
  } catch (const quotelink::error& e) {
    fail(window, std::string("threw: ") + e.what());
  }
  if (doc.text != text) fail(window, "document text differs from input");
  std::string problem = quotelink::testing::check_document(doc);
  if (problem.empty()) problem = check_paragraph_order(doc);
  if (!problem.empty()) fail(window, problem);
  return 0;
}
