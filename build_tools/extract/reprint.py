"""Clues in a copy's framing: a reprint's lead and a portal's attribute rows.

"(Báo X) - UBND tỉnh vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 về …" names the
document's type, number, date and subject; a portal's record ("Số ký hiệu | 24/CT-UBND",
"Ngày ban hành | 24/07/2021", "Người ký | …") names them too. These are the source's words,
not the document's, so each value is returned with its clue at a confidence below a
header's, and extraction uses it only where the document itself is silent.
"""
from __future__ import annotations

import re

from ..data_files import load_yaml
from ..vietnamese.fold import fold
from ..model import Clue, DocNumber, Found
from ..clean.framing import attribute_pairs, is_lead, lead_pattern
from .dates import find_dates
from .numbers import parse_number
from .textutil import squeeze
from .vocab import doc_types

LEAD_CONFIDENCE = 0.7  # a journalist's summary: usually right, below a header (0.95)
ATTRIBUTE_CONFIDENCE = 0.8  # a portal's record of the document, typed by its editor
_SUBJECT = re.compile(r"\b(?:ve viec|ve|v/v)\s+")


def lead_lines(framing: list[str]) -> list[str]:
    return [line for line in framing if is_lead(line)]


def _type_entry(words: str) -> dict | None:
    name = {fold(w): t for w, t in load_yaml("doc_types.yml")["citation_words"].items()}.get(fold(words).strip())
    return doc_types().by_name.get(name) if name else None


def lead_fields(framing: list[str]) -> dict[str, Found]:
    """Type, number, issue date and subject named by the first lead of the framing."""
    for line in lead_lines(framing):
        folded = fold(line)
        match = lead_pattern().search(folded)
        if not match:
            continue
        found: dict[str, Found] = {}
        clue = lambda rule, conf=LEAD_CONFIDENCE: Clue(rule, squeeze(line)[:300], conf)  # noqa: E731
        number = parse_number(line[match.end():match.end() + 40])
        if number:
            found["number"] = Found(number, clue("reprint-lead-number"))
        entry = _type_entry(match.group("type"))
        if entry:
            found["doc_type"] = Found(entry, clue("reprint-lead-type"))
        date = _lead_date(line, folded, match)
        if date:
            found["issued_date"] = Found(date, clue("reprint-lead-date"))
        subject = _SUBJECT.search(folded, match.end())
        if subject:
            text = line[subject.start():].strip().rstrip(".:;, ")
            text = re.sub(r",?\s*(?:cu the|nhu sau)\s*$", "", text, flags=re.IGNORECASE).strip(" ,")
            found["title"] = Found(text[:1].upper() + text[1:], clue("reprint-lead-subject", 0.6))
        return found
    return {}


def _lead_date(line: str, folded: str, match: re.Match) -> str | None:
    """"… số 13417/UBND-VP ngày 22/9/2021 về …", or the lead's opening "Ngày 7 tháng 5 năm 2021, …"."""
    window = folded[match.end():match.end() + 45]
    subject = _SUBJECT.search(window)
    after = re.search(r"\bngay\s+", window[:subject.start()] if subject else window)
    if after:
        dates = [d for d in find_dates(line[match.end() + after.end() - 5:match.end() + after.end() + 30]) if d.has_year]
        if dates:
            return dates[0].iso
    opening = re.match(r"^\W*(?:\([^)]*\)\s*[-–]\s*)?ngay\s+", folded)
    if opening:
        dates = [d for d in find_dates(line[:opening.end() + 30]) if d.has_year]
        if dates:
            return dates[0].iso
    return None


def attribute_fields(framing: list[str]) -> dict[str, Found]:
    """The portal's record of the document: number, issue date, type, signer, subject."""
    found: dict[str, Found] = {}
    for line in framing:
        for field, value in attribute_pairs(line):
            if field not in found:
                value_found = attribute_value(field, value, Clue(f"portal-attribute-{field}", squeeze(line),
                                                                 ATTRIBUTE_CONFIDENCE))
                if value_found is not None:
                    found[field] = value_found
    return found


def attribute_value(field: str, value: str, clue: Clue) -> Found | None:
    """One attribute's value read the way the field needs, or None when it does not parse."""
    if field == "number":
        number = parse_number(value)
        return Found(number, clue) if number else None
    if field == "issued_date":
        dates = [d for d in find_dates(value) if d.has_year]
        return Found(dates[0].iso, clue) if dates else None
    if field == "doc_type":
        entry = doc_types().by_title.get(fold(value).strip()) or doc_types().by_name.get(value.strip())
        return Found(entry, clue) if entry else None
    if field == "signer":
        return Found(squeeze(value), clue) if value.strip() and not value.isupper() else None  # a name, not a body
    if field in ("title", "issuer"):
        return Found(squeeze(value), clue) if value.strip() else None
    return None


def framing_fields(framing: list[str]) -> dict[str, Found]:
    """Attribute rows first (the portal's record), then the lead, field by field."""
    fields = lead_fields(framing)
    fields.update(attribute_fields(framing))
    return fields


def number_type(number: DocNumber) -> dict | None:
    from .doctype import type_from_number

    return type_from_number(number)
