// The learned layer's part-of-speech tagger: a greedy left-to-right averaged
// perceptron over the tokens of a TextLayout, with 16 coarse classes mapped
// from Penn Treebank tags, trained on the CoreNLP silver tags of PolNeAR
// train. Its tags are features of the model's decisions only: the rules
// never read them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace quotelink::detail {

/// The coarse classes. Finite verbs take VBD, VBZ, VBP and MD; WH takes
/// WDT, WP, WP$ and WRB; OTHER takes CD, POS, SYM, FW, UH, LS and any tag
/// not listed.
enum PosClass : std::uint8_t {
  kPosNoun,      ///< NN, NNS
  kPosPropn,     ///< NNP, NNPS
  kPosPron,      ///< PRP, PRP$, EX
  kPosVerbFin,   ///< VBD, VBZ, VBP, MD
  kPosVerbIng,   ///< VBG
  kPosVerbPart,  ///< VBN
  kPosVerbBase,  ///< VB
  kPosAdj,       ///< JJ, JJR, JJS
  kPosAdv,       ///< RB, RBR, RBS, RP
  kPosAdp,       ///< IN
  kPosTo,        ///< TO
  kPosDet,       ///< DT, PDT
  kPosConj,      ///< CC
  kPosWh,        ///< WDT, WP, WP$, WRB
  kPosPunct,     ///< punctuation tags (. , : `` '' -LRB- -RRB- # $ HYPH)
  kPosOther,     ///< CD, POS, SYM, FW, UH, LS, anything else
};
inline constexpr int kPosClasses = 16;
/// A token with no known class (training: no silver tag aligned to it).
inline constexpr std::uint8_t kPosUnknown = 255;

/// The coarse class of Penn Treebank tag `ptb` (kPosOther when unlisted).
std::uint8_t pos_class(std::string_view ptb);
/// The class's short name ("NOUN", "VFIN", ...), for tests and reports.
std::string_view pos_class_name(std::uint8_t c);

/// The tags of one window: one class per token of its layout, or empty
/// when no tagger ran (the rules only).
using PosTags = std::vector<std::uint8_t>;

/// Features of one token that do not depend on earlier tags: a bias; the
/// word (lower-cased), its last three, two and one bytes, its first two,
/// its shape (kind, capitals, digits, hyphen, sentence start, length over
/// six); the words one before, one after and two before (markers outside
/// the sentence); the word with its shape; the last three bytes of the
/// words before and after.
inline constexpr int kPosStaticFeatures = 13;

/// The tag-independent feature hashes of every token of `layout` over
/// `text`: kPosStaticFeatures per token, token after token. Linear in the
/// tokens.
std::vector<std::uint32_t> pos_static_features(std::string_view text,
                                               const TextLayout& layout);

/// One token's score per class.
using PosScores = std::array<std::int32_t, kPosClasses>;

/// The sums of the rows a word's static features add: to its own token's
/// scores (the features that read its own text: f0-f6, f10), and to its
/// neighbours' as the word before them (f7, f11), after them (f8, f12) and
/// two before them (f9). They read the word's text only, so they are summed
/// once per word and reused wherever it stands.
struct PosWordRows {
  PosScores own{};
  PosScores as_previous{};
  PosScores as_next{};
  PosScores as_second_previous{};
};
/// What the tagger remembers across documents: per word it has seen (its
/// exact bytes, token kind and whether it starts a sentence) its
/// PosWordRows and hash; and the summed rows of the three features that
/// read the tags before only (`tag_pairs`). Direct-mapped with a fixed
/// number of entries: a word replaces the one in its slot. The sums are
/// int32, so a cached sum is exactly the one the rows give in any order.
/// Not thread-safe: each extraction has its own (Scratch::pos). Valid for
/// one tagger's weights; cleared when another tagger uses it.
class PosWordCache {
 public:
  /// Words longer than this are not cached.
  static constexpr std::size_t kMaxWord = 22;
  struct Entry {
    PosWordRows rows;
    std::uint32_t hash = 0;       ///< text_hash of the word
    std::uint8_t size = 0xff;     ///< bytes of the word; 0xff: empty slot
    std::uint8_t kind_first = 0;  ///< TokenKind, and 4 when first
    char word[kMaxWord] = {};
  };
  /// `entries` is rounded up to a power of two.
  explicit PosWordCache(std::size_t entries = 1024);
  /// Readies the cache for the tagger `owner`: when it last served another
  /// (or none), clears it, allocating it the first time, and returns true
  /// (the caller then fills `tag_pairs`).
  bool serve(const void* owner);
  /// The slot for `word` (`hash` its text_hash), or nullptr when the word
  /// is too long; `hit` tells whether the slot holds it already. Call
  /// serve() first.
  Entry* find(std::string_view word, std::uint32_t hash,
              std::uint8_t kind_first, bool& hit);
  /// Per (tag before, tag two before), each 0..kPosClasses (none): the
  /// sum of the rows of the features reading those tags only.
  std::vector<PosScores> tag_pairs;

 private:
  std::size_t mask_;
  const void* owner_ = nullptr;
  std::vector<Entry> entries_;
};
/// The tagger's work arrays for one extraction, kept from one document to
/// the next (Scratch::pos), and its word cache.
struct PosTagScratch {
  PosWordCache words;
  std::vector<std::uint32_t> hashes;  ///< per token: word hash
  std::vector<PosScores> scores;      ///< per token
  PosTags tags;                       ///< the pipeline's tags of a window
};
/// The tagger's weights: 2^bits rows of kPosClasses int16 weights, a
/// feature hash's low bits choosing a row and its top bit the sign the row
/// is added with (signed feature hashing: features sharing a row add
/// noise that cancels out instead of a bias).
struct PosTagger {
  std::uint32_t bits = 0;
  float scale = 1.0f;  ///< real weight per int16 unit
  std::vector<std::int16_t> weights;

  /// The tag of every token of `layout` over `text`, greedily left to
  /// right (the tags of the two tokens before are features). A tagger with
  /// no weights gives kPosOther everywhere. Linear in the tokens.
  PosTags tag(std::string_view text, const TextLayout& layout) const;
  /// The same from the tokens' pos_static_features and sentence starts
  /// (`sentence_first[t]`: token t starts a sentence).
  PosTags tag_features(const std::vector<std::uint32_t>& features,
                       const std::vector<char>& sentence_first) const;
  /// The same tags as tag(text, layout), into `out`, with the arrays and
  /// the word cache of `scratch`: a word seen before costs one lookup
  /// instead of its static features' thirteen rows (its own and its
  /// neighbours' sums added in turn), and no array is allocated once
  /// `scratch` has served a window as large.
  void tag(std::string_view text, const TextLayout& layout,
           PosTagScratch& scratch, PosTags& out) const;

  /// The file bytes: magic "QLPOSTG1", u32 version (1), u32 classes (16),
  /// u32 bits, f32 scale, then 2^bits * 16 int16 weights; little-endian.
  std::string serialize() const;
  /// Parses serialize's format; throws quotelink::error naming the problem
  /// (bad magic, unknown version, wrong class count, table too large,
  /// truncated table, trailing bytes) and its byte offset.
  static PosTagger parse(std::string_view bytes);

 private:
  using Scores = PosScores;
  /// Adds feature f's row to `score`, negated when f's top bit is set.
  void add_row(std::uint32_t f, std::uint32_t mask, Scores& score) const;
  /// Per token, the sum of its static features' rows.
  std::vector<Scores> static_scores(const std::vector<std::uint32_t>& features,
                                    std::uint32_t mask) const;
  /// Per token into scratch.scores: the sum of its static features' rows,
  /// from the word cache or summed and cached; fills scratch.hashes.
  void word_scores(std::string_view text, const TextLayout& layout,
                   std::uint32_t mask, PosTagScratch& scratch) const;
  /// Into `out`: the rows of word features `f` (own_features and
  /// as_neighbour_features) summed per PosWordRows part.
  void word_rows(const std::uint32_t* f, std::uint32_t mask,
                 PosWordRows& out) const;
  /// Into `out` ((kPosClasses + 1)^2 entries): PosWordCache::tag_pairs.
  void tag_pair_scores(std::uint32_t mask, std::vector<Scores>& out) const;
  /// The greedy left-to-right pass over the tokens' static scores `base`
  /// into `out` (out.size() tokens; `first(t)`: token t starts a sentence;
  /// `word_feature(t)`: its word feature, static feature 1; `pairs`:
  /// tag_pair_scores).
  template <class First, class WordFeature>
  void decode(const std::vector<Scores>& base, const Scores* pairs, First first,
              WordFeature word_feature, std::uint32_t mask, PosTags& out) const;
};

/// Per token of `layout`: 1 when it starts a sentence.
std::vector<char> sentence_starts(const TextLayout& layout);

/// Tables bigger than this are refused on load (2^20 rows are 32 MB).
inline constexpr std::uint32_t kMaxPosTaggerBits = 19;

/// The tagged tokens of one training text.
struct PosTrainingText {
  std::vector<std::uint32_t> features;  ///< pos_static_features
  std::vector<char> sentence_first;     ///< per token: first of a sentence
  PosTags gold;                         ///< per token, kPosUnknown allowed
};

/// The training text of `text` with silver tags `spans`: (begin, end, class)
/// in bytes of `text`. Each token takes the class of the silver token that
/// holds its first byte; tokens that no silver token holds are kPosUnknown.
PosTrainingText pos_training_text(std::string_view text,
                                  const TextLayout& layout,
                                  const std::vector<std::uint32_t>& begins,
                                  const std::vector<std::uint32_t>& ends,
                                  const PosTags& classes);

/// How to train.
struct PosTrainingOptions {
  std::uint32_t bits = 16;
  int epochs = 8;
  std::uint64_t seed = 1;  ///< the order of the texts in each pass
};

/// Trains the tagger (averaged multiclass perceptron, greedy decoding with
/// its own earlier predictions as the tag features, one shuffled pass over
/// the texts per epoch) and quantizes it to int16. Tokens of unknown class
/// are tagged but teach nothing. Deterministic for the same texts and
/// options; throws quotelink::error for bits over kMaxPosTaggerBits or
/// epochs < 1.
PosTagger train_pos_tagger(const std::vector<PosTrainingText>& texts,
                           const PosTrainingOptions& options);

/// The embedded data file of the shipped tagger.
inline constexpr std::string_view kShippedTagger = "model/pos.bin";

/// The tagger embedded in the library, parsed once, or nullptr when the
/// build embeds none.
const PosTagger* shipped_tagger();

}  // namespace quotelink::detail
