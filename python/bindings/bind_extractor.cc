// Config and Extractor. Text is copied out of Python objects before the GIL
// is released, so extraction runs in parallel with other Python threads.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "quotelink/extractor.h"

namespace py = pybind11;

namespace quotelink::python {

void bind_extractor(py::module_& m) {
  py::class_<Config>(m, "Config", "Options and lexicon extensions.")
      .def(py::init<>())
      .def_readwrite("replace_invalid_utf8", &Config::replace_invalid_utf8)
      .def_readwrite("indirect", &Config::indirect)
      .def_readwrite("extra_cue_verbs", &Config::extra_cue_verbs)
      .def_readwrite("extra_titles", &Config::extra_titles)
      .def_readwrite("speaker_aliases", &Config::speaker_aliases);

  py::class_<Extractor>(m, "Extractor", "A reusable, thread-safe extractor.")
      .def(py::init<>())
      .def(py::init<Config>(), py::arg("config"))
      .def(
          "extract",
          [](const Extractor& self, py::bytes text, std::string id) {
            std::string data = text;  // copied while holding the GIL
            py::gil_scoped_release release;
            return self.extract(data, std::move(id));
          },
          py::arg("text"), py::arg("id") = "",
          "Extracts from UTF-8 bytes; raises quotelink.Error on bad input.")
      .def(
          "extract_many",
          [](const Extractor& self, std::vector<std::string> texts,
             unsigned threads) {
            py::gil_scoped_release release;
            return self.extract_many(texts, threads);
          },
          py::arg("texts"), py::arg("threads") = 0,
          "Extracts from many UTF-8 byte strings on `threads` threads.");
}

}  // namespace quotelink::python
