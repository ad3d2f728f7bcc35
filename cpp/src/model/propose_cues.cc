#include "model/propose_cues.h"

#include <string>

#include "model/cue_features.h"

namespace quotelink::detail {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() &&
         s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

VerbForm guessed_form(const std::string& word) {
  if (ends_with(word, "ing")) return VerbForm::gerund;
  if (ends_with(word, "ed")) return VerbForm::past;
  if (ends_with(word, "s") && !ends_with(word, "ss")) return VerbForm::third;
  return VerbForm::base;
}

}  // namespace

std::vector<bool> covered_by_cues(const TextLayout& layout,
                                  const std::vector<Cue>& a,
                                  const std::vector<Cue>& b) {
  std::vector<bool> covered(layout.tokens.size(), false);
  for (const std::vector<Cue>* list : {&a, &b})
    for (const Cue& cue : *list)
      for (int t = cue.first; t <= cue.last; ++t) covered[t] = true;
  return covered;
}

std::vector<Cue> propose_cues(std::string_view text, const TextLayout& layout,
                              const std::vector<int>& quote_of_token,
                              const std::vector<Cue>& cues,
                              const std::vector<Cue>& reported_cues,
                              const LinearModel& model) {
  std::vector<Cue> out;
  const LinearClassifier* propose = model.find(kProposeCue);
  if (!propose) return out;
  const std::vector<bool> covered =
      covered_by_cues(layout, cues, reported_cues);
  for (int t = 0; t < static_cast<int>(layout.tokens.size()); ++t) {
    if (covered[t] || !cue_candidate(text, layout, quote_of_token, t)) continue;
    if (!propose->decide(cue_features(text, layout, t))) continue;
    Cue cue;
    cue.first = cue.last = t;
    cue.span = layout.tokens[t].span;
    cue.kind = CueKind::verb;
    cue.lemma = token_lower(text, layout, t);
    cue.form = guessed_form(cue.lemma);
    out.push_back(std::move(cue));
  }
  return out;
}

}  // namespace quotelink::detail
