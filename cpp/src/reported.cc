// The reported-speech stage's driver: it tries the frame rules on every
// cue frame (reported_frame_rules.cc), runs the frameless rules, and keeps
// the reports that nest or are disjoint. Also its tables and scare quotes.
#include "reported.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "lexicon.h"
#include "quotelink/error.h"
#include "reported_stage.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

// Reports nested in reports ("A said B told C that ..."): deeper ones are
// dropped, so no token is in more than this many reported clauses (a chain
// of "X said that" would repeat every token once per enclosing report).
// On PolNeAR train one say-report sits at depth 3 before attribute.cc drops
// the non-speech reports around it; none deeper.
constexpr std::size_t kMaxNestedReports = 4;

// Keeps clauses that nest or are disjoint: a clause that starts inside a
// kept one and ends after it ("He said it ... According to X, ...", where
// a fronted clause reaches back over another cue's clause) is dropped, the
// earlier clause standing, and so is one inside kMaxNestedReports kept
// ones. `reports` is sorted by start, longer first.
void drop_crossing(std::vector<ReportedQuote>& reports) {
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

// Sorts reports in text order (of two clauses opening together, the longer
// first) and keeps one of two with the same span ("X said ..., adding
// that": two cues may report one clause).
void sort_and_unique(std::vector<ReportedQuote>& out) {
  std::stable_sort(out.begin(), out.end(),
                   [](const ReportedQuote& a, const ReportedQuote& b) {
                     if (a.quote.span.begin != b.quote.span.begin)
                       return a.quote.span.begin < b.quote.span.begin;
                     return a.quote.span.end > b.quote.span.end;
                   });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const ReportedQuote& a, const ReportedQuote& b) {
                          return a.quote.span == b.quote.span;
                        }),
            out.end());
}

}  // namespace

Reporter::Reporter(const SieveInput& in, const std::vector<CueFrame>& frames,
                   const ReportedTables& tables, const RuleSwitches& switches)
    : in_(in),
      frames_(frames),
      tables_(tables),
      switches_(switches),
      n_(static_cast<int>(in.layout.tokens.size())),
      borrowed_(in.scratch, {&mention_start_, &mention_end_, &cue_start_}),
      borrowed_bytes_(in.scratch, {&name_end_, &framed_source_start_}) {
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

std::vector<ReportedQuote> Reporter::run() const {
  std::vector<ReportedQuote> out;
  for (std::size_t f = 0; f < frames_.size(); ++f) {
    Clause clause = clause_of(frames_[f]);
    if (clause.first < 0) continue;
    const Cue& cue = in_.cues[frames_[f].cue];
    // A clause before its cue ("CLAUSE, X said") keeps the words next to
    // the cue; build() bounds the others from their start.
    if (clause.end <= cue.first)
      clause.first = std::max(clause.first, clause.end - kMaxClauseTokens);
    ReportedQuote rq;
    if (!build(clause, rq)) continue;
    rq.frame = static_cast<int>(f);
    // "The shift seemed stark": the writer's impression, nobody's report.
    rq.sourceless = rq.sourceless || tables_.sourceless_verbs.count(cue.lemma);
    out.push_back(std::move(rq));
  }
  if (enabled(ReportedRule::speaker_line)) speaker_lines(out);
  if (enabled(ReportedRule::topic_noun)) topic_nouns(out);
  sort_and_unique(out);
  drop_crossing(out);
  return out;
}

// "Lynch: No outside influence on FBI probe", "Q: There's lots of talk":
// a paragraph that opens with a speaker (not a pronoun or a place) and a
// colon reports the rest of that sentence; such a report has no frame.
void Reporter::speaker_lines(std::vector<ReportedQuote>& out) const {
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
    Clause c;
    c.first = colon + 1;
    c.end = end;
    c.rule = ReportedRule::speaker_line;
    c.source = m;
    ReportedQuote rq;
    if (build(c, rq)) out.push_back(std::move(rq));
  }
}

// "Trump's attacks on A", "his support for A", "X has raised questions
// about A": a reporting noun with its preposition (reported_topic_nouns)
// reports A for the noun's holder; such a report has no frame.
void Reporter::topic_nouns(std::vector<ReportedQuote>& out) const {
  for (int t = 0; t + 2 < n_; ++t) {
    if (!is_word(t) || !is(t, tables_.cls.topic_nouns) ||
        in_.quote_of_token[t] >= 0 ||
        in_.layout.paragraphs[tok(t).paragraph].boilerplate)
      continue;
    auto it = tables_.topic_nouns.find(word(t));
    if (it == tables_.topic_nouns.end() || !is_word(t + 1) ||
        !it->second.count(word(t + 1)))
      continue;
    const int m = noun_holder(t);
    if (m < 0) continue;
    Clause c = topic_clause(t + 2, subject_phrase_end(t + 2, m), m);
    if (c.first < 0) continue;
    c.rule = ReportedRule::topic_noun;
    ReportedQuote rq;
    if (build(c, rq)) out.push_back(std::move(rq));
  }
}

// The end of the topic opening at `first` whose noun's holder is mention
// m: when a possessive holder opens the sentence ("Roe's critique of his
// rivals was sharp"), the noun phrase is the subject and the topic ends
// before the first auxiliary or speech verb; else the sentence's end.
int Reporter::subject_phrase_end(int first, int m) const {
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
int Reporter::noun_holder(int t) const {
  const int begin = sentence_begin(t);
  for (int k = t - 1; k >= begin && k >= t - 3; --k) {
    if (!is_word(k) || in_.quote_of_token[k] >= 0) return -1;
    const int m = mention_end_[k];
    if (m >= 0) return in_.mentions[m].possessive ? m : -1;
    // "X has raised questions", "X is critical of": the verb's subject.
    if (!is(k, tables_.cls.topic_light_verbs) &&
        !is(k, in_.cue_lexicon.passive))
      continue;
    int s = k - 1;  // over "has", "also"
    while (s > begin && s >= k - 3 && is_word(s) && mention_end_[s] < 0 &&
           is(s, in_.cue_lexicon.adverbial))
      --s;
    const int subject = s >= begin ? mention_end_[s] : -1;
    return subject >= 0 && !in_.mentions[subject].possessive ? subject : -1;
  }
  return -1;
}

// Fills rq from the clause, cut to kMaxClauseTokens from its start (a
// partial quotation it absorbs may carry it on to the closing mark); false
// when the clause is (or holds) a direct quotation, which the quotes stage
// already reports.
bool Reporter::build(const Clause& c, ReportedQuote& rq) const {
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
  const ReportedRuleInfo& rule = rule_info(c.rule);
  rq.rule = c.rule;
  rq.sieve = rule.row.label;
  rq.confidence = rule.row.confidence;
  rq.source = c.source;
  rq.sourceless = rule.no_speaker;
  Quote& q = rq.quote;
  q.kind = QuoteKind::indirect;
  q.span = {tok(c.first).span.begin, tok(end - 1).span.end};
  q.outer = q.span;
  q.paragraph = tok(c.first).paragraph;
  q.sentence = tok(c.first).sentence;
  q.multi_paragraph = tok(end - 1).paragraph != q.paragraph;
  return true;
}

namespace {

// The entries of class `name` as strings (phrases joined by one space).
std::unordered_set<std::string> texts_of(const Vocabulary& v,
                                         std::string_view name) {
  std::vector<std::string> texts = v.entry_texts(v.word_class(name));
  return {std::make_move_iterator(texts.begin()),
          std::make_move_iterator(texts.end())};
}

// Entry text -> the comma-separated words of its attribute `key`, for the
// entries of class `name`; throws for an entry without it.
std::unordered_map<std::string, std::unordered_set<std::string>> lists_of(
    const Vocabulary& v, std::string_view name, std::string_view key) {
  std::unordered_map<std::string, std::unordered_set<std::string>> out;
  for (const LexiconEntry* e : v.entries_of(v.word_class(name))) {
    const std::vector<std::string> words = split_fields(e->attribute(key), ',');
    if (words.empty())
      throw error(e->where + ": " + std::string(name) + " lists its " +
                  std::string(key) + "=");
    std::string text;
    for (WordId w : e->words) (text += text.empty() ? "" : " ") += v.word(w);
    out[text].insert(words.begin(), words.end());
  }
  return out;
}

// The classes of kReportedWordClasses and kReportedPackClasses.
ReportedTables::Classes resolve_classes(const Vocabulary& v) {
  ReportedTables::Classes c;
  WordClass* const classes[] = {
      &c.topic_light_verbs, &c.adjuncts,        &c.blockers,
      &c.clause_breaks,     &c.complementisers, &c.conjunctions,
      &c.determiners,       &c.object_pronouns, &c.predicate_openers,
      &c.prepositions,      &c.skip_words,      &c.subordinators,
      &c.summary_openers,   &c.time_words,      &c.clause_openers,
      &c.no_clause_forms,   &c.reporting_nouns, &c.source_blockers,
      &c.topic_nouns};
  static_assert(std::size(classes) == std::size(kReportedWordClasses),
                "one class per reported word class");
  for (std::size_t i = 0; i < std::size(classes); ++i)
    *classes[i] = v.word_class(kReportedWordClasses[i]);
  c.declarative = v.word_class(kReportedPackClasses[0]);
  c.infinitive_marker = v.word_class(kReportedPackClasses[1]);
  return c;
}

}  // namespace

ReportedTables ReportedTables::load(const Vocabulary& vocabulary) {
  ReportedTables t;
  t.cls = resolve_classes(vocabulary);
  std::unordered_set<std::string>* const word_tables[] = {
      &t.topic_light_verbs, &t.adjuncts,        &t.blockers,
      &t.clause_breaks,     &t.complementisers, &t.conjunctions,
      &t.determiners,       &t.object_pronouns, &t.predicate_openers,
      &t.prepositions,      &t.skip_words,      &t.subordinators,
      &t.summary_openers,   &t.time_words,      &t.clause_openers,
      &t.no_clause_forms,   &t.reporting_nouns, &t.source_blockers};
  for (std::size_t i = 0; i < std::size(word_tables); ++i)
    *word_tables[i] = texts_of(vocabulary, kReportedWordClasses[i]);
  std::unordered_set<std::string>* const lemma_tables[] = {
      &t.verb_lemmas,      &t.addressee_verbs,   &t.no_clause_verbs,
      &t.infinitive_verbs, &t.sourceless_verbs,  &t.question_verbs,
      &t.nested_verbs,     &t.clause_break_pairs};
  static_assert(std::size(lemma_tables) + 1 == std::size(kReportedLemmaClasses),
                "one table per lemma class, then the topic verbs");
  for (std::size_t i = 0; i < std::size(lemma_tables); ++i)
    *lemma_tables[i] = texts_of(vocabulary, kReportedLemmaClasses[i]);
  const std::string_view topic_verbs = kReportedLemmaClasses[8];
  t.topic_prepositions =
      lists_of(vocabulary, topic_verbs, "topic_prepositions");
  for (const LexiconEntry* e :
       vocabulary.entries_of(vocabulary.word_class(topic_verbs)))
    if (e->attribute("topic_only") == "yes")
      t.topic_only_verbs.emplace(vocabulary.word(e->words[0]));
  t.topic_nouns =
      lists_of(vocabulary, kReportedWordClasses[18], "prepositions");
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
    // (The weak sieves: they look beyond the quotation's own clause.)
    const bool borrowed = attributions[q].mention >= 0;
    if (quote.kind != QuoteKind::partial ||
        (borrowed && !attributions[q].weak()))
      continue;
    const int first = token_at(layout, quote.span.begin);
    if (first < 0 || unjudged[layout.tokens[first].sentence]) continue;
    // "slammed as \"counter-productive\"": a cue right before the mark
    // (over one word) reports the phrase as its object.
    // (By its span: the attributions' cue indices may refer to other cues.)
    const std::optional<Span>& cue = attributions[q].cue_span;
    if (attributions[q].rule == SieveId::same_sentence && cue && cue->end > 0) {
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
                                         const ReportedTables& tables,
                                         const RuleSwitches& switches) {
  return Reporter(in, frames, tables, switches).run();
}

}  // namespace quotelink::detail
