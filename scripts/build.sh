#!/usr/bin/env bash
# Set up a virtual environment with the pinned packages and build the site from source_texts/.
# Usage: bash scripts/build.sh [extra arguments for `python -m build_tools build`]
# The build's last line says where the site is and how to open it (a web server, or `offline`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements.txt
# Scanned PDFs and page images in the source folder are read by Tesseract with its Vietnamese model.
if ! command -v tesseract >/dev/null || [ -z "$(find /usr/share/tesseract-ocr -name vie.traineddata 2>/dev/null | head -1)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing tesseract-ocr and tesseract-ocr-vie with apt-get to read scanned notices"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null
  else
    echo "note: tesseract-ocr and tesseract-ocr-vie are missing (not root): scanned notices will be reported, not read."
    echo "      Install them with: sudo apt-get install -y tesseract-ocr tesseract-ocr-vie"
  fi
fi
exec .venv/bin/python -m build_tools build "$@"
