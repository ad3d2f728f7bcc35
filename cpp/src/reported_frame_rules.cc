// The frame rules of the reported-speech stage: for each cue frame, the
// rules of reported_rules.h are tried in table order, and the first that
// decides gives the frame's clause (or no report). Each rule's comment
// gives the pattern it handles.
#include <algorithm>
#include <array>

#include "reported_stage.h"

namespace quotelink::detail {

namespace {

// How far into its sentence a relative may open and still be on the
// subject ("A Texas voter who supports ...").
constexpr int kSubjectRelativeReach = 6;
// A source the mention stage did not find may be a long phrase ("early
// results of exit polls conducted for ... by ..."): the comma after
// "According to X" is looked for this far after X, or after "to".
constexpr int kAccordingReach = 12;
constexpr int kAccordingUnfoundReach = 24;

// A frame rule and the unit that implements it.
struct FrameRuleUnit {
  ReportedRule rule;
  Verdict (Reporter::*unit)(FrameScan&) const;
};

// The frame rules in table order (ReportedRule order).
constexpr std::array<FrameRuleUnit, 23> kFrameRuleUnits{{
    {ReportedRule::boilerplate, &Reporter::boilerplate},
    {ReportedRule::according_opening, &Reporter::according_opening},
    {ReportedRule::according_aside, &Reporter::according_aside},
    {ReportedRule::according_before_aside, &Reporter::according_before_aside},
    {ReportedRule::according_trailing, &Reporter::according_trailing},
    {ReportedRule::topic_only_verb, &Reporter::topic_only_verb},
    {ReportedRule::noun_like_cue, &Reporter::noun_like_cue},
    {ReportedRule::passive_question, &Reporter::passive_question},
    {ReportedRule::inverted, &Reporter::inverted},
    {ReportedRule::source_after_cue, &Reporter::source_after_cue},
    {ReportedRule::unsourced_cue, &Reporter::unsourced_cue},
    {ReportedRule::bare_gerund, &Reporter::bare_gerund},
    {ReportedRule::source_blocker, &Reporter::source_blocker},
    {ReportedRule::question_sentence, &Reporter::question_sentence},
    {ReportedRule::apposition_without_subject,
     &Reporter::apposition_without_subject},
    {ReportedRule::after_direct_quote, &Reporter::after_direct_quote},
    {ReportedRule::topic, &Reporter::topic},
    {ReportedRule::noun_form_at_end, &Reporter::noun_form_at_end},
    {ReportedRule::split_before_gerund, &Reporter::split_before_gerund},
    {ReportedRule::split, &Reporter::split},
    {ReportedRule::fronted, &Reporter::fronted},
    {ReportedRule::no_clause_verb, &Reporter::no_clause_verb},
    {ReportedRule::after, &Reporter::after},
}};

constexpr bool units_in_table_order() {
  for (std::size_t i = 0; i < kFrameRuleUnits.size(); ++i)
    if (static_cast<std::size_t>(kFrameRuleUnits[i].rule) != i ||
        rule_info(kFrameRuleUnits[i].rule).scope == RuleScope::document)
      return false;
  return kFrameRuleUnits.size() ==
         static_cast<std::size_t>(ReportedRule::speaker_line);
}
static_assert(units_in_table_order(),
              "kFrameRuleUnits must list every frame rule in table order");

Clause clause(int first, int end, ReportedRule rule, int source = -1) {
  Clause c;
  c.first = first;
  c.end = end;
  c.rule = rule;
  c.source = source;
  return c;
}

}  // namespace

FrameScan Reporter::scan(const CueFrame& frame) const {
  const Cue& cue = in_.cues[frame.cue];
  FrameScan s(frame, cue, in_.layout.paragraphs[tok(cue.first).paragraph]);
  s.begin = sentence_begin(cue.first);
  s.end = std::min(sentence_end(cue.first), cue.last + 1 + kMaxClauseTokens);
  // Without a source mention the clause is still reported, unattributed.
  s.source_first = frame.source >= 0 ? in_.mentions[frame.source].first : -1;
  s.source_last =
      frame.source >= 0 ? in_.mentions[frame.source].last : cue.last;
  s.inverted = frame.inverted;
  if (cue.kind != CueKind::verb) return s;
  // "Jane Roe, a lawyer from Ohio, said the plan ...": a mention after the
  // cue that more than an apposition follows opens the clause; it is no
  // inverted source.
  if (s.inverted && s.source_first > cue.last && s.source_last + 1 < s.end &&
      !punct(s.source_last + 1, ",")) {
    s.inverted = false;
    s.source_first = -1;
  }
  s.adjunct_topic = cue.form == VerbForm::gerund && is_word(cue.first - 1) &&
                    is(cue.first - 1, tables_.cls.prepositions) &&
                    topic_preposition(cue.lemma, cue.last + 1);
  s.after_apposition = apposition_end(cue.first - 1);
  if (s.source_first < 0 && s.after_apposition)
    s.subject = appositive_subject(s.begin, cue.first);
  return s;
}

namespace {

// True when a rule of `scope` reads the frame of a cue of `kind`.
bool reads(RuleScope scope, CueKind kind) {
  switch (scope) {
    case RuleScope::any_frame:
      return true;
    case RuleScope::source_frame:
      return kind == CueKind::source;
    case RuleScope::verb_frame:
      return kind == CueKind::verb;
    case RuleScope::document:
      return false;
  }
  return false;
}

}  // namespace

Clause Reporter::clause_of(const CueFrame& frame) const {
  FrameScan s = scan(frame);
  for (const FrameRuleUnit& row : kFrameRuleUnits) {
    if (!enabled(row.rule) || !reads(rule_info(row.rule).scope, s.cue.kind))
      continue;
    if (Verdict v = (this->*row.unit)(s)) return *v;
  }
  return {};
}

// A boilerplate paragraph ("Follow us on Twitter") reports nothing.
Verdict Reporter::boilerplate(FrameScan& s) const {
  if (s.paragraph.boilerplate) return no_report();
  return std::nullopt;
}

// "According to X, CLAUSE": the clause runs from the comma after X to the
// sentence end; no report without that comma.
Verdict Reporter::according_opening(FrameScan& s) const {
  if (s.cue.first - s.begin > 2) return std::nullopt;
  const int reach =
      s.frame.source >= 0 ? kAccordingReach : kAccordingUnfoundReach;
  for (int t = s.source_last + 1; t < s.end && t <= s.source_last + reach; ++t)
    if (punct(t, ","))
      return clause(t + 1, s.end, ReportedRule::according_opening);
  return no_report();
}

// "A, according to X, B": B is the report when A is a subordinate opening
// ("because, according to X, B"; "While A, according to X, B"), the whole
// sentence when A is a bare subject and verb; not when X is followed by an
// apposition (", according to Jane Roe, a lawyer").
Verdict Reporter::according_aside(FrameScan& s) const {
  const int cue_first = s.cue.first;
  if (!punct(cue_first - 1, ",") || s.frame.source < 0) return std::nullopt;
  int close = s.source_last + 1;
  while (close < s.end && close <= s.source_last + kAccordingReach &&
         !punct(close, ","))
    ++close;
  if (close + 3 >= s.end || !punct(close, ",")) return std::nullopt;
  const bool apposition = is(close + 1, tables_.cls.determiners) > 0;
  if (is(cue_first - 2, tables_.cls.clause_openers) ||
      (!apposition && is(s.begin, tables_.cls.clause_breaks)))
    return clause(close + 1, s.end, ReportedRule::according_aside);
  if (!apposition && cue_first - 1 - s.begin <= 3)
    return clause(s.begin, s.end, ReportedRule::according_aside);
  return std::nullopt;
}

// "A, according to X": the clause before the comma.
Verdict Reporter::according_before_aside(FrameScan& s) const {
  if (!punct(s.cue.first - 1, ",")) return std::nullopt;
  return clause(s.begin, s.cue.first - 1, ReportedRule::according_before_aside);
}

// "A according to X": the sentence up to the cue.
Verdict Reporter::according_trailing(FrameScan& s) const {
  return clause(s.begin, s.cue.first, ReportedRule::according_trailing);
}

// "referred to", "focused on": a verb that reports only its topic reports
// nothing without its preposition, nor in the passive ("North Korea being
// referred to the ICC": sent there, not spoken of).
Verdict Reporter::topic_only_verb(FrameScan& s) const {
  if (!tables_.topic_only_verbs.count(s.cue.lemma)) return std::nullopt;
  const int before = s.cue.first - 1;
  if (!topic_preposition(s.cue.lemma, s.cue.last + 1) ||
      (s.cue.form == VerbForm::past && is_word(before) &&
       is(before, in_.cue_lexicon.passive)))
    return no_report();
  return std::nullopt;
}

// "the state", "his remarks", "Trump's comments", "United States": a noun
// that looks like a cue; "for repeated nuclear tests", "for alleged
// crimes": a participle after a preposition is an adjective.
Verdict Reporter::noun_like_cue(FrameScan& s) const {
  const int before = s.cue.first - 1;
  if (is_word(before) &&
      (is(before, tables_.cls.determiners) || possessive(before) ||
       (capitalised(s.cue.first) && !s.paragraph.heading) ||
       (s.cue.form == VerbForm::past &&
        is(before, in_.cue_lexicon.preposition))))
    return no_report();
  return std::nullopt;
}

// "Asked whether A, X said", "When asked about A, ...", "X was asked to
// name A": a passive question names no asker, so the question is reported
// without a speaker (to the first comma when it opens the sentence). Other
// uses of a question verb are left to the rules after this one.
Verdict Reporter::passive_question(FrameScan& s) const {
  const Cue& cue = s.cue;
  if (!tables_.question_verbs.count(cue.lemma) || cue.form != VerbForm::past)
    return std::nullopt;
  const bool opening =
      cue.first == s.begin ||
      (cue.first == s.begin + 1 && is(s.begin, tables_.cls.complementisers));
  const bool passive =
      is_word(cue.first - 1) && is(cue.first - 1, in_.cue_lexicon.passive);
  if (!opening && !passive) return std::nullopt;
  int t = cue.last + 1;
  if (is_word(t) && !is(t, tables_.cls.infinitive_marker) &&
      is(t, tables_.cls.prepositions))
    ++t;  // "asked about A": the question is A
  if (t >= s.end || !is_word(t)) return std::nullopt;
  int stop = subordinate_end(cue.first, t, trim_end(t, clause_end(t, s.end)));
  if (opening) {
    int comma = t + 1;
    while (comma < stop && !punct(comma, ",")) ++comma;
    if (comma >= stop) return std::nullopt;
    stop = comma;
  }
  if (stop - t < 2) return std::nullopt;
  return clause(t, stop, ReportedRule::passive_question);
}

// "CLAUSE, said X": the clause before the inverted source.
Verdict Reporter::inverted(FrameScan& s) const {
  if (!s.inverted) return std::nullopt;
  return fronted_clause(s.source_first, s.cue.first, ReportedRule::inverted,
                        false);
}

// A source after a cue that is not inverted belongs to another clause.
Verdict Reporter::source_after_cue(FrameScan& s) const {
  if (s.source_first > s.cue.first) return no_report();
  return std::nullopt;
}

// Without a source, a cue reports nothing when it is a base form ("to
// say"), a verb that needs a source (class reported_verbs), or follows a
// preposition or a token that is neither a word nor an apposition's end;
// a gerund reporting its topic for the main clause's subject still does.
Verdict Reporter::unsourced_cue(FrameScan& s) const {
  const Cue& cue = s.cue;
  if (s.source_first < 0 && !s.adjunct_topic &&
      (cue.form == VerbForm::base || tables_.verb_lemmas.count(cue.lemma) ||
       (!is_word(cue.first - 1) && !apposition_end(cue.first - 1)) ||
       is(cue.first - 1, tables_.cls.prepositions)))
    return no_report();
  return std::nullopt;
}

// A gerund reports only as a clause of its own (", adding that"), after a
// reporting noun ("a statement saying", "a statement Wednesday saying":
// time words between) or, progressive, before its topic ("X is calling
// for A"), when a subject is found ("many of them are calling for": none).
Verdict Reporter::bare_gerund(FrameScan& s) const {
  const Cue& cue = s.cue;
  if (cue.form != VerbForm::gerund || after_comma(cue.first))
    return std::nullopt;
  const int before = cue.first - 1;
  int noun = before;
  while (noun > before - 3 && is_word(noun) && is(noun, tables_.cls.time_words))
    --noun;
  const bool topic_follows = topic_preposition(cue.lemma, cue.last + 1);
  if (!s.adjunct_topic &&
      !(is_word(before) &&
        ((is_word(noun) && is(noun, tables_.cls.reporting_nouns)) ||
         ((is(before, in_.cue_lexicon.passive) ||
           (s.source_first >= 0 && !is(before, tables_.cls.prepositions))) &&
          topic_follows))))
    return no_report();
  if (s.source_first < 0 && is_word(before) &&
      is(before, in_.cue_lexicon.passive))
    return no_report();
  return std::nullopt;
}

// "as I said, ...", "than he said": a word before the source that makes
// the cue a reference to earlier speech, no report, when no word follows
// the cue. Before words of its own ("as new satellite imagery suggested
// North Korea may ...") the word joins two clauses and the cue reports.
Verdict Reporter::source_blocker(FrameScan& s) const {
  const int before = s.source_first - 1;
  if (s.source_first >= 0 && is_word(before) &&
      is(before, tables_.cls.source_blockers) && !is_word(s.cue.last + 1))
    return no_report();
  return std::nullopt;
}

// A sentence that ends in a question mark asks rather than reports.
Verdict Reporter::question_sentence(FrameScan& s) const {
  if (question(s.cue.last)) return no_report();
  return std::nullopt;
}

// "..., said": an apposition before a cue without a source needs the
// subject it belongs to ("Jane Roe, a lawyer from Ohio, said ...").
Verdict Reporter::apposition_without_subject(FrameScan& s) const {
  if (s.source_first < 0 && s.after_apposition && s.subject < 0)
    return no_report();
  return std::nullopt;
}

// "\"QUOTE,\" X told a crowd at Y": the cue already reports the marked
// quotation before its source; the words after it are no clause.
Verdict Reporter::after_direct_quote(FrameScan& s) const {
  if (s.cue.form != VerbForm::gerund &&
      closes_direct_quote(s.source_first >= 0 ? s.source_first : s.cue.first))
    return no_report();
  return std::nullopt;
}

// "X talked about A", "X called for A": the object of the preposition is
// what the cue reports, up to the clause end.
Verdict Reporter::topic(FrameScan& s) const {
  int t = s.cue.last + 1;
  // "called on Wednesday for A": time words before the preposition.
  const int after_time = skip_to_clause(t, s.end, false);
  if (after_time > t && topic_preposition(s.cue.lemma, after_time))
    t = after_time;
  if (!topic_preposition(s.cue.lemma, t)) return std::nullopt;
  return topic_clause(t + 1, s.end, s.subject);
}

// "... up for grabs in five states.": a form mostly a noun, with no subject
// before it and nothing after it, closes no report.
Verdict Reporter::noun_form_at_end(FrameScan& s) const {
  const Cue& cue = s.cue;
  if (cue.last + 1 >= s.end && s.source_first < 0 && cue.first == cue.last &&
      is(cue.first, tables_.cls.no_clause_forms))
    return no_report();
  return std::nullopt;
}

// "A, X said, adding that B": the gerund reports B itself, the cue A.
Verdict Reporter::split_before_gerund(FrameScan& s) const {
  const int comma = split_comma(s);
  if (comma < 0 || comma + 1 >= s.end) return std::nullopt;
  const int next = cue_start_[comma + 1];
  if (next < 0 || in_.cues[next].form != VerbForm::gerund) return std::nullopt;
  Clause c =
      fronted_clause(s.source_first, s.cue.first, ReportedRule::split, true);
  if (c.first < 0) return no_report();
  c.rule = ReportedRule::split_before_gerund;
  return c;
}

// "A, X said, B": one clause around the cue, unless B is quoted.
Verdict Reporter::split(FrameScan& s) const {
  const int comma = split_comma(s);
  if (comma < 0) return std::nullopt;
  Clause c =
      fronted_clause(s.source_first, s.cue.first, ReportedRule::split, true);
  if (c.first < 0) return no_report();
  if (comma + 1 < s.end) {
    if (tok(comma + 1).kind == TokenKind::quote_mark) return no_report();
    c.end = trim_end(comma + 1, clause_end(comma + 1, s.end));
  }
  return c;
}

// "CLAUSE, a South Korean official said Friday.", "CLAUSE, officials told
// POLITICO.": nothing but adjuncts after the cue, so the clause is before.
Verdict Reporter::fronted(FrameScan& s) const {
  if (clause_start(s) < s.end) return std::nullopt;
  return fronted_clause(s.source_first, s.cue.first, ReportedRule::fronted,
                        false);
}

// "call", "slam" (reported_no_clause_verbs) and forms that as often name
// a thing ("states", reported_no_clause_forms) report no clause after.
Verdict Reporter::no_clause_verb(FrameScan& s) const {
  const Cue& cue = s.cue;
  if (tables_.no_clause_verbs.count(cue.lemma) ||
      (cue.first == cue.last && is(cue.first, tables_.cls.no_clause_forms)))
    return no_report();
  return std::nullopt;
}

// "X said (that) CLAUSE", "X said: CLAUSE", "X told Y that CLAUSE": the
// clause after the cue and its adjuncts, up to the end of the report.
Verdict Reporter::after(FrameScan& s) const {
  const Cue& cue = s.cue;
  const int end = s.end;
  int t = clause_start(s);
  // "X said: CLAUSE" without marks (a marked one is the colon sieve's).
  if (punct(t, ":") && t + 1 < end && is_word(t + 1)) ++t;
  // "Officials said 2016 has been ...": a clause may open with a number
  // right after its cue when a verb follows ("confirmed 92 to 0" is no
  // clause).
  const bool number_opens = t == cue.last + 1 && t < end &&
                            tok(t).kind == TokenKind::number &&
                            predicate_follows(t + 1, end);
  if (t >= end || (!is_word(t) && !number_opens) || is(t, tables_.cls.blockers))
    return no_report();
  if (is(t, tables_.cls.prepositions) &&
      !(is(t, tables_.cls.infinitive_marker) &&
        tables_.infinitive_verbs.count(cue.lemma)))
    return no_report();
  // "reports: http://...": a link is no clause.
  if (link(t)) return no_report();
  int stop = clause_end(t, end);
  // "X, who said A, said B": a report inside a non-restrictive relative
  // ends at the relative's closing comma.
  int rel = cue.first - 1;
  while (rel > s.begin && rel >= cue.first - 3 && is_word(rel) &&
         !is(rel, in_.cue_lexicon.relative))
    --rel;  // "who also said", "who has long said"
  // So does one inside a relative on the sentence's subject ("A voter who
  // supports A, Roe lost ...").
  if (is_word(rel) && is(rel, in_.cue_lexicon.relative) &&
      (punct(rel - 1, ",") || rel - s.begin <= kSubjectRelativeReach))
    for (int k = t + 1; k < stop; ++k)
      if (punct(k, ",")) {
        stop = k;
        break;
      }
  stop = subordinate_end(cue.first, t, trim_adjunct(t, trim_end(t, stop)));
  return clause(t, stop, ReportedRule::after, s.subject);
}

// "CLAUSE, X said": the clause runs from the sentence start (after a
// dateline) to the comma before the source (or, without one, the nearest
// comma before the cue); no clause when it is only an introductory phrase
// ("On Monday, X said"), unless `keep_introduction` (a split clause runs on
// past the cue, so its opening phrase stays).
Clause Reporter::fronted_clause(int source_first, int cue_first,
                                ReportedRule rule,
                                bool keep_introduction) const {
  const int begin = after_dateline(sentence_begin(cue_first));
  int comma = std::min(source_first, cue_first) - 1;
  if (source_first < 0) {
    comma = cue_first - 1;
    while (comma > begin && comma >= cue_first - 6 && !punct(comma, ","))
      --comma;
  }
  if (!punct(comma, ",") || comma <= begin) return {};
  if (!keep_introduction && introductory(begin, comma)) return {};
  return clause(begin, comma, rule);
}

// The topic a cue reports after its preposition, opening at `first`: a
// noun phrase or clause up to the first comma, dash, colon or clause end
// ("talked about the drug crisis, saying ..."). Empty when no phrase
// follows ("rails against.", "talked about today", "referred to as").
Clause Reporter::topic_clause(int first, int end, int subject) const {
  end = std::min(end, first + kMaxClauseTokens);
  if (first >= end || !is_word(first) || is(first, tables_.cls.blockers) ||
      is(first, tables_.cls.skip_words) || is(first, tables_.cls.prepositions))
    return {};
  int stop = trim_adjunct(first, trim_end(first, clause_end(first, end)));
  for (int k = first + 1; k < stop; ++k)
    if (apposition_end(k) || punct(k, ":") || punct(k, ";")) {
      stop = k;
      break;
    }
  return clause(first, stop, ReportedRule::topic, subject);
}

// The comma of "A, X said, B" right after the cue (over time words: "A,
// state media said Friday, B"), or -1.
int Reporter::split_comma(FrameScan& s) const {
  if (!s.split_comma_cache) {
    int t = s.cue.last + 1;
    if (t < s.end) {
      const int after_time = skip_to_clause(t, s.end, false);
      if (after_time > t && punct(after_time, ",")) t = after_time;
    }
    // (", however, that B" is an aside before the clause, no split.)
    s.split_comma_cache =
        t < s.end && punct(t, ",") && complementiser_after_aside(t, s.end) < 0
            ? t
            : -1;
  }
  return *s.split_comma_cache;
}

// Where the clause after the cue opens: after time words, channel phrases
// and, for addressee verbs ("told Y that"), the addressee.
int Reporter::clause_start(FrameScan& s) const {
  if (!s.clause_start_cache)
    s.clause_start_cache = skip_to_clause(
        s.cue.last + 1, s.end, tables_.addressee_verbs.count(s.cue.lemma) > 0);
  return *s.clause_start_cache;
}

// True when token t is a preposition whose object a cue of `lemma`
// reports as its topic ("talked about", "called for").
bool Reporter::topic_preposition(const std::string& lemma, int t) const {
  if (!is_word(t)) return false;
  auto it = tables_.topic_prepositions.find(lemma);
  return it != tables_.topic_prepositions.end() && it->second.count(word(t));
}

// The first mention of the sentence opening at `begin` that starts it or
// follows a comma and is closed by a comma before `cue_first` ("Jane
// Roe, 27, a lawyer, said", "On Friday, Jane Roe, who ..., said"), or -1.
int Reporter::appositive_subject(int begin, int cue_first) const {
  for (int t = std::max(begin, cue_first - kMaxClauseTokens); t < cue_first - 2;
       ++t) {
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

}  // namespace quotelink::detail
