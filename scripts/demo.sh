#!/usr/bin/env bash
# Sets everything up, then prints the quotations of the example articles with
# their speakers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/quotelink extract --format table examples/articles/
