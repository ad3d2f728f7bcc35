#include "cancellation.h"

namespace quotelink::detail {

namespace {
thread_local const std::atomic<bool>* current_flag = nullptr;
}  // namespace

CancellationScope::CancellationScope(const std::atomic<bool>& flag)
    : previous_(current_flag) {
  current_flag = &flag;
}

CancellationScope::~CancellationScope() { current_flag = previous_; }

void throw_if_cancelled() {
  if (current_flag != nullptr && current_flag->load(std::memory_order_relaxed))
    throw cancelled();
}

}  // namespace quotelink::detail
