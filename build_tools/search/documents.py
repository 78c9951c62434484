"""What of a published notice the search index reads: its text, its signature block and its names.

The site stage (``publish.site``) calls ``search_doc`` for every notice it writes; keeping the choice here
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


def search_doc(notice: Any, record: Any, url: str) -> SearchDoc:
    """One notice as the index sees it (``record``: its ``publish.records.NoticeRecord``): the body's
    blocks, then its signature block as a paragraph, and its names."""
    paragraphs = [(block.anchor, block.text) for block in notice.document.blocks]
    signature = signature_text(notice.document.signature_lines)
    if signature:
        paragraphs.append((SIGNATURE_ANCHOR, signature))
    return SearchDoc(
        id=record.id, url=url, title=record.title,
        number=record.number.text if record.number else None, doc_type=record.doc_type,
        issuer=record.issuer.name if record.issuer else None,
        province=record.province.name if record.province else None,
        province_code=record.province.code if record.province else None,
        date=record.date,
        measures=tuple(m.code for m in record.measures),
        paragraphs=tuple(paragraphs),
        names=names_of(notice),
    )
