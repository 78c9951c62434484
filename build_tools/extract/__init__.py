"""Extract stage: CleanDocument → Metadata (type, number, issuer, province, dates,
signer, chairs, citations, deadlines, places, measures), then curator overrides.

``extract(document, overrides)`` is the only entry point the pipeline needs. Each
field it sets has a ``Clue`` in ``Metadata.clues`` naming the rule that fired, the
text it read and a confidence; a field with no evidence stays ``None`` ("không rõ").
Vocabularies live in ``build_tools/data/`` (provinces.yml, doc_types.yml,
issuers.yml, measures.yml, place_context.yml) and are loaded once per process.
"""
from __future__ import annotations

import re
from typing import Any

from ..vietnamese.fold import fold
from ..model import CleanDocument, Clue, DocNumber, Metadata, Signer, year_of
from .citations import citation_key_for_number
from .citations import citations as find_citations
from .dates import issued_date, meeting_date
from .deadlines import deadlines as find_deadlines
from .doctype import document_title, document_type, party_shared_types, type_from_number
from .issuer import find_issuer, from_number, joint_issuer, make_issuer
from .measures import measure_tags
from .numbers import document_number, parse_number
from .overrides import OverrideError, apply_overrides, read_provenance
from .province import decide, district_mentions, framing_votes, places, province_votes
from .reprint import (framing_fields, issued_by_fields, lead_fields, framing_publisher, headline_votes, issuer_row_votes, page_date, publication_date,
                      reported_fields, title_reference, announced_fields, heading_type, site_heading_type)
from .signer import chairs as find_chairs
from .signer import signer as find_signer
from .textutil import remember_folds
from .vocab import gazetteer, layout_words

__all__ = ["extract", "extract_fields", "OverrideError", "apply_overrides", "citation_key_for", "parse_number"]


def extract(document: CleanDocument, overrides: dict[str, Any] | None = None,
            page: dict[str, str] | None = None) -> Metadata:
    """Metadata read from the document, with the curator's overrides applied last.

    ``page`` holds a saved web page's own clues (title, canonical URL, site name): weak
    evidence where the text is silent, and the copy's provenance where the curator is.
    Raises ``OverrideError`` when the overrides cannot be applied (unknown key, wrong
    type, value not in a vocabulary, contradiction).
    """
    meta = extract_fields(document, page)
    if page:
        use_page_title(meta, page)
    if not (page or {}).get("site_name") and (document.framing or not document.header_lines):
        closing = [] if document.header_lines else document.body_text.split("\n")[-2:]
        publisher = framing_publisher(document.framing, closing)  # a reprint's dateline or by-line: a weak clue
        page = dict(page or {}, site_name=publisher) if publisher else page
    meta.provenance = read_provenance(overrides, page)
    return apply_overrides(meta, overrides) if overrides else meta


PAGE_TITLE_CONFIDENCE = 0.5  # a web page's heading: written by the site, often abridged


def use_page_title(meta: Metadata, page: dict[str, str]) -> None:
    """"Chỉ thị số 14/CT-UBND về …" as the page's title: the number and type when the text has none."""
    title = (page.get("title") or "").rsplit(" - ", 1)[0] if page.get("site_name") else page.get("title") or ""
    label = re.escape(layout_words()["number_label"])
    match = re.match(rf"^\s*(?P<type>[^\d]{{3,30}}?)\s+{label}\s*:?\s*(?P<rest>\S.*)$", title)
    if not match:
        return
    number = parse_number(match.group("rest")[:40])
    clue = Clue("page-title", title, PAGE_TITLE_CONFIDENCE)
    if meta.number is None and number is not None:
        meta.number = number
        meta.clues["number"] = clue
    if meta.doc_type is None and meta.number is not None:
        entry = type_from_number(meta.number)
        if entry:
            meta.doc_type, meta.doc_type_code = entry["name"], entry["code"]
            meta.clues["doc_type"] = clue


def extract_fields(document: CleanDocument, page: dict[str, str] | None = None) -> Metadata:
    meta = Metadata(recipients=list(document.recipients))
    clues: dict[str, Clue] = {}
    body = document.body_text
    folded_body = remember_folds(body, [block.text for block in document.blocks])

    unnumbered_type = document_type(document, None)  # from the header, title or closing formula
    number_found = document_number(document, unnumbered_type.value["name"] if unnumbered_type else None)
    number = number_found.value if number_found else None
    if number_found:
        meta.number = number
        clues["number"] = number_found.clue

    type_found = document_type(document, number)
    type_entry = type_found.value if type_found else None
    if type_found:
        meta.doc_type, meta.doc_type_code = type_entry["name"], type_entry["code"]
        clues["doc_type"] = type_found.clue

    signer_found = find_signer(document)
    if signer_found:
        meta.signer = signer_found.value
        clues["signer"] = signer_found.clue

    issuer_found = find_issuer(document, number, meta.signer, type_entry)
    meta.scope = issuer_found.value.rule.scope if issuer_found else None
    if (type_entry or {}).get("national"):
        meta.scope = "national"  # only central bodies issue laws, decrees, circulars

    issued = issued_date(document)
    if issued:
        meta.issued_date = issued.value.date
        clues["issued_date"] = issued.clue
    meeting = meeting_date(document)
    if meeting:
        meta.meeting_date = meeting.value
        clues["meeting_date"] = meeting.clue

    mentions = district_mentions(body, folded_body)
    if meta.scope != "national":
        issuer_place = issuer_found.value.place if issuer_found else None
        votes = province_votes(document, body, issuer_place, issued.value.place if issued else None, mentions, folded_body)
        province_found = decide(votes)
        if province_found:
            meta.province = gazetteer().province(province_found.value)
            meta.scope = meta.scope or "provincial"
            clues["province"] = province_found.clue
    elif issuer_found:
        clues["scope"] = Clue("national-issuer", issuer_found.clue.text, issuer_found.clue.confidence)

    if issuer_found:
        meta.issuer = joint_issuer(number) or make_issuer(issuer_found.value, meta.province.code if meta.province else None)
        clues["issuer"] = issuer_found.clue

    province_names = [p["name"] for p in gazetteer().provinces.values()]
    meta.title = document_title(document, meta.doc_type, province_names)
    if meta.title:
        clues["title"] = Clue("title-lines", " / ".join(document.title_lines), 0.9)

    chair_found = find_chairs(document)
    if chair_found:
        meta.chairs = chair_found.value
        clues["chairs"] = chair_found.clue

    province_code = meta.province.code if meta.province else None
    cites_found = find_citations(body, province_code)
    if cites_found:
        meta.cites, clues["cites"] = cites_found.value, cites_found.clue

    year = year_of(meta)
    deadlines_found = find_deadlines(document, year)
    if deadlines_found:
        meta.deadlines, clues["deadlines"] = deadlines_found.value, deadlines_found.clue

    places_found = places(body, mentions, province_code)
    if places_found:
        meta.places, clues["places"] = places_found.value, places_found.clue

    meta.measures = measure_tags(document, province_code, year, meta.issued_date)
    if meta.measures:
        clues["measures"] = Clue("measure-triggers", ", ".join(m.code for m in meta.measures), 0.7)

    if document.framing or not document.header_lines:
        use_framing(meta, clues, document, page)
    meta.cites = [c for c in meta.cites if not _is_own_number(c.number, meta.number)]
    if not meta.cites:
        clues.pop("cites", None)

    meta.clues = clues
    return meta


def _is_own_number(cited: str | None, own: DocNumber | None) -> bool:
    """A notice's own number is never one of its citations (a copy may repeat its header)."""
    return bool(cited and own) and fold(cited).replace(" ", "") == fold(own.text).replace(" ", "")


def use_framing(meta: Metadata, clues: dict[str, Clue], document: CleanDocument,
                page: dict[str, str] | None = None) -> None:
    """Fill what the document itself does not say from the source's framing (a reprint's lead,
    a portal's attribute rows), each with its clue and a lower confidence; the document wins."""
    own_text = not document.header_lines  # no header of its own: the text is the journalist's
    opening = opening_lines(document) if own_text else []
    found = framing_fields(document.framing, page_date(page))
    for field, value in title_reference(document.framing + opening[:2]).items():
        found.setdefault(field, value)
    for field, value in issued_by_fields(document.framing + opening[:4]).items():
        found.setdefault(field, value)
    if meta.number is None and "number" in found:
        meta.number, clues["number"] = found["number"].value, found["number"].clue
    if own_text and meta.number is not None:  # a headline named it; the lead below may date or sign it
        below = lead_fields(opening[:3], page_date(page) or publication_date(document.framing))
        if "number" in below and fold(below["number"].value.text) == fold(meta.number.text):
            for field in ("issued_date", "signer"):
                if field in below:
                    found.setdefault(field, below[field])
    reported = reported_fields(document.framing + opening, meta.doc_type or _found_type(found), meta.number,
                               page_date(page) or publication_date(document.framing)) if own_text else {}
    for field, value in reported.items():
        found.setdefault(field, value)
    if own_text and meta.number is None and "doc_type" not in found:
        for field, value in announced_fields(opening[:2], page_date(page) or publication_date(document.framing)).items():
            found.setdefault(field, value)
    if own_text and meta.number is None and "doc_type" not in found:
        found.update(heading_type(document.framing[:1] + opening[:1]))
    heading = site_heading_type(document.framing, meta.number)
    if heading and heading.value["name"] in party_shared_types(meta.number) and \
            clues.get("doc_type", Clue("", "", 1)).rule == "number-type-code":
        # "QĐ" in a Party number is Quyết định or Quy định: the site's heading says which
        meta.doc_type, meta.doc_type_code, clues["doc_type"] = heading.value["name"], heading.value["code"], heading.clue
    if meta.doc_type is None:
        entry, clue = None, None
        if meta.number is not None and type_from_number(meta.number):
            entry, clue = type_from_number(meta.number), Clue("number-type-code", meta.number.text, 0.9)
        elif "doc_type" in found:
            entry, clue = found["doc_type"].value, found["doc_type"].clue
        elif heading:
            entry, clue = heading.value, heading.clue
        if entry:
            meta.doc_type, meta.doc_type_code, clues["doc_type"] = entry["name"], entry["code"], clue
    if meta.issued_date is None and "issued_date" in found:
        meta.issued_date, clues["issued_date"] = found["issued_date"].value, found["issued_date"].clue
    if meta.title is None and "title" in found:
        meta.title, clues["title"] = found["title"].value, found["title"].clue
    if meta.signer is None and "signer" in found:
        meta.signer = Signer(found["signer"].value, None, None, None)
        clues["signer"] = found["signer"].clue
    central = from_number(meta.number)
    if own_text and central and central.value.rule.scope == "national" and \
            clues.get("province", Clue("", "", 0)).confidence < 0.9:
        # a central document reprinted by a provincial paper: the paper's province is not the issuer's
        meta.province, meta.scope = None, "national"
        meta.issuer = make_issuer(central.value, None)
        clues.pop("province", None)
        clues["scope"] = central.clue
    if meta.province is None and meta.scope != "national":
        page_lines = [v for v in ((page or {}).get("site_name"), (page or {}).get("title")) if v]
        province_found = decide(framing_votes(document.framing + page_lines, found)
                                + headline_votes(document.framing + page_lines) + issuer_row_votes(found))
        if province_found:
            clue = province_found.clue
            meta.province = gazetteer().province(province_found.value)
            meta.scope = meta.scope or "provincial"
            clues["province"] = Clue("framing-" + clue.rule, clue.text, min(clue.confidence, 0.8))



def opening_lines(document: CleanDocument, count: int = 6) -> list[str]:
    """The first lines of a copy's text: for a reprint without a header, the journalist's sentences
    that follow the lead."""
    return [line for line in document.body_text.split("\n")[:count] if line.strip()]


def _found_type(found: dict) -> str | None:
    return found["doc_type"].value["name"] if "doc_type" in found else None


def citation_key_for(record: dict[str, Any]) -> str | None:
    """The key citations of this notice would carry, so a cited document can be found in
    the archive. ``record`` is a dataset record (or ``Metadata.to_dict()``)."""
    number = record.get("number") or {}
    text = number.get("text") if isinstance(number, dict) else getattr(number, "text", None)
    if not text:
        return None
    province = record.get("province") or {}
    code = province.get("code") if isinstance(province, dict) else getattr(province, "code", None)
    return citation_key_for_number(text, record.get("doc_type"), code)
