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
from ..vietnamese.date_grammar import date_word
from ..vietnamese.fold import fold
from ..model import Clue, DocNumber, Found
from ..clean.framing import (citation_cue, framing_words, looks_like_site_heading, type_words, LeadReference, announced_type, announcement_at, attribute_pairs, colon_pairs, colon_record, followed_reference,
                             column_pairs, is_document_list,
                             lead_reference)
from .dates import find_dates, make_date
from .signer import is_person_name, signer_words, title_words
from .numbers import parse_number
from .textutil import alternatives, squeeze
from .vocab import doc_types, folded_number_label


@functools.lru_cache(maxsize=None)
def _cited_number() -> re.Pattern[str]:
    """"số 1099/CĐ-TTg ngày" (folded) right before a date: the date is the cited document's."""
    return re.compile(rf"(?:\d[\w/.-]*|{folded_number_label()}\s*\d\S*)\s+(?:{date_word('day')})\s*$")


LEAD_CONFIDENCE = 0.7  # a journalist's summary: usually right, below a header (0.95)
ATTRIBUTE_CONFIDENCE = 0.8  # a portal's record of the document, typed by its editor


def _framing_words(key: str) -> str:
    """A word list of framing.yml as an alternation on folded text, in the order written."""
    return alternatives(load_yaml("framing.yml")[key], folded=True)


@functools.lru_cache(maxsize=None)
def _subject_closer() -> re.Pattern[str]:
    """", cụ thể", "như sau" closing a lead's subject (framing.yml; on the text as written)."""
    closers = "|".join(re.escape(w) for w in load_yaml("framing.yml")["subject_closers"])
    return re.compile(rf",?\s*(?:{closers})\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _subject() -> re.Pattern[str]:
    """"về việc", "về", "V/v" before a reported document's summary (folded)."""
    return re.compile(rf"\b(?:{_framing_words('subject_words')})\s+")


def _type_entry(words: str) -> dict | None:
    name = {fold(w): t for w, t in load_yaml("doc_types.yml")["citation_words"].items()}.get(fold(words).strip())
    return doc_types().by_name.get(name) if name else None


def lead_fields(framing: list[str], published: str | None = None) -> dict[str, Found]:
    """Type, number, issue date, signer and subject named by the first lead of the framing.

    ``published`` is the page's own date (ISO), from which a year-less date in the lead
    ("Chiều nay (22/9)") takes its year; without it such a date is not read (a dated mention
    nearby, such as the date a measure starts, is not the issue date's year by rule)."""
    published = published or publication_date(framing)
    announced, announcement = None, None
    for line in framing:
        if is_document_list(line):  # a portal's list of other documents
            continue
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
        signer = lead_signer(line, reference)
        if signer:
            found["signer"] = signer
        subject = _subject().search(folded, reference.number_at)
        if subject:
            text = line[subject.start():].strip().rstrip(".:;, ")
            text = _subject_closer().sub("", text).strip(" ,")
            found["title"] = Found(text[:1].upper() + text[1:], clue("reprint-lead-subject", 0.6))
        return found
    entry = _announced_entry(announced)
    if entry:  # "UBND tỉnh vừa có công văn yêu cầu …": the type, and no number to read
        clue = Clue("reprint-announced-type", squeeze(announcement)[:300], 0.5)
        found = {"doc_type": Found(entry, clue)}
        date = _date_before(announcement, fold(announcement), announcement_at(announcement), published)
        if date:  # "Chiều 22/5, UBND tỉnh ban hành Quyết định về …"
            found["issued_date"] = Found(date, Clue("reprint-announced-date", clue.text, 0.5))
        return found
    return {}


@functools.lru_cache(maxsize=None)
def _after_number() -> re.Pattern[str]:
    """A short tail after the number, with no name in it, then the day word (folded)."""
    return re.compile(rf"^(?:(?!\b(?:{_framing_words('number_tail_stops')})\b)[^,;]){{1,30}}?\s+"
                      rf"(?:{date_word('day')})\s+")


@functools.lru_cache(maxsize=None)
def _reference() -> re.Pattern[str]:
    """"số 12", "số: 12": a number, labelled (folded)."""
    return re.compile(rf"\b{folded_number_label()}\s*:?\s*\d")


def _lead_date(line: str, folded: str, reference: LeadReference, published: str | None) -> str | None:
    """"… số 13417/UBND-VP ngày 22/9/2021 về …"; else the date that opens the lead's clause
    ("Ngày 7 tháng 5 năm 2021, UBND tỉnh đã ban hành …", "…, ngày 20/8/2021, UBND tỉnh … ban hành")."""
    after = _after_number().match(folded[reference.number_at:reference.number_at + 60])
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
        if _cited_number().search(folded[max(0, start - 30):start]) or _reference().search(folded[stop:end]):
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
    cells = [cell for line in framing for cell in line.split("|")]  # "Cập nhật: 05/08/2021 | Lượt xem: 1.204"
    for line in cells:
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
    for index, line in enumerate(framing):
        pairs = attribute_pairs(line) or (colon_pairs(line) if record else []) or \
            (column_pairs(line, framing[index + 1]) if index + 1 < len(framing) else [])
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
        dates = [d.iso for d in find_dates(value) if d.has_year] or _iso_dates(value)
        return Found(dates[0], clue) if dates else None
    if field == "doc_type":
        entry = doc_types().by_title.get(fold(value).strip()) or doc_types().by_name.get(value.strip())
        return Found(entry, clue) if entry else None
    if field == "signer":
        return Found(squeeze(value), clue) if value.strip() and not value.isupper() else None  # a name, not a body
    if field in ("title", "issuer"):
        return Found(squeeze(value), clue) if value.strip() else None
    return None


def _iso_dates(value: str) -> list[str]:
    """A record's date written as a database gives it: "2021-08-19"."""
    match = re.fullmatch(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?\s*", value)
    iso = make_date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
    return [iso] if iso else []


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
        line = re.sub(r'^\s*[“"«][^”"»]{2,120}[”"»]\s*[:–—-]?\s*', "", line)  # "“Ai ở đâu ở yên đó”: Huế …"
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


@functools.lru_cache(maxsize=None)
def _credit_name() -> re.Pattern[str]:
    """"Theo Báo Quảng Ninh": a closing credit's publisher (on the line as written)."""
    word = re.escape(load_yaml("framing.yml")["credit_word"])
    return re.compile(rf"^\(?\s*{word}\s+(?P<name>.{{2,60}}?)\s*\)?\s*$", re.IGNORECASE)


def _signing_verb() -> str:
    return re.escape(fold(load_yaml("framing.yml")["signing_verb"]))
_WEB_ADDRESS = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$")


_BYLINE_NAME = re.compile(r"^[^()\d]{2,40}\((?P<name>[^()]{2,40})\)\s*$")  # "Thành Chung (TTXVN)"
_INITIALS = re.compile(r"^\(?(?P<initials>[A-ZĐ&]{2,6})\)?\s*(?:[-–—]\s.*)?$")  # "(BQN)", "BQN - …"


def framing_publisher(framing: list[str], closing: list[str] = ()) -> str | None:
    """The newspaper or site a reprint names in its dateline, closing credit or by-line, as written
    ("Báo Quảng Trị", "Baonghean.vn", "TTXVN" in "Hà Anh (TTXVN)"), or the newspaper whose initials
    a bare dateline or credit gives ("(BQN)": Báo Quảng Ninh), when only one newspaper has them.
    ``closing``: the last lines of a reprint's text, where a by-line may have stayed. Else None."""
    words = "|".join(load_yaml("framing.yml")["publisher_words"])
    for line in [*framing, *closing]:
        stripped = line.strip()
        match = _DATELINE_NAME.match(line) or _credit_name().match(stripped) or _BYLINE_NAME.match(stripped)
        if match:
            name = squeeze(match.group("name")).strip(" .")
            if re.match(rf"^(?:{words})\b", fold(name)) or _WEB_ADDRESS.match(fold(name)):
                return name[:1].upper() + name[1:]
        initials = _INITIALS.match(stripped)
        if initials and newspaper_by_initials(initials.group("initials")):
            return newspaper_by_initials(initials.group("initials"))
    return None


_NEWSPAPER_INITIALS: dict[str, dict[str, list[str]]] = {}


def newspaper_by_initials(initials: str) -> str | None:
    """The one provincial newspaper (data/provinces.yml) whose words' first letters are ``initials``."""
    if "map" not in _NEWSPAPER_INITIALS:
        from .vocab import gazetteer

        table: dict[str, list[str]] = {}
        for record in gazetteer().provinces.values():
            for name in record.get("newspapers", []):
                key = "".join(word[0] for word in fold(name).split() if word[0].isalpha())
                table.setdefault(key, []).append(name)
        _NEWSPAPER_INITIALS["map"] = table
    names = sorted(set(_NEWSPAPER_INITIALS["map"].get(fold(initials), [])))
    return names[0] if len(names) == 1 else None


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


# --- Sentences of a reprint that date or sign the document it reports -------------------------

REPORTED_CONFIDENCE = 0.65  # a journalist's sentence about the document, after its lead
NAME_WORDS = (2, 5)  # a Vietnamese personal name: family name, middle name(s), given name
_ISSUE_CACHE: dict[str, re.Pattern[str]] = {}


def _issue_sentence() -> re.Pattern[str]:
    """"<type|văn bản> [số N] [được|do <agent>] <verb> [ngày <date>]" in folded text."""
    if "p" not in _ISSUE_CACHE:

        vocabulary = load_yaml("framing.yml")
        documents = "|".join(vocabulary["document_words"])
        verbs = "|".join(sorted(vocabulary["issue_verbs"], key=len, reverse=True))
        _ISSUE_CACHE["p"] = re.compile(
            rf"\b(?P<type>{type_words()}|{documents})(?:\s+(?:{framing_words('urgency_words')}))?"
            rf"(?:\s+(?:{folded_number_label()}\s*:?\s*)?(?P<number>\d[\w/.-]*[\w]))?(?:\s+(?:{framing_words('reported_pointers')}))?"
            rf"\s+(?:(?:{framing_words('reported_agents')})\s+(?:(?P<agent>[^.;:]{{2,90}}?)\s+)?)?"
            rf"(?:(?:{framing_words('lead_adverbs')})\s+)?(?P<verb>{verbs})\b"
            rf"(?P<dated>\s+(?:{re.escape(fold(vocabulary['date_preposition']))}\s+)?(?:{date_word('day')})\s+)?")
    return _ISSUE_CACHE["p"]


def _same_number(a: str, b: DocNumber | None) -> bool:
    return b is not None and fold(a).replace(" ", "") == fold(b.text).replace(" ", "")


def reported_fields(lines: list[str], doc_type: str | None, number: DocNumber | None,
                    published: str | None) -> dict[str, Found]:
    """Issue date and signer from the sentences of a reprint that speak of the document it reports:
    "Chỉ thị được ký ngày 7/6/2021", "Quyết định số … do Phó Chủ tịch UBND tỉnh <Name> ký ban hành
    ngày …", "Văn bản do Chủ tịch UBND thành phố <Name> ký". The sentence must name the reported
    document: its type (or "văn bản"), and its number when it gives one."""
    document_words = {fold(w) for w in load_yaml("framing.yml")["document_words"]}
    found: dict[str, Found] = {}
    for line in lines:
        folded = fold(line)
        for match in _issue_sentence().finditer(folded):
            if not _sentence_start(folded, match.start()):
                continue
            named = match.group("type")
            if named not in document_words and doc_type is not None and _type_name_of(named) != doc_type:
                continue
            if match.group("number") and not _same_number(match.group("number"), number):
                continue
            clue = Clue("reprint-reported-" + ("date" if match.group("dated") else "signer"), squeeze(line)[:300],
                        REPORTED_CONFIDENCE)
            if match.group("dated") and "issued_date" not in found:
                start = match.start("dated")
                dates = lead_dates(line[start:start + 40], folded[start:start + 40], published)
                if dates and dates[0][1] <= 10:
                    found["issued_date"] = Found(dates[0][0], clue)
            if match.group("agent") and _signing_verb() in match.group("verb").split() and "signer" not in found:
                name = titled_name(line[match.start("agent"):match.end("agent")])
                if name:
                    found["signer"] = Found(name, Clue("reprint-reported-signer", squeeze(line)[:300],
                                                       REPORTED_CONFIDENCE))
    return found


def _sentence_start(folded: str, at: int) -> bool:
    """The document is the sentence's subject: nothing but a connective before it in its sentence."""

    before = re.split(r"[.;!?]\s", folded[:at])[-1]
    return not before.strip(" ,\"'“”-–") or bool(
        re.fullmatch(rf"\s*(?:{framing_words('sentence_connectives')})\s*,?\s*", before))


def _type_name_of(type_words: str) -> str | None:
    return {fold(w): t for w, t in load_yaml("doc_types.yml")["citation_words"].items()}.get(type_words)


def lead_signer(line: str, reference: LeadReference) -> Found | None:
    """"Phó Chủ tịch UBND tỉnh <Name> đã ký ban hành Quyết định số …": the person named before the
    lead's verb when the verb is "ký"."""
    folded = fold(line)
    verb = folded[reference.announced_at:reference.number_at]

    if reference.headline or not re.match(rf"^(?:(?:{framing_words('lead_adverbs')})\s+)?{_signing_verb()}\b", verb):
        return None
    name = titled_name(line[:reference.announced_at]) or comrade_name(line[:reference.announced_at])
    return Found(name, Clue("reprint-lead-signer", squeeze(line)[:300], LEAD_CONFIDENCE)) if name else None


def comrade_name(text: str) -> str | None:
    """"… đồng chí Thái Thanh Quý - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy đã ký …": the name after
    the last "đồng chí" of the subject, before its titles."""

    words = "|".join(re.escape(fold(w)) for w in signer_words()["comrade_words"])
    matches = list(re.finditer(rf"\b(?:{words})\s+", fold(text)))
    if not matches:
        return None
    run = []
    for word in text[matches[-1].end():].split():
        if not word[:1].isupper() or not word.isalpha() or (len(word) > 1 and word.isupper()):
            break
        run.append(word)
    name = " ".join(run)
    return name if NAME_WORDS[0] <= len(run) <= NAME_WORDS[1] and is_person_name(name) else None


def titled_name(text: str) -> str | None:
    """The personal name that ends ``text`` after a title ("Chủ tịch UBND tỉnh Cà Mau Huỳnh Quốc
    Việt" → "Huỳnh Quốc Việt"): the last run of capitalised words, less a province's name opening
    it, with a title word (data/signer.yml) before it. None when the run is not a name."""
    from .vocab import gazetteer

    words = text.rstrip(" ,").split()
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or not word.isalpha():
            break
        run.insert(0, word)
    def is_place(words: list[str]) -> bool:
        place = " ".join(words)
        return bool(gazetteer().lookup_name(place)) or fold(place) in gazetteer().districts

    if is_place(run):
        return None  # "Chủ tịch UBND tỉnh Gia Lai": no name
    for size in range(min(4, len(run) - NAME_WORDS[0]), 0, -1):
        if is_place(run[:size]):
            run = run[size:]  # "UBND tỉnh Cà Mau Huỳnh Quốc Việt": the province before the name
            break
    if not NAME_WORDS[0] <= len(run) <= NAME_WORDS[1]:
        return None
    before = " ".join(words[:len(words) - len(run)])
    if not title_words().search(fold(before)[-80:]):
        return None
    name = " ".join(run)
    return name if is_person_name(name) else None


_TITLE_REFERENCE_CACHE: dict[str, re.Pattern[str]] = {}


def title_reference(lines: list[str]) -> dict[str, Found]:
    """A page's heading that is the document's name and nothing else ("Thông báo số 320/TB-UBND",
    "Kế hoạch số 1205/KH-SGDĐT"): its number and type."""
    if "p" not in _TITLE_REFERENCE_CACHE:

        _TITLE_REFERENCE_CACHE["p"] = re.compile(rf"^(?P<type>{type_words()})\s+{folded_number_label()}\s*:?\s*(?P<number>\d\S+)$")
    for line in lines:
        text = squeeze(line).strip(" .:")
        match = _TITLE_REFERENCE_CACHE["p"].match(fold(text))
        if not match:
            continue
        number = parse_number(text[match.start("number"):])
        entry = _type_entry(match.group("type"))
        if number and entry:
            clue = Clue("page-heading-reference", squeeze(line), ATTRIBUTE_CONFIDENCE)
            return {"number": Found(number, clue), "doc_type": Found(entry, clue)}
    return {}


@functools.lru_cache(maxsize=None)
def _issued_by() -> re.Pattern[str]:
    words = load_yaml("framing.yml")
    verbs = "|".join(sorted(words["issue_verbs"], key=len, reverse=True))
    past, preposition = (re.escape(fold(words[key])) for key in ("past_marker", "date_preposition"))
    return re.compile(rf"^(?P<issuer>.+?)\s+(?:{past}\s+)?(?:{verbs})\s+(?:{preposition}\s+)?(?:{date_word('day')})\b")


def issued_by_fields(lines: list[str]) -> dict[str, Found]:
    """A page's line "<ISSUER IN CAPITALS> ban hành ngày <date>" (a portal's by-line under the
    document's name): the issue date and the issuer. The issuer must be written in capitals, as
    a header writes it, so a sentence of the body ("UBND tỉnh ban hành ngày …") is not taken."""
    for line in lines:
        text = squeeze(line).strip()
        match = _issued_by().match(fold(text))
        if not match or len(text.split()) > 30:
            continue
        issuer = text[:match.end("issuer")]
        if not issuer.isupper() or len(issuer.split()) < 2:
            continue
        dates = [d.iso for d in find_dates(text[match.end("issuer"):]) if d.has_year]
        if dates:
            clue = Clue("page-issued-by", text[:300], ATTRIBUTE_CONFIDENCE)
            return {"issued_date": Found(dates[0], clue), "issuer": Found(issuer, clue)}
    return {}


def heading_type(lines: list[str]) -> dict[str, Found]:
    """A page's heading naming the document by its type and subject, without a number ("Thông
    báo về việc tạm dừng …", "Công điện khẩn về …"): its type, a weak clue; "văn bản" names none."""
    if "h" not in _TITLE_REFERENCE_CACHE:

        _TITLE_REFERENCE_CACHE["h"] = re.compile(rf"^(?P<type>{type_words()})\s+(?:(?:{_urgency()})\s+)?(?:{_framing_words('subject_words')})\s")
    for line in lines[:2]:
        match = _TITLE_REFERENCE_CACHE["h"].match(fold(squeeze(line)))
        entry = _announced_entry(match.group("type")) if match else None
        if entry:
            return {"doc_type": Found(entry, Clue("page-heading-type", squeeze(line)[:300], 0.5))}
    return {}


def _urgency() -> str:
    return "|".join(fold(w) for w in load_yaml("framing.yml")["urgency_words"])


def announced_fields(lines: list[str], published: str | None = None) -> dict[str, Found]:
    """The type a reprint's opening announces without a number ("UBND tỉnh vừa có công văn yêu cầu …"),
    and the date opening that sentence ("Chiều 22/5, UBND tỉnh ban hành Quyết định về …")."""
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            entry = _announced_entry(announced_type(sentence))
            if entry and not _citation_before(sentence):
                clue = Clue("reprint-announced-type", squeeze(sentence)[:300], 0.5)
                found = {"doc_type": Found(entry, clue)}
                date = _date_before(sentence, fold(sentence), announcement_at(sentence), published)
                if date:
                    found["issued_date"] = Found(date, Clue("reprint-announced-date", clue.text, 0.5))
                return found
    return {}


def _announced_entry(words: str | None) -> dict | None:
    """The type an announcement names; none for "văn bản", which any type is."""
    if not words or words in {fold(w) for w in load_yaml("framing.yml")["document_words"]}:
        return None
    return _type_entry(words)


def _citation_before(sentence: str) -> bool:

    folded = fold(sentence)
    return bool(citation_cue().search(folded[:announcement_at(sentence)]))


HEADING_TYPE_CONFIDENCE = 0.6  # the site's heading, written by its editor, names the type


def site_heading_type(framing: list[str], number: DocNumber | None) -> Found | None:
    """The type a website's heading above the document names ("Quy định 05-QĐ/TU năm 2021 về …",
    "Công điện khẩn về …"), where the copy has no type line; None when the heading names another
    document's number than the copy's."""

    for line in framing:
        if not looks_like_site_heading(line):
            continue
        folded = fold(squeeze(line))
        match = re.match(rf"^(?P<type>{type_words()})\b", folded)
        entry = _type_entry(match.group("type")) if match else None
        named = parse_number(line[match.end():match.end() + 60].strip()) if match else None
        if named and number and fold(named.text).replace(" ", "") != fold(number.text).replace(" ", ""):
            return None
        if entry:
            return Found(entry, Clue("page-heading-type", squeeze(line)[:300], HEADING_TYPE_CONFIDENCE))
    return None
