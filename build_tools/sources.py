"""What a page, a citation and the dataset say about where a copy came from (issue 16).

``provenance_record`` and ``copies_record`` are the dataset's fields (JSON and CSV);
``page_sources`` feeds templates/notice_sources.html.j2; ``copy_downloads`` makes every other
copy's text reachable from the page that shows the most complete one; ``original_page`` serves
a saved web page's original HTML as text, so nothing in it can run.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from .model import Notice, Provenance


def provenance_record(provenance: Provenance | None) -> dict[str, Any] | None:
    if provenance is None:
        return None
    record = asdict(provenance)
    record["from_page"] = list(provenance.from_page)
    record["citation"] = provenance.citation_text()
    return record


def copies_record(notice: Notice) -> list[dict[str, Any]]:
    return [asdict(copy) for copy in notice.copies]


def page_sources(notice_id: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"id": notice_id, "provenance": record.get("provenance"), "copies": record.get("copies") or []}


def source_root(notice: Notice) -> Path:
    """The source folder: the notice's path less its name relative to the folder."""
    return notice.source.path.parents[len(Path(notice.source.name).parts) - 1]


def copy_downloads(notice: Notice) -> dict[str, bytes]:
    """``<id>.ban-sao-<n>.txt``: the bytes of each other copy as received (a saved page as text)."""
    files = {}
    root = source_root(notice)
    for index, copy in enumerate(notice.copies, start=1):
        try:
            files[f"{notice.id}.ban-sao-{index}.txt"] = (root / copy.file).read_bytes()
        except OSError:
            continue
    return files


def original_page(notice: Notice) -> dict[str, bytes]:
    """A saved web page kept as the original, served as ``.html.txt``: a browser shows it as text."""
    if notice.source.format != "html":
        return {}
    return {f"{notice.id}.goc.html.txt": notice.source.path.read_bytes()}


def citation_suffix(record: dict[str, Any]) -> str:
    """" (bản sao từ Báo X, https://…, truy cập ngày …)" for a citation of a copy, else ""."""
    provenance = record.get("provenance") or {}
    text = provenance.get("citation")
    return f" ({text})" if text else ""
