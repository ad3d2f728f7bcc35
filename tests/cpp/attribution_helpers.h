// Shared helpers for the attribution stage tests.
#pragma once

#include <string>
#include <string_view>

#include "quotelink/quotelink.h"

namespace attribution_test {

/// The quote whose text starts with `prefix`, or nullptr; failing that, the
/// mixed quotation with a quoted part starting with `prefix` (reported speech
/// absorbs the partial quotations inside its clause).
inline const quotelink::Quote* quote_starting(const quotelink::Document& doc,
                                              std::string_view prefix) {
  for (const quotelink::Quote& q : doc.quotes)
    if (doc.text_of(q).substr(0, prefix.size()) == prefix) return &q;
  for (const quotelink::Quote& q : doc.quotes)
    for (const quotelink::Span& part : q.quoted_parts)
      if (doc.slice(part).substr(0, prefix.size()) == prefix) return &q;
  return nullptr;
}

/// The canonical speaker name of the quote starting with `prefix`; "<none>"
/// when unattributed, "<no quote>" when there is no such quote.
inline std::string speaker_of(const quotelink::Document& doc,
                              std::string_view prefix) {
  const quotelink::Quote* q = quote_starting(doc, prefix);
  if (!q) return "<no quote>";
  if (q->speaker < 0) return "<none>";
  return doc.entities[q->speaker].name;
}

/// The sieve of the quote starting with `prefix` ("" when none).
inline std::string sieve_of(const quotelink::Document& doc,
                            std::string_view prefix) {
  const quotelink::Quote* q = quote_starting(doc, prefix);
  return q ? std::string(q->sieve.name()) : "<no quote>";
}

/// Extraction by the rules alone (Config::model off): the stage tests of the
/// rules; the learned layer that judges them is tested in model_test.cc.
inline quotelink::Document rules_only_extract(const std::string& text) {
  static const quotelink::Extractor rules = [] {
    quotelink::Config config;
    config.model = false;
    return quotelink::Extractor(config);
  }();
  return rules.extract(text);
}

}  // namespace attribution_test
