"""Dates: the issue date (from the place-and-date line only) and the meeting reported.

Accepted forms: ``ngày 17 tháng 01 năm 2022``, ``17/01/2022``, ``02/8/2021``,
``17-01-2022``, ``03.11.2023``; year-less ``ngày 10/12`` takes the notice's year.
Dates are validated (no 31/02); a date in brackets marked ``Âm lịch`` is lunar
and never read as a Gregorian date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from ..data_files import load_yaml
from ..model import CleanDocument, Clue, Found
from ..vietnamese.date_grammar import date_word, spellings, verbal_date
from .textutil import UPPER, WordPattern, alternatives, fold, squeeze

_NUMERIC = WordPattern(r"(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2})(?![\d/])", extra="/.-")
_YEARLESS = WordPattern(r"(\d{1,2})/(\d{1,2})(?![\d/]|[a-z%])", extra="/.")


@functools.lru_cache(maxsize=None)
def _verbal() -> re.Pattern[str]:
    """"ngày 17 tháng 01(,) năm 2022" in folded text."""
    return re.compile(verbal_date("folded", before_year=r",?\s*") + r"(?!\d)")


@functools.lru_cache(maxsize=None)
def _date_line_pattern() -> re.Pattern[str]:
    """"Quảng Ninh, ngày 17 tháng 01 năm 2022": a capitalised place of 1–5 words, a comma, a date.

    Not ``verbal_date``: it matches the written text (the place's capitals matter), the day word
    may be missing, and each of the other two words may stand as a figure sign ("17/01/2022",
    "ngày 17 tháng 01/2022"); the words are the same ones (``date_word``)."""
    day, month, year = (date_word(part, "written") for part in ("day", "month", "year"))
    return re.compile(
        r"(?P<place>(?:[" + UPPER + rf"][\w.'-]*\s*){{1,5}}),\s*(?:(?:{day})\s*)?"
        rf"(?P<date>\d{{1,2}}\s*(?:{month}|/|-|\.)\s*\d{{1,2}}\s*(?:,?\s*(?:{year})|/|-|\.)\s*(?:19|20)\d{{2}})")


# --- the words around dates (data/dates.yml), compiled once ----------------------------


def _words() -> dict:
    return load_yaml("dates.yml")



@functools.lru_cache(maxsize=None)
def _lunar_marker() -> str:
    return fold(_words()["lunar_marker"])


@functools.lru_cache(maxsize=None)
def _lunar_after() -> re.Pattern[str]:
    return re.compile(r"^[^()]{0,12}" + r"\s*".join(map(re.escape, _lunar_marker().split())))


@functools.lru_cache(maxsize=None)
def _adopted() -> re.Pattern[str]:
    return re.compile(re.escape(fold(_words()["adoption_phrase"])) + " " + verbal_date("folded"))


@functools.lru_cache(maxsize=None)
def _meeting_title() -> re.Pattern[str]:
    words = _words()["meeting_title"]
    prepositions, meetings = (alternatives(words[key], folded=True) for key in ("prepositions", "meetings"))
    return re.compile(rf"(?:{prepositions})\s+(?:{re.escape(fold(words['quantifier']))}\s+)?"
                      rf"(?:{meetings})[^.;]{{0,80}}?(?:{date_word('day')})\s*$")


@functools.lru_cache(maxsize=None)
def _meeting_opening() -> re.Pattern[str]:
    times = alternatives(_words()["meeting_opening"]["times_of_day"], folded=True)
    return re.compile(rf"^\W*(?:(?:{times})\s+)?(?:{date_word('day')})\s*$")


@functools.lru_cache(maxsize=None)
def _meeting_words() -> re.Pattern[str]:
    activities = alternatives(_words()["meeting_opening"]["activity_words"], folded=True)
    return re.compile(rf"\b(?:{activities})\b")


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    has_year: bool = True


def make_date(day: int, month: int, year: int) -> str | None:
    """ISO date, or None when the calendar has no such day (31/02) or the year is implausible."""
    if not 1945 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_lunar(folded: str, end: int) -> bool:
    """A date followed by "Âm lịch" (inside the same brackets) is a lunar date."""
    return bool(_lunar_after().match(folded[end:end + 30]))


def find_dates(text: str, folded: str | None = None, default_year: int | None = None,
               yearless_after_ngay: bool = True) -> Iterator[DateMatch]:
    """Every valid Gregorian date in ``text``, in order; year-less ones ("10/12") only with
    ``default_year`` and, unless the caller has read a cue already, after "ngày"."""
    folded = fold(text) if folded is None else folded
    found: list[DateMatch] = []
    for match in _verbal().finditer(folded):
        iso = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso and not is_lunar(folded, match.end()):
            found.append(DateMatch(iso, match.start(1), match.end()))
    for match in _NUMERIC.finditer(folded):
        iso = make_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if iso and not is_lunar(folded, match.end()) and not _overlaps(found, match.start()):
            found.append(DateMatch(iso, match.start(), match.end()))
    if default_year:
        for match in _YEARLESS.finditer(folded):
            if _overlaps(found, match.start()):
                continue
            if yearless_after_ngay and not folded[max(0, match.start() - 6):match.start()].strip().endswith(spellings("day")):
                continue
            iso = make_date(int(match.group(1)), int(match.group(2)), default_year)
            if iso and not is_lunar(folded, match.end()) and not _inside_lunar_brackets(folded, match.start()):
                found.append(DateMatch(iso, match.start(), match.end(), has_year=False))
    return iter(sorted(found, key=lambda d: d.start))


def _overlaps(found: list[DateMatch], position: int) -> bool:
    return any(d.start <= position < d.end for d in found)


def _inside_lunar_brackets(folded: str, position: int) -> bool:
    opening = folded.rfind("(", 0, position)
    if opening < 0 or folded.rfind(")", opening, position) >= 0:
        return False
    closing = folded.find(")", position)
    return _lunar_marker() in folded[opening:closing if closing >= 0 else position + 30]


def parse_date(text: str) -> str | None:
    """The first date in a short piece of text."""
    return next((d.iso for d in find_dates(text)), None)


# --- the issue date -------------------------------------------------------------------


def date_line(line: str) -> tuple[str, str] | None:
    """(place, ISO date) when ``line`` holds a place-and-date line, else None."""
    match = _date_line_pattern().search(squeeze(line))
    if not match:
        return None
    iso = parse_date(match.group("date")) or _verbal_without_ngay(match.group("date"))
    if not iso:
        return None
    return squeeze(match.group("place")), iso


def _verbal_without_ngay(text: str) -> str | None:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return make_date(*numbers) if len(numbers) == 3 else None


@dataclass(frozen=True)
class IssuedDate:
    """The date a notice was issued and the place its date line names ("" when none)."""

    date: str  # ISO
    place: str


def issued_date(document: CleanDocument) -> Found[IssuedDate] | None:
    """The issue date and place, with the line read, from the place-and-date line, else None.

    The header is the normal place. Consolidated texts (văn bản hợp nhất) date their
    authentication block at the end, and laws are dated by the adoption sentence
    ("thông qua ngày …"); both are read from the last blocks. Dates in the body are
    never issue dates.
    """
    for line in document.header_lines:
        found = date_line(line)
        if found:
            return Found(IssuedDate(found[1], found[0]), Clue("header-date-line", squeeze(line), 0.95))
    from .numbers import authentication_windows

    texts = [b.text for b in document.blocks]
    nearby = authentication_windows(texts + document.recipients)
    for rule, lines, confidence in (("early-date-line", texts[:15], 0.85),
                                    ("authentication-date-line", nearby, 0.85),
                                    ("closing-date-line", texts[-8:][::-1], 0.8),
                                    ("signature-date-line", document.signature_lines[:6], 0.8)):
        for line in lines:
            text = squeeze(line)
            found = date_line(text) if len(text) <= 80 else None
            if found and _looks_like_date_line(text):
                return Found(IssuedDate(found[1], found[0]), Clue(rule, text, confidence))
    for block in reversed(document.blocks[-8:]):
        match = _adopted().search(fold(block.text))
        if match:
            iso = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if iso:
                return Found(IssuedDate(iso, ""), Clue("adoption-sentence", squeeze(block.text)[:200], 0.8))
    return None


def _looks_like_date_line(text: str) -> bool:
    """Only a place and a date: no sentence around it."""
    return bool(_date_line_only().fullmatch(squeeze(text)))


@functools.lru_cache(maxsize=None)
def _date_line_only() -> re.Pattern[str]:
    return re.compile(r"[^.;:]{0,40},\s*" + verbal_date("written", r"[\s\d]+", r"[\s\d]+", r"\s*\d{4}", gap="") + r"\.?")


# --- the meeting date --------------------------------------------------------------------


def meeting_date(document: CleanDocument) -> Found[str] | None:
    """The ISO date of the meeting the notice reports, with the text read, else None.

    Read from the title ("… tại hội nghị ngày 17/01/2022") or from the opening of the
    body ("Ngày 05/02/2021, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị …").
    """
    title = squeeze(" ".join(document.title_lines))
    folded = fold(title)
    for found in find_dates(title, folded):
        if _meeting_title().search(folded[max(0, found.start - 120):found.start]):
            return Found(found.iso, Clue("meeting-phrase", title, 0.9))
    for block in document.blocks[:3]:
        text = block.text
        folded = fold(text)
        for found in find_dates(text, folded):
            before = folded[max(0, found.start - 120):found.start]
            sentence_end = folded.find(".", found.end)
            sentence = folded[found.end:sentence_end if sentence_end > 0 else len(folded)]
            if _meeting_opening().search(before) and _meeting_words().search(sentence):
                return Found(found.iso, Clue("meeting-phrase", squeeze(text[:found.end + 120]), 0.85))
            if _meeting_title().search(before):
                return Found(found.iso, Clue("meeting-phrase", squeeze(text[max(0, found.start - 80):found.end]), 0.8))
    return None
