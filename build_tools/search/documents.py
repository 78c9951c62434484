"""What of a published notice the search index reads: its text, its signature block and its names.

The site stage calls ``search_doc`` for every notice it writes; keeping the choice here
means the search decides what is searchable (the signature block, the people and
places a reader looks for) without the page writer knowing about it.
"""
from __future__ import annotations

from typing import Any

from .index import SearchDoc

SIGNATURE_ANCHOR = "chu-ky"  # the id of the signature block on a notice page


def signature_text(lines: list[str]) -> str:
    """The signature block as one searchable paragraph ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Việt Thanh")."""
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def names_of(notice: Any) -> tuple[str, ...]:
    """People and places of a notice, each weighed like its title: signer, chairs, places found in the text."""
    meta = notice.meta
    names = []
    if meta.signer is not None and meta.signer.name:
        names.append(meta.signer.name)
    names.extend(chair for chair in meta.chairs if chair)
    names.extend(place.name for place in meta.places if place.name)
    return tuple(dict.fromkeys(names))


def search_doc(notice: Any, record: dict[str, Any], url: str) -> SearchDoc:
    """One notice as the index sees it: the body's blocks, then its signature block as a paragraph."""
    paragraphs = [(block.anchor, block.text) for block in notice.document.blocks]
    signature = signature_text(notice.document.signature_lines)
    if signature:
        paragraphs.append((SIGNATURE_ANCHOR, signature))
    return SearchDoc(
        id=record["id"], url=url, title=record["title"],
        number=(record.get("number") or {}).get("text"), doc_type=record.get("doc_type"),
        issuer=(record.get("issuer") or {}).get("name"),
        province=(record.get("province") or {}).get("name"),
        province_code=(record.get("province") or {}).get("code"),
        date=record.get("issued_date") or record.get("meeting_date"),
        measures=tuple(m["code"] for m in record.get("measures", [])),
        paragraphs=tuple(paragraphs),
        names=names_of(notice),
    )
