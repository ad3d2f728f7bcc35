// Mention rules around speech verbs: the subject before a cue ("the gambling
// tycoon told", "Sixty-six percent said", "Protest groups say") and the
// subject after an inverted one ("said one Trump confidant"); and personal
// pronouns.
#include "mentions_scan.h"

namespace quotelink::detail {

namespace {

// The first token of a quantity of people ending at `head`, or -1: a number
// or quantity word, possibly after approximators and a determiner, opening
// the sentence or after punctuation or a clause opener.
int quantity_start(const MentionScan& s, int head) {
  const Words& w = s.w;
  for (int k = head; k >= 0 && head - k <= 7 && w.same_sentence(k, head); --k) {
    if (!(w.word(k) || w.token(k).kind == TokenKind::number ||
          s.percent_sign(k)))
      break;
    // "Most said they were very worried": no phrase over another cue or a
    // pronoun.
    if (k < head && (s.cue_at(k) || w.is(k, s.cls.pronoun))) break;
    if (!s.quantity_opener(k)) continue;
    int open = k;
    while (k - open < 3 && w.same_sentence(open - 1, k) && w.word(open - 1) &&
           !w.possessive(open - 1) &&
           (w.is(open - 1, s.cls.approximator) ||
            w.is(open - 1, s.cls.determiner)))
      --open;
    const bool boundary =
        !w.same_sentence(open - 1, open) ||
        w.token(open - 1).kind == TokenKind::punctuation ||
        (w.word(open - 1) && w.is(open - 1, s.cls.clause_opener));
    if (boundary) return open;  // the nearest: "Most backed it and 60 ..."
  }
  return -1;
}

// The determiner or possessor opening a noun phrase that ends at `head`
// (over commas, within six tokens), or -1.
int determined_start(const MentionScan& s, int head) {
  const Words& w = s.w;
  for (int k = head - 1; k >= 0 && head - k <= 6 && w.same_sentence(k, head);
       --k) {
    if (w.punct(k, ',')) continue;
    if (!w.word(k) && w.token(k).kind != TokenKind::number) break;
    if (w.possessive(k) || (w.is(k, s.cls.determiner) && !w.possessive(k)))
      return k;
    // "The vote was delayed, state media said", "The full poll can be
    // found": no phrase over an auxiliary.
    if (w.is(k, s.cls.not_name) || w.is(k, s.cls.pronoun) ||
        w.is(k, s.cls.connector) || w.is(k, s.cls.auxiliary))
      break;
  }
  return -1;
}

// A word that reads as a plural noun: an irregular plural head
// (mention_words.tsv) or a word in -s that is no -ss, -us or -is word.
bool plural_head(const MentionScan& s, int t) {
  if (s.w.is(t, s.cls.plural_head)) return true;
  const std::string_view w = s.w.lower(t);
  if (w.size() < 4 || w.back() != 's' || s.w.possessive(t)) return false;
  const char before = w[w.size() - 2];
  return before != 's' && before != 'u' && before != 'i';
}

// A word that may stand in a bare noun phrase ending at `head` (a cue's word
// too: "state media said", "Protest groups say").
bool bare_word(const MentionScan& s, int k) {
  const Words& w = s.w;
  if (!w.word(k) || w.possessive(k)) return false;
  const std::string_view lk = w.lower(k);
  if (w.is(k, s.cls.not_name) || w.is(k, s.cls.pronoun) ||
      w.is(k, s.cls.determiner) || w.is(k, s.cls.connector) ||
      w.is(k, s.cls.auxiliary) || w.is(k, s.cls.clause_opener) ||
      s.quantity_word(k))
    return false;
  return w.cap(k) || !s.tables.manner_suffixes.ends(lk, 1);
}

// The first word of a bare phrase of at most `reach` modifiers ending at
// `head` that opens its sentence or follows punctuation (not a closing
// bracket: "McDonough (then adviser) heaps") or a clause opener; or -1.
int bare_start(const MentionScan& s, int head, int reach) {
  const Words& w = s.w;
  for (int k = head; k >= 0 && head - k <= reach && w.same_sentence(k, head) &&
                     bare_word(s, k);
       --k) {
    const bool boundary = !w.same_sentence(k - 1, k) ||
                          (w.token(k - 1).kind == TokenKind::punctuation &&
                           !w.punct(k - 1, ')') && !w.punct(k - 1, ']')) ||
                          (w.word(k - 1) && w.is(k - 1, s.cls.clause_opener));
    if (boundary) return k;
  }
  return -1;
}

// A marked quotation after cue c in its sentence: the quotation sieves' to
// attribute ("Media shares blame in Iowa poll overhype - HuffPollster:
// “...”").
bool quotation_follows(const MentionScan& s, int c) {
  for (int k = c + 1; k < s.w.size() && s.w.same_sentence(c, k); ++k)
    if (s.w.quoted(k)) return true;
  return false;
}

// The head of the determined phrase from `start` after an inverted cue: up to
// punctuation, a connector or a function word; -1 when none.
int object_head(const MentionScan& s, int start) {
  const Words& w = s.w;
  int head = -1;
  for (int k = start + 1;
       k < w.size() && k - start <= 6 && w.same_sentence(k, start); ++k) {
    if (!w.word(k) && w.token(k).kind != TokenKind::number) break;
    if (w.is(k, s.cls.connector) || w.is(k, s.cls.pronoun) ||
        w.is(k, s.cls.auxiliary) || s.cue_at(k) ||
        (!w.cap(k) &&
         ((w.is(k, s.cls.not_name) &&
           !(k == start + 1 && w.word(k + 1))) ||  // "the second aide"
          w.is(k, s.cls.determiner))))
      break;
    head = k;
    if (w.possessive(k)) head = -1;  // "the group's leader": go on
  }
  return head;
}

// A word in -s that is no -ss word: a plural.
bool plural_in_s(std::string_view lh) {
  return lh.size() > 3 && lh.back() == 's' && lh[lh.size() - 2] != 's';
}

}  // namespace

// A quantity of people right before a speech verb speaks: "Sixty-six percent
// said", "Six in 10 say", "42% say", "three-quarters of the voters said",
// "half said", "About four in 10 said", "a full 79 percent of Democrats say".
// It runs before cue_subjects and wins over the role phrase those find with
// the same span; a name, place or pronoun ending there blocks it.
void propose_quantity_subjects(const MentionScan& s,
                               std::vector<SpeakerMention>& out) {
  const Words& w = s.w;
  std::vector<bool> blocked(w.size(), false);
  for (const SpeakerMention& m : out)
    if (m.mention.kind != MentionKind::role) blocked[m.last] = true;
  for (int c : s.cue_positions) {
    if (c < 1 || c >= w.size()) continue;
    const int head = s.head_before_cue(c);
    if (head < 0 || blocked[head] || !w.same_sentence(head, c) ||
        !(w.word(head) || w.token(head).kind == TokenKind::number ||
          s.percent_sign(head)))
      continue;
    const int start = quantity_start(s, head);
    if (start < 0) continue;
    SpeakerMention m = s.make(start, head, MentionKind::role);
    m.definite = false;
    m.head_word = w.base(head);
    m.plural = true;
    m.role = w.phrase(start, head);
    m.mention.head = s.shown_words(start, head);
    blocked[head] = true;
    out.push_back(std::move(m));
  }
}

// Any determined noun phrase right before a speech verb speaks: "the gambling
// tycoon told Reuters", "the bespectacled, 71-year-old diplomat said".
void propose_cue_subjects(const MentionScan& s,
                          std::vector<SpeakerMention>& out) {
  const Words& w = s.w;
  std::vector<bool> nominal_ends(w.size(), false);
  for (const SpeakerMention& m : out) nominal_ends[m.last] = true;
  for (int c : s.cue_positions) {
    if (c < 1 || c >= w.size()) continue;
    const int head = s.head_before_cue(c);
    // "the 43-year-old asked": a digit-led compound heads the phrase too.
    if (!(w.word(head) || s.age_word(head)) || w.cap(head) ||
        !w.same_sentence(head, c))
      continue;
    const std::string_view lh = w.lower(head);
    // The nominal pass knows its phrases better; it misses those broken by
    // commas ("the bespectacled, 71-year-old diplomat said").
    if (s.nominal_head(head) && nominal_ends[head]) continue;
    if (w.is(head, s.cls.not_name) || w.is(head, s.cls.pronoun) ||
        w.is(head, s.cls.determiner) || w.is(head, s.cls.connector))
      continue;
    const int start = determined_start(s, head);
    if (start < 0) continue;
    SpeakerMention m = s.make(start, head, MentionKind::role);
    m.definite =
        w.is(start, s.cls.determiner) ? w.is(start, s.cls.definite) : true;
    m.head_word = lh;
    // "those surveyed say": a plural determiner makes the phrase plural.
    m.plural = plural_in_s(lh) || w.is(start, s.cls.plural_determiner);
    m.role = w.phrase(start + 1, head);
    m.mention.head = s.shown_words(start + 1, head);
    out.push_back(std::move(m));
  }
}

// A bare plural noun phrase right before a speech verb speaks: "Protest
// groups say", "but security specialists say", "Companies say". The phrase (a
// plural head and at most kBareModifiers modifiers) opens the sentence or
// follows punctuation or a clause opener, with no function word, pronoun,
// adverb, number or other cue inside. A capitalised head is a name ("Sanders
// says") unless it opens the phrase and the text never writes it capitalised
// elsewhere.
void propose_bare_subjects(const MentionScan& s,
                           std::vector<SpeakerMention>& out) {
  constexpr int kBareModifiers = 3;
  const Words& w = s.w;
  // A lone role noun ("specialists") may still take its modifiers.
  std::vector<bool> ends(w.size(), false);
  for (const SpeakerMention& m : out)
    if (m.first < m.last || m.mention.kind != MentionKind::role)
      ends[m.last] = true;
  for (int c : s.cue_positions) {
    if (c < 1 || c >= w.size()) continue;
    const int head = s.head_before_cue(c);
    if (!w.word(head) || ends[head] || !w.same_sentence(head, c) ||
        !plural_head(s, head))
      continue;
    const int start = bare_start(s, head, kBareModifiers);
    if (start < 0 || (w.cap(head) && (start < head || s.named_elsewhere(head))))
      continue;
    if (quotation_follows(s, c)) continue;
    SpeakerMention m = s.make(start, head, MentionKind::role);
    m.definite = false;
    m.plural = true;
    m.head_word = w.lower(head);
    m.role = w.phrase(start, head);
    auto role = s.tables.roles.find(w.layer().word(head));
    if (role != s.tables.roles.end()) {
      m.head_word = role->second.singular;
      m.role = (start < head ? w.phrase(start, head - 1) + " " : "") +
               m.head_word.str();
      m.gender = role->second.gender;
    }
    m.mention.head = s.shown_words(start, head);
    out.push_back(std::move(m));
  }
}

// Any determined noun phrase right after an inverted speech verb speaks:
// ""...," said one Trump confidant", "said a New Hampshire Republican".
void propose_cue_objects(const MentionScan& s,
                         std::vector<SpeakerMention>& out) {
  const Words& w = s.w;
  for (int c : s.cue_positions) {
    if (c < 1 || c + 2 >= w.size() || !s.inverted_cue_at(c)) continue;
    const int start = c + 1;
    if (!w.word(start) || w.cap(start) || w.possessive(start)) continue;
    if (!w.is(start, s.cls.determiner)) continue;
    const int head = object_head(s, start);
    // A number is no head, but "said the 46-year-old" is.
    if (head < 0 ||
        (w.token(head).kind == TokenKind::number && !s.age_word(head)))
      continue;
    SpeakerMention m = s.make(start, head, MentionKind::role);
    m.definite = w.is(start, s.cls.definite);
    const std::string_view lh = w.base(head);
    m.head_word = lh;
    m.plural = plural_in_s(lh);
    m.role = w.phrase(start + 1, head);
    m.mention.head = s.shown_words(start + 1, head);
    out.push_back(std::move(m));
  }
}

// Personal pronouns; a possessive one ("his") is a possessive mention that
// stands for its subject pronoun ("he") and resolves as that would, and a
// contracted one ("he'll", "he's") is that pronoun as a subject.
void propose_pronouns(const MentionScan& s, std::vector<SpeakerMention>& out) {
  const Words& w = s.w;
  for (int t = 0; t < w.size(); ++t) {
    if (!w.word(t) || !w.is_any(t, s.tables.pronoun_words)) continue;
    const bool possessive = w.is(t, s.cls.possessive_pronoun);
    const bool contracted = w.is(t, s.cls.pronoun_contraction);
    if (!possessive && !contracted && !w.is(t, s.cls.pronoun)) continue;
    const WordId id = w.layer().word(t);
    auto p = s.tables.pronouns.find(
        possessive   ? s.tables.possessive_pronouns.at(id)
        : contracted ? s.tables.contracted_pronouns.at(id)
                     : id);
    if (p == s.tables.pronouns.end()) continue;
    SpeakerMention m = s.make(t, t, MentionKind::pronoun);
    m.gender = p->second.gender;
    m.plural = p->second.plural;
    m.possessive = possessive;
    m.mention.head = w.lower(t);
    m.head_word = p->second.word;
    m.anaphor = p->second.anaphor;
    out.push_back(std::move(m));
  }
}

}  // namespace quotelink::detail
