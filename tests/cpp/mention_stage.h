// Shared helpers for the stage tests of mentions (stage 4) and entities
// (stage 6): the stages run on their own, from text to mentions.
#pragma once

#include <string>
#include <vector>

#include "cues.h"
#include "mentions.h"
#include "pipeline.h"
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

/// The stage tables of the default Config.
inline const quotelink::Lexicon& default_lexicon() {
  static const quotelink::Lexicon lexicon{quotelink::Config{}};
  return lexicon;
}

/// Mentions found without cues, with the tables of `lexicon`.
inline Found mentions_with(const std::string& text,
                           const quotelink::Lexicon& lexicon) {
  TextLayout layout = analyse_text(text, lexicon.text);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  const TokenLayer tokens(text, layout, quotes, lexicon.vocabulary);
  return {text, find_mentions(text, layout, tokens, lexicon.speakers.mentions)};
}

/// Mentions found without cues, with the tables of the default Config.
inline Found mentions_of(const std::string& text) {
  return mentions_with(text, default_lexicon());
}

/// Mentions found without cues, with the tables of `config`.
inline Found mentions_of(const std::string& text,
                         const quotelink::Config& config) {
  const quotelink::Lexicon lexicon(config);
  return mentions_with(text, lexicon);
}

/// Mentions with the speech verbs of the cue stage marked (those of marked
/// quotations and of reported speech), as the attribution stage finds them
/// ("Protest groups say").
/// The rules named in `disabled` (as Config::disabled_rules names them) are
/// switched off.
inline Found mentions_before_cues(
    const std::string& text, const std::vector<std::string>& disabled = {}) {
  const quotelink::Lexicon& lexicon = default_lexicon();
  TextLayout layout = analyse_text(text, lexicon.text);
  std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  const TokenLayer tokens(text, layout, quotes, lexicon.vocabulary);
  const CueSets cue_sets =
      find_cue_sets(tokens, layout, lexicon.speakers.cue_lexicon, true);
  std::vector<bool> cue_starts(layout.tokens.size(), false);
  for (const std::vector<Cue>* list : {&cue_sets.cues, &cue_sets.reported})
    for (const Cue& cue : *list)
      if (cue.kind == CueKind::verb && cue.form != VerbForm::gerund)
        cue_starts[cue.first] = true;
  return {text, find_mentions(text, layout, tokens, lexicon.speakers.mentions,
                              &cue_starts, RuleSwitches(disabled))};
}

}  // namespace mention_stage
