// Config and Extractor. Text is copied out of Python objects before the GIL
// is released, so extraction runs in parallel with other Python threads.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bindings.h"
#include "cancellation.h"
#include "quotelink/error.h"
#include "quotelink/extractor.h"
#include "rules.h"

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

// Texts up to this size are extracted in one window (pipeline.h), so no
// cancellation check could stop them early: they run on the calling thread.
constexpr std::size_t kCancellableBytes = std::size_t{64} << 10;
// How long the calling thread waits, GIL released, between signal checks.
constexpr std::chrono::milliseconds kSignalCheckInterval{100};

// Extracts `data` on a worker thread while the calling thread, GIL
// released, checks for signals every kSignalCheckInterval; a signal whose
// handler raises (Ctrl-C: KeyboardInterrupt) cancels the extraction, which
// stops at its next window, and the exception propagates. Call with the GIL.
Document extract_interruptibly(const Extractor& self, std::string_view data,
                               std::string id) {
  std::atomic<bool> cancel{false};
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::optional<Document> result;
  std::exception_ptr failure;
  bool interrupted = false;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      detail::CancellationScope scope(cancel);
      try {
        result = self.extract(data, std::move(id));
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mutex);
      finished = true;
      finished_cv.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished_cv.wait_for(lock, kSignalCheckInterval,
                                 [&] { return finished; })) {
      if (interrupted) continue;
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        interrupted = PyErr_CheckSignals() != 0;  // the error stays set
      }
      if (interrupted) cancel = true;
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (interrupted) throw py::error_already_set();
  if (failure) std::rethrow_exception(failure);
  return std::move(*result);
}

}  // namespace

void bind_extractor(py::module_& m) {
  m.def(
      "_rule_names",
      [] {
        std::vector<std::string> names;
        for (const detail::RuleTableView& table : detail::all_rule_tables())
          for (const detail::RuleRow& row : table.rows)
            names.emplace_back(row.name);
        return names;
      },
      "The names Config.disabled_rules accepts: every stage's rules, in "
      "pipeline order (docs/design.md).");
  py::class_<Config>(m, "Config", "Options and lexicon extensions.")
      .def(py::init<>())
      .def_readwrite("replace_invalid_utf8", &Config::replace_invalid_utf8)
      .def_readwrite("indirect", &Config::indirect)
      .def_readwrite("model", &Config::model)
      .def_readwrite("calibration", &Config::calibration)
      .def_readwrite("extra_cue_verbs", &Config::extra_cue_verbs)
      .def_readwrite("extra_titles", &Config::extra_titles)
      .def_readwrite("speaker_aliases", &Config::speaker_aliases)
      .def_readwrite("min_confidence", &Config::min_confidence)
      .def_readwrite("language", &Config::language)
      .def_readwrite("disabled_rules", &Config::disabled_rules)
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
            std::string_view data(
                PyBytes_AS_STRING(text.ptr()),
                static_cast<std::size_t>(PyBytes_GET_SIZE(text.ptr())));
            if (data.size() > kCancellableBytes)
              return extract_interruptibly(self, data, std::move(id));
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
