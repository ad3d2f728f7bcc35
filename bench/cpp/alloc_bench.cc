// Heap allocations per document: how many times extraction calls operator
// new, counted by a replaced global operator new, over a corpus directory.
//
// Usage: quotelink_alloc_bench DIR   (DIR holds *.txt files, or text/*.txt)
// Prints the allocations per document of Extractor::extract (the lexicons
// are built before counting starts), then per stage of one pass: the text
// and quotes stages, the token layer and attribution (cues, mentions,
// frames, sieves, reported speech, entities).

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "attribute.h"
#include "entities.h"
#include "pipeline.h"
#include "quotelink/quotelink.h"
#include "quotes.h"
#include "reported.h"
#include "scratch.h"
#include "sieves.h"
#include "text.h"
#include "token_layer.h"

namespace {

std::atomic<std::size_t> g_allocations{0};

void* counted_alloc(std::size_t size) {
  ++g_allocations;
  void* p = std::malloc(size == 0 ? 1 : size);
  if (!p) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace ql = quotelink;
namespace fs = std::filesystem;

std::vector<std::string> read_corpus(const fs::path& root) {
  fs::path dir = fs::is_directory(root / "text") ? root / "text" : root;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
  }
  return texts;
}

// Allocations of the attribution stages run one by one as attribute_quotes
// runs them (the reported and entity stages are the rest).
struct AttributionParts {
  std::size_t cues = 0, mentions = 0, frames = 0, sieves = 0, reported = 0,
              entities = 0;
};

void count_attribution_stages(const ql::Document& doc,
                              const ql::detail::TextLayout& layout,
                              const ql::detail::TokenLayer& tokens,
                              const ql::Lexicon& lexicon,
                              ql::detail::Scratch* scratch,
                              AttributionParts* parts) {
  namespace d = ql::detail;
  const d::SpeakerTables& tables = lexicon.speakers;
  std::size_t before = g_allocations.load();
  const std::vector<int> quote_of_token = tokens.quote_of_tokens();
  const d::CueSets cues =
      d::find_cue_sets(tokens, layout, tables.cue_lexicon, true);
  parts->cues += g_allocations.load() - before;
  std::vector<bool> cue_starts(layout.tokens.size(), false);
  for (const std::vector<d::Cue>* list : {&cues.cues, &cues.reported})
    for (const d::Cue& cue : *list)
      if (cue.kind == d::CueKind::verb && cue.form != d::VerbForm::gerund)
        cue_starts[cue.first] = true;
  before = g_allocations.load();
  const std::vector<d::SpeakerMention> mentions =
      d::find_mentions(doc.text, layout, tokens, tables.mentions, &cue_starts);
  parts->mentions += g_allocations.load() - before;
  const d::SieveInput input{
      doc.text, layout, doc.quotes,         quote_of_token, cues.cues,
      mentions, tokens, tables.cue_lexicon, lexicon.rules,  scratch};
  before = g_allocations.load();
  const std::vector<d::CueFrame> frames = d::frame_cues(input);
  parts->frames += g_allocations.load() - before;
  before = g_allocations.load();
  const std::vector<d::Attribution> attributions = d::run_sieves(input, frames);
  parts->sieves += g_allocations.load() - before;
  before = g_allocations.load();
  const std::vector<d::ReportedQuote> reported =
      d::find_reported(input, frames, tables.reported);
  parts->reported += g_allocations.load() - before;
  before = g_allocations.load();
  const d::EntityResult entities =
      d::cluster_mentions(doc.text, mentions, tables.mentions, {}, scratch);
  parts->entities += g_allocations.load() - before;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: quotelink_alloc_bench DIR\n";
    return 2;
  }
  const std::vector<std::string> texts = read_corpus(argv[1]);
  if (texts.empty()) {
    std::cerr << "quotelink_alloc_bench: no *.txt files in " << argv[1] << "\n";
    return 1;
  }
  const double docs = static_cast<double>(texts.size());
  const ql::Config config;
  const ql::Extractor extractor(config);
  extractor.extract("\"Yes,\" he said.");  // warm-up: lexicons, ICU data

  std::size_t before = g_allocations.load();
  for (const std::string& text : texts) {
    ql::Document doc = extractor.extract(text);
    (void)doc;
  }
  std::printf(
      "%zu documents; Extractor::extract: %.1f allocations per document\n",
      texts.size(), static_cast<double>(g_allocations.load() - before) / docs);

  const ql::Lexicon lexicon(config);
  std::size_t text_stage = 0, quotes_stage = 0, token_layer = 0,
              attribution = 0;
  AttributionParts parts;
  // The stages reuse one scratch, as Extractor::extract does.
  ql::detail::Scratch scratch;
  for (const std::string& text : texts) {
    ql::Document doc;
    doc.text =
        ql::detail::validate_utf8(text, true, &doc.replaced_invalid_bytes);
    before = g_allocations.load();
    ql::detail::TextLayout& layout = scratch.layout;
    ql::detail::analyse_text(doc.text, lexicon.text, nullptr, &layout);
    text_stage += g_allocations.load() - before;
    before = g_allocations.load();
    doc.quotes = ql::detail::find_quotes(doc.text, layout);
    quotes_stage += g_allocations.load() - before;
    before = g_allocations.load();
    const ql::detail::TokenLayer tokens(doc.text, layout, doc.quotes,
                                        lexicon.vocabulary, &scratch.tokens);
    token_layer += g_allocations.load() - before;
    count_attribution_stages(doc, layout, tokens, lexicon, &scratch, &parts);
    before = g_allocations.load();
    ql::detail::attribute_quotes(doc, layout, tokens, lexicon, config, nullptr,
                                 &scratch);
    attribution += g_allocations.load() - before;
  }
  std::printf(
      "per document: text %.1f, quotes %.1f, token layer %.1f, "
      "attribution %.1f\n",
      static_cast<double>(text_stage) / docs,
      static_cast<double>(quotes_stage) / docs,
      static_cast<double>(token_layer) / docs,
      static_cast<double>(attribution) / docs);
  std::printf(
      "of attribution: cues %.1f, mentions %.1f, frames %.1f, sieves %.1f, "
      "reported %.1f (the sieves' cues only), entities %.1f\n",
      static_cast<double>(parts.cues) / docs,
      static_cast<double>(parts.mentions) / docs,
      static_cast<double>(parts.frames) / docs,
      static_cast<double>(parts.sieves) / docs,
      static_cast<double>(parts.reported) / docs,
      static_cast<double>(parts.entities) / docs);
  return 0;
}
