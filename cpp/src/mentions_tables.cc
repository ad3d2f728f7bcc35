// The mention stage's tables (MentionTables::load) and role groups.
#include <algorithm>
#include <iterator>
#include <utility>

#include "cues.h"
#include "lexicon.h"
#include "mentions.h"
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

// The mention classes of `v`, by name.
MentionTables::Classes resolve_classes(const Vocabulary& v) {
  MentionTables::Classes c;
  const std::pair<std::string_view, WordClass*> named[] = {
      {"mention_connector", &c.connector},
      {"mention_determiner", &c.determiner},
      {"mention_definite", &c.definite},
      {"mention_doclink", &c.doclink},
      {"mention_not_alone", &c.not_alone},
      {"mention_auxiliary", &c.auxiliary},
      {"mention_quantity", &c.quantity},
      {"mention_relative", &c.relative},
      {"mention_aside", &c.aside},
      {"mention_plural_determiner", &c.plural_determiner},
      {"mention_coordinator", &c.coordinator},
      {"mention_plural_head", &c.plural_head},
      {"mention_approximator", &c.approximator},
      {"mention_clause_opener", &c.clause_opener},
      {"mention_title", &c.title},
      {"mention_not_name", &c.not_name},
      {"mention_name_opener", &c.name_opener},
      {"mention_document", &c.document},
      {"mention_pronoun", &c.pronoun},
      {"mention_possessive_pronoun", &c.possessive_pronoun},
      {"mention_role", &c.role},
      {"mention_org_head", &c.org_head},
      {"mention_place", &c.place},
      {"mention_demonym", &c.demonym},
      {"mention_article", &c.article},
      {"mention_partitive", &c.partitive},
      {"mention_plural_organisation", &c.plural_organisation},
      {"mention_anaphor", &c.anaphor},
      {"mention_modifier", &c.modifier},
  };
  static_assert(std::size(named) == std::size(kMentionWordClasses),
                "every mention class resolved");
  for (const auto& [name, cls] : named) *cls = v.word_class(name);
  return c;
}

// Adds `words` (lower case, space-separated) to the vocabulary under class
// `c`, from list `where`; returns its entry index.
std::size_t add_words(Vocabulary* v, const std::string& words, WordClass c,
                      const char* where) {
  v->add_entry(words, {c}, {}, where);
  return static_cast<std::size_t>(v->find_entry(words));
}

// The word id of one-word entry `entry`.
WordId word_of(const Vocabulary* v, std::size_t entry) {
  return v->entries()[entry].words.front();
}

// The facts of entry `entry`, growing the table as entries are added.
MentionTables::EntryFacts& facts_at(MentionTables& t, std::size_t entry) {
  if (entry >= t.entry_facts.size()) t.entry_facts.resize(entry + 1);
  return t.entry_facts[entry];
}

// Countries by name, seat, alias and demonym (lower case); the first country
// naming a phrase keeps it.
void load_countries(MentionTables& t, Vocabulary* v) {
  t.countries =
      parse_countries(embedded_file("en/countries.tsv"), "en/countries.tsv");
  const char* where = "en/countries.tsv";
  for (std::size_t i = 0; i < t.countries.size(); ++i) {
    const Country& c = t.countries[i];
    const int id = static_cast<int>(i);
    auto place = [&](const std::string& name) {
      if (name.empty()) return;
      int& slot = facts_at(t, add_words(v, to_lower(name), t.cls.place, where))
                      .place_country;
      if (slot < 0) slot = id;
    };
    place(c.name);
    for (const std::string& s : c.seats) place(s);
    for (const std::string& s : c.aliases) place(s);
    for (const std::string& s : c.demonyms) {
      if (s.empty()) continue;
      int& slot = facts_at(t, add_words(v, to_lower(s), t.cls.demonym, where))
                      .demonym_country;
      if (slot < 0) slot = id;
    }
  }
}

void add_title(MentionTables& t, Vocabulary* v, const std::string& title,
               const std::string& gender) {
  std::string key = to_lower(title);
  if (key.find_first_not_of(' ') == std::string::npos) return;
  MentionTables::EntryFacts& facts =
      facts_at(t, add_words(v, key, t.cls.title, "en/titles.txt"));
  t.longest_title = std::max(t.longest_title, word_count(key));
  if (!gender.empty()) {  // the last line naming a title gives its gender
    facts.gendered = true;
    facts.gender = gender_of(gender);
  }
}

// titles.txt (title, optional gender) and Config::extra_titles.
void load_titles(MentionTables& t, Vocabulary* v, const Config& config) {
  for (const std::string& line : embedded_lines("en/titles.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    add_title(t, v, cols[0], cols.size() > 1 ? cols[1] : "");
  }
  for (const std::string& title : config.extra_titles) {
    if (title.find_first_not_of(" \t") == std::string::npos)
      throw error("extra_titles: empty title");
    add_title(t, v, title, "");
  }
}

// role_nouns.txt: singular, plural (one or two words each), optional gender;
// keyed by the last word, the head noun the finder meets.
void load_roles(MentionTables& t, Vocabulary* v) {
  for (const std::string& line : embedded_lines("en/role_nouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    // "prime minister prime ministers": two-word roles have four words.
    std::size_t half = words.size() >= 4 ? 2 : 1;
    if (words.size() < 2 * half)
      throw error("en/role_nouns.txt: bad line '" + line + "'");
    Gender g =
        words.size() > 2 * half ? gender_of(words[2 * half]) : Gender::unknown;
    const std::string& s_key = words[half - 1];
    const std::string& p_key = words[2 * half - 1];
    for (const std::string* key : {&s_key, &p_key})
      t.roles.emplace(
          word_of(v, add_words(v, *key, t.cls.role, "en/role_nouns.txt")),
          MentionTables::Role{s_key, key == &p_key, g});
  }
}

// organisation_heads.txt (head, class).
void load_heads(MentionTables& t, Vocabulary* v) {
  for (const std::string& line : embedded_lines("en/organisation_heads.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    if (cols.size() != 2)
      throw error("en/organisation_heads.txt: bad line '" + line + "'");
    OrgClass cls = cols[1] == "gov"     ? OrgClass::gov
                   : cols[1] == "media" ? OrgClass::media
                                        : OrgClass::org;
    std::string key = cols[0].substr(cols[0].rfind(' ') + 1);
    t.org_heads.emplace(word_of(v, add_words(v, key, t.cls.org_head,
                                             "en/organisation_heads.txt")),
                        MentionTables::OrgHead{key, cls});
  }
}

// The pack's pronouns (mention_pronoun entries with gender= m, f, n or -
// and number= sg or pl) and possessive pronouns (mention_possessive_pronoun
// entries naming with subject= the pronoun whose gender and number they
// share).
void load_pronouns(MentionTables& t, const Vocabulary& v) {
  for (const LexiconEntry* e : v.entries_of(t.cls.pronoun)) {
    const std::string_view number = e->attribute("number");
    if (e->words.size() != 1 || (number != "sg" && number != "pl"))
      throw error(e->where +
                  ": a pronoun is one word with number=sg or number=pl");
    const WordId id = e->words[0];
    t.pronouns[id] = MentionTables::Pronoun{
        std::string(v.word(id)), gender_of(std::string(e->attribute("gender"))),
        number == "pl", v.has(id, t.cls.anaphor)};
  }
  for (const LexiconEntry* e : v.entries_of(t.cls.possessive_pronoun)) {
    const WordId subject = v.find(e->attribute("subject"));
    if (e->words.size() != 1 || subject == kNoWord ||
        !t.pronouns.count(subject))
      throw error(e->where +
                  ": a possessive pronoun names its pronoun with subject=");
    t.possessive_pronouns[e->words[0]] = subject;
  }
}

// not_names.txt and role_equivalents.txt.
void load_name_words(MentionTables& t, Vocabulary* v) {
  for (const std::string& line : embedded_lines("en/not_names.txt"))
    add_words(v, to_lower(line), t.cls.not_name, "en/not_names.txt");
  int group = 0;
  for (const std::string& line : embedded_lines("en/role_equivalents.txt")) {
    for (const std::string& role : split_fields(line, '|')) {
      const WordId id = t.role_group_words.intern(role);
      if (id >= t.role_group_ids.size()) t.role_group_ids.resize(id + 1, -1);
      t.role_group_ids[id] = group;  // a later line wins
    }
    ++group;
  }
}

}  // namespace

const MentionTables::EntryFacts& MentionTables::facts_of(
    const LexiconEntry* entry, const Vocabulary& vocabulary) const {
  static const EntryFacts kNone;
  const auto index =
      static_cast<std::size_t>(entry - vocabulary.entries().data());
  return index < entry_facts.size() ? entry_facts[index] : kNone;
}

MentionTables MentionTables::load(const Config& config,
                                  Vocabulary* vocabulary) {
  MentionTables t;
  t.cls = resolve_classes(*vocabulary);
  for (WordClass c : {t.cls.role, t.cls.document, t.cls.org_head})
    t.nominal_heads.add(c);
  t.pronoun_words.add(t.cls.pronoun);
  t.pronoun_words.add(t.cls.possessive_pronoun);
  // The cue stage's class: the words of a language are listed once.
  t.manner_suffixes =
      SuffixList(*vocabulary, vocabulary->word_class("manner_suffix"));
  load_countries(t, vocabulary);
  load_titles(t, vocabulary, config);
  load_roles(t, vocabulary);
  load_heads(t, vocabulary);
  load_pronouns(t, *vocabulary);
  load_name_words(t, vocabulary);
  vocabulary->finish();
  return t;
}

int role_group_of(const MentionTables& tables, std::string_view role) {
  auto group = [&](std::string_view phrase) {
    const WordId id = tables.role_group_words.find(phrase);
    return id == kNoWord ? -1 : tables.role_group_ids[id];
  };
  const int whole = group(role);
  if (whole >= 0) return whole;
  std::size_t cut = role.rfind(' ');
  if (cut == std::string_view::npos) return -1;
  // "russian foreign minister" -> "foreign minister"
  std::size_t first = role.find(' ');
  if (first != cut) {
    const int two = group(role.substr(first + 1));
    if (two >= 0) return two;
  }
  return group(role.substr(cut + 1));
}

}  // namespace quotelink::detail
