// Stage 5b, reported speech: indirect quotations ("X said (that) CLAUSE",
// "CLAUSE, X said", "According to X, CLAUSE") and mixed quotations (a partial
// quotation inside a reported clause), built on the cue frames of the sieves.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cues.h"
#include "mentions.h"
#include "quotelink/document.h"
#include "reported_rules.h"
#include "sieves.h"
#include "text.h"

namespace quotelink::detail {

/// The word classes the reported stage tests tokens for: one per table of
/// ReportedTables that is looked up by a token's lower-cased form
/// (data/<lang>/reported_words.tsv and reported_verbs.tsv); the tables hold
/// their entries as strings too, phrases included.
inline constexpr std::string_view kReportedWordClasses[] = {
    "reported_topic_light_verbs", "reported_adjuncts",
    "reported_blockers",          "reported_clause_breaks",
    "reported_complementisers",   "reported_conjunctions",
    "reported_determiners",       "reported_object_pronouns",
    "reported_predicate_openers", "reported_prepositions",
    "reported_skip_words",        "reported_subordinators",
    "reported_summary_openers",   "reported_time_words",
    "reported_clause_openers",    "reported_no_clause_forms",
    "reported_reporting_nouns",   "reported_source_blockers",
    "reported_topic_nouns"};

/// The reported stage's classes that come with the language pack itself
/// (data/<lang>/reported_words.tsv).
inline constexpr std::string_view kReportedPackClasses[] = {
    "reported_declarative", "reported_infinitive_marker"};

/// The reported stage's classes of cue lemmas and phrases, read only as
/// string tables of ReportedTables (reported_words.tsv, reported_verbs.tsv):
/// the same order as the tables in ReportedTables::load.
inline constexpr std::string_view kReportedLemmaClasses[] = {
    "reported_verbs",
    "reported_addressee_verbs",
    "reported_no_clause_verbs",
    "reported_infinitive_verbs",
    "reported_sourceless_verbs",
    "reported_question_verbs",
    "reported_nested_verbs",
    "reported_clause_break_pairs",
    "reported_topic_verbs"};

/// Word lists of the reported-speech stage (lower case).
struct ReportedTables {
  /// The classes of kReportedWordClasses (same order, named after the
  /// tables below), resolved in the vocabulary.
  struct Classes {
    WordClass topic_light_verbs;
    WordClass adjuncts;
    WordClass blockers;
    WordClass clause_breaks;
    WordClass complementisers;
    WordClass conjunctions;
    WordClass determiners;
    WordClass object_pronouns;
    WordClass predicate_openers;
    WordClass prepositions;
    WordClass skip_words;
    WordClass subordinators;
    WordClass summary_openers;
    WordClass time_words;
    WordClass clause_openers;
    WordClass no_clause_forms;
    WordClass reporting_nouns;
    WordClass source_blockers;
    WordClass topic_nouns;
    /// The complementiser of a statement ("that"), which may open the
    /// clause a few words after an addressee or an adjunct ("told the
    /// crowd in Ohio that"); kReportedPackClasses.
    WordClass declarative;
    /// The word that marks an infinitive ("to"): after a cue it opens no
    /// adjunct ("agreed to meet"); kReportedPackClasses.
    WordClass infinitive_marker;
  } cls;
  /// The lemmas of the verbs that report a clause but not marked quotations
  /// ("polls show"; their forms are the pack's report_verb entries): their
  /// clauses need a source mention.
  std::unordered_set<std::string> verb_lemmas;
  /// Cue lemmas that take an addressee before the clause ("told Y that").
  std::unordered_set<std::string> addressee_verbs;
  /// Cue lemmas that never report a clause by themselves ("call", "slam").
  std::unordered_set<std::string> no_clause_verbs;
  /// Cue word forms that as often name a thing or a thought as report a
  /// clause ("states", "thought"): like no_clause_verbs, for one form.
  std::unordered_set<std::string> no_clause_forms;
  /// Words that open a reported clause ("that", "whether", "how").
  std::unordered_set<std::string> complementisers;
  /// Words between a cue and its clause that are not content ("Tuesday").
  std::unordered_set<std::string> skip_words;
  /// Words right after a cue that show it reports nothing ("nothing", "so").
  std::unordered_set<std::string> blockers;
  /// Words right before a source that make the cue no report ("as I said").
  std::unordered_set<std::string> source_blockers;
  /// Words before a cue word that make it a noun ("the state", "a call").
  std::unordered_set<std::string> determiners;
  /// Reporting nouns a gerund cue may follow ("a statement saying").
  std::unordered_set<std::string> reporting_nouns;
  /// Cue lemmas whose content may be an infinitive ("wants to ...").
  std::unordered_set<std::string> infinitive_verbs;
  /// Words that join two reports in a sentence ("and", "but", "while").
  std::unordered_set<std::string> conjunctions;
  /// Words after a comma that end a reported clause (", but", ", while").
  std::unordered_set<std::string> clause_breaks;
  /// Two-word openings after a comma that end a reported clause (", and
  /// he", ", and when").
  std::unordered_set<std::string> clause_break_pairs;
  /// Words right before ", according to X, CLAUSE" that leave CLAUSE to
  /// the source ("because", "and").
  std::unordered_set<std::string> clause_openers;
  /// Words after a comma or dash that open a noun phrase summing up the
  /// clause before it, which ends there ("..., a claim his rivals deny").
  std::unordered_set<std::string> summary_openers;
  /// Cue lemmas whose subject is what the writer describes, not a source
  /// ("the plan seems doomed"): their reports have no speaker.
  std::unordered_set<std::string> sourceless_verbs;
  /// Cue lemmas that in the passive report a question with no asker
  /// ("Asked whether ...", "was asked about ...").
  std::unordered_set<std::string> question_verbs;
  /// Words that open an adjunct after a cue ("said in response").
  std::unordered_set<std::string> prepositions;
  /// Auxiliaries and verb forms that open a coordinated predicate after
  /// "and"/"but" ("and has appeared", "but said").
  std::unordered_set<std::string> predicate_openers;
  /// Words that open a sentence with a subordinate clause ("Though he did
  /// not mention A, he ..."): a report inside it ends at its comma.
  std::unordered_set<std::string> subordinators;
  /// Words and two-word openings ("during", "at a") that end a name or
  /// pronoun object: an adjunct of the report follows.
  std::unordered_set<std::string> adjuncts;
  /// Object pronouns that can be a whole reported object ("opposed it").
  std::unordered_set<std::string> object_pronouns;
  /// Time words that end a clause without belonging to it ("last week").
  std::unordered_set<std::string> time_words;
  /// Cue lemma -> prepositions whose object the cue reports as its topic or
  /// target ("talk" -> "about", "call" -> "for").
  std::unordered_map<std::string, std::unordered_set<std::string>>
      topic_prepositions;
  /// Reporting noun or attitude adjective -> prepositions whose object its
  /// holder reports ("questions" -> "about", "critical" -> "of").
  std::unordered_map<std::string, std::unordered_set<std::string>> topic_nouns;
  /// Verb forms whose subject holds a reporting noun after them ("raised
  /// questions about", "voiced support for").
  std::unordered_set<std::string> topic_light_verbs;
  /// Lemmas of report verbs that report only through topic_prepositions
  /// ("refer", "focus"; topic_only=yes).
  std::unordered_set<std::string> topic_only_verbs;
  /// Lemmas whose report stands inside another report ("say", "tell").
  std::unordered_set<std::string> nested_verbs;
  /// The tables of `vocabulary`'s classes kReportedWordClasses,
  /// kReportedPackClasses and kReportedLemmaClasses.
  static ReportedTables load(const Vocabulary& vocabulary);
};

/// One reported-speech attribution found by the stage.
struct ReportedQuote {
  Quote quote;     ///< kind indirect; span, quoted_parts, position set
  int frame = -1;  ///< index into the frames it came from, or -1
  ReportedRule rule = ReportedRule::after;  ///< the rule that found it
  std::string_view sieve;  ///< its rule's sieve ("reported_after", ...)
  int source = -1;  ///< the speaker mention when the frame has none, or -1
  bool sourceless = false;  ///< no speaker, whatever the frame's source
  double confidence = 0.0;
  std::vector<int> absorbed;  ///< partial quotations (indices) inside it
};

/// The cues of `a` and those of `b` that overlap none of `a`, in text order.
std::vector<Cue> merge_cues(const std::vector<Cue>& a,
                            const std::vector<Cue>& b);

/// Finds reported speech for every frame with a source; `in.quotes` are the
/// marked quotations (their direct ones are never overlapped, their partial
/// ones inside a reported clause are listed in `absorbed`). Results are in
/// text order (of two starting together, the longer first); two results nest
/// or are disjoint, never cross. The rules of reported_rules.h are tried in
/// table order, skipping those `switches` turn off. Linear in tokens + cues.
std::vector<ReportedQuote> find_reported(
    const SieveInput& in, const std::vector<CueFrame>& frames,
    const ReportedTables& tables,
    const RuleSwitches& switches = RuleSwitches{});

/// For each of `in.quotes`, true when it is a scare quote: a partial
/// quotation without a speaker (`attributions[q].mention < 0`) that is a
/// phrase of at most five words or sits in a sentence with no verb or source
/// cue ("the so-called \"reform\""), a term in marks rather than anyone's
/// words; never in a sentence whose own words are all in scripts other than
/// Latin, which the lexicons cannot judge. Linear in tokens + quotes + cues.
std::vector<bool> scare_quotes(const SieveInput& in,
                               const std::vector<Attribution>& attributions);

}  // namespace quotelink::detail
