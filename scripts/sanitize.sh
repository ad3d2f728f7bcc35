#!/usr/bin/env bash
# The sanitizer suite: the whole GoogleTest suite (and the fuzz seed replay)
# under AddressSanitizer + UndefinedBehaviorSanitizer, then concurrent
# extraction on one shared Extractor under ThreadSanitizer. Each sanitizer has
# its own build directory (ASan+UBSan: build/fuzz, Clang, shared with
# scripts/fuzz.sh; TSan: build/tsan); any report fails the run.
#
#   scripts/sanitize.sh          # both
#   scripts/sanitize.sh asan     # or: tsan
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
jobs=2  # the build machines are small and shared
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

# Runs the GoogleTest binary $1 in $jobs shards at once (one process per
# shard, not one per test: sanitizer start-up is paid $jobs times, not 400);
# prints each shard's summary and any failing shard's log.
run_in_shards() {
  local binary=$1 status=0 i
  local pids=()
  for ((i = 0; i < jobs; i++)); do
    GTEST_TOTAL_SHARDS=$jobs GTEST_SHARD_INDEX=$i "$binary" --gtest_brief=1 \
      >"$binary.shard$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then
      tail -n 1 "$binary.shard$i.log"
    else
      status=1
      echo "sanitize: shard $i of $binary failed:"
      cat "$binary.shard$i.log"
    fi
  done
  return "$status"
}

if [ "$which" = all ] || [ "$which" = asan ]; then
  # Clang, with libFuzzer's coverage instrumentation as well: scripts/fuzz.sh
  # then runs its targets from this same build.
  echo "== sanitize: ASan+UBSan build of the test suite and the fuzz targets (build/fuzz)"
  QUOTELINK_FUZZ_TESTS=ON bash scripts/fuzz.sh --build-only
  run_in_shards build/fuzz/tests/cpp/quotelink_tests
  # The fuzz seed replay; the CMake consumer projects build unsanitized copies.
  ctest --test-dir build/fuzz --output-on-failure -j "$jobs" -R '^fuzz_'
fi

if [ "$which" = all ] || [ "$which" = tsan ]; then
  echo "== sanitize: ThreadSanitizer, many threads on one Extractor and the label table (build/tsan)"
  cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
    -DQUOTELINK_BUILD_TESTS=ON -DQUOTELINK_INSTALL=OFF >/dev/null
  cmake --build build/tsan -j "$jobs" --target quotelink_concurrency_tests
  build/tsan/tests/cpp/quotelink_concurrency_tests --gtest_filter='Concurrency.*:*ExtractMany*:Stream.*:SieveLabel.*'
fi
