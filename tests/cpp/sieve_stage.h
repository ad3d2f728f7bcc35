// Shared by the stage tests of the sieves (stage 5) and of the quotation
// kinds (stage 5a): the earlier stages run on one text, then the sieves.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline.h"
#include "quotes.h"
#include "sieves.h"

namespace quotelink::detail {

// The earlier stages' output for one text, and the sieve stage run on it.
struct SieveRun {
  explicit SieveRun(std::string source, Config config = {})
      : config(std::move(config)),
        lexicon(this->config),
        text(std::move(source)) {
    layout = analyse_text(text, lexicon.text);
    quotes = find_quotes(text, layout);
    tokens.emplace(text, layout, quotes, lexicon.vocabulary);
    quote_of_token = tokens->quote_of_tokens();
    cues = find_cues(*tokens, layout, lexicon.speakers.cue_lexicon);
    std::vector<bool> cue_starts(layout.tokens.size(), false);
    for (const Cue& cue : cues)
      if (cue.kind == CueKind::verb && cue.form != VerbForm::gerund)
        cue_starts[cue.first] = true;
    mentions = find_mentions(text, layout, *tokens, lexicon.speakers.mentions,
                             &cue_starts);
    input.emplace(SieveInput{text, layout, quotes, quote_of_token, cues,
                             mentions, *tokens, lexicon.speakers.cue_lexicon,
                             lexicon.rules});
    frames = frame_cues(*input);
    attributions = run_sieves(*input, frames);
  }
  // The text of mention m.
  std::string mention_text(int m) const {
    if (m < 0) return "<none>";
    const Span s = mentions[m].mention.span;
    return text.substr(s.begin, s.size());
  }

  Config config;
  Lexicon lexicon;
  std::string text;
  TextLayout layout;
  std::vector<Quote> quotes;
  std::optional<TokenLayer> tokens;
  std::vector<int> quote_of_token;
  std::vector<Cue> cues;
  std::vector<SpeakerMention> mentions;
  std::optional<SieveInput> input;
  std::vector<CueFrame> frames;
  std::vector<Attribution> attributions;
};

}  // namespace quotelink::detail
