#!/usr/bin/env bash
# Run the whole test suite on a fresh Debian machine: venv, pinned packages, Chromium for browser tests.
# Usage: bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements-dev.txt
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# scans: Tesseract with its Vietnamese model reads them; the scan generator draws notices in Liberation Serif 2
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
[ -n "$(find /usr/share/tesseract-ocr -name vie.traineddata 2>/dev/null | head -1)" ] || missing+=(tesseract-ocr-vie)
# a second OCR engine for development (benchmarks/ocr_second_engine.py: Tesseract's script model "Vietnamese");
# without it that benchmark says so and measures nothing, and nothing else needs it
[ -n "$(find /usr/share/tesseract-ocr -name Vietnamese.traineddata 2>/dev/null | head -1)" ] || missing+=(tesseract-ocr-script-viet)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} with apt-get for the browser, PDF and scan tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!!! ${missing[*]} missing and not root: browser/PDF/scan tests will be SKIPPED."
    echo "!!! Install them with: sudo apt-get install -y ${missing[*]}"
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  fi
fi
exec .venv/bin/python -m pytest "$@"
