"""What a notice's page says about where its copy came from (issue 16).

``page_sources`` feeds templates/notice_sources.html.j2 (provenance, the other copies, the saved
page); ``copy_downloads`` makes every other copy's text reachable from the page that shows the
most complete one; ``original_page`` serves a saved web page's original HTML as text, so nothing
in it can run. The record itself carries ``provenance`` and ``copies`` (records.NoticeRecord).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Notice
from .records import NoticeRecord


def saved_page_name(notice_id: str) -> str:
    return f"{notice_id}.goc.html.txt"


def copy_name(notice_id: str, index: int) -> str:
    return f"{notice_id}.ban-sao-{index}.txt"


def page_sources(record: NoticeRecord, notice: Notice) -> dict[str, Any]:
    """Provenance, other copies (with their download names) and the saved page, for the template."""
    return {"provenance": record.provenance,
            "copies": [(copy, copy_name(record.id, index)) for index, copy in enumerate(record.copies, start=1)],
            "saved_page": saved_page_name(record.id) if notice.source.format == "html" else None}


def source_root(notice: Notice) -> Path:
    """The source folder: the notice's path less its name relative to the folder."""
    return notice.source.path.parents[len(Path(notice.source.name).parts) - 1]


def copy_downloads(notice: Notice) -> dict[str, bytes]:
    """``<id>.ban-sao-<n>.txt``: the bytes of each other copy as received (a saved page as text)."""
    files = {}
    root = source_root(notice)
    for index, copy in enumerate(notice.copies, start=1):
        try:
            files[copy_name(notice.id, index)] = (root / copy.file).read_bytes()
        except OSError:
            continue
    return files


def original_page(notice: Notice) -> dict[str, bytes]:
    """A saved web page kept as the original, served as ``.html.txt``: a browser shows it as text."""
    if notice.source.format != "html":
        return {}
    return {saved_page_name(notice.id): notice.source.path.read_bytes()}
