// Throughput of each pipeline stage over a directory of news articles.
//
// Usage: quotelink_stage_bench --corpus DIR [--benchmark_* flags]
//        (or the environment variable QUOTELINK_BENCH_CORPUS=DIR)
// DIR holds *.txt articles, or a text/ directory of them (a PolNeAR split).
// Each benchmark processes the whole corpus once per iteration and reports
// bytes_per_second over the corpus' UTF-8 bytes.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "attribute.h"
#include "model/apply_model.h"
#include "model/pos_tagger.h"
#include "pipeline.h"
#include "quotelink/quotelink.h"
#include "quotes.h"
#include "text.h"
#include "token_layer.h"

namespace {

namespace fs = std::filesystem;
namespace ql = quotelink;

struct Corpus {
  std::vector<std::string> texts;
  std::int64_t bytes = 0;
};

Corpus& corpus() {
  static Corpus instance;
  return instance;
}

// Reads DIR/*.txt, or DIR/text/*.txt when DIR has a text/ directory.
bool load_corpus(const std::string& dir) {
  fs::path root(dir);
  if (fs::is_directory(root / "text")) root /= "text";
  if (!fs::is_directory(root)) {
    std::cerr << "quotelink_stage_bench: " << dir << " is not a directory\n";
    return false;
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    corpus().texts.push_back(buffer.str());
    corpus().bytes += static_cast<std::int64_t>(corpus().texts.back().size());
  }
  if (paths.empty()) {
    std::cerr << "quotelink_stage_bench: no *.txt files in " << root << "\n";
    return false;
  }
  return true;
}

// Stage inputs computed once, outside the timed loops.
struct Prepared {
  ql::Config config;
  ql::Lexicon lexicon{config};
  const ql::detail::TextTables& text_tables = lexicon.text;
  std::vector<ql::detail::TextLayout> layouts;
  std::vector<ql::Document> quoted;  // documents after the quotes stage
};

const Prepared& prepared() {
  static const Prepared& instance = [] {
    auto* made = new Prepared;  // one for the whole run
    Prepared& p = *made;
    for (const std::string& text : corpus().texts) {
      ql::Document doc;
      doc.text =
          ql::detail::validate_utf8(text, true, &doc.replaced_invalid_bytes);
      p.layouts.push_back(ql::detail::analyse_text(doc.text, p.text_tables));
      doc.paragraphs = p.layouts.back().paragraphs;
      doc.sentences = p.layouts.back().sentences;
      doc.quotes = ql::detail::find_quotes(doc.text, p.layouts.back());
      p.quoted.push_back(std::move(doc));
    }
    return std::cref(p);
  }();
  return instance;
}

void report(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * corpus().bytes);
  state.counters["docs_per_s"] = benchmark::Counter(
      static_cast<double>(corpus().texts.size()) * state.iterations(),
      benchmark::Counter::kIsRate);
}

// Stage 1: UTF-8 validation, paragraphs, sentences, tokens.
void BM_TextStage(benchmark::State& state) {
  const Prepared& p = prepared();
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      std::size_t replaced = 0;
      std::string valid = ql::detail::validate_utf8(text, true, &replaced);
      ql::detail::TextLayout layout =
          ql::detail::analyse_text(valid, p.text_tables);
      benchmark::DoNotOptimize(layout.tokens.data());
    }
  }
  report(state);
}

// Stage 2: quotation marks paired into quotations.
void BM_QuotesStage(benchmark::State& state) {
  const Prepared& p = prepared();
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.quoted.size(); ++i) {
      std::vector<ql::Quote> quotes =
          ql::detail::find_quotes(p.quoted[i].text, p.layouts[i]);
      benchmark::DoNotOptimize(quotes.data());
    }
  }
  report(state);
}

// Stages 3-6: cues, mentions, sieves, entities. The documents are copied
// (untimed) because attribution fills them in.
void BM_AttributionStage(benchmark::State& state) {
  const Prepared& p = prepared();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ql::Document> docs = p.quoted;
    state.ResumeTiming();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const ql::detail::TokenLayer tokens(docs[i].text, p.layouts[i],
                                          docs[i].quotes, p.lexicon.vocabulary);
      ql::detail::attribute_quotes(docs[i], p.layouts[i], tokens, p.lexicon,
                                   p.config);
    }
    benchmark::DoNotOptimize(docs.data());
  }
  report(state);
}

// The learned layer after attribution (cpp/src/model): the shipped model
// judging every indirect record. Attributed documents are copied untimed.
void BM_ModelStage(benchmark::State& state) {
  const Prepared& p = prepared();
  std::vector<ql::Document> attributed = p.quoted;
  for (std::size_t i = 0; i < attributed.size(); ++i) {
    const ql::detail::TokenLayer tokens(attributed[i].text, p.layouts[i],
                                        attributed[i].quotes,
                                        p.lexicon.vocabulary);
    ql::detail::attribute_quotes(attributed[i], p.layouts[i], tokens, p.lexicon,
                                 p.config);
  }
  const ql::detail::LinearModel& model = ql::detail::shipped_model();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ql::Document> docs = attributed;
    state.ResumeTiming();
    for (std::size_t i = 0; i < docs.size(); ++i)
      ql::detail::apply_model(docs[i], p.layouts[i], model);
    benchmark::DoNotOptimize(docs.data());
  }
  report(state);
}

// The shipped tagger over every text's layout, as the pipeline runs it:
// with one extraction's scratch (its word cache kept across texts), and
// (state.range(0) == 0) without, as training tags.
void BM_TagStage(benchmark::State& state) {
  const Prepared& p = prepared();
  const ql::detail::PosTagger* tagger = ql::detail::shipped_tagger();
  if (!tagger) {
    state.SkipWithError("no tagger embedded");
    return;
  }
  ql::detail::PosTagScratch scratch;
  ql::detail::PosTags tags;
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.quoted.size(); ++i) {
      if (state.range(0))
        tagger->tag(p.quoted[i].text, p.layouts[i], scratch, tags);
      else
        tags = tagger->tag(p.quoted[i].text, p.layouts[i]);
      benchmark::DoNotOptimize(tags.data());
    }
  }
  report(state);
}

// The whole pipeline by the rules alone (Config::model off).
void BM_ExtractRulesOnly(benchmark::State& state) {
  ql::Config config;
  config.model = false;
  const ql::Extractor extractor(config);
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      ql::Document doc = extractor.extract(text);
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  report(state);
}

// The whole pipeline as a user calls it.
void BM_Extract(benchmark::State& state) {
  const ql::Extractor extractor(ql::Config{});
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      ql::Document doc = extractor.extract(text);
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  report(state);
}

BENCHMARK(BM_TextStage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QuotesStage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AttributionStage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelStage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagStage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractRulesOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string dir;
  if (const char* env = std::getenv("QUOTELINK_BENCH_CORPUS")) dir = env;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--corpus" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg.rfind("--corpus=", 0) == 0) {
      dir = arg.substr(9);
    } else {
      std::cerr << "quotelink_stage_bench: unknown argument " << arg << "\n";
      return 2;
    }
  }
  if (dir.empty()) {
    std::cerr << "usage: quotelink_stage_bench --corpus DIR "
                 "(or QUOTELINK_BENCH_CORPUS=DIR)\n";
    return 2;
  }
  if (!load_corpus(dir)) return 2;
  benchmark::AddCustomContext("corpus", dir);
  benchmark::AddCustomContext("corpus_docs",
                              std::to_string(corpus().texts.size()));
  benchmark::AddCustomContext("corpus_bytes", std::to_string(corpus().bytes));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
