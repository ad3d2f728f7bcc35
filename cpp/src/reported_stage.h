// Internal to the reported-speech stage (reported*.cc): the Reporter that
// runs the rules of reported_rules.h over one document. Its members are
// defined in three files: reported.cc (the driver and the frameless rules),
// reported_frame_rules.cc (the rules tried per cue frame) and
// reported_bounds.cc (token tests and where a clause starts and ends).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reported.h"
#include "reported_rules.h"
#include "scratch.h"

namespace quotelink::detail {

/// A reported clause never spans more tokens than this, and no look-up from
/// a cue reaches further. Every clause on PolNeAR train and dev fits (the
/// longest, a list of names, has about 230 tokens; at 128 four of them would
/// be cut). Without a bound, a text with no full stop makes every cue's
/// clause run to the end of its window, so the output and the work grow with
/// the square of the window (issue #19: 1,040x the input).
inline constexpr int kMaxClauseTokens = 256;

/// The clause a rule found, as a token range: the rule's row gives the
/// sieve and the confidence of the report made from it.
struct Clause {
  int first = -1;
  int end = -1;  ///< exclusive
  ReportedRule rule = ReportedRule::after;
  int source = -1;  ///< a source mention the frame lacks, or -1
};

/// What a frame rule decides: nothing (std::nullopt: the next rule is
/// tried), or the frame's clause, which is no report when `first < 0`.
using Verdict = std::optional<Clause>;

/// A decision of no report (a veto, or a report rule whose clause failed).
inline Verdict no_report() { return Clause{}; }

/// One cue frame as the frame rules read it, with the facts several rules
/// share worked out once.
struct FrameScan {
  FrameScan(const CueFrame& f, const Cue& c, const Paragraph& p)
      : frame(f), cue(c), paragraph(p) {}
  const CueFrame& frame;
  const Cue& cue;
  const Paragraph& paragraph;
  int begin = 0;  ///< the first token of the cue's sentence
  int end = 0;    ///< where any clause of the cue ends at the latest
  /// The source mention's first token, or -1 when the frame has none or the
  /// mention after the cue opens its clause ("said Jane Roe would ...").
  int source_first = -1;
  /// The source mention's last token, or the cue's when there is none.
  int source_last = -1;
  bool inverted = false;  ///< the source follows the cue ("said X")
  /// A gerund after a preposition before its topic ("began by talking
  /// about A"): it reports the topic for the main clause's subject.
  bool adjunct_topic = false;
  /// A subject whose apposition ends right before the cue ("Jane Roe, a
  /// lawyer, said"); -1 when there is none.
  int subject = -1;
  /// True when a comma or dash comes right before the cue.
  bool after_apposition = false;
  /// Worked out when first asked for (see Reporter::split_comma and
  /// Reporter::clause_start).
  std::optional<int> split_comma_cache;
  std::optional<int> clause_start_cache;
};

/// Runs the rules of the stage over one document.
class Reporter {
 public:
  Reporter(const SieveInput& in, const std::vector<CueFrame>& frames,
           const ReportedTables& tables, const RuleSwitches& switches);

  /// The reports of the document (see find_reported).
  std::vector<ReportedQuote> run() const;

  // --- Frame rules (reported_frame_rules.cc), in table order. Each reads
  // --- one frame and returns its Verdict.
  Verdict boilerplate(FrameScan& s) const;
  Verdict according_opening(FrameScan& s) const;
  Verdict according_aside(FrameScan& s) const;
  Verdict according_before_aside(FrameScan& s) const;
  Verdict according_trailing(FrameScan& s) const;
  Verdict topic_only_verb(FrameScan& s) const;
  Verdict noun_like_cue(FrameScan& s) const;
  Verdict passive_question(FrameScan& s) const;
  Verdict inverted(FrameScan& s) const;
  Verdict source_after_cue(FrameScan& s) const;
  Verdict unsourced_cue(FrameScan& s) const;
  Verdict bare_gerund(FrameScan& s) const;
  Verdict source_blocker(FrameScan& s) const;
  Verdict question_sentence(FrameScan& s) const;
  Verdict apposition_without_subject(FrameScan& s) const;
  Verdict after_direct_quote(FrameScan& s) const;
  Verdict topic(FrameScan& s) const;
  Verdict noun_form_at_end(FrameScan& s) const;
  Verdict split_before_gerund(FrameScan& s) const;
  Verdict split(FrameScan& s) const;
  Verdict fronted(FrameScan& s) const;
  Verdict no_clause_verb(FrameScan& s) const;
  Verdict after(FrameScan& s) const;

 private:
  // --- The driver and the frameless rules (reported.cc).
  FrameScan scan(const CueFrame& frame) const;
  Clause clause_of(const CueFrame& frame) const;
  void speaker_lines(std::vector<ReportedQuote>& out) const;
  void topic_nouns(std::vector<ReportedQuote>& out) const;
  int subject_phrase_end(int first, int m) const;
  int noun_holder(int t) const;
  bool build(const Clause& c, ReportedQuote& rq) const;
  bool enabled(ReportedRule rule) const { return switches_.enabled(rule); }

  // --- Shared by several frame rules (reported_frame_rules.cc).
  Clause fronted_clause(int source_first, int cue_first, ReportedRule rule,
                        bool keep_introduction) const;
  Clause topic_clause(int first, int end, int subject) const;
  int split_comma(FrameScan& s) const;
  int clause_start(FrameScan& s) const;
  bool topic_preposition(const std::string& lemma, int t) const;
  int appositive_subject(int begin, int cue_first) const;

  // --- Token tests and clause extents (reported_bounds.cc).
  bool in_range(int t) const { return t >= 0 && t < n_; }
  const Token& tok(int t) const { return in_.layout.tokens[t]; }
  bool punct(int t, std::string_view p) const;
  bool is_word(int t) const {
    return in_range(t) && tok(t).kind == TokenKind::word;
  }
  std::string word(int t) const;
  /// True when token t's lower-cased form has class `c`.
  bool is(int t, WordClass c) const { return in_.tokens.is(t, c); }
  bool link(int t) const;
  bool possessive(int t) const;
  bool capitalised(int t) const;
  bool all_capitals(int t) const;
  bool dash(int t) const;
  bool apposition_end(int t) const { return punct(t, ",") || dash(t); }
  bool after_comma(int t) const;
  bool question(int t) const;
  bool closes_direct_quote(int t) const;
  bool verb_opener(int t) const;
  bool finite_cue(int t) const;
  bool break_pair(int k) const;
  int sentence_begin(int t) const;
  int sentence_end(int t) const;
  int after_dateline(int begin) const;
  bool introductory(int first, int end) const;
  int skip_to_clause(int t, int end, bool addressee) const;
  int complementiser_after_aside(int comma, int end) const;
  int clause_end(int first, int end) const;
  bool closes_opening_subordinate(int first, int k) const;
  std::size_t next_frame(int t) const;
  int trim_predicate(int first, int stop) const;
  bool predicate_follows(int first, int end) const;
  int trim_end(int first, int stop) const;
  int trim_adjunct(int first, int stop) const;
  int subordinate_end(int cue_first, int first, int stop) const;

  const SieveInput& in_;
  const std::vector<CueFrame>& frames_;
  const ReportedTables& tables_;
  const RuleSwitches& switches_;
  int n_;
  std::vector<int> mention_start_, mention_end_, cue_start_;
  std::vector<char> name_end_;  ///< 1 where a name mention ends
  /// 1 where the source mention of a cue frame (not inverted) starts.
  std::vector<char> framed_source_start_;
  BorrowedArrays borrowed_;  ///< in.scratch's arrays, after those they fill
  Borrowed<char> borrowed_bytes_;
};

}  // namespace quotelink::detail
