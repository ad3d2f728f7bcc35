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
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bindings.h"
#include "calibration.h"
#include "model/linear_model.h"
#include "model/perceptron_trainer.h"
#include "model/pos_tagger.h"
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

// (name, features, lengths, labels, threshold, bits); bits 0: the default.
using ClassifierSpec = std::tuple<std::string, py::bytes, py::bytes, py::bytes,
                                  float, std::uint32_t>;

LinearClassifier train_one(const ClassifierSpec& spec,
                           detail::PerceptronOptions options) {
  const auto& [name, features, lengths, labels, threshold, bits] = spec;
  if (bits) options.bits = bits;
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

py::tuple evidence_tuple(const detail::CalibrationEvidence& e) {
  return py::make_tuple(
      to_string(e.kind), e.rule, e.speaker,
      e.judged ? py::object(py::float_(e.score)) : py::object(py::none()),
      e.words);
}

py::list source_tuples(const std::vector<detail::SourceExample>& found) {
  py::list out;
  for (const detail::SourceExample& e : found)
    out.append(py::make_tuple(e.start, e.end, e.mention_start, e.mention_end,
                              e.sourced, e.rules_choice, e.features));
  return out;
}

// The tagger `bytes` name: None, the embedded one; empty, none; else the
// parsed file (quotelink.Error when malformed).
std::unique_ptr<detail::PosTagger> tagger_of(
    const std::optional<py::bytes>& bytes) {
  if (!bytes) {
    const detail::PosTagger* shipped = detail::shipped_tagger();
    return shipped ? std::make_unique<detail::PosTagger>(*shipped) : nullptr;
  }
  const std::string raw(*bytes);
  if (raw.empty()) return nullptr;
  return std::make_unique<detail::PosTagger>(detail::PosTagger::parse(raw));
}

void bind_finder(py::module_& m) {
  py::class_<detail::ReportExampleFinder>(
      m, "_ReportExampleFinder",
      "The rules-only records and cue candidates of a text, with features.")
      .def(py::init([](const std::optional<py::bytes>& tagger) {
             return std::make_unique<detail::ReportExampleFinder>(
                 tagger_of(tagger).get());
           }),
           py::arg("tagger") = py::none(),
           "The features read the tags of tagger file bytes (None: the "
           "embedded tagger; b'': no tags).")
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
          "(starts, ends, features, lengths) of the cue candidates; packed.")
      .def(
          "report_candidates",
          [](const detail::ReportExampleFinder& self, const std::string& text) {
            std::vector<detail::ReportCandidateExample> found;
            std::string features, lengths;
            {
              py::gil_scoped_release release;
              found = self.report_candidates(text);
              for (const detail::ReportCandidateExample& e : found) {
                for (std::uint32_t f : e.features) pack_u32(features, f);
                pack_u32(lengths,
                         static_cast<std::uint32_t>(e.features.size()));
              }
            }
            std::vector<std::size_t> cue_starts, cue_ends, starts, ends, words;
            for (const detail::ReportCandidateExample& e : found) {
              cue_starts.push_back(e.cue_start);
              cue_ends.push_back(e.cue_end);
              starts.push_back(e.start);
              ends.push_back(e.end);
              words.push_back(e.word_features);
            }
            return py::make_tuple(cue_starts, cue_ends, starts, ends,
                                  py::bytes(features), py::bytes(lengths),
                                  words);
          },
          py::arg("text"),
          "(cue_starts, cue_ends, starts, ends, features, lengths, "
          "word_features) of the candidate records propose_reports scores; "
          "code points, packed; word_features: how many of each candidate's "
          "features are its word's (what the gate scores).")
      .def(
          "source_examples",
          [](const detail::ReportExampleFinder& self, const std::string& text) {
            std::vector<detail::SourceExample> found;
            {
              py::gil_scoped_release release;
              found = self.source_examples(text);
            }
            return source_tuples(found);
          },
          py::arg("text"),
          "(start, end, mention_start, mention_end, sourced, rules_choice, "
          "features) per candidate source of a record; code points.")
      .def(
          "proposed_source_examples",
          [](const detail::ReportExampleFinder& self, const std::string& text,
             const std::vector<std::size_t>& chosen) {
            std::vector<detail::SourceExample> found;
            {
              py::gil_scoped_release release;
              found = self.proposed_source_examples(text, chosen);
            }
            return source_tuples(found);
          },
          py::arg("text"), py::arg("chosen"),
          "source_examples' tuples for candidate records `chosen` (indices "
          "into report_candidates' order), each made a record alone.");

  py::class_<detail::ModelRunner>(
      m, "_ModelRunner",
      "The pipeline with the given model bytes (None: the rules only), "
      "uncalibrated.")
      .def(
          py::init([](const std::optional<py::bytes>& model,
                      const std::optional<py::bytes>& tagger) {
            return std::make_unique<detail::ModelRunner>(
                model ? LinearModel::parse(std::string(*model)) : LinearModel{},
                tagger_of(tagger).get());
          }),
          py::arg("model"), py::arg("tagger") = py::none(),
          "The model reads the tags of tagger file bytes (None: the embedded "
          "tagger; b'': no tags).")
      .def(
          "extract",
          [](const detail::ModelRunner& self, const std::string& text,
             std::string id) {
            py::gil_scoped_release release;
            Document doc = self.extract(text);
            doc.id = std::move(id);
            return doc;
          },
          py::arg("text"), py::arg("id") = "", "A Document, as Extractor's.")
      .def(
          "extract_with_evidence",
          [](const detail::ModelRunner& self, const std::string& text,
             std::string id) {
            std::vector<detail::CalibrationEvidence> evidence;
            Document doc;
            {
              py::gil_scoped_release release;
              doc = self.extract(text, &evidence);
            }
            doc.id = std::move(id);
            py::list out;
            for (const detail::CalibrationEvidence& e : evidence)
              out.append(evidence_tuple(e));
            return py::make_tuple(std::move(doc), out);
          },
          py::arg("text"), py::arg("id") = "",
          "(Document, evidence per record): evidence is (kind, rule, speaker, "
          "score or None, words), as the calibration table reads it.");
}

// The calibration evidence of a record as Python sees it.
using EvidenceTuple = std::tuple<std::string, std::string, std::string,
                                 std::optional<double>, int>;

detail::CalibrationEvidence evidence_of(const EvidenceTuple& t) {
  const auto& [kind, rule, speaker, score, words] = t;
  detail::CalibrationEvidence e;
  e.kind = quote_kind(kind);
  e.rule = rule;
  e.speaker = speaker;
  e.judged = score.has_value();
  e.score = score.value_or(0.0);
  e.words = words;
  return e;
}

void bind_calibration(py::module_& m) {
  m.def(
      "_fit_calibration",
      [](const std::vector<EvidenceTuple>& evidence,
         const std::vector<bool>& right, double strength, int score_buckets,
         int word_buckets) {
        std::vector<detail::CalibrationEvidence> records;
        records.reserve(evidence.size());
        for (const EvidenceTuple& t : evidence)
          records.push_back(evidence_of(t));
        detail::CalibrationFitOptions options;
        options.strength = strength;
        options.score_buckets = score_buckets;
        options.word_buckets = word_buckets;
        return detail::fit_calibration(records, right, options).serialize();
      },
      py::arg("evidence"), py::arg("right"), py::arg("strength"),
      py::arg("score_buckets"), py::arg("word_buckets"),
      "The calibration table (file text) fitted on evidence tuples and "
      "their outcomes.");
  m.def(
      "_calibrated",
      [](const std::string& table_text,
         const std::vector<EvidenceTuple>& evidence) {
        const detail::CalibrationTable table =
            detail::CalibrationTable::parse(table_text);
        std::vector<double> out;
        out.reserve(evidence.size());
        for (const EvidenceTuple& t : evidence)
          out.push_back(table.probability(evidence_of(t)));
        return out;
      },
      py::arg("table"), py::arg("evidence"),
      "The probability the table (file text) gives each evidence tuple; "
      "quotelink.Error for a malformed table.");
}

}  // namespace

void bind_model(py::module_& m) {
  bind_finder(m);
  bind_calibration(m);
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
      "Trains (name, features, lengths, labels, threshold, bits) "
      "classifiers (packed; labels one byte each; bits 0: `bits`); returns "
      "the model file's bytes.");

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
