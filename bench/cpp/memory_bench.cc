// Where extraction's memory goes: live and peak heap bytes after each stage of
// the pipeline on one input file, counted by a replaced global operator new.
//
// Usage: quotelink_memory_bench [--extract-only] FILE
// Prints one line per stage: bytes live after it and the peak reached while it
// ran, both relative to the input size, then the peak of Extractor::extract on
// the same input (analysed in windows, see pipeline.h) and of the pipeline
// run as one window, timed under the same load.

#include <malloc.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <utility>

#include "attribute.h"
#include "pipeline.h"
#include "quotelink/quotelink.h"
#include "quotes.h"
#include "text.h"
#include "token_layer.h"

namespace {

std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};

void* counted_alloc(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (!p) throw std::bad_alloc();
  const std::size_t live = g_live += malloc_usable_size(p);
  std::size_t peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
  return p;
}

void counted_free(void* p) {
  if (!p) return;
  g_live -= malloc_usable_size(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace {

namespace ql = quotelink;

struct Stage {
  std::size_t base_live;
  std::size_t base_peak;
  std::chrono::steady_clock::time_point start;
};

Stage begin_stage() {
  Stage s{g_live.load(), 0, std::chrono::steady_clock::now()};
  g_peak = s.base_live;
  return s;
}

void end_stage(const char* name, const Stage& s, std::size_t input) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - s.start)
          .count();
  const double mb = static_cast<double>(input);
  std::printf(
      "%-22s live %7.2fx  peak %7.2fx  (+%.2fx in stage)  %.3f s\n", name,
      static_cast<double>(g_live.load()) / mb,
      static_cast<double>(g_peak.load()) / mb,
      (static_cast<double>(g_peak.load()) - static_cast<double>(s.base_live)) /
          mb,
      seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const bool extract_only =
      argc == 3 && std::string(argv[1]) == "--extract-only";
  if (argc != 2 && !extract_only) {
    std::cerr << "usage: quotelink_memory_bench [--extract-only] FILE\n";
    return 2;
  }
  std::string input;
  {
    std::ifstream in(argv[argc - 1], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    input = buffer.str();
  }
  const std::size_t n = input.size() ? input.size() : 1;
  const ql::Extractor extractor;
  extractor.extract("\"Yes,\" he said.");  // warm-up: lexicons, ICU data
  const std::size_t baseline = g_live.load();
  std::printf("input %zu bytes; counts exclude the input and the lexicons\n",
              input.size());
  g_live -= baseline;  // report bytes above the warmed-up state

  if (extract_only) {
    Stage s = begin_stage();
    ql::Document doc = extractor.extract(input);
    end_stage("Extractor::extract", s, n);
    return 0;
  }
  {
    ql::Config config;
    const ql::Lexicon lexicon(config);
    const ql::detail::TextTables& text_tables = lexicon.text;
    const std::size_t tables = g_live.load();
    g_live -= tables;
    {
      ql::Document doc;
      Stage s = begin_stage();
      doc.text =
          ql::detail::validate_utf8(input, true, &doc.replaced_invalid_bytes);
      end_stage("validate_utf8", s, n);
      s = begin_stage();
      ql::detail::TextLayout layout =
          ql::detail::analyse_text(doc.text, text_tables);
      end_stage("analyse_text", s, n);
      std::printf(
          "  tokens %zu (%zu bytes each), sentences %zu, "
          "paragraphs %zu\n",
          layout.tokens.size(), sizeof(ql::detail::Token),
          layout.sentences.size(), layout.paragraphs.size());
      s = begin_stage();
      doc.paragraphs = layout.paragraphs;
      doc.sentences = layout.sentences;
      doc.quotes = ql::detail::find_quotes(doc.text, layout);
      end_stage("find_quotes", s, n);
      std::printf("  quotes %zu (%zu bytes each)\n", doc.quotes.size(),
                  sizeof(ql::Quote));
      s = begin_stage();
      const ql::detail::TokenLayer tokens(doc.text, layout, doc.quotes,
                                          lexicon.vocabulary);
      ql::detail::attribute_quotes(doc, layout, tokens, lexicon, config);
      end_stage("attribute_quotes", s, n);
      std::printf("  mentions %zu (%zu bytes each), entities %zu\n",
                  doc.mentions.size(), sizeof(ql::Mention),
                  doc.entities.size());
      s = begin_stage();
      doc.build_offset_index();
      end_stage("build_offset_index", s, n);
      s = begin_stage();
      { ql::detail::TextLayout gone = std::move(layout); }
      end_stage("layout freed", s, n);
    }
    g_live += tables;
  }
  Stage s = begin_stage();
  {
    ql::Document doc = extractor.extract(input);
    end_stage("Extractor::extract", s, n);
  }
  // The same pipeline without windows (the cost windows save, and their
  // time overhead measured under the same machine load).
  {
    const ql::Config config;
    const ql::Lexicon lexicon(config);
    s = begin_stage();
    ql::Document doc;
    doc.text = input;
    ql::detail::run_pipeline(doc, lexicon, config, input.size());
    end_stage("one window", s, n);
  }
  s = begin_stage();
  {
    ql::Document doc = extractor.extract(input);
    end_stage("Extractor::extract", s, n);
  }
  return 0;
}
