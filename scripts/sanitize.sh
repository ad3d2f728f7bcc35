#!/usr/bin/env bash
# The sanitizer suite: the whole GoogleTest suite (and the fuzz seed replay)
# under AddressSanitizer + UndefinedBehaviorSanitizer, then concurrent
# extraction on one shared Extractor under ThreadSanitizer. Each sanitizer has
# its own build directory (build/asan, build/tsan); any report fails the run.
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

if [ "$which" = all ] || [ "$which" = asan ]; then
  echo "== sanitize: ASan+UBSan build of the test suite (build/asan)"
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQUOTELINK_SANITIZE=ON -DQUOTELINK_BUILD_TESTS=ON -DQUOTELINK_INSTALL=OFF >/dev/null
  cmake --build build/asan -j "$jobs"
  # The CMake consumer projects build unsanitized copies; ctest covers them.
  ctest --test-dir build/asan --output-on-failure -j "$jobs" -E '^cmake_'
fi

if [ "$which" = all ] || [ "$which" = tsan ]; then
  echo "== sanitize: ThreadSanitizer, many threads on one Extractor (build/tsan)"
  cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
    -DQUOTELINK_BUILD_TESTS=ON -DQUOTELINK_INSTALL=OFF >/dev/null
  cmake --build build/tsan -j "$jobs" --target quotelink_tests
  build/tsan/tests/cpp/quotelink_tests --gtest_filter='Concurrency.*:*ExtractMany*:Stream.*'
fi
