"""Clues in a copy's framing: a reprint's lead and a portal's attribute rows.

"(Báo X) - UBND tỉnh vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 về …" names the
document's type, number, date and subject; a portal's record ("Số ký hiệu | 24/CT-UBND",
"Ngày ban hành | 24/07/2021", "Người ký | …") names them too. These are the source's words,
not the document's, so each value is returned with its clue at a confidence below a
header's, and extraction uses it only where the document itself is silent.
"""
from __future__ import annotations

import functools
import re

from ..data_files import load_yaml
from ..vietnamese.fold import fold
from ..model import Clue, Found
from ..clean.framing import (LeadReference, announced_type, announcement_at, attribute_pairs, colon_pair, colon_record, followed_reference,
                             lead_reference)
from .dates import find_dates, make_date
from .numbers import parse_number
from .textutil import squeeze
from .vocab import doc_types, folded_number_label


@functools.lru_cache(maxsize=None)
def _cited_number() -> re.Pattern[str]:
    """"số 1099/CĐ-TTg ngày" (folded) right before a date: the date is the cited document's."""
    return re.compile(rf"(?:\d[\w/.-]*|{folded_number_label()}\s*\d\S*)\s+ngay\s*$")


LEAD_CONFIDENCE = 0.7  # a journalist's summary: usually right, below a header (0.95)
ATTRIBUTE_CONFIDENCE = 0.8  # a portal's record of the document, typed by its editor
_SUBJECT = re.compile(r"\b(?:ve viec|ve|v/v)\s+")


def _type_entry(words: str) -> dict | None:
    name = {fold(w): t for w, t in load_yaml("doc_types.yml")["citation_words"].items()}.get(fold(words).strip())
    return doc_types().by_name.get(name) if name else None


def lead_fields(framing: list[str], published: str | None = None) -> dict[str, Found]:
    """Type, number, issue date and subject named by the first lead of the framing.

    ``published`` is the page's own date (ISO), from which a year-less date in the lead
    ("Chiều nay (22/9)") takes its year; without it such a date is not read."""
    published = published or publication_date(framing)
    announced, announcement = None, None
    for line in framing:
        folded = fold(line)
        reference = lead_reference(folded)
        if reference is None and announced:
            reference = followed_reference(line, announced)
        if reference is None:
            if announced_type(line):
                announced, announcement = announced_type(line), line
            continue
        found: dict[str, Found] = {}
        clue = lambda rule, conf=LEAD_CONFIDENCE: Clue(rule, squeeze(line)[:300], conf)  # noqa: E731
        number = parse_number(line[reference.number_at:reference.number_at + 40])
        if number:
            found["number"] = Found(number, clue("reprint-lead-number"))
        entry = _type_entry(reference.type_words)
        if entry:
            found["doc_type"] = Found(entry, clue("reprint-lead-type"))
        date = _lead_date(line, folded, reference, published)
        if date is None and announcement is not None:
            date = _date_before(announcement, fold(announcement), announcement_at(announcement), published)
        if date:
            found["issued_date"] = Found(date, clue("reprint-lead-date"))
        subject = _SUBJECT.search(folded, reference.number_at)
        if subject:
            text = line[subject.start():].strip().rstrip(".:;, ")
            text = re.sub(r",?\s*(?:cu the|nhu sau)\s*$", "", text, flags=re.IGNORECASE).strip(" ,")
            found["title"] = Found(text[:1].upper() + text[1:], clue("reprint-lead-subject", 0.6))
        return found
    return {}


_AFTER_NUMBER = re.compile(r"^(?:(?!\b(?:ve|cua|v/v|tai)\b)[^,;]){1,30}?\s+ngay\s+")
_REFERENCE = re.compile(r"\bso\s*:?\s*\d")


def _lead_date(line: str, folded: str, reference: LeadReference, published: str | None) -> str | None:
    """"… số 13417/UBND-VP ngày 22/9/2021 về …"; else the date that opens the lead's clause
    ("Ngày 7 tháng 5 năm 2021, UBND tỉnh đã ban hành …", "…, ngày 20/8/2021, UBND tỉnh … ban hành")."""
    after = _AFTER_NUMBER.match(folded[reference.number_at:reference.number_at + 60])
    if after:
        start = reference.number_at + after.end() - 5
        dates = lead_dates(line[start:start + 35], fold(line[start:start + 35]), published)
        if dates and dates[0][1] <= 6:
            return dates[0][0]
    return _date_before(line, folded, reference.announced_at, published)


def _date_before(line: str, folded: str, end: int, published: str | None) -> str | None:
    """The last date before ``end`` that is not a cited document's ("số 1099/CĐ-TTg ngày 9/8/2021")
    and with no other document named between it and ``end``."""
    chosen = None
    for iso, start, stop in lead_dates(line[:end], folded[:end], published):
        if _cited_number().search(folded[max(0, start - 30):start]) or _REFERENCE.search(folded[stop:end]):
            continue
        chosen = iso
    return chosen


def _day_words() -> str:
    return "|".join(sorted((w for w in load_yaml("framing.yml")["day_words"]), key=len, reverse=True))


_YEARLESS_CACHE: dict[str, re.Pattern[str]] = {}


def _yearless() -> re.Pattern[str]:
    if "p" not in _YEARLESS_CACHE:
        _YEARLESS_CACHE["p"] = re.compile(rf"\b(?:{_day_words()})\s*\(?\s*(\d{{1,2}})\s*([/-])\s*(\d{{1,2}})"
                                          rf"(?!\s*[/-]\s*\d|\d)")
    return _YEARLESS_CACHE["p"]


def lead_dates(text: str, folded: str, published: str | None) -> list[tuple[str, int, int]]:
    """(ISO date, start, end) of the dates in a lead: with their year, and year-less ones after a
    day word ("Chiều 15-8", "hôm nay (22/9)") when the page's own date gives the year."""
    found = [(d.iso, d.start, d.end) for d in find_dates(text, folded) if d.has_year]
    if published:
        for match in _yearless().finditer(folded):
            if any(s <= match.start(1) < e for _, s, e in found):
                continue
            iso = year_from_page(int(match.group(1)), int(match.group(3)), published)
            if iso:
                found.append((iso, match.start(1), match.end()))
    return sorted(found, key=lambda f: f[1])


def year_from_page(day: int, month: int, published: str) -> str | None:
    """A day and month reported by a page dated ``published``: that year, or the year before
    when the day would fall after the page's date (a page of 2 January reporting "ngày 30/12")."""
    year, page_month, page_day = (int(p) for p in published[:10].split("-"))
    if (month, day) > (page_month, page_day):
        year -= 1
    return make_date(day, month, year)


def publication_date(framing: list[str]) -> str | None:
    """The page's own date from a time stamp line of its framing ("Thứ Tư, 22/09/2021 - 15:30",
    "Ngày đăng: 03/08/2021"), or None."""
    words = "|".join(sorted(load_yaml("framing.yml")["timestamp_words"], key=len, reverse=True))
    for line in framing:
        folded = fold(line.strip())
        if len(folded) > 70:
            continue
        dates = [d for d in find_dates(line, folded) if d.has_year]
        if len(dates) != 1:
            continue
        rest = folded[:dates[0].start] + " " + folded[dates[0].end:]
        if re.fullmatch(rf"(?:\s|[\d:,.()|+/-]|\b(?:{words})\b|[ap]m|h)*", rest):
            return dates[0].iso
    return None


def page_date(page: dict[str, str] | None) -> str | None:
    """The page's publication date (ISO) from its metadata, when it is a date."""
    value = (page or {}).get("published") or ""
    match = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    return make_date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None


def attribute_fields(framing: list[str]) -> dict[str, Found]:
    """The portal's record of the document: number, issue date, type, signer, subject."""
    found: dict[str, Found] = {}
    record = colon_record(framing)
    for line in framing:
        pairs = attribute_pairs(line) or ([colon_pair(line)] if record and colon_pair(line) else [])
        for field, value in pairs:
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


def framing_fields(framing: list[str], published: str | None = None) -> dict[str, Found]:
    """Attribute rows first (the portal's record), then the lead, field by field."""
    fields = lead_fields(framing, published)
    fields.update(attribute_fields(framing))
    return fields


def headline_votes(lines: list[str]) -> list:
    """Votes for the province a headline or dateline opens with: its first one to four
    capitalised words are a province's name, followed by ":", a dash or a word in lower case."""
    from .province import Vote
    from .vocab import gazetteer

    weight = load_yaml("framing.yml")["headline_vote_weight"]
    votes = []
    for line in lines:
        words = list(re.finditer(r"[^\s,.;:()–—-]+", line[:80]))
        if not words or words[0].start() > 2:
            continue
        run = []
        for word in words[:4]:
            if not word.group()[:1].isupper():
                break
            run.append(word)
        for size in range(len(run), 0, -1):
            code = gazetteer().lookup_name(line[run[0].start():run[size - 1].end()])
            after = line[run[size - 1].end():]
            if code and (re.match(r"\s*[:–—-]", after) or re.match(r"\s+[a-zà-ỹđ]", after)):
                votes.append(Vote(code, weight, "headline", squeeze(line)[:120]))
                break
    return votes


_DATELINE_NAME = re.compile(r"^\W{0,3}\((?P<name>[^()]{2,60})\)\s*[-–—]")
_CREDIT_NAME = re.compile(r"^\(?\s*theo\s+(?P<name>.{2,60}?)\s*\)?\s*$", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$")


def framing_publisher(framing: list[str]) -> str | None:
    """The newspaper or site a reprint names in its dateline or closing credit, as written
    ("Báo Quảng Trị", "Baonghean.vn", "Báo Thanh Niên"), or None."""
    words = "|".join(load_yaml("framing.yml")["publisher_words"])
    for line in framing:
        match = _DATELINE_NAME.match(line) or _CREDIT_NAME.match(line.strip())
        if not match:
            continue
        name = squeeze(match.group("name")).strip(" .")
        if re.match(rf"^(?:{words})\b", fold(name)) or _WEB_ADDRESS.match(fold(name)):
            return name[:1].upper() + name[1:]
    return None


def issuer_row_votes(found: dict[str, Found]) -> list:
    """The portal's issuer row ends with the province's name without a unit word ("Sở Y tế
    Tây Ninh", "Thành ủy Cần Thơ"): its last one to four words, when they are a province's name."""
    from .province import Vote
    from .vocab import gazetteer

    issuer = found.get("issuer")
    if issuer is None:
        return []
    words = issuer.value.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        code = gazetteer().lookup_name(" ".join(words[-size:]))
        if code and all(w[:1].isupper() for w in words[-size:]):
            return [Vote(code, load_yaml("framing.yml")["headline_vote_weight"], "issuer-row", issuer.value)]
    return []
