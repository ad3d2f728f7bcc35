#!/usr/bin/env bash
# Runs COMMAND as on a machine without ICU: in a private mount namespace
# (unshare -m, as root), an empty file is bind-mounted over every ICU library
# the dynamic linker knows, so loading one fails ("file too short"). Nothing
# outside the namespace changes. Used by scripts/build_wheels.sh.
# Usage: scripts/without_system_icu.sh COMMAND [ARG...]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 2; }
if [ "${QUOTELINK_ICU_HIDDEN:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "$0: needs root (unshare -m, mount --bind)" >&2; exit 1; }
  QUOTELINK_ICU_HIDDEN=1 exec unshare --mount --propagation private bash "$0" "$@"
fi

libraries=$( {
  ldconfig -p | awk '$NF ~ /\/libicu[^\/]*\.so/ {print $NF}'
  find /lib /lib64 /usr/lib /usr/lib64 /usr/local/lib -name 'libicu*.so*' 2>/dev/null
} | xargs -r realpath -e 2>/dev/null | sort -u)
[ -n "$libraries" ] || { echo "$0: found no system ICU to hide" >&2; exit 1; }
empty=$(mktemp)
for library in $libraries; do
  mount --bind "$empty" "$library"
done
rm -f "$empty"  # the mounts keep it
echo "without_system_icu: hid $(echo "$libraries" | wc -l) ICU libraries" >&2
exec "$@"
