// Cancellation of a long extraction from another thread (Ctrl-C in Python).
//
// Contract: a caller that may need to stop an extraction runs it on a thread
// holding a CancellationScope over an atomic flag it owns; the pipeline calls
// throw_if_cancelled() between windows (pipeline.h), which throws `cancelled`
// once the flag is set. So a 100 MB text stops within one window (32 KB) of
// work. Threads without a scope are never cancelled, and the check costs one
// thread-local load.
#pragma once

#include <atomic>

#include "quotelink/error.h"

namespace quotelink::detail {

/// Thrown by throw_if_cancelled() when the calling thread's flag is set.
class cancelled : public error {
 public:
  cancelled() : error("extraction cancelled") {}
};

/// Makes `flag` the calling thread's cancellation flag for its lifetime
/// (scopes nest: the previous flag is restored). `flag` must outlive it.
class CancellationScope {
 public:
  explicit CancellationScope(const std::atomic<bool>& flag);
  ~CancellationScope();
  CancellationScope(const CancellationScope&) = delete;
  CancellationScope& operator=(const CancellationScope&) = delete;

 private:
  const std::atomic<bool>* previous_;
};

/// Throws `cancelled` when the calling thread's flag is set.
void throw_if_cancelled();

}  // namespace quotelink::detail
