// Cue frames (sieves.h): each cue paired with the mention that speaks
// through it. A cue's source is looked for by the rules of kFrameRules
// (frame_rules.h), each a member of Framer with one signature, tried in
// table order (kFrameUnits lists the members in the same order).
#include <algorithm>
#include <iterator>

#include "frame_rules.h"
#include "scratch.h"
#include "sieves.h"
#include "unicode.h"

namespace quotelink::detail {

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
    if (in.tokens.is(t, in.cue_lexicon.adjunct_preposition)) return -1;
    m = t + 1 < n ? mention_start[t + 1] : -1;
    if (m >= 0)
      return in.mentions[m].mention.kind == MentionKind::name ? m : -1;
  }
  return -1;
}

namespace {

// Look-back limits of the subject rules, in tokens.
constexpr int kAdverbialsSkipped = 4;     // "has also repeatedly said"
constexpr int kCommaParenthetical = 30;   // "X, the 2016 frontrunner ..., said"
constexpr int kDashParenthetical = 20;    // "X -- a teacher from Y -- says"
constexpr int kRelativeClauseReach = 14;  // "an official who spoke ... said"
constexpr int kPrepositionalReach = 8;  // "a spokesman for the Democrats said"
constexpr int kPhraseHeadReach = 3;     // "a source close to the campaign"
// Shortest stem of a manner adverb, in bytes ("jokingly", not "only").
constexpr std::size_t kMannerStem = 3;

class Framer {
 public:
  explicit Framer(const SieveInput& in)
      : in_(in),
        n_(static_cast<int>(in.layout.tokens.size())),
        borrowed_(in.scratch, {&mention_start_, &mention_end_}),
        borrowed_bytes_(in.scratch, {&cue_token_}) {
    mention_start_.assign(n_, -1);
    mention_end_.assign(n_, -1);
    for (std::size_t m = 0; m < in.mentions.size(); ++m) {
      mention_start_[in.mentions[m].first] = static_cast<int>(m);
      mention_end_[in.mentions[m].last] = static_cast<int>(m);
    }
    // Tokens of finite speech verbs: a look-back for a subject stops there
    // (a gerund, "a source speaking to Fox News", does not stop it).
    cue_token_.assign(n_, 0);
    for (const Cue& cue : in.cues)
      if (cue.form != VerbForm::gerund)
        for (int t = cue.first; t <= cue.last; ++t) cue_token_[t] = 1;
  }

  std::vector<CueFrame> run() {
    frames_.reserve(in_.cues.size());  // at most one frame per cue
    for (std::size_t c = 0; c < in_.cues.size(); ++c) {
      const Cue& cue = in_.cues[c];
      if (cue.kind == CueKind::adjunct) continue;
      CueFrame f;
      f.cue = static_cast<int>(c);
      frame(cue, f);
      frames_.push_back(f);
    }
    return std::move(frames_);
  }

  // One cue's frame while its rules run.
  struct Step {
    const Cue& cue;
    CueFrame& frame;
    int k = -1;            // the token before the verb, past adverbials
    int skipped = 0;       // adverbials skipped
    bool passive = false;  // a passive auxiliary among them
    int m = -1;            // the subject found so far, or -1
    bool decided = false;  // a rule decided the source: no later one looks
  };
  using Unit = void (Framer::*)(Step&) const;
  static const Unit kFrameUnits[];

 private:
  bool word(int t) const {
    return t >= 0 && t < n_ && in_.layout.tokens[t].kind == TokenKind::word;
  }
  bool quoted(int t) const { return in_.quote_of_token[t] >= 0; }
  bool punct(int t, char c) const { return in_.tokens.punct(t, c); }
  bool dash(int t) const {
    return t >= 0 && t < n_ && in_.tokens.shape(t, Shape::dash);
  }
  bool is(int t, WordClass c) const { return in_.tokens.is(t, c); }
  int sentence(int t) const { return in_.layout.tokens[t].sentence; }
  bool usable(int m) const { return m >= 0 && !in_.mentions[m].possessive; }
  // A document mention right after a verb that puts it out ("issued a
  // statement", "put out a statement"), class document_issuer.
  bool issued_document(int m) const {
    if (kind(m) != MentionKind::document) return false;
    const int before = in_.mentions[m].first - 1;
    return before >= 0 && word(before) && is(before, lex().document_issuer);
  }
  MentionKind kind(int m) const { return in_.mentions[m].mention.kind; }
  const CueLexicon& lex() const { return in_.cue_lexicon; }

  static bool reads(FrameScope scope, const Cue& cue) {
    const bool verb = cue.kind == CueKind::verb;
    switch (scope) {
      case FrameScope::source_cue:
        return cue.kind == CueKind::source;
      case FrameScope::verb:
        return verb;
      case FrameScope::finite:
        return verb && cue.form != VerbForm::gerund;
      case FrameScope::gerund:
        return verb && cue.form == VerbForm::gerund;
      case FrameScope::any:
        return true;
    }
    return false;
  }

  // The subject rules until one decides the source (the subject found then
  // becomes the source when it may speak), then the clause rules.
  void frame(const Cue& cue, CueFrame& f) const {
    Step s{cue, f};
    if (cue.kind == CueKind::verb)
      s.k = skip_adverbials(cue, &s.skipped, &s.passive);
    for (FramePhase phase : {FramePhase::subject, FramePhase::clause}) {
      for (std::size_t r = 0; r < kFrameRuleCount; ++r) {
        const FrameRuleRow& row = kFrameRules[r];
        if (row.phase != phase || !in_.rules.enabled(row.id) ||
            !reads(row.scope, cue) ||
            (s.decided && phase == FramePhase::subject))
          continue;
        (this->*kFrameUnits[r])(s);
      }
      if (phase == FramePhase::subject && !s.decided && usable(s.m))
        f.source = s.m;
    }
  }

  // "according to X": the mention right after the phrase.
  void source_cue(Step& s) const {
    const int m = s.cue.last + 1 < n_ ? mention_start_[s.cue.last + 1] : -1;
    if (usable(m)) {
      s.frame.source = m;
      s.frame.inverted = true;
    }
    s.decided = true;
  }

  // "Jane Roe said", "Roe has also said": the mention before the verb.
  void adjacent(Step& s) const {
    s.m = s.k >= 0 && !quoted(s.k) ? mention_end_[s.k] : -1;
  }

  // "a spokesman for New Hampshire Democrats said": the phrase's head.
  void phrase_head(Step& s) const { s.m = phrase_head(s.m, s.cue); }

  // "Trump was asked, "Q"": a passive verb's subject heard the words.
  void passive(Step& s) const {
    s.decided =
        s.passive && s.cue.form == VerbForm::past && s.cue.last == s.cue.first;
  }

  // "his vague tough talk", "a conference call": a base form right after a
  // singular noun phrase is a noun, not the phrase's verb.
  void noun_not_verb(Step& s) const {
    if (s.m >= 0 && s.skipped == 0 && s.cue.form == VerbForm::base &&
        !in_.mentions[s.m].plural && kind(s.m) == MentionKind::role)
      s.m = -1;
  }

  // The look-backs below, each tried while no subject is found.
  void apposition(Step& s) const {
    if (s.m < 0) s.m = apposition_subject(s.k);
  }
  void comma_parenthetical(Step& s) const {
    if (s.m < 0) s.m = comma_parenthetical_subject(s.k, s.cue);
  }
  void dash_parenthetical(Step& s) const {
    if (s.m < 0) s.m = dash_parenthetical_subject(s.k, s.cue);
  }
  void relative_clause(Step& s) const {
    if (s.m < 0) s.m = relative_clause_subject(s.k, s.cue);
  }
  void prepositional(Step& s) const {
    if (s.m < 0) s.m = prepositional_subject(s.k, s.cue);
  }
  void coordinated(Step& s) const {
    if (s.m < 0) s.m = coordinated_subject(s.k, s.cue);
  }
  void gerund_source(Step& s) const {
    s.frame.source = gerund_source(s.m, s.cue);
    s.decided = true;
  }

  // "Joe Kasper, told POLITICO": an addressee verb never inverts, so a name
  // before its comma is the subject, and the mention after it is no source.
  void addressee(Step& s) const {
    const int k = s.k;
    if (s.m < 0 && lex().addressee_lemma(s.cue.lemma_word) && punct(k, ',') &&
        k >= 1 && mention_end_[k - 1] >= 0 &&
        kind(mention_end_[k - 1]) == MentionKind::name && !quoted(k - 1))
      s.m = mention_end_[k - 1];
  }

  // No subject that may speak before the verb: one after it, unless the
  // verb is a base form or takes an addressee ("told CNN").
  void inverted(Step& s) const {
    if (usable(s.m) || s.cue.form == VerbForm::base ||
        lex().addressee_lemma(s.cue.lemma_word))
      return;
    inverted_subject(s.cue, s.frame);
    s.decided = true;
  }

  // "Hooton said after Rubio spoke.": the source opens a subordinate clause.
  void subordinate(Step& s) const {
    CueFrame& f = s.frame;
    if (f.source < 0 || f.inverted) return;
    const int before = in_.mentions[f.source].first - 1;
    f.subordinate = before >= 0 && word(before) && !quoted(before) &&
                    is(before, lex().subordinator);
  }

  // The token before the cue past adverbials ("has also said", "jokingly
  // said"); counts them in `*skipped` and notes a passive auxiliary.
  int skip_adverbials(const Cue& cue, int* skipped, bool* passive) const {
    int k = cue.first - 1;
    while (k >= 0 && *skipped < kAdverbialsSkipped &&
           sentence(k) == sentence(cue.first) && word(k) && !quoted(k) &&
           mention_end_[k] < 0 &&
           (is(k, lex().adverbial) || manner_adverb(k))) {
      *passive = *passive || is(k, lex().passive);
      --k;
      ++*skipped;
    }
    return k;
  }

  // "Trump jokingly said": a lower-case manner adverb (a word with a
  // manner_suffix ending after a stem of three letters or more) between
  // subject and verb.
  bool manner_adverb(int t) const {
    return in_.tokens.shape(t, Shape::lower_initial) &&
           lex().manner_suffixes.ends(in_.tokens.lower(t), kMannerStem);
  }

  // "a spokesman for New Hampshire Democrats said": the head of the phrase
  // speaks, not the mention `m` inside its prepositional phrase; "an email to
  // supporters saying": a mention inside an adjunct is none.
  int phrase_head(int m, const Cue& cue) const {
    if (m < 0 || kind(m) == MentionKind::pronoun) return m;
    const int p = in_.mentions[m].first - 1;
    const bool word_p = p >= 1 && word(p) && !quoted(p);
    const bool of = word_p && is(p, lex().preposition);
    // "after Rubio spoke" opens a clause, not an adjunct of a subject.
    const bool adjunct = word_p && is(p, lex().adjunct_preposition) &&
                         !is(p, lex().subordinator);
    if (!of && !adjunct) return m;
    // "a source close to the campaign", "a source speaking to Fox News":
    // the head may stand a few words before the preposition.
    int h = -1;
    for (int j = p - 1; j >= 0 && p - j <= kPhraseHeadReach && h < 0 &&
                        word(j) && !quoted(j) && !cue_token_[j];
         --j)
      h = mention_end_[j];
    if (h >= 0 && !in_.mentions[h].possessive &&
        (kind(h) == MentionKind::role || kind(h) == MentionKind::name))
      return h;
    if (adjunct && !of && cue.form == VerbForm::gerund) return -1;
    return m;
  }

  // "Hugh Hill, a doctor, said": the apposition's anchor; "Gov. John Kasich
  // (R-OH), said": a name and a stray comma; "Merkel's spokesman, Steffen
  // Seibert, wrote": a name set off by commas on both sides.
  int apposition_subject(int k) const {
    if (!punct(k, ',') || k < 1 || mention_end_[k - 1] < 0) return -1;
    const int b = mention_end_[k - 1];
    const SpeakerMention& mb = in_.mentions[b];
    if (mb.appositive >= 0 && mb.appositive < b) return mb.appositive;
    if (kind(b) == MentionKind::name && !mb.possessive &&
        (mb.subject || punct(mb.first - 1, ',')))
      return b;
    return -1;
  }

  // "Huma Abedin, vice chairwoman for Clinton's campaign, said": the subject
  // before a parenthetical set off by commas. Not for a gerund: "Speaking in
  // Columbia, Sanders stepped up ..., saying" has a clause between them.
  int comma_parenthetical_subject(int k, const Cue& cue) const {
    if (!punct(k, ',')) return -1;
    for (int j = k - 1; j >= 1 && k - j <= kCommaParenthetical &&
                        sentence(j) == sentence(cue.first) && !quoted(j);
         --j) {
      if (!punct(j, ',')) continue;
      const int b = mention_end_[j - 1];
      if (b >= 0 && kind(b) != MentionKind::pronoun &&
          kind(b) != MentionKind::document)
        return b;
      return -1;
    }
    return -1;
  }

  // "Jason Sims — a teacher from Mount Pleasant — says": the subject before
  // a parenthetical set off by dashes ("--" too).
  int dash_parenthetical_subject(int k, const Cue& cue) const {
    if (!dash(k)) return -1;
    int j = k - 1;
    while (dash(j)) --j;  // "--"
    for (; j >= 1 && k - j <= kDashParenthetical &&
           sentence(j) == sentence(cue.first) && !quoted(j);
         --j) {
      if (!dash(j)) continue;
      while (dash(j - 1)) --j;
      // Not the object of a preposition ("Neil Roe, director of the group -
      // which has endorsed Jane Roe - said"); nothing before a dash that
      // opens the text (found by fuzz_extract).
      const int b = j >= 1 ? mention_end_[j - 1] : -1;
      const int p = b >= 0 ? in_.mentions[b].first - 1 : -1;
      const bool object = p >= 0 && word(p) && is(p, lex().preposition);
      if (b >= 0 && !object && kind(b) != MentionKind::pronoun &&
          kind(b) != MentionKind::document)
        return b;
      return -1;
    }
    return -1;
  }

  // "a White House official who spoke anonymously ... said" (a gerund,
  // ", saying", belongs to the main clause, not to the relative's).
  int relative_clause_subject(int k, const Cue& cue) const {
    for (int j = k; j >= 1 && cue.first - j <= kRelativeClauseReach &&
                    sentence(j) == sentence(cue.first) && !quoted(j);
         --j) {
      if (!word(j) || !is(j, lex().relative)) continue;
      const int before = punct(j - 1, ',') ? j - 2 : j - 1;
      if (before >= 0 && mention_end_[before] >= 0 &&
          kind(mention_end_[before]) != MentionKind::pronoun)
        return mention_end_[before];
      return -1;
    }
    return -1;
  }

  // "a spokesman for committee Democrats said", "George Zornick of The
  // Nation wrote": the subject before a prepositional phrase.
  int prepositional_subject(int k, const Cue& cue) const {
    for (int j = k; j >= 1 && cue.first - j <= kPrepositionalReach &&
                    sentence(j) == sentence(cue.first) && word(j) && !quoted(j);
         --j) {
      if (!is(j, lex().preposition)) continue;
      const int b = mention_end_[j - 1];
      if (b >= 0 && kind(b) != MentionKind::pronoun && !quoted(j - 1)) return b;
      return -1;
    }
    return -1;
  }

  // "Clinton shook her head and said": the subject of the earlier verb.
  int coordinated_subject(int k, const Cue& cue) const {
    if (k < 0 || !word(k) || quoted(k) || !is(k, lex().coordinator)) return -1;
    const int s = sentence(cue.first);
    for (int j = in_.layout.sentence_first_token[s]; j < k; ++j) {
      const int m = mention_start_[j];
      if (m >= 0 && in_.mentions[m].subject && !quoted(j)) return m;
    }
    return -1;
  }

  // The source of a gerund cue: the mention right before it ("with Trump
  // reportedly yelling", "a UN resolution urging"), unless it is a document
  // someone put out ("X issued a statement saying"); else the subject of
  // the clause's verb ("..., adding that", "telling them"), else the
  // sentence's subject ("The resolution refers to ..., noting that").
  int gerund_source(int m, const Cue& cue) const {
    if (usable(m) && !issued_document(m)) return m;
    const int s = sentence(cue.first);
    for (std::size_t g = frames_.size(); g-- > 0;) {
      const Cue& prev = in_.cues[frames_[g].cue];
      if (sentence(prev.first) != s) break;
      // "not paying an architect who said he was stiffed, saying ...": a
      // relative clause's speaker is not the main clause's.
      const int src = frames_[g].source;
      if (src >= 0 && !frames_[g].inverted) {
        const int after = in_.mentions[src].last + 1;
        if (after < prev.first && word(after) && is(after, lex().relative))
          continue;
      }
      if (src >= 0) return src;
    }
    for (int j = cue.first - 1; j >= 0 && sentence(j) == s; --j) {
      const int sj = mention_start_[j];
      if (sj >= 0 && in_.mentions[sj].subject && !in_.mentions[sj].possessive &&
          !quoted(j))
        return sj;
    }
    return -1;
  }

  // ""Q," said X": an inverted subject, only right after a comma or a
  // quotation mark, or opening the sentence ("Said Comey, "Q"", but "Asked
  // which Iowa county ..." is no inversion: the name must follow at once).
  void inverted_subject(const Cue& cue, CueFrame& f) const {
    const int before = cue.first - 1;
    const bool marked =
        before >= 0 && (punct(before, ',') || in_.layout.tokens[before].kind ==
                                                  TokenKind::quote_mark);
    const bool opened =
        marked || before < 0 || sentence(before) != sentence(cue.first);
    const int after = subject_after(in_, mention_start_, cue.last + 1, marked);
    if (opened && usable(after) && !in_.mentions[after].before_auxiliary &&
        kind(after) != MentionKind::pronoun) {
      f.source = after;
      f.inverted = true;
    }
  }

  const SieveInput& in_;
  const int n_;
  std::vector<int> mention_start_, mention_end_;
  std::vector<char> cue_token_;  // 1 on a finite speech verb's tokens
  std::vector<CueFrame> frames_;
  BorrowedArrays borrowed_;  // after the arrays they fill
  Borrowed<char> borrowed_bytes_;
};

// The rule units in FrameRule order, one per row of kFrameRules.
const Framer::Unit Framer::kFrameUnits[] = {
    &Framer::source_cue,          &Framer::adjacent,
    &Framer::phrase_head,         &Framer::passive,
    &Framer::noun_not_verb,       &Framer::apposition,
    &Framer::comma_parenthetical, &Framer::dash_parenthetical,
    &Framer::relative_clause,     &Framer::prepositional,
    &Framer::coordinated,         &Framer::gerund_source,
    &Framer::addressee,           &Framer::inverted,
    &Framer::subordinate,
};
static_assert(std::size(Framer::kFrameUnits) == kFrameRuleCount,
              "one unit per row of kFrameRules");

}  // namespace

std::vector<CueFrame> frame_cues(const SieveInput& in) {
  return Framer(in).run();
}

}  // namespace quotelink::detail
