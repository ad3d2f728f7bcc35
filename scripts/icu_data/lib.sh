# Sourced by scripts/repair_wheel.sh and scripts/icu_data/items.sh: where the
# ICU that quotelink links lives, and how to build a libicudata from a list of
# data items. The ICU is the one pkg-config names (PKG_CONFIG_PATH to choose
# another); its full data package is QUOTELINK_ICU_DATA_FILE when set, else
# taken out of its static libicudata.a (Debian's libicu-dev ships both).

icu_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
icu_version=$(pkg-config --modversion icu-uc)
icu_major=${icu_version%%.*}
icu_libdir=$(pkg-config --variable=libdir icu-uc)
# The two bytes 01 00 read as one 16-bit number are 1 on a little-endian machine.
if [ "$(printf '\001\000' | od -An -tu2 | tr -d ' ')" != 1 ]; then
  icu_package=icudt${icu_major}b
else
  icu_package=icudt${icu_major}l
fi
# The name libicuuc asks the dynamic linker for: the trimmed library takes it.
icu_data_soname=$(objdump -p "$icu_libdir/libicuuc.so" | awk '$1 == "NEEDED" && $2 ~ /^libicudata/ {print $2}')
icu_tool() {
  command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } ||
    { echo "ICU's $1 is missing (Debian: apt-get install icu-devtools)" >&2; return 1; }
}

# icu_data_cmake WORK_DIR -D... : runs cmake/trim_icu_data.cmake on this ICU.
icu_data_cmake() {
  local work=$1
  shift
  local source=(-DDATA_ARCHIVE="$icu_libdir/libicudata.a" -DAR="${AR:-ar}" -DOBJCOPY="${OBJCOPY:-objcopy}")
  [ -z "${QUOTELINK_ICU_DATA_FILE:-}" ] || source=(-DDATA_FILE="$QUOTELINK_ICU_DATA_FILE")
  cmake "${source[@]}" -DPACKAGE="$icu_package" -DENTRY="icudt$icu_major" \
    -DICUPKG="$(icu_tool icupkg)" -DGENCCODE="$(icu_tool genccode)" \
    -DWORK_DIR="$work" "$@" -P "$icu_root/cmake/trim_icu_data.cmake"
}

# icu_data_library ITEMS OUT_DIR: builds OUT_DIR/$icu_data_soname holding the
# data items listed in ITEMS (an empty list gives a library with no data).
icu_data_library() {
  local items=$1 out=$2
  mkdir -p "$out"
  icu_data_cmake "$out/work" -DITEMS="$items" -DOUTPUT="$out/$icu_package.S"
  ${CC:-cc} -shared -Wl,-soname,"$icu_data_soname" -Wl,-z,noexecstack \
    -o "$out/$icu_data_soname" "$out/$icu_package.S"
}
