// The mention stage's overlap resolution and its refining rules: what the
// resolved mentions say about each other (apposition, coordination, document
// owners) and about their sentence (subjects, a following auxiliary).
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "mentions_scan.h"

namespace quotelink::detail {

namespace {

// Puts `items` in the order `order` gives (new i = old order[i]) in place,
// one move per item along each cycle of the permutation: no second array of
// items lives beside the first (the mention stage's peak, issue #19).
void permute_in_place(std::vector<SpeakerMention>& items,
                      const std::vector<std::size_t>& order) {
  std::vector<bool> placed(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (placed[i]) continue;
    placed[i] = true;
    if (order[i] == i) continue;
    SpeakerMention first = std::move(items[i]);
    std::size_t j = i;
    for (; order[j] != i; j = order[j]) {
      items[j] = std::move(items[order[j]]);
      placed[order[j]] = true;
    }
    items[j] = std::move(first);
  }
}

}  // namespace

std::vector<SpeakerMention> resolve_overlaps(
    std::vector<SpeakerMention> found) {
  // The order by start, longer first, as indices: a mention is moved once
  // into its place, not by every step of the sort.
  std::vector<std::size_t> order(found.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) {
                     const SpeakerMention& a = found[i];
                     const SpeakerMention& b = found[j];
                     if (a.first != b.first) return a.first < b.first;
                     return a.last > b.last;
                   });
  permute_in_place(found, order);
  // The kept mentions are found[0, kept), a stack whose top is the last
  // kept one; kept <= r, so a mention moves only down.
  std::size_t kept = 0;
  for (std::size_t r = 0; r < found.size(); ++r) {
    SpeakerMention& m = found[r];
    while (kept > 0 && found[kept - 1].last >= m.first) {
      SpeakerMention& prev = found[kept - 1];
      if (prev.first <= m.first && prev.last >= m.last) break;  // m inside
      if (m.first <= prev.first && m.last >= prev.last) {
        --kept;  // prev inside m
        continue;
      }
      // "Wyoming GOP chairman" + "chairman Matt Micheli": the role's
      // modifiers belong to the name that shares its title.
      if (m.mention.kind == MentionKind::name &&
          prev.mention.kind == MentionKind::role && prev.first < m.first &&
          prev.last < m.last && !prev.possessive) {
        m.first = prev.first;
        m.mention.span.begin = prev.mention.span.begin;
        --kept;
        continue;
      }
      // Partial overlap: keep the longer.
      if (m.last - m.first > prev.last - prev.first) {
        --kept;
        continue;
      }
      break;
    }
    if (kept > 0 && found[kept - 1].last >= m.first) continue;
    if (kept != r) found[kept] = std::move(m);
    ++kept;
  }
  found.erase(found.begin() + static_cast<std::ptrdiff_t>(kept), found.end());
  return found;
}

// Role and organisation phrases joined by a coordinator (and a comma list)
// right before a speech verb speak together: "Her advisers and allies say",
// "Friends, lobbyists and former foes say". Names keep their own mentions
// ("Clinton and Sanders said"), and a quantity after "and" opens a clause of
// its own ("... were satisfied and 60 percent said").
void join_coordinate_subjects(const MentionScan& s,
                              std::vector<SpeakerMention>& ms) {
  const Words& w = s.w;
  auto conjunct = [&](const SpeakerMention& m) {
    return (m.mention.kind == MentionKind::role ||
            m.mention.kind == MentionKind::organisation) &&
           !m.possessive && !s.quantity_opener(m.first);
  };
  for (std::size_t i = 1; i < ms.size(); ++i) {
    const int c = ms[i].last + 1;
    if (!s.cue_at(c) || !conjunct(ms[i])) continue;
    const int link = ms[i].first - 1;
    if (!w.word(link) || !w.is(link, s.cls.coordinator) ||
        !w.same_sentence(link, c))
      continue;
    std::size_t j = i - 1;
    if (ms[j].last != link - 1 || !conjunct(ms[j])) continue;
    // "Friends, lobbyists and former foes": earlier conjuncts by commas.
    while (j > 0 && w.punct(ms[j].first - 1, ',') &&
           ms[j - 1].last == ms[j].first - 2 && conjunct(ms[j - 1]) &&
           w.same_sentence(ms[j - 1].last, c))
      --j;
    SpeakerMention m = ms[i];
    m.first = ms[j].first;
    m.mention.span.begin = ms[j].mention.span.begin;
    m.mention.kind = MentionKind::role;
    m.plural = true;
    m.definite = ms[j].definite;
    m.gender = Gender::unknown;
    m.country = -1;
    m.government = false;
    m.mention.head = s.original_span(m.first, m.last);
    ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(j),
             ms.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    ms.insert(ms.begin() + static_cast<std::ptrdiff_t>(j), std::move(m));
    i = j;
  }
}

// "the Russian Ministry of Foreign Affairs website said": a lower-case
// document noun between an issuer's name and a speech verb joins the name,
// which then speaks (the frame needs a mention ending before the verb).
void join_issuer_documents(const MentionScan& s,
                           std::vector<SpeakerMention>& ms) {
  const Words& w = s.w;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    SpeakerMention& o = ms[i];
    const int t = o.last + 1;
    if ((o.mention.kind != MentionKind::organisation &&
         o.mention.kind != MentionKind::place) ||
        o.possessive || !w.word(t) || w.cap(t) || !w.same_sentence(o.last, t) ||
        !w.is(t, s.cls.document) || !s.cue_at(t + 1) ||
        (i + 1 < ms.size() && ms[i + 1].first <= t))
      continue;
    o.last = t;
    o.mention.span.end = w.token(t).span.end;
  }
}

// A mention opening its sentence, or right after an opening phrase closed by
// a comma ("On Thursday, Lavrov said"), is the sentence's likely subject.
// "Speaking in Columbia, Sanders said": when the opening phrase holds a
// mention of its own, the first mention after the phrase's comma (the
// sentence's first comma, within kOpeningPhrase tokens) is the subject.
void mark_sentence_subjects(const MentionScan& s,
                            std::vector<SpeakerMention>& ms) {
  constexpr int kOpeningPhrase = 12;
  const Words& w = s.w;
  int previous_sentence = -1;
  bool has_subject = false;
  for (SpeakerMention& m : ms) {
    const int sentence = w.token(m.first).sentence;
    // "his": a possessive pronoun is never its sentence's subject.
    if (m.possessive && m.mention.kind == MentionKind::pronoun) continue;
    bool first_in_sentence = sentence != previous_sentence;
    if (first_in_sentence) has_subject = false;
    previous_sentence = sentence;
    int k = m.first - 1;
    if (k < 0 || !w.same_sentence(k, m.first)) {
      m.subject = true;
    } else if (first_in_sentence && w.punct(k, ',')) {
      m.subject = true;
    } else if (first_in_sentence && w.word(k) &&
               (k == 0 || !w.same_sentence(k - 1, k))) {
      m.subject = true;  // "But Lavrov said"
    } else if (!first_in_sentence && !has_subject && w.punct(k, ',')) {
      int j = k - 1;
      while (j >= 0 && k - j <= kOpeningPhrase && w.same_sentence(j, k) &&
             !w.punct(j, ','))
        --j;
      m.subject = j < 0 || !w.same_sentence(j, k);
    }
    has_subject = has_subject || m.subject;
  }
}

// "the bill would pass": an auxiliary or modal right after a mention in its
// sentence makes it a clause's subject.
void mark_before_auxiliaries(const MentionScan& s,
                             std::vector<SpeakerMention>& ms) {
  const Words& w = s.w;
  for (SpeakerMention& m : ms)
    m.before_auxiliary = w.word(m.last + 1) &&
                         w.same_sentence(m.last, m.last + 1) &&
                         w.is(m.last + 1, s.cls.auxiliary);
}

// "Hugh Hill, a doctor," / "Kim's special envoy, Choe Ryong-hae.": a name and
// an indefinite role (or a role and a name) side by side, set off by commas
// or ending the sentence, are tied.
void tie_appositions(const MentionScan& s, std::vector<SpeakerMention>& ms) {
  const Words& w = s.w;
  for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
    SpeakerMention& a = ms[i];
    SpeakerMention& b = ms[i + 1];
    if (!w.punct(a.last + 1, ',') || !w.same_sentence(a.last, b.first))
      continue;
    int gap = b.first - (a.last + 2);
    bool one_of = gap == 2 && w.word(a.last + 3) &&
                  s.phrase_entry(a.last + 2, a.last + 3, s.cls.partitive);
    if (gap != 0 && !one_of) continue;
    int after = b.last + 1;
    bool closed = after >= w.size() || !w.same_sentence(b.last, after) ||
                  w.punct(after, ',') || w.punct(after, '.') ||
                  w.punct(after, ';') ||
                  w.token(after).kind == TokenKind::quote_mark;
    if (!closed) continue;
    bool a_name = a.mention.kind == MentionKind::name ||
                  a.mention.kind == MentionKind::organisation;
    bool b_name = b.mention.kind == MentionKind::name;
    if ((a_name && b.mention.kind == MentionKind::role &&
         (!b.definite || one_of)) ||
        (a.mention.kind == MentionKind::role && b_name)) {
      a.appositive = static_cast<int>(i + 1);
      b.appositive = static_cast<int>(i);
    }
  }
}

// "A statement on the Russian Ministry of Foreign Affairs website": a
// document followed by a link word and an organisation, place or name is
// that one's.
void link_document_owners(const MentionScan& s,
                          std::vector<SpeakerMention>& ms) {
  const Words& w = s.w;
  for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
    SpeakerMention& d = ms[i];
    if (d.mention.kind != MentionKind::document) continue;
    const SpeakerMention& o = ms[i + 1];
    if (o.mention.kind != MentionKind::organisation &&
        o.mention.kind != MentionKind::place &&
        o.mention.kind != MentionKind::name)
      continue;
    int link = d.last + 1;
    if (!w.word(link) || !w.is(link, s.cls.doclink)) continue;
    if (o.first - link > 2 || !w.same_sentence(d.last, o.first)) continue;
    d.owner = static_cast<int>(i + 1);
  }
}

}  // namespace quotelink::detail
