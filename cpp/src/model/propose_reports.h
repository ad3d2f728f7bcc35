// The learned layer's recall: reported speech the rules miss, proposed as a
// cue word and a content span after it ("officials praised Thursday's
// protests for being largely peaceful", "signalled support for the deal").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/linear_model.h"
#include "model/pos_tagger.h"
#include "quotelink/document.h"
#include "reported_stage.h"  // kMaxClauseTokens: how far from a cue to look
#include "text.h"

namespace quotelink::detail {

/// The name of the classifier that scores a (cue word, content span)
/// candidate.
inline constexpr std::string_view kProposeReport = "propose_report";
/// The name of the gate: a small classifier of a free word's features
/// alone that decides whether its contents are scored at all (its table
/// stays in cache, so that most words cost seven hashes and lookups).
inline constexpr std::string_view kProposeReportGate = "propose_report_gate";
/// The embedded data file of the words that make a word's complement a
/// place (ReportCandidates::spans): WORD<TAB>preposition or medium.
inline constexpr std::string_view kPlaceWordsFile = "model/place_words.tsv";
/// The sieve of a record the model proposed.
inline constexpr std::string_view kModelCueSieve = "model_cue";

/// One candidate record: cue token `cue`, content tokens [first, last].
struct ReportCandidate {
  int cue = 0;
  int first = 0;
  int last = 0;
  /// How the content ends: 0 at the sentence's end, 1 before a comma, 2
  /// before a record's words (or at the length bound), 3 where the phrase
  /// after the word ends (phrase_end: a noun phrase with its prepositional,
  /// gerund or infinitive continuations, no finite verb).
  int end_kind = 0;
};

/// Finds the free words of one window and their candidate contents.
class ReportCandidates {
 public:
  /// The free words of `doc` (its records so far) over `layout`: lower-case
  /// words of three or more letters in prose paragraphs that no record's
  /// marks, content or cue covers, followed in their sentence by a free
  /// word, number or quotation mark (where a content starts). With `tags`
  /// (the window's parts of speech, not empty), the features include the
  /// word's tag and its neighbours', and the content's edge tags.
  ReportCandidates(const Document& doc, const TextLayout& layout,
                   const PosTags* tags = nullptr);

  const std::vector<int>& words() const { return words_; }
  /// The candidate contents after free word `t`: up to its sentence's end
  /// (or the first covered token, or kMaxClauseTokens tokens), and up to
  /// the first comma before that; with tags, after a phrase_cue word, also
  /// up to phrase_end's end when that is shorter than both; with tags, none
  /// for a word whose complement is a medium (medium_complement).
  /// Trailing punctuation is left out; empty spans are not candidates.
  std::vector<ReportCandidate> spans(int t) const;
  /// The same in place of `out`'s contents (one array for every word).
  void spans(int t, std::vector<ReportCandidate>& out) const;
  /// The features of word `t` alone (what the gate scores, and the first
  /// part of what propose_report scores), in place of `out`'s contents.
  void word_features(int t, std::vector<std::uint32_t>& out) const;
  /// The features of `c`'s content and surroundings, appended to `out`.
  void span_features(const ReportCandidate& c,
                     std::vector<std::uint32_t>& out) const;

 private:
  /// One past the last token of the phrase starting at token `first`
  /// (tags_ is set), at most `end`: determiners, adjectives, nouns,
  /// pronouns, adverbs and numbers, continued by a preposition or "to"
  /// before more of them or a verb that is not finite ("praised the
  /// protests for being largely peaceful", "criticism of the plan to
  /// build a wall"); it stops at punctuation, a finite verb, a wh-word or
  /// a conjunction. `first` when no phrase starts there.
  int phrase_end(int first, int end) const;
  /// True when word `t` (tags_ is set) is followed by a preposition of
  /// kPlaceWordsFile whose phrase (phrase_end, before `end`) ends in a
  /// medium of it: "statement on the ministry's website".
  bool medium_complement(int t, int end) const;
  /// True when word `t` (tags_ is set) takes a phrase candidate: a verb,
  /// or a noun before a preposition or "to" (its complement).
  bool phrase_cue(int t) const;
  /// True when token t, the one after a word, can start its content: a
  /// free word, number or quotation mark of the same sentence.
  bool content_can_start(int t) const;
  /// Token t's text.
  std::string_view word(int t) const;
  /// The hash of token t's lower-cased text (computed once), or a marker
  /// outside the text.
  std::uint32_t word_hash(int t) const;
  /// The kind of the mention ending right before token t, as a part, or
  /// a marker when none does.
  std::uint32_t subject_of(int t) const;
  /// span_features' part-of-speech features of `c` (tags_ is set).
  void add_tag_features(const ReportCandidate& c, std::uint32_t end_kind,
                        std::vector<std::uint32_t>& out) const;

  const Document& doc_;
  const TextLayout& layout_;
  const PosTags* tags_;            // nullptr: no tag features
  std::vector<char> covered_;      // per token: inside a record or its cue
  std::vector<char> mention_end_;  // per token: kind letter of a mention
                                   // ending there, or 0
  std::vector<int> records_in_sentence_;
  std::vector<int> words_;
  mutable std::vector<std::uint32_t> word_hashes_;  // 0: not yet computed
};

/// The indirect record of candidate `c`: its content, the word as its cue,
/// no source, sieve "model_cue", confidence 0.
Quote proposed_record(const TextLayout& layout, const ReportCandidate& c);

/// Inserts `added` into doc.quotes by content start (after the records
/// starting at the same place); with `scores` (in doc.quotes order), a NaN
/// at each new record's place.
void insert_records(Document& doc, std::vector<Quote> added,
                    std::vector<double>* scores);

/// Contract: runs after apply_model on one window and before
/// choose_sources. Every candidate of every free word (ReportCandidates)
/// that the gate classifier accepts on its word features is scored by
/// propose_report (word and span features); the best candidate of a word
/// at or over that classifier's threshold is proposed. Proposals are taken
/// best first when they overlap no record and no proposal taken; each
/// becomes an indirect record with the word as its cue, no source, sieve
/// "model_cue", confidence 0, inserted in doc.quotes' order (by content
/// start). With `scores` (apply_model's, in doc.quotes order), a NaN is
/// inserted at each new record's place. A model without both entries
/// changes nothing. `tags` as ReportCandidates'. Linear in tokens.
void propose_reports(Document& doc, const TextLayout& layout,
                     const LinearModel& model, std::vector<double>* scores,
                     const PosTags* tags = nullptr);

}  // namespace quotelink::detail
