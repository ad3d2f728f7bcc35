#include "sieves.h"

#include <algorithm>

#include "unicode.h"

namespace quotelink::detail {

namespace {

// The subject after an inverted cue, starting at token t: the mention there,
// the name after a possessive place ("said Florida's Rick Wilson") or, when
// `modifiers`, the name after up to three modifier words ("said retired
// neurosurgeon Ben Carson"); -1 when none. mention_start maps a token to the
// mention starting there.
int subject_after(const SieveInput& in, const std::vector<int>& mention_start,
                  int t, bool modifiers) {
  const int n = static_cast<int>(in.layout.tokens.size());
  if (t >= n) return -1;
  int m = mention_start[t];
  if (m >= 0) {
    const SpeakerMention& sm = in.mentions[m];
    // "Florida's Rick Wilson", "his friend Mahamat Oumar": the name.
    if ((sm.possessive || sm.mention.kind == MentionKind::role) &&
        sm.last + 1 < n && mention_start[sm.last + 1] >= 0 &&
        in.mentions[mention_start[sm.last + 1]].mention.kind ==
            MentionKind::name)
      return mention_start[sm.last + 1];
    return m;
  }
  if (!modifiers) return -1;
  for (int skip = 0; skip < 3 && t < n; ++skip, ++t) {
    const Token& tok = in.layout.tokens[t];
    // Capitalised modifiers too ("said Republican political consultant
    // Chris Russell"): a word starting a mention stopped the loop before.
    if (tok.kind != TokenKind::word || in.quote_of_token[t] >= 0) return -1;
    // "wrote on Twitter": an adjunct, not a modified subject.
    if (in.cue_tables.adjunct_prepositions.count(
            token_lower(in.text, in.layout, t)))
      return -1;
    m = t + 1 < n ? mention_start[t + 1] : -1;
    if (m >= 0)
      return in.mentions[m].mention.kind == MentionKind::name ? m : -1;
  }
  return -1;
}

// Token indices of a quotation's marks (or content edges when unmarked).
struct QuoteTokens {
  int open = 0;
  int close = 0;
};

class Sieves {
 public:
  Sieves(const SieveInput& in, const std::vector<CueFrame>& frames)
      : in_(in),
        frames_(frames),
        n_(static_cast<int>(in.layout.tokens.size())) {
    mention_start_.assign(n_, -1);
    mention_end_.assign(n_, -1);
    for (std::size_t m = 0; m < in.mentions.size(); ++m) {
      mention_start_[in.mentions[m].first] = static_cast<int>(m);
      mention_end_[in.mentions[m].last] = static_cast<int>(m);
    }
    frame_by_cue_.assign(in.cues.size(), -1);
    for (std::size_t f = 0; f < frames.size(); ++f)
      frame_by_cue_[frames[f].cue] = static_cast<int>(f);
    frames_of_source_.assign(in.mentions.size(), {});
    for (std::size_t f = 0; f < frames.size(); ++f)
      if (frames[f].source >= 0)
        frames_of_source_[frames[f].source].push_back(static_cast<int>(f));
    // Nearest usable frame on either side of any frame index, so that the
    // nearest-cue sieves do not scan a huge sentence or paragraph per quote.
    usable_before_.assign(frames.size() + 1, -1);
    for (std::size_t f = 0; f < frames.size(); ++f)
      usable_before_[f + 1] = speaker_like(frames[f].source)
                                  ? static_cast<int>(f)
                                  : usable_before_[f];
    usable_from_.assign(frames.size() + 1, -1);
    for (std::size_t f = frames.size(); f-- > 0;)
      usable_from_[f] = speaker_like(frames[f].source) ? static_cast<int>(f)
                                                       : usable_from_[f + 1];
    // The same for the paragraph sieve, which skips subordinate clauses.
    main_before_.assign(frames.size() + 1, -1);
    for (std::size_t f = 0; f < frames.size(); ++f)
      main_before_[f + 1] = main_clause(f) ? static_cast<int>(f)
                                           : main_before_[f];
    main_from_.assign(frames.size() + 1, -1);
    for (std::size_t f = frames.size(); f-- > 0;)
      main_from_[f] = main_clause(f) ? static_cast<int>(f) : main_from_[f + 1];
    cue_start_.assign(n_, -1);
    for (std::size_t c = 0; c < in.cues.size(); ++c)
      cue_start_[in.cues[c].first] = static_cast<int>(c);
    // Quotations are ordered by start, enclosing ones first: a stack of the
    // open outer quotations tells every nested one, however many siblings
    // precede it inside the same quotation.
    nested_.assign(in.quotes.size(), false);
    std::vector<std::size_t> open_ends;
    for (std::size_t i = 0; i < in.quotes.size(); ++i) {
      const Span& s = in.quotes[i].outer;
      while (!open_ends.empty() && open_ends.back() <= s.begin)
        open_ends.pop_back();
      nested_[i] = !open_ends.empty() && open_ends.back() >= s.end;
      if (!nested_[i]) open_ends.push_back(s.end);
    }
    for (const Quote& q : in.quotes) {
      QuoteTokens qt;
      qt.open = token_at(in.layout, q.outer.begin);
      qt.close = std::max(qt.open, token_at(in.layout, q.outer.end) - 1);
      qtokens_.push_back(qt);
    }
  }

  std::vector<Attribution> run() {
    std::vector<Attribution> out(in_.quotes.size());
    for (std::size_t i = 0; i < in_.quotes.size(); ++i) {
      if (nested(i)) continue;
      Attribution& a = out[i];
      if (after_pattern(i, a) || before_pattern(i, a) || same_sentence(i, a))
        relayed(a);
      else if (!continuation(i, out, a))
        paragraph(i, a);
    }
    return out;
  }

 private:
  bool in_range(int t) const { return t >= 0 && t < n_; }
  bool punct(int t, std::string_view p) const {
    if (!in_range(t)) return false;
    const Token& tok = in_.layout.tokens[t];
    return tok.kind == TokenKind::punctuation &&
           in_.text.substr(tok.span.begin, tok.span.size()) == p;
  }
  bool dash(int t) const {
    if (!in_range(t) || in_.layout.tokens[t].kind != TokenKind::punctuation)
      return false;
    const Span& s = in_.layout.tokens[t].span;
    std::size_t length = 0;
    return is_dash(decode_at(in_.text, s.begin, &length));
  }
  bool same_paragraph(int a, int b) const {
    return in_range(a) && in_range(b) &&
           in_.layout.tokens[a].paragraph == in_.layout.tokens[b].paragraph;
  }
  int sentence(int t) const { return in_.layout.tokens[t].sentence; }
  bool ends_with_full_stop(std::size_t i) const {
    std::string_view content =
        in_.text.substr(in_.quotes[i].span.begin, in_.quotes[i].span.size());
    while (!content.empty() &&
           (content.back() == ' ' || content.back() == '\n'))
      content.remove_suffix(1);
    return !content.empty() && content.back() == '.';
  }
  bool starts_sentence(int t) const {
    return in_range(t) && in_.layout.sentence_first_token[sentence(t)] == t;
  }
  bool speaker_like(int m) const {
    return m >= 0 && !in_.mentions[m].possessive;
  }
  bool main_clause(std::size_t f) const {
    return speaker_like(frames_[f].source) && !frames_[f].subordinate;
  }
  int frame_of_cue(int c) const { return frame_by_cue_[c]; }
  // Index of the first frame whose cue starts at or after token `t`. Frames
  // are in text order; searching keeps the sieves linear in the quotations.
  std::size_t first_frame_from(int t) const {
    return static_cast<std::size_t>(
        std::partition_point(
            frames_.begin(), frames_.end(),
            [&](const CueFrame& f) { return in_.cues[f.cue].first < t; }) -
        frames_.begin());
  }
  bool nested(std::size_t i) const { return nested_[i]; }
  void set(Attribution& a, int mention, int cue, const char* sieve,
           double conf) {
    a.mention = mention;
    a.cue = cue;
    if (cue >= 0) a.cue_span = in_.cues[cue].span;
    a.sieve = sieve;
    a.confidence = conf;
  }

  // "Q," said X / "Q," X said / "Q" — X
  bool after_pattern(std::size_t i, Attribution& a) {
    int t = qtokens_[i].close + 1;
    if (punct(t, ",")) ++t;
    if (!same_paragraph(qtokens_[i].close, t)) {
      // A byline paragraph right after the quotation: ""Q."  - Bernie
      // Sanders."
      const int p = in_.quotes[i].paragraph;
      return in_range(t) && in_.layout.tokens[t].paragraph == p + 1 &&
             in_.layout.paragraph_first_token[p + 1] == t &&
             dash_byline(t, a);
    }
    // "X responded: "Q?" Her critics cited it": a quotation introduced by a
    // colon and followed by a new sentence belongs to its introduction.
    if (punct(qtokens_[i].open - 1, ":") && starts_sentence(t)) return false;
    int c = cue_start_[t];
    // "Q," told CNN: the addressee of "tell" is no inverted subject, nor is
    // the object of a gerund ("Q," promising the Friends of Abe ...).
    if (c >= 0 && in_.cues[c].kind == CueKind::verb &&
        in_.cues[c].form != VerbForm::gerund &&
        !in_.cue_tables.addressee_lemmas.count(in_.cues[c].lemma)) {
      int m = subject_after(in_, mention_start_, in_.cues[c].last + 1, true);
      // ""Q," said the bill would pass": a clause's subject, no inversion.
      if (speaker_like(m) && !in_.mentions[m].before_auxiliary &&
          in_.mentions[m].mention.kind != MentionKind::pronoun) {
        set(a, m, c, "trigram", 0.95);
        return true;
      }
    }
    // ""Q," his friend Mahamat Oumar told the website": past a possessor or
    // lower-case modifiers to the subject of a cue frame.
    int m = subject_after(in_, mention_start_, t, true);
    // "Q." Kasich said he would ...: a capital after a full stop starts a new
    // sentence, mostly a new attribution; commas, ? and ! keep the pattern.
    // But ""Q." Cruz said." alone is the quotation's attribution.
    if (speaker_like(m) && ends_with_full_stop(i) && starts_sentence(t) &&
        !bare_attribution(m))
      m = -1;
    if (speaker_like(m)) {
      for (int fi : frames_of_source_[m]) {
        const CueFrame& f = frames_[fi];
        if (f.inverted) continue;
        set(a, m, f.cue, "trigram", 0.95);
        return true;
      }
    }
    return dash_byline(t, a);
  }

  // A dash or hyphen at token t, then the speaker: "Q" — Commissioner X.
  bool dash_byline(int t, Attribution& a) {
    if (!dash(t) && !punct(t, "-")) return false;
    int u = punct(t + 1, "-") ? t + 2 : t + 1;
    int dm = in_range(u) ? mention_start_[u] : -1;
    // A lone hyphen ("Q" - Bernie Sanders.) only before a name.
    const bool single = !dash(t) && !punct(t + 1, "-");
    if (single && dm >= 0 && in_.mentions[dm].mention.kind != MentionKind::name)
      dm = -1;
    if (speaker_like(dm) &&
        in_.mentions[dm].mention.kind != MentionKind::pronoun &&
        in_.mentions[dm].mention.kind != MentionKind::document) {
      set(a, dm, -1, "dash", 0.85);
      a.cue_span = in_.layout.tokens[t].span;
      return true;
    }
    return false;
  }

  // True when mention m is followed by its cue and the sentence ends there:
  // "Cruz said." (a full stop, or the sentence or paragraph ends).
  bool bare_attribution(int m) const {
    int t = in_.mentions[m].last + 1;
    int c = in_range(t) ? cue_start_[t] : -1;
    if (c < 0 || in_.cues[c].kind != CueKind::verb) return false;
    const int after = in_.cues[c].last + 1;
    return !in_range(after) || punct(after, ".") ||
           sentence(after) != sentence(t);
  }

  // X said: "Q" / X said, "Q" / "A," he said, "B."
  bool before_pattern(std::size_t i, Attribution& a) {
    int open = qtokens_[i].open;
    int t = open - 1;
    if (!in_range(t)) return false;
    // A colon may end the paragraph before a block quotation.
    if (!same_paragraph(t, open) && !punct(t, ":")) return false;
    if (punct(t, ":")) {
      for (int k = t - 1; k >= 0 && t - k <= 25 && sentence(k) == sentence(t);
           --k) {
        if (in_.quote_of_token[k] >= 0) break;
        int c = cue_start_[k];
        if (c < 0 || in_.cues[c].kind != CueKind::verb) continue;
        int f = frame_of_cue(c);
        if (f >= 0 && speaker_like(frames_[f].source)) {
          set(a, frames_[f].source, c, "colon", 0.9);
          return true;
        }
      }
      // No cue: the sentence's subject introduces it ("Trump leaned in and
      // boomed:", "Trump issued the following statement:", a document too:
      // "Hoff's letter makes the case:"), else the words right before the
      // colon ("And from Chairwoman Rosenworcel:").
      int first = in_.layout.sentence_first_token[sentence(t)];
      int s = in_range(first) ? mention_start_[first] : -1;
      if (s < 0 && in_range(first + 1) &&
          in_.layout.tokens[first].kind == TokenKind::word)
        s = mention_start_[first + 1];  // "But X ..."
      // "Back home, he returned to his familiar lines:": a marked subject.
      for (int j = first; s < 0 && j < t; ++j)
        if (mention_start_[j] >= 0 && in_.mentions[mention_start_[j]].subject)
          s = mention_start_[j];
      if (speaker_like(s) && in_.mentions[s].last < t) {
        set(a, s, -1, "colon", 0.6);
        a.cue_span = in_.layout.tokens[t].span;
        return true;
      }
      int m = t >= 1 ? mention_end_[t - 1] : -1;
      if (speaker_like(m) &&
          in_.mentions[m].mention.kind != MentionKind::pronoun) {
        set(a, m, -1, "colon", 0.6);
        a.cue_span = in_.layout.tokens[t].span;
        return true;
      }
      return false;
    }
    if (punct(t, ",")) --t;
    // "... according to Tchadinfos.com. "Q"": a new sentence is no pattern.
    if (!in_range(t) || sentence(t) != sentence(open)) return false;
    // "said Wednesday, "Q"": time words between the cue and the quotation.
    for (int skip = 0;
         skip < 2 && in_range(t) && cue_start_[t] < 0 &&
         in_.layout.tokens[t].kind == TokenKind::word &&
         in_.cue_tables.adverbials.count(token_lower(in_.text, in_.layout, t));
         ++skip)
      --t;
    if (!in_range(t) || in_.quote_of_token[t] >= 0) return false;
    // The cue (possibly multi-word) ends at t, or a source mention does.
    for (int k = t; k >= 0 && t - k < 4; --k) {
      int c = cue_start_[k];
      if (c < 0 || in_.cues[c].last != t || in_.cues[c].kind != CueKind::verb)
        continue;
      int f = frame_of_cue(c);
      if (f >= 0 && speaker_like(frames_[f].source) && !frames_[f].inverted) {
        bool split =
            i > 0 &&
            in_.quotes[i - 1].outer.end <=
                in_.layout.tokens[in_.mentions[frames_[f].source].first]
                    .span.begin &&
            qtokens_[i - 1].close + 3 >= in_.mentions[frames_[f].source].first;
        set(a, frames_[f].source, c, split ? "split" : "trigram",
            split ? 0.95 : 0.9);
        return true;
      }
    }
    int m = mention_end_[t];
    if (speaker_like(m)) {
      for (int fi : frames_of_source_[m]) {
        const CueFrame& f = frames_[fi];
        if (!f.inverted) continue;
        bool split =
            i > 0 && qtokens_[i - 1].close + 3 >= in_.cues[f.cue].first;
        set(a, m, f.cue, split ? "split" : "trigram", split ? 0.95 : 0.9);
        return true;
      }
    }
    return false;
  }

  // ""Q," Sanders said, according to CNN": the source that relays the
  // quotation is the one the text attributes it to. Only "according to" right
  // after the cue's clause (a comma, then at most kRelayReach tokens).
  void relayed(Attribution& a) const {
    constexpr int kRelayReach = 12;
    if (a.cue < 0 || in_.cues[a.cue].kind != CueKind::verb) return;
    const Cue& cue = in_.cues[a.cue];
    for (std::size_t c = a.cue + 1; c < in_.cues.size(); ++c) {
      const Cue& next = in_.cues[c];
      if (next.first - cue.last > kRelayReach ||
          sentence(next.first) != sentence(cue.last))
        return;
      if (next.kind == CueKind::adjunct) continue;
      if (next.kind != CueKind::source || !punct(next.first - 1, ",")) return;
      for (int t = cue.last + 1; t < next.first; ++t)
        if (in_.quote_of_token[t] >= 0) return;
      int f = frame_of_cue(static_cast<int>(c));
      if (f >= 0 && speaker_like(frames_[f].source)) {
        a.mention = frames_[f].source;
        a.cue = static_cast<int>(c);
        a.cue_span = next.span;
      }
      return;
    }
  }

  // A cue with a source in the quotation's sentence: partial quotations in
  // reported speech, "X said ... that Y is "Q"".
  bool same_sentence(std::size_t i, Attribution& a) {
    int open = qtokens_[i].open, close = qtokens_[i].close;
    int first = in_.layout.sentence_first_token[sentence(open)];
    int last = in_.layout.sentence_first_token[sentence(close) + 1] - 1;
    // The nearest usable cue before the quotation and the one after it;
    // cues before win ties (reported speech leads).
    const std::size_t split = first_frame_from(open);
    int best = -1;
    int before = usable_before_[split];
    if (before >= 0 && in_.cues[frames_[before].cue].first >= first)
      best = before;
    int after = usable_from_[split];
    if (after >= 0 && in_.cues[frames_[after].cue].first <= last) {
      const Cue& cue = in_.cues[frames_[after].cue];
      int d = 2 * (cue.first - close) + 1;
      if (best < 0 || d < open - in_.cues[frames_[best].cue].last) best = after;
    }
    if (best < 0) return false;
    set(a, frames_[best].source, frames_[best].cue, "same_sentence", 0.8);
    return true;
  }

  // The quotation right after an attributed one, with no other cue between:
  // the next sentence of a speech, or the next paragraph of a long quote.
  bool continuation(std::size_t i, const std::vector<Attribution>& done,
                    Attribution& a) {
    std::size_t p = i;
    while (p-- > 0 && nested(p)) {
    }
    if (p >= i || done[p].mention < 0) return false;
    int from = qtokens_[p].close + 1, to = qtokens_[i].open;
    if (to - from > 40) return false;
    int para_gap = in_.quotes[i].paragraph - in_.quotes[p].paragraph;
    if (para_gap > 1) return false;
    if (para_gap == 1 &&
        to - in_.layout.paragraph_first_token[in_.quotes[i].paragraph] > 12)
      return false;
    for (std::size_t fi = first_frame_from(from); fi < frames_.size(); ++fi) {
      const CueFrame& f = frames_[fi];
      const Cue& cue = in_.cues[f.cue];
      if (cue.first >= to) break;
      // The previous quotation's own cues (up to its relay, "said,
      // according to X") are no new speaker.
      if (f.cue <= done[p].cue) continue;
      if (cue.last < to && f.source >= 0 && f.source != done[p].mention)
        return false;
    }
    set(a, done[p].mention, -1, "continuation", 0.7);
    return true;
  }

  // Last resort: the nearest cue with a source in the same paragraph, for
  // quotations long enough to be speech (short ones are scare quotes or
  // titles).
  bool paragraph(std::size_t i, Attribution& a) {
    const Quote& q = in_.quotes[i];
    int words = 0;
    for (int t = qtokens_[i].open; t <= qtokens_[i].close; ++t)
      if (in_.layout.tokens[t].kind == TokenKind::word) ++words;
    if (words < 5) return false;
    // The nearest usable cue on either side inside the paragraph; the one
    // before wins a tie.
    const int paragraph_begin = in_.layout.paragraph_first_token[q.paragraph];
    const int paragraph_end = in_.layout.paragraph_first_token[q.paragraph + 1];
    const std::size_t split = first_frame_from(qtokens_[i].open);
    int best = -1;
    int before = main_before_[split];
    if (before >= 0 && in_.cues[frames_[before].cue].first >= paragraph_begin)
      best = before;
    int after = main_from_[split];
    if (after >= 0 && in_.cues[frames_[after].cue].first < paragraph_end) {
      int d = in_.cues[frames_[after].cue].first - qtokens_[i].close;
      if (best < 0 || d < qtokens_[i].open - in_.cues[frames_[best].cue].first)
        best = after;
    }
    if (best < 0) return false;
    set(a, frames_[best].source, frames_[best].cue, "paragraph", 0.4);
    return true;
  }

  const SieveInput& in_;
  const std::vector<CueFrame>& frames_;
  int n_;
  std::vector<int> mention_start_, mention_end_, cue_start_, frame_by_cue_;
  std::vector<std::vector<int>> frames_of_source_;
  std::vector<int> usable_before_, usable_from_, main_before_, main_from_;
  std::vector<QuoteTokens> qtokens_;
  std::vector<bool> nested_;
};

}  // namespace

std::vector<CueFrame> frame_cues(const SieveInput& in) {
  const int n = static_cast<int>(in.layout.tokens.size());
  std::vector<int> mention_start(n, -1), mention_end(n, -1);
  for (std::size_t m = 0; m < in.mentions.size(); ++m) {
    mention_start[in.mentions[m].first] = static_cast<int>(m);
    mention_end[in.mentions[m].last] = static_cast<int>(m);
  }
  auto word = [&](int t) { return token_lower(in.text, in.layout, t); };
  auto punct = [&](int t, std::string_view p) {
    if (t < 0 || t >= n) return false;
    const Token& tok = in.layout.tokens[t];
    return tok.kind == TokenKind::punctuation &&
           in.text.substr(tok.span.begin, tok.span.size()) == p;
  };
  auto usable = [&](int m) { return m >= 0 && !in.mentions[m].possessive; };
  // "Trump jokingly said": a lower-case -ly word between subject and verb.
  auto manner_adverb = [&](int t) {
    const std::string w = word(t);
    std::size_t length = 0;
    return w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 &&
           is_lower(
               decode_at(in.text, in.layout.tokens[t].span.begin, &length));
  };
  // Tokens of finite speech verbs: a look-back for a subject stops there
  // (a gerund, "a source speaking to Fox News", does not stop it).
  std::vector<bool> cue_token(n, false);
  for (const Cue& cue : in.cues)
    if (cue.form != VerbForm::gerund)
      for (int t = cue.first; t <= cue.last; ++t) cue_token[t] = true;
  std::vector<CueFrame> frames;
  for (std::size_t c = 0; c < in.cues.size(); ++c) {
    const Cue& cue = in.cues[c];
    CueFrame f;
    f.cue = static_cast<int>(c);
    if (cue.kind == CueKind::adjunct) continue;
    if (cue.kind == CueKind::source) {
      int m = cue.last + 1 < n ? mention_start[cue.last + 1] : -1;
      if (usable(m)) {
        f.source = m;
        f.inverted = true;
      }
      frames.push_back(f);
      continue;
    }
    // Subject before the verb, over adverbials and an adjunct phrase.
    int k = cue.first - 1;
    int skipped = 0;
    bool passive = false;
    while (k >= 0 && skipped < 4 &&
           in.layout.tokens[k].sentence ==
               in.layout.tokens[cue.first].sentence &&
           in.layout.tokens[k].kind == TokenKind::word &&
           in.quote_of_token[k] < 0 && mention_end[k] < 0 &&
           (in.cue_tables.adverbials.count(word(k)) || manner_adverb(k))) {
      passive = passive || in.cue_tables.passives.count(word(k)) > 0;
      --k;
      ++skipped;
    }
    int m = k >= 0 && in.quote_of_token[k] < 0 ? mention_end[k] : -1;
    // "a spokesman for New Hampshire Democrats said": the head of the
    // phrase speaks, not the mention inside its prepositional phrase; "an
    // email to supporters saying": a mention inside an adjunct is none.
    if (m >= 0 && in.mentions[m].mention.kind != MentionKind::pronoun) {
      const int p = in.mentions[m].first - 1;
      const bool word_p = p >= 1 &&
                          in.layout.tokens[p].kind == TokenKind::word &&
                          in.quote_of_token[p] < 0;
      const bool of = word_p && in.cue_tables.prepositions.count(word(p));
      // "after Rubio spoke" opens a clause, not an adjunct of a subject.
      const bool adjunct =
          word_p && in.cue_tables.adjunct_prepositions.count(word(p)) &&
          !in.cue_tables.subordinators.count(word(p));
      if (of || adjunct) {
        // "a source close to the campaign", "a source speaking to Fox News":
        // the head may stand a few words before the preposition.
        int h = -1;
        for (int j = p - 1; j >= 0 && p - j <= 3 && h < 0 &&
                            in.layout.tokens[j].kind == TokenKind::word &&
                            in.quote_of_token[j] < 0 && !cue_token[j];
             --j)
          h = mention_end[j];
        if (h >= 0 && !in.mentions[h].possessive &&
            (in.mentions[h].mention.kind == MentionKind::role ||
             in.mentions[h].mention.kind == MentionKind::name))
          m = h;
        else if (adjunct && !of && cue.form == VerbForm::gerund)
          m = -1;
      }
    }
    // "Trump was asked, "Q"": a passive verb's subject heard the words.
    if (passive && cue.form == VerbForm::past && cue.last == cue.first) {
      frames.push_back(f);
      continue;
    }
    // "his vague tough talk", "a conference call": a base form right after a
    // singular noun phrase is a noun, not the phrase's verb.
    if (m >= 0 && skipped == 0 && cue.form == VerbForm::base &&
        !in.mentions[m].plural &&
        in.mentions[m].mention.kind == MentionKind::role)
      m = -1;
    // "Hugh Hill, a doctor, said"
    if (m < 0 && punct(k, ",") && k >= 1 && mention_end[k - 1] >= 0) {
      int b = mention_end[k - 1];
      if (in.mentions[b].appositive >= 0 && in.mentions[b].appositive < b)
        m = in.mentions[b].appositive;
      // "Gov. John Kasich (R-OH), said": a name and a stray comma.
      // "Merkel's spokesman, Steffen Seibert, wrote": a name set off by
      // commas on both sides is an apposition to the subject.
      else if (in.mentions[b].mention.kind == MentionKind::name &&
               !in.mentions[b].possessive &&
               (in.mentions[b].subject || punct(in.mentions[b].first - 1, ",")))
        m = b;
    }
    // "Huma Abedin, vice chairwoman for Clinton's campaign, said": the subject
    // before a parenthetical set off by commas (bounded look-back). Not for
    // a gerund: "Speaking in Columbia, Sanders stepped up ..., saying" has
    // a clause, not a parenthetical, between the commas.
    if (m < 0 && punct(k, ",") && cue.form != VerbForm::gerund) {
      // "Trump, the 2016 GOP presidential frontrunner nationally and current
      // polling leader in South Carolina by a wide margin ..., said".
      constexpr int kParenthetical = 30;
      const int sentence = in.layout.tokens[cue.first].sentence;
      for (int j = k - 1;
           j >= 1 && k - j <= kParenthetical && in.layout.tokens[j].sentence == sentence &&
           in.quote_of_token[j] < 0;
           --j) {
        if (!punct(j, ",")) continue;
        int b = mention_end[j - 1];
        if (b >= 0 && in.mentions[b].mention.kind != MentionKind::pronoun &&
            in.mentions[b].mention.kind != MentionKind::document)
          m = b;
        break;
      }
    }
    // "Jason Sims — a teacher from Mount Pleasant — says": the subject
    // before a parenthetical set off by dashes ("--" too).
    auto dash_at = [&](int t) {
      if (t < 0 || t >= n || in.layout.tokens[t].kind != TokenKind::punctuation)
        return false;
      std::size_t length = 0;
      return is_dash(
          decode_at(in.text, in.layout.tokens[t].span.begin, &length));
    };
    if (m < 0 && dash_at(k) && cue.form != VerbForm::gerund) {
      constexpr int kDashParenthetical = 20;
      const int sentence = in.layout.tokens[cue.first].sentence;
      int j = k - 1;
      while (dash_at(j)) --j;  // "--"
      for (;
           j >= 1 && k - j <= kDashParenthetical &&
           in.layout.tokens[j].sentence == sentence && in.quote_of_token[j] < 0;
           --j) {
        if (!dash_at(j)) continue;
        while (dash_at(j - 1)) --j;
        // Not the object of a preposition ("Neil Roe, director of the
        // group - which has endorsed Jane Roe - said"); nothing before a
        // dash that opens the text (found by fuzz_extract).
        const int b = j >= 1 ? mention_end[j - 1] : -1;
        const int p = b >= 0 ? in.mentions[b].first - 1 : -1;
        const bool object = p >= 0 &&
                            in.layout.tokens[p].kind == TokenKind::word &&
                            in.cue_tables.prepositions.count(word(p));
        if (b >= 0 && !object &&
            in.mentions[b].mention.kind != MentionKind::pronoun &&
            in.mentions[b].mention.kind != MentionKind::document)
          m = b;
        break;
      }
    }
    // "a White House official who spoke anonymously ... said" (a gerund,
    // ", saying", belongs to the main clause, not to the relative's).
    if (m < 0 && cue.form != VerbForm::gerund) {
      const int sentence = in.layout.tokens[cue.first].sentence;
      for (int j = k;
           j >= 1 && cue.first - j <= 14 &&
           in.layout.tokens[j].sentence == sentence && in.quote_of_token[j] < 0;
           --j) {
        if (in.layout.tokens[j].kind != TokenKind::word ||
            !in.cue_tables.relatives.count(word(j)))
          continue;
        int before = punct(j - 1, ",") ? j - 2 : j - 1;
        if (before >= 0 && mention_end[before] >= 0 &&
            in.mentions[mention_end[before]].mention.kind !=
                MentionKind::pronoun)
          m = mention_end[before];
        break;
      }
    }
    // "a spokesman for committee Democrats said", "George Zornick of The
    // Nation wrote": the subject before a prepositional phrase.
    if (m < 0) {
      const int sentence = in.layout.tokens[cue.first].sentence;
      for (int j = k; j >= 1 && cue.first - j <= 8 &&
                      in.layout.tokens[j].sentence == sentence &&
                      in.layout.tokens[j].kind == TokenKind::word &&
                      in.quote_of_token[j] < 0;
           --j) {
        if (!in.cue_tables.prepositions.count(word(j))) continue;
        int b = mention_end[j - 1];
        if (b >= 0 && in.mentions[b].mention.kind != MentionKind::pronoun &&
            in.quote_of_token[j - 1] < 0)
          m = b;
        break;
      }
    }
    // "Clinton shook her head and said": the subject of the earlier verb.
    if (m < 0 && k >= 0 && in.layout.tokens[k].kind == TokenKind::word &&
        in.quote_of_token[k] < 0 && in.cue_tables.coordinators.count(word(k))) {
      const int sentence = in.layout.tokens[cue.first].sentence;
      for (int j = in.layout.sentence_first_token[sentence]; j < k; ++j) {
        int s = mention_start[j];
        if (s >= 0 && in.mentions[s].subject && in.quote_of_token[j] < 0) {
          m = s;
          break;
        }
      }
    }
    if (cue.form == VerbForm::gerund) {
      // "with Trump reportedly yelling": the mention right before it.
      if (usable(m) && in.mentions[m].mention.kind != MentionKind::document) {
        f.source = m;
        frames.push_back(f);
        continue;
      }
      // "..., adding that", "telling them": the subject of the clause's verb.
      const int sentence = in.layout.tokens[cue.first].sentence;
      for (std::size_t g = frames.size(); g-- > 0;) {
        const Cue& prev = in.cues[frames[g].cue];
        if (in.layout.tokens[prev.first].sentence != sentence) break;
        // "not paying an architect who said he was stiffed, saying ...":
        // a relative clause's speaker is not the main clause's.
        const int src = frames[g].source;
        if (src >= 0 && !frames[g].inverted) {
          const int after = in.mentions[src].last + 1;
          if (after < prev.first &&
              in.layout.tokens[after].kind == TokenKind::word &&
              in.cue_tables.relatives.count(word(after)))
            continue;
        }
        if (frames[g].source >= 0) {
          f.source = frames[g].source;
          break;
        }
      }
      // "The resolution refers to ..., noting that": the sentence's subject.
      for (int j = cue.first - 1;
           f.source < 0 && j >= 0 && in.layout.tokens[j].sentence == sentence;
           --j) {
        int s = mention_start[j];
        if (s >= 0 && in.mentions[s].subject && !in.mentions[s].possessive &&
            in.quote_of_token[j] < 0)
          f.source = s;
      }
      frames.push_back(f);
      continue;
    }
    // "Joe Kasper, told POLITICO": an addressee verb never inverts, so a name
    // before its comma is the subject, and the mention after it is no source.
    const bool addressee = in.cue_tables.addressee_lemmas.count(cue.lemma) > 0;
    if (m < 0 && addressee && punct(k, ",") && k >= 1 &&
        mention_end[k - 1] >= 0 &&
        in.mentions[mention_end[k - 1]].mention.kind == MentionKind::name &&
        in.quote_of_token[k - 1] < 0)
      m = mention_end[k - 1];
    if (usable(m)) {
      f.source = m;
    } else if (cue.form != VerbForm::base && !addressee) {
      // "Q," said X: only right after a comma or a quotation mark.
      int before = cue.first - 1;
      const bool marked =
          before >= 0 && (punct(before, ",") || in.layout.tokens[before].kind ==
                                                    TokenKind::quote_mark);
      // ... or opening the sentence: "Said Comey, "Q"" (the name right after:
      // "Asked which Iowa county ..." is no inversion).
      const bool opened = marked || before < 0 ||
                          in.layout.tokens[before].sentence !=
                              in.layout.tokens[cue.first].sentence;
      int after = subject_after(in, mention_start, cue.last + 1, marked);
      if (opened && usable(after) && !in.mentions[after].before_auxiliary &&
          in.mentions[after].mention.kind != MentionKind::pronoun) {
        f.source = after;
        f.inverted = true;
      }
    }
    frames.push_back(f);
  }
  // "Hooton said after Rubio spoke.": the source opens a subordinate clause.
  for (CueFrame& f : frames) {
    if (f.source < 0 || f.inverted) continue;
    const int before = in.mentions[f.source].first - 1;
    f.subordinate = before >= 0 &&
                    in.layout.tokens[before].kind == TokenKind::word &&
                    in.quote_of_token[before] < 0 &&
                    in.cue_tables.subordinators.count(word(before)) > 0;
  }
  return frames;
}

std::vector<Attribution> run_sieves(const SieveInput& in,
                                    const std::vector<CueFrame>& frames) {
  return Sieves(in, frames).run();
}

}  // namespace quotelink::detail
