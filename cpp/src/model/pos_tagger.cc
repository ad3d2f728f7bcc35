#include "model/pos_tagger.h"

#include <algorithm>
#include <array>
#include <cmath>
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

// The tag-dependent features of a token (static features `s`, the tags
// `p1` and `p2` before it) into `out`.
void dynamic_features(const std::uint32_t* s, std::uint32_t p1,
                      std::uint32_t p2, std::uint32_t* out) {
  out[0] = (FeatureHash(120) << p1).value();
  out[1] = (FeatureHash(121) << p1 << p2).value();
  out[2] = (FeatureHash(122) << p1 << s[1]).value();
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
      dynamic_features(s, p1, p2, f.data() + kPosStaticFeatures);
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
  for (int t = 0; t < n; ++t)
    words[t] = text_hash(
        text.substr(layout.tokens[t].span.begin, layout.tokens[t].span.size()));
  std::vector<std::uint32_t> out(layout.tokens.size() * kPosStaticFeatures);
  for (int t = 0; t < n; ++t) {
    const Token& token = layout.tokens[t];
    const std::string_view word =
        text.substr(token.span.begin, token.span.size());
    const bool first =
        t == 0 || layout.tokens[t - 1].sentence != token.sentence;
    const std::uint32_t shape_code = shape(word, token.kind, first);
    const std::uint32_t before = neighbour(layout, words, t, t - 1);
    // The text of a neighbour in the sentence, or nothing.
    const auto neighbour_text = [&](int u) {
      if (u < 0 || u >= n || layout.tokens[u].sentence != token.sentence)
        return std::string_view();
      return text.substr(layout.tokens[u].span.begin,
                         layout.tokens[u].span.size());
    };
    std::uint32_t* f = &out[static_cast<std::size_t>(t) * kPosStaticFeatures];
    f[0] = FeatureHash(100).value();
    f[1] = (FeatureHash(101) << words[t]).value();
    f[2] = (FeatureHash(102) << tail_hash(word, 3)).value();
    f[3] = (FeatureHash(103) << tail_hash(word, 2)).value();
    f[4] = (FeatureHash(104) << tail_hash(word, 1)).value();
    f[5] = (FeatureHash(105) << text_hash(word.substr(0, 2))).value();
    f[6] = (FeatureHash(106) << shape_code).value();
    f[7] = (FeatureHash(107) << before).value();
    f[8] = (FeatureHash(108) << neighbour(layout, words, t, t + 1)).value();
    f[9] = (FeatureHash(109) << neighbour(layout, words, t, t - 2)).value();
    f[10] = (FeatureHash(110) << words[t] << shape_code).value();
    f[11] = (FeatureHash(111) << tail_hash(neighbour_text(t - 1), 3)).value();
    f[12] = (FeatureHash(112) << tail_hash(neighbour_text(t + 1), 3)).value();
  }
  return out;
}

std::vector<char> sentence_starts(const TextLayout& layout) {
  std::vector<char> out(layout.tokens.size(), 0);
  for (std::size_t t = 0; t < out.size(); ++t)
    out[t] =
        t == 0 || layout.tokens[t - 1].sentence != layout.tokens[t].sentence;
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

PosTags PosTagger::tag_features(const std::vector<std::uint32_t>& features,
                                const std::vector<char>& sentence_first) const {
  PosTags out(sentence_first.size(), kPosOther);
  if (weights.empty()) return out;
  const std::uint32_t mask =
      static_cast<std::uint32_t>(weights.size() / kPosClasses - 1);
  // The static features' part of every token's scores first: no token
  // waits for another, so the table's cache misses overlap.
  const std::vector<Scores> base = static_scores(features, mask);
  std::uint32_t p1 = kNoTag, p2 = kNoTag;
  std::array<std::uint32_t, kDynamicFeatures> dynamic;
  for (std::size_t t = 0; t < out.size(); ++t) {
    if (sentence_first[t]) p1 = p2 = kNoTag;
    dynamic_features(&features[t * kPosStaticFeatures], p1, p2, dynamic.data());
    Scores score = base[t];
    for (std::uint32_t f : dynamic) add_row(f, mask, score);
    out[t] = best_class(score.data());
    p2 = p1;
    p1 = out[t];
  }
  return out;
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
