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
  std::vector<std::uint32_t> features;  // one array for every record
  features.reserve(64);                 // more than a record has
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    if (doc.quotes[q].kind != QuoteKind::indirect) continue;
    report_features(doc, layout, q, tags, features);
    score[q] = accept->score(features);
  }
  // The kept records move down in place, in order.
  std::size_t kept = 0;
  if (scores) scores->clear();
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    if (score[q] < accept->threshold) continue;  // NaN: not judged, kept
    if (doc.quotes[q].kind == QuoteKind::indirect)
      doc.quotes[q].sieve += "+model";
    if (kept != q) doc.quotes[kept] = std::move(doc.quotes[q]);
    ++kept;
    if (scores) scores->push_back(score[q]);
  }
  doc.quotes.erase(doc.quotes.begin() + static_cast<std::ptrdiff_t>(kept),
                   doc.quotes.end());
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
