#!/usr/bin/env bash
# Repairs a linux wheel of quotelink into a manylinux wheel that needs nothing
# from the system but glibc and the C++ runtime: auditwheel copies in the ICU
# libraries that _core links, with ICU's 31 MB libicudata replaced by one that
# holds only the data items of cmake/icu_data_items.txt (about 1.4 MB).
# Used by scripts/build_wheels.sh and by cibuildwheel on Linux.
# Usage: scripts/repair_wheel.sh WHEEL DEST_DIR   (auditwheel and patchelf on PATH)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 WHEEL DEST_DIR" >&2; exit 2; }
wheel=$(realpath "$1")
mkdir -p "$2"
dest=$(realpath "$2")
cd "$(dirname "$0")/.."
source scripts/icu_data/lib.sh

data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT
icu_data_library "$PWD/cmake/icu_data_items.txt" "$data_dir"
# auditwheel takes each library from where the dynamic linker would: the
# trimmed libicudata first.
LD_LIBRARY_PATH="$data_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  auditwheel repair --wheel-dir "$dest" "$wheel"
