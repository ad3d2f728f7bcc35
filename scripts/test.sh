#!/usr/bin/env bash
# Sets everything up, then runs every test: the C++ suite and CMake consumer
# projects (ctest), the Python suite and the notebooks (pytest), the release
# wheel's check (scripts/build_wheels.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# One compiler cache for every build of this run (setup.sh installs ccache):
# the library is compiled with the same flags by the pip install, the ctest
# build and two CMake consumer projects, which then hit the cache.
export CCACHE_DIR="$PWD/build/ccache" CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
jobs=$(nproc 2>/dev/null || echo 2)

echo "== C++: configure, build, ctest"
cmake -S . -B build/cmake -G Ninja -DCMAKE_BUILD_TYPE=Release -DQUOTELINK_BUILD_TESTS=ON
cmake --build build/cmake -j "$jobs"
ctest --test-dir build/cmake --output-on-failure -j "$jobs"

echo "== Python: pytest (API, CLI, notebooks)"
python -m pytest

echo "== Release: sdist and self-contained wheel, checked with the system's ICU hidden"
bash scripts/build_wheels.sh

echo "== Reliability: hostile input at full size (a 100 MB document, a 10 MB line)"
QUOTELINK_HOSTILE_FULL=1 build/cmake/tests/cpp/quotelink_tests --gtest_filter='Hostile.*' --gtest_brief=1

echo "== Reliability: sanitizers (ASan+UBSan test suite, TSan concurrency)"
bash scripts/sanitize.sh

echo "== Reliability: fuzz smoke (scripts/fuzz.sh for the long run), in the ASan build"
bash scripts/fuzz.sh --smoke
