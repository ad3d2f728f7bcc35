#include "quotelink/stream.h"

#include <algorithm>
#include <exception>
#include <new>
#include <utility>

#include "cancellation.h"
#include "quotelink/json.h"

namespace quotelink {

namespace {

// Far beyond any machine's cores or a useful window; larger values are typos
// (e.g. a negative number converted to unsigned) and would exhaust memory.
constexpr unsigned kMaxThreads = 1024;
constexpr std::size_t kMaxInFlight = std::size_t{1} << 20;

StreamResult run_one(const Extractor& extractor, StreamOutput output,
                     const LinkOptions& link, StreamItem& item) {
  StreamResult result;
  result.id = item.id;
  try {
    result.document = extractor.extract(item.text, std::move(item.id));
    if (output == StreamOutput::link_keys) {
      result.keys = stream_keys(result.document, link);
    } else if (output != StreamOutput::document) {
      result.serialized = output == StreamOutput::jsonl
                              ? to_jsonl(result.document, result.id)
                              : to_csv(result.document, result.id);
      result.document = Document();  // only the text is wanted
    }
  } catch (const error& e) {
    result.ok = false;
    result.error_message = e.what();
    result.error_offset = e.byte_offset();
  } catch (const std::bad_alloc&) {
    result.ok = false;
    result.error_message = "out of memory while extracting this text";
  } catch (const std::exception& e) {
    result.ok = false;
    result.error_message = e.what();
  } catch (...) {
    result.ok = false;
    result.error_message = "unknown failure while extracting this text";
  }
  // The text is no longer needed; free it before the result waits its turn.
  std::string().swap(item.text);
  return result;
}

}  // namespace

Stream::Stream(const Extractor& extractor, StreamOptions options)
    : extractor_(extractor), output_(options.output), link_(options.link) {
  if (options.threads > kMaxThreads)
    throw error("stream: threads must be at most " +
                std::to_string(kMaxThreads) + ", got " +
                std::to_string(options.threads));
  if (options.max_in_flight > kMaxInFlight)
    throw error("stream: max_in_flight must be at most " +
                std::to_string(kMaxInFlight) + ", got " +
                std::to_string(options.max_in_flight));
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::size_t window = options.max_in_flight;
  if (window == 0) window = std::size_t{4} * threads;
  slots_.resize(window);
  workers_.reserve(threads);
  try {
    for (unsigned t = 0; t < threads; ++t)
      workers_.emplace_back([this] { work(); });
  } catch (...) {
    // Thread creation failed part-way: stop the ones that started.
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    throw error("stream: cannot start " + std::to_string(threads) +
                " worker threads");
  }
}

Stream::~Stream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    tasks_.clear();
  }
  // A long text being extracted stops at its next window (cancellation.h).
  cancel_ = true;
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void Stream::submit(std::string id, std::string text) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (submitted_ - taken_ >= slots_.size())
      throw error("stream: " + std::to_string(slots_.size()) +
                  " items already in flight; take a result with next() "
                  "before submitting more");
    tasks_.push_back(
        Task{submitted_++, StreamItem{std::move(id), std::move(text)}});
  }
  work_ready_.notify_one();
}

bool Stream::full() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return submitted_ - taken_ >= slots_.size();
}

std::size_t Stream::in_flight() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return submitted_ - taken_;
}

bool Stream::wait(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return result_ready_.wait_for(lock, timeout, [this] {
    return taken_ == submitted_ || slots_[taken_ % slots_.size()].has_value();
  });
}

std::optional<StreamResult> Stream::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (taken_ == submitted_) return std::nullopt;
  std::optional<StreamResult>& slot = slots_[taken_ % slots_.size()];
  result_ready_.wait(lock, [&slot] { return slot.has_value(); });
  std::optional<StreamResult> result = std::move(slot);
  slot.reset();
  ++taken_;
  return result;
}

void Stream::work() {
  detail::CancellationScope scope(cancel_);
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (stopping_) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    StreamResult result = run_one(extractor_, output_, link_, task.item);
    bool oldest;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slots_[task.sequence % slots_.size()] = std::move(result);
      oldest = task.sequence == taken_;
    }
    // Only the oldest item can unblock next(); later ones wait their turn.
    if (oldest) result_ready_.notify_all();
  }
}

std::size_t extract_stream(
    const Extractor& extractor,
    const std::function<std::optional<StreamItem>()>& source,
    const std::function<void(StreamResult&&)>& sink, StreamOptions options) {
  Stream stream(extractor, options);
  std::size_t count = 0;
  bool more = true;
  while (more || stream.in_flight() > 0) {
    while (more && !stream.full()) {
      std::optional<StreamItem> item = source();
      if (!item) {
        more = false;
        break;
      }
      stream.submit(std::move(item->id), std::move(item->text));
    }
    if (std::optional<StreamResult> result = stream.next()) {
      sink(std::move(*result));
      ++count;
    }
  }
  return count;
}

}  // namespace quotelink
