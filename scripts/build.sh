#!/usr/bin/env bash
# Set up a virtual environment with the pinned packages and build the site from source_texts/.
# Usage: bash scripts/build.sh [extra arguments for `python -m build_tools build`]
# The build's last line says where the site is and how to open it (a web server, or `offline`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements.txt
exec .venv/bin/python -m build_tools build "$@"
