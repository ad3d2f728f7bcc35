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

// The static features that read the token's own text only, and those that
// read its neighbours.
constexpr int kOwnFeatures[] = {0, 1, 2, 3, 4, 5, 6, 10};
constexpr int kContextFeatures[] = {7, 8, 9, 11, 12};

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

// True when token t of `layout` starts its sentence.
bool starts_sentence(const TextLayout& layout, std::size_t t) {
  return t == 0 || layout.tokens[t - 1].sentence != layout.tokens[t].sentence;
}

// The tag-dependent features of a token (`word` its static feature 1, the
// tags `p1` and `p2` before it) into `out`.
void dynamic_features(std::uint32_t word, std::uint32_t p1, std::uint32_t p2,
                      std::uint32_t* out) {
  out[0] = (FeatureHash(120) << p1).value();
  out[1] = (FeatureHash(121) << p1 << p2).value();
  out[2] = (FeatureHash(122) << p1 << word).value();
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

template <class First, class WordFeature>
void PosTagger::decode(const std::vector<Scores>& base, First first,
                       WordFeature word_feature, std::uint32_t mask,
                       PosTags& out) const {
  // The tag features start again at each sentence, so sentences are
  // independent chains: kLanes of them are decoded at once, a token of each
  // in turn, so that the cache misses of their rows overlap.
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
  std::array<std::array<std::uint32_t, kDynamicFeatures>, kLanes> dynamic;
  int active = 0;
  while (active < kLanes && start(lanes[active])) ++active;
  while (active > 0) {
    for (int l = 0; l < active; ++l) {
      const Lane& lane = lanes[l];
      dynamic_features(word_feature(lane.t), lane.p1, lane.p2,
                       dynamic[l].data());
#if defined(__GNUC__) || defined(__clang__)
      __builtin_prefetch(
          &weights[std::size_t{dynamic[l][2] & mask} * kPosClasses]);
#endif
    }
    for (int l = 0; l < active;) {
      Lane& lane = lanes[l];
      Scores score = base[lane.t];
      for (std::uint32_t f : dynamic[l]) add_row(f, mask, score);
      out[lane.t] = best_class(score.data());
      lane.p2 = lane.p1;
      lane.p1 = out[lane.t];
      if (++lane.t == lane.end && !start(lane)) {
        --active;  // the last lane, not stepped yet in this round, moves here
        lane = lanes[active];
        dynamic[l] = dynamic[active];
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
  // The static features' part of every token's scores first: no token
  // waits for another, so the table's cache misses overlap.
  decode(
      static_scores(features, mask),
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
  own_scores(text, layout, mask, scratch);
  add_context_scores(layout, mask, scratch);
  decode(
      scratch.scores, [&](std::size_t t) { return starts_sentence(layout, t); },
      [&](std::size_t t) {
        return (FeatureHash(101) << scratch.hashes[t]).value();
      },
      mask, out);
}

namespace {

// A token whose word the cache does not hold: its own-text features, whose
// rows are asked for before they are summed, and the slot to cache it in.
struct CacheMiss {
  std::size_t t;
  PosWordCache::Entry* slot;  // nullptr: too long to cache
  std::uint8_t kind_first;
  std::uint32_t f[kPosStaticFeatures];
};

}  // namespace

void PosTagger::own_scores(std::string_view text, const TextLayout& layout,
                           std::uint32_t mask, PosTagScratch& scratch) const {
  const std::size_t n = layout.tokens.size();
  scratch.hashes.resize(n);
  scratch.tails.resize(n);
  scratch.scores.resize(n);
  // Tokens go in chunks: the chunk's misses ask for their rows first, then
  // sum them, so that the rows' cache misses overlap.
  constexpr std::size_t kChunk = 32;
  std::array<CacheMiss, kChunk> misses;
  for (std::size_t begin = 0; begin < n; begin += kChunk) {
    std::size_t missed = 0;
    for (std::size_t t = begin; t < std::min(n, begin + kChunk); ++t) {
      const Token& token = layout.tokens[t];
      const std::string_view word =
          text.substr(token.span.begin, token.span.size());
      const bool first = starts_sentence(layout, t);
      const std::uint32_t hash = text_hash(word);
      const auto kind_first = static_cast<std::uint8_t>(
          static_cast<unsigned>(token.kind) | first << 2);
      bool hit = false;
      PosWordCache::Entry* e =
          scratch.words.find(this, word, hash, kind_first, hit);
      scratch.hashes[t] = hash;
      if (hit) {
        scratch.tails[t] = e->tail;
        scratch.scores[t] = e->score;
        continue;
      }
      CacheMiss& m = misses[missed++];
      m = CacheMiss{t, e, kind_first, {}};
      scratch.tails[t] = tail_hash(word, 3);
      own_features(word, token.kind, first, hash, scratch.tails[t], m.f);
#if defined(__GNUC__) || defined(__clang__)
      for (int i : kOwnFeatures)
        __builtin_prefetch(&weights[std::size_t{m.f[i] & mask} * kPosClasses]);
#endif
    }
    for (std::size_t i = 0; i < missed; ++i) {
      const CacheMiss& m = misses[i];
      Scores& score = scratch.scores[m.t];
      score = Scores{};
      for (int k : kOwnFeatures) add_row(m.f[k], mask, score);
      if (!m.slot) continue;  // too long to cache
      const TokenSpan& span = layout.tokens[m.t].span;
      m.slot->score = score;
      m.slot->hash = scratch.hashes[m.t];
      m.slot->tail = scratch.tails[m.t];
      m.slot->size = static_cast<std::uint8_t>(span.size());
      m.slot->kind_first = m.kind_first;
      std::memcpy(m.slot->word, text.data() + span.begin, span.size());
    }
  }
}

void PosTagger::add_context_scores(const TextLayout& layout, std::uint32_t mask,
                                   PosTagScratch& scratch) const {
  const int n = static_cast<int>(scratch.scores.size());
  // The features of the tokens kAhead on, whose rows are asked for early.
  constexpr int kAhead = 4, kRing = 8;
  std::array<std::array<std::uint32_t, kPosStaticFeatures>, kRing> ring;
  const auto ask = [&](int t) {
    std::uint32_t* f = ring[t % kRing].data();
    context_features(layout, scratch.hashes, scratch.tails, t, f);
#if defined(__GNUC__) || defined(__clang__)
    for (int i : kContextFeatures)
      __builtin_prefetch(&weights[std::size_t{f[i] & mask} * kPosClasses]);
#endif
  };
  for (int t = 0; t < std::min(n, kAhead); ++t) ask(t);
  for (int t = 0; t < n; ++t) {
    if (t + kAhead < n) ask(t + kAhead);
    const std::uint32_t* f = ring[t % kRing].data();
    for (int i : kContextFeatures) add_row(f[i], mask, scratch.scores[t]);
  }
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

PosWordCache::Entry* PosWordCache::find(const void* owner,
                                        std::string_view word,
                                        std::uint32_t hash,
                                        std::uint8_t kind_first, bool& hit) {
  hit = false;
  if (word.size() > kMaxWord) return nullptr;
  if (owner != owner_) {
    entries_.assign(mask_ + 1, Entry{});
    owner_ = owner;
  }
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
