"""The archive as data: ``data/notices.json`` and ``.csv`` (one row per record) and the Atom feed.

Rows are made from ``records.NoticeRecord``; the full record of each notice (clues, every citing
sentence) is its own download (``notice_pages.full_record``), so the dataset stays a size
researchers can load whole.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, NamedTuple

from . import templates
from .citation import SITE_NAME
from .notice_pages import page_url
from .oxcgrt_pages import DATASET_FILE
from .province_days import days_from_records, write_csv
from .records import CSV_FIELDS, NoticeRecord, csv_row


def dataset_row(record: NoticeRecord, url: str) -> dict[str, Any]:
    """The record in ``data/notices.json``: every field, evidence cut to its anchors, mentions to documents.

    The full record (clues, every citing sentence, evidence text) is the notice's own JSON file;
    the dataset stays a size researchers can load whole.
    """
    row = {"url": url}
    for key, value in record.to_json().items():
        if key in ("citation", "clues", "cites"):
            continue
        if key == "measures":
            # the coded measures are in each notice's own JSON and, province by day, in oxcgrt-provinces.csv
            value = [{**{k: v for k, v in m.items() if k not in ("evidence", "records")},
                      "anchors": [e.get("anchor") for e in m.get("evidence", []) if e.get("anchor")]} for m in value]
        row[key] = value
    return row


def write_dataset(records: list[NoticeRecord], site_dir: Path, directory_urls: bool) -> None:
    """``data/notices.json`` and ``data/notices.csv``: the whole archive as a dataset, row by row;
    ``data/oxcgrt-provinces.csv``: each OxCGRT indicator's level per province and day (issue 18), at
    the address the archive promises, with its gzipped copy beside it for downloads."""
    data_dir = site_dir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    write_csv(days_from_records(records), site_dir / DATASET_FILE, plain=True)
    with open(data_dir / "notices.json", "w", encoding="utf-8", newline="\n") as json_file, \
            open(data_dir / "notices.csv", "w", encoding="utf-8", newline="") as csv_file:
        writer = csv.DictWriter(csv_file, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        json_file.write("[\n")
        for index, record in enumerate(records):
            url = page_url(record.page, directory_urls)
            row = dataset_row(record, url)
            # one record per line: compact, yet diffs between editions stay readable
            json_file.write((",\n" if index else "")
                            + json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str))
            writer.writerow(csv_row(record, url))
        json_file.write("\n]\n")


def write_feed(records: list[NoticeRecord], added: dict[str, str], site_dir: Path, public_url: str,
               day: str, limit: int = 50) -> None:
    """An Atom feed of the notices most recently added to the archive (``templates/feed.xml.j2``)."""
    newest = sorted(records, key=lambda r: (added.get(r.id, ""), r.id), reverse=True)[:limit]
    base = public_url.rstrip("/") + "/"
    entries = [FeedEntry(record.title, base + page_url(record.page, True),
                         (added.get(record.id) or day) + "T00:00:00Z", record.description or "")
               for record in newest]
    feed = templates.render("feed.xml.j2", base=base, day=day, entries=entries)
    (site_dir / "feed.xml").write_text(feed, encoding="utf-8")


class FeedEntry(NamedTuple):
    title: str
    url: str
    updated: str  # 2021-08-02T00:00:00Z
    summary: str


def citation_site_name() -> str:
    return SITE_NAME
