#include "quotelink/extractor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "attribute.h"
#include "pipeline.h"
#include "quotes.h"
#include "text.h"

namespace quotelink {

Extractor::Extractor() : Extractor(Config{}) {}

Extractor::Extractor(Config config)
    : config_(std::move(config)),
      lexicon_(std::make_unique<const Lexicon>(config_)) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Config& Extractor::config() const noexcept { return config_; }

Document Extractor::extract(std::string_view text, std::string id) const {
  Document doc;
  doc.id = std::move(id);
  doc.text = detail::validate_utf8(text, config_.replace_invalid_utf8,
                                   &doc.replaced_invalid_bytes);
  detail::TextLayout layout = detail::analyse_text(doc.text, lexicon_->text);
  doc.paragraphs = layout.paragraphs;
  doc.sentences = layout.sentences;
  doc.quotes = detail::find_quotes(doc.text, layout);
  detail::attribute_quotes(doc, layout, lexicon_->speakers, config_);
  doc.build_offset_index();
  return doc;
}

std::vector<Document> Extractor::extract_many(
    const std::vector<std::string>& texts, unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, texts.size()));
  std::vector<Document> results(texts.size());
  std::vector<std::exception_ptr> failures(texts.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < texts.size(); i = next++) {
      try {
        results[i] = extract(texts[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

Document extract(std::string_view text, std::string id) {
  static const Extractor extractor;
  return extractor.extract(text, std::move(id));
}

}  // namespace quotelink
