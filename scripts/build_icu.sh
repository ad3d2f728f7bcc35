#!/usr/bin/env bash
# Builds ICU 72.1 (the version of Debian 12, whose data list
# cmake/icu_data_items.txt was made from) from its release tarball into
# PREFIX, with the data as a package file (PREFIX/share/icu/72.1/icudt72l.dat)
# for scripts/repair_wheel.sh to trim. cibuildwheel runs it on Linux in the
# manylinux_2_28 image, whose own ICU (60) is older and ships no data
# package. UNTESTED here: this machine cannot download the tarball.
# Usage: scripts/build_icu.sh PREFIX
set -euo pipefail
prefix=${1:?usage: $0 PREFIX}
version=72_1
sha256=a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
curl -fsSL -o icu.tgz "https://github.com/unicode-org/icu/releases/download/release-${version/_/-}/icu4c-${version}-src.tgz"
echo "$sha256  icu.tgz" | sha256sum -c -
tar -xzf icu.tgz
cd icu/source
./runConfigureICU Linux --prefix="$prefix" --with-data-packaging=archive \
  --disable-tests --disable-samples --disable-extras
make -j "$(nproc)"
make install
ls "$prefix/share/icu/72.1/icudt72l.dat"
