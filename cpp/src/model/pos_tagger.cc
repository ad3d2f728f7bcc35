#include "model/pos_tagger.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>

#include "lexicon.h"
#include "model/feature_text.h"
#include "model/model_bytes.h"
#include "model/perceptron_trainer.h"
#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

constexpr char kMagic[8] = {'Q', 'L', 'P', 'O', 'S', 'T', 'G', '1'};
constexpr std::uint32_t kVersion = 1;
/// Tag-dependent features: the tag before, the two before, the tag before
/// with the word, the tag two before.
constexpr int kDynamicFeatures = 4;
constexpr int kFeatures = kPosStaticFeatures + kDynamicFeatures;
/// The part of "no tag": before the sentence's first token.
constexpr std::uint32_t kNoTag = kPosClasses;

struct PtbClass {
  std::string_view tag;
  std::uint8_t cls;
};

constexpr PtbClass kPtbClasses[] = {
    {"NN", kPosNoun},      {"NNS", kPosNoun},    {"NNP", kPosPropn},
    {"NNPS", kPosPropn},   {"PRP", kPosPron},    {"PRP$", kPosPron},
    {"EX", kPosPron},      {"VBD", kPosVerbFin}, {"VBZ", kPosVerbFin},
    {"VBP", kPosVerbFin},  {"MD", kPosVerbFin},  {"VBG", kPosVerbIng},
    {"VBN", kPosVerbPart}, {"VB", kPosVerbBase}, {"JJ", kPosAdj},
    {"JJR", kPosAdj},      {"JJS", kPosAdj},     {"RB", kPosAdv},
    {"RBR", kPosAdv},      {"RBS", kPosAdv},     {"RP", kPosAdv},
    {"IN", kPosAdp},       {"TO", kPosTo},       {"DT", kPosDet},
    {"PDT", kPosDet},      {"CC", kPosConj},     {"WDT", kPosWh},
    {"WP", kPosWh},        {"WP$", kPosWh},      {"WRB", kPosWh},
    {".", kPosPunct},      {",", kPosPunct},     {":", kPosPunct},
    {"``", kPosPunct},     {"''", kPosPunct},    {"-LRB-", kPosPunct},
    {"-RRB-", kPosPunct},  {"#", kPosPunct},     {"$", kPosPunct},
    {"HYPH", kPosPunct},
};

constexpr std::string_view kClassNames[kPosClasses] = {
    "NOUN", "PROPN", "PRON", "VFIN", "VBG",  "VBN", "VB",    "ADJ",
    "ADV",  "ADP",   "TO",   "DET",  "CONJ", "WH",  "PUNCT", "OTHER"};

// A token's shape as a small code: its kind, capitals, digits, hyphen and
// whether it starts its sentence.
std::uint32_t shape(std::string_view word, TokenKind kind, bool first) {
  bool upper_first = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  bool all_upper = true, digit = false, hyphen = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') all_upper = false;
    if (c >= '0' && c <= '9') digit = true;
    if (c == '-') hyphen = true;
  }
  return static_cast<std::uint32_t>(kind) | upper_first << 2 |
         (upper_first && all_upper && word.size() > 1) << 3 | digit << 4 |
         hyphen << 5 | first << 6 | (word.size() > 6) << 7;
}

// The word part of token u for a feature of token t: the word, or a marker
// outside t's sentence.
std::uint32_t neighbour(const TextLayout& layout,
                        const std::vector<std::uint32_t>& words, int t, int u) {
  if (u < 0) return kBeforeText;
  if (u >= static_cast<int>(words.size())) return kAfterText;
  const int sentence = layout.tokens[t].sentence;
  if (layout.tokens[u].sentence < sentence) return kBeforeText;
  if (layout.tokens[u].sentence > sentence) return kAfterText;
  return words[u];
}

// The static features that read the token's own text only (the others,
// f7-f9, f11 and f12, read its neighbours').
constexpr int kOwnFeatures[] = {0, 1, 2, 3, 4, 5, 6, 10};

// The own-text features of a token (`hash` its text_hash, `tail` the
// tail_hash of its last three bytes) into `f`.
void own_features(std::string_view word, TokenKind kind, bool first,
                  std::uint32_t hash, std::uint32_t tail, std::uint32_t* f) {
  const std::uint32_t shape_code = shape(word, kind, first);
  f[0] = FeatureHash(100).value();
  f[1] = (FeatureHash(101) << hash).value();
  f[2] = (FeatureHash(102) << tail).value();
  f[3] = (FeatureHash(103) << tail_hash(word, 2)).value();
  f[4] = (FeatureHash(104) << tail_hash(word, 1)).value();
  f[5] = (FeatureHash(105) << text_hash(word.substr(0, 2))).value();
  f[6] = (FeatureHash(106) << shape_code).value();
  f[10] = (FeatureHash(110) << hash << shape_code).value();
}

// The last-three-bytes hash of token u for a feature of token t: u's, or
// that of no text outside t's sentence.
std::uint32_t neighbour_tail(const TextLayout& layout,
                             const std::vector<std::uint32_t>& tails, int t,
                             int u) {
  if (u < 0 || u >= static_cast<int>(tails.size()) ||
      layout.tokens[u].sentence != layout.tokens[t].sentence)
    return tail_hash(std::string_view(), 3);
  return tails[u];
}

// The context features of token t (its words' hashes `words`, their tails
// `tails`) into `f`.
void context_features(const TextLayout& layout,
                      const std::vector<std::uint32_t>& words,
                      const std::vector<std::uint32_t>& tails, int t,
                      std::uint32_t* f) {
  f[7] = (FeatureHash(107) << neighbour(layout, words, t, t - 1)).value();
  f[8] = (FeatureHash(108) << neighbour(layout, words, t, t + 1)).value();
  f[9] = (FeatureHash(109) << neighbour(layout, words, t, t - 2)).value();
  f[11] = (FeatureHash(111) << neighbour_tail(layout, tails, t, t - 1)).value();
  f[12] = (FeatureHash(112) << neighbour_tail(layout, tails, t, t + 1)).value();
}

// The features that read a word (`hash` its text_hash, `tail` the
// tail_hash of its last three bytes) as another token's neighbour, into
// the slots context_features gives them: as the word before that token
// (f7, f11), after it (f8, f12) and two before it (f9).
void as_neighbour_features(std::uint32_t hash, std::uint32_t tail,
                           std::uint32_t* f) {
  f[7] = (FeatureHash(107) << hash).value();
  f[8] = (FeatureHash(108) << hash).value();
  f[9] = (FeatureHash(109) << hash).value();
  f[11] = (FeatureHash(111) << tail).value();
  f[12] = (FeatureHash(112) << tail).value();
}

// True when token t of `layout` starts its sentence.
bool starts_sentence(const TextLayout& layout, std::size_t t) {
  return t == 0 || layout.tokens[t - 1].sentence != layout.tokens[t].sentence;
}

// The feature of the tag before (`p1`) with the word (`word` its static
// feature 1).
std::uint32_t tag_word_feature(std::uint32_t word, std::uint32_t p1) {
  return (FeatureHash(122) << p1 << word).value();
}

// The tag-dependent features of a token (`word` its static feature 1, the
// tags `p1` and `p2` before it) into `out`.
void dynamic_features(std::uint32_t word, std::uint32_t p1, std::uint32_t p2,
                      std::uint32_t* out) {
  out[0] = (FeatureHash(120) << p1).value();
  out[1] = (FeatureHash(121) << p1 << p2).value();
  out[2] = tag_word_feature(word, p1);
  out[3] = (FeatureHash(123) << p2).value();
}

// A feature's sign in its row: its hash's top bit (the row is its low
// bits), so that the features sharing a row add noise that cancels out
// instead of bias.
double sign_of(std::uint32_t f) { return f >> 31 ? -1.0 : 1.0; }

// The class with the highest score (the first of equals).
template <class T>
std::uint8_t best_class(const T* scores) {
  int best = 0;
  for (int c = 1; c < kPosClasses; ++c)
    if (scores[c] > scores[best]) best = c;
  return static_cast<std::uint8_t>(best);
}

// The averaged perceptron's state during training.
struct Trainer {
  std::uint32_t mask;
  std::vector<double> w, u;
  double c = 1.0;

  explicit Trainer(std::uint32_t bits)
      : mask((std::uint32_t{1} << bits) - 1),
        w(std::size_t{kPosClasses} << bits, 0.0),
        u(std::size_t{kPosClasses} << bits, 0.0) {}

  std::uint8_t predict(const std::uint32_t* f) const {
    std::array<double, kPosClasses> s{};
    for (int i = 0; i < kFeatures; ++i) {
      const double* row = &w[std::size_t{f[i] & mask} * kPosClasses];
      const double sign = sign_of(f[i]);
      for (int k = 0; k < kPosClasses; ++k) s[k] += sign * row[k];
    }
    return best_class(s.data());
  }
  void update(const std::uint32_t* f, std::uint8_t gold, std::uint8_t guess) {
    for (int i = 0; i < kFeatures; ++i) {
      const std::size_t row = std::size_t{f[i] & mask} * kPosClasses;
      const double sign = sign_of(f[i]);
      w[row + gold] += sign;
      u[row + gold] += sign * c;
      w[row + guess] -= sign;
      u[row + guess] -= sign * c;
    }
  }
  // One greedy pass over a text, learning from each mistake.
  void learn(const PosTrainingText& text) {
    std::uint32_t p1 = kNoTag, p2 = kNoTag;
    std::array<std::uint32_t, kFeatures> f;
    for (std::size_t t = 0; t < text.gold.size(); ++t) {
      if (text.sentence_first[t]) p1 = p2 = kNoTag;
      const std::uint32_t* s = &text.features[t * kPosStaticFeatures];
      std::copy(s, s + kPosStaticFeatures, f.begin());
      dynamic_features(s[1], p1, p2, f.data() + kPosStaticFeatures);
      const std::uint8_t guess = predict(f.data());
      if (text.gold[t] != kPosUnknown && guess != text.gold[t])
        update(f.data(), text.gold[t], guess);
      c += 1.0;
      p2 = p1;
      p1 = guess;
    }
  }
};

}  // namespace

std::uint8_t pos_class(std::string_view ptb) {
  for (const PtbClass& p : kPtbClasses)
    if (p.tag == ptb) return p.cls;
  return kPosOther;
}

std::string_view pos_class_name(std::uint8_t c) {
  return c < kPosClasses ? kClassNames[c] : std::string_view("UNKNOWN");
}

std::vector<std::uint32_t> pos_static_features(std::string_view text,
                                               const TextLayout& layout) {
  const int n = static_cast<int>(layout.tokens.size());
  std::vector<std::uint32_t> words(layout.tokens.size());
  std::vector<std::uint32_t> tails(layout.tokens.size());
  for (int t = 0; t < n; ++t) {
    const std::string_view word =
        text.substr(layout.tokens[t].span.begin, layout.tokens[t].span.size());
    words[t] = text_hash(word);
    tails[t] = tail_hash(word, 3);
  }
  std::vector<std::uint32_t> out(layout.tokens.size() * kPosStaticFeatures);
  for (int t = 0; t < n; ++t) {
    const Token& token = layout.tokens[t];
    std::uint32_t* f = &out[static_cast<std::size_t>(t) * kPosStaticFeatures];
    own_features(text.substr(token.span.begin, token.span.size()), token.kind,
                 starts_sentence(layout, t), words[t], tails[t], f);
    context_features(layout, words, tails, t, f);
  }
  return out;
}

std::vector<char> sentence_starts(const TextLayout& layout) {
  std::vector<char> out(layout.tokens.size(), 0);
  for (std::size_t t = 0; t < out.size(); ++t)
    out[t] = starts_sentence(layout, t);
  return out;
}

PosTags PosTagger::tag(std::string_view text, const TextLayout& layout) const {
  if (weights.empty()) return PosTags(layout.tokens.size(), kPosOther);
  return tag_features(pos_static_features(text, layout),
                      sentence_starts(layout));
}

inline void PosTagger::add_row(std::uint32_t f, std::uint32_t mask,
                               Scores& score) const {
  const std::int16_t* row = &weights[std::size_t{f & mask} * kPosClasses];
  // Branch-free (the signs are random, a branch on them mispredicts):
  // (w ^ m) - m is w when m is 0, -w when m is -1.
  const std::int32_t m = -static_cast<std::int32_t>(f >> 31);
  for (int k = 0; k < kPosClasses; ++k) score[k] += (row[k] ^ m) - m;
}

namespace {

// Adds `b` to `a`, class by class.
void add_scores(PosScores& a, const PosScores& b) {
  for (int k = 0; k < kPosClasses; ++k) a[k] += b[k];
}

constexpr int kTagValues = kPosClasses + 1;  // the classes and kNoTag

}  // namespace

void PosTagger::tag_pair_scores(std::uint32_t mask,
                                std::vector<Scores>& out) const {
  out.assign(kTagValues * kTagValues, Scores{});
  std::array<std::uint32_t, kDynamicFeatures> f;
  for (std::uint32_t p1 = 0; p1 < kTagValues; ++p1)
    for (std::uint32_t p2 = 0; p2 < kTagValues; ++p2) {
      dynamic_features(0, p1, p2, f.data());
      Scores& score = out[p1 * kTagValues + p2];
      for (int i : {0, 1, 3}) add_row(f[i], mask, score);  // not f[2]
    }
}

template <class First, class WordFeature>
void PosTagger::decode(const std::vector<Scores>& base, const Scores* pairs,
                       First first, WordFeature word_feature,
                       std::uint32_t mask, PosTags& out) const {
  // The tag features start again at each sentence, so sentences are
  // independent chains: kLanes of them are decoded at once, a token of each
  // in turn, so that the cache misses of their rows overlap. Of the four
  // tag features, three read the tags only: their rows come summed from
  // `pairs`; the tag before with the word is the one row read per token.
  constexpr int kLanes = 4;
  struct Lane {
    std::size_t t, end;
    std::uint32_t p1, p2;
  };
  const std::size_t n = out.size();
  std::size_t next = 0;  // the first token of the next sentence to start
  const auto start = [&](Lane& lane) {
    if (next >= n) return false;
    lane = Lane{next, next + 1, kNoTag, kNoTag};
    while (lane.end < n && !first(lane.end)) ++lane.end;
    next = lane.end;
    return true;
  };
  std::array<Lane, kLanes> lanes;
  std::array<std::uint32_t, kLanes> tag_word;
  int active = 0;
  while (active < kLanes && start(lanes[active])) ++active;
  while (active > 0) {
    for (int l = 0; l < active; ++l) {
      tag_word[l] = tag_word_feature(word_feature(lanes[l].t), lanes[l].p1);
#if defined(__GNUC__) || defined(__clang__)
      __builtin_prefetch(
          &weights[std::size_t{tag_word[l] & mask} * kPosClasses]);
#endif
    }
    for (int l = 0; l < active;) {
      Lane& lane = lanes[l];
      Scores score = base[lane.t];
      add_scores(score, pairs[lane.p1 * kTagValues + lane.p2]);
      add_row(tag_word[l], mask, score);
      out[lane.t] = best_class(score.data());
      lane.p2 = lane.p1;
      lane.p1 = out[lane.t];
      if (++lane.t == lane.end && !start(lane)) {
        --active;  // the last lane, not stepped yet in this round, moves here
        lane = lanes[active];
        tag_word[l] = tag_word[active];
        continue;
      }
      ++l;
    }
  }
}

PosTags PosTagger::tag_features(const std::vector<std::uint32_t>& features,
                                const std::vector<char>& sentence_first) const {
  PosTags out(sentence_first.size(), kPosOther);
  if (weights.empty()) return out;
  const std::uint32_t mask =
      static_cast<std::uint32_t>(weights.size() / kPosClasses - 1);
  std::vector<Scores> pairs;
  tag_pair_scores(mask, pairs);
  // The static features' part of every token's scores first: no token
  // waits for another, so the table's cache misses overlap.
  decode(
      static_scores(features, mask), pairs.data(),
      [&](std::size_t t) { return sentence_first[t] != 0; },
      [&](std::size_t t) { return features[t * kPosStaticFeatures + 1]; }, mask,
      out);
  return out;
}

void PosTagger::tag(std::string_view text, const TextLayout& layout,
                    PosTagScratch& scratch, PosTags& out) const {
  out.assign(layout.tokens.size(), kPosOther);
  if (weights.empty()) return;
  const std::uint32_t mask =
      static_cast<std::uint32_t>(weights.size() / kPosClasses - 1);
  if (scratch.words.serve(this)) tag_pair_scores(mask, scratch.words.tag_pairs);
  word_scores(text, layout, mask, scratch);
  decode(
      scratch.scores, scratch.words.tag_pairs.data(),
      [&](std::size_t t) { return starts_sentence(layout, t); },
      [&](std::size_t t) {
        return (FeatureHash(101) << scratch.hashes[t]).value();
      },
      mask, out);
}

void PosTagger::word_rows(const std::uint32_t* f, std::uint32_t mask,
                          PosWordRows& out) const {
  out = PosWordRows{};
  for (int k : kOwnFeatures) add_row(f[k], mask, out.own);
  add_row(f[7], mask, out.as_previous);
  add_row(f[11], mask, out.as_previous);
  add_row(f[8], mask, out.as_next);
  add_row(f[12], mask, out.as_next);
  add_row(f[9], mask, out.as_second_previous);
}

namespace {

// A token whose word the cache does not hold: its static features, whose
// rows are asked for before they are summed, the sums, and the slot to
// cache them in.
struct CacheMiss {
  PosWordCache::Entry* slot;  // nullptr: too long to cache
  std::size_t t;
  std::uint8_t kind_first;
  std::uint32_t f[kPosStaticFeatures];
  PosWordRows rows;
};

// Token scores from word rows, token after token: token t's scores are its
// own rows and the rows its neighbours add as the word before, after and
// two before it, or those of no word (`outside`) beyond its sentence.
class NeighbourSums {
 public:
  explicit NeighbourSums(const PosWordRows& outside) : outside_(outside) {}
  // Token t (`first`: it starts its sentence) with rows `r`: sets
  // scores[t] but for the word after, and completes scores[t - 1].
  void add(std::vector<PosScores>& scores, std::size_t t, bool first,
           const PosWordRows& r) {
    PosScores& s = scores[t];
    s = r.own;
    add_scores(s, first ? outside_.as_previous : previous_);
    add_scores(s, first || previous_first_ ? outside_.as_second_previous
                                           : second_previous_);
    if (t > 0) add_scores(scores[t - 1], first ? outside_.as_next : r.as_next);
    second_previous_ = previous_second_;
    previous_second_ = r.as_second_previous;
    previous_ = r.as_previous;
    previous_first_ = first;
  }
  // Completes the last token's scores.
  void finish(std::vector<PosScores>& scores) const {
    if (!scores.empty()) add_scores(scores.back(), outside_.as_next);
  }

 private:
  const PosWordRows& outside_;
  PosScores previous_{};         // token t - 1's as_previous
  PosScores previous_second_{};  // token t - 1's as_second_previous
  PosScores second_previous_{};  // token t - 2's as_second_previous
  bool previous_first_ = true;   // token t - 1 starts its sentence
};

}  // namespace

void PosTagger::word_scores(std::string_view text, const TextLayout& layout,
                            std::uint32_t mask, PosTagScratch& scratch) const {
  const std::size_t n = layout.tokens.size();
  scratch.hashes.resize(n);
  scratch.scores.resize(n);
  PosWordRows outside;  // the rows of no word, before or after a sentence
  {
    std::uint32_t f[kPosStaticFeatures] = {};
    const std::uint32_t no_tail = tail_hash(std::string_view(), 3);
    as_neighbour_features(kBeforeText, no_tail, f);
    add_row(f[7], mask, outside.as_previous);
    add_row(f[11], mask, outside.as_previous);
    add_row(f[9], mask, outside.as_second_previous);
    as_neighbour_features(kAfterText, no_tail, f);
    add_row(f[8], mask, outside.as_next);
    add_row(f[12], mask, outside.as_next);
  }
  NeighbourSums sums(outside);
  // Tokens go in chunks: the chunk's misses ask for their rows first, then
  // sum them, so that the rows' cache misses overlap; the chunk's scores
  // follow, and only then are its misses cached (a slot a token of the
  // chunk reads is not overwritten before).
  constexpr std::size_t kChunk = 32;
  std::array<CacheMiss, kChunk> misses;
  std::array<const PosWordRows*, kChunk> rows;
  for (std::size_t begin = 0; begin < n; begin += kChunk) {
    const std::size_t end = std::min(n, begin + kChunk);
    std::size_t missed = 0;
    for (std::size_t t = begin; t < end; ++t) {
      const Token& token = layout.tokens[t];
      const std::string_view word =
          text.substr(token.span.begin, token.span.size());
      const bool first = starts_sentence(layout, t);
      const std::uint32_t hash = text_hash(word);
      const auto kind_first = static_cast<std::uint8_t>(
          static_cast<unsigned>(token.kind) | first << 2);
      bool hit = false;
      PosWordCache::Entry* e = scratch.words.find(word, hash, kind_first, hit);
      scratch.hashes[t] = hash;
      if (hit) {
        rows[t - begin] = &e->rows;
        continue;
      }
      CacheMiss& m = misses[missed++];
      m.slot = e;
      m.t = t;
      m.kind_first = kind_first;
      const std::uint32_t tail = tail_hash(word, 3);
      own_features(word, token.kind, first, hash, tail, m.f);
      as_neighbour_features(hash, tail, m.f);
#if defined(__GNUC__) || defined(__clang__)
      for (std::uint32_t f : m.f)
        __builtin_prefetch(&weights[std::size_t{f & mask} * kPosClasses]);
#endif
      rows[t - begin] = &m.rows;
    }
    for (std::size_t i = 0; i < missed; ++i)
      word_rows(misses[i].f, mask, misses[i].rows);
    for (std::size_t t = begin; t < end; ++t)
      sums.add(scratch.scores, t, starts_sentence(layout, t), *rows[t - begin]);
    for (std::size_t i = 0; i < missed; ++i) {
      const CacheMiss& m = misses[i];
      if (!m.slot) continue;  // too long to cache
      const TokenSpan& span = layout.tokens[m.t].span;
      m.slot->rows = m.rows;
      m.slot->hash = scratch.hashes[m.t];
      m.slot->size = static_cast<std::uint8_t>(span.size());
      m.slot->kind_first = m.kind_first;
      std::memcpy(m.slot->word, text.data() + span.begin, span.size());
    }
  }
  sums.finish(scratch.scores);
}

std::vector<PosTagger::Scores> PosTagger::static_scores(
    const std::vector<std::uint32_t>& features, std::uint32_t mask) const {
  const std::size_t n = features.size() / kPosStaticFeatures;
  std::vector<Scores> out(n, Scores{});
  constexpr std::size_t kAhead = 4;  // tokens: the rows asked for early
  for (std::size_t t = 0; t < n; ++t) {
    const std::uint32_t* f = &features[t * kPosStaticFeatures];
#if defined(__GNUC__) || defined(__clang__)
    if (t + kAhead < n)
      for (int i = 0; i < kPosStaticFeatures; ++i)
        __builtin_prefetch(
            &weights[std::size_t{f[kAhead * kPosStaticFeatures + i] & mask} *
                     kPosClasses]);
#endif
    for (int i = 0; i < kPosStaticFeatures; ++i) add_row(f[i], mask, out[t]);
  }
  return out;
}

PosWordCache::PosWordCache(std::size_t entries) {
  std::size_t size = 1;
  while (size < entries) size <<= 1;
  mask_ = size - 1;
}

bool PosWordCache::serve(const void* owner) {
  if (owner == owner_) return false;
  entries_.assign(mask_ + 1, Entry{});
  tag_pairs.clear();
  owner_ = owner;
  return true;
}

PosWordCache::Entry* PosWordCache::find(std::string_view word,
                                        std::uint32_t hash,
                                        std::uint8_t kind_first, bool& hit) {
  hit = false;
  if (word.size() > kMaxWord) return nullptr;
  std::uint32_t h = (hash ^ kind_first * 0x9e3779b1u) * 0x85ebca6bu;
  h ^= h >> 15;
  Entry& e = entries_[h & mask_];
  hit = e.size == word.size() && e.kind_first == kind_first && e.hash == hash &&
        std::memcmp(e.word, word.data(), word.size()) == 0;
  return &e;
}

std::string PosTagger::serialize() const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kVersion);
  put_u32(out, kPosClasses);
  put_u32(out, bits);
  put_f32(out, scale);
  put_i16s(out, weights);
  return out;
}

PosTagger PosTagger::parse(std::string_view bytes) {
  ModelReader in(bytes);
  if (in.take(sizeof kMagic, "magic") !=
      std::string_view(kMagic, sizeof kMagic))
    throw error("not a quotelink tagger file (no QLPOSTG1 magic)", 0);
  const std::size_t version_at = in.offset();
  if (const std::uint32_t v = in.u32("version"); v != kVersion)
    throw error("tagger file: version " + std::to_string(v) +
                    ", this build reads version " + std::to_string(kVersion),
                version_at);
  const std::size_t classes_at = in.offset();
  if (const std::uint32_t k = in.u32("class count"); k != kPosClasses)
    throw error("tagger file: " + std::to_string(k) + " classes, not " +
                    std::to_string(kPosClasses),
                classes_at);
  PosTagger tagger;
  const std::size_t bits_at = in.offset();
  tagger.bits = in.u32("table bits");
  if (tagger.bits > kMaxPosTaggerBits)
    throw error("tagger file: 2^" + std::to_string(tagger.bits) +
                    " rows, over the limit of 2^" +
                    std::to_string(kMaxPosTaggerBits),
                bits_at);
  tagger.scale = in.f32("scale");
  tagger.weights = in.i16s(std::size_t{kPosClasses} << tagger.bits, "weights");
  if (!in.done())
    throw error("tagger file: " + std::to_string(bytes.size() - in.offset()) +
                    " bytes after the weights",
                in.offset());
  return tagger;
}

PosTrainingText pos_training_text(std::string_view text,
                                  const TextLayout& layout,
                                  const std::vector<std::uint32_t>& begins,
                                  const std::vector<std::uint32_t>& ends,
                                  const PosTags& classes) {
  if (begins.size() != ends.size() || begins.size() != classes.size())
    throw error("tagger training: " + std::to_string(begins.size()) +
                " begins, " + std::to_string(ends.size()) + " ends and " +
                std::to_string(classes.size()) + " classes");
  PosTrainingText out;
  out.features = pos_static_features(text, layout);
  out.gold.assign(layout.tokens.size(), kPosUnknown);
  out.sentence_first = sentence_starts(layout);
  for (std::size_t t = 0; t < layout.tokens.size(); ++t) {
    const std::uint32_t at = layout.tokens[t].span.begin;
    // The last silver token starting at or before `at` (they are sorted).
    const auto it = std::upper_bound(begins.begin(), begins.end(), at);
    if (it == begins.begin()) continue;
    const std::size_t s = static_cast<std::size_t>(it - begins.begin()) - 1;
    if (ends[s] > at) out.gold[t] = classes[s];
  }
  return out;
}

PosTagger train_pos_tagger(const std::vector<PosTrainingText>& texts,
                           const PosTrainingOptions& options) {
  if (options.bits > kMaxPosTaggerBits)
    throw error("tagger training: bits must be at most " +
                std::to_string(kMaxPosTaggerBits) + ", not " +
                std::to_string(options.bits));
  if (options.epochs < 1)
    throw error("tagger training: epochs must be at least 1, not " +
                std::to_string(options.epochs));
  Trainer trainer(options.bits);
  std::vector<std::size_t> order(texts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::uint64_t state = options.seed;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle_order(order, state);
    for (std::size_t i : order) trainer.learn(texts[i]);
  }
  PosTagger out;
  out.bits = options.bits;
  out.scale = quantized_average(trainer.w, trainer.u, trainer.c, out.weights);
  return out;
}

const PosTagger* shipped_tagger() {
  static const PosTagger* const tagger = []() -> const PosTagger* {
    std::string_view bytes;
    try {
      bytes = embedded_file(kShippedTagger);
    } catch (const error&) {
      return nullptr;
    }
    static const PosTagger parsed = PosTagger::parse(bytes);
    return &parsed;
  }();
  return tagger;
}

}  // namespace quotelink::detail
