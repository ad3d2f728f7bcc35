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

// A gender= value: m, f or n; unknown when absent or "-". Throws for another
// value.
Gender gender_of(const LexiconEntry& e) {
  const std::string_view code = e.attribute("gender");
  if (code.empty() || code == "-") return Gender::unknown;
  if (code == "m") return Gender::male;
  if (code == "f") return Gender::female;
  if (code == "n") return Gender::neuter;
  throw error(e.where + ": gender= is m, f or n");
}

// The text of one-word entry `e` of class `what`; throws for a phrase.
std::string_view one_word(const LexiconEntry& e, const Vocabulary& v,
                          const char* what) {
  if (e.words.size() != 1) throw error(e.where + ": " + what + " is one word");
  return v.word(e.words[0]);
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
      {"mention_role_group", &c.role_group},
      {"adverbial", &c.adverbial},
      {"mention_pronoun_contraction", &c.pronoun_contraction},
  };
  static_assert(std::size(named) == std::size(kMentionWordClasses),
                "every mention class resolved");
  for (const auto& [name, cls] : named) *cls = v.word_class(name);
  return c;
}

// The facts of entry `entry`, growing the table as entries are added.
MentionTables::EntryFacts& facts_at(MentionTables& t, std::size_t entry) {
  if (entry >= t.entry_facts.size()) t.entry_facts.resize(entry + 1);
  return t.entry_facts[entry];
}

// Each place's and demonym's country (countries.tsv).
void load_countries(MentionTables& t, const Vocabulary& v) {
  t.countries = Countries::of(v);
  for (const CountryPhrase& p : t.countries.phrases) {
    MentionTables::EntryFacts& facts = facts_at(t, p.entry);
    if (p.place) facts.place_country = p.country;
    if (p.demonym) facts.demonym_country = p.country;
  }
}

// Titles (titles.tsv and Config::extra_titles): their gender= and the
// longest one's word count.
void load_titles(MentionTables& t, const Vocabulary& v) {
  const LexiconEntry* first = v.entries().data();
  for (const LexiconEntry* e : v.entries_of(t.cls.title)) {
    t.longest_title = std::max(t.longest_title, e->words.size());
    if (e->attribute("gender").empty()) continue;
    MentionTables::EntryFacts& facts =
        facts_at(t, static_cast<std::size_t>(e - first));
    facts.gendered = true;
    facts.gender = gender_of(*e);
  }
}

// Role head nouns (roles.tsv): number=sg or pl, a plural's singular=, and
// gender=.
void load_roles(MentionTables& t, const Vocabulary& v) {
  for (const LexiconEntry* e : v.entries_of(t.cls.role)) {
    const std::string_view word = one_word(*e, v, "a role");
    const std::string_view number = e->attribute("number");
    if (number != "sg" && number != "pl")
      throw error(e->where + ": a role has number=sg or number=pl");
    const std::string_view singular = e->attribute("singular");
    t.roles.emplace(
        e->words[0],
        MentionTables::Role{std::string(singular.empty() ? word : singular),
                            number == "pl", gender_of(*e)});
  }
}

// Organisation head nouns (organisations.tsv): organisation= gov, org or
// media.
void load_heads(MentionTables& t, const Vocabulary& v) {
  for (const LexiconEntry* e : v.entries_of(t.cls.org_head)) {
    const std::string_view word = one_word(*e, v, "an organisation head");
    const std::string_view cls = e->attribute("organisation");
    if (cls != "gov" && cls != "org" && cls != "media")
      throw error(e->where + ": organisation= is gov, org or media");
    t.org_heads.emplace(
        e->words[0], MentionTables::OrgHead{std::string(word),
                                            cls == "gov"     ? OrgClass::gov
                                            : cls == "media" ? OrgClass::media
                                                             : OrgClass::org});
  }
}

// The entries of class `c`, each one word naming with subject= a pronoun of
// `t.pronouns`, as a map from the word to that pronoun; `what` names the
// class in the error.
std::unordered_map<WordId, WordId> subject_pronouns(const MentionTables& t,
                                                    const Vocabulary& v,
                                                    WordClass c,
                                                    const char* what) {
  std::unordered_map<WordId, WordId> subjects;
  for (const LexiconEntry* e : v.entries_of(c)) {
    const WordId subject = v.find(e->attribute("subject"));
    if (e->words.size() != 1 || subject == kNoWord ||
        !t.pronouns.count(subject))
      throw error(e->where + ": " + what + " names its pronoun with subject=");
    subjects[e->words[0]] = subject;
  }
  return subjects;
}

// The pack's pronouns (mention_pronoun entries with gender= m, f, n or -
// and number= sg or pl), possessive pronouns (mention_possessive_pronoun)
// and contracted pronouns (mention_pronoun_contraction), the last two
// naming with subject= the pronoun whose gender and number they share.
void load_pronouns(MentionTables& t, const Vocabulary& v) {
  for (const LexiconEntry* e : v.entries_of(t.cls.pronoun)) {
    const std::string_view number = e->attribute("number");
    if (e->words.size() != 1 || (number != "sg" && number != "pl"))
      throw error(e->where +
                  ": a pronoun is one word with number=sg or number=pl");
    const WordId id = e->words[0];
    t.pronouns[id] =
        MentionTables::Pronoun{std::string(v.word(id)), gender_of(*e),
                               number == "pl", v.has(id, t.cls.anaphor)};
  }
  t.possessive_pronouns =
      subject_pronouns(t, v, t.cls.possessive_pronoun, "a possessive pronoun");
  t.contracted_pronouns =
      subject_pronouns(t, v, t.cls.pronoun_contraction, "a contracted pronoun");
}

// Role groups (role_groups.tsv): phrases with the same group= name one
// office; groups are numbered in order of first mention.
void load_role_groups(MentionTables& t, const Vocabulary& v) {
  WordTable groups;
  for (const LexiconEntry* e : v.entries_of(t.cls.role_group)) {
    const std::string_view group = e->attribute("group");
    if (group.empty()) throw error(e->where + ": a role phrase has group=");
    std::string phrase;
    for (WordId w : e->words)
      (phrase += phrase.empty() ? "" : " ") += v.word(w);
    const WordId id = t.role_group_words.intern(phrase);
    if (id >= t.role_group_ids.size()) t.role_group_ids.resize(id + 1, -1);
    t.role_group_ids[id] = static_cast<int>(groups.intern(group));
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

MentionTables MentionTables::load(const Vocabulary& vocabulary) {
  MentionTables t;
  t.cls = resolve_classes(vocabulary);
  for (WordClass c : {t.cls.role, t.cls.document, t.cls.org_head})
    t.nominal_heads.add(c);
  t.pronoun_words.add(t.cls.pronoun);
  t.pronoun_words.add(t.cls.possessive_pronoun);
  t.pronoun_words.add(t.cls.pronoun_contraction);
  // The cue stage's class: the words of a language are listed once.
  t.manner_suffixes =
      SuffixList(vocabulary, vocabulary.word_class("manner_suffix"));
  load_countries(t, vocabulary);
  load_titles(t, vocabulary);
  load_roles(t, vocabulary);
  load_heads(t, vocabulary);
  load_pronouns(t, vocabulary);
  load_role_groups(t, vocabulary);
  return t;
}

void add_extra_titles(const Config& config, Vocabulary* vocabulary) {
  const WordClass title = vocabulary->word_class("mention_title");
  for (const std::string& extra : config.extra_titles) {
    if (extra.find_first_not_of(" \t") == std::string::npos)
      throw error("extra_titles: empty title");
    vocabulary->add_entry(to_lower(extra), {title}, {}, "Config::extra_titles");
  }
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
