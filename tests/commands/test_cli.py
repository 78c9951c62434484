"""What ``--strict`` means, what the build says last, and what is reported instead of printed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from build_tools.commands.cli import main
from tests.conftest import copy_seeds
from tests.support.paths import seed


def build(source: Path, out: Path, *extra: str) -> int:
    return main(["build", "--source", str(source), "--out", str(out), "--no-cache", *extra])


def report_of(out: Path) -> dict:
    return json.loads((out / "data" / "build-report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("strict") / "source")


def test_unknown_fields_are_reported_and_strict_still_passes(seeds, tmp_path, capsys):
    """The seeds state no issue date and one signer has no name: facts about the notices, not failures."""
    assert build(seeds, tmp_path / "site", "--strict") == 0
    out = capsys.readouterr().out
    assert "issue date unknown" in out and "signer's name not in the text" in out
    assert any(p["message"] == "issue date unknown" for p in report_of(tmp_path / "site")["problems"])


def test_a_duplicate_is_reported_and_strict_still_passes(seeds, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(seeds, source)
    shutil.copy(seed("004"), source / "ban sao.txt")
    assert build(source, tmp_path / "site", "--strict") == 0
    assert "duplicate" in {p["severity"] for p in report_of(tmp_path / "site")["problems"]
                           if p["file"] == "ban sao.txt"}


def test_a_notice_that_cannot_be_published_fails_strict(seeds, tmp_path, capsys):
    source = tmp_path / "source"
    shutil.copytree(seeds, source)
    (source / "trong.txt").write_bytes(b"")
    assert build(source, tmp_path / "site") == 0
    assert build(source, tmp_path / "site", "--strict") == 1
    assert "strict: 1 problem(s)" in capsys.readouterr().err


def test_an_invalid_curator_file_fails_strict(seeds, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(seeds, source)
    (source / f"{seed('004').stem}.meta.yml").write_text("province: khong-co-tinh-nay\n", encoding="utf-8")
    assert build(source, tmp_path / "site", "--strict") == 1
    problems = report_of(tmp_path / "site")["problems"]
    assert any(p["severity"] == "error" and "province" in p["message"] for p in problems)


def test_a_broken_internal_link_is_reported_and_fails_strict(seeds, tmp_path, monkeypatch):
    from build_tools.publish import site

    docs = tmp_path / "docs"
    shutil.copytree(site.HAND_WRITTEN_DOCS, docs, ignore=shutil.ignore_patterns(*site.GENERATED))
    page = docs / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[mất](khong-co-trang-nay.md)\n", encoding="utf-8")
    monkeypatch.setattr(site, "HAND_WRITTEN_DOCS", docs)
    assert build(seeds, tmp_path / "site") == 0
    assert build(seeds, tmp_path / "site", "--strict") == 1
    site_problems = [p for p in report_of(tmp_path / "site")["problems"] if p["severity"] == "site"]
    assert any("khong-co-trang-nay.md" in p["message"] for p in site_problems)


def test_a_file_that_is_not_a_notice_is_skipped_not_counted(seeds, tmp_path, capsys):
    """A ``.bin`` is listed with a reason and a fix, but is not one of the "notices in"."""
    source = tmp_path / "source"
    shutil.copytree(seeds, source)
    (source / "du lieu.bin").write_bytes(bytes(range(256)))
    assert build(source, tmp_path / "site", "--strict") == 0
    out = capsys.readouterr().out
    assert "Notices in: 5" in out and "Not published: 0" in out
    assert "du lieu.bin" in out and "Other files (not notices, skipped): 1" in out
    report = report_of(tmp_path / "site")
    assert report["notices"] == 5 and report["inputs"] == 6


def test_the_last_line_says_how_to_open_the_site(seeds, tmp_path, capsys):
    """A double-click on the public build's index.html shows folder listings: the last line says so."""
    assert build(seeds, tmp_path / "site") == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "serve" in last and "double-click" in last and "offline" in last and "file://" in last

