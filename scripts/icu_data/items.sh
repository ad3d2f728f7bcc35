#!/usr/bin/env bash
# Finds the ICU data items quotelink uses and checks cmake/icu_data_items.txt
# lists them all. ICU gets a data library with no items and the full data as
# loose files (ICU_DATA), so every item it reads is a file open that strace
# sees. Traced: the probe (every ICU service quotelink calls, on every code
# point and on the texts of tests/fixtures/scripts), the quotelink command on
# the examples and those texts (needs the .venv of scripts/setup.sh), and the
# C++ tests when build/cmake has them, each under several locales, since ICU
# looks for locale-specific bundles. Prints the items found and how they
# compare with the list; exits 1 when the list lacks one. Not part of CI (it
# needs strace): run it after changing how quotelink calls ICU.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/icu_data/lib.sh
command -v strace >/dev/null || { echo "items.sh needs strace (apt-get install strace)" >&2; exit 2; }

work=build/icu_data_items
rm -rf "$work"
mkdir -p "$work"
empty_list="$work/empty.txt"
: >"$empty_list"
icu_data_library "$empty_list" "$work/stub" >/dev/null
icu_data_cmake "$work/loose-work" -DLOOSE_DIR="$PWD/$work/loose" >/dev/null
${CXX:-c++} -O2 -std=c++17 scripts/icu_data/probe.cc -o "$work/probe" \
  $(pkg-config --cflags --libs icu-i18n icu-uc)

texts=(tests/fixtures/scripts/*.txt)
commands=("$work/probe cpp/data/en/boilerplate.txt ${texts[*]}")
[ ! -x .venv/bin/quotelink ] ||
  commands+=(".venv/bin/quotelink extract --link --format jsonl examples/articles ${texts[*]}")
[ ! -x build/cmake/tests/cpp/quotelink_tests ] ||
  commands+=("build/cmake/tests/cpp/quotelink_tests --gtest_brief=1")

for locale in C.UTF-8 en_US.UTF-8 el_GR.UTF-8 de_DE.UTF-8 fi_FI.UTF-8 ja_JP.UTF-8 ar_EG.UTF-8; do
  for command in "${commands[@]}"; do
    echo "items.sh: LANG=$locale $command" >&2
    env -u LC_ALL -u LC_MESSAGES LANG=$locale LD_LIBRARY_PATH="$PWD/$work/stub" ICU_DATA="$PWD/$work/loose" \
      strace -f -qq -e trace=openat -o "$work/trace" $command >/dev/null
    grep -v ENOENT "$work/trace" | grep -o "$PWD/$work/loose/$icu_package/[^\"]*" |
      sed "s|.*/$icu_package/||" >>"$work/opened" || true
  done
done

sort -u "$work/opened" >"$work/found.txt"
sed 's/#.*//; s/[[:space:]]*$//; /^$/d' cmake/icu_data_items.txt | sort -u >"$work/listed.txt"
echo "ICU $icu_version data items opened:"
sed 's/^/  /' "$work/found.txt"
missing=$(comm -23 "$work/found.txt" "$work/listed.txt")
unused=$(comm -13 "$work/found.txt" "$work/listed.txt")
[ -z "$unused" ] || echo "listed in cmake/icu_data_items.txt but not opened here: $unused"
if [ -n "$missing" ]; then
  echo "MISSING from cmake/icu_data_items.txt: $missing" >&2
  exit 1
fi
echo "cmake/icu_data_items.txt lists them all"
