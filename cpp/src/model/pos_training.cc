#include "model/pos_training.h"

#include <string>

#include "model/report_examples.h"
#include "pipeline.h"
#include "quotelink/error.h"
#include "text.h"

namespace quotelink::detail {

namespace {

// The byte offset of every code point of `text`, and of its end.
std::vector<std::uint32_t> code_point_bytes(std::string_view text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80)
      out.push_back(static_cast<std::uint32_t>(i));
  out.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

// `silver`'s offsets as bytes of `text`; quotelink::error for an offset
// past the text's end.
SilverTags in_bytes(std::string_view text, const SilverTags& silver) {
  const std::vector<std::uint32_t> bytes = code_point_bytes(text);
  auto byte_of = [&](std::uint32_t cp) {
    if (cp >= bytes.size())
      throw error("silver tag offset " + std::to_string(cp) +
                  " is past the text's " + std::to_string(bytes.size() - 1) +
                  " code points");
    return bytes[cp];
  };
  SilverTags out;
  out.classes = silver.classes;
  for (std::uint32_t b : silver.begins) out.begins.push_back(byte_of(b));
  for (std::uint32_t e : silver.ends) out.ends.push_back(byte_of(e));
  return out;
}

}  // namespace

PosTextReader::PosTextReader()
    : lexicon_(std::make_unique<const Lexicon>(rules_only())) {}

PosTextReader::~PosTextReader() = default;

PosTrainingText PosTextReader::read(std::string_view text,
                                    const SilverTags& silver) const {
  const std::string valid = validate_utf8(text, false, nullptr);
  const TextLayout layout = analyse_text(valid, lexicon_->text, nullptr);
  const SilverTags b = in_bytes(valid, silver);
  return pos_training_text(valid, layout, b.begins, b.ends, b.classes);
}

std::pair<std::size_t, std::size_t> PosTextReader::agreement(
    const PosTagger& tagger, std::string_view text,
    const SilverTags& silver) const {
  const PosTrainingText gold = read(text, silver);
  const PosTags tags = tagger.tag_features(gold.features, gold.sentence_first);
  std::pair<std::size_t, std::size_t> out{0, 0};
  for (std::size_t t = 0; t < tags.size(); ++t) {
    if (gold.gold[t] == kPosUnknown) continue;
    ++out.second;
    out.first += tags[t] == gold.gold[t];
  }
  return out;
}

}  // namespace quotelink::detail
