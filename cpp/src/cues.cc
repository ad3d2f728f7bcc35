#include "cues.h"

#include <algorithm>

#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

std::vector<std::string> split_fields(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

namespace {

// True when `text` ends with one of the code points of `set`.
bool ends_with_one_of(std::string_view text, std::string_view set) {
  for (std::size_t i = 0; i < set.size();) {
    std::size_t length = 1;
    decode_at(set, i, &length);
    const std::string_view c = set.substr(i, length);
    if (text.size() >= c.size() &&
        text.compare(text.size() - c.size(), c.size(), c) == 0)
      return true;
    i += length;
  }
  return false;
}

}  // namespace

std::vector<std::string> inflect_regular(const Vocabulary& vocabulary,
                                         const std::string& lemma) {
  static constexpr const char* kRuleForms[] = {"third", "past", "gerund"};
  const std::string v = to_lower(lemma);
  if (v.empty()) return {};
  std::vector<std::string> forms{v, "", "", ""};
  std::vector<std::size_t> longest(4, 0);
  for (const LexiconEntry* e :
       vocabulary.entries_of(vocabulary.word_class("inflection"))) {
    const std::string_view word =
        e->words.size() == 1 ? vocabulary.word(e->words[0]) : "";
    if (word.empty() || word[0] != '-')
      throw error(e->where + ": an inflection rule is written -ENDING");
    const std::string_view ending = word.substr(1);
    if (ending.size() > v.size() ||
        v.compare(v.size() - ending.size(), ending.size(), ending) != 0)
      continue;
    const std::string_view stem =
        std::string_view(v).substr(0, v.size() - ending.size());
    if (ends_with_one_of(stem, e->attribute("not_after"))) continue;
    for (std::size_t f = 0; f < 3; ++f) {
      const std::string_view replace = e->attribute(kRuleForms[f]);
      if (replace.empty() ||
          (!forms[f + 1].empty() && longest[f + 1] >= ending.size() + 1))
        continue;
      forms[f + 1] = std::string(stem) + std::string(replace);
      longest[f + 1] = ending.size() + 1;
    }
  }
  return forms;
}

CueTables CueTables::load(const Config& config) {
  const Vocabulary vocabulary =
      load_vocabulary(config.language, builtin_pack(config.language), config);
  return from_vocabulary(vocabulary);
}

CueTables CueTables::from_vocabulary(const Vocabulary& vocabulary) {
  const CueLexicon lexicon(vocabulary);
  CueTables tables;
  // One string map per single-word class, as the stages not yet on the
  // token layer read them.
  const std::pair<std::unordered_map<std::string, bool>*, WordClass> classes[] =
      {{&tables.adverbials, lexicon.adverbial},
       {&tables.relatives, lexicon.relative},
       {&tables.coordinators, lexicon.coordinator},
       {&tables.prepositions, lexicon.preposition},
       {&tables.passives, lexicon.passive},
       {&tables.subordinators, lexicon.subordinator},
       {&tables.adjunct_prepositions, lexicon.adjunct_preposition},
       {&tables.addressee_lemmas, lexicon.addressee}};
  for (const LexiconEntry& e : vocabulary.entries()) {
    if (e.words.size() == 1)
      for (const auto& [map, c] : classes)
        if (e.classes.has(c))
          (*map)[std::string(vocabulary.word(e.words[0]))] = true;
    if (!e.classes.intersects(lexicon.cue_classes)) continue;
    const CueLexicon::CueInfo& info = lexicon.of(e);
    CueEntry entry;
    for (std::size_t w = 1; w < e.words.size(); ++w)
      entry.rest.emplace_back(vocabulary.word(e.words[w]));
    entry.lemma = info.lemma;
    entry.kind = info.kind;
    entry.form = info.form;
    std::vector<CueEntry>& list =
        tables.by_first_word[std::string(vocabulary.word(e.words[0]))];
    list.push_back(std::move(entry));
    std::stable_sort(list.begin(), list.end(),
                     [](const CueEntry& x, const CueEntry& y) {
                       return x.rest.size() > y.rest.size();
                     });
  }
  return tables;
}

namespace {

VerbForm form_named(std::string_view name, const LexiconEntry& entry) {
  if (name.empty() || name == "past") return VerbForm::past;
  if (name == "base") return VerbForm::base;
  if (name == "third") return VerbForm::third;
  if (name == "gerund") return VerbForm::gerund;
  throw error("lexicon: " + entry.where + ": form '" + std::string(name) +
              "' is none of base, third, past, gerund");
}

// The words of `entry` joined by spaces (its lemma when it names none).
std::string entry_text(const Vocabulary& vocabulary,
                       const LexiconEntry& entry) {
  std::string text;
  for (WordId w : entry.words) {
    if (!text.empty()) text += ' ';
    text += vocabulary.word(w);
  }
  return text;
}

// What entry `entry` says as a cue of `kind`, from its attributes `lemma_key`
// (the entry's own words when absent) and `form_key` (past when absent).
CueLexicon::CueInfo cue_info(const Vocabulary& v, const LexiconEntry& entry,
                             CueKind kind, std::string_view lemma_key,
                             std::string_view form_key) {
  CueLexicon::CueInfo i;
  i.kind = kind;
  i.form = form_named(entry.attribute(form_key), entry);
  const std::string_view lemma = entry.attribute(lemma_key);
  i.lemma = lemma.empty() ? entry_text(v, entry) : std::string(lemma);
  std::string key;
  lexicon_key(i.lemma, &key);
  i.lemma_word = v.find(key);
  return i;
}

}  // namespace

std::string checked_extra_verb(const std::string& verb) {
  std::vector<std::string> words = split_fields(verb, ' ');
  if (words.size() != 1)
    throw error("extra_cue_verbs: '" + verb + "' is not a single verb lemma");
  bool letters = true;
  for (char c : words[0]) letters = letters && (c < 0 || c > ' ');
  if (!letters) throw error("extra_cue_verbs: bad verb '" + verb + "'");
  return words[0];
}

CueLexicon::CueLexicon(const Vocabulary& v)
    : speech_verb(v.word_class("speech_verb")),
      source(v.word_class("cue_source")),
      channel(v.word_class("cue_channel")),
      adverbial(v.word_class("adverbial")),
      relative(v.word_class("relative_pronoun")),
      coordinator(v.word_class("coordinator")),
      preposition(v.word_class("preposition")),
      passive(v.word_class("passive_auxiliary")),
      subordinator(v.word_class("subordinator")),
      adjunct_preposition(v.word_class("adjunct_preposition")),
      addressee(v.word_class("addressee_verb")),
      report_verb(v.word_class("report_verb")),
      noun_determiner(v.word_class("noun_determiner")),
      document_issuer(v.word_class("document_issuer")),
      manner_suffixes(v, v.word_class("manner_suffix")),
      vocabulary(&v) {
  cue_classes.add(speech_verb);
  cue_classes.add(source);
  cue_classes.add(channel);
  info.resize(v.entries().size());
  report_info.resize(v.entries().size());
  for (std::size_t e = 0; e < v.entries().size(); ++e) {
    const LexiconEntry& entry = v.entries()[e];
    if (entry.classes.intersects(cue_classes)) {
      const CueKind kind = entry.classes.has(speech_verb) ? CueKind::verb
                           : entry.classes.has(source)    ? CueKind::source
                                                          : CueKind::adjunct;
      info[e] = cue_info(v, entry, kind, "lemma", "form");
    }
    if (entry.classes.has(report_verb))
      report_info[e] =
          cue_info(v, entry, CueKind::verb, "report_lemma", "report_form");
  }
}

void add_extra_cue_verbs(const Config& config, Vocabulary* vocabulary) {
  const WordClass verb = vocabulary->word_class("speech_verb");
  ClassMask cue;
  cue.add(verb);
  cue.add(vocabulary->word_class("cue_source"));
  cue.add(vocabulary->word_class("cue_channel"));
  static constexpr const char* kForms[] = {"base", "third", "past", "gerund"};
  for (const std::string& extra : config.extra_cue_verbs) {
    const std::vector<std::string> forms =
        inflect_regular(*vocabulary, checked_extra_verb(extra));
    for (std::size_t i = 0; i < forms.size(); ++i) {
      if (forms[i].empty()) continue;  // no rule of the pack makes it
      const int known = vocabulary->find_entry(forms[i]);
      if (known >= 0 && vocabulary->entries()[known].classes.intersects(cue))
        continue;  // the first definition wins
      vocabulary->add_entry(forms[i], {verb},
                            {{"lemma", forms[0]}, {"form", kForms[i]}},
                            "Config::extra_cue_verbs");
    }
  }
}

std::vector<int> quote_of_tokens(const TextLayout& layout,
                                 const std::vector<Quote>& quotes) {
  std::vector<int> owner(layout.tokens.size(), -1);
  // Quotations are ordered by start, so tokens before `done` already have
  // their outermost owner; skipping them keeps deep nesting linear.
  int done = 0;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    int t = std::max(done, token_at(layout, quotes[q].outer.begin));
    for (; t < static_cast<int>(layout.tokens.size()) &&
           layout.tokens[t].span.end <= quotes[q].outer.end;
         ++t)
      if (owner[t] < 0) owner[t] = static_cast<int>(q);
    done = std::max(done, t);
  }
  return owner;
}

int token_at(const TextLayout& layout, std::size_t offset) {
  auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), offset,
                             [](const Token& token, std::size_t off) {
                               return token.span.begin < off;
                             });
  return static_cast<int>(it - layout.tokens.begin());
}

std::string token_lower(std::string_view text, const TextLayout& layout,
                        int t) {
  const Span& s = layout.tokens[t].span;
  std::string word = to_lower(text.substr(s.begin, s.size()));
  for (std::size_t pos; (pos = word.find("\xE2\x80\x99")) != std::string::npos;)
    word.replace(pos, 3, "'");  // typographic apostrophe as ASCII
  return word;
}

namespace {

Cue make_cue(const TextLayout& layout, int first, int last,
             const CueLexicon::CueInfo& info) {
  Cue cue;
  cue.first = first;
  cue.last = last;
  cue.span = {layout.tokens[first].span.begin, layout.tokens[last].span.end};
  cue.kind = info.kind;
  cue.form = info.form;
  cue.lemma = info.lemma;
  cue.lemma_word = info.lemma_word;
  return cue;
}

// Rule cue_after_determiner: a word right after a determiner of its
// sentence ("one of the states suing", "a report") is a noun, never a cue.
bool after_noun_determiner(const TokenLayer& tokens, const TextLayout& layout,
                           const CueLexicon& lexicon, int t) {
  return t > 0 && layout.tokens[t - 1].sentence == layout.tokens[t].sentence &&
         tokens.is(t - 1, lexicon.noun_determiner);
}

}  // namespace

CueSets find_cue_sets(const TokenLayer& tokens, const TextLayout& layout,
                      const CueLexicon& lexicon, bool with_reported) {
  CueSets out;
  const int n = tokens.size();
  // About one cue in 33 tokens on PolNeAR train, and fewer report verbs:
  // room for one in 24 at once, which 92% of the documents stay within.
  const std::size_t room = static_cast<std::size_t>(n) / 24 + 4;
  out.cues.reserve(room);
  if (with_reported) out.reported.reserve(room);
  ClassMask report;
  report.add(lexicon.report_verb);
  // Each list skips past its own matches; the other's do not hide words.
  int next_cue = 0;
  int next_report = with_reported ? 0 : n;
  for (int t = 0; t < n; ++t) {
    if (tokens.quote(t) >= 0 || !tokens.shape(t, Shape::word)) continue;
    const int sentence = layout.tokens[t].sentence;
    if (after_noun_determiner(tokens, layout, lexicon, t)) continue;
    auto can_continue = [&](int u) {
      return tokens.quote(u) < 0 && layout.tokens[u].sentence == sentence;
    };
    int last = t;
    if (t >= next_cue) {
      if (const LexiconEntry* e =
              tokens.match_any(t, lexicon.cue_classes, can_continue, &last)) {
        out.cues.push_back(make_cue(layout, t, last, lexicon.of(*e)));
        next_cue = last + 1;
      }
    }
    if (t >= next_report) {
      if (const LexiconEntry* e =
              tokens.match_any(t, report, can_continue, &last)) {
        out.reported.push_back(
            make_cue(layout, t, last, lexicon.report_of(*e)));
        next_report = last + 1;
      }
    }
  }
  return out;
}

std::vector<Cue> find_cues(const TokenLayer& tokens, const TextLayout& layout,
                           const CueLexicon& lexicon) {
  return find_cue_sets(tokens, layout, lexicon, false).cues;
}

}  // namespace quotelink::detail
