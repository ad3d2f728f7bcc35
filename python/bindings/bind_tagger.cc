// The tagger's training hooks (quotelink.train uses them): training on
// texts with silver tags, agreement with silver tags, tagging a text.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bindings.h"
#include "model/pos_tagger.h"
#include "model/pos_training.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

using detail::PosTagger;
using detail::SilverTags;

// (text, begins, ends, Penn Treebank tags): a text and its silver tokens,
// offsets in code points.
using SilverText =
    std::tuple<std::string, std::vector<std::uint32_t>,
               std::vector<std::uint32_t>, std::vector<std::string>>;

SilverTags silver_of(const SilverText& t) {
  const auto& [text, begins, ends, tags] = t;
  SilverTags out;
  out.begins = begins;
  out.ends = ends;
  for (const std::string& tag : tags)
    out.classes.push_back(detail::pos_class(tag));
  return out;
}

}  // namespace

void bind_tagger(py::module_& m) {
  m.def(
      "_train_pos_tagger",
      [](const std::vector<SilverText>& texts, std::uint32_t bits, int epochs,
         std::uint64_t seed) {
        std::vector<SilverTags> silver;
        for (const SilverText& t : texts) silver.push_back(silver_of(t));
        std::string bytes;
        {
          py::gil_scoped_release release;
          const detail::PosTextReader reader;
          std::vector<detail::PosTrainingText> training;
          training.reserve(texts.size());
          for (std::size_t i = 0; i < texts.size(); ++i)
            training.push_back(reader.read(std::get<0>(texts[i]), silver[i]));
          detail::PosTrainingOptions options;
          options.bits = bits;
          options.epochs = epochs;
          options.seed = seed;
          bytes = detail::train_pos_tagger(training, options).serialize();
        }
        return py::bytes(bytes);
      },
      py::arg("texts"), py::arg("bits"), py::arg("epochs"), py::arg("seed"),
      "The tagger file's bytes, trained on (text, begins, ends, PTB tags) "
      "texts (code points).");
  m.def(
      "_pos_agreement",
      [](const py::bytes& tagger_bytes, const std::vector<SilverText>& texts) {
        const PosTagger tagger = PosTagger::parse(std::string(tagger_bytes));
        std::vector<SilverTags> silver;
        for (const SilverText& t : texts) silver.push_back(silver_of(t));
        py::gil_scoped_release release;
        const detail::PosTextReader reader;
        std::pair<std::size_t, std::size_t> total{0, 0};
        for (std::size_t i = 0; i < texts.size(); ++i) {
          const auto [agree, known] =
              reader.agreement(tagger, std::get<0>(texts[i]), silver[i]);
          total.first += agree;
          total.second += known;
        }
        return total;
      },
      py::arg("tagger"), py::arg("texts"),
      "(tokens tagged as the silver tags say, tokens with a silver tag); "
      "quotelink.Error for a malformed tagger file.");
  m.def(
      "_pos_class_names",
      []() {
        std::vector<std::string> out;
        for (int c = 0; c < detail::kPosClasses; ++c)
          out.emplace_back(
              detail::pos_class_name(static_cast<std::uint8_t>(c)));
        return out;
      },
      "The tagger's classes, in class order.");
  m.def(
      "_pos_class",
      [](const std::string& ptb) { return detail::pos_class(ptb); },
      py::arg("ptb"), "The class index of a Penn Treebank tag.");
}

}  // namespace quotelink::python
