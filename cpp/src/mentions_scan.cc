#include "mentions_scan.h"

#include "cues.h"
#include "unicode.h"

namespace quotelink::detail {

Words::Words(std::string_view text, const TextLayout& layout,
             const std::vector<int>& quote_of_token)
    : text_(text), layout_(layout), quote_(quote_of_token) {
  lower_.reserve(layout.tokens.size());
  for (int t = 0; t < size(); ++t)
    lower_.push_back(token_lower(text, layout, t));
}

bool Words::cap(int t) const {
  if (!word(t)) return false;
  std::size_t length = 0;
  return is_upper(decode_at(text_, token(t).span.begin, &length));
}

bool Words::acronym(int t) const {
  if (!word(t)) return false;
  int letters = 0;
  std::string_view s = text_.substr(token(t).span.begin, token(t).span.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    char32_t cp = decode_at(s, i, &length);
    if (is_letter(cp)) {
      if (!is_upper(cp)) return false;
      ++letters;
    } else if (cp != '.' && cp != '-') {
      return false;
    }
    i += length;
  }
  return letters >= 2;
}

bool Words::possessive(int t) const {
  const std::string& w = lower(t);
  return (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) ||
         (w.size() > 1 && w.back() == '\'');
}

std::string Words::base(int t) const {
  std::string w = lower(t);
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0)
    w.resize(w.size() - 2);
  else if (!w.empty() && w.back() == '\'')
    w.pop_back();
  return w;
}

std::string Words::original_base(int t) const {
  std::string w(text_.substr(token(t).span.begin, token(t).span.size()));
  if (possessive(t)) {
    std::size_t cut = w.rfind('\'');
    std::size_t cut2 = w.rfind("\xE2\x80\x99");
    if (cut2 != std::string::npos && (cut == std::string::npos || cut2 > cut))
      cut = cut2;
    if (cut != std::string::npos) w.resize(cut);
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

SpeakerMention MentionScan::make(int first, int last, MentionKind kind) const {
  SpeakerMention m;
  m.first = first;
  m.last = last;
  m.mention.kind = kind;
  m.mention.span = {w.token(first).span.begin, w.token(last).span.end};
  return m;
}

std::string MentionScan::original(int t) const {
  const Span& s = w.token(t).span;
  return std::string(text.substr(s.begin, s.size()));
}

std::string MentionScan::original_span(int first, int last) const {
  const Span a = w.token(first).span, b = w.token(last).span;
  return std::string(text.substr(a.begin, b.end - a.begin));
}

std::string MentionScan::shown_words(int first, int last) const {
  std::string shown;
  for (int k = first; k <= last; ++k)
    shown += (shown.empty() || w.punct(k, ",") || percent_sign(k) ? "" : " ") +
             original(k);
  return shown;
}

bool MentionScan::nominal_head(int t) const {
  const std::string b = w.base(t);
  return tables.roles.count(b) || tables.documents.count(b) ||
         tables.org_heads.count(b);
}

bool MentionScan::named_elsewhere(int t) const {
  if (!name_words_built_) {
    name_words_built_ = true;
    for (int u = 0; u < w.size(); ++u) {
      if (!w.cap(u)) continue;
      const bool initial = !w.same_sentence(u - 1, u);
      if (!initial || w.cap(u + 1) || (u > 0 && w.cap(u - 1)))
        name_words_.insert(w.base(u));
    }
  }
  return name_words_.count(w.base(t)) > 0;
}

bool MentionScan::age_word(int t) const {
  std::size_t length = 0;
  return t >= 0 && t < w.size() && w.token(t).kind == TokenKind::number &&
         is_letter(decode_before(text, w.token(t).span.end, &length));
}

bool MentionScan::cue_at(int t) const {
  return cue_starts && t >= 0 && t < w.size() && (*cue_starts)[t];
}

bool MentionScan::inverted_cue_at(int t) const {
  if (!cue_at(t) || t < 1) return false;
  return w.punct(t - 1, ",") || w.token(t - 1).kind == TokenKind::quote_mark;
}

int MentionScan::head_before_cue(int c) const {
  int head = c - 1;
  if (w.punct(head, ",")) {
    int open = head - 1;
    while (open > 0 && head - open <= 3 && w.word(open)) --open;
    if (open < head - 1 && w.punct(open, ",") && w.same_sentence(open, head) &&
        tables.asides.count(w.phrase(open + 1, head - 1)))
      head = open - 1;
  }
  while (head > 0 && w.word(head) && !w.cap(head) &&
         tables.auxiliaries.count(w.lower(head)))
    --head;
  // "including 18% who say": the phrase before a relative pronoun.
  if (head > 0 && w.word(head) && !w.cap(head) &&
      tables.relatives.count(w.lower(head)))
    --head;
  return head;
}

bool MentionScan::percent_sign(int t) const {
  return w.punct(t, "%") && !w.token(t).space_before && t > 0 &&
         w.token(t - 1).kind == TokenKind::number;
}

bool MentionScan::quantity_opener(int t) const {
  if (w.token(t).kind == TokenKind::number) return !age_word(t);
  if (!w.word(t)) return false;
  if (quantity_word(t)) return true;
  // "A majority said", "a third of voters": a determiner before one.
  return tables.determiners.count(w.lower(t)) && t + 1 < w.size() &&
         w.word(t + 1) && quantity_word(t + 1);
}

bool MentionScan::quantity_word(int t) const {
  const std::string& lower = w.lower(t);
  return tables.quantities.count(lower.substr(0, lower.find('-'))) > 0;
}

bool MentionScan::determined_over_modifiers(int t) const {
  for (int k = t - 1; k >= 0 && t - k <= 3 && w.same_sentence(k, t); --k) {
    if (!w.word(k) || w.cap(k)) return false;
    if (tables.determiners.count(w.lower(k))) return true;
  }
  return false;
}

int MentionScan::title_at(int t, int end) const {
  for (int k = static_cast<int>(tables.longest_title); k >= 1; --k) {
    if (t + k > end) continue;
    if (tables.titles.count(w.phrase(t, t + k - 1))) return k;
  }
  return 0;
}

int MentionScan::demonym_at(int t, int end, int* country) const {
  for (int k = 3; k >= 1; --k) {
    if (t + k > end) continue;
    bool caps = true;
    for (int u = t; u < t + k; ++u) caps = caps && (w.cap(u) || w.acronym(u));
    if (!caps) continue;
    auto it = tables.demonym_country.find(w.phrase(t, t + k - 1));
    if (it != tables.demonym_country.end()) {
      *country = it->second;
      return k;
    }
  }
  return 0;
}

int MentionScan::place_of(int first, int last) const {
  auto it = tables.place_country.find(w.phrase(first, last));
  return it == tables.place_country.end() ? -1 : it->second;
}

int MentionScan::org_head_in(int first, int last) const {
  // "Commission of Inquiry": the head before the connector wins.
  for (int t = first; t < last; ++t)
    if (tables.org_heads.count(w.lower(t)) &&
        tables.connectors.count(w.lower(t + 1)))
      return t;
  if (tables.org_heads.count(w.base(last))) return last;
  return -1;
}

}  // namespace quotelink::detail
