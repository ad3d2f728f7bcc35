// Stage 3, cues: speech verbs and cue phrases found in the token stream.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotelink/document.h"
#include "quotelink/extractor.h"
#include "text.h"
#include "token_layer.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// The inflection of a cue verb; the sieves trust some forms more than others.
enum class VerbForm : unsigned char { base, third, past, gerund };

/// What a cue is.
enum class CueKind : unsigned char {
  verb,     ///< a speech verb, possibly multi-word ("said", "pointed out")
  source,   ///< the source follows ("according to X")
  adjunct,  ///< the channel of a cue ("in a statement", "at a briefing")
};

/// The word classes the cue stage (and the sieves) read from the pack
/// (data/en/cues.tsv and words.tsv say what each holds).
inline constexpr std::string_view kCueWordClasses[] = {
    "speech_verb",         "cue_source",        "cue_channel",
    "adverbial",           "relative_pronoun",  "coordinator",
    "preposition",         "passive_auxiliary", "subordinator",
    "adjunct_preposition", "addressee_verb",    "report_verb",
    "manner_suffix",       "inflection",        "noun_determiner",
    "document_issuer"};

/// The cue stage's view of a Vocabulary: its classes, and what each cue
/// entry is (kind, form, lemma), read once from the entries' attributes.
struct CueLexicon {
  /// What a cue entry of the vocabulary says.
  struct CueInfo {
    CueKind kind = CueKind::verb;
    VerbForm form = VerbForm::past;
    std::string lemma;            ///< "say" for "said"; the phrase otherwise
    WordId lemma_word = kNoWord;  ///< the lemma's id when it is one word
  };

  WordClass speech_verb, source, channel;
  WordClass adverbial, relative, coordinator, preposition, passive;
  WordClass subordinator, adjunct_preposition, addressee;
  /// Verbs only reported speech hears ("polls show"): the pack's report_verb
  /// entries (reported_verbs.tsv), with report_lemma= and report_form=
  /// attributes.
  WordClass report_verb;
  /// Words that open a noun phrase, so that a cue word right after one is a
  /// noun ("one of the states suing", "a tell"), class noun_determiner.
  WordClass noun_determiner;
  /// Verbs (and their particles) that put out a document ("issued a
  /// statement saying"): right before a document mention, the issuer and
  /// not the document is the source of the gerund after it, class
  /// document_issuer.
  WordClass document_issuer;
  /// The endings of manner adverbs ("-ly": "Trump jokingly said"), class
  /// manner_suffix.
  SuffixList manner_suffixes;
  ClassMask cue_classes;             ///< speech_verb | source | channel
  std::vector<CueInfo> info;         ///< by vocabulary entry index
  std::vector<CueInfo> report_info;  ///< the same for report_verb entries
  const Vocabulary* vocabulary = nullptr;

  /// Reads the classes and the cue entries of `vocabulary` (which must
  /// outlive this); throws quotelink::error for a bad form= attribute.
  explicit CueLexicon(const Vocabulary& vocabulary);
  /// The info of cue entry `entry` (an entry of `vocabulary`).
  const CueInfo& of(const LexiconEntry& entry) const {
    return info[index(entry)];
  }
  /// The info of report_verb entry `entry`.
  const CueInfo& report_of(const LexiconEntry& entry) const {
    return report_info[index(entry)];
  }
  /// The index of `entry` in the vocabulary's entries.
  std::size_t index(const LexiconEntry& entry) const {
    return static_cast<std::size_t>(&entry - vocabulary->entries().data());
  }
  /// True when cue lemma `lemma_word` takes its addressee as object.
  bool addressee_lemma(WordId lemma_word) const {
    return vocabulary->has(lemma_word, addressee);
  }
};

/// Adds config.extra_cue_verbs, inflected regularly, to `vocabulary` as
/// speech_verb entries (a form the pack already has as a cue keeps its
/// entry); throws quotelink::error for an extension that is no single word.
void add_extra_cue_verbs(const Config& config, Vocabulary* vocabulary);

/// One lexicon entry, keyed by its first word.
struct CueEntry {
  std::vector<std::string> rest;  ///< the words after the first, lower case
  std::string lemma;              ///< "say" for "said"; the phrase otherwise
  CueKind kind = CueKind::verb;
  VerbForm form = VerbForm::past;
};

/// The cue lexicon: every form of every cue verb and phrase.
struct CueTables {
  /// first word (lower case) -> entries, longest first
  std::unordered_map<std::string, std::vector<CueEntry>> by_first_word;
  /// Words allowed between a subject and its verb ("also", "has", "on").
  std::unordered_map<std::string, bool> adverbials;
  /// Relative pronouns a subject's clause may open with ("who", "which").
  std::unordered_map<std::string, bool> relatives;
  /// Words joining a verb to an earlier verb of its subject ("and").
  std::unordered_map<std::string, bool> coordinators;
  /// Prepositions of a phrase between a subject and its verb ("of", "for").
  std::unordered_map<std::string, bool> prepositions;
  /// Forms of "be" that make a following verb cue passive ("was asked").
  std::unordered_map<std::string, bool> passives;
  /// Words opening a subordinate clause ("after Rubio spoke").
  std::unordered_map<std::string, bool> subordinators;
  /// Prepositions opening an adjunct after a verb ("wrote on Twitter").
  std::unordered_map<std::string, bool> adjunct_prepositions;
  /// Lemmas whose object is the addressee, never an inverted subject
  /// ("told CNN"): the addressee_verb class of words.tsv.
  std::unordered_map<std::string, bool> addressee_lemmas;
  /// The tables of config.language's pack plus config.extra_cue_verbs.
  static CueTables load(const Config& config);
  /// The same tables read from `vocabulary`'s cue entries and classes.
  static CueTables from_vocabulary(const Vocabulary& vocabulary);
};

/// The non-empty fields of `s` split at `sep`, trimmed of spaces (lexicon
/// lines of this stage and the mention stage).
std::vector<std::string> split_fields(std::string_view s, char sep);

/// The verb of extension `verb` (Config::extra_cue_verbs); throws
/// quotelink::error unless it is one word.
std::string checked_extra_verb(const std::string& verb);

/// The regular inflections of verb `lemma` by `vocabulary`'s inflection
/// rules: base, third, past, gerund, each empty when no rule makes it. A rule
/// is an entry -ENDING of class inflection (cues.tsv) whose third=, past= and
/// gerund= replace the ending ("-" is the empty ending; "-e past=ed": note ->
/// noted), unless the lemma's letter before the ending is one of not_after=
/// ("-y not_after=aeiou third=ies": reply -> replies, play -> plays); for
/// each form the longest matching ending with that form wins. Throws
/// quotelink::error (naming file and line) for an entry not written -ENDING.
std::vector<std::string> inflect_regular(const Vocabulary& vocabulary,
                                         const std::string& lemma);

/// A cue found in the text.
struct Cue {
  int first = 0;  ///< first token (index into TextLayout::tokens)
  int last = 0;   ///< last token, inclusive
  Span span;
  CueKind kind = CueKind::verb;
  VerbForm form = VerbForm::past;
  std::string lemma;
  WordId lemma_word = kNoWord;  ///< the lemma's id (found by CueLexicon)
};

/// For each token, the index of the quotation (in `quotes`) whose marks
/// enclose it, or -1. Linear in tokens + quotes.
std::vector<int> quote_of_tokens(const TextLayout& layout,
                                 const std::vector<Quote>& quotes);

/// The token whose span starts at or after byte `offset` (binary search).
int token_at(const TextLayout& layout, std::size_t offset);

/// The lower-cased text of token `t`.
std::string token_lower(std::string_view text, const TextLayout& layout, int t);

/// The cue stage's two lists, found in one pass over the tokens.
struct CueSets {
  std::vector<Cue> cues;  ///< the sieves' cues (speech_verb, source, channel)
  std::vector<Cue> reported;  ///< report_verb cues, for reported speech only
};

/// Finds every cue outside quotations, in text order, longest match first
/// (each list on its own: a report verb may overlap a cue); the reported
/// list only when `with_reported`.
CueSets find_cue_sets(const TokenLayer& tokens, const TextLayout& layout,
                      const CueLexicon& lexicon, bool with_reported);

/// The first list of find_cue_sets alone.
std::vector<Cue> find_cues(const TokenLayer& tokens, const TextLayout& layout,
                           const CueLexicon& lexicon);

}  // namespace quotelink::detail
