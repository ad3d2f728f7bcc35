// The tagger's training data: a text with silver tags given in code points
// (CoreNLP's CoNLL-U offsets), aligned to the tokens of quotelink's own
// text stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "model/pos_tagger.h"

namespace quotelink {
class Lexicon;
}

namespace quotelink::detail {

/// Silver tags of one text: token i spans code points [begins[i], ends[i])
/// and has class classes[i]; sorted by begin.
struct SilverTags {
  std::vector<std::uint32_t> begins;
  std::vector<std::uint32_t> ends;
  PosTags classes;
};

/// Reads training texts with the built-in lexicons' text stage.
class PosTextReader {
 public:
  PosTextReader();
  ~PosTextReader();
  /// The training text of `text` (valid UTF-8, else quotelink::error)
  /// with `silver` aligned to its tokens (pos_training_text).
  PosTrainingText read(std::string_view text, const SilverTags& silver) const;
  /// How many tokens of `text` with a silver class `tagger` tags alike:
  /// (agreeing, with a silver class).
  std::pair<std::size_t, std::size_t> agreement(const PosTagger& tagger,
                                                std::string_view text,
                                                const SilverTags& silver) const;

 private:
  std::unique_ptr<const Lexicon> lexicon_;
};

}  // namespace quotelink::detail
