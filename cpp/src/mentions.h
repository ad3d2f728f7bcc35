// Stage 4, mentions: candidate speakers found without a parser — names with
// titles, roles, organisations, places standing for governments, documents and
// pronouns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "countries.h"
#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "rules.h"
#include "text.h"
#include "token_layer.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// Grammatical gender of a mention, as far as the words tell.
enum class Gender : unsigned char { unknown, male, female, neuter };

/// Organisation head class: a body that speaks for a government, or not.
enum class OrgClass : unsigned char { gov, org, media };

/// The word classes the mention stage reads from the vocabulary, all pack
/// data: the small classes of data/<lang>/mention_words.tsv (with
/// mention_name_opener, mention_document, mention_pronoun and
/// mention_possessive_pronoun), mention_title (titles.tsv, plus
/// Config::extra_titles), mention_role (roles.tsv), mention_org_head
/// (organisations.tsv), mention_not_name (not_names.tsv), mention_role_group
/// (role_groups.tsv), mention_place and mention_demonym (countries.tsv).
inline constexpr std::string_view kMentionWordClasses[] = {
    "mention_connector",
    "mention_determiner",
    "mention_definite",
    "mention_doclink",
    "mention_not_alone",
    "mention_auxiliary",
    "mention_quantity",
    "mention_relative",
    "mention_aside",
    "mention_plural_determiner",
    "mention_coordinator",
    "mention_plural_head",
    "mention_approximator",
    "mention_clause_opener",
    "mention_title",
    "mention_not_name",
    "mention_name_opener",
    "mention_document",
    "mention_pronoun",
    "mention_possessive_pronoun",
    "mention_role",
    "mention_org_head",
    "mention_place",
    "mention_demonym",
    "mention_article",
    "mention_partitive",
    "mention_plural_organisation",
    "mention_anaphor",
    "mention_modifier",
    "mention_role_group",
    "adverbial",
    "mention_pronoun_contraction"};

/// The mention stage's tables: word classes of the vocabulary (a test is one
/// AND on a token's id), and what some entries mean (keyed by word id or
/// entry index, so no look-up hashes a string).
struct MentionTables {
  /// The pack's countries (countries.tsv); a mention's country indexes
  /// countries.names.
  Countries countries;
  /// The classes of kMentionWordClasses, resolved in the vocabulary.
  struct Classes {
    WordClass connector;            ///< "of", "bin", "von"
    WordClass determiner;           ///< opens a noun phrase
    WordClass definite;             ///< a determiner that refers back
    WordClass doclink;              ///< "on", "from", "by"
    WordClass not_alone;            ///< never a name on its own
    WordClass auxiliary;            ///< "has", "will": never a subject's head
    WordClass quantity;             ///< "sixty", "half", "most"
    WordClass relative;             ///< "who" between a subject and its cue
    WordClass aside;                ///< "however", "for instance" (phrases)
    WordClass plural_determiner;    ///< "those", "many"
    WordClass coordinator;          ///< "and", "or" joining two subjects
    WordClass plural_head;          ///< "people", "media"
    WordClass approximator;         ///< "about", "more than"
    WordClass clause_opener;        ///< "while", "and"
    WordClass title;                ///< "foreign minister", "mr." (phrases)
    WordClass not_name;             ///< never starts a name ("the")
    WordClass name_opener;          ///< a not_name opening a place ("new")
    WordClass document;             ///< a document noun (pack data)
    WordClass pronoun;              ///< a personal pronoun (pack data)
    WordClass possessive_pronoun;   ///< "his" (pack data, subject=)
    WordClass role;                 ///< a role head noun, either number
    WordClass org_head;             ///< an organisation head noun
    WordClass place;                ///< a country's name, alias or seat
    WordClass demonym;              ///< a country's demonym
    WordClass article;              ///< "the": may open or join a name
    WordClass partitive;            ///< "one of" before an apposition
    WordClass plural_organisation;  ///< an organisation head, plural
    WordClass anaphor;     ///< a pronoun referring back ("he", not "I")
    WordClass modifier;    ///< a not_name that may modify a head ("new")
    WordClass role_group;  ///< a role phrase of an office (group=)
    /// words.tsv's adverbial: between a subject and its cue ("Just")
    WordClass adverbial;
    WordClass pronoun_contraction;  ///< "he's", "they'll" (subject=)
  } cls;
  /// Manner adverb endings ("-ly", class manner_suffix of the cue stage's
  /// words): such a word is no modifier of a speaker's noun.
  SuffixList manner_suffixes;
  /// role | document | org_head: the classes of a nominal's head noun.
  ClassMask nominal_heads;
  /// pronoun | possessive_pronoun.
  ClassMask pronoun_words;
  std::size_t longest_title = 1;  ///< in words
  struct Role {
    std::string singular;
    bool plural = false;
    Gender gender = Gender::unknown;
  };
  /// role head noun (both number forms) -> its role
  std::unordered_map<WordId, Role> roles;
  struct OrgHead {
    std::string word;  ///< the head noun
    OrgClass cls = OrgClass::org;
  };
  std::unordered_map<WordId, OrgHead> org_heads;
  struct Pronoun {
    std::string word;  ///< the pronoun
    Gender gender = Gender::unknown;
    bool plural = false;
    bool anaphor = false;  ///< class mention_anaphor: it has an antecedent
  };
  std::unordered_map<WordId, Pronoun> pronouns;
  /// possessive pronoun ("his") -> the subject pronoun it stands for ("he")
  std::unordered_map<WordId, WordId> possessive_pronouns;
  /// A contracted pronoun's subject pronoun ("he'll" -> "he").
  std::unordered_map<WordId, WordId> contracted_pronouns;
  /// What a vocabulary entry of the classes title, place or demonym means,
  /// by entry index (Vocabulary::entries()).
  struct EntryFacts {
    int place_country = -1;    ///< for a place: index into `countries`
    int demonym_country = -1;  ///< for a demonym: index into `countries`
    bool gendered = false;     ///< for a title: it implies `gender`
    Gender gender = Gender::unknown;
  };
  std::vector<EntryFacts> entry_facts;
  /// role phrase ("top diplomat") -> equivalence group id (the entity stage)
  /// (role_group_ids indexed by the phrase's id in role_group_words, so a
  /// look-up of a phrase's tail copies no string)
  WordTable role_group_words;
  std::vector<int> role_group_ids;

  /// The facts of entry `entry` of the vocabulary the tables were loaded in.
  const EntryFacts& facts_of(const LexiconEntry* entry,
                             const Vocabulary& vocabulary) const;
  /// The tables of `vocabulary`'s classes of kMentionWordClasses (the tables
  /// then work on token layers of that vocabulary); throws quotelink::error
  /// naming file and line for an entry whose attributes are wrong.
  static MentionTables load(const Vocabulary& vocabulary);
};

/// A candidate speaker with what the later stages need to know about it.
struct SpeakerMention {
  Mention mention;   ///< span, kind and head (public part)
  int first = 0;     ///< first token, inclusive
  int last = 0;      ///< last token, inclusive
  int country = -1;  ///< index into MentionTables::countries, or -1
  /// A name's words (titles removed): mention.head holds them, one space
  /// apart; an initial keeps its dot ("George W. Bush": 3).
  int name_word_count = 0;
  int appositive = -1;  ///< mention tied by apposition, or -1
  int sentence = 0;     ///< index into TextLayout::sentences
  int owner = -1;       ///< for documents: the mention that issued it
  Gender gender = Gender::unknown;
  bool plural = false;
  bool definite = false;    ///< "the ...", "Russia's ...": refers back
  bool possessive = false;  ///< "Kim's": a possessor, not a subject
  bool government = false;  ///< speaks for `country`'s government
  bool subject = false;     ///< opens its sentence (after an opening phrase)
  /// An auxiliary or modal follows ("the bill would pass"): the subject of a
  /// clause, never the inverted subject of a cue before it.
  bool before_auxiliary = false;
  /// A pronoun referring back to an antecedent ("he", "his"; not "I", "we"):
  /// the entity stage resolves it.
  bool anaphor = false;
  /// A name in a title-case headline ("Offensive Things Donald Trump Has
  /// Said"), where capitalised words run into names: no canonical name
  /// while the entity has a name from prose.
  bool headline = false;
  /// Titles stripped from a name, lower case; like `role` and `head_word`
  /// a CompactString (in place up to 15 bytes, 16 bytes instead of a
  /// std::string's 32), so that a window's candidates stay small.
  CompactString title;
  CompactString role;  ///< role words, lower case ("top diplomat")
  /// The head noun, singular lower case: one word.
  CompactString head_word;
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

/// The stage whose switches turn a mention rule off.
constexpr RuleStage rule_stage(MentionRuleId) { return RuleStage::mentions; }

/// The rule's name as the rule table gives it ("mention_pronouns").
std::string_view mention_rule_name(MentionRuleId rule);

/// Finds the mentions outside quotations, ordered by start; none overlap.
/// `tokens` is the document's token layer, built on the vocabulary `tables`
/// were loaded in. `cue_starts` (optional, per token) marks where a speech
/// verb starts, so that any "the ... NOUN said" and "Cuban said" become
/// mentions too. Runs the rules of kMentionRules in order, skipping those
/// `switches` turn off. Linear in tokens, with bounded look-around.
std::vector<SpeakerMention> find_mentions(
    std::string_view text, const TextLayout& layout, const TokenLayer& tokens,
    const MentionTables& tables, const std::vector<bool>* cue_starts = nullptr,
    const RuleSwitches& switches = RuleSwitches{});

/// The role-equivalence group of `role` or of its last word, or -1.
int role_group_of(const MentionTables& tables, std::string_view role);

/// Adds config.extra_titles to `vocabulary` as mention_title entries (before
/// Vocabulary::finish); throws quotelink::error for an empty title.
void add_extra_titles(const Config& config, Vocabulary* vocabulary);

}  // namespace quotelink::detail
