#include "mentions_scan.h"

#include <algorithm>

#include "cues.h"
#include "unicode.h"

namespace quotelink::detail {

std::string_view Words::original_base(int t) const {
  std::string_view w = text_.substr(token(t).span.begin, token(t).span.size());
  if (possessive(t)) {
    std::size_t cut = w.rfind('\'');
    std::size_t cut2 = w.rfind("\xE2\x80\x99");
    if (cut2 != std::string::npos && (cut == std::string::npos || cut2 > cut))
      cut = cut2;
    if (cut != std::string::npos) w = w.substr(0, cut);
  }
  return w;
}

std::string Words::phrase(int first, int last) const {
  std::string out;
  for (int t = first; t <= last; ++t) {
    if (!out.empty()) out += ' ';
    out += t == last ? base(t) : lower(t);
  }
  return out;
}

const LexiconEntry* MentionScan::phrase_entry(int first, int last,
                                              WordClass c) const {
  return phrase_entry_ending(first, last, w.layer().base(last), c);
}

const LexiconEntry* MentionScan::phrase_entry_ending(int first, int last,
                                                     WordId last_word,
                                                     WordClass c) const {
  const TokenLayer& layer = w.layer();
  const Vocabulary& v = layer.vocabulary();
  const WordId head = first == last ? last_word : layer.word(first);
  if (!v.first_classes(head).has(c)) return nullptr;
  const std::size_t n = static_cast<std::size_t>(last - first + 1);
  for (std::uint32_t e : v.entries_from(head)) {
    const LexiconEntry& entry = v.entries()[e];
    if (entry.words.size() < n) break;  // longest first
    if (entry.words.size() != n || !entry.classes.has(c)) continue;
    bool same = true;
    for (int u = first + 1; same && u <= last; ++u)
      same = entry.words[u - first] == (u == last ? last_word : layer.word(u));
    if (same) return &entry;
  }
  return nullptr;
}

bool MentionScan::title_gender(int first, int last, Gender* gender) const {
  const LexiconEntry* e = phrase_entry(first, last, cls.title);
  if (!e || !facts_of(e).gendered) return false;
  *gender = facts_of(e).gender;
  return true;
}

std::vector<int> MentionScan::positions_of(const std::vector<bool>* starts) {
  std::vector<int> out;
  if (!starts) return out;
  out.reserve(static_cast<std::size_t>(
      std::count(starts->begin(), starts->end(), true)));
  for (std::size_t t = 0; t < starts->size(); ++t)
    if ((*starts)[t]) out.push_back(static_cast<int>(t));
  return out;
}

SpeakerMention MentionScan::make(int first, int last, MentionKind kind) const {
  SpeakerMention m;
  m.first = first;
  m.last = last;
  m.mention.kind = kind;
  m.mention.span = {w.token(first).span.begin, w.token(last).span.end};
  return m;
}

std::string_view MentionScan::original(int t) const {
  const Span& s = w.token(t).span;
  return text.substr(s.begin, s.size());
}

std::string MentionScan::original_span(int first, int last) const {
  const Span a = w.token(first).span, b = w.token(last).span;
  return std::string(text.substr(a.begin, b.end - a.begin));
}

std::string MentionScan::shown_words(int first, int last) const {
  std::string shown;
  for (int k = first; k <= last; ++k) {
    if (!shown.empty() && !w.punct(k, ',') && !percent_sign(k)) shown += ' ';
    shown += original(k);
  }
  return shown;
}

void MentionScan::set_head_words(int first, int last,
                                 CompactString* head) const {
  std::string words;
  if (first <= last)
    words.reserve(w.token(last).span.end - w.token(first).span.begin);
  for (int k = first; k <= last; ++k) {
    if (!words.empty()) words += ' ';
    words += k == last ? w.original_base(k) : original(k);
  }
  *head = words;
}

bool MentionScan::nominal_head(int t) const {
  return w.base_is_any(t, tables.nominal_heads);
}

bool MentionScan::title_case(int t) const {
  if (!title_case_built_) {
    title_case_built_ = true;
    const int sentences = w.sentence_count();
    std::vector<int> words(sentences, 0);
    title_case_.assign(sentences, true);
    for (int u = 0; u < w.size(); ++u) {
      if (!w.word(u)) continue;
      const int sentence = w.token(u).sentence;
      ++words[sentence];
      if (!w.cap(u) && w.lower(u).size() >= kTitleCaseLength)
        title_case_[sentence] = false;
    }
    for (int k = 0; k < sentences; ++k)
      if (words[k] < 3) title_case_[k] = false;
  }
  return t >= 0 && t < w.size() && title_case_[w.token(t).sentence];
}

bool MentionScan::named_elsewhere(int t) const {
  if (!name_words_built_) {
    name_words_built_ = true;
    name_words_.assign(w.layer().id_count(), false);
    for (int u = 0; u < w.size(); ++u) {
      if (!w.cap(u)) continue;
      const bool initial = !w.same_sentence(u - 1, u);
      if (!initial || w.cap(u + 1) || (u > 0 && w.cap(u - 1)))
        name_words_[w.layer().base(u)] = true;
    }
  }
  return name_words_[w.layer().base(t)];
}

bool MentionScan::age_word(int t) const {
  std::size_t length = 0;
  return t >= 0 && t < w.size() && w.token(t).kind == TokenKind::number &&
         is_letter(decode_before(text, w.token(t).span.end, &length));
}

int MentionScan::head_before_cue(int c) const {
  int head = c - 1;
  if (w.punct(head, ',')) {
    int open = head - 1;
    while (open > 0 && head - open <= 3 && w.word(open)) --open;
    if (open < head - 1 && w.punct(open, ',') && w.same_sentence(open, head) &&
        phrase_entry(open + 1, head - 1, cls.aside))
      head = open - 1;
  }
  while (head > 0 && w.word(head) && !w.cap(head) && w.is(head, cls.auxiliary))
    --head;
  // "including 18% who say": the phrase before a relative pronoun.
  if (head > 0 && w.word(head) && !w.cap(head) && w.is(head, cls.relative))
    --head;
  return head;
}

bool MentionScan::percent_sign(int t) const {
  return w.punct(t, '%') && !w.token(t).space_before && t > 0 &&
         w.token(t - 1).kind == TokenKind::number;
}

bool MentionScan::quantity_opener(int t) const {
  if (w.token(t).kind == TokenKind::number) return !age_word(t);
  if (!w.word(t)) return false;
  if (quantity_word(t)) return true;
  // "A majority said", "a third of voters": a determiner before one.
  return w.is(t, cls.determiner) && t + 1 < w.size() && w.word(t + 1) &&
         quantity_word(t + 1);
}

bool MentionScan::quantity_word(int t) const {
  const std::string_view lower = w.lower(t);
  const std::size_t hyphen = lower.find('-');
  if (hyphen == std::string_view::npos) return w.is(t, cls.quantity);
  const Vocabulary& v = w.layer().vocabulary();
  return v.has(v.find(lower.substr(0, hyphen)), cls.quantity);
}

bool MentionScan::determined_over_modifiers(int t) const {
  for (int k = t - 1; k >= 0 && t - k <= 3 && w.same_sentence(k, t); --k) {
    if (!w.word(k) || w.cap(k)) return false;
    if (w.is(k, cls.determiner)) return true;
  }
  return false;
}

bool MentionScan::may_start(int t, WordClass c) const {
  const Vocabulary& v = w.layer().vocabulary();
  return v.first_classes(w.layer().word(t)).has(c) ||
         v.first_classes(w.layer().base(t)).has(c);
}

int MentionScan::title_at(int t, int end) const {
  if (t >= end || !may_start(t, cls.title)) return 0;
  for (int k = static_cast<int>(tables.longest_title); k >= 1; --k) {
    if (t + k > end) continue;
    if (phrase_entry(t, t + k - 1, cls.title)) return k;
  }
  return 0;
}

int MentionScan::demonym_at(int t, int end, int* country) const {
  if (t >= end || !may_start(t, cls.demonym)) return 0;
  for (int k = 3; k >= 1; --k) {
    if (t + k > end) continue;
    bool caps = true;
    for (int u = t; u < t + k; ++u) caps = caps && (w.cap(u) || w.acronym(u));
    if (!caps) continue;
    if (const LexiconEntry* e = phrase_entry(t, t + k - 1, cls.demonym)) {
      *country = facts_of(e).demonym_country;
      return k;
    }
  }
  return 0;
}

int MentionScan::place_of(int first, int last) const {
  const LexiconEntry* e = phrase_entry(first, last, cls.place);
  return e ? facts_of(e).place_country : -1;
}

int MentionScan::org_head_in(int first, int last) const {
  // "Commission of Inquiry": the head before the connector wins.
  for (int t = first; t < last; ++t)
    if (w.is(t, cls.org_head) && w.is(t + 1, cls.connector)) return t;
  if (w.base_is(last, cls.org_head)) return last;
  return -1;
}

}  // namespace quotelink::detail
