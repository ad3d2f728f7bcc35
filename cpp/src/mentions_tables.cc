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

// Countries by name, seat, alias and demonym (lower case).
void load_countries(MentionTables& t) {
  t.countries =
      parse_countries(embedded_file("en/countries.tsv"), "en/countries.tsv");
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
}

void add_title(MentionTables& t, const std::string& title,
               const std::string& gender) {
  std::string key = to_lower(title);
  if (key.empty()) return;
  t.titles.insert(key);
  t.longest_title = std::max(t.longest_title, word_count(key));
  if (!gender.empty()) t.title_gender[key] = gender_of(gender);
}

// titles.txt (title, optional gender) and Config::extra_titles.
void load_titles(MentionTables& t, const Config& config) {
  for (const std::string& line : embedded_lines("en/titles.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    add_title(t, cols[0], cols.size() > 1 ? cols[1] : "");
  }
  for (const std::string& title : config.extra_titles) {
    if (title.find_first_not_of(" \t") == std::string::npos)
      throw error("extra_titles: empty title");
    add_title(t, title, "");
  }
}

// role_nouns.txt: singular, plural (one or two words each), optional gender;
// keyed by the last word, the head noun the finder meets.
void load_roles(MentionTables& t) {
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
    std::string s_key = singular.substr(singular.rfind(' ') + 1);
    std::string p_key = plural.substr(plural.rfind(' ') + 1);
    t.roles.emplace(s_key, MentionTables::Role{s_key, false, g});
    t.roles.emplace(p_key, MentionTables::Role{s_key, true, g});
  }
}

// organisation_heads.txt (head, class) and document_nouns.txt.
void load_heads(MentionTables& t) {
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
}

// pronouns.txt (pronoun, gender, number) and possessive_pronouns.txt.
void load_pronouns(MentionTables& t) {
  for (const std::string& line : embedded_lines("en/pronouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    if (words.size() != 3)
      throw error("en/pronouns.txt: bad line '" + line + "'");
    t.pronouns[words[0]] =
        MentionTables::Pronoun{gender_of(words[1]), words[2] == "pl"};
  }
  for (const std::string& line : embedded_lines("en/possessive_pronouns.txt")) {
    std::vector<std::string> words = split_fields(line, ' ');
    if (words.size() != 2 || !t.pronouns.count(words[1]))
      throw error("en/possessive_pronouns.txt: bad line '" + line + "'");
    t.possessive_pronouns[words[0]] = words[1];
  }
}

// mention_words.txt: class, word (and "definite" for a determiner).
void load_mention_words(MentionTables& t) {
  const std::pair<std::string_view, std::unordered_set<std::string>*>
      classes[] = {
          {"connector", &t.connectors},
          {"doclink", &t.doclinks},
          {"notalone", &t.not_alone},
          {"auxiliary", &t.auxiliaries},
          {"quantity", &t.quantities},
          {"relative", &t.relatives},
          {"aside", &t.asides},
          {"pluraldeterminer", &t.plural_determiners},
          {"coordinator", &t.coordinators},
          {"pluralhead", &t.plural_heads},
          {"approximator", &t.approximators},
          {"clauseopener", &t.clause_openers},
      };
  for (const std::string& line : embedded_lines("en/mention_words.txt")) {
    std::vector<std::string> cols = split_tabs(line);
    if (cols.size() < 2)
      throw error("en/mention_words.txt: bad line '" + line + "'");
    if (cols[0] == "determiner") {
      t.determiners[cols[1]] = cols.size() > 2 && cols[2] == "definite";
      continue;
    }
    auto it = std::find_if(std::begin(classes), std::end(classes),
                           [&](const auto& c) { return c.first == cols[0]; });
    if (it == std::end(classes))
      throw error("en/mention_words.txt: unknown class '" + cols[0] + "'");
    it->second->insert(cols[1]);
  }
}

}  // namespace

MentionTables MentionTables::load(const Config& config) {
  MentionTables t;
  load_countries(t);
  load_titles(t, config);
  load_roles(t);
  load_heads(t);
  load_pronouns(t);
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
  load_mention_words(t);
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

}  // namespace quotelink::detail
