#include "model/propose_reports.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "lexicon.h"
#include "model/feature_text.h"
#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

// The words of kPlaceWordsFile by class, as sorted text_hash values.
struct PlaceWords {
  std::vector<std::uint32_t> prepositions;
  std::vector<std::uint32_t> media;
};

const PlaceWords& place_words() {
  static const PlaceWords words = [] {
    PlaceWords w;
    for (const std::string& line : embedded_lines(kPlaceWordsFile)) {
      const std::size_t tab = line.find('\t');
      const std::string_view kind =
          tab == std::string::npos ? ""
                                   : std::string_view(line).substr(tab + 1);
      std::vector<std::uint32_t>* into = kind == "preposition" ? &w.prepositions
                                         : kind == "medium"    ? &w.media
                                                               : nullptr;
      if (!into)
        throw error(std::string(kPlaceWordsFile) + ": bad line \"" + line +
                    "\" (WORD<TAB>preposition or medium)");
      into->push_back(text_hash(std::string_view(line).substr(0, tab)));
    }
    std::sort(w.prepositions.begin(), w.prepositions.end());
    std::sort(w.media.begin(), w.media.end());
    return w;
  }();
  return words;
}

bool holds(const std::vector<std::uint32_t>& sorted, std::uint32_t hash) {
  return std::binary_search(sorted.begin(), sorted.end(), hash);
}

// A coarse class of token t (the shape of a neighbour): 1 outside the
// sentence, 2 number, 3 quotation mark, 4 other punctuation, 5 lower-case
// word, 6 other word.
std::uint32_t shape_class(const Document& doc, const TextLayout& layout, int t,
                          int sentence) {
  if (t < 0 || t >= static_cast<int>(layout.tokens.size()) ||
      layout.tokens[t].sentence != sentence)
    return 1;
  const Token& token = layout.tokens[t];
  if (token.kind == TokenKind::number) return 2;
  if (token.kind == TokenKind::quote_mark) return 3;
  if (token.kind != TokenKind::word) return 4;
  const char c = doc.text[token.span.begin];
  return c >= 'a' && c <= 'z' ? 5 : 6;
}

}  // namespace

ReportCandidates::ReportCandidates(const Document& doc,
                                   const TextLayout& layout,
                                   const PosTags* tags)
    : doc_(doc),
      layout_(layout),
      tags_(tags && !tags->empty() ? tags : nullptr),
      covered_(layout.tokens.size(), 0),
      mention_end_(layout.tokens.size(), 0),
      records_in_sentence_(layout.sentences.size(), 0),
      word_hashes_(layout.tokens.size(), 0) {
  const auto mark = [&](const Span& s) {
    const int end = first_token_from(layout, s.end);
    for (int t = std::max(0, first_token_from(layout, s.begin) - 1); t < end;
         ++t)
      if (layout.tokens[t].span.end > s.begin) covered_[t] = 1;
  };
  for (const Quote& q : doc.quotes) {
    mark(q.outer);
    if (q.has_cue()) mark(q.cue);
    const int first = first_token_from(layout, q.span.begin);
    if (first < static_cast<int>(layout.tokens.size()))
      ++records_in_sentence_[layout.tokens[first].sentence];
  }
  for (const Mention& m : doc.mentions) {
    const int last = first_token_from(layout, m.span.end) - 1;
    if (last >= 0) mention_end_[last] = to_string(m.kind)[0];
  }
  words_.reserve(layout.tokens.size());  // one allocation
  for (int t = 0; t < static_cast<int>(layout.tokens.size()); ++t) {
    const Token& token = layout.tokens[t];
    if (covered_[t] || token.kind != TokenKind::word || token.span.size() < 3 ||
        layout.paragraphs[token.paragraph].boilerplate)
      continue;
    const char c = doc.text[token.span.begin];
    if (c >= 'a' && c <= 'z' && content_can_start(t + 1)) words_.push_back(t);
  }
}

bool ReportCandidates::content_can_start(int t) const {
  if (t >= static_cast<int>(layout_.tokens.size()) || covered_[t] ||
      layout_.tokens[t].sentence != layout_.tokens[t - 1].sentence)
    return false;
  const TokenKind kind = layout_.tokens[t].kind;
  return kind == TokenKind::word || kind == TokenKind::number ||
         kind == TokenKind::quote_mark;
}

std::string_view ReportCandidates::word(int t) const {
  const TokenSpan& s = layout_.tokens[t].span;
  return std::string_view(doc_.text).substr(s.begin, s.size());
}

std::uint32_t ReportCandidates::word_hash(int t) const {
  if (t < 0) return kBeforeText;
  if (t >= static_cast<int>(layout_.tokens.size())) return kAfterText;
  if (!word_hashes_[t]) word_hashes_[t] = text_hash(word(t));
  return word_hashes_[t];
}

std::vector<ReportCandidate> ReportCandidates::spans(int t) const {
  std::vector<ReportCandidate> out;
  spans(t, out);
  return out;
}

void ReportCandidates::spans(int t, std::vector<ReportCandidate>& out) const {
  out.clear();
  const int sentence = layout_.tokens[t].sentence;
  const int stop = layout_.sentence_first_token[sentence + 1];
  int end = t + 1;  // one past the content's last token
  int comma = -1;
  // At most kMaxClauseTokens words of content: a text without full stops
  // keeps the scan of each word bounded.
  const int bound = t + 1 + kMaxClauseTokens;
  while (end < stop && end < bound && !covered_[end]) {
    if (comma < 0 && is_comma(doc_, layout_, end)) comma = end;
    ++end;
  }
  // "a statement on the ministry's website": a place, no content.
  if (tags_ && medium_complement(t, end)) return;
  const int end_kind = end < stop ? 2 : 0;
  const auto add = [&](int last, int kind) {
    while (last > t && layout_.tokens[last].kind != TokenKind::word &&
           layout_.tokens[last].kind != TokenKind::number)
      --last;
    if (last > t) out.push_back(ReportCandidate{t, t + 1, last, kind});
  };
  add(end - 1, end_kind);
  if (comma > t + 1) add(comma - 1, 1);
  // A comma right before a record's words ends both alike: one candidate.
  if (out.size() == 2 && out[0].last == out[1].last) out.pop_back();
  if (tags_ && phrase_cue(t)) {
    const int phrase = phrase_end(t + 1, end);
    const int shortest = comma > t + 1 ? comma : end;
    if (phrase > t + 1 && phrase < shortest) add(phrase - 1, 3);
    // Punctuation after the phrase may leave it as long as another.
    if (out.size() > 1 && out.back().end_kind == 3 &&
        std::any_of(out.begin(), out.end() - 1, [&](const ReportCandidate& c) {
          return c.last == out.back().last;
        }))
      out.pop_back();
  }
}

namespace {

// Part-of-speech classes a noun phrase is made of.
bool phrase_word(std::uint8_t tag) {
  switch (tag) {
    case kPosNoun:
    case kPosPropn:
    case kPosPron:
    case kPosAdj:
    case kPosAdv:
    case kPosDet:
    case kPosOther:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool ReportCandidates::phrase_cue(int t) const {
  const std::uint8_t tag = (*tags_)[t];
  if (tag == kPosNoun)
    return t + 1 < static_cast<int>(tags_->size()) &&
           ((*tags_)[t + 1] == kPosAdp || (*tags_)[t + 1] == kPosTo);
  return tag == kPosVerbFin || tag == kPosVerbIng || tag == kPosVerbPart ||
         tag == kPosVerbBase;
}

bool ReportCandidates::medium_complement(int t, int end) const {
  const PlaceWords& words = place_words();
  if (t + 2 >= end || !holds(words.prepositions, word_hash(t + 1)))
    return false;
  const int phrase = phrase_end(t + 1, end);
  return phrase > t + 2 && holds(words.media, word_hash(phrase - 1));
}

int ReportCandidates::phrase_end(int first, int end) const {
  const PosTags& tags = *tags_;
  int u = first;
  bool after_link = false;  // after a preposition or "to": verbs may follow
  while (u < end) {
    const std::uint8_t tag = tags[u];
    const bool verb =
        tag == kPosVerbIng || tag == kPosVerbBase || tag == kPosVerbPart;
    if (layout_.tokens[u].kind == TokenKind::word &&
        (phrase_word(tag) || (after_link && verb))) {
      ++u;
      continue;
    }
    // A link continues the phrase only when a phrase word or verb follows.
    if ((tag == kPosAdp || tag == kPosTo) && u + 1 < end &&
        layout_.tokens[u + 1].kind == TokenKind::word) {
      const std::uint8_t next = tags[u + 1];
      if (phrase_word(next) || next == kPosVerbIng || next == kPosVerbBase) {
        after_link = true;
        ++u;
        continue;
      }
    }
    break;
  }
  return u;
}

void ReportCandidates::word_features(int t,
                                     std::vector<std::uint32_t>& out) const {
  const int sentence = layout_.tokens[t].sentence;
  const std::string_view text = word(t);
  const std::uint32_t w = word_hash(t);
  const std::uint32_t p1 = t > layout_.sentence_first_token[sentence]
                               ? word_hash(t - 1)
                               : kBeforeText;
  const std::uint32_t n1 = word_hash(t + 1);
  const std::uint32_t subject = subject_of(t);
  const std::uint32_t tail3 = tail_hash(text, 3);
  out.resize(7);
  out[0] = FeatureHash(1).value();
  out[1] = (FeatureHash(2) << w).value();
  out[2] = (FeatureHash(3) << tail3).value();
  out[3] = (FeatureHash(4) << p1 << w).value();
  out[4] = (FeatureHash(5) << w << n1).value();
  out[5] = (FeatureHash(6) << shape_class(doc_, layout_, t - 1, sentence)
                           << tail_hash(text, 2))
               .value();
  out[6] = (FeatureHash(7) << subject << tail3).value();
  if (!tags_) return;
  const std::uint32_t tag = tag_part(*tags_, t);
  out.push_back((FeatureHash(8) << tag).value());
  out.push_back((FeatureHash(9) << tag_part(*tags_, t - 1) << tag).value());
  out.push_back((FeatureHash(30) << tag << tag_part(*tags_, t + 1)).value());
}

void ReportCandidates::span_features(const ReportCandidate& c,
                                     std::vector<std::uint32_t>& out) const {
  const int t = c.cue;
  const int sentence = layout_.tokens[t].sentence;
  const std::uint32_t end_kind = static_cast<std::uint32_t>(c.end_kind) + 1;
  const std::uint32_t w = word_hash(t);
  const std::uint32_t p1 = word_hash(t - 1);
  const std::uint32_t n1 = word_hash(c.first);
  const std::uint32_t n2 =
      c.first < c.last ? word_hash(c.first + 1) : kAfterContent;
  const std::uint32_t length = bucket(c.last - c.first + 1);
  int commas = 0;
  for (int u = c.first; u <= c.last; ++u) commas += is_comma(doc_, layout_, u);
  const std::uint32_t position =
      bucket(t - layout_.sentence_first_token[sentence] + 1);
  out.push_back((FeatureHash(10) << end_kind).value());
  out.push_back((FeatureHash(11) << end_kind << w).value());
  out.push_back((FeatureHash(12) << length << end_kind).value());
  out.push_back((FeatureHash(13) << word_hash(c.last)).value());
  out.push_back((FeatureHash(14) << word_hash(c.last + 1)).value());
  out.push_back((FeatureHash(15) << n1 << end_kind).value());
  out.push_back((FeatureHash(16) << subject_of(t) << end_kind).value());
  out.push_back(
      (FeatureHash(17) << (records_in_sentence_[sentence] ? 1u : 0u)).value());
  out.push_back((FeatureHash(18) << position).value());
  out.push_back((FeatureHash(19) << bucket(commas + 1)).value());
  out.push_back((FeatureHash(20) << w << length).value());
  out.push_back((FeatureHash(21) << p1 << end_kind).value());
  out.push_back((FeatureHash(22) << n1 << n2).value());
  // The word's first five bytes stand for its stem, in any language.
  const std::string_view text = word(t);
  const std::uint32_t stem = text_hash(text.substr(0, 5));
  out.push_back((FeatureHash(23) << stem).value());
  out.push_back((FeatureHash(24) << stem << n1).value());
  out.push_back((FeatureHash(25) << word_hash(t - 2) << p1 << w).value());
  out.push_back((FeatureHash(26) << w << n1 << n2).value());
  out.push_back((FeatureHash(27)
                 << shape_class(doc_, layout_, c.first, sentence) << end_kind)
                    .value());
  if (tags_) add_tag_features(c, end_kind, out);
}

void ReportCandidates::add_tag_features(const ReportCandidate& c,
                                        std::uint32_t end_kind,
                                        std::vector<std::uint32_t>& out) const {
  const PosTags& tags = *tags_;
  const std::uint32_t first = tag_part(tags, c.first);
  out.push_back((FeatureHash(31) << first << end_kind).value());
  out.push_back(
      (FeatureHash(32) << first << tag_part(tags, c.first + 1)).value());
  out.push_back((FeatureHash(33) << tag_part(tags, c.last)).value());
  out.push_back((FeatureHash(34) << tag_part(tags, c.last + 1)).value());
  const bool finite = has_tag(tags, c.first, c.last + 1, kPosVerbFin);
  out.push_back(
      (FeatureHash(35) << (finite ? 1u : 0u) << bucket(c.last - c.first + 1))
          .value());
  // The content's form (how it ends, whether it holds a finite verb, how
  // it starts) with the cue's tag: a noun cue takes an of-/to- phrase, a
  // verb a noun phrase or a clause.
  const std::uint32_t cue = tag_part(tags, c.cue);
  out.push_back(
      (FeatureHash(36) << cue << end_kind << (finite ? 1u : 0u) << first)
          .value());
  out.push_back((FeatureHash(37)
                 << cue << end_kind << first << bucket(c.last - c.first + 1))
                    .value());
}

std::uint32_t ReportCandidates::subject_of(int t) const {
  return t > 0 && mention_end_[t - 1]
             ? static_cast<std::uint32_t>(mention_end_[t - 1]) + 0x100u
             : kNothing;
}

Quote proposed_record(const TextLayout& layout, const ReportCandidate& c) {
  Quote q;
  q.kind = QuoteKind::indirect;
  q.span =
      Span{layout.tokens[c.first].span.begin, layout.tokens[c.last].span.end};
  q.outer = q.span;
  q.cue = Span(layout.tokens[c.cue].span);
  static const SieveLabel label(kModelCueSieve);
  q.sieve = label;
  q.confidence = 0.0;
  const Token& first = layout.tokens[c.first];
  q.paragraph = first.paragraph;
  q.sentence = first.sentence;
  q.headline = layout.paragraphs[first.paragraph].heading;
  return q;
}

void insert_records(Document& doc, std::vector<Quote> added,
                    std::vector<double>* scores) {
  std::stable_sort(added.begin(), added.end(),
                   [](const Quote& a, const Quote& b) {
                     return a.span.begin < b.span.begin;
                   });
  // Merge by content start; a new record goes after old ones starting there.
  std::vector<Quote> merged;
  std::vector<double> merged_scores;
  merged.reserve(doc.quotes.size() + added.size());
  std::size_t a = 0;
  for (std::size_t q = 0; q <= doc.quotes.size(); ++q) {
    const std::size_t limit =
        q < doc.quotes.size() ? doc.quotes[q].span.begin : SIZE_MAX;
    while (a < added.size() && added[a].span.begin < limit) {
      merged.push_back(std::move(added[a++]));
      if (scores) merged_scores.push_back(std::nan(""));
    }
    if (q == doc.quotes.size()) break;
    merged.push_back(std::move(doc.quotes[q]));
    if (scores) merged_scores.push_back((*scores)[q]);
  }
  doc.quotes = std::move(merged);
  if (scores) *scores = std::move(merged_scores);
}

namespace {

struct Proposal {
  ReportCandidate candidate;
  double score = 0;
};

// The best candidate of each free word that passes the gate and the
// classifier's threshold.
std::vector<Proposal> score_words(const ReportCandidates& candidates,
                                  const LinearClassifier& propose,
                                  const LinearClassifier& gate) {
  std::vector<Proposal> out;
  std::vector<std::uint32_t> features, span;  // more than a word or span has
  features.reserve(16);
  span.reserve(32);
  std::vector<ReportCandidate> spans;
  for (int t : candidates.words()) {
    candidates.word_features(t, features);
    if (!gate.decide(features)) continue;
    // Linear: the word's part of the score once, each span's added to it.
    const double word = propose.score(features);
    Proposal best;
    bool found = false;
    candidates.spans(t, spans);
    for (const ReportCandidate& c : spans) {
      span.clear();
      candidates.span_features(c, span);
      const double score = word + propose.score(span);
      if (score >= propose.threshold && (!found || score > best.score)) {
        best = Proposal{c, score};
        found = true;
      }
    }
    if (found) out.push_back(best);
  }
  return out;
}

}  // namespace

void propose_reports(Document& doc, const TextLayout& layout,
                     const LinearModel& model, std::vector<double>* scores,
                     const PosTags* tags) {
  const LinearClassifier* propose = model.find(kProposeReport);
  const LinearClassifier* gate = model.find(kProposeReportGate);
  if (!propose || !gate) return;
  std::vector<Proposal> proposals =
      score_words(ReportCandidates(doc, layout, tags), *propose, *gate);
  if (proposals.empty()) return;
  std::stable_sort(
      proposals.begin(), proposals.end(),
      [](const Proposal& a, const Proposal& b) { return a.score > b.score; });
  std::vector<char> taken(layout.tokens.size(), 0);
  std::vector<Quote> added;
  added.reserve(proposals.size());
  for (const Proposal& p : proposals) {
    const ReportCandidate& c = p.candidate;
    if (taken[c.cue] ||
        std::any_of(taken.begin() + c.first, taken.begin() + c.last + 1,
                    [](char x) { return x != 0; }))
      continue;
    taken[c.cue] = 1;
    std::fill(taken.begin() + c.first, taken.begin() + c.last + 1, 1);
    added.push_back(proposed_record(layout, c));
  }
  insert_records(doc, std::move(added), scores);
}

}  // namespace quotelink::detail
