#include "model/apply_model.h"

#include <cmath>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "model/report_features.h"
#include "quotelink/error.h"

namespace quotelink::detail {

void apply_model(Document& doc, const TextLayout& layout,
                 const LinearModel& model, std::vector<double>* scores,
                 const PosTags* tags) {
  const double not_judged = std::nan("");
  const LinearClassifier* accept = model.find(kAcceptReport);
  if (!accept) {
    if (scores) scores->assign(doc.quotes.size(), not_judged);
    return;
  }
  std::vector<double> score(doc.quotes.size(), not_judged);
  for (std::size_t q = 0; q < doc.quotes.size(); ++q)
    if (doc.quotes[q].kind == QuoteKind::indirect)
      score[q] = accept->score(report_features(doc, layout, q, tags));
  std::vector<Quote> kept;
  kept.reserve(doc.quotes.size());
  if (scores) scores->clear();
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    if (score[q] < accept->threshold) continue;  // NaN: not judged, kept
    if (doc.quotes[q].kind == QuoteKind::indirect)
      doc.quotes[q].sieve += "+model";
    kept.push_back(std::move(doc.quotes[q]));
    if (scores) scores->push_back(score[q]);
  }
  doc.quotes = std::move(kept);
}

const LinearModel& shipped_model() {
  static const LinearModel model = LinearModel::parse(embedded_file_or_fail(
      kShippedModel,
      "this build of quotelink embeds no model (cpp/data/model/en.bin): "
      "build one with `quotelink train`, or set Config.model = false for "
      "the rules only"));
  return model;
}

}  // namespace quotelink::detail
