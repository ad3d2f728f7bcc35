// Mention rule "names": capitalised runs become names of people,
// organisations, or places standing for their governments.
#include <algorithm>

#include "mentions_scan.h"

namespace quotelink::detail {

namespace {

// The cue after word t of a title-case headline ("Glenn Beck Says Trump
// ...", "Rick Perry Just Announced ...", "Trump May Not Have Suggested ..."):
// t itself, capitalised, or the first after at most three capitalised
// adverbials; -1 when there is none. In prose ("the United States") a
// capitalised word is no verb.
int headline_cue_from(const MentionScan& s, int t) {
  const Words& w = s.w;
  constexpr int kMaxAdverbials = 3;
  if (!s.title_case(t)) return -1;
  for (int k = t; k <= t + kMaxAdverbials && w.same_sentence(t, k); ++k) {
    if (!w.word(k) || !w.cap(k)) return -1;
    if (s.cue_at(k)) return k;
    if (!w.is(k, s.cls.adverbial)) return -1;
  }
  return -1;
}
bool headline_verb_at(const MentionScan& s, int t) {
  return headline_cue_from(s, t) >= 0;
}

// The last token of the capitalised run starting at t: capitalised words and
// acronyms of one sentence, a middle initial ("Harry M. Reid") and a
// lower-case connector (and "the" after it) between capitalised words; a
// possessive and a headline's verb (headline_verb_at) end the run.
int run_end(const MentionScan& s, int t) {
  const Words& w = s.w;
  int a = t, b = t;
  while (!w.possessive(b)) {
    int next = b + 1;
    if (w.same_sentence(b, next) && (w.cap(next) || w.acronym(next))) {
      if (headline_verb_at(s, next)) break;
      b = next;
      continue;
    }
    // A middle initial: "Harry M. Reid".
    if (b > a || w.cap(b)) {
      if (w.token(b).span.size() == 1 && w.punct(next, '.') &&
          w.cap(next + 1)) {
        b = next + 1;
        continue;
      }
    }
    // A connector (and "the" after it) between capitalised words.
    if (w.word(next) && w.is(next, s.cls.connector) && !w.cap(next)) {
      int after = next + 1;
      if (w.word(after) && w.is(after, s.cls.article)) ++after;
      if (w.same_sentence(b, after) && w.cap(after)) {
        b = after;
        continue;
      }
    }
    break;
  }
  return b;
}

// True when every word of [first, last] is of class not_name ("Tuesday").
bool all_not_names(const MentionScan& s, int first, int last) {
  for (int u = first; u <= last; ++u)
    if (!s.w.is(u, s.cls.not_name)) return false;
  return true;
}

// The first word of run [a, b] that may start a mention, or b + 1 when the run
// is none: leading function words and sentence-initial nominal heads are no
// name, a heading in capitals is none, and a sentence-opening speech verb
// before a name ("Said Jane Roe, ...") is dropped.
int run_start(const MentionScan& s, int a, int b) {
  const Words& w = s.w;
  while (a <= b &&
         (w.is(a, s.cls.not_name) ||
          (s.nominal_head(a) && !w.acronym(a) &&
           (a == b || (!w.cap(a + 1) && !w.is(a + 1, s.cls.connector)))))) {
    if (w.is(a, s.cls.title) && a < b && w.cap(a + 1)) break;
    if (w.is(a, s.cls.name_opener) && a < b && w.cap(a + 1)) break;
    ++a;
  }
  if (a > b) return b + 1;
  // "Glenn Beck Says Trump Is Wrong": a run cut before a headline's verb
  // (run_end) is followed by one starting with the verb; it starts after it.
  const bool after_cut = a > 0 && w.cap(a - 1) && w.same_sentence(a - 1, a);
  const int cue = after_cut ? headline_cue_from(s, a) : -1;
  if (cue >= 0) a = cue + 1;
  if (a > b) return b + 1;
  // "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal:": three or more
  // words in capitals are a heading run into the text, not a name.
  int capital_words = 0;
  for (int u = a; u <= b; ++u) capital_words += w.acronym(u) ? 1 : 0;
  if (capital_words >= 3) return b + 1;
  // "Said Jane Roe, ...", "Asked Tuesday about ...": a sentence-opening
  // cue before a name set off by a comma or colon, or before words that are
  // never names, is no word of the name.
  if (a < b && s.cue_at(a) && !w.same_sentence(a - 1, a) &&
      (w.punct(b + 1, ',') || w.punct(b + 1, ':') ||
       all_not_names(s, a + 1, b)))
    ++a;
  return a;
}

// A place standing for its government: "Moscow", "the Kremlin". True when
// run [a, b] (from `start`, which may hold "the") is one.
bool propose_place(const MentionScan& s, int a, int b, int start, bool definite,
                   std::vector<SpeakerMention>& out) {
  int country = s.place_of(a, b);
  if (country < 0) return false;
  SpeakerMention m = s.make(start, b, MentionKind::place);
  m.country = country;
  m.government = true;
  m.definite = definite;
  m.possessive = s.w.possessive(b);
  m.mention.head = s.tables.countries.names[country];
  m.head_word = s.w.phrase(a, b);
  m.gender = Gender::neuter;
  out.push_back(std::move(m));
  return true;
}

// An organisation name: a run with an organisation head ("Ministry of
// Foreign Affairs of Russia") or a lone acronym. True when run [a, b] is one.
bool propose_organisation(const MentionScan& s, int a, int b, int start,
                          bool definite, std::vector<SpeakerMention>& out) {
  const Words& w = s.w;
  int head = s.org_head_in(a, b);
  if (head < 0 && !(a == b && w.acronym(a))) return false;
  SpeakerMention m = s.make(start, b, MentionKind::organisation);
  s.demonym_at(a, b + 1, &m.country);
  if (m.country < 0) {
    // "Ministry of Foreign Affairs of Russia"
    for (int u = a; u < b; ++u)
      if (w.is(u, s.cls.connector)) {
        int c = s.place_of(u + 1, b);
        if (c >= 0) m.country = c;
      }
  }
  if (head >= 0) {
    const MentionTables::OrgHead& h =
        s.tables.org_heads.at(w.layer().base(head));
    m.government = h.cls == OrgClass::gov;
    m.head_word = h.word;
  } else {
    m.head_word = w.lower(a);
  }
  m.definite = definite;
  m.possessive = w.possessive(b);
  m.gender = Gender::neuter;
  s.set_head_words(a, b, &m.mention.head);
  out.push_back(std::move(m));
  return true;
}

// Titles and demonyms opening run [a, b], recorded in m (title, gender,
// country); returns the first word after them. "Senate Minority Leader Harry
// Reid", "New Jersey Gov. Chris Christie": the words before a title inside
// the run modify the title; the name starts after the last title that still
// has a word after it.
int strip_titles(const MentionScan& s, SpeakerMention& m, int a, int b) {
  const Words& w = s.w;
  int p = a;
  while (p <= b) {
    int k = s.title_at(p, b + 1);
    if (k > 0) {
      s.title_gender(p, p + k - 1, &m.gender);
      const std::string title = w.phrase(p, p + k - 1);
      m.title = m.title.empty() ? title : m.title.str() + ' ' + title;
      p += k;
      continue;
    }
    int c = -1;
    k = s.demonym_at(p, b + 1, &c);
    if (k > 0 && p + k <= b) {
      m.country = c;
      p += k;
      continue;
    }
    break;
  }
  constexpr int kTitleReach = 8;  // words before a title, bounded
  for (int q = std::min(b - 1, p + kTitleReach); q > p; --q) {
    int k = 0;
    for (int r = q; r > p && !k; --r) {
      int len = s.title_at(r, b + 1);
      if (len > 0 && r + len - 1 == q) k = len;
    }
    if (k == 0 || w.is(q + 1, s.cls.connector)) continue;
    const std::string title = w.phrase(p, q);
    s.title_gender(q - k + 1, q, &m.gender);
    m.title = m.title.empty() ? title : m.title.str() + " " + title;
    return q + 1;
  }
  return p;
}

// The last word of the name from p in run [p, b]: a lower-case connector ends
// the name ("Jane Roe of Texas"); written capitalised it is a particle of the
// name ("Le Pen", "Al Franken"). Below p when the name is empty.
int name_end(const MentionScan& s, int p, int b) {
  int end = p;
  while (end <= b && !(s.w.is(end, s.cls.connector) && !s.w.cap(end))) ++end;
  return end - 1;
}

// True when token t is no word of the language pack (an id past the
// vocabulary's: a document-local word) and not plural-looking ("Companies
// say" is a bare plural noun phrase, for the nominal rules).
bool unknown_word(const Words& w, int t) {
  const std::string_view base = w.base(t);
  return w.layer().base(t) >= w.layer().vocabulary().size() && !base.empty() &&
         base.back() != 's';
}

// True when a cue follows token `end`, right after it or over at most three
// lower-case adverbials and auxiliaries ("The Saudis have said", "Breitbart
// also reports").
bool cue_follows(const MentionScan& s, int end) {
  const Words& w = s.w;
  constexpr int kMaxBetween = 3;
  for (int k = end + 1; k <= end + 1 + kMaxBetween && w.same_sentence(end, k);
       ++k) {
    if (s.cue_at(k)) return true;
    if (!w.word(k) || w.cap(k) ||
        !(w.is(k, s.cls.adverbial) || w.is(k, s.cls.auxiliary)))
      return false;
  }
  return false;
}

// True when the name [p, end] of run [a, b] is no name after all.
bool rejected_name(const MentionScan& s, int a, int b, int p, int end) {
  const Words& w = s.w;
  if (p == end && (w.is(p, s.cls.not_name) || w.base_is(p, s.cls.not_alone)))
    return true;
  // A lone capitalised word opening a sentence ("Holding signs, ...",
  // "According to ...") is a name only if the text also writes it as one
  // elsewhere: mid-sentence or inside a longer name, or if it is an unknown
  // word and its cue follows ("Breitbart reports", not "Companies say").
  if (a == b && p == end && !w.same_sentence(p - 1, p) &&
      !s.named_elsewhere(p) && !(cue_follows(s, end) && unknown_word(w, p)))
    return true;
  // "the Iowa county", "a Trump supporter": a lone capitalised word between
  // a determiner and a lower-case word modifies a noun.
  if (a == b && p == end && a > 0 && w.word(a - 1) &&
      w.is(a - 1, s.cls.determiner) && !w.possessive(a) && w.word(a + 1) &&
      !w.cap(a + 1) && !cue_follows(s, a) && !w.is(a + 1, s.cls.connector))
    return true;
  // A demonym alone or in the plural ("Russian", "North Koreans") is no
  // name, unless a cue is next ("The Saudis said": they speak).
  int d = -1;
  const std::string_view last_word = w.base(end);
  const bool speaks = cue_follows(s, end) || s.inverted_cue_at(p - 1);
  if (s.demonym_at(p, end + 1, &d) == end - p + 1 && !speaks) return true;
  if (!speaks && last_word.size() > 1 && last_word.back() == 's') {
    const WordId singular =
        w.layer().vocabulary().find(last_word.substr(0, last_word.size() - 1));
    if (s.phrase_entry_ending(p, end, singular, s.cls.demonym)) return true;
  }
  return false;
}

// Lower-case titles and demonyms before a name: "North Korean leader Kim".
void extend_left(const MentionScan& s, SpeakerMention& m, int start) {
  const Words& w = s.w;
  int t = start - 1;
  int first = start;
  while (t >= 0 && w.same_sentence(t, start) && w.word(t)) {
    int k = 0;
    for (int len = static_cast<int>(s.tables.longest_title); len >= 1 && !k;
         --len)
      if (t - len + 1 >= 0 && w.same_sentence(t - len + 1, start) &&
          s.phrase_entry(t - len + 1, t, s.cls.title))
        k = len;
    if (k > 0) {
      std::string title = w.phrase(t - k + 1, t);
      m.title = m.title.empty() ? title : title + " " + m.title.str();
      s.title_gender(t - k + 1, t, &m.gender);
      t -= k;
      first = t + 1;
      continue;
    }
    int c = -1;
    bool demonym = false;
    for (int len = 3; len >= 1 && !demonym; --len)
      if (t - len + 1 >= 0 && s.demonym_at(t - len + 1, t + 1, &c) == len) {
        m.country = c;
        t -= len;
        first = t + 1;
        demonym = true;
      }
    if (demonym) continue;
    break;
  }
  if (first == start) return;
  if (t >= 0 && w.word(t) && w.is(t, s.cls.article)) first = t;
  m.first = first;
  m.mention.span.begin = w.token(first).span.begin;
}

// Ends person name m at `end` of run [.., b]: a party label or age in
// brackets belongs to the name ("Reid (D-Nev.)"); sets its words and head.
void finish_person(const MentionScan& s, SpeakerMention& m, int p, int end,
                   int b) {
  const Words& w = s.w;
  m.last = end;
  m.mention.span.end = w.token(end).span.end;
  if (end == b && w.punct(end + 1, '(')) {
    for (int k = end + 2;
         k < w.size() && k <= end + 7 && w.same_sentence(end, k); ++k)
      if (w.punct(k, ')')) {
        m.last = k;
        m.mention.span.end = w.token(k).span.end;
        break;
      }
  }
  m.possessive = w.possessive(end);
  m.headline = s.title_case(p);
  std::string head;
  head.reserve(w.token(end).span.end - w.token(p).span.begin);
  for (int u = p; u <= end; ++u) {
    if (w.punct(u, '.') && m.name_word_count > 0) {
      head += '.';  // the initial's dot
      continue;
    }
    if (m.name_word_count++ > 0) head += ' ';
    head += u == end ? w.original_base(u) : s.original(u);
  }
  m.mention.head = head;
  m.head_word = w.base(end);
}

// A person: titles and demonyms first, then the name (up to a connector).
// Only titles ("the President") make a role.
void propose_person(const MentionScan& s, int a, int b, int start,
                    bool definite, std::vector<SpeakerMention>& out) {
  SpeakerMention m = s.make(start, b, MentionKind::name);
  const int p = strip_titles(s, m, a, b);
  const int end = name_end(s, p, b);
  if (p > end) {
    if (!m.title.empty() && p > b) {
      m.mention.kind = MentionKind::role;
      m.role = m.title;
      m.head_word = s.w.lower(b);
      m.definite = definite;
      m.mention.head = m.title;
      out.push_back(std::move(m));
    }
    return;
  }
  if (rejected_name(s, a, b, p, end)) return;
  extend_left(s, m, start);
  finish_person(s, m, p, end, b);
  out.push_back(std::move(m));
}

// One capitalised run [a, b]: a place, an organisation or a person.
void propose_run(const MentionScan& s, int a, int b,
                 std::vector<SpeakerMention>& out) {
  a = run_start(s, a, b);
  if (a > b) return;
  bool definite = a > 0 && s.w.word(a - 1) && s.w.is(a - 1, s.cls.article);
  int start = definite ? a - 1 : a;
  if (propose_place(s, a, b, start, definite, out)) return;
  if (propose_organisation(s, a, b, start, definite, out)) return;
  propose_person(s, a, b, start, definite, out);
}

}  // namespace

void propose_names(const MentionScan& scan, std::vector<SpeakerMention>& out) {
  const int n = scan.w.size();
  for (int t = 0; t < n; ++t) {
    if (!(scan.w.cap(t) || scan.w.acronym(t))) continue;
    const int a = t;
    t = run_end(scan, a);
    propose_run(scan, a, t, out);
  }
}

}  // namespace quotelink::detail
