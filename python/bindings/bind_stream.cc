// Stream: the C++ worker pool behind quotelink.stream(). Texts are copied out
// of Python objects before the GIL is released; waiting for a result releases
// the GIL in short slices so that Ctrl-C still interrupts a long wait.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "bindings.h"
#include "quotelink/error.h"
#include "quotelink/stream.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

// How long one wait holds the GIL released before checking for signals.
constexpr std::chrono::milliseconds kSignalCheckInterval{100};

StreamOutput output_kind(const std::string& name) {
  if (name == "document") return StreamOutput::document;
  if (name == "jsonl") return StreamOutput::jsonl;
  if (name == "csv") return StreamOutput::csv;
  if (name == "link_keys") return StreamOutput::link_keys;
  throw error("stream output must be document, jsonl, csv or link_keys, not '" +
              name + "'");
}

// (id, Document or serialised str, None, None) or (id, None, message, byte
// offset or None).
py::tuple result_tuple(StreamResult&& result, StreamOutput output) {
  if (result.ok && output == StreamOutput::link_keys)
    return py::make_tuple(
        std::move(result.id),
        LinkItem{std::move(result.document), std::move(result.keys)},
        py::none(), py::none());
  if (result.ok && output != StreamOutput::document)
    return py::make_tuple(std::move(result.id), py::str(result.serialized),
                          py::none(), py::none());
  if (result.ok)
    return py::make_tuple(std::move(result.id), std::move(result.document),
                          py::none(), py::none());
  py::object offset = result.error_offset == error::npos
                          ? py::none()
                          : py::cast(result.error_offset);
  return py::make_tuple(std::move(result.id), py::none(),
                        std::move(result.error_message), offset);
}

}  // namespace

void bind_stream(py::module_& m) {
  py::class_<Stream>(m, "Stream",
                     "Worker pool; quotelink.stream() is the Python API.")
      .def(py::init([](const Extractor& extractor, unsigned threads,
                       std::size_t max_in_flight, const std::string& output,
                       int shingle_words, int min_contained_words) {
             StreamOptions options{threads, max_in_flight, output_kind(output)};
             options.link = LinkOptions{shingle_words, min_contained_words};
             return new Stream(extractor, options);
           }),
           py::arg("extractor"), py::arg("threads") = 0,
           py::arg("max_in_flight") = 0, py::arg("output") = "document",
           py::arg("shingle_words") = 3, py::arg("min_contained_words") = 5,
           // The workers use the extractor until the stream is destroyed.
           py::keep_alive<1, 2>())
      .def(
          "submit",
          [](Stream& self, std::string id, py::bytes text) {
            std::string data = text;  // copied while holding the GIL
            self.submit(std::move(id), std::move(data));
          },
          py::arg("id"), py::arg("text"),
          "Queues UTF-8 bytes; raises quotelink.Error when full().")
      .def("full", &Stream::full, "True when submit() would exceed the window.")
      .def("in_flight", &Stream::in_flight,
           "Items submitted and not yet taken back.")
      .def(
          "ready",
          [](const Stream& self) {
            return self.in_flight() > 0 &&
                   self.wait(std::chrono::milliseconds{0});
          },
          "True when the oldest item has finished: next() will not wait.")
      .def(
          "wait",
          [](const Stream& self, double seconds) {
            const auto timeout = std::chrono::milliseconds{
                static_cast<long long>(std::max(0.0, seconds) * 1000)};
            py::gil_scoped_release release;
            return self.wait(timeout);
          },
          py::arg("seconds"),
          "Waits up to `seconds` (GIL released) for the oldest item; true "
          "when next() will not wait (also when nothing is in flight).")
      .def_property_readonly("threads", &Stream::threads)
      .def_property_readonly("max_in_flight", &Stream::max_in_flight)
      .def_property_readonly(
          "output",
          [](const Stream& self) -> const char* {
            switch (self.output()) {
              case StreamOutput::jsonl:
                return "jsonl";
              case StreamOutput::csv:
                return "csv";
              case StreamOutput::link_keys:
                return "link_keys";
              default:
                return "document";
            }
          },
          "What next() hands back: document, jsonl, csv or link_keys.")
      .def(
          "next",
          [](Stream& self) -> py::object {
            for (;;) {
              bool ready;
              {
                py::gil_scoped_release release;
                ready = self.wait(kSignalCheckInterval);
              }
              if (ready) break;
              if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            }
            std::optional<StreamResult> result = self.next();
            if (!result) return py::none();
            return result_tuple(std::move(*result), self.output());
          },
          "The oldest result as (id, Document or str (jsonl, csv) or None, "
          "error message or None, byte offset or None); None when nothing "
          "is in flight.");
}

}  // namespace quotelink::python
