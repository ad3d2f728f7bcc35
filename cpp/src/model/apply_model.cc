#include "model/apply_model.h"

#include <utility>
#include <vector>

#include "lexicon.h"
#include "model/report_features.h"
#include "quotelink/error.h"

namespace quotelink::detail {

void apply_model(Document& doc, const TextLayout& layout,
                 const LinearModel& model) {
  const LinearClassifier* accept = model.find(kAcceptReport);
  if (!accept) return;
  std::vector<bool> rejected(doc.quotes.size(), false);
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    if (doc.quotes[q].kind != QuoteKind::indirect) continue;
    rejected[q] = !accept->decide(report_features(doc, layout, q));
  }
  std::vector<Quote> kept;
  kept.reserve(doc.quotes.size());
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    if (rejected[q]) continue;
    if (doc.quotes[q].kind == QuoteKind::indirect)
      doc.quotes[q].sieve += "+model";
    kept.push_back(std::move(doc.quotes[q]));
  }
  doc.quotes = std::move(kept);
}

namespace {

LinearModel load_shipped_model() {
  std::string_view bytes;
  try {
    bytes = embedded_file(kShippedModel);
  } catch (const error&) {
    throw error(
        "this build of quotelink embeds no model (cpp/data/model/en.bin): "
        "build one with `quotelink train`, or set Config.model = false for "
        "the rules only");
  }
  return LinearModel::parse(bytes);
}

}  // namespace

const LinearModel& shipped_model() {
  static const LinearModel model = load_shipped_model();
  return model;
}

}  // namespace quotelink::detail
