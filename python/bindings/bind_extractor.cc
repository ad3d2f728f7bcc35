// Config and Extractor. Text is copied out of Python objects before the GIL
// is released, so extraction runs in parallel with other Python threads.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.h"
#include "quotelink/error.h"
#include "quotelink/extractor.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

// Negative counts would wrap to huge unsigned values in the core.
unsigned thread_count(int threads) {
  if (threads < 0)
    throw error("threads must be >= 0 (0: one per core), not " +
                std::to_string(threads));
  return static_cast<unsigned>(threads);
}

}  // namespace

void bind_extractor(py::module_& m) {
  py::class_<Config>(m, "Config", "Options and lexicon extensions.")
      .def(py::init<>())
      .def_readwrite("replace_invalid_utf8", &Config::replace_invalid_utf8)
      .def_readwrite("indirect", &Config::indirect)
      .def_readwrite("model", &Config::model)
      .def_readwrite("extra_cue_verbs", &Config::extra_cue_verbs)
      .def_readwrite("extra_titles", &Config::extra_titles)
      .def_readwrite("speaker_aliases", &Config::speaker_aliases)
      .def_readwrite("min_confidence", &Config::min_confidence)
      .def_property(
          "kinds",
          [](const Config& self) {
            std::vector<std::string> names;
            for (QuoteKind kind : self.kinds)
              names.emplace_back(to_string(kind));
            return names;
          },
          [](Config& self, const std::vector<std::string>& names) {
            std::vector<QuoteKind> kinds;
            for (const std::string& name : names)
              kinds.push_back(quote_kind(name));
            self.kinds = std::move(kinds);
          },
          "The quotation kinds kept, by name (\"direct\", \"partial\", "
          "\"indirect\").");

  py::class_<Extractor>(m, "Extractor", "A reusable, thread-safe extractor.")
      .def(py::init<>())
      .def(py::init<Config>(), py::arg("config"))
      .def_property_readonly(
          "config", [](const Extractor& self) { return self.config(); },
          "A copy of the configuration.")
      .def(
          "extract",
          [](const Extractor& self, const py::bytes& text, std::string id) {
            // bytes are immutable and `text` keeps them alive for the call,
            // so a view is safe without the GIL and saves a copy of the input.
            std::string_view data(PyBytes_AS_STRING(text.ptr()),
                                  static_cast<std::size_t>(
                                      PyBytes_GET_SIZE(text.ptr())));
            py::gil_scoped_release release;
            return self.extract(data, std::move(id));
          },
          py::arg("text"), py::arg("id") = "",
          "Extracts from UTF-8 bytes; raises quotelink.Error on bad input.")
      .def(
          "extract_many",
          // The list is converted (copied) before the call, with the GIL held.
          [](const Extractor& self, const std::vector<std::string>& texts,
             int threads) {
            unsigned count = thread_count(threads);
            py::gil_scoped_release release;
            return self.extract_many(texts, count);
          },
          py::arg("texts"), py::arg("threads") = 0,
          "Extracts from many UTF-8 byte strings on `threads` threads "
          "(0: one per core), in input order.");
}

}  // namespace quotelink::python
