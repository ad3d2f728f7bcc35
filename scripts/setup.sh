#!/usr/bin/env bash
# Installs everything quotelink needs on a fresh Debian machine: the system
# libraries (ICU, GoogleTest) and ccache when missing, then a virtual environment in
# .venv with the package and its test dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libicu-dev icu-devtools libgtest-dev pkg-config ccache)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "scikit-build-core>=0.11" "pybind11>=2.12" "cmake>=3.20" ninja
.venv/bin/python -m pip install -q --no-build-isolation ".[test]"
echo "setup: quotelink $(.venv/bin/quotelink --version | cut -d' ' -f2) installed in .venv"
