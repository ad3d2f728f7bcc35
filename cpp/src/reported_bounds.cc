// The reported-speech stage's token tests and clause extents: where a
// sentence, a clause or a report's object starts and ends (members of
// Reporter, see reported_stage.h).
#include <algorithm>

#include "reported_stage.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

// How far from its start a short clause's object may reach before the
// speaker's next predicate ("endorsed Trump last week and has appeared").
constexpr int kObjectReach = 6;
// At most this many words make an introductory phrase ("And in a 1963
// speech").
constexpr int kIntroWords = 6;

}  // namespace

bool Reporter::punct(int t, std::string_view p) const {
  return in_range(t) && tok(t).kind == TokenKind::punctuation &&
         in_.text.substr(tok(t).span.begin, tok(t).span.size()) == p;
}

std::string Reporter::word(int t) const {
  return std::string(in_.tokens.lower(t));
}

// True when token t opens a web address ("http://...", "www.x.com").
bool Reporter::link(int t) const {
  const std::string w = word(t);
  return w.rfind("http", 0) == 0 || w.rfind("www.", 0) == 0;
}

bool Reporter::possessive(int t) const {
  std::string w = word(t);
  return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0;
}

// True when token t opens with an upper-case letter (Unicode, as the mention
// stage tests it: "Zoë", "Éric", "Сергей").
bool Reporter::capitalised(int t) const {
  std::size_t length = 0;
  return is_upper(decode_at(in_.text, tok(t).span.begin, &length));
}

// True when token t has at least three characters and no lower-case letter
// ("SEOUL", "МОСКВА").
bool Reporter::all_capitals(int t) const {
  const Span& span = tok(t).span;
  int characters = 0;
  for (std::size_t at = span.begin; at < span.end; ++characters) {
    std::size_t length = 1;
    if (is_lower(decode_at(in_.text, at, &length))) return false;
    at += length;
  }
  return characters >= 3;
}

// True for a dash token: punctuation opening with a Unicode dash (Pd:
// "-", "--", en and em dashes, the horizontal bar), as the sieves test it.
bool Reporter::dash(int t) const {
  if (!in_range(t) || tok(t).kind != TokenKind::punctuation) return false;
  std::size_t length = 0;
  return is_dash(decode_at(in_.text, tok(t).span.begin, &length));
}

int Reporter::sentence_begin(int t) const {
  return in_.layout.sentence_first_token[tok(t).sentence];
}

// The first token after a dateline that opens t's paragraph ("SEOUL, Nov.
// 21 (Yonhap) -- ", "WASHINGTON (AP) — "), else `begin`: capitalised words,
// numbers, commas, periods and a parenthesis or an all-capital word, then
// a dash, within the first twelve tokens of the paragraph.
int Reporter::after_dateline(int begin) const {
  if (!in_range(begin) ||
      in_.layout.paragraph_first_token[tok(begin).paragraph] != begin)
    return begin;
  bool marked = false;  // a "(Agency)" or an all-capital place name
  for (int t = begin;
       in_range(t) && t < begin + 12 && tok(t).sentence == tok(begin).sentence;
       ++t) {
    const std::string_view s =
        in_.text.substr(tok(t).span.begin, tok(t).span.size());
    if (tok(t).kind == TokenKind::number) continue;
    if (tok(t).kind == TokenKind::punctuation) {
      if (dash(t)) {
        int after = t + 1;  // "--" may be two tokens
        while (in_range(after) && dash(after)) ++after;
        return marked && t > begin && in_range(after) &&
                       tok(after).sentence == tok(begin).sentence
                   ? after
                   : begin;
      }
      if (s == "(" || s == ")")
        marked = marked || s == "(";
      else if (s != "," && s != ".")
        return begin;
      continue;
    }
    if (tok(t).kind != TokenKind::word) return begin;
    std::size_t length = 0;
    if (!capitalised(t) &&
        !is_digit(decode_at(in_.text, tok(t).span.begin, &length)))
      return begin;
    marked = marked || all_capitals(t);
  }
  return begin;
}

// The end (exclusive) of t's sentence without its closing punctuation
// (at most kMaxClauseTokens of it, so that every cue's call stays short).
int Reporter::sentence_end(int t) const {
  int end = in_.layout.sentence_first_token[tok(t).sentence + 1];
  const int floor = std::max(t + 1, end - kMaxClauseTokens);
  while (end > floor && tok(end - 1).kind == TokenKind::punctuation) --end;
  return end;
}

// True when the token before t closes a direct quotation with a comma
// ("\"A,\" X said") in t's sentence.
bool Reporter::closes_direct_quote(int t) const {
  if (!in_range(t - 1) || tok(t - 1).kind != TokenKind::quote_mark ||
      tok(t - 1).sentence != tok(t).sentence || !punct(t - 2, ","))
    return false;
  int q = in_.quote_of_token[t - 1];
  return q >= 0 && in_.quotes[q].kind == QuoteKind::direct;
}

// True when a comma comes right before token t, or a comma and the mark
// closing a quotation t is not part of ("... a \"distortion,\" describing").
bool Reporter::after_comma(int t) const {
  if (punct(t - 1, ",")) return true;
  return in_range(t - 2) && tok(t - 1).kind == TokenKind::quote_mark &&
         punct(t - 2, ",") && in_.quote_of_token[t - 1] >= 0 &&
         in_.quote_of_token[t] < 0;
}

bool Reporter::question(int t) const {
  int end = in_.layout.sentence_first_token[tok(t).sentence + 1];
  for (int k = end - 1; k > t && k >= end - 3; --k)
    if (punct(k, "?")) return true;
  return false;
}

// The longest aside set off by commas between a cue and its
// complementiser, in tokens ("argued, in a letter to colleagues, that").
constexpr int kAsideTokens = 10;

// The complementiser after an aside that opens with the comma at `comma`
// and closes with the next comma (", however, that", ", in a letter to
// colleagues, that"): at most kAsideTokens tokens holding no speech verb
// and no quotation mark; -1 when there is none.
int Reporter::complementiser_after_aside(int comma, int end) const {
  if (!punct(comma, ",")) return -1;
  for (int k = comma + 1; k < end && k <= comma + kAsideTokens + 1; ++k) {
    if (tok(k).kind == TokenKind::quote_mark ||
        (cue_start_[k] >= 0 && in_.cues[cue_start_[k]].kind == CueKind::verb))
      return -1;
    if (punct(k, ","))
      return k > comma + 1 && is_word(k + 1) &&
                     is(k + 1, tables_.cls.complementisers)
                 ? k + 1
                 : -1;
  }
  return -1;
}

// Moves t over words that sit between a cue and its clause: an aside set
// off by commas before a complementiser, time words, channel phrases ("in
// a statement") and, for addressee verbs, the addressee; stops at a
// complementiser, which belongs to the content.
int Reporter::skip_to_clause(int t, int end, bool addressee) const {
  const bool addressee_verb = addressee;
  if (const int c = complementiser_after_aside(t, end); c >= 0) return c;
  for (int guard = 0; t < end && guard < 12; ++guard) {
    int c = cue_start_[t];
    if (c >= 0 && in_.cues[c].kind == CueKind::adjunct) {
      t = in_.cues[c].last + 1;
      continue;
    }
    if (is_word(t) && is(t, tables_.cls.complementisers)) return t;
    if (is_word(t) && is(t, tables_.cls.skip_words)) {
      ++t;
      continue;
    }
    // (a possessive opens the content: "urging Pyongyang's referral")
    if (addressee && mention_start_[t] >= 0 &&
        !in_.mentions[mention_start_[t]].possessive) {
      t = in_.mentions[mention_start_[t]].last + 1;
      addressee = false;
      continue;
    }
    break;
  }
  // "told the crowd in Ohio that", "said of the plan that": a nearby
  // complementiser opens the clause after an addressee or an adjunct.
  if (t < end && is_word(t) && !is(t, tables_.cls.complementisers) &&
      (addressee_verb || is(t, tables_.cls.prepositions))) {
    // Numbers too: "said in a Feb. 17 report that".
    for (int k = t + 1; k < end && k <= t + 10 &&
                        (is_word(k) || tok(k).kind == TokenKind::number);
         ++k)
      if (is_word(k) && is(k, tables_.cls.declarative)) return k;
  }
  return t;
}

// The end of a clause opening at `first`: the sentence end, or where
// another speaker's report starts ("X said A, and Y said B").
int Reporter::clause_end(int first, int end) const {
  for (std::size_t f = next_frame(first); f < frames_.size(); ++f) {
    const Cue& c = in_.cues[frames_[f].cue];
    if (c.first >= end) break;
    // "X said A and called for B": the same speaker's next report.
    if (c.first > first + 2 && is_word(c.first - 1) &&
        is(c.first - 1, tables_.cls.conjunctions))
      return punct(c.first - 2, ",") ? c.first - 2 : c.first - 1;
    // "X said A, adding that B": a gerund cue after a comma reports B.
    if (c.kind == CueKind::verb && c.form == VerbForm::gerund &&
        c.first > first + 1 && after_comma(c.first))
      return c.first - 1;
    int s = frames_[f].source;
    if (s < 0 || frames_[f].inverted) continue;
    // "Choe, a member of the ruling party widely seen as a confidant,
    // would visit": a cue that reports nothing, or a noun or adjective
    // after a determiner, is no new report.
    // "..., without elaborating": a gerund after a preposition is an
    // adjunct of the report itself; it ends the clause at its comma.
    if (c.form == VerbForm::gerund && is_word(c.first - 1) &&
        is(c.first - 1, tables_.cls.prepositions)) {
      if (c.first - 2 > first + 2 && punct(c.first - 2, ","))
        return c.first - 2;
      continue;
    }
    if ((is_word(c.last + 1) && is(c.last + 1, tables_.cls.blockers)) ||
        (is_word(c.first - 1) && is(c.first - 1, tables_.cls.determiners)))
      continue;
    int cut = in_.mentions[s].first;
    // "X, whose party has opposed A, said B": the cue after the comma is
    // the main clause's, whose source comes before this clause.
    if (cut < first && c.first - 1 > first + 1 && punct(c.first - 1, ","))
      return c.first - 1;
    if (cut <= first + 1) continue;  // "X said officials believe ..."
    int k = cut;
    // "A, as new satellite imagery suggested B": a subordinator after a
    // comma belongs to the other report's clause.
    if (k > first + 2 && is_word(k - 1) &&
        is(k - 1, tables_.cls.subordinators) && punct(k - 2, ","))
      --k;
    while (k > first + 1 &&
           (punct(k - 1, ",") || punct(k - 1, ";") ||
            (is_word(k - 1) && is(k - 1, tables_.cls.conjunctions))))
      --k;
    // "that if Iran were a stock, he would advise": the comma closes a
    // subordinate clause opening the report, whose main clause follows.
    if (k < cut && !closes_opening_subordinate(first, k)) return k;
  }
  return end;
}

// True when the clause opening at `first` starts (after a complementiser)
// with a subordinator and `k` is its first comma ("that if A, B").
bool Reporter::closes_opening_subordinate(int first, int k) const {
  int t = first;
  if (is_word(t) && !is(t, tables_.cls.subordinators) &&
      is(t, tables_.cls.complementisers))
    ++t;  // "that if"
  if (!is_word(t) || !is(t, tables_.cls.subordinators)) return false;
  for (int j = t + 1; j < k; ++j)
    if (punct(j, ",") || punct(j, ";")) return false;
  return punct(k, ",");
}

std::size_t Reporter::next_frame(int t) const {
  return static_cast<std::size_t>(
      std::partition_point(
          frames_.begin(), frames_.end(),
          [&](const CueFrame& f) { return in_.cues[f.cue].first <= t; }) -
      frames_.begin());
}

// True when [first, end) is a short phrase that introduces a sentence
// rather than a clause: a preposition (after a conjunction) and at most
// kIntroWords words, without a comma ("On Monday", "And in a 1963
// speech", "As for Trump").
bool Reporter::introductory(int first, int end) const {
  int t = first;
  if (is_word(t) && is(t, tables_.cls.conjunctions)) ++t;
  if (t >= end || !is_word(t) || !is(t, tables_.cls.prepositions) ||
      is(t, tables_.cls.conjunctions))
    return false;
  int words = 0;
  for (int k = t; k < end && words <= kIntroWords; ++k) {
    if (punct(k, ",")) return false;
    words += tok(k).kind != TokenKind::punctuation;
  }
  return words <= kIntroWords;
}

// The end of a clause from `first` to `stop`: a short clause without a
// verb of its own ends where its speaker's next predicate starts
// ("endorsed Trump last week and has appeared at", "blasted Rubio and
// defended Cruz"): at a conjunction followed by an auxiliary or a speech
// verb, within the first few words; trailing time words ("last week") are
// left out.
int Reporter::trim_predicate(int first, int stop) const {
  for (int k = first + 1; k + 1 < stop && k <= first + kObjectReach; ++k) {
    if (!(is_word(k) && is(k, tables_.cls.conjunctions))) continue;
    if (!(is_word(k + 1) &&
          (is(k + 1, tables_.cls.predicate_openers) || finite_cue(k + 1))))
      continue;
    int end = punct(k - 1, ",") ? k - 1 : k;
    while (end > first + 1 && is_word(end - 1) &&
           is(end - 1, tables_.cls.time_words))
      --end;
    return end;
  }
  return stop;
}

// True when an auxiliary or a form of "be" comes within kObjectReach
// words from `first`, before a comma and `end` ("2016 has been").
bool Reporter::predicate_follows(int first, int end) const {
  for (int k = first; k < end && k < first + kObjectReach && !punct(k, ",");
       ++k)
    if (verb_opener(k)) return true;
  return false;
}

// True when token t is an auxiliary, a predicate opener or a form of "be"
// ("has", "would", "was").
bool Reporter::verb_opener(int t) const {
  return is_word(t) && (is(t, tables_.cls.predicate_openers) ||
                        is(t, in_.cue_lexicon.passive));
}

// True when a speech verb in the past or third person opens at t
// ("blasted Rubio and defended Cruz").
bool Reporter::finite_cue(int t) const {
  const int c = cue_start_[t];
  return c >= 0 && in_.cues[c].kind == CueKind::verb &&
         (in_.cues[c].form == VerbForm::past ||
          in_.cues[c].form == VerbForm::third);
}

// The end of a clause from `first` to `stop`, cut where the report gives
// way to the writer: before a non-restrictive relative (", which raised
// concerns"), a clause break (", but"), a summing-up phrase (", a claim
// ...") or at a semicolon; trim_predicate applies first.
int Reporter::trim_end(int first, int stop) const {
  stop = trim_predicate(first, stop);
  // "defended his vote, but ...", "endorsed her; last month ...": a short
  // object ends at a clause break too (not "that, while A, B").
  if (!(is_word(first) && is(first, tables_.cls.complementisers)))
    for (int k = first + 1; k + 1 < stop && k < first + 3; ++k)
      if ((punct(k, ",") && is_word(k + 1) &&
           is(k + 1, tables_.cls.clause_breaks)) ||
          punct(k, ";"))
        return k;
  for (int k = first + 3; k + 1 < stop; ++k)
    if ((punct(k, ",") && is_word(k + 1) &&
         (is(k + 1, in_.cue_lexicon.relative) ||
          is(k + 1, tables_.cls.clause_breaks))) ||
        punct(k, ";") || break_pair(k) ||
        (apposition_end(k) && is_word(k + 1) &&
         is(k + 1, tables_.cls.summary_openers) &&
         !name_end_[k - 1]))  // "Choe Ryong Hae, a member of": apposition
      return k;
  return stop;
}

// The end of a report from `first` to `stop` whose object is a name or an
// object pronoun followed by an adjunct ("praised Trump at a news
// conference", "opposed it as he ..."): the object's end; else `stop`.
int Reporter::trim_adjunct(int first, int stop) const {
  int last = -1;
  const int m = mention_start_[first];
  if (m >= 0 && in_.mentions[m].mention.kind != MentionKind::pronoun)
    last = in_.mentions[m].last;
  else if (is_word(first) && is(first, tables_.cls.object_pronouns))
    last = first;
  if (last < first || last + 1 >= stop) return stop;
  int k = punct(last + 1, ",") ? last + 2 : last + 1;
  if (k >= stop || !is_word(k)) return stop;
  if (is(k, tables_.cls.adjuncts) ||
      (k + 1 < stop && is_word(k + 1) &&
       tables_.adjuncts.count(word(k) + " " + word(k + 1))))
    return last + 1;
  return stop;
}

// The end of a clause from `first` to `stop` reported by a cue at
// `cue_first` inside a subordinate clause that opens its sentence ("Though
// he did not mention A, he ..."; "But when voters were asked A, X ..."):
// the first comma after `first`; `stop` when the cue is in no such clause.
int Reporter::subordinate_end(int cue_first, int first, int stop) const {
  int t = after_dateline(sentence_begin(cue_first));
  if (is_word(t) && is(t, tables_.cls.conjunctions) && is_word(t + 1) &&
      is(t + 1, tables_.cls.subordinators))
    ++t;  // "But when ..."
  if (!is_word(t) || !is(t, tables_.cls.subordinators) ||
      cue_first - t > kMaxClauseTokens)
    return stop;
  for (int k = t + 1; k < cue_first; ++k)
    if (punct(k, ",") || punct(k, ";")) return stop;  // the cue is past it
  for (int k = first + 1; k < stop; ++k)
    if (punct(k, ",")) return k;
  return stop;
}

// True when a comma at k, perhaps before a closing quotation mark, is
// followed by a two-word clause opening (", and he", ",\" and when").
bool Reporter::break_pair(int k) const {
  if (!punct(k, ",")) return false;
  int j = k + 1;
  if (in_range(j) && tok(j).kind == TokenKind::quote_mark) ++j;
  return is_word(j) && is_word(j + 1) &&
         tables_.clause_break_pairs.count(word(j) + " " + word(j + 1));
}

}  // namespace quotelink::detail
