"""How to cite a notice: Vietnamese and English citations, BibTeX, CSL-JSON, JSON-LD, Highwire tags.

All of them are made from the notice's record (``records.NoticeRecord``), so they agree with the page and
with ``data/notices.json``. Our text is a transcription: JSON-LD says so with
``UnofficialLegalValue``.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..data_files import load_yaml
from .records import NoticeRecord

LICENSE = load_yaml("site.yml")["license"]
SITE_NAME = load_yaml("site.yml")["site_name"]
SITE_NAME_EN = load_yaml("site.yml")["site_name_en"]
DOCUMENT = load_yaml("site.yml")["document"]  # the type of a document whose type is unknown
WORDS = load_yaml("site.yml")["citation"]
VI, EN = WORDS["vi"], WORDS["en"]


def issuer_name(record: NoticeRecord) -> str | None:
    """The issuing body with its province, as a reader would name it ("Tỉnh ủy Quảng Ninh")."""
    issuer = (record.issuer.name if record.issuer else None)
    province = (record.province.name if record.province else None)
    if issuer and province and province not in issuer:
        return f"{issuer} {province}" if issuer.lower().endswith(tuple(WORDS["followed_by_province"])) \
            else f"{issuer} ({province})"
    return issuer or province


def _date_vn(iso: str | None) -> str | None:
    if not iso:
        return None
    year, month, day = iso.split("-")
    return VI["date"].format(day=day, month=month, year=year)


def vietnamese_citation(record: NoticeRecord, url: str, accessed: str) -> str:
    """Administrative style: issuer, type and number, date, title, where, when accessed."""
    parts = [issuer_name(record) or VI["unknown_issuer"]]
    kind = record.doc_type or DOCUMENT
    number = (record.number.text if record.number else None)
    parts.append(VI["numbered"].format(kind=kind, number=number) if number else VI["unnumbered"].format(kind=kind))
    parts.append(_date_vn(record.issued_date) or VI["undated"])
    parts.append(f"“{record.title}”")
    parts.append(f"{SITE_NAME}, {url}, " + VI["accessed"].format(date=_date_vn(accessed)))
    return ", ".join(parts) + copy_note(record, "vi") + "."


def copy_note(record: NoticeRecord, language: str) -> str:
    """Where the transcribed copy came from: " (bản sao từ Báo X, https://…, truy cập ngày …)"."""
    provenance = record.provenance
    if provenance is None or not (provenance.publisher or provenance.source_url):
        return ""
    if language == "vi":
        return f" ({provenance.citation_text()})"
    where = ", ".join(p for p in (provenance.publisher, provenance.source_url) if p)
    retrieved = EN["retrieved"].format(date=provenance.retrieved) if provenance.retrieved else ""
    return " (" + EN["copy"].format(where=where) + retrieved + ")"


def english_citation(record: NoticeRecord, url: str, accessed: str) -> str:
    parts = [issuer_name(record) or EN["unknown_issuer"]]
    number = (record.number.text if record.number else None)
    kind = record.doc_type or EN["document"]
    parts.append(EN["numbered"].format(kind=kind, number=number) if number else EN["unnumbered"].format(kind=kind))
    parts.append(record.issued_date or EN["undated"])
    parts.append(EN["title"].format(title=record.title))
    parts.append(EN["accessed"].format(site=SITE_NAME_EN, url=url, date=accessed))
    return ", ".join(parts) + copy_note(record, "en") + "."


def _bibtex_escape(value: str) -> str:
    return re.sub(r"([{}\\&%$#_~^])", r"\\\1", value)


def bibtex(record: NoticeRecord, url: str, accessed: str) -> str:
    """A ``@techreport`` entry: reference managers then keep the document number."""
    fields = {
        "title": record.title,
        "author": "{" + (issuer_name(record) or VI["unknown"]) + "}",
        "institution": issuer_name(record) or VI["unknown"],
        "type": record.doc_type or DOCUMENT,
        "number": (record.number.text if record.number else None),
        "year": (record.date or "")[:4] or None,
        "date": record.issued_date,
        "address": (record.province.name if record.province else None),
        "language": "vietnamese",
        "url": url,
        "urldate": accessed,
        "note": VI["note"],
    }
    lines = [f"@techreport{{{record.id},"]
    for key, value in fields.items():
        if value:
            escaped = value if key == "author" else _bibtex_escape(value)
            if key == "url":
                escaped = value
            lines.append(f"  {key} = {{{escaped}}},")
    lines.append("}")
    return "\n".join(lines)


def csl_json(record: NoticeRecord, url: str, accessed: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": record.id, "type": "legislation", "title": record.title, "language": "vi", "URL": url,
        "authority": issuer_name(record), "number": (record.number.text if record.number else None),
        "genre": record.doc_type, "jurisdiction": (record.province.name if record.province else None),
        "accessed": {"date-parts": [[int(x) for x in accessed.split("-")]]},
        "author": [{"literal": issuer_name(record)}] if issuer_name(record) else [],
    }
    if record.issued_date:
        item["issued"] = {"date-parts": [[int(x) for x in record.issued_date.split("-")]]}
    return {k: v for k, v in item.items() if v not in (None, [], "")}


def json_ld(record: NoticeRecord, url: str, modified: str) -> dict[str, Any]:
    """schema.org Legislation, marked as an unofficial transcription."""
    province = record.province
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "url": url,
        "name": record.title,
        "inLanguage": "vi",
        "legislationType": record.doc_type,
        "legislationIdentifier": (record.number.text if record.number else None),
        "legislationDate": record.issued_date,
        "legislationJurisdiction": {"@type": "AdministrativeArea", "name": province.name} if province else None,
        "legislationPassedBy": {"@type": "Organization", "name": issuer_name(record)} if issuer_name(record) else None,
        "legislationResponsible": {"@type": "Person", "name": record.signer.name}
        if record.signer and record.signer.name else None,
        "legislationLegalForce": "NotInForce",
        "citation": [c.label for c in record.cited_documents] or None,
        "isBasedOn": (record.provenance.source_url if record.provenance else None) or record.source.file,
        "dateModified": modified,
        "license": LICENSE,
        "encoding": {"@type": "LegislationObject", "legislationLegalValue": "UnofficialLegalValue",
                     "encodingFormat": "text/html"},
    }
    return {k: v for k, v in data.items() if v is not None}


def script_safe_json(data: Any) -> str:
    """JSON that cannot close the ``<script>`` element it sits in; compact, as it sits in every notice page."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def highwire_tags(record: NoticeRecord, url: str) -> list[tuple[str, str]]:
    """``citation_*`` meta tags read by Zotero and Google Scholar (saved as a report with its number)."""
    tags = [("citation_title", record.title), ("citation_language", "vi"), ("citation_public_url", url)]
    author = issuer_name(record)
    if author:
        tags.append(("citation_author", author))
        tags.append(("citation_technical_report_institution", author))
    date = record.date
    if date:
        tags.append(("citation_publication_date", date.replace("-", "/")))
    number = (record.number.text if record.number else None)
    if number:
        tags.append(("citation_technical_report_number", number))
    return tags
