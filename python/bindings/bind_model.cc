// The learned layer's training hooks (quotelink.train uses them): the rules'
// records and cue candidates with their features, perceptron training,
// model files, and the pipeline with a model of the caller's.
//
// Feature lists cross the boundary packed: `features` holds every example's
// hashes as little-endian uint32, `lengths` the number of hashes of each
// example (uint32), so corpora of a million tokens stay compact and
// concatenate as bytes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.h"
#include "model/linear_model.h"
#include "model/perceptron_trainer.h"
#include "model/report_examples.h"
#include "quotelink/error.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

using detail::LinearClassifier;
using detail::LinearModel;

std::vector<std::uint32_t> unpack_u32(const std::string& bytes,
                                      const char* what) {
  if (bytes.size() % 4)
    throw error(std::string(what) + ": " + std::to_string(bytes.size()) +
                " bytes is not a whole number of uint32 values");
  std::vector<std::uint32_t> out(bytes.size() / 4);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto* p =
        reinterpret_cast<const unsigned char*>(bytes.data() + 4 * i);
    out[i] = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 |
             std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
  }
  return out;
}

void pack_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

// Packed (features, lengths) -> one feature list per example.
std::vector<std::vector<std::uint32_t>> unpack_examples(
    const std::string& features, const std::string& lengths) {
  const std::vector<std::uint32_t> flat = unpack_u32(features, "features");
  const std::vector<std::uint32_t> sizes = unpack_u32(lengths, "lengths");
  std::vector<std::vector<std::uint32_t>> out;
  out.reserve(sizes.size());
  std::size_t at = 0;
  for (std::uint32_t n : sizes) {
    if (flat.size() - at < n)
      throw error("lengths add up to more than the " +
                  std::to_string(flat.size()) + " features given");
    out.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(at),
                     flat.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
  }
  if (at != flat.size())
    throw error("lengths add up to " + std::to_string(at) + " of the " +
                std::to_string(flat.size()) + " features given");
  return out;
}

using ClassifierSpec =
    std::tuple<std::string, py::bytes, py::bytes, py::bytes, float>;

LinearClassifier train_one(const ClassifierSpec& spec,
                           const detail::PerceptronOptions& options) {
  const auto& [name, features, lengths, labels, threshold] = spec;
  const auto lists =
      unpack_examples(std::string(features), std::string(lengths));
  const std::string marks(labels);
  if (marks.size() != lists.size())
    throw error("train: " + std::to_string(lists.size()) + " examples but " +
                std::to_string(marks.size()) + " labels for classifier '" +
                name + "'");
  std::vector<detail::TrainingExample> examples(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    examples[i].features = lists[i];
    examples[i].positive = marks[i] != 0;
  }
  py::gil_scoped_release release;
  LinearClassifier c = detail::train_perceptron(name, examples, options);
  c.threshold = threshold;
  return c;
}

void bind_finder(py::module_& m) {
  py::class_<detail::ReportExampleFinder>(
      m, "_ReportExampleFinder",
      "The rules-only records and cue candidates of a text, with features.")
      .def(py::init<>())
      .def(
          "examples",
          [](const detail::ReportExampleFinder& self, const std::string& text) {
            std::vector<detail::ReportExample> found;
            {
              py::gil_scoped_release release;
              found = self.examples(text);
            }
            py::list out;
            for (const detail::ReportExample& e : found)
              out.append(py::make_tuple(e.start, e.end, to_string(e.kind),
                                        e.sieve, e.features));
            return out;
          },
          py::arg("text"),
          "(start, end, kind, sieve, features) per record; code points.")
      .def(
          "cue_examples",
          [](const detail::ReportExampleFinder& self, const std::string& text) {
            std::vector<detail::CueExample> found;
            std::string features, lengths;
            {
              py::gil_scoped_release release;
              found = self.cue_examples(text);
              for (const detail::CueExample& e : found) {
                for (std::uint32_t f : e.features) pack_u32(features, f);
                pack_u32(lengths,
                         static_cast<std::uint32_t>(e.features.size()));
              }
            }
            std::vector<std::size_t> starts, ends;
            for (const detail::CueExample& e : found) {
              starts.push_back(e.start);
              ends.push_back(e.end);
            }
            return py::make_tuple(starts, ends, py::bytes(features),
                                  py::bytes(lengths));
          },
          py::arg("text"),
          "(starts, ends, features, lengths) of the cue candidates; packed.");

  py::class_<detail::ModelRunner>(m, "_ModelRunner",
                                  "The pipeline with the given model bytes.")
      .def(py::init([](const py::bytes& model) {
             return std::make_unique<detail::ModelRunner>(
                 LinearModel::parse(std::string(model)));
           }),
           py::arg("model"))
      .def(
          "extract",
          [](const detail::ModelRunner& self, const std::string& text,
             std::string id) {
            py::gil_scoped_release release;
            Document doc = self.extract(text);
            doc.id = std::move(id);
            return doc;
          },
          py::arg("text"), py::arg("id") = "", "A Document, as Extractor's.");
}

}  // namespace

void bind_model(py::module_& m) {
  bind_finder(m);
  m.def(
      "_train_model",
      [](const std::vector<ClassifierSpec>& classifiers, std::uint32_t bits,
         int epochs, std::uint64_t seed) {
        detail::PerceptronOptions options;
        options.bits = bits;
        options.epochs = epochs;
        options.seed = seed;
        LinearModel model;
        for (const ClassifierSpec& spec : classifiers)
          model.classifiers.push_back(train_one(spec, options));
        return py::bytes(model.serialize());
      },
      py::arg("classifiers"), py::arg("bits"), py::arg("epochs"),
      py::arg("seed"),
      "Trains (name, features, lengths, labels, threshold) classifiers "
      "(packed; labels one byte each); returns the model file's bytes.");

  m.def(
      "_model_scores",
      [](const py::bytes& model_bytes, const std::string& name,
         const py::bytes& features, const py::bytes& lengths) {
        LinearModel model = LinearModel::parse(std::string(model_bytes));
        const LinearClassifier* c = model.find(name);
        if (!c) throw error("model has no classifier named '" + name + "'");
        std::vector<double> scores;
        for (const auto& f :
             unpack_examples(std::string(features), std::string(lengths)))
          scores.push_back(c->score(f));
        return scores;
      },
      py::arg("model"), py::arg("name"), py::arg("features"),
      py::arg("lengths"),
      "The scores of packed examples under classifier `name` of model bytes.");

  m.def(
      "_model_info",
      [](const py::bytes& model_bytes) {
        LinearModel model = LinearModel::parse(std::string(model_bytes));
        py::list out;
        for (const LinearClassifier& c : model.classifiers) {
          std::size_t nonzero = 0;
          for (std::int16_t w : c.weights) nonzero += w != 0;
          out.append(py::make_tuple(c.name, c.bits, c.threshold, nonzero));
        }
        return out;
      },
      py::arg("model"),
      "(name, bits, threshold, non-zero weights) per classifier; raises "
      "quotelink.Error for a malformed file.");
}

}  // namespace quotelink::python
