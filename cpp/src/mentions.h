// Stage 4, mentions: candidate speakers found without a parser — names with
// titles, roles, organisations, places standing for governments, documents and
// pronouns.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "countries.h"
#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "text.h"

namespace quotelink::detail {

/// Grammatical gender of a mention, as far as the words tell.
enum class Gender : unsigned char { unknown, male, female, neuter };

/// Organisation head class: a body that speaks for a government, or not.
enum class OrgClass : unsigned char { gov, org, media };

/// Word lists of the mention stage (lower case keys).
struct MentionTables {
  std::vector<Country> countries;
  /// name, alias or seat (lower case, space-joined) -> country index
  std::unordered_map<std::string, int> place_country;
  /// demonym (lower case) -> country index
  std::unordered_map<std::string, int> demonym_country;
  std::unordered_set<std::string> titles;  ///< "foreign minister", "mr."
  std::size_t longest_title = 1;           ///< in words
  struct Role {
    std::string singular;
    bool plural = false;
    Gender gender = Gender::unknown;
  };
  std::unordered_map<std::string, Role> roles;  ///< both number forms
  std::size_t longest_role = 1;
  std::unordered_map<std::string, OrgClass> org_heads;
  std::unordered_set<std::string> documents;
  struct Pronoun {
    Gender gender = Gender::unknown;
    bool plural = false;
  };
  std::unordered_map<std::string, Pronoun> pronouns;
  /// possessive pronoun ("his") -> the subject pronoun it stands for ("he")
  std::unordered_map<std::string, std::string> possessive_pronouns;
  std::unordered_set<std::string> not_names;
  /// not_names words that open a place name before a capitalised word
  /// ("New York"), lower case
  std::unordered_set<std::string> name_openers;
  /// role phrase ("top diplomat") -> equivalence group id
  std::unordered_map<std::string, int> role_group;
  std::unordered_map<std::string, Gender> title_gender;
  std::unordered_set<std::string> connectors;         ///< "of", "bin", "von"
  std::unordered_map<std::string, bool> determiners;  ///< -> definite
  std::unordered_set<std::string> doclinks;           ///< "on", "from", "by"
  std::unordered_set<std::string> not_alone;  ///< never a name on its own
  /// auxiliaries and modals ("has", "will"): never the head of a subject
  std::unordered_set<std::string> auxiliaries;
  /// number and quantity words that open a quantity of people ("sixty",
  /// "half", "most")
  std::unordered_set<std::string> quantities;
  /// words that may stand before such a quantity ("about", "nearly", "more
  /// than")
  std::unordered_set<std::string> approximators;
  /// plurals without -s that may head a bare noun phrase before a cue
  /// ("people", "media")
  std::unordered_set<std::string> plural_heads;
  /// asides set off by commas between a subject and its cue ("however",
  /// "for instance"), lower case, space-joined
  std::unordered_set<std::string> asides;
  /// relative pronouns between a subject and its cue ("18% who say")
  std::unordered_set<std::string> relatives;
  /// determiners of a plural phrase ("those", "many")
  std::unordered_set<std::string> plural_determiners;
  /// words joining two subjects of one cue ("and", "or")
  std::unordered_set<std::string> coordinators;
  /// words after which a new clause's subject may start ("while", "and")
  std::unordered_set<std::string> clause_openers;
  /// Loads the built-in lists plus config.extra_titles.
  static MentionTables load(const Config& config);
};

/// A candidate speaker with what the later stages need to know about it.
struct SpeakerMention {
  Mention mention;  ///< span, kind and head (public part)
  int first = 0;    ///< first token, inclusive
  int last = 0;     ///< last token, inclusive
  Gender gender = Gender::unknown;
  bool plural = false;
  bool definite = false;    ///< "the ...", "Russia's ...": refers back
  bool possessive = false;  ///< "Kim's": a possessor, not a subject
  bool government = false;  ///< speaks for `country`'s government
  int country = -1;         ///< index into MentionTables::countries, or -1
  std::string title;        ///< titles stripped from a name, lower case
  std::string role;         ///< role words, lower case ("top diplomat")
  std::string head_word;    ///< the head noun, singular lower case
  std::vector<std::string> name_words;  ///< a name's words, titles removed
  int appositive = -1;                  ///< mention tied by apposition, or -1
  int sentence = 0;                     ///< index into TextLayout::sentences
  bool subject = false;  ///< opens its sentence (after an opening phrase)
  /// An auxiliary or modal follows ("the bill would pass"): the subject of a
  /// clause, never the inverted subject of a cue before it.
  bool before_auxiliary = false;
  int owner = -1;  ///< for documents: the mention that issued it
};

/// The rules of the mention stage, in the order they run. The proposing
/// rules (names ... pronouns) add candidates; overlaps are then resolved (the
/// stage's contract, no rule); the refining rules (coordinate_subjects ...)
/// edit the resolved mentions. kMentionRules (mentions_scan.h) gives each its
/// name and unit.
enum class MentionRuleId : unsigned char {
  names,                ///< capitalised runs: people, organisations, places
  nominals,             ///< phrases headed by a role, organisation, document
  quantity_subjects,    ///< "Sixty-six percent said"
  cue_subjects,         ///< "the gambling tycoon told"
  bare_subjects,        ///< "Protest groups say"
  cue_objects,          ///< "said one Trump confidant"
  pronouns,             ///< "he", "his"
  coordinate_subjects,  ///< "Her advisers and allies say": one mention
  issuer_documents,     ///< "the Ministry ... website said": one mention
  sentence_subjects,    ///< SpeakerMention::subject
  before_auxiliaries,   ///< SpeakerMention::before_auxiliary
  appositions,          ///< SpeakerMention::appositive
  document_owners,      ///< SpeakerMention::owner
  count,
};

inline constexpr std::size_t kMentionRuleCount =
    static_cast<std::size_t>(MentionRuleId::count);

/// A set of mention rules (by MentionRuleId), e.g. those switched off.
using MentionRuleSet = std::bitset<kMentionRuleCount>;

/// The rule's name as the rule table gives it ("pronouns").
std::string_view mention_rule_name(MentionRuleId rule);

/// Finds the mentions outside quotations, ordered by start; none overlap.
/// `cue_starts` (optional, per token) marks where a speech verb starts, so
/// that any "the ... NOUN said" and "Cuban said" become mentions too. Runs the
/// rules of kMentionRules in order, skipping those `disabled`. Linear in
/// tokens, with bounded look-around.
std::vector<SpeakerMention> find_mentions(
    std::string_view text, const TextLayout& layout,
    const std::vector<int>& quote_of_token, const MentionTables& tables,
    const std::vector<bool>* cue_starts = nullptr,
    const MentionRuleSet& disabled = MentionRuleSet{});

/// The role-equivalence group of `role` or of its last word, or -1.
int role_group_of(const MentionTables& tables, const std::string& role);

}  // namespace quotelink::detail
