#!/usr/bin/env bash
# Sets everything up, then runs every test: the C++ suite and CMake consumer
# projects (ctest), the Python suite and the notebooks (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
jobs=$(nproc 2>/dev/null || echo 2)

echo "== C++: configure, build, ctest"
cmake -S . -B build/cmake -G Ninja -DCMAKE_BUILD_TYPE=Release -DQUOTELINK_BUILD_TESTS=ON
cmake --build build/cmake -j "$jobs"
ctest --test-dir build/cmake --output-on-failure -j "$jobs"

echo "== Python: pytest (API, CLI, notebooks)"
python -m pytest
