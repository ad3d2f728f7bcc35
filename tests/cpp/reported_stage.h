// Runs the reported-speech stage (find_reported) on a text, with the earlier
// stages run as attribute_quotes runs them (text, quotes, both cue lists,
// mentions, frames), so that a test of a reported-speech rule fails at this
// stage's interface rather than through quotelink::extract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cues.h"
#include "mentions.h"
#include "pipeline.h"
#include "quotes.h"
#include "reported.h"
#include "sieves.h"
#include "text.h"
#include "token_layer.h"

namespace reported_test {

/// One report of the stage, as text.
struct Report {
  std::string text;    ///< the clause
  std::string source;  ///< the speaker mention's text, or "<none>"
  quotelink::detail::ReportedRule rule;
  std::string sieve;
  double confidence = 0.0;
};

/// The stage's reports of `text` with the tables of `vocabulary` (a
/// language pack: `text_tables` and `tables` loaded from it), with
/// `switches`' rules.
inline std::vector<Report> reports_in(
    const std::string& text, const quotelink::detail::Vocabulary& vocabulary,
    const quotelink::detail::TextTables& text_tables,
    const quotelink::detail::SpeakerTables& tables,
    const quotelink::detail::RuleSwitches& switches) {
  namespace d = quotelink::detail;
  const d::TextLayout layout = d::analyse_text(text, text_tables);
  const std::vector<quotelink::Quote> quotes = d::find_quotes(text, layout);
  const d::TokenLayer tokens(text, layout, quotes, vocabulary);
  const std::vector<int> quote_of_token = tokens.quote_of_tokens();
  const d::CueSets cue_sets =
      d::find_cue_sets(tokens, layout, tables.cue_lexicon, true);
  const std::vector<d::Cue>& cues = cue_sets.cues;
  const std::vector<d::Cue>& extra = cue_sets.reported;
  std::vector<bool> cue_starts(layout.tokens.size(), false);
  for (const std::vector<d::Cue>* list : {&cues, &extra})
    for (const d::Cue& cue : *list)
      if (cue.kind == d::CueKind::verb && cue.form != d::VerbForm::gerund)
        cue_starts[cue.first] = true;
  const std::vector<d::SpeakerMention> mentions =
      d::find_mentions(text, layout, tokens, tables.mentions, &cue_starts);
  const std::vector<d::Cue> all_cues = d::merge_cues(cues, extra);
  const d::SieveInput input{text,     layout,   quotes, quote_of_token,
                            all_cues, mentions, tokens, tables.cue_lexicon,
                            switches};
  const std::vector<d::CueFrame> frames = d::frame_cues(input);
  std::vector<Report> out;
  for (const d::ReportedQuote& rq :
       d::find_reported(input, frames, tables.reported, switches)) {
    int source = rq.source;
    if (source < 0 && rq.frame >= 0 && !rq.sourceless)
      source = frames[rq.frame].source;
    const std::string speaker =
        source < 0 ? "<none>"
                   : text.substr(mentions[source].mention.span.begin,
                                 mentions[source].mention.span.size());
    out.push_back({text.substr(rq.quote.span.begin, rq.quote.span.size()),
                   speaker, rq.rule, std::string(rq.sieve), rq.confidence});
  }
  return out;
}

/// The stage's reports of `text` in English, in its order, with the rules
/// named in `disabled` (as Config::disabled_rules names them) switched off.
inline std::vector<Report> reports(
    const std::string& text, const std::vector<std::string>& disabled = {}) {
  static const quotelink::Lexicon lexicon{quotelink::Config{}};
  return reports_in(text, lexicon.vocabulary, lexicon.text, lexicon.speakers,
                    quotelink::detail::RuleSwitches(disabled));
}

}  // namespace reported_test
