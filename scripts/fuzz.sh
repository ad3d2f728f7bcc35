#!/usr/bin/env bash
# Coverage-guided fuzzing of the C++ core with libFuzzer under ASan+UBSan.
#
#   scripts/fuzz.sh                 # every target for 10 minutes (the long run)
#   scripts/fuzz.sh --smoke         # every target for QUOTELINK_FUZZ_SMOKE_SECONDS (50)
#   scripts/fuzz.sh --seconds 3600 extract   # one target, one hour
#   scripts/fuzz.sh --build-only    # configure and build build/fuzz, nothing more
#
# build/fuzz is also scripts/sanitize.sh's ASan+UBSan build: it sets
# QUOTELINK_FUZZ_TESTS=ON so that the GoogleTest suite is built there too, and
# later runs here keep that setting (the library is compiled once for both).
#
# Targets are tests/fuzz/<name>_fuzzer.cc. Each run starts from the seed corpus
# (tests/fuzz/corpus/<name>) plus the inputs earlier runs kept in
# build/fuzz/work/<name>. A crash, hang (> 10 s per input), memory blow-up
# (> 2 GB) or broken invariant stops the run, leaves the input in
# build/fuzz/artifacts/<name>/ and makes this script fail: copy it to
# tests/fuzz/regressions/<name>/ and add a test to tests/cpp/hostile_test.cc.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
build_only=0
if [ "${1:-}" = "--build-only" ]; then
  build_only=1
  shift
elif [ "${1:-}" = "--smoke" ]; then
  seconds=${QUOTELINK_FUZZ_SMOKE_SECONDS:-50}
  shift
elif [ "${1:-}" = "--seconds" ]; then
  seconds=$2
  shift 2
fi

# libFuzzer ships with Debian's clang in libclang-rt-<version>-dev.
if ! command -v clang++ >/dev/null 2>&1 ||
   ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz: installing clang and libFuzzer"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang >/dev/null
  version=$(clang++ --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "libclang-rt-${version}-dev" >/dev/null
fi

build=build/fuzz
tests=${QUOTELINK_FUZZ_TESTS:-}
if [ -z "$tests" ] && [ -f "$build/CMakeCache.txt" ]; then
  tests=$(sed -n 's/^QUOTELINK_BUILD_TESTS:BOOL=//p' "$build/CMakeCache.txt")
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DQUOTELINK_BUILD_FUZZERS=ON -DQUOTELINK_BUILD_TESTS="${tests:-OFF}" -DQUOTELINK_INSTALL=OFF >/dev/null
cmake --build "$build" -j 2
((build_only)) && exit 0

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in tests/fuzz/*_fuzzer.cc; do
    name=$(basename "$source" _fuzzer.cc)
    targets+=("$name")
  done
fi

# The saved crash inputs and the seeds must pass before new fuzzing starts.
ctest --test-dir "$build" --output-on-failure -R '^fuzz_'

status=0
for name in "${targets[@]}"; do
  work="$build/work/$name"
  artifacts="$build/artifacts/$name"
  mkdir -p "$work" "$artifacts"
  dict=()
  dict_name=$name
  [ "$name" = windows ] && dict_name=extract  # the same text, in small windows
  [ -f "tests/fuzz/$dict_name.dict" ] && dict=("-dict=tests/fuzz/$dict_name.dict")
  log="$build/$name.log"
  echo "== fuzz $name for ${seconds}s (log: $log)"
  if "$build/tests/fuzz/fuzz_$name" "$work" "tests/fuzz/corpus/$name" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
    echo "fuzz $name: ok, ${runs:-?} executions in ${seconds}s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}"
  else
    status=1
    echo "fuzz $name: FAILED; last lines of $log:"
    tail -n 60 "$log"
    ls "$artifacts"
  fi
done
exit "$status"
