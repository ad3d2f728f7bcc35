// Mention rule "nominals": noun phrases around a role, organisation or
// document head noun ("the Russian foreign ministry", "Kim's special envoy").
#include "mentions_scan.h"

namespace quotelink::detail {

namespace {

// What a head noun is, from the tables.
struct NominalHead {
  MentionKind kind = MentionKind::role;
  MentionTables::Role role;  ///< for a role head
  bool government = false;   ///< for an organisation head
};

// Classifies word t by its base; false when it heads no nominal.
bool classify_head(const MentionScan& s, int t, NominalHead* out) {
  const Words& w = s.w;
  if (!w.base_is_any(t, s.tables.nominal_heads)) return false;
  if (w.base_is(t, s.cls.role)) {
    out->kind = MentionKind::role;
    out->role = s.tables.roles.at(w.layer().base(t));
  } else if (w.base_is(t, s.cls.document)) {
    out->kind = MentionKind::document;
  } else if (w.base_is(t, s.cls.org_head)) {
    out->kind = MentionKind::organisation;
    out->government =
        s.tables.org_heads.at(w.layer().base(t)).cls == OrgClass::gov;
  } else {
    return false;
  }
  return true;
}

// True when head noun t heads no phrase of its own: capitalised heads belong
// to names unless they open a sentence or follow a determiner, possibly over
// lower-case modifiers ("one senior Democrat"); a head followed by another
// head is a modifier ("the commission report").
bool not_a_phrase_head(const MentionScan& s, int t) {
  const Words& w = s.w;
  if (w.cap(t) && t > 0 && w.same_sentence(t - 1, t) && !w.punct(t - 1, ',') &&
      !(w.word(t - 1) && (w.cap(t - 1) || s.determined_over_modifiers(t))))
    return true;
  return !w.possessive(t) && w.word(t + 1) && w.same_sentence(t, t + 1) &&
         !w.cap(t + 1) && s.nominal_head(t + 1);
}

// The left edge of the phrase headed by t.
struct NominalPhrase {
  int start = 0;       ///< a determiner or possessor, when determined
  int caps_start = 0;  ///< left edge of capitalised modifiers next to the head
  bool definite = false;
  bool determined = false;
  int possessor = -1;       ///< the possessive word, or -1
  int modifiers_start = 0;  ///< left edge of all modifiers next to the head
};

// A possessive word k determines the phrase: "Mrs. Clinton's confidants",
// "the United States' envoy": the possessor's whole name belongs to it.
void take_possessor(const MentionScan& s, int k, NominalPhrase& p) {
  const Words& w = s.w;
  p.start = k;
  p.determined = true;
  p.definite = true;
  p.possessor = k;
  while (w.same_sentence(p.start - 1, k) &&
         (w.cap(p.start - 1) || w.acronym(p.start - 1)) &&
         !w.possessive(p.start - 1) && !w.is(p.start - 1, s.cls.not_name))
    --p.start;
  if (p.start < k && w.word(p.start - 1) && w.is(p.start - 1, s.cls.article) &&
      w.same_sentence(p.start - 1, k))
    --p.start;
}

// Scans left of head t over at most seven words for a determiner or a
// possessor, through modifiers.
NominalPhrase left_edge(const MentionScan& s, int t) {
  const Words& w = s.w;
  NominalPhrase p;
  p.start = t;
  p.caps_start = t;
  p.modifiers_start = t;
  bool caps_only = true;
  for (int k = t - 1; k >= 0 && t - k <= 7 && w.same_sentence(k, t); --k) {
    // "The senator told reporters": a speech verb after a head noun ends
    // the phrase ("the White House press secretary" goes on).
    if (!w.word(k) || (s.cue_at(k) && !w.cap(k) && w.word(k - 1) &&
                       !w.cap(k - 1) && s.nominal_head(k - 1)))
      break;
    const std::string_view lk = w.lower(k);
    if (w.is(k, s.cls.determiner) && !w.possessive(k)) {
      p.start = k;
      p.determined = true;
      p.definite = w.is(k, s.cls.definite);
      break;
    }
    if (w.possessive(k)) {
      take_possessor(s, k, p);
      break;
    }
    if (w.cap(k) || w.acronym(k)) {
      if (w.is(k, s.cls.not_name) &&
          !(w.is(k, s.cls.name_opener) && w.cap(k + 1)))
        break;
      if (caps_only) p.caps_start = k;
      p.modifiers_start = k;
      continue;
    }
    // A lower-case word that is no name may still modify the head ("the
    // new report": mention_modifier).
    if ((w.is(k, s.cls.not_name) && !w.is(k, s.cls.modifier)) ||
        w.is(k, s.cls.pronoun) || w.is(k, s.cls.connector) || lk.size() < 2 ||
        s.tables.manner_suffixes.ends(lk, 1))
      break;
    caps_only = false;
    p.modifiers_start = k;
  }
  return p;
}

// The country of nominal m from phrase p headed by t: a demonym among the
// modifiers ("the Russian foreign ministry") or a possessor that is a place
// ("Russia's envoy"). Returns the first word of the role after demonyms.
int set_country(const MentionScan& s, SpeakerMention& m, const NominalPhrase& p,
                int t) {
  int country = -1;
  int role_first = p.possessor >= 0 ? p.possessor + 1
                                    : (p.determined ? p.start + 1 : p.start);
  for (int k = role_first; k < t; ++k) {
    int c = -1;
    int len = s.demonym_at(k, t, &c);
    if (len > 0) {
      country = c;
      role_first = k + len;
      k += len - 1;
    }
  }
  if (p.possessor >= 0) {
    int c = s.place_of(p.possessor, p.possessor);
    if (c < 0) {
      int f = p.possessor;
      while (f - 1 >= p.start && s.w.cap(f - 1)) --f;
      c = s.place_of(f, p.possessor);
    }
    if (c >= 0) country = c;
  }
  m.country = country;
  return role_first;
}

// The nominal mention of phrase p headed by word t.
SpeakerMention nominal_mention(const MentionScan& s, const NominalPhrase& p,
                               int t, std::string_view head,
                               const NominalHead& h) {
  const Words& w = s.w;
  SpeakerMention m = s.make(p.start, t, h.kind);
  m.definite = p.definite;
  m.plural = h.role.plural || (h.kind == MentionKind::organisation &&
                               w.base_is(t, s.cls.plural_organisation));
  m.gender = h.kind == MentionKind::role ? h.role.gender : Gender::neuter;
  m.government = h.government;
  m.possessive = w.possessive(t);
  const int role_first = set_country(s, m, p, t);
  m.head_word =
      h.kind == MentionKind::role ? h.role.singular : std::string(head);
  m.role = role_first <= t ? w.phrase(role_first, t) : std::string(head);
  if (h.kind == MentionKind::role && h.role.plural) {
    std::size_t cut = m.role.rfind(' ');
    m.role = (cut == CompactString::npos
                  ? std::string()
                  : std::string(m.role.view().substr(0, cut + 1))) +
             h.role.singular;
  }
  s.set_head_words(p.determined && p.possessor < 0 ? p.start + 1 : p.start, t,
                   &m.mention.head);
  return m;
}

}  // namespace

void propose_nominals(const MentionScan& scan,
                      std::vector<SpeakerMention>& out) {
  const Words& w = scan.w;
  const int n = w.size();
  for (int t = 0; t < n; ++t) {
    if (!w.word(t) || !w.base_is_any(t, scan.tables.nominal_heads)) continue;
    NominalHead h;
    if (!classify_head(scan, t, &h) || not_a_phrase_head(scan, t)) continue;
    const std::string_view head = w.base(t);
    NominalPhrase p = left_edge(scan, t);
    if (!p.determined) {
      // An undetermined singular needs capitalised modifiers, unless it is
      // a document with modifiers right before its speech verb ("as new
      // satellite imagery suggested"): a mass noun needs no determiner.
      const bool cited = h.kind == MentionKind::document && scan.cue_at(t + 1);
      p.start = cited ? p.modifiers_start : p.caps_start;
      if (p.start == t && !h.role.plural) continue;
    }
    if (p.start == t && h.kind != MentionKind::role) continue;
    out.push_back(nominal_mention(scan, p, t, head, h));
  }
}

}  // namespace quotelink::detail
