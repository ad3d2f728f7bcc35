// Shared helpers for the stage tests of mentions (stage 4) and entities
// (stage 6): the stages run on their own, from text to mentions.
#pragma once

#include <string>
#include <vector>

#include "cues.h"
#include "mentions.h"
#include "quotes.h"
#include "text.h"

namespace mention_stage {

using namespace quotelink::detail;

/// A text and the mentions the stage found in it.
struct Found {
  std::string text;
  std::vector<SpeakerMention> mentions;
  std::string slice(const SpeakerMention& m) const {
    return text.substr(m.mention.span.begin, m.mention.span.size());
  }
  const SpeakerMention* find(const std::string& surface) const {
    for (const SpeakerMention& m : mentions)
      if (slice(m) == surface) return &m;
    return nullptr;
  }
};

/// Mentions found without cues, with the tables of `config`.
inline Found mentions_of(const std::string& text,
                         const quotelink::Config& config = {}) {
  static const TextTables text_tables = TextTables::load({});
  MentionTables tables = MentionTables::load(config);
  TextLayout layout = analyse_text(text, text_tables);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  return {text,
          find_mentions(text, layout, quote_of_tokens(layout, quotes), tables)};
}

/// Mentions with the speech verbs of the cue stage marked, as the attribution
/// stage finds them ("Protest groups say").
inline Found mentions_before_cues(const std::string& text,
                                  const MentionRuleSet& disabled = {}) {
  static const TextTables text_tables = TextTables::load({});
  static const CueTables cue_tables = CueTables::load({});
  static const MentionTables tables = MentionTables::load({});
  TextLayout layout = analyse_text(text, text_tables);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  std::vector<int> quote_of_token = quote_of_tokens(layout, quotes);
  std::vector<bool> cue_starts(layout.tokens.size(), false);
  for (const Cue& cue : find_cues(text, layout, quote_of_token, cue_tables))
    if (cue.kind == CueKind::verb && cue.form != VerbForm::gerund)
      cue_starts[cue.first] = true;
  return {text, find_mentions(text, layout, quote_of_token, tables, &cue_starts,
                              disabled)};
}

}  // namespace mention_stage
