#!/usr/bin/env bash
# Set up a virtual environment with the pinned packages and build the site from source_texts/.
# Usage: bash scripts/build.sh [extra arguments for `python -m build_tools build`]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements.txt
.venv/bin/python -m build_tools build "$@"
echo
echo "The site is in $(pwd)/site/"
echo "Open it:   .venv/bin/python -m build_tools serve   then visit http://127.0.0.1:8000/"
echo "Offline:   .venv/bin/python -m build_tools offline --out archive   then double-click archive/index.html"
