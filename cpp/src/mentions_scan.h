// Stage 4, mentions, inside: what every mention rule reads (MentionScan) and
// the rule units themselves. Each rule has one signature, MentionRule, and one
// row in kMentionRules (mentions.h); mentions.cc runs them in table order.
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "mentions.h"
#include "rules.h"
#include "text.h"

namespace quotelink::detail {

/// The tokens of one text as the mention rules read them, over the token
/// layer: lower-case forms and word ids come from it, none is computed
/// again. Tokens inside a quotation are no words.
class Words {
 public:
  Words(std::string_view text, const TextLayout& layout,
        const TokenLayer& tokens)
      : text_(text),
        layout_(layout),
        tokens_(tokens),
        size_(static_cast<int>(layout.tokens.size())) {}
  int size() const { return size_; }
  const TokenLayer& layer() const { return tokens_; }
  /// The lower-cased form.
  std::string_view lower(int t) const { return tokens_.lower(t); }
  /// The lower-case word without a possessive ending.
  std::string_view base(int t) const {
    return tokens_.text_of(tokens_.base(t));
  }
  /// The lower-cased form has class `c`.
  bool is(int t, WordClass c) const { return tokens_.is(t, c); }
  /// The possessive-stripped form has class `c`.
  bool base_is(int t, WordClass c) const { return tokens_.base_is(t, c); }
  /// The lower-cased form has a class of `mask`.
  bool is_any(int t, const ClassMask& mask) const {
    return tokens_.vocabulary().classes(tokens_.word(t)).intersects(mask);
  }
  /// The possessive-stripped form has a class of `mask`.
  bool base_is_any(int t, const ClassMask& mask) const {
    return tokens_.vocabulary().classes(tokens_.base(t)).intersects(mask);
  }
  const Token& token(int t) const { return layout_.tokens[t]; }
  /// A word token outside every quotation.
  bool word(int t) const {
    return t >= 0 && t < size() && tokens_.shape(t, Shape::word) &&
           tokens_.quote(t) < 0;
  }
  /// Inside a quotation's marks (or a mark itself).
  bool quoted(int t) const {
    return t >= 0 && t < size() &&
           (tokens_.quote(t) >= 0 || tokens_.shape(t, Shape::quote_mark));
  }
  /// A word starting with an upper-case letter (Unicode).
  bool cap(int t) const {
    return word(t) && tokens_.shape(t, Shape::capitalised);
  }
  /// A word of at least two letters, all upper case ("KCNA", "U.S.").
  bool acronym(int t) const {
    return word(t) && tokens_.shape(t, Shape::all_caps);
  }
  /// "Russia's", "Koreas'": the word is a possessor.
  bool possessive(int t) const { return tokens_.shape(t, Shape::possessive); }
  /// The word as written without a possessive ending (a view of the text).
  std::string_view original_base(int t) const;
  int sentence_count() const {
    return static_cast<int>(layout_.sentences.size());
  }
  bool same_sentence(int a, int b) const {
    return a >= 0 && b >= 0 && a < size() && b < size() &&
           token(a).sentence == token(b).sentence;
  }
  /// Token t is the punctuation character `p`.
  bool punct(int t, char p) const {
    return t >= 0 && t < size() && tokens_.shape(t, Shape::punctuation) &&
           tokens_.facts(t).ascii == p;
  }
  /// Lower-case words first..last joined by spaces (possessive ending of the
  /// last dropped).
  std::string phrase(int first, int last) const;

 private:
  std::string_view text_;
  const TextLayout& layout_;
  const TokenLayer& tokens_;
  int size_;
};

/// One document as the mention rules see it: its words, the stage's tables
/// and where speech verbs start, with the look-ups several rules share.
struct MentionScan {
  MentionScan(std::string_view text, const TextLayout& layout,
              const TokenLayer& tokens, const MentionTables& tables,
              const std::vector<bool>* cue_starts)
      : text(text),
        w(text, layout, tokens),
        tables(tables),
        cls(tables.cls),
        cue_starts(cue_starts),
        cue_positions(positions_of(cue_starts)) {}

  std::string_view text;
  Words w;
  const MentionTables& tables;
  const MentionTables::Classes& cls;    ///< tables.cls
  const std::vector<bool>* cue_starts;  ///< may be null: no cues known
  /// The tokens where a speech verb starts, in order (what the rules around
  /// cues walk instead of every token).
  const std::vector<int> cue_positions;

  /// The tokens marked in `starts` (none when it is null).
  static std::vector<int> positions_of(const std::vector<bool>* starts);

  /// A mention of `kind` over tokens first..last, nothing else set.
  SpeakerMention make(int first, int last, MentionKind kind) const;
  /// The word as written (a view of the text).
  std::string_view original(int t) const;
  /// The text from token first to token last, as written.
  std::string original_span(int first, int last) const;
  /// The original words first..last joined by spaces, with none before a
  /// comma or a glued "%" ("the bespectacled, 71-year-old diplomat", "42%").
  std::string shown_words(int first, int last) const;
  /// Sets *head to the original words first..last one space apart, the last
  /// without a possessive ending ("the Kremlin's" -> "the Kremlin"); empty
  /// when first > last. Reuses *head's storage.
  void set_head_words(int first, int last, CompactString* head) const;

  /// A role, document or organisation head noun.
  bool nominal_head(int t) const;
  /// The text writes word t capitalised somewhere as a name: mid-sentence or
  /// next to another capitalised word.
  bool named_elsewhere(int t) const;
  /// A compound opening with digits and ending in a letter: "46-year-old".
  bool age_word(int t) const;
  /// Token t's sentence is written in title case, as headlines are ("Glenn
  /// Beck Says Trump Is Wrong"): at least three words, and every word of
  /// kTitleCaseLength or more bytes outside quotations capitalised.
  bool title_case(int t) const;
  static constexpr std::size_t kTitleCaseLength = 4;
  /// A speech verb starts at t.
  bool cue_at(int t) const {
    return cue_starts && t >= 0 && t < w.size() && (*cue_starts)[t];
  }
  /// A speech verb right after a comma or a closing quotation mark ("...,"
  /// said X): its subject follows it.
  bool inverted_cue_at(int t) const {
    if (!cue_at(t) || t < 1) return false;
    return w.punct(t - 1, ',') || w.token(t - 1).kind == TokenKind::quote_mark;
  }
  /// The token before cue c, over an aside set off by commas ("Others,
  /// however, say"), auxiliaries ("the president will say") and a relative
  /// pronoun ("18% who say").
  int head_before_cue(int c) const;
  /// "%" glued to the number before it ("42%").
  bool percent_sign(int t) const;
  /// A number, a quantity word, or a determiner before one ("a majority").
  bool quantity_opener(int t) const;
  /// A word whose first hyphen-separated part is a quantity word
  /// ("sixty-six", "three-quarters", "half", "most").
  bool quantity_word(int t) const;
  /// True when a determiner stands before t, over at most two lower-case
  /// words ("one senior Democrat", "a Democrat").
  bool determined_over_modifiers(int t) const;

  /// The vocabulary entry of class `c` whose words are tokens first..last
  /// (the last one without its possessive ending), or nullptr.
  const LexiconEntry* phrase_entry(int first, int last, WordClass c) const;
  /// The same with `last_word` standing for the last token's word.
  const LexiconEntry* phrase_entry_ending(int first, int last, WordId last_word,
                                          WordClass c) const;
  /// The facts of a title, place or demonym entry.
  const MentionTables::EntryFacts& facts_of(const LexiconEntry* e) const {
    return tables.facts_of(e, w.layer().vocabulary());
  }
  /// The gender title phrase first..last implies, when it implies one.
  bool title_gender(int first, int last, Gender* gender) const;

  /// True when an entry of class `c` may start at token t: one starts with
  /// its word or its possessive-stripped word (Vocabulary::first_classes).
  bool may_start(int t, WordClass c) const;

  /// Word count of the longest title starting at t and ending before `end`,
  /// or 0.
  int title_at(int t, int end) const;
  /// Word count of the capitalised demonym (up to three words) starting at t
  /// and ending before `end`, setting *country; or 0.
  int demonym_at(int t, int end, int* country) const;
  /// The country whose name, alias or seat is words first..last, or -1.
  int place_of(int first, int last) const;
  /// Index of the organisation head inside [first, last] that makes it an
  /// organisation name (the last word, or a head followed by a connector),
  /// or -1.
  int org_head_in(int first, int last) const;

 private:
  mutable bool name_words_built_ = false;
  // named_elsewhere(): per word id, whether the text writes it as a name
  mutable std::vector<bool> name_words_;
  // title_case(): per sentence, built on first use
  mutable std::vector<bool> title_case_;
  mutable bool title_case_built_ = false;
};

/// The signature of every mention rule. A proposing rule appends candidate
/// mentions (reading those found so far); a refining rule edits the
/// resolved, non-overlapping mentions in text order.
using MentionRule = void (*)(const MentionScan& scan,
                             std::vector<SpeakerMention>& mentions);

// Proposing rules (mentions_names.cc, mentions_nominals.cc,
// mentions_subjects.cc), in table order.
void propose_names(const MentionScan& scan, std::vector<SpeakerMention>& out);
void propose_nominals(const MentionScan& scan,
                      std::vector<SpeakerMention>& out);
void propose_quantity_subjects(const MentionScan& scan,
                               std::vector<SpeakerMention>& out);
void propose_cue_subjects(const MentionScan& scan,
                          std::vector<SpeakerMention>& out);
void propose_bare_subjects(const MentionScan& scan,
                           std::vector<SpeakerMention>& out);
void propose_cue_objects(const MentionScan& scan,
                         std::vector<SpeakerMention>& out);
void propose_pronouns(const MentionScan& scan,
                      std::vector<SpeakerMention>& out);

/// Between the two phases (not a rule: the stage's contract). Sorts the
/// candidates by start, longer first, and keeps non-overlapping ones: a
/// mention inside another disappears, a role joins the name sharing its
/// title, and of two partly overlapping ones the longer wins.
std::vector<SpeakerMention> resolve_overlaps(
    std::vector<SpeakerMention> candidates);

// Refining rules (mentions_links.cc), in table order.
void join_coordinate_subjects(const MentionScan& scan,
                              std::vector<SpeakerMention>& ms);
void join_issuer_documents(const MentionScan& scan,
                           std::vector<SpeakerMention>& ms);
void mark_sentence_subjects(const MentionScan& scan,
                            std::vector<SpeakerMention>& ms);
void mark_before_auxiliaries(const MentionScan& scan,
                             std::vector<SpeakerMention>& ms);
void tie_appositions(const MentionScan& scan, std::vector<SpeakerMention>& ms);
void link_document_owners(const MentionScan& scan,
                          std::vector<SpeakerMention>& ms);

/// What a rule does to the mentions.
enum class MentionPhase : unsigned char {
  propose,  ///< adds candidates (before overlaps are resolved)
  refine,   ///< edits the resolved mentions
};

/// One row of the mention stage's rule table.
struct MentionRuleRow {
  MentionRuleId id;
  /// The rule's name ("mention_pronouns": unique across stages, what
  /// Config::disabled_rules names); the stage's answers carry no confidence.
  RuleRow rule;
  MentionPhase phase;
  MentionRule run;
};

/// The mention stage's rules, in the order they run (MentionRuleId order).
inline constexpr MentionRuleRow kMentionRules[] = {
    {MentionRuleId::names, named_rule("mention_names"), MentionPhase::propose,
     propose_names},
    {MentionRuleId::nominals, named_rule("mention_nominals"),
     MentionPhase::propose, propose_nominals},
    {MentionRuleId::quantity_subjects, named_rule("mention_quantity_subjects"),
     MentionPhase::propose, propose_quantity_subjects},
    {MentionRuleId::cue_subjects, named_rule("mention_cue_subjects"),
     MentionPhase::propose, propose_cue_subjects},
    {MentionRuleId::bare_subjects, named_rule("mention_bare_subjects"),
     MentionPhase::propose, propose_bare_subjects},
    {MentionRuleId::cue_objects, named_rule("mention_cue_objects"),
     MentionPhase::propose, propose_cue_objects},
    {MentionRuleId::pronouns, named_rule("mention_pronouns"),
     MentionPhase::propose, propose_pronouns},
    {MentionRuleId::coordinate_subjects,
     named_rule("mention_coordinate_subjects"), MentionPhase::refine,
     join_coordinate_subjects},
    {MentionRuleId::issuer_documents, named_rule("mention_issuer_documents"),
     MentionPhase::refine, join_issuer_documents},
    {MentionRuleId::sentence_subjects, named_rule("mention_sentence_subjects"),
     MentionPhase::refine, mark_sentence_subjects},
    {MentionRuleId::before_auxiliaries,
     named_rule("mention_before_auxiliaries"), MentionPhase::refine,
     mark_before_auxiliaries},
    {MentionRuleId::appositions, named_rule("mention_appositions"),
     MentionPhase::refine, tie_appositions},
    {MentionRuleId::document_owners, named_rule("mention_document_owners"),
     MentionPhase::refine, link_document_owners},
};

static_assert(std::size(kMentionRules) == kMentionRuleCount,
              "one row per MentionRuleId");

}  // namespace quotelink::detail
