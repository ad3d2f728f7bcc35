#include "mentions.h"

#include <algorithm>

#include "cues.h"
#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find('\t', start);
    cols.push_back(
        line.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return cols;
}

Gender gender_of(const std::string& code) {
  if (code == "m") return Gender::male;
  if (code == "f") return Gender::female;
  if (code == "n") return Gender::neuter;
  return Gender::unknown;
}

std::size_t word_count(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// Tokens of one text with cached lower-case forms; all look-ups go through it.
class Words {
 public:
  Words(std::string_view text, const TextLayout& layout,
        const std::vector<int>& quote_of_token)
      : text_(text), layout_(layout), quote_(quote_of_token) {
    lower_.reserve(layout.tokens.size());
    for (int t = 0; t < size(); ++t)
      lower_.push_back(token_lower(text, layout, t));
  }
  int size() const { return static_cast<int>(layout_.tokens.size()); }
  const std::string& lower(int t) const { return lower_[t]; }
  const Token& token(int t) const { return layout_.tokens[t]; }
  bool word(int t) const {
    return t >= 0 && t < size() && token(t).kind == TokenKind::word &&
           quote_[t] < 0;
  }
  // Inside a quotation's marks (or a mark itself).
  bool quoted(int t) const {
    return t >= 0 && t < size() &&
           (quote_[t] >= 0 || token(t).kind == TokenKind::quote_mark);
  }
  bool cap(int t) const {
    if (!word(t)) return false;
    std::size_t length = 0;
    return is_upper(decode_at(text_, token(t).span.begin, &length));
  }
  bool acronym(int t) const {
    if (!word(t)) return false;
    int letters = 0;
    std::string_view s =
        text_.substr(token(t).span.begin, token(t).span.size());
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
  // "Russia's", "Koreas'": the word is a possessor.
  bool possessive(int t) const {
    const std::string& w = lower(t);
    return (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) ||
           (w.size() > 1 && w.back() == '\'');
  }
  std::string base(int t) const {  // without a possessive ending
    std::string w = lower(t);
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0)
      w.resize(w.size() - 2);
    else if (!w.empty() && w.back() == '\'')
      w.pop_back();
    return w;
  }
  std::string original_base(int t) const {
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
  bool same_sentence(int a, int b) const {
    return a >= 0 && b >= 0 && a < size() && b < size() &&
           token(a).sentence == token(b).sentence;
  }
  bool punct(int t, std::string_view p) const {
    return t >= 0 && t < size() && token(t).kind == TokenKind::punctuation &&
           text_.substr(token(t).span.begin, token(t).span.size()) == p;
  }
  // Lower-case words first..last joined by spaces (possessive ending dropped).
  std::string phrase(int first, int last) const {
    std::string out;
    for (int t = first; t <= last; ++t) {
      if (!out.empty()) out += ' ';
      out += t == last ? base(t) : lower(t);
    }
    return out;
  }

 private:
  std::string_view text_;
  const TextLayout& layout_;
  const std::vector<int>& quote_;
  std::vector<std::string> lower_;
};

// Longest entry of `set` (in words, at most `longest`) starting at t and
// ending before `end`; returns its word count or 0.
int match_at(const Words& w, int t, int end, std::size_t longest,
             const std::unordered_set<std::string>& set) {
  for (int k = static_cast<int>(longest); k >= 1; --k) {
    if (t + k > end) continue;
    if (set.count(w.phrase(t, t + k - 1))) return k;
  }
  return 0;
}

int demonym_at(const Words& w, int t, int end, const MentionTables& tables,
               int* country) {
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

int place_of(const Words& w, int first, int last, const MentionTables& tables) {
  auto it = tables.place_country.find(w.phrase(first, last));
  return it == tables.place_country.end() ? -1 : it->second;
}

// Index of the org head inside [first, last] that makes it an organisation name
// (the last word, or a head followed by "of"/"for"), or -1.
int org_head_in(const Words& w, int first, int last,
                const MentionTables& tables) {
  // "Commission of Inquiry": the head before the connector wins.
  for (int t = first; t < last; ++t)
    if (tables.org_heads.count(w.lower(t)) &&
        tables.connectors.count(w.lower(t + 1)))
      return t;
  if (tables.org_heads.count(w.base(last))) return last;
  return -1;
}

class Finder {
 public:
  Finder(std::string_view text, const TextLayout& layout,
         const std::vector<int>& quote_of_token, const MentionTables& tables,
         const std::vector<bool>* cue_starts)
      : text_(text),
        w_(text, layout, quote_of_token),
        tables_(tables),
        cue_starts_(cue_starts) {}

  std::vector<SpeakerMention> run() {
    names();
    nominals();
    quantity_subjects();
    cue_subjects();
    bare_subjects();
    cue_objects();
    pronouns();
    std::vector<SpeakerMention> out = resolve_overlaps();
    coordinate_subjects(out);
    issuer_documents(out);
    mark_subjects(out);
    for (SpeakerMention& m : out)
      m.before_auxiliary = w_.word(m.last + 1) &&
                           w_.same_sentence(m.last, m.last + 1) &&
                           tables_.auxiliaries.count(w_.lower(m.last + 1));
    appositions(out);
    document_owners(out);
    return out;
  }

 private:
  SpeakerMention make(int first, int last, MentionKind kind) const {
    SpeakerMention m;
    m.first = first;
    m.last = last;
    m.mention.kind = kind;
    m.mention.span = {w_.token(first).span.begin, w_.token(last).span.end};
    return m;
  }

  bool nominal_head(int t) const {
    const std::string b = w_.base(t);
    return tables_.roles.count(b) || tables_.documents.count(b) ||
           tables_.org_heads.count(b);
  }

  // Capitalised runs: names, organisations, places.
  void names() {
    const int n = w_.size();
    for (int t = 0; t < n; ++t) {
      if (!(w_.cap(t) || w_.acronym(t))) continue;
      int a = t, b = t;
      while (!w_.possessive(b)) {
        int next = b + 1;
        if (w_.same_sentence(b, next) && (w_.cap(next) || w_.acronym(next))) {
          b = next;
          continue;
        }
        // A middle initial: "Harry M. Reid".
        if (b > a || w_.cap(b)) {
          if (w_.token(b).span.size() == 1 && w_.punct(next, ".") &&
              w_.cap(next + 1)) {
            b = next + 1;
            continue;
          }
        }
        // A connector (and "the" after it) between capitalised words.
        if (w_.word(next) && tables_.connectors.count(w_.lower(next)) &&
            !w_.cap(next)) {
          int after = next + 1;
          if (w_.word(after) && w_.lower(after) == "the") ++after;
          if (w_.same_sentence(b, after) && w_.cap(after)) {
            b = after;
            continue;
          }
        }
        break;
      }
      t = b;
      run(a, b);
    }
  }

  void run(int a, int b) {
    // Leading function words and sentence-initial nominal heads are no name.
    while (a <= b && (tables_.not_names.count(w_.lower(a)) ||
                      (nominal_head(a) && !w_.acronym(a) &&
                       (a == b || (!w_.cap(a + 1) && !tables_.connectors.count(
                                                         w_.lower(a + 1))))))) {
      if (tables_.titles.count(w_.lower(a)) && a < b && w_.cap(a + 1)) break;
      if (tables_.name_openers.count(w_.lower(a)) && a < b && w_.cap(a + 1))
        break;
      ++a;
    }
    if (a > b) return;
    // "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal:": three or more
    // words in capitals are a heading run into the text, not a name.
    int capital_words = 0;
    for (int u = a; u <= b; ++u) capital_words += w_.acronym(u) ? 1 : 0;
    if (capital_words >= 3) return;
    // "Said Jane Roe, "..."": a sentence-opening speech verb before the name.
    if (a < b && cue_at(a) && !w_.same_sentence(a - 1, a) &&
        (w_.punct(b + 1, ",") || w_.punct(b + 1, ":")))
      ++a;
    bool definite = a > 0 && w_.word(a - 1) && w_.lower(a - 1) == "the";
    int start = definite ? a - 1 : a;
    // A place standing for its government: "Moscow", "the Kremlin".
    int country = place_of(w_, a, b, tables_);
    if (country >= 0) {
      SpeakerMention m = make(start, b, MentionKind::place);
      m.country = country;
      m.government = true;
      m.definite = definite;
      m.possessive = w_.possessive(b);
      m.mention.head = tables_.countries[country].name;
      m.head_word = w_.phrase(a, b);
      m.gender = Gender::neuter;
      found_.push_back(std::move(m));
      return;
    }
    int head = org_head_in(w_, a, b, tables_);
    if (head >= 0 || (a == b && w_.acronym(a))) {
      SpeakerMention m = make(start, b, MentionKind::organisation);
      int k = demonym_at(w_, a, b + 1, tables_, &m.country);
      if (m.country < 0) {
        // "Ministry of Foreign Affairs of Russia"
        for (int u = a; u < b; ++u)
          if (tables_.connectors.count(w_.lower(u))) {
            int c = place_of(w_, u + 1, b, tables_);
            if (c >= 0) m.country = c;
          }
      }
      if (head >= 0) {
        auto it = tables_.org_heads.find(w_.base(head));
        m.government = it->second == OrgClass::gov;
        m.head_word = it->first;
      } else {
        m.head_word = w_.lower(a);
      }
      (void)k;
      m.definite = definite;
      m.possessive = w_.possessive(b);
      m.gender = Gender::neuter;
      std::string name;
      for (int u = a; u <= b; ++u) {
        if (!name.empty()) name += ' ';
        name += u == b ? w_.original_base(u) : original(u);
      }
      m.mention.head = name;
      found_.push_back(std::move(m));
      return;
    }
    // A person: titles and demonyms first, then the name (up to a connector).
    SpeakerMention m = make(start, b, MentionKind::name);
    int p = a;
    while (p <= b) {
      int k = match_at(w_, p, b + 1, tables_.longest_title, tables_.titles);
      if (k > 0) {
        std::string title = w_.phrase(p, p + k - 1);
        auto g = tables_.title_gender.find(title);
        if (g != tables_.title_gender.end()) m.gender = g->second;
        if (!m.title.empty()) m.title += ' ';
        m.title += title;
        p += k;
        continue;
      }
      int c = -1;
      k = demonym_at(w_, p, b + 1, tables_, &c);
      if (k > 0 && p + k <= b) {
        m.country = c;
        p += k;
        continue;
      }
      break;
    }
    // "Senate Minority Leader Harry Reid", "New Jersey Gov. Chris Christie":
    // the words before a title inside the run modify the title; the name
    // starts after the last title that still has a word after it.
    constexpr int kTitleReach = 8;  // words before a title, bounded
    for (int q = std::min(b - 1, p + kTitleReach); q > p; --q) {
      int k = 0;
      for (int r = q; r > p && !k; --r) {
        int len = match_at(w_, r, b + 1, tables_.longest_title, tables_.titles);
        if (len > 0 && r + len - 1 == q) k = len;
      }
      if (k == 0 || tables_.connectors.count(w_.lower(q + 1))) continue;
      const std::string title = w_.phrase(p, q);
      auto g = tables_.title_gender.find(w_.phrase(q - k + 1, q));
      if (g != tables_.title_gender.end()) m.gender = g->second;
      m.title += (m.title.empty() ? "" : " ") + title;
      p = q + 1;
      break;
    }
    // A lower-case connector ends the name ("Jane Roe of Texas"); written
    // capitalised it is a particle of the name ("Le Pen", "Al Franken").
    int end = p;
    while (end <= b &&
           !(tables_.connectors.count(w_.lower(end)) && !w_.cap(end)))
      ++end;
    --end;
    if (p > end) {
      // Only titles: "the President" is a role.
      if (!m.title.empty() && p > b) {
        m.mention.kind = MentionKind::role;
        m.role = m.title;
        m.head_word = w_.lower(b);
        m.definite = definite;
        m.mention.head = m.title;
        found_.push_back(std::move(m));
      }
      return;
    }
    if (p == end && (tables_.not_names.count(w_.lower(p)) ||
                     tables_.not_alone.count(w_.base(p))))
      return;
    // A lone capitalised word opening a sentence ("Holding signs, ...",
    // "According to ...") is a name only if the text also writes it as one
    // elsewhere: mid-sentence or inside a longer name.
    if (a == b && p == end && !w_.same_sentence(p - 1, p) &&
        !named_elsewhere(p))
      return;
    // "the Iowa county", "a Trump supporter": a lone capitalised word between
    // a determiner and a lower-case word modifies a noun.
    if (a == b && p == end && a > 0 && w_.word(a - 1) &&
        tables_.determiners.count(w_.lower(a - 1)) && !w_.possessive(a) &&
        w_.word(a + 1) && !w_.cap(a + 1) && !cue_at(a + 1) &&
        !tables_.connectors.count(w_.lower(a + 1)))
      return;
    // A demonym alone or in the plural ("Russian", "North Koreans") is no name.
    int d = -1;
    std::string last_word = w_.base(end);
    if (demonym_at(w_, p, end + 1, tables_, &d) == end - p + 1 &&
        !cue_at(end + 1) && !inverted_cue_at(p - 1))
      return;
    if (last_word.size() > 1 && last_word.back() == 's') {
      std::string phrase = w_.phrase(p, end);
      if (tables_.demonym_country.count(phrase.substr(0, phrase.size() - 1)))
        return;
    }
    extend_left(m, start);
    m.last = end;
    m.mention.span.end = w_.token(end).span.end;
    // A party label or age in brackets belongs to the name: "Reid (D-Nev.)".
    if (end == b && w_.punct(end + 1, "(")) {
      for (int k = end + 2;
           k < w_.size() && k <= end + 7 && w_.same_sentence(end, k); ++k)
        if (w_.punct(k, ")")) {
          m.last = k;
          m.mention.span.end = w_.token(k).span.end;
          break;
        }
    }
    m.possessive = w_.possessive(end);
    for (int u = p; u <= end; ++u) {
      if (w_.punct(u, ".") && !m.name_words.empty()) {
        m.name_words.back() += '.';  // the initial's dot
        continue;
      }
      m.name_words.push_back(u == end ? w_.original_base(u) : original(u));
    }
    std::string name;
    for (const std::string& word : m.name_words)
      name += (name.empty() ? "" : " ") + word;
    m.mention.head = name;
    m.head_word = w_.base(end);
    found_.push_back(std::move(m));
  }

  // Lower-case titles and demonyms before a name: "North Korean leader Kim".
  void extend_left(SpeakerMention& m, int start) {
    int t = start - 1;
    int first = start;
    while (t >= 0 && w_.same_sentence(t, start) && w_.word(t)) {
      int k = 0;
      for (int len = static_cast<int>(tables_.longest_title); len >= 1 && !k;
           --len)
        if (t - len + 1 >= 0 && w_.same_sentence(t - len + 1, start) &&
            tables_.titles.count(w_.phrase(t - len + 1, t)))
          k = len;
      if (k > 0) {
        std::string title = w_.phrase(t - k + 1, t);
        m.title = m.title.empty() ? title : title + " " + m.title;
        auto g = tables_.title_gender.find(title);
        if (g != tables_.title_gender.end()) m.gender = g->second;
        t -= k;
        first = t + 1;
        continue;
      }
      int c = -1;
      bool demonym = false;
      for (int len = 3; len >= 1 && !demonym; --len)
        if (t - len + 1 >= 0 &&
            demonym_at(w_, t - len + 1, t + 1, tables_, &c) == len) {
          m.country = c;
          t -= len;
          first = t + 1;
          demonym = true;
        }
      if (demonym) continue;
      break;
    }
    if (first == start) return;
    if (t >= 0 && w_.word(t) && w_.lower(t) == "the") first = t;
    m.first = first;
    m.mention.span.begin = w_.token(first).span.begin;
  }

  std::string original(int t) const {
    const Span& s = w_.token(t).span;
    return std::string(text_.substr(s.begin, s.size()));
  }

  // Noun phrases around a role, organisation or document head noun.
  void nominals() {
    const int n = w_.size();
    for (int t = 0; t < n; ++t) {
      if (!w_.word(t)) continue;
      const std::string head = w_.base(t);
      MentionKind kind;
      MentionTables::Role role;
      bool gov = false;
      auto r = tables_.roles.find(head);
      if (r != tables_.roles.end()) {
        kind = MentionKind::role;
        role = r->second;
      } else if (tables_.documents.count(head)) {
        kind = MentionKind::document;
      } else if (tables_.org_heads.count(head)) {
        kind = MentionKind::organisation;
        gov = tables_.org_heads.at(head) == OrgClass::gov;
      } else {
        continue;
      }
      // Capitalised heads belong to names unless they open a sentence or
      // follow a determiner, possibly over lower-case modifiers ("one senior
      // Democrat").
      if (w_.cap(t) && t > 0 && w_.same_sentence(t - 1, t) &&
          !w_.punct(t - 1, ",") &&
          !(w_.word(t - 1) && (w_.cap(t - 1) || determined_over_modifiers(t))))
        continue;
      // A head followed by another head is a modifier ("the commission
      // report").
      if (!w_.possessive(t) && w_.word(t + 1) && w_.same_sentence(t, t + 1) &&
          !w_.cap(t + 1) && nominal_head(t + 1))
        continue;
      int start = t;
      int caps_start =
          t;  // left edge of capitalised modifiers next to the head
      bool caps_only = true;
      bool definite = false;
      bool determined = false;
      int country = -1;
      int possessor = -1;
      for (int k = t - 1; k >= 0 && t - k <= 7 && w_.same_sentence(k, t); --k) {
        // "The senator told reporters": a speech verb after a head noun ends
        // the phrase ("the White House press secretary" goes on).
        if (!w_.word(k) || (cue_at(k) && !w_.cap(k) && w_.word(k - 1) &&
                            !w_.cap(k - 1) && nominal_head(k - 1)))
          break;
        const std::string& lk = w_.lower(k);
        auto det = tables_.determiners.find(lk);
        if (det != tables_.determiners.end() && !w_.possessive(k)) {
          start = k;
          determined = true;
          definite = det->second;
          break;
        }
        if (w_.possessive(k)) {
          start = k;
          determined = true;
          definite = true;
          possessor = k;
          // "Mrs. Clinton's confidants", "the United States' envoy": the
          // possessor's whole name belongs to the phrase.
          while (w_.same_sentence(start - 1, k) &&
                 (w_.cap(start - 1) || w_.acronym(start - 1)) &&
                 !w_.possessive(start - 1) &&
                 !tables_.not_names.count(w_.lower(start - 1)))
            --start;
          if (start < k && w_.word(start - 1) && w_.lower(start - 1) == "the" &&
              w_.same_sentence(start - 1, k))
            --start;
          break;
        }
        if (w_.cap(k) || w_.acronym(k)) {
          if (tables_.not_names.count(lk) &&
              !(tables_.name_openers.count(lk) && w_.cap(k + 1)))
            break;
          if (caps_only) caps_start = k;
          continue;
        }
        if (tables_.not_names.count(lk) || tables_.pronouns.count(lk) ||
            tables_.connectors.count(lk) || lk.size() < 2 ||
            (lk.size() > 2 && lk.compare(lk.size() - 2, 2, "ly") == 0))
          break;
        caps_only = false;
      }
      if (!determined) {
        start = caps_start;
        if (start == t && !role.plural && !w_.cap(t)) continue;
        if (start == t && w_.cap(t) && !role.plural) continue;
      }
      if (start == t && kind != MentionKind::role) continue;
      SpeakerMention m = make(start, t, kind);
      m.definite = definite;
      m.plural = role.plural ||
                 (kind == MentionKind::organisation && head == "authorities");
      m.gender = kind == MentionKind::role ? role.gender : Gender::neuter;
      m.government = gov;
      m.possessive = w_.possessive(t);
      int role_first =
          possessor >= 0 ? possessor + 1 : (determined ? start + 1 : start);
      for (int k = role_first; k < t; ++k) {
        int c = -1;
        int len = demonym_at(w_, k, t, tables_, &c);
        if (len > 0) {
          country = c;
          role_first = k + len;
          k += len - 1;
        }
      }
      if (possessor >= 0) {
        int c = place_of(w_, possessor, possessor, tables_);
        if (c < 0) {
          int f = possessor;
          while (f - 1 >= start && w_.cap(f - 1)) --f;
          c = place_of(w_, f, possessor, tables_);
        }
        if (c >= 0) country = c;
      }
      m.country = country;
      m.head_word = kind == MentionKind::role ? role.singular : head;
      m.role = role_first <= t ? w_.phrase(role_first, t) : head;
      if (kind == MentionKind::role && role.plural) {
        std::size_t cut = m.role.rfind(' ');
        m.role = (cut == std::string::npos ? "" : m.role.substr(0, cut + 1)) +
                 role.singular;
      }
      std::string shown;
      for (int k = determined && possessor < 0 ? start + 1 : start; k <= t; ++k)
        shown += (shown.empty() ? "" : " ") +
                 (k == t ? w_.original_base(k) : original(k));
      m.mention.head = shown;
      found_.push_back(std::move(m));
    }
  }

  // True when a determiner stands before t, over at most two lower-case
  // words ("one senior Democrat", "a Democrat").
  bool determined_over_modifiers(int t) const {
    for (int k = t - 1; k >= 0 && t - k <= 3 && w_.same_sentence(k, t); --k) {
      if (!w_.word(k) || w_.cap(k)) return false;
      if (tables_.determiners.count(w_.lower(k))) return true;
    }
    return false;
  }

  bool named_elsewhere(int t) {
    if (!name_words_built_) {
      name_words_built_ = true;
      for (int u = 0; u < w_.size(); ++u) {
        if (!w_.cap(u)) continue;
        const bool initial = !w_.same_sentence(u - 1, u);
        if (!initial || w_.cap(u + 1) || (u > 0 && w_.cap(u - 1)))
          name_words_.insert(w_.base(u));
      }
    }
    return name_words_.count(w_.base(t)) > 0;
  }

  // A compound opening with digits and ending in a letter: "46-year-old".
  bool age_word(int t) const {
    std::size_t length = 0;
    return t >= 0 && t < w_.size() && w_.token(t).kind == TokenKind::number &&
           is_letter(decode_before(text_, w_.token(t).span.end, &length));
  }

  bool cue_at(int t) const {
    return cue_starts_ && t >= 0 && t < w_.size() && (*cue_starts_)[t];
  }
  // A speech verb right after a comma or a closing quotation mark ("...,"
  // said X): its subject follows it.
  bool inverted_cue_at(int t) const {
    if (!cue_at(t) || t < 1) return false;
    return w_.punct(t - 1, ",") ||
           w_.token(t - 1).kind == TokenKind::quote_mark;
  }

  // True at the last token of every mention found so far.
  std::vector<bool> mention_ends() const {
    std::vector<bool> ends(w_.size(), false);
    for (const SpeakerMention& m : found_) ends[m.last] = true;
    return ends;
  }
  // The token before cue c, over an aside set off by commas ("Others,
  // however, say"; mention_words.txt) and auxiliaries ("the president will
  // say").
  int head_before_cue(int c) const {
    int head = c - 1;
    if (w_.punct(head, ",")) {
      int open = head - 1;
      while (open > 0 && head - open <= 3 && w_.word(open)) --open;
      if (open < head - 1 && w_.punct(open, ",") &&
          w_.same_sentence(open, head) &&
          tables_.asides.count(w_.phrase(open + 1, head - 1)))
        head = open - 1;
    }
    while (head > 0 && w_.word(head) && !w_.cap(head) &&
           tables_.auxiliaries.count(w_.lower(head)))
      --head;
    // "including 18% who say": the phrase before a relative pronoun.
    if (head > 0 && w_.word(head) && !w_.cap(head) &&
        tables_.relatives.count(w_.lower(head)))
      --head;
    return head;
  }

  // Any determined noun phrase right before a speech verb speaks: "the
  // gambling tycoon told Reuters", "the bespectacled, 71-year-old diplomat
  // said".
  void cue_subjects() {
    std::vector<bool> nominal_ends = mention_ends();
    for (int c = 1; c < w_.size(); ++c) {
      if (!cue_at(c)) continue;
      const int head = head_before_cue(c);
      // "the 43-year-old asked": a digit-led compound heads the phrase too.
      if (!(w_.word(head) || age_word(head)) || w_.cap(head) ||
          !w_.same_sentence(head, c))
        continue;
      const std::string& lh = w_.lower(head);
      // The nominal pass knows its phrases better; it misses those broken
      // by commas ("the bespectacled, 71-year-old diplomat said").
      if (nominal_head(head) && nominal_ends[head]) continue;
      if (tables_.not_names.count(lh) || tables_.pronouns.count(lh) ||
          tables_.determiners.count(lh) || tables_.connectors.count(lh))
        continue;
      int start = -1;
      for (int k = head - 1;
           k >= 0 && head - k <= 6 && w_.same_sentence(k, head); --k) {
        if (w_.punct(k, ",")) continue;
        if (!w_.word(k) && w_.token(k).kind != TokenKind::number) break;
        const std::string& lk = w_.lower(k);
        if (w_.possessive(k) ||
            (tables_.determiners.count(lk) && !w_.possessive(k))) {
          start = k;
          break;
        }
        // "The vote was delayed, state media said", "The full poll can be
        // found": no phrase over an auxiliary.
        if (tables_.not_names.count(lk) || tables_.pronouns.count(lk) ||
            tables_.connectors.count(lk) || tables_.auxiliaries.count(lk))
          break;
      }
      if (start < 0) continue;
      SpeakerMention m = make(start, head, MentionKind::role);
      m.definite = tables_.determiners.count(w_.lower(start))
                       ? tables_.determiners.at(w_.lower(start))
                       : true;
      m.head_word = lh;
      // "those surveyed say": a plural determiner makes the phrase plural.
      m.plural =
          (lh.size() > 3 && lh.back() == 's' && lh[lh.size() - 2] != 's') ||
          tables_.plural_determiners.count(w_.lower(start));
      m.role = w_.phrase(start + 1, head);
      m.mention.head = shown_words(start + 1, head);
      found_.push_back(std::move(m));
    }
  }

  // A quantity of people right before a speech verb speaks: "Sixty-six
  // percent said", "Six in 10 say", "42% say", "three-quarters of the voters
  // said", "half said". The phrase opens the sentence or follows punctuation
  // or a clause opener ("while 9 percent found"), with a number or a quantity
  // word (mention_words.txt) first, possibly after approximators and a
  // determiner ("About four in 10 said", "a full 79 percent of Democrats
  // say"). It runs before cue_subjects and wins over the role phrase those
  // find with the same span; a name, place or pronoun ending there blocks it.
  void quantity_subjects() {
    std::vector<bool> blocked(w_.size(), false);
    for (const SpeakerMention& m : found_)
      if (m.mention.kind != MentionKind::role) blocked[m.last] = true;
    for (int c = 1; c < w_.size(); ++c) {
      if (!cue_at(c)) continue;
      const int head = head_before_cue(c);
      if (head < 0 || blocked[head] || !w_.same_sentence(head, c) ||
          !(w_.word(head) || w_.token(head).kind == TokenKind::number ||
            percent_sign(head)))
        continue;
      int start = -1;
      for (int k = head; k >= 0 && head - k <= 7 && w_.same_sentence(k, head);
           --k) {
        if (!(w_.word(k) || w_.token(k).kind == TokenKind::number ||
              percent_sign(k)))
          break;
        // "Most said they were very worried": no phrase over another cue
        // or a pronoun.
        if (k < head && (cue_at(k) || tables_.pronouns.count(w_.lower(k))))
          break;
        if (!quantity_opener(k)) continue;
        int open = k;
        while (k - open < 3 && w_.same_sentence(open - 1, k) &&
               w_.word(open - 1) && !w_.possessive(open - 1) &&
               (tables_.approximators.count(w_.lower(open - 1)) ||
                tables_.determiners.count(w_.lower(open - 1))))
          --open;
        const bool boundary =
            !w_.same_sentence(open - 1, open) ||
            w_.token(open - 1).kind == TokenKind::punctuation ||
            (w_.word(open - 1) &&
             tables_.clause_openers.count(w_.lower(open - 1)));
        if (boundary) {
          start = open;  // the nearest: "Most backed it and 60 percent said"
          break;
        }
      }
      if (start < 0) continue;
      SpeakerMention m = make(start, head, MentionKind::role);
      m.definite = false;
      const std::string lh = w_.base(head);
      m.head_word = lh;
      m.plural = true;
      m.role = w_.phrase(start, head);
      m.mention.head = shown_words(start, head);
      blocked[head] = true;
      found_.push_back(std::move(m));
    }
  }
  // The original words first..last joined by spaces, with none before a
  // comma or a glued "%" ("the bespectacled, 71-year-old diplomat", "42%").
  std::string shown_words(int first, int last) const {
    std::string shown;
    for (int k = first; k <= last; ++k)
      shown += (shown.empty() || w_.punct(k, ",") || percent_sign(k) ? "" : " ") +
               original(k);
    return shown;
  }
  // "%" glued to the number before it ("42%").
  bool percent_sign(int t) const {
    return w_.punct(t, "%") && !w_.token(t).space_before && t > 0 &&
           w_.token(t - 1).kind == TokenKind::number;
  }
  // A number, or a word whose first hyphen-separated part is a quantity
  // word ("sixty-six", "three-quarters", "half", "most").
  bool quantity_opener(int t) const {
    if (w_.token(t).kind == TokenKind::number) return !age_word(t);
    if (!w_.word(t)) return false;
    if (quantity_word(t)) return true;
    // "A majority said", "a third of voters": a determiner before one.
    return tables_.determiners.count(w_.lower(t)) && t + 1 < w_.size() &&
           w_.word(t + 1) && quantity_word(t + 1);
  }
  bool quantity_word(int t) const {
    const std::string& lower = w_.lower(t);
    return tables_.quantities.count(lower.substr(0, lower.find('-'))) > 0;
  }

  // A bare plural noun phrase right before a speech verb speaks: "Protest
  // groups say", "but security specialists say", "Companies say". The phrase
  // (a plural head and at most kBareModifiers modifiers) opens the sentence
  // or follows punctuation or a clause opener, with no function word,
  // pronoun, adverb, number or other cue inside. A capitalised head is a
  // name ("Sanders says") unless it opens the phrase and the text never
  // writes it capitalised elsewhere.
  void bare_subjects() {
    constexpr int kBareModifiers = 3;
    // A lone role noun ("specialists") may still take its modifiers.
    std::vector<bool> ends(w_.size(), false);
    for (const SpeakerMention& m : found_)
      if (m.first < m.last || m.mention.kind != MentionKind::role)
        ends[m.last] = true;
    for (int c = 1; c < w_.size(); ++c) {
      if (!cue_at(c)) continue;
      const int head = head_before_cue(c);
      if (!w_.word(head) || ends[head] || !w_.same_sentence(head, c) ||
          !plural_head(head))
        continue;
      int start = -1;
      for (int k = head; k >= 0 && head - k <= kBareModifiers &&
                         w_.same_sentence(k, head) && bare_word(k);
           --k) {
        // Not after a closing bracket: "McDonough (then adviser) heaps".
        const bool boundary =
            !w_.same_sentence(k - 1, k) ||
            (w_.token(k - 1).kind == TokenKind::punctuation &&
             !w_.punct(k - 1, ")") && !w_.punct(k - 1, "]")) ||
            (w_.word(k - 1) && tables_.clause_openers.count(w_.lower(k - 1)));
        if (boundary) {
          start = k;
          break;
        }
      }
      if (start < 0 ||
          (w_.cap(head) && (start < head || named_elsewhere(head))))
        continue;
      // A marked quotation after the cue is the quotation sieves' to
      // attribute ("Media shares blame in Iowa poll overhype - HuffPollster:
      // “...”").
      bool marked = false;
      for (int k = c + 1; k < w_.size() && w_.same_sentence(c, k) && !marked;
           ++k)
        marked = w_.quoted(k);
      if (marked) continue;
      SpeakerMention m = make(start, head, MentionKind::role);
      m.definite = false;
      m.plural = true;
      m.head_word = w_.lower(head);
      m.role = w_.phrase(start, head);
      auto role = tables_.roles.find(m.head_word);
      if (role != tables_.roles.end()) {
        m.head_word = role->second.singular;
        m.role = (start < head ? w_.phrase(start, head - 1) + " " : "") +
                 m.head_word;
        m.gender = role->second.gender;
      }
      m.mention.head = shown_words(start, head);
      found_.push_back(std::move(m));
    }
  }
  // A word that reads as a plural noun: an irregular plural head
  // (mention_words.txt) or a word in -s that is no -ss, -us or -is word.
  bool plural_head(int t) const {
    const std::string& w = w_.lower(t);
    if (tables_.plural_heads.count(w)) return true;
    if (w.size() < 4 || w.back() != 's' || w_.possessive(t)) return false;
    const char before = w[w.size() - 2];
    return before != 's' && before != 'u' && before != 'i';
  }
  // A word that may stand in a bare noun phrase ending at `head` (a cue's
  // word too: "state media said", "Protest groups say").
  bool bare_word(int k) const {
    if (!w_.word(k) || w_.possessive(k)) return false;
    const std::string& lk = w_.lower(k);
    if (tables_.not_names.count(lk) || tables_.pronouns.count(lk) ||
        tables_.determiners.count(lk) || tables_.connectors.count(lk) ||
        tables_.auxiliaries.count(lk) || tables_.clause_openers.count(lk) ||
        quantity_word(k))
      return false;
    return w_.cap(k) || lk.size() < 3 ||
           lk.compare(lk.size() - 2, 2, "ly") != 0;
  }

  // Any determined noun phrase right after an inverted speech verb speaks:
  // ""...," said one Trump confidant", "said a New Hampshire Republican". The
  // phrase ends before punctuation, a connector or a function word.
  void cue_objects() {
    for (int c = 1; c + 2 < w_.size(); ++c) {
      if (!inverted_cue_at(c)) continue;
      const int start = c + 1;
      if (!w_.word(start) || w_.cap(start) || w_.possessive(start)) continue;
      auto det = tables_.determiners.find(w_.lower(start));
      if (det == tables_.determiners.end()) continue;
      int head = -1;
      for (int k = start + 1;
           k < w_.size() && k - start <= 6 && w_.same_sentence(k, start); ++k) {
        if (!w_.word(k) && w_.token(k).kind != TokenKind::number) break;
        const std::string& lk = w_.lower(k);
        if (tables_.connectors.count(lk) || tables_.pronouns.count(lk) ||
            tables_.auxiliaries.count(lk) || cue_at(k) ||
            (!w_.cap(k) &&
             ((tables_.not_names.count(lk) &&
               !(k == start + 1 && w_.word(k + 1))) ||  // "the second aide"
              tables_.determiners.count(lk))))
          break;
        head = k;
        if (w_.possessive(k)) head = -1;  // "the group's leader": go on
      }
      // A number is no head, but "said the 46-year-old" is.
      if (head < 0 ||
          (w_.token(head).kind == TokenKind::number && !age_word(head)))
        continue;
      SpeakerMention m = make(start, head, MentionKind::role);
      m.definite = det->second;
      const std::string lh = w_.base(head);
      m.head_word = lh;
      m.plural = lh.size() > 3 && lh.back() == 's' && lh[lh.size() - 2] != 's';
      m.role = w_.phrase(start + 1, head);
      m.mention.head = shown_words(start + 1, head);
      found_.push_back(std::move(m));
    }
  }

  // Personal pronouns; a possessive one ("his") is a possessive mention that
  // stands for its subject pronoun ("he") and resolves as that would.
  void pronouns() {
    for (int t = 0; t < w_.size(); ++t) {
      if (!w_.word(t)) continue;
      const std::string lower = w_.lower(t);
      auto owner = tables_.possessive_pronouns.find(lower);
      const bool possessive = owner != tables_.possessive_pronouns.end();
      auto p = tables_.pronouns.find(possessive ? owner->second : lower);
      if (p == tables_.pronouns.end()) continue;
      SpeakerMention m = make(t, t, MentionKind::pronoun);
      m.gender = p->second.gender;
      m.plural = p->second.plural;
      m.possessive = possessive;
      m.mention.head = lower;
      m.head_word = p->first;
      found_.push_back(std::move(m));
    }
  }

  // Longer mentions win; a mention inside another disappears.
  std::vector<SpeakerMention> resolve_overlaps() {
    std::stable_sort(found_.begin(), found_.end(),
                     [](const SpeakerMention& a, const SpeakerMention& b) {
                       if (a.first != b.first) return a.first < b.first;
                       return a.last > b.last;
                     });
    std::vector<SpeakerMention> out;
    for (SpeakerMention& m : found_) {
      while (!out.empty() && out.back().last >= m.first) {
        SpeakerMention& prev = out.back();
        if (prev.first <= m.first && prev.last >= m.last) break;  // m inside
        if (m.first <= prev.first && m.last >= prev.last) {
          out.pop_back();  // prev inside m
          continue;
        }
        // "Wyoming GOP chairman" + "chairman Matt Micheli": the role's
        // modifiers belong to the name that shares its title.
        if (m.mention.kind == MentionKind::name &&
            prev.mention.kind == MentionKind::role && prev.first < m.first &&
            prev.last < m.last && !prev.possessive) {
          m.first = prev.first;
          m.mention.span.begin = prev.mention.span.begin;
          out.pop_back();
          continue;
        }
        // Partial overlap: keep the longer.
        if (m.last - m.first > prev.last - prev.first) {
          out.pop_back();
          continue;
        }
        break;
      }
      if (!out.empty() && out.back().last >= m.first) continue;
      out.push_back(std::move(m));
    }
    return out;
  }

  // Role and organisation phrases joined by a coordinator (and a comma list)
  // right before a speech verb speak together: "Her advisers and allies
  // say", "Friends, lobbyists and former foes say". Names keep their own
  // mentions ("Clinton and Sanders said"), and a quantity after "and" opens
  // a clause of its own ("... were satisfied and 60 percent said").
  void coordinate_subjects(std::vector<SpeakerMention>& ms) const {
    auto conjunct = [&](const SpeakerMention& m) {
      return (m.mention.kind == MentionKind::role ||
              m.mention.kind == MentionKind::organisation) &&
             !m.possessive && !quantity_opener(m.first);
    };
    for (std::size_t i = 1; i < ms.size(); ++i) {
      const int c = ms[i].last + 1;
      if (!cue_at(c) || !conjunct(ms[i])) continue;
      const int link = ms[i].first - 1;
      if (!w_.word(link) || !tables_.coordinators.count(w_.lower(link)) ||
          !w_.same_sentence(link, c))
        continue;
      std::size_t j = i - 1;
      if (ms[j].last != link - 1 || !conjunct(ms[j])) continue;
      // "Friends, lobbyists and former foes": earlier conjuncts by commas.
      while (j > 0 && w_.punct(ms[j].first - 1, ",") &&
             ms[j - 1].last == ms[j].first - 2 && conjunct(ms[j - 1]) &&
             w_.same_sentence(ms[j - 1].last, c))
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
      m.mention.head = original_span(m.first, m.last);
      ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(j),
               ms.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      ms.insert(ms.begin() + static_cast<std::ptrdiff_t>(j), std::move(m));
      i = j;
    }
  }
  // "the Russian Ministry of Foreign Affairs website said": a lower-case
  // document noun between an issuer's name and a speech verb joins the name,
  // which then speaks (the frame needs a mention ending before the verb).
  void issuer_documents(std::vector<SpeakerMention>& ms) const {
    for (std::size_t i = 0; i < ms.size(); ++i) {
      SpeakerMention& o = ms[i];
      const int t = o.last + 1;
      if ((o.mention.kind != MentionKind::organisation &&
           o.mention.kind != MentionKind::place) ||
          o.possessive || !w_.word(t) || w_.cap(t) ||
          !w_.same_sentence(o.last, t) ||
          !tables_.documents.count(w_.lower(t)) || !cue_at(t + 1) ||
          (i + 1 < ms.size() && ms[i + 1].first <= t))
        continue;
      o.last = t;
      o.mention.span.end = w_.token(t).span.end;
    }
  }
  std::string original_span(int first, int last) const {
    const Span a = w_.token(first).span, b = w_.token(last).span;
    return std::string(text_.substr(a.begin, b.end - a.begin));
  }

  // A mention opening its sentence, or right after an opening phrase closed by
  // a comma ("On Thursday, Lavrov said"), is the sentence's likely subject.
  // "Speaking in Columbia, Sanders said": when the opening phrase holds a
  // mention of its own, the first mention after the phrase's comma (the
  // sentence's first comma, within kOpeningPhrase tokens) is the subject.
  void mark_subjects(std::vector<SpeakerMention>& ms) const {
    constexpr int kOpeningPhrase = 12;
    int previous_sentence = -1;
    bool has_subject = false;
    for (SpeakerMention& m : ms) {
      m.sentence = w_.token(m.first).sentence;
      // "his": a possessive pronoun is never its sentence's subject.
      if (m.possessive && m.mention.kind == MentionKind::pronoun) continue;
      bool first_in_sentence = m.sentence != previous_sentence;
      if (first_in_sentence) has_subject = false;
      previous_sentence = m.sentence;
      int k = m.first - 1;
      if (k < 0 || !w_.same_sentence(k, m.first)) {
        m.subject = true;
      } else if (first_in_sentence && w_.punct(k, ",")) {
        m.subject = true;
      } else if (first_in_sentence && w_.word(k) &&
                 (k == 0 || !w_.same_sentence(k - 1, k))) {
        m.subject = true;  // "But Lavrov said"
      } else if (!first_in_sentence && !has_subject && w_.punct(k, ",")) {
        int j = k - 1;
        while (j >= 0 && k - j <= kOpeningPhrase && w_.same_sentence(j, k) &&
               !w_.punct(j, ","))
          --j;
        m.subject = j < 0 || !w_.same_sentence(j, k);
      }
      has_subject = has_subject || m.subject;
    }
  }

  // "Hugh Hill, a doctor," / "Kim's special envoy, Choe Ryong-hae."
  void appositions(std::vector<SpeakerMention>& ms) {
    for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
      SpeakerMention& a = ms[i];
      SpeakerMention& b = ms[i + 1];
      if (!w_.punct(a.last + 1, ",") || !w_.same_sentence(a.last, b.first))
        continue;
      int gap = b.first - (a.last + 2);
      bool one_of = gap == 2 && w_.lower(a.last + 2) == "one" &&
                    w_.lower(a.last + 3) == "of";
      if (gap != 0 && !one_of) continue;
      int after = b.last + 1;
      bool closed = after >= w_.size() || !w_.same_sentence(b.last, after) ||
                    w_.punct(after, ",") || w_.punct(after, ".") ||
                    w_.punct(after, ";") ||
                    w_.token(after).kind == TokenKind::quote_mark;
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

  // "A statement on the Russian Ministry of Foreign Affairs website".
  void document_owners(std::vector<SpeakerMention>& ms) {
    for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
      SpeakerMention& d = ms[i];
      if (d.mention.kind != MentionKind::document) continue;
      const SpeakerMention& o = ms[i + 1];
      if (o.mention.kind != MentionKind::organisation &&
          o.mention.kind != MentionKind::place &&
          o.mention.kind != MentionKind::name)
        continue;
      int link = d.last + 1;
      if (!w_.word(link) || !tables_.doclinks.count(w_.lower(link))) continue;
      if (o.first - link > 2 || !w_.same_sentence(d.last, o.first)) continue;
      d.owner = static_cast<int>(i + 1);
    }
  }

  std::string_view text_;
  Words w_;
  const MentionTables& tables_;
  const std::vector<bool>* cue_starts_;
  bool name_words_built_ = false;
  std::unordered_set<std::string> name_words_;  // see named_elsewhere()
  std::vector<SpeakerMention> found_;
};

}  // namespace

std::vector<Country> parse_countries(const std::vector<std::string>& lines) {
  std::vector<Country> out;
  for (const std::string& line : lines) {
    std::vector<std::string> cols = split_tabs(line);
    if (cols.size() > 4 || cols[0].empty())
      throw error("en/countries.tsv: bad line '" + line + "'");
    cols.resize(4);
    Country c;
    c.name = cols[0];
    c.demonyms = split_fields(cols[1], ',');
    c.seats = split_fields(cols[2], ',');
    c.aliases = split_fields(cols[3], ',');
    out.push_back(std::move(c));
  }
  return out;
}

MentionTables MentionTables::load(const Config& config) {
  MentionTables t;
  t.countries = parse_countries(embedded_lines("en/countries.tsv"));
  for (std::size_t i = 0; i < t.countries.size(); ++i) {
    const Country& c = t.countries[i];
    const int id = static_cast<int>(i);
    t.place_country.emplace(to_lower(c.name), id);
    for (const std::string& s : c.seats)
      t.place_country.emplace(to_lower(s), id);
    for (const std::string& s : c.aliases)
      t.place_country.emplace(to_lower(s), id);
    for (const std::string& s : c.demonyms)
      t.demonym_country.emplace(to_lower(s), id);
  }
  auto add_title = [&](const std::string& title, const std::string& gender) {
    std::string key = to_lower(title);
    if (key.empty()) return;
    t.titles.insert(key);
    t.longest_title = std::max(t.longest_title, word_count(key));
    if (!gender.empty()) t.title_gender[key] = gender_of(gender);
  };
  for (const std::string& line : embedded_lines("en/titles.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    add_title(cols[0], cols.size() > 1 ? cols[1] : "");
  }
  for (const std::string& title : config.extra_titles) {
    if (title.find_first_not_of(" \t") == std::string::npos)
      throw error("extra_titles: empty title");
    add_title(title, "");
  }
  for (const std::string& line : embedded_lines("en/role_nouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    // "prime minister prime ministers": two-word roles have four words.
    std::size_t half = words.size() >= 4 ? 2 : 1;
    if (words.size() < 2 * half)
      throw error("en/role_nouns.txt: bad line '" + line + "'");
    std::string singular, plural;
    for (std::size_t k = 0; k < half; ++k) {
      singular += (k ? " " : "") + words[k];
      plural += (k ? " " : "") + words[half + k];
    }
    Gender g =
        words.size() > 2 * half ? gender_of(words[2 * half]) : Gender::unknown;
    // Keys are the last word: the head noun the finder meets.
    std::string s_key = singular.substr(singular.rfind(' ') + 1);
    std::string p_key = plural.substr(plural.rfind(' ') + 1);
    t.roles.emplace(s_key, Role{s_key, false, g});
    t.roles.emplace(p_key, Role{s_key, true, g});
  }
  for (const std::string& line : embedded_lines("en/organisation_heads.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    if (cols.size() != 2)
      throw error("en/organisation_heads.txt: bad line '" + line + "'");
    OrgClass cls = cols[1] == "gov"     ? OrgClass::gov
                   : cols[1] == "media" ? OrgClass::media
                                        : OrgClass::org;
    std::string key = cols[0].substr(cols[0].rfind(' ') + 1);
    t.org_heads.emplace(key, cls);
  }
  for (const std::string& line : embedded_lines("en/document_nouns.txt"))
    t.documents.insert(to_lower(line));
  for (const std::string& line : embedded_lines("en/pronouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    if (words.size() != 3)
      throw error("en/pronouns.txt: bad line '" + line + "'");
    t.pronouns[words[0]] = Pronoun{gender_of(words[1]), words[2] == "pl"};
  }
  for (const std::string& line : embedded_lines("en/possessive_pronouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    if (words.size() != 2 || !t.pronouns.count(words[1]))
      throw error("en/possessive_pronouns.txt: bad line '" + line + "'");
    t.possessive_pronouns[words[0]] = words[1];
  }
  for (const std::string& line : embedded_lines("en/not_names.txt"))
    t.not_names.insert(to_lower(line));
  for (const std::string& line : embedded_lines("en/name_openers.txt"))
    t.name_openers.insert(to_lower(line));
  int group = 0;
  for (const std::string& line : embedded_lines("en/role_equivalents.txt")) {
    for (const std::string& role : split_fields(line, '|'))
      t.role_group[role] = group;
    ++group;
  }
  for (const std::string& line : embedded_lines("en/mention_words.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    if (cols.size() < 2)
      throw error("en/mention_words.txt: bad line '" + line + "'");
    if (cols[0] == "connector")
      t.connectors.insert(cols[1]);
    else if (cols[0] == "determiner")
      t.determiners[cols[1]] = cols.size() > 2 && cols[2] == "definite";
    else if (cols[0] == "doclink")
      t.doclinks.insert(cols[1]);
    else if (cols[0] == "notalone")
      t.not_alone.insert(cols[1]);
    else if (cols[0] == "auxiliary")
      t.auxiliaries.insert(cols[1]);
    else if (cols[0] == "quantity")
      t.quantities.insert(cols[1]);
    else if (cols[0] == "relative")
      t.relatives.insert(cols[1]);
    else if (cols[0] == "aside")
      t.asides.insert(cols[1]);
    else if (cols[0] == "pluraldeterminer")
      t.plural_determiners.insert(cols[1]);
    else if (cols[0] == "coordinator")
      t.coordinators.insert(cols[1]);
    else if (cols[0] == "pluralhead")
      t.plural_heads.insert(cols[1]);
    else if (cols[0] == "approximator")
      t.approximators.insert(cols[1]);
    else if (cols[0] == "clauseopener")
      t.clause_openers.insert(cols[1]);
    else
      throw error("en/mention_words.txt: unknown class '" + cols[0] + "'");
  }
  return t;
}

int role_group_of(const MentionTables& tables, const std::string& role) {
  auto it = tables.role_group.find(role);
  if (it != tables.role_group.end()) return it->second;
  std::size_t cut = role.rfind(' ');
  if (cut == std::string::npos) return -1;
  // "russian foreign minister" -> "foreign minister"
  std::size_t first = role.find(' ');
  if (first != cut) {
    auto two = tables.role_group.find(role.substr(first + 1));
    if (two != tables.role_group.end()) return two->second;
  }
  it = tables.role_group.find(role.substr(cut + 1));
  return it == tables.role_group.end() ? -1 : it->second;
}

std::vector<SpeakerMention> find_mentions(
    std::string_view text, const TextLayout& layout,
    const std::vector<int>& quote_of_token, const MentionTables& tables,
    const std::vector<bool>* cue_starts) {
  return Finder(text, layout, quote_of_token, tables, cue_starts).run();
}

}  // namespace quotelink::detail
