#include "sieves.h"

#include <algorithm>

#include "scratch.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

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
        n_(static_cast<int>(in.layout.tokens.size())),
        borrowed_(in.scratch,
                  {&mention_start_, &mention_end_, &cue_start_, &frame_by_cue_,
                   &source_frames_begin_, &source_frames_, &usable_before_,
                   &usable_from_, &main_before_, &main_from_}),
        borrowed_bytes_(in.scratch, {&nested_}) {
    mention_start_.assign(n_, -1);
    mention_end_.assign(n_, -1);
    for (std::size_t m = 0; m < in.mentions.size(); ++m) {
      mention_start_[in.mentions[m].first] = static_cast<int>(m);
      mention_end_[in.mentions[m].last] = static_cast<int>(m);
    }
    frame_by_cue_.assign(in.cues.size(), -1);
    for (std::size_t f = 0; f < frames.size(); ++f)
      frame_by_cue_[frames[f].cue] = static_cast<int>(f);
    // The frames of each source mention, in frame order (counting sort).
    source_frames_begin_.assign(in.mentions.size() + 1, 0);
    for (const CueFrame& f : frames)
      if (f.source >= 0) ++source_frames_begin_[f.source + 1];
    for (std::size_t m = 0; m < in.mentions.size(); ++m)
      source_frames_begin_[m + 1] += source_frames_begin_[m];
    source_frames_.resize(source_frames_begin_.back());
    std::vector<int> filled(source_frames_begin_.begin(),
                            source_frames_begin_.end() - 1);
    for (std::size_t f = 0; f < frames.size(); ++f)
      if (frames[f].source >= 0)
        source_frames_[filled[frames[f].source]++] = static_cast<int>(f);
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
      main_before_[f + 1] =
          main_clause(f) ? static_cast<int>(f) : main_before_[f];
    main_from_.assign(frames.size() + 1, -1);
    for (std::size_t f = frames.size(); f-- > 0;)
      main_from_[f] = main_clause(f) ? static_cast<int>(f) : main_from_[f + 1];
    cue_start_.assign(n_, -1);
    for (std::size_t c = 0; c < in.cues.size(); ++c)
      cue_start_[in.cues[c].first] = static_cast<int>(c);
    // Quotations are ordered by start, enclosing ones first: a stack of the
    // open outer quotations tells every nested one, however many siblings
    // precede it inside the same quotation.
    nested_.assign(in.quotes.size(), 0);
    std::vector<std::size_t> open_ends;
    for (std::size_t i = 0; i < in.quotes.size(); ++i) {
      const Span& s = in.quotes[i].outer;
      while (!open_ends.empty() && open_ends.back() <= s.begin)
        open_ends.pop_back();
      nested_[i] = !open_ends.empty() && open_ends.back() >= s.end;
      if (!nested_[i]) open_ends.push_back(s.end);
    }
    qtokens_.reserve(in.quotes.size());
    for (const Quote& q : in.quotes) {
      QuoteTokens qt;
      qt.open = token_at(in.layout, q.outer.begin);
      qt.close = std::max(qt.open, token_at(in.layout, q.outer.end) - 1);
      qtokens_.push_back(qt);
    }
  }

  std::vector<Attribution> run() {
    // The sieves in SieveId order: one unit each, one signature.
    using Sieve = bool (Sieves::*)(std::size_t, const std::vector<Attribution>&,
                                   Attribution&);
    static constexpr Sieve kSieves[] = {
        &Sieves::trigram_after, &Sieves::dash_after,   &Sieves::colon_cue,
        &Sieves::colon_subject, &Sieves::split,        &Sieves::trigram_before,
        &Sieves::same_sentence, &Sieves::continuation, &Sieves::paragraph};
    static_assert(std::size(kSieves) == std::size(kSieveRules),
                  "one unit per row of kSieveRules");
    std::vector<Attribution> out(in_.quotes.size());
    for (std::size_t i = 0; i < in_.quotes.size(); ++i) {
      if (nested(i)) continue;
      Attribution& a = out[i];
      for (std::size_t s = 0; s < std::size(kSieves); ++s) {
        const auto id = static_cast<SieveId>(s);
        if (!in_.rules.enabled(id) || !(this->*kSieves[s])(i, out, a)) continue;
        if (relays(id)) relayed(a);
        break;
      }
    }
    return out;
  }

 private:
  bool in_range(int t) const { return t >= 0 && t < n_; }
  bool punct(int t, char c) const { return in_.tokens.punct(t, c); }
  bool dash(int t) const {
    return in_range(t) && in_.tokens.shape(t, Shape::dash);
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
  // The frames whose source is mention m, in order.
  struct FrameRange {
    const int* first;
    const int* last;
    const int* begin() const { return first; }
    const int* end() const { return last; }
  };
  FrameRange frames_of_source(int m) const {
    const int* base = source_frames_.data();
    return {base + source_frames_begin_[m], base + source_frames_begin_[m + 1]};
  }
  // Index of the first frame whose cue starts at or after token `t`. Frames
  // are in text order; searching keeps the sieves linear in the quotations.
  std::size_t first_frame_from(int t) const {
    return static_cast<std::size_t>(
        std::partition_point(
            frames_.begin(), frames_.end(),
            [&](const CueFrame& f) { return in_.cues[f.cue].first < t; }) -
        frames_.begin());
  }
  bool nested(std::size_t i) const { return nested_[i] != 0; }
  void set(Attribution& a, int mention, int cue, SieveId id) {
    a.mention = mention;
    a.cue = cue;
    if (cue >= 0) a.cue_span = in_.cues[cue].span;
    a.rule = id;
    a.sieve = rule(id).label;
    a.confidence = rule(id).confidence;
  }

  // The token after quotation i's closing mark, past one comma.
  int after_close(std::size_t i) const {
    int t = qtokens_[i].close + 1;
    if (punct(t, ',')) ++t;
    return t;
  }

  // "X responded: "Q?" Her critics cited it": a quotation introduced by a
  // colon and followed by a new sentence belongs to its introduction, so no
  // pattern after it applies.
  bool colon_introduced(std::size_t i, int after) const {
    return punct(qtokens_[i].open - 1, ':') && starts_sentence(after);
  }

  // Sieve trigram_after: "Q," said X / "Q," X said.
  bool trigram_after(std::size_t i, const std::vector<Attribution>&,
                     Attribution& a) {
    const int t = after_close(i);
    if (!same_paragraph(qtokens_[i].close, t) || colon_introduced(i, t))
      return false;
    int c = cue_start_[t];
    // "Q," told CNN: the addressee of "tell" is no inverted subject, nor is
    // the object of a gerund ("Q," promising the Friends of Abe ...).
    if (c >= 0 && in_.cues[c].kind == CueKind::verb &&
        in_.cues[c].form != VerbForm::gerund &&
        !in_.cue_lexicon.addressee_lemma(in_.cues[c].lemma_word)) {
      int m = subject_after(in_, mention_start_, in_.cues[c].last + 1, true);
      // ""Q," said the bill would pass": a clause's subject, no inversion.
      if (speaker_like(m) && !in_.mentions[m].before_auxiliary &&
          in_.mentions[m].mention.kind != MentionKind::pronoun) {
        set(a, m, c, SieveId::trigram_after);
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
    if (!speaker_like(m)) return false;
    for (int fi : frames_of_source(m)) {
      const CueFrame& f = frames_[fi];
      if (f.inverted) continue;
      set(a, m, f.cue, SieveId::trigram_after);
      return true;
    }
    return false;
  }

  // Sieve dash: "Q" -- X, or a byline paragraph right after the quotation
  // (""Q."  - Bernie Sanders.").
  bool dash_after(std::size_t i, const std::vector<Attribution>&,
                  Attribution& a) {
    const int t = after_close(i);
    if (!same_paragraph(qtokens_[i].close, t)) {
      const int p = in_.quotes[i].paragraph;
      return in_range(t) && in_.layout.tokens[t].paragraph == p + 1 &&
             in_.layout.paragraph_first_token[p + 1] == t && dash_byline(t, a);
    }
    return !colon_introduced(i, t) && dash_byline(t, a);
  }

  // A dash or hyphen at token t, then the speaker: "Q" — Commissioner X.
  bool dash_byline(int t, Attribution& a) {
    if (!dash(t) && !punct(t, '-')) return false;
    int u = punct(t + 1, '-') ? t + 2 : t + 1;
    int dm = in_range(u) ? mention_start_[u] : -1;
    // A lone hyphen ("Q" - Bernie Sanders.) only before a name.
    const bool single = !dash(t) && !punct(t + 1, '-');
    if (single && dm >= 0 && in_.mentions[dm].mention.kind != MentionKind::name)
      dm = -1;
    if (speaker_like(dm) &&
        in_.mentions[dm].mention.kind != MentionKind::pronoun &&
        in_.mentions[dm].mention.kind != MentionKind::document) {
      set(a, dm, -1, SieveId::dash);
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
    return !in_range(after) || punct(after, '.') ||
           sentence(after) != sentence(t);
  }

  // The colon right before quotation i's opening mark (a colon may end the
  // paragraph before a block quotation), or -1.
  int colon_before(std::size_t i) const {
    const int t = qtokens_[i].open - 1;
    return in_range(t) && punct(t, ':') ? t : -1;
  }

  // Sieve colon_cue: X said: "Q" (a cue within 25 tokens of the colon).
  bool colon_cue(std::size_t i, const std::vector<Attribution>&,
                 Attribution& a) {
    const int t = colon_before(i);
    if (t < 0) return false;
    for (int k = t - 1; k >= 0 && t - k <= 25 && sentence(k) == sentence(t);
         --k) {
      if (in_.quote_of_token[k] >= 0) break;
      int c = cue_start_[k];
      if (c < 0 || in_.cues[c].kind != CueKind::verb) continue;
      int f = frame_of_cue(c);
      if (f >= 0 && speaker_like(frames_[f].source)) {
        set(a, frames_[f].source, c, SieveId::colon_cue);
        return true;
      }
    }
    return false;
  }

  // Sieve colon_subject: no cue, so the sentence's subject introduces the
  // quotation ("Trump leaned in and boomed:", "Trump issued the following
  // statement:", a document too: "Hoff's letter makes the case:"), else the
  // words right before the colon ("And from Chairwoman Rosenworcel:").
  bool colon_subject(std::size_t i, const std::vector<Attribution>&,
                     Attribution& a) {
    const int t = colon_before(i);
    if (t < 0) return false;
    int first = in_.layout.sentence_first_token[sentence(t)];
    int s = in_range(first) ? mention_start_[first] : -1;
    if (s < 0 && in_range(first + 1) &&
        in_.layout.tokens[first].kind == TokenKind::word)
      s = mention_start_[first + 1];  // "But X ..."
    // "Back home, he returned to his familiar lines:": a marked subject.
    for (int j = first; s < 0 && j < t; ++j)
      if (mention_start_[j] >= 0 && in_.mentions[mention_start_[j]].subject)
        s = mention_start_[j];
    if (!speaker_like(s) || in_.mentions[s].last >= t) {
      s = t >= 1 ? mention_end_[t - 1] : -1;
      if (!speaker_like(s) ||
          in_.mentions[s].mention.kind == MentionKind::pronoun)
        return false;
    }
    set(a, s, -1, SieveId::colon_subject);
    a.cue_span = in_.layout.tokens[t].span;
    return true;
  }

  // What a cue or source right before quotation i gives: X said, "Q" /
  // "A," he said, "B." (split when the previous quotation closes just
  // before).
  struct BeforeMatch {
    int mention = -1;
    int cue = -1;
    bool split = false;
  };
  BeforeMatch before_match(std::size_t i) const {
    const int open = qtokens_[i].open;
    int t = open - 1;
    if (!in_range(t) || !same_paragraph(t, open) || punct(t, ':')) return {};
    if (punct(t, ',')) --t;
    // "... according to Tchadinfos.com. "Q"": a new sentence is no pattern.
    if (!in_range(t) || sentence(t) != sentence(open)) return {};
    // "said Wednesday, "Q"": time words between the cue and the quotation.
    for (int skip = 0; skip < 2 && in_range(t) && cue_start_[t] < 0 &&
                       in_.layout.tokens[t].kind == TokenKind::word &&
                       in_.tokens.is(t, in_.cue_lexicon.adverbial);
         ++skip)
      --t;
    if (!in_range(t) || in_.quote_of_token[t] >= 0) return {};
    // The cue (possibly multi-word) ends at t, or a source mention does.
    for (int k = t; k >= 0 && t - k < 4; --k) {
      int c = cue_start_[k];
      if (c < 0 || in_.cues[c].last != t || in_.cues[c].kind != CueKind::verb)
        continue;
      int f = frame_of_cue(c);
      if (f >= 0 && speaker_like(frames_[f].source) && !frames_[f].inverted) {
        const int source_first = in_.mentions[frames_[f].source].first;
        const bool split = i > 0 &&
                           in_.quotes[i - 1].outer.end <=
                               in_.layout.tokens[source_first].span.begin &&
                           qtokens_[i - 1].close + 3 >= source_first;
        return {frames_[f].source, c, split};
      }
    }
    int m = mention_end_[t];
    if (!speaker_like(m)) return {};
    for (int fi : frames_of_source(m)) {
      const CueFrame& f = frames_[fi];
      if (!f.inverted) continue;
      return {m, f.cue,
              i > 0 && qtokens_[i - 1].close + 3 >= in_.cues[f.cue].first};
    }
    return {};
  }

  // Sieve split: "A," he said, "B."
  bool split(std::size_t i, const std::vector<Attribution>&, Attribution& a) {
    const BeforeMatch m = before_match(i);
    if (m.mention < 0 || !m.split) return false;
    set(a, m.mention, m.cue, SieveId::split);
    return true;
  }

  // Sieve trigram_before: X said, "Q" / said X, "Q".
  bool trigram_before(std::size_t i, const std::vector<Attribution>&,
                      Attribution& a) {
    const BeforeMatch m = before_match(i);
    if (m.mention < 0 || m.split) return false;
    set(a, m.mention, m.cue, SieveId::trigram_before);
    return true;
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
      if (next.kind != CueKind::source || !punct(next.first - 1, ',')) return;
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
  // Sieve same_sentence.
  bool same_sentence(std::size_t i, const std::vector<Attribution>&,
                     Attribution& a) {
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
    set(a, frames_[best].source, frames_[best].cue, SieveId::same_sentence);
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
    set(a, done[p].mention, -1, SieveId::continuation);
    return true;
  }

  // Last resort: the nearest cue with a source in the same paragraph, for
  // quotations long enough to be speech (short ones are scare quotes or
  // titles).
  bool paragraph(std::size_t i, const std::vector<Attribution>&,
                 Attribution& a) {
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
    set(a, frames_[best].source, frames_[best].cue, SieveId::paragraph);
    return true;
  }

  const SieveInput& in_;
  const std::vector<CueFrame>& frames_;
  int n_;
  std::vector<int> mention_start_, mention_end_, cue_start_, frame_by_cue_;
  std::vector<int> source_frames_begin_;  // by mention, into source_frames_
  std::vector<int> source_frames_;        // frame indices, grouped by source
  std::vector<int> usable_before_, usable_from_, main_before_, main_from_;
  std::vector<QuoteTokens> qtokens_;
  std::vector<char> nested_;  // 1 for a quotation inside another
  BorrowedArrays borrowed_;   // after the arrays they fill
  Borrowed<char> borrowed_bytes_;
};

}  // namespace

std::vector<Attribution> run_sieves(const SieveInput& in,
                                    const std::vector<CueFrame>& frames) {
  return Sieves(in, frames).run();
}

}  // namespace quotelink::detail
