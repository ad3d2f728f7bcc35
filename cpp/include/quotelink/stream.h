// Streaming extraction: a pool of worker threads that extracts an unbounded
// sequence of texts in bounded memory and hands results back in input order.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "quotelink/corpus.h"
#include "quotelink/document.h"
#include "quotelink/error.h"
#include "quotelink/extractor.h"

namespace quotelink {

/// One text to extract: the caller's identifier and the UTF-8 text.
struct StreamItem {
  std::string id;
  std::string text;
};

/// What the workers hand back for each text.
enum class StreamOutput {
  document,  ///< the Document
  jsonl,     ///< its records as JSON Lines (to_jsonl), the Document dropped
  csv,       ///< its records as CSV rows (to_csv), the Document dropped
  /// the Document and its stream_keys() (corpus.h), so that a LinkStream on
  /// the caller's thread only folds keys in: the keys are made on the workers
  link_keys,
};

/// The outcome of one submitted text: its Document, or why it failed.
struct StreamResult {
  std::string id;                          ///< the id given to submit()
  Document document;                       ///< the extraction result when ok
  std::string serialized;                  ///< jsonl or csv output when ok
  DocumentKeys keys;                       ///< with StreamOutput::link_keys
  bool ok = true;                          ///< false when extraction failed
  std::string error_message;               ///< the failure's message when !ok
  std::size_t error_offset = error::npos;  ///< byte offset of the failure
};

/// Sizes of a Stream's worker pool and of its window of items in flight.
struct StreamOptions {
  /// Worker threads; 0 means one per hardware thread.
  unsigned threads = 0;
  /// Items submitted but not yet taken back with next(); 0 means 4 per thread.
  /// Memory is bounded by this many texts and their results.
  std::size_t max_in_flight = 0;
  /// What results carry; serialising on the workers keeps it off the caller.
  StreamOutput output = StreamOutput::document;
  /// The options of the keys StreamOutput::link_keys makes (those of the
  /// LinkStream they are for).
  LinkOptions link;
};

/// A pool of worker threads sharing one const Extractor. One caller thread
/// submits items and takes results back, in submission order, with next().
/// At most max_in_flight items are held at once, so memory does not grow with
/// the length of the input. A failing text becomes a result with ok == false;
/// no exception crosses threads. The extractor must outlive the stream.
class Stream {
 public:
  /// Starts the worker threads; throws quotelink::error on a bad option.
  explicit Stream(const Extractor& extractor, StreamOptions options = {});
  /// Stops the workers; results not yet taken are discarded.
  ~Stream();
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  /// Queues a text for extraction. Throws quotelink::error when full(): the
  /// caller must take a result with next() first (waiting here would deadlock
  /// the single caller thread).
  void submit(std::string id, std::string text);
  /// True when submit() would exceed max_in_flight.
  bool full() const;
  /// Items submitted and not yet taken back with next().
  std::size_t in_flight() const;
  /// Waits up to `timeout` for the oldest item to finish; true when next()
  /// will not block (also when nothing is in flight).
  bool wait(std::chrono::milliseconds timeout) const;
  /// The oldest item's result, waiting for it if needed; nullopt when nothing
  /// is in flight.
  std::optional<StreamResult> next();

  /// The number of worker threads.
  unsigned threads() const noexcept {
    return static_cast<unsigned>(workers_.size());
  }
  /// The largest number of items held at once.
  std::size_t max_in_flight() const noexcept { return slots_.size(); }
  /// What results carry (StreamOptions::output).
  StreamOutput output() const noexcept { return output_; }

 private:
  struct Task {
    std::size_t sequence;
    StreamItem item;
  };

  void work();

  const Extractor& extractor_;
  StreamOutput output_;
  LinkOptions link_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;            // a task was queued, or stop
  mutable std::condition_variable result_ready_;  // the oldest item finished
  std::deque<Task> tasks_;
  // Results by sequence number modulo max_in_flight; a slot is reused only
  // after next() has emptied it, so at most max_in_flight are ever held.
  std::vector<std::optional<StreamResult>> slots_;
  std::size_t submitted_ = 0;  // sequence number of the next submit()
  std::size_t taken_ = 0;      // sequence number of the next next()
  bool stopping_ = false;
  // Set by the destructor: extractions in progress stop at their next window.
  std::atomic<bool> cancel_{false};
  std::vector<std::thread> workers_;
};

/// Extracts every item `source` yields (until it returns nullopt) on a Stream
/// and calls `sink` with each result in input order, on the calling thread.
/// Returns the number of items processed.
std::size_t extract_stream(
    const Extractor& extractor,
    const std::function<std::optional<StreamItem>()>& source,
    const std::function<void(StreamResult&&)>& sink,
    StreamOptions options = {});

}  // namespace quotelink
