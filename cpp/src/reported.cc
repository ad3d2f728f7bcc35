#include "reported.h"

#include <algorithm>
#include <utility>

#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

std::unordered_set<std::string> lower_lines(std::string_view file) {
  std::unordered_set<std::string> out;
  for (const std::string& line : embedded_lines(file))
    out.insert(to_lower(line));
  return out;
}

// The lines of a FORMS<TAB>PREPOSITIONS data file, lower case, each split
// into its space-separated forms and prepositions; throws on a bad line.
std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>
forms_and_prepositions(const std::string& file) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>
      out;
  for (const std::string& line : embedded_lines(file)) {
    std::vector<std::string> fields = split_fields(line, '\t');
    if (fields.size() != 2)
      throw error(file + ": want FORMS<TAB>PREPOSITIONS: " + line);
    out.emplace_back(split_fields(to_lower(fields[0]), ' '),
                     split_fields(to_lower(fields[1]), ' '));
  }
  return out;
}

// A reported clause never spans more tokens than this, and no look-up from
// a cue reaches further. Every clause on PolNeAR train and dev fits (the
// longest, a list of names, has about 230 tokens; at 128 four of them would
// be cut). Without a bound, a text with no full stop makes every cue's
// clause run to the end of its window, so the output and the work grow with
// the square of the window (issue #19: 1,040x the input).
constexpr int kMaxClauseTokens = 256;
// Reports nested in reports ("A said B told C that ..."): deeper ones are
// dropped, so no token is in more than this many reported clauses (a chain
// of "X said that" would repeat every token once per enclosing report).
// On PolNeAR train one say-report sits at depth 3 before attribute.cc drops
// the non-speech reports around it; none deeper.
constexpr std::size_t kMaxNestedReports = 4;

// The clause a frame reports, as a token range, and the rule that found it.
struct Clause {
  int first = -1;
  int end = -1;  // exclusive
  const char* sieve = "";
  double confidence = 0.0;
  int source = -1;  // a source mention the frame lacks, or -1
  bool sourceless = false;  // no speaker, whatever the frame's source
};

class Reporter {
 public:
  Reporter(const SieveInput& in, const std::vector<CueFrame>& frames,
           const ReportedTables& tables)
      : in_(in),
        frames_(frames),
        tables_(tables),
        n_(static_cast<int>(in.layout.tokens.size())) {
    mention_start_.assign(n_, -1);
    mention_end_.assign(n_, -1);
    name_end_.assign(n_, 0);
    for (std::size_t m = 0; m < in.mentions.size(); ++m) {
      const SpeakerMention& mention = in.mentions[m];
      mention_start_[mention.first] = static_cast<int>(m);
      mention_end_[mention.last] = static_cast<int>(m);
      if (mention.mention.kind == MentionKind::name) name_end_[mention.last] = 1;
    }
    cue_start_.assign(n_, -1);
    for (std::size_t c = 0; c < in.cues.size(); ++c)
      cue_start_[in.cues[c].first] = static_cast<int>(c);
    framed_source_start_.assign(n_ + 1, 0);
    for (const CueFrame& frame : frames)
      if (frame.source >= 0 && !frame.inverted &&
          in.mentions[frame.source].first >= 0)
        framed_source_start_[in.mentions[frame.source].first] = 1;
  }

  std::vector<ReportedQuote> run() {
    std::vector<ReportedQuote> out;
    for (std::size_t f = 0; f < frames_.size(); ++f) {
      Clause clause = clause_of(frames_[f]);
      if (clause.first < 0) continue;
      // A clause before its cue ("CLAUSE, X said") keeps the words next to
      // the cue; build() bounds the others from their start.
      if (clause.end <= in_.cues[frames_[f].cue].first)
        clause.first = std::max(clause.first, clause.end - kMaxClauseTokens);
      ReportedQuote rq;
      if (!build(clause, rq)) continue;
      rq.frame = static_cast<int>(f);
      rq.sieve = clause.sieve;
      rq.confidence = clause.confidence;
      rq.source = clause.source;
      // "The shift seemed stark": the writer's impression, nobody's report.
      rq.sourceless =
          clause.sourceless ||
          tables_.sourceless_verbs.count(in_.cues[frames_[f].cue].lemma) > 0;
      out.push_back(std::move(rq));
    }
    add_speaker_lines(out);
    add_topic_nouns(out);
    // Text order; of two clauses opening together, the longer first.
    std::stable_sort(out.begin(), out.end(),
                     [](const ReportedQuote& a, const ReportedQuote& b) {
                       if (a.quote.span.begin != b.quote.span.begin)
                         return a.quote.span.begin < b.quote.span.begin;
                       return a.quote.span.end > b.quote.span.end;
                     });
    // Two cues may report one clause ("X said ..., adding that"): keep one.
    out.erase(std::unique(out.begin(), out.end(),
                          [](const ReportedQuote& a, const ReportedQuote& b) {
                            return a.quote.span == b.quote.span;
                          }),
              out.end());
    drop_crossing(out);
    return out;
  }

 private:
  // "Lynch: No outside influence on FBI probe", "Q: There's lots of talk":
  // a paragraph that opens with a speaker (not a pronoun or a place) and a
  // colon reports the rest of that sentence; such a report has no frame.
  void add_speaker_lines(std::vector<ReportedQuote>& out) const {
    const std::vector<int>& starts = in_.layout.paragraph_first_token;
    for (std::size_t p = 0; p + 1 < starts.size(); ++p) {
      const int first = starts[p];
      if (first >= starts[p + 1] || in_.layout.paragraphs[p].boilerplate)
        continue;
      const int m = mention_start_[first];
      if (m < 0) continue;
      const MentionKind kind = in_.mentions[m].mention.kind;
      if (kind == MentionKind::pronoun || kind == MentionKind::place) continue;
      const int colon = in_.mentions[m].last + 1;
      if (!punct(colon, ":") || tok(colon).sentence != tok(first).sentence)
        continue;
      const int end = sentence_end(colon);
      if (end - colon <= 3) continue;
      // "Agence France-Presse: Russia on Thursday slammed as ...": a line
      // whose clause opens with the source of a cue of its own is a credit,
      // and that cue reports it.
      if (framed_source_start_[colon + 1]) continue;
      ReportedQuote rq;
      if (!build({colon + 1, end, "reported_colon", 0.7, m}, rq)) continue;
      rq.sieve = "reported_colon";
      rq.confidence = 0.7;
      rq.source = m;
      out.push_back(std::move(rq));
    }
  }

  // "Trump's attacks on A", "his support for A", "X has raised questions
  // about A": a reporting noun with its preposition (reported_topic_nouns)
  // reports A for the noun's holder; such a report has no frame.
  void add_topic_nouns(std::vector<ReportedQuote>& out) const {
    for (int t = 0; t + 2 < n_; ++t) {
      if (!is_word(t) || in_.quote_of_token[t] >= 0 ||
          in_.layout.paragraphs[tok(t).paragraph].boilerplate)
        continue;
      auto it = tables_.topic_nouns.find(word(t));
      if (it == tables_.topic_nouns.end() || !is_word(t + 1) ||
          !it->second.count(word(t + 1)))
        continue;
      const int m = noun_holder(t);
      if (m < 0) continue;
      Clause c = topic(t + 2, subject_phrase_end(t + 2, m), m);
      ReportedQuote rq;
      if (c.first < 0 || !build(c, rq)) continue;
      rq.sieve = "reported_topic";
      rq.confidence = 0.5;
      rq.source = m;
      out.push_back(std::move(rq));
    }
  }
  // The end of the topic opening at `first` whose noun's holder is mention
  // m: when a possessive holder opens the sentence ("Roe's critique of his
  // rivals was sharp"), the noun phrase is the subject and the topic ends
  // before the first auxiliary or speech verb; else the sentence's end.
  int subject_phrase_end(int first, int m) const {
    const int end = std::min(sentence_end(first), first + kMaxClauseTokens);
    const SpeakerMention& holder = in_.mentions[m];
    if (!holder.possessive ||
        (!holder.subject && holder.first != sentence_begin(first)))
      return end;
    for (int k = first + 1; k < end; ++k)
      if (verb_opener(k) || (is_word(k) && cue_start_[k] >= 0)) return k;
    return end;
  }
  // The holder of the reporting noun at t: a possessive at most two words
  // before it ("Mr. Trump's continual attacks"), or the subject of a light
  // verb there ("Trump has raised new questions"); -1 when there is none.
  int noun_holder(int t) const {
    const int begin = sentence_begin(t);
    for (int k = t - 1; k >= begin && k >= t - 3; --k) {
      if (!is_word(k) || in_.quote_of_token[k] >= 0) return -1;
      const int m = mention_end_[k];
      if (m >= 0) return in_.mentions[m].possessive ? m : -1;
      // "X has raised questions", "X is critical of": the verb's subject.
      if (!tables_.topic_light_verbs.count(word(k)) &&
          !tables_.passive_auxiliaries.count(word(k)))
        continue;
      int s = k - 1;  // over "has", "also"
      while (s > begin && s >= k - 3 && is_word(s) && mention_end_[s] < 0 &&
             in_.cue_tables.adverbials.count(word(s)))
        --s;
      const int subject = s >= begin ? mention_end_[s] : -1;
      return subject >= 0 && !in_.mentions[subject].possessive ? subject : -1;
    }
    return -1;
  }

  // Keeps clauses that nest or are disjoint: a clause that starts inside a
  // kept one and ends after it ("He said it ... According to X, ...", where
  // a fronted clause reaches back over another cue's clause) is dropped, the
  // earlier clause standing, and so is one inside kMaxNestedReports kept
  // ones. `reports` is sorted by start, longer first.
  static void drop_crossing(std::vector<ReportedQuote>& reports) {
    std::vector<ReportedQuote> kept;
    std::vector<std::size_t> open;  // indices into kept, enclosing ones
    kept.reserve(reports.size());
    for (ReportedQuote& r : reports) {
      const Span& span = r.quote.span;
      while (!open.empty() && kept[open.back()].quote.span.end <= span.begin)
        open.pop_back();
      if (!open.empty() && kept[open.back()].quote.span.end < span.end)
        continue;  // crosses the clause it starts in
      if (open.size() >= kMaxNestedReports) continue;
      open.push_back(kept.size());
      kept.push_back(std::move(r));
    }
    reports = std::move(kept);
  }

  bool in_range(int t) const { return t >= 0 && t < n_; }
  const Token& tok(int t) const { return in_.layout.tokens[t]; }
  bool punct(int t, std::string_view p) const {
    return in_range(t) && tok(t).kind == TokenKind::punctuation &&
           in_.text.substr(tok(t).span.begin, tok(t).span.size()) == p;
  }
  bool is_word(int t) const {
    return in_range(t) && tok(t).kind == TokenKind::word;
  }
  std::string word(int t) const { return token_lower(in_.text, in_.layout, t); }
  // True when token t opens a web address ("http://...", "www.x.com").
  bool link(int t) const {
    const std::string w = word(t);
    return w.rfind("http", 0) == 0 || w.rfind("www.", 0) == 0;
  }
  bool possessive(int t) const {
    std::string w = word(t);
    return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0;
  }
  bool capitalised(int t) const {
    char c = in_.text[tok(t).span.begin];
    return c >= 'A' && c <= 'Z';
  }
  int sentence_begin(int t) const {
    return in_.layout.sentence_first_token[tok(t).sentence];
  }
  // True for a dash token: "-", "--", en or em dash.
  bool dash(int t) const {
    return punct(t, "-") || punct(t, "--") || punct(t, "\u2013") ||
           punct(t, "\u2014");
  }
  // A dash that may close a dateline: a dash or a horizontal bar.
  bool dateline_dash(int t) const { return dash(t) || punct(t, "\u2015"); }
  // The first token after a dateline that opens t's paragraph ("SEOUL, Nov.
  // 21 (Yonhap) -- ", "WASHINGTON (AP) — "), else `begin`: capitalised words,
  // numbers, commas, periods and a parenthesis or an all-capital word, then
  // a dash, within the first twelve tokens of the paragraph.
  int after_dateline(int begin) const {
    if (!in_range(begin) ||
        in_.layout.paragraph_first_token[tok(begin).paragraph] != begin)
      return begin;
    bool marked = false;  // a "(Agency)" or an all-capital place name
    for (int t = begin; in_range(t) && t < begin + 12 &&
                        tok(t).sentence == tok(begin).sentence;
         ++t) {
      const std::string_view s =
          in_.text.substr(tok(t).span.begin, tok(t).span.size());
      if (tok(t).kind == TokenKind::number) continue;
      if (tok(t).kind == TokenKind::punctuation) {
        if (dateline_dash(t)) {
          int after = t + 1;  // "--" may be two tokens
          while (in_range(after) && dateline_dash(after)) ++after;
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
      const char c = s.empty() ? ' ' : s[0];
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return begin;
      bool caps = s.size() >= 3;
      for (char ch : s) caps = caps && !(ch >= 'a' && ch <= 'z');
      marked = marked || caps;
    }
    return begin;
  }
  // The end (exclusive) of t's sentence without its closing punctuation
  // (at most kMaxClauseTokens of it, so that every cue's call stays short).
  int sentence_end(int t) const {
    int end = in_.layout.sentence_first_token[tok(t).sentence + 1];
    const int floor = std::max(t + 1, end - kMaxClauseTokens);
    while (end > floor && tok(end - 1).kind == TokenKind::punctuation) --end;
    return end;
  }
  // True when the token before t closes a direct quotation with a comma
  // ("\"A,\" X said") in t's sentence.
  bool closes_direct_quote(int t) const {
    if (!in_range(t - 1) || tok(t - 1).kind != TokenKind::quote_mark ||
        tok(t - 1).sentence != tok(t).sentence || !punct(t - 2, ","))
      return false;
    int q = in_.quote_of_token[t - 1];
    return q >= 0 && in_.quotes[q].kind == QuoteKind::direct;
  }
  // "Asked whether A, X said", "When asked about A, ...", "X was asked to
  // name A": a passive question names no asker, so the question is reported
  // without a speaker (to the first comma when it opens the sentence); the
  // clause is empty when the cue is no passive question.
  Clause passive_question(const Cue& cue, int begin, int end) const {
    const bool opening =
        cue.first == begin ||
        (cue.first == begin + 1 && tables_.complementisers.count(word(begin)));
    const bool passive = is_word(cue.first - 1) &&
                         tables_.passive_auxiliaries.count(word(cue.first - 1));
    if (!opening && !passive) return {};
    int t = cue.last + 1;
    if (is_word(t) && word(t) != "to" && tables_.prepositions.count(word(t)))
      ++t;  // "asked about A": the question is A
    if (t >= end || !is_word(t)) return {};
    int stop = subordinate_end(cue.first, t, trim_end(t, clause_end(t, end)));
    if (opening) {
      int comma = t + 1;
      while (comma < stop && !punct(comma, ",")) ++comma;
      if (comma >= stop) return {};
      stop = comma;
    }
    if (stop - t < 2) return {};
    Clause c{t, stop, "reported_asked", 0.6};
    c.sourceless = true;
    return c;
  }

  // True when token t is a preposition whose object a cue of `lemma`
  // reports as its topic ("talked about", "called for").
  bool topic_preposition(const std::string& lemma, int t) const {
    if (!is_word(t)) return false;
    auto it = tables_.topic_prepositions.find(lemma);
    return it != tables_.topic_prepositions.end() && it->second.count(word(t));
  }

  // The topic a cue reports after its preposition, opening at `first`: a
  // noun phrase or clause up to the first comma, dash, colon or clause end
  // ("talked about the drug crisis, saying ..."). Empty when no phrase
  // follows ("rails against.", "talked about today", "referred to as").
  Clause topic(int first, int end, int subject) const {
    end = std::min(end, first + kMaxClauseTokens);
    if (first >= end || !is_word(first) ||
        tables_.blockers.count(word(first)) ||
        tables_.skip_words.count(word(first)) ||
        tables_.prepositions.count(word(first)))
      return {};
    int stop = trim_adjunct(first, trim_end(first, clause_end(first, end)));
    for (int k = first + 1; k < stop; ++k)
      if (apposition_end(k) || punct(k, ":") || punct(k, ";")) {
        stop = k;
        break;
      }
    return {first, stop, "reported_topic", 0.6, subject};
  }

  // True when a comma comes right before token t, or a comma and the mark
  // closing a quotation t is not part of ("... a \"distortion,\" describing").
  bool after_comma(int t) const {
    if (punct(t - 1, ",")) return true;
    return in_range(t - 2) && tok(t - 1).kind == TokenKind::quote_mark &&
           punct(t - 2, ",") && in_.quote_of_token[t - 1] >= 0 &&
           in_.quote_of_token[t] < 0;
  }
  // A comma or a dash, which can close an apposition.
  bool apposition_end(int t) const { return punct(t, ",") || dash(t); }
  // The first mention of the sentence opening at `begin` that starts it or
  // follows a comma and is closed by a comma before `cue_first` ("Jane
  // Roe, 27, a lawyer, said", "On Friday, Jane Roe, who ..., said"), or -1.
  int appositive_subject(int begin, int cue_first) const {
    for (int t = std::max(begin, cue_first - kMaxClauseTokens);
         t < cue_first - 2; ++t) {
      int m = mention_start_[t];
      if (m < 0 || (t > begin && !punct(t - 1, ","))) continue;
      // "The employee of nearly four years, ...": a short complement.
      int after = in_.mentions[m].last + 1;
      while (after < cue_first - 1 && after <= in_.mentions[m].last + 5 &&
             is_word(after) && cue_start_[after] < 0)
        ++after;
      return after < cue_first - 1 && punct(after, ",") ? m : -1;
    }
    return -1;
  }
  bool question(int t) const {
    int end = in_.layout.sentence_first_token[tok(t).sentence + 1];
    for (int k = end - 1; k > t && k >= end - 3; --k)
      if (punct(k, "?")) return true;
    return false;
  }

  // Moves t over words that sit between a cue and its clause: time words,
  // channel phrases ("in a statement") and, for addressee verbs, the
  // addressee; stops at a complementiser, which belongs to the content.
  int skip_to_clause(int t, int end, bool addressee) const {
    const bool addressee_verb = addressee;
    for (int guard = 0; t < end && guard < 12; ++guard) {
      int c = cue_start_[t];
      if (c >= 0 && in_.cues[c].kind == CueKind::adjunct) {
        t = in_.cues[c].last + 1;
        continue;
      }
      if (is_word(t) && tables_.complementisers.count(word(t))) return t;
      if (is_word(t) && tables_.skip_words.count(word(t))) {
        ++t;
        continue;
      }
      if (addressee && mention_start_[t] >= 0) {
        t = in_.mentions[mention_start_[t]].last + 1;
        addressee = false;
        continue;
      }
      break;
    }
    // "told the crowd in Ohio that", "said of the plan that": a nearby
    // complementiser opens the clause after an addressee or an adjunct.
    if (t < end && is_word(t) && !tables_.complementisers.count(word(t)) &&
        (addressee_verb || tables_.prepositions.count(word(t)))) {
      for (int k = t + 1; k < end && k <= t + 10 && is_word(k); ++k)
        if (word(k) == "that") return k;
    }
    return t;
  }

  // The end of a clause opening at `first`: the sentence end, or where
  // another speaker's report starts ("X said A, and Y said B").
  int clause_end(int first, int end) const {
    for (std::size_t f = next_frame(first); f < frames_.size(); ++f) {
      const Cue& c = in_.cues[frames_[f].cue];
      if (c.first >= end) break;
      // "X said A and called for B": the same speaker's next report.
      if (c.first > first + 2 && is_word(c.first - 1) &&
          tables_.conjunctions.count(word(c.first - 1)))
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
          tables_.prepositions.count(word(c.first - 1))) {
        if (c.first - 2 > first + 2 && punct(c.first - 2, ","))
          return c.first - 2;
        continue;
      }
      if ((is_word(c.last + 1) && tables_.blockers.count(word(c.last + 1))) ||
          (is_word(c.first - 1) && tables_.determiners.count(word(c.first - 1))))
        continue;
      int cut = in_.mentions[s].first;
      if (cut <= first + 1) continue;  // "X said officials believe ..."
      int k = cut;
      while (k > first + 1 &&
             (punct(k - 1, ",") || punct(k - 1, ";") ||
              (is_word(k - 1) && tables_.conjunctions.count(word(k - 1)))))
        --k;
      // "that if Iran were a stock, he would advise": the comma closes a
      // subordinate clause opening the report, whose main clause follows.
      if (k < cut && !closes_opening_subordinate(first, k)) return k;
    }
    return end;
  }
  // True when the clause opening at `first` starts (after a complementiser)
  // with a subordinator and `k` is its first comma ("that if A, B").
  bool closes_opening_subordinate(int first, int k) const {
    int t = first;
    if (is_word(t) && !tables_.subordinators.count(word(t)) &&
        tables_.complementisers.count(word(t)))
      ++t;  // "that if"
    if (!is_word(t) || !tables_.subordinators.count(word(t))) return false;
    for (int j = t + 1; j < k; ++j)
      if (punct(j, ",") || punct(j, ";")) return false;
    return punct(k, ",");
  }
  std::size_t next_frame(int t) const {
    return static_cast<std::size_t>(
        std::partition_point(
            frames_.begin(), frames_.end(),
            [&](const CueFrame& f) { return in_.cues[f.cue].first <= t; }) -
        frames_.begin());
  }

  Clause fronted(int source_first, int cue_first, const char* sieve,
                 double confidence) const {
    // "CLAUSE, X said": the clause runs from the sentence start (after a
    // dateline) to the comma.
    int begin = after_dateline(sentence_begin(cue_first));
    int comma = std::min(source_first, cue_first) - 1;
    if (source_first < 0) {
      // No source mention ("CLAUSE, sources said"): the nearest comma.
      comma = cue_first - 1;
      while (comma > begin && comma >= cue_first - 6 && !punct(comma, ","))
        --comma;
    }
    if (!punct(comma, ",") || comma <= begin) return {};
    // (A split clause runs on past the cue: its opening phrase stays.)
    if (std::string_view(sieve) != "reported_split" &&
        introductory(begin, comma))
      return {};
    return {begin, comma, sieve, confidence};
  }
  // True when [first, end) is a short phrase that introduces a sentence
  // rather than a clause: a preposition (after a conjunction) and at most
  // kIntroWords words, without a comma ("On Monday", "And in a 1963
  // speech", "As for Trump").
  bool introductory(int first, int end) const {
    int t = first;
    if (is_word(t) && tables_.conjunctions.count(word(t))) ++t;
    if (t >= end || !is_word(t) || !tables_.prepositions.count(word(t)) ||
        tables_.conjunctions.count(word(t)))
      return false;
    int words = 0;
    for (int k = t; k < end && words <= kIntroWords; ++k) {
      if (punct(k, ",")) return false;
      words += tok(k).kind != TokenKind::punctuation;
    }
    return words <= kIntroWords;
  }

  Clause clause_of(const CueFrame& f) const {
    const Cue& cue = in_.cues[f.cue];
    // Without a source mention the clause is still reported, unattributed.
    int src_first = f.source >= 0 ? in_.mentions[f.source].first : -1;
    const int src_last = f.source >= 0 ? in_.mentions[f.source].last : cue.last;
    const Paragraph& paragraph =
        in_.layout.paragraphs[tok(cue.first).paragraph];
    if (paragraph.boilerplate) return {};
    const int begin = sentence_begin(cue.first);
    const int end =
        std::min(sentence_end(cue.first), cue.last + 1 + kMaxClauseTokens);
    if (cue.kind == CueKind::source) {
      // "According to X, CLAUSE" or "CLAUSE, according to X".
      if (cue.first - begin <= 2) {
        // A source the mention stage did not find may be a long phrase
        // ("early results of exit polls conducted for ... by ...").
        const int reach = f.source >= 0 ? 12 : 24;
        for (int t = src_last + 1; t < end && t <= src_last + reach; ++t)
          if (punct(t, ",")) return {t + 1, end, "reported_according", 0.85};
        return {};
      }
      if (punct(cue.first - 1, ",")) {
        // "A, according to X, B": B is the report when A is a subordinate
        // opening ("because, according to X, B"; "While A, according to
        // X, B"), the whole sentence when A is a bare subject and verb.
        int close = src_last + 1;
        while (close < end && close <= src_last + 12 && !punct(close, ","))
          ++close;
        // (but ", according to Jane Roe, a lawyer" ends in an apposition).
        if (close + 3 < end && punct(close, ",") && f.source >= 0) {
          const bool apposition = tables_.determiners.count(word(close + 1));
          if (tables_.clause_openers.count(word(cue.first - 2)) ||
              (!apposition && tables_.clause_breaks.count(word(begin))))
            return {close + 1, end, "reported_according", 0.8};
          if (!apposition && cue.first - 1 - begin <= 3)
            return {begin, end, "reported_according", 0.8};
        }
        return {begin, cue.first - 1, "reported_according", 0.85};
      }
      return {begin, cue.first, "reported_according", 0.7};
    }
    if (cue.kind != CueKind::verb) return {};
    // "referred to", "focused on": a verb that reports only its topic.
    if (tables_.topic_only_verbs.count(cue.lemma) &&
        !topic_preposition(cue.lemma, cue.last + 1))
      return {};
    // "the state", "his remarks", "Trump's comments", "United States": a
    // noun that looks like a cue; "for repeated nuclear tests", "for alleged
    // crimes": a participle after a preposition is an adjective.
    if (is_word(cue.first - 1) &&
        (tables_.determiners.count(word(cue.first - 1)) ||
         possessive(cue.first - 1) ||
         (capitalised(cue.first) && !paragraph.heading) ||
         (cue.form == VerbForm::past &&
          in_.cue_tables.prepositions.count(word(cue.first - 1)))))
      return {};
    if (tables_.question_verbs.count(cue.lemma) &&
        cue.form == VerbForm::past) {
      Clause q = passive_question(cue, begin, end);
      if (q.first >= 0) return q;
    }
    // "Jane Roe, a lawyer from Ohio, said the plan ...": a mention after
    // the cue that more than an apposition follows opens the clause; it is
    // no inverted source.
    bool inverted = f.inverted;
    if (inverted && src_first > cue.last && src_last + 1 < end &&
        !punct(src_last + 1, ",")) {
      inverted = false;
      src_first = -1;
    }
    if (inverted)
      return fronted(src_first, cue.first, "reported_inverted", 0.75);
    if (src_first > cue.first) return {};
    // "began by talking about A": a gerund after a preposition reports its
    // topic (for the main clause's subject, which the frame may lack).
    const bool adjunct_topic = cue.form == VerbForm::gerund &&
                               is_word(cue.first - 1) &&
                               tables_.prepositions.count(word(cue.first - 1)) &&
                               topic_preposition(cue.lemma, cue.last + 1);
    if (src_first < 0 && !adjunct_topic &&
        (cue.form == VerbForm::base || tables_.verb_lemmas.count(cue.lemma) ||
         (!is_word(cue.first - 1) && !apposition_end(cue.first - 1)) ||
         tables_.prepositions.count(word(cue.first - 1))))
      return {};
    // A gerund reports only as a clause of its own (", adding that") or
    // after a reporting noun ("a statement saying").
    // So does a progressive one before its topic ("X is calling for A").
    if (cue.form == VerbForm::gerund && !after_comma(cue.first) &&
        !adjunct_topic &&
        !(is_word(cue.first - 1) &&
          (tables_.reporting_nouns.count(word(cue.first - 1)) ||
           ((tables_.passive_auxiliaries.count(word(cue.first - 1)) ||
             (src_first >= 0 && !tables_.prepositions.count(
                                    word(cue.first - 1)))) &&
            topic_preposition(cue.lemma, cue.last + 1)))))
      return {};
    if (cue.form == VerbForm::gerund && src_first < 0 &&
        !after_comma(cue.first) &&
        tables_.passive_auxiliaries.count(word(cue.first - 1)))
      return {};  // "many of them are calling for": no subject found
    if (src_first >= 0 && is_word(src_first - 1) &&
        tables_.source_blockers.count(word(src_first - 1)))
      return {};
    if (question(cue.last)) return {};
    // "Jane Roe, a lawyer from Ohio, said ...": the subject opens the
    // sentence and an apposition separates it from the cue.
    int subject = -1;
    if (src_first < 0 && apposition_end(cue.first - 1)) {
      subject = appositive_subject(begin, cue.first);
      if (subject < 0) return {};
    }
    // "\"QUOTE,\" X told a crowd at Y": the cue already reports the marked
    // quotation before its source; the words after it are no clause.
    if (cue.form != VerbForm::gerund &&
        closes_direct_quote(src_first >= 0 ? src_first : cue.first))
      return {};
    int t = cue.last + 1;
    // "X talked about A", "X called for A": the object of the preposition
    // is what the cue reports, up to the clause end.
    if (topic_preposition(cue.lemma, t)) return topic(t + 1, end, subject);
    // "... up for grabs in five states.": a form mostly a noun, with no
    // subject before it, closes no report.
    const bool noun_form = cue.first == cue.last &&
                           tables_.no_clause_forms.count(word(cue.first));
    if (t >= end && noun_form && src_first < 0) return {};
    if (t >= end)
      return fronted(src_first, cue.first, "reported_fronted", 0.75);
    // "A, state media said Friday, B": time words before the comma.
    const int after_time = skip_to_clause(t, end, false);
    if (after_time > t && punct(after_time, ",")) t = after_time;
    if (punct(t, ",")) {
      // "A, X said, B": one clause around the cue, unless B is quoted.
      Clause c = fronted(src_first, cue.first, "reported_split", 0.75);
      if (c.first < 0) return c;
      if (t + 1 < end) {
        if (tok(t + 1).kind == TokenKind::quote_mark) return {};
        // "A, X said, adding that B": the gerund reports B itself.
        const int next = cue_start_[t + 1];
        if (next >= 0 && in_.cues[next].form == VerbForm::gerund) {
          c.sieve = "reported_fronted";
          return c;
        }
        c.end = trim_end(t + 1, clause_end(t + 1, end));
      }
      return c;
    }
    // "CLAUSE, a South Korean official said Friday.", "CLAUSE, officials
    // told POLITICO."
    const bool addressee = tables_.addressee_verbs.count(cue.lemma) > 0;
    int u = skip_to_clause(t, end, addressee);
    if (u >= end)
      return fronted(src_first, cue.first, "reported_fronted", 0.75);
    if (tables_.no_clause_verbs.count(cue.lemma) ||
        (cue.first == cue.last &&
         tables_.no_clause_forms.count(word(cue.first))))
      return {};
    t = u;
    // "X said: CLAUSE" without marks (a marked one is the colon sieve's).
    if (punct(t, ":") && t + 1 < end && is_word(t + 1)) ++t;
    // "Officials said 2016 has been ...": a clause may open with a number
    // right after its cue when a verb follows ("confirmed 92 to 0" is no
    // clause).
    const bool number_opens = t == cue.last + 1 && t < end &&
                              tok(t).kind == TokenKind::number &&
                              predicate_follows(t + 1, end);
    if (t >= end || (!is_word(t) && !number_opens) ||
        tables_.blockers.count(word(t)))
      return {};
    if (tables_.prepositions.count(word(t)) &&
        !(word(t) == "to" && tables_.infinitive_verbs.count(cue.lemma)))
      return {};
    // "reports: http://...": a link is no clause.
    if (link(t)) return {};
    int stop = clause_end(t, end);
    // "X, who said A, said B": a report inside a non-restrictive relative
    // ends at the relative's closing comma.
    int rel = cue.first - 1;
    while (rel > begin && rel >= cue.first - 3 && is_word(rel) &&
           !in_.cue_tables.relatives.count(word(rel)))
      --rel;  // "who also said", "who has long said"
    // So does one inside a relative on the sentence's subject ("A voter who
    // supports A, Roe lost ...").
    if (is_word(rel) && in_.cue_tables.relatives.count(word(rel)) &&
        (punct(rel - 1, ",") || rel - begin <= kSubjectRelativeReach))
      for (int k = t + 1; k < stop; ++k)
        if (punct(k, ",")) {
          stop = k;
          break;
        }
    stop = subordinate_end(cue.first, t, trim_adjunct(t, trim_end(t, stop)));
    return {t, stop, "reported_after", 0.8, subject};
  }

  // The end of a clause from `first` to `stop`: a short clause without a
  // verb of its own ends where its speaker's next predicate starts
  // ("endorsed Trump last week and has appeared at", "blasted Rubio and
  // defended Cruz"): at a conjunction followed by an auxiliary or a speech
  // verb, within the first few words; trailing time words ("last week") are
  // left out.
  int trim_predicate(int first, int stop) const {
    for (int k = first + 1; k + 1 < stop && k <= first + kObjectReach; ++k) {
      if (!(is_word(k) && tables_.conjunctions.count(word(k)))) continue;
      if (!(is_word(k + 1) && (tables_.predicate_openers.count(word(k + 1)) ||
                               finite_cue(k + 1))))
        continue;
      int end = punct(k - 1, ",") ? k - 1 : k;
      while (end > first + 1 && is_word(end - 1) &&
             tables_.time_words.count(word(end - 1)))
        --end;
      return end;
    }
    return stop;
  }
  static constexpr int kObjectReach = 6;
  static constexpr int kIntroWords = 6;
  // True when an auxiliary or a form of "be" comes within kObjectReach
  // words from `first`, before a comma and `end` ("2016 has been").
  bool predicate_follows(int first, int end) const {
    for (int k = first; k < end && k < first + kObjectReach && !punct(k, ",");
         ++k)
      if (verb_opener(k)) return true;
    return false;
  }
  // True when token t is an auxiliary, a predicate opener or a form of "be"
  // ("has", "would", "was").
  bool verb_opener(int t) const {
    return is_word(t) && (tables_.predicate_openers.count(word(t)) ||
                          tables_.passive_auxiliaries.count(word(t)));
  }
  // How far into its sentence a relative may open and still be on the
  // subject ("A Texas voter who supports ...").
  static constexpr int kSubjectRelativeReach = 6;
  // True when a speech verb in the past or third person opens at t
  // ("blasted Rubio and defended Cruz").
  bool finite_cue(int t) const {
    const int c = cue_start_[t];
    return c >= 0 && in_.cues[c].kind == CueKind::verb &&
           (in_.cues[c].form == VerbForm::past ||
            in_.cues[c].form == VerbForm::third);
  }

  // The end of a clause from `first` to `stop`, cut where the report gives
  // way to the writer: before a non-restrictive relative (", which raised
  // concerns"), a clause break (", but"), a summing-up phrase (", a claim
  // ...") or at a semicolon; trim_predicate applies first.
  int trim_end(int first, int stop) const {
    stop = trim_predicate(first, stop);
    // "defended his vote, but ...", "endorsed her; last month ...": a short
    // object ends at a clause break too (not "that, while A, B").
    if (!(is_word(first) && tables_.complementisers.count(word(first))))
      for (int k = first + 1; k + 1 < stop && k < first + 3; ++k)
        if ((punct(k, ",") && is_word(k + 1) &&
             tables_.clause_breaks.count(word(k + 1))) ||
            punct(k, ";"))
          return k;
    for (int k = first + 3; k + 1 < stop; ++k)
      if ((punct(k, ",") && is_word(k + 1) &&
           (in_.cue_tables.relatives.count(word(k + 1)) ||
            tables_.clause_breaks.count(word(k + 1)))) ||
          punct(k, ";") || break_pair(k) ||
          (apposition_end(k) && is_word(k + 1) &&
           tables_.summary_openers.count(word(k + 1)) &&
           !name_end_[k - 1]))  // "Choe Ryong Hae, a member of": apposition
        return k;
    return stop;
  }

  // The end of a report from `first` to `stop` whose object is a name or an
  // object pronoun followed by an adjunct ("praised Trump at a news
  // conference", "opposed it as he ..."): the object's end; else `stop`.
  int trim_adjunct(int first, int stop) const {
    int last = -1;
    const int m = mention_start_[first];
    if (m >= 0 && in_.mentions[m].mention.kind != MentionKind::pronoun)
      last = in_.mentions[m].last;
    else if (is_word(first) && tables_.object_pronouns.count(word(first)))
      last = first;
    if (last < first || last + 1 >= stop) return stop;
    int k = punct(last + 1, ",") ? last + 2 : last + 1;
    if (k >= stop || !is_word(k)) return stop;
    if (tables_.adjuncts.count(word(k)) ||
        (k + 1 < stop && is_word(k + 1) &&
         tables_.adjuncts.count(word(k) + " " + word(k + 1))))
      return last + 1;
    return stop;
  }

  // The end of a clause from `first` to `stop` reported by a cue at
  // `cue_first` inside a subordinate clause that opens its sentence ("Though
  // he did not mention A, he ..."; "But when voters were asked A, X ..."):
  // the first comma after `first`; `stop` when the cue is in no such clause.
  int subordinate_end(int cue_first, int first, int stop) const {
    int t = after_dateline(sentence_begin(cue_first));
    if (is_word(t) && tables_.conjunctions.count(word(t)) &&
        is_word(t + 1) && tables_.subordinators.count(word(t + 1)))
      ++t;  // "But when ..."
    if (!is_word(t) || !tables_.subordinators.count(word(t)) ||
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
  bool break_pair(int k) const {
    if (!punct(k, ",")) return false;
    int j = k + 1;
    if (in_range(j) && tok(j).kind == TokenKind::quote_mark) ++j;
    return is_word(j) && is_word(j + 1) &&
           tables_.clause_break_pairs.count(word(j) + " " + word(j + 1));
  }

  // Fills rq from the clause, cut to kMaxClauseTokens from its start (a
  // partial quotation it absorbs may carry it on to the closing mark); false
  // when the clause is (or holds) a direct quotation, which the quotes stage
  // already reports.
  bool build(const Clause& c, ReportedQuote& rq) const {
    int end = std::min(c.end, c.first + kMaxClauseTokens);
    int words = 0;
    for (int t = c.first; t < end; ++t) {
      int q = in_.quote_of_token[t];
      if (q < 0) {
        words += tok(t).kind == TokenKind::word;
        continue;
      }
      const Quote& quote = in_.quotes[q];
      if (quote.kind == QuoteKind::direct) return false;
      // A clause opening inside a marked quotation would cross it (and the
      // quotations nested in it): no report.
      if (quote.outer.begin < tok(c.first).span.begin) return false;
      if (rq.absorbed.empty() || rq.absorbed.back() != q) {
        rq.absorbed.push_back(q);
        rq.quote.quoted_parts.push_back(quote.span);
      }
      ++words;
      // A partial quotation that runs past the clause end ends it.
      while (end < n_ && in_.quote_of_token[end] == q) ++end;
    }
    if (words == 0) return false;
    Quote& q = rq.quote;
    q.kind = QuoteKind::indirect;
    q.span = {tok(c.first).span.begin, tok(end - 1).span.end};
    q.outer = q.span;
    q.text = std::string(in_.text.substr(q.span.begin, q.span.size()));
    q.paragraph = tok(c.first).paragraph;
    q.sentence = tok(c.first).sentence;
    q.multi_paragraph = tok(end - 1).paragraph != q.paragraph;
    return true;
  }

  const SieveInput& in_;
  const std::vector<CueFrame>& frames_;
  const ReportedTables& tables_;
  int n_;
  std::vector<int> mention_start_, mention_end_, cue_start_;
  // 1 where a name mention ends.
  std::vector<char> name_end_;
  // 1 where the source mention of a cue frame (not inverted) starts.
  std::vector<char> framed_source_start_;
};

}  // namespace

ReportedTables ReportedTables::load() {
  ReportedTables t;
  for (const std::string& line : embedded_lines("en/reported_verbs.txt")) {
    std::vector<std::string> forms = split_fields(line, ' ');
    if (forms.empty()) continue;
    t.verb_lemmas.insert(forms[0]);
    add_cue_verb(t.verbs, forms);
  }
  for (const auto& [forms, prepositions] :
       forms_and_prepositions("en/reported_topic_prepositions.txt")) {
    for (const std::string& p : prepositions)
      t.topic_prepositions[forms[0]].insert(p);
    if (forms.size() > 1) {  // a verb of its own, reporting only its topic
      t.topic_only_verbs.insert(forms[0]);
      add_cue_verb(t.verbs, forms);
    }
  }
  for (const char* file :
       {"en/reported_topic_nouns.txt", "en/reported_topic_adjectives.txt"})
    for (const auto& [forms, prepositions] : forms_and_prepositions(file))
      for (const std::string& form : forms)
        for (const std::string& p : prepositions) t.topic_nouns[form].insert(p);
  t.topic_light_verbs = lower_lines("en/reported_topic_light_verbs.txt");
  t.addressee_verbs = lower_lines("en/reported_addressee_verbs.txt");
  t.no_clause_verbs = lower_lines("en/reported_no_clause_verbs.txt");
  t.no_clause_forms = lower_lines("en/reported_no_clause_forms.txt");
  t.complementisers = lower_lines("en/reported_complementisers.txt");
  t.skip_words = lower_lines("en/reported_skip_words.txt");
  t.blockers = lower_lines("en/reported_blockers.txt");
  t.source_blockers = lower_lines("en/reported_source_blockers.txt");
  t.determiners = lower_lines("en/reported_determiners.txt");
  t.reporting_nouns = lower_lines("en/reported_nouns.txt");
  t.prepositions = lower_lines("en/reported_prepositions.txt");
  t.infinitive_verbs = lower_lines("en/reported_infinitive_verbs.txt");
  t.conjunctions = lower_lines("en/reported_conjunctions.txt");
  t.clause_breaks = lower_lines("en/reported_clause_breaks.txt");
  t.clause_break_pairs = lower_lines("en/reported_clause_break_pairs.txt");
  t.clause_openers = lower_lines("en/reported_clause_openers.txt");
  t.summary_openers = lower_lines("en/reported_summary_openers.txt");
  t.predicate_openers = lower_lines("en/reported_predicate_openers.txt");
  t.time_words = lower_lines("en/reported_time_words.txt");
  t.subordinators = lower_lines("en/reported_subordinators.txt");
  t.adjuncts = lower_lines("en/reported_adjuncts.txt");
  t.object_pronouns = lower_lines("en/reported_object_pronouns.txt");
  t.sourceless_verbs = lower_lines("en/reported_sourceless_verbs.txt");
  t.question_verbs = lower_lines("en/reported_question_verbs.txt");
  t.passive_auxiliaries = lower_lines("en/reported_passive_auxiliaries.txt");
  t.nested_verbs = lower_lines("en/reported_nested_verbs.txt");
  return t;
}

std::vector<Cue> merge_cues(const std::vector<Cue>& a,
                            const std::vector<Cue>& b) {
  std::vector<Cue> out;
  out.reserve(a.size() + b.size());
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first <= b[j].first)) {
      out.push_back(a[i++]);
      continue;
    }
    const Cue& c = b[j++];
    bool overlaps = (i < a.size() && a[i].first <= c.last) ||
                    (i > 0 && a[i - 1].last >= c.first);
    if (!overlaps) out.push_back(c);
  }
  return out;
}

namespace {

// For each sentence, true when its words outside quotations are all in
// scripts other than Latin ("\u4ed6\u8bf4\u300c...\u300d"): the lexicons
// (English) cannot tell a term in marks from reported words there.
std::vector<bool> unjudged_sentences(const SieveInput& in) {
  const TextLayout& layout = in.layout;
  const std::size_t sentences = layout.sentence_first_token.size();
  std::vector<char> latin(sentences, 0), other(sentences, 0);
  for (std::size_t t = 0; t < layout.tokens.size(); ++t) {
    const Token& token = layout.tokens[t];
    if (token.kind != TokenKind::word || in.quote_of_token[t] >= 0) continue;
    std::size_t length = 0;
    const char32_t cp = decode_at(in.text, token.span.begin, &length);
    (is_latin_letter(cp) ? latin : other)[token.sentence] = 1;
  }
  std::vector<bool> out(sentences, false);
  for (std::size_t s = 0; s < sentences; ++s) out[s] = other[s] && !latin[s];
  return out;
}

}  // namespace

std::vector<bool> scare_quotes(const SieveInput& in,
                               const std::vector<Attribution>& attributions) {
  const TextLayout& layout = in.layout;
  const std::vector<bool> unjudged = unjudged_sentences(in);
  std::vector<bool> cued(layout.sentence_first_token.size(), false);
  for (const Cue& cue : in.cues)
    if (cue.kind != CueKind::adjunct)
      cued[layout.tokens[cue.first].sentence] = true;
  // A phrase this short is a term, not a statement, even next to a cue.
  constexpr int kPhraseWords = 5;
  const int n = static_cast<int>(layout.tokens.size());
  std::vector<bool> out(in.quotes.size(), false);
  for (std::size_t q = 0; q < in.quotes.size(); ++q) {
    const Quote& quote = in.quotes[q];
    // A speaker lent by a neighbouring quotation, the paragraph or a cue
    // elsewhere in the sentence ("continuation", "paragraph",
    // "same_sentence") does not make a term anyone's words.
    const std::string& sieve = attributions[q].sieve;
    const bool borrowed = attributions[q].mention >= 0;
    if (quote.kind != QuoteKind::partial ||
        (borrowed && sieve != "continuation" && sieve != "paragraph" &&
         sieve != "same_sentence"))
      continue;
    const int first = token_at(layout, quote.span.begin);
    if (first < 0 || unjudged[layout.tokens[first].sentence]) continue;
    // "slammed as \"counter-productive\"": a cue right before the mark
    // (over one word) reports the phrase as its object.
    // (By its span: the attributions' cue indices may refer to other cues.)
    const std::optional<Span>& cue = attributions[q].cue_span;
    if (sieve == "same_sentence" && cue && cue->end > 0) {
      const int cue_last = token_at(layout, cue->end - 1);
      if (cue_last < first && cue_last >= first - 3) continue;
    }
    if (!cued[layout.tokens[first].sentence] && !borrowed) {
      out[q] = true;
      continue;
    }
    // Next to a cue, a short phrase is a term unless it is part of another
    // quotation's words ("He said 'no'") or opens its sentence
    // ("\"Absolutely,\" he said" whose speaker was not found).
    const int mark = first - 1;
    if (in.quote_of_token[first] != static_cast<int>(q) ||
        (mark >= 0 &&
         layout.sentence_first_token[layout.tokens[mark].sentence] == mark))
      continue;
    int words = 0;
    for (int t = first; t < n && words <= kPhraseWords &&
                        layout.tokens[t].span.begin < quote.span.end;
         ++t)
      words += layout.tokens[t].kind == TokenKind::word;
    out[q] = words <= kPhraseWords;
  }
  return out;
}

std::vector<ReportedQuote> find_reported(const SieveInput& in,
                                         const std::vector<CueFrame>& frames,
                                         const ReportedTables& tables) {
  return Reporter(in, frames, tables).run();
}

}  // namespace quotelink::detail
