"""Cited documents, found and resolved the way eyecite does it for case law.

A full mention names the type, number, date and issuer ("Nghị quyết số 68/NQ-CP ngày
01/7/2021 của Chính phủ"); an unnumbered one names type, date and issuer ("Điện ngày
21/7/2021 của Thường trực Ban Bí thư"). Later mentions ("Nghị quyết 68", the same
number again, with or without its year) resolve to the first one's key.

Keys are stable across notices so that a cited document's page can gather every
notice citing it: ``<type code>-<number as written, slugged>`` — the year is part of
the key only when the number carries it (23/2021/QĐ-TTg); a year read from a date
is folded out, because other notices cite the same document without its date.
Numbers of provincial bodies (…/TU, …/NQ-HĐND, …/BC-BCĐ) are only unique within a
province, so their keys end with the province code.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..data_files import load_yaml
from ..model import Citation, Clue, DocNumber, Found
from ..vietnamese.date_grammar import date_word
from .dates import find_dates
from .numbers import parse_number
from .textutil import WordPattern, alternatives, fold, sentence_around, squeeze
from .vocab import doc_types, folded_number_label, issuers

_CODE = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_NUMBER_IN_TEXT = WordPattern(
    rf"\d{{1,5}}(?:\.\d{{1,3}})?(?:\s?/\s?(?:19|20)\d{{2}})?\s?/\s?{_CODE}(?:\s?-\s?{_CODE})*(?![\w-])"
    rf"|\d{{1,5}}-[A-ZĐ][A-Za-zĐđ]{{0,5}}/{_CODE}(?:-{_CODE})*(?![\w-])", extra="/.-")


@functools.lru_cache(maxsize=None)
def _words() -> dict[str, Any]:
    """data/citations.yml: the words around a citation (folded)."""
    return load_yaml("citations.yml")


def _label() -> str:
    """" số:" between a type and its number, optional (folded)."""
    return rf"(?:\s+{folded_number_label()}\s*:?)?\s*"


@functools.lru_cache(maxsize=None)
def _date_after_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{re.escape(_words()['issued_word'])}\s+)?(?:{date_word('day')})\s*")


@functools.lru_cache(maxsize=None)
def _issuer_after_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{alternatives(_words()['issuer_words'])})\s+")


@functools.lru_cache(maxsize=None)
def _issuer_stop() -> re.Pattern[str]:
    words = _words()
    return re.compile(rf",(?!\s*{re.escape(words['comma_inside_before'])}\b)|[;.():\n“\"]"
                      rf"|\s(?:{alternatives(words['issuer_stop_words'])})\s")


@functools.lru_cache(maxsize=None)
def _local_issuer() -> re.Pattern[str]:
    return re.compile(rf"\b({alternatives(_words()['local_issuer_words'])})\b")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    type_name: str | None
    number: DocNumber | None
    date: str | None
    issuer: str | None
    short_form: bool = False
    short_number: str | None = None


@functools.lru_cache(maxsize=1)
def _type_words() -> re.Pattern:
    words = sorted(doc_types().citation_words, key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?P<word>{'|'.join(re.escape(w) for w in words)}){_label()}$")


@functools.lru_cache(maxsize=1)
def _short_form() -> re.Pattern:
    words = sorted(doc_types().citation_words, key=len, reverse=True)
    return WordPattern(rf"(?P<word>{'|'.join(re.escape(w) for w in words)})\s+(?:{folded_number_label()}\s+)?(?P<n>\d{{1,5}})"
                       r"(?![\d/.-]|\s?/\s?[A-Z0-9])")


@functools.lru_cache(maxsize=1)
def _unnumbered() -> re.Pattern:
    words = sorted((w for w, name in doc_types().citation_words.items() if name in doc_types().unnumbered),
                   key=len, reverse=True)
    return WordPattern(rf"(?P<word>{'|'.join(re.escape(w) for w in words)})\s+(?=(?:{date_word('day')})\s*\d)")


def _type_name_for(number: DocNumber) -> str | None:
    found = doc_types().from_code(number.type_code, party=number.form == "party") if number.type_code else None
    return found["name"] if found else None


def _date_after(text: str, folded: str, position: int) -> tuple[str | None, int]:
    match = _date_after_pattern().match(folded, position)
    if not match:
        return None, position
    for found in find_dates(text[match.end():match.end() + 30], folded[match.end():match.end() + 30]):
        if found.start == 0:
            return found.iso, match.end() + found.end
        break
    return None, position


def _issuer_after(text: str, folded: str, position: int) -> tuple[str | None, int]:
    match = _issuer_after_pattern().match(folded, position)
    if not match or not text[match.end():match.end() + 1].isupper():
        return None, position
    window = folded[match.end():match.end() + 90]
    stop = _issuer_stop().search(window)
    end = match.end() + (stop.start() if stop else len(window))
    issuer = squeeze(text[match.end():end])
    return (issuer, end) if issuer else (None, position)


def _full_mentions(text: str, folded: str) -> list[_Mention]:
    mentions = []
    for match in _NUMBER_IN_TEXT.finditer(text):
        number = parse_number(match.group(0))
        if number is None:
            continue
        start = match.start()
        type_name = None
        before = _type_words().search(folded, max(0, start - 40), start)
        if before:
            word_type = doc_types().citation_words[before.group("word")]
            start = before.start()
            type_name = word_type if word_type != doc_types().letter_type or not number.type_code else None
        type_name = type_name or _type_name_for(number) or (doc_types().letter_type if number.form == "state" else None)
        if before is None and not number.type_code:
            continue  # a bare "2279/UBND-VX" with no type word is too weak to call a citation
        date, end = _date_after(text, folded, match.end())
        issuer, end = _issuer_after(text, folded, end)
        mentions.append(_Mention(start, end, type_name, number, date, issuer))
    return mentions


def _unnumbered_mentions(text: str, folded: str, taken: list[tuple[int, int]]) -> list[_Mention]:
    mentions = []
    for match in _unnumbered().finditer(folded):
        if not text[match.start()].isupper() or any(s <= match.start() < e for s, e in taken):
            continue
        date, end = _date_after(text, folded, match.end("word"))
        issuer, end = _issuer_after(text, folded, end)
        if date and issuer:
            mentions.append(_Mention(match.start(), end, doc_types().citation_words[match.group("word")], None,
                                     date, issuer))
    return mentions


def _short_mentions(text: str, folded: str, taken: list[tuple[int, int]]) -> list[_Mention]:
    mentions = []
    for match in _short_form().finditer(folded):
        if any(s <= match.start() < e for s, e in taken):
            continue
        mentions.append(_Mention(match.start(), match.end(), doc_types().citation_words[match.group("word")], None,
                                 None, None, short_form=True, short_number=match.group("n")))
    return mentions


# --- keys -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def is_local_code(issuer_code: str | None) -> bool:
    """Codes of provincial bodies (TU, UBND, HĐND, BCĐ, …) or unknown departments."""
    if not issuer_code:
        return True
    rule = issuers().by_code(issuer_code.split("-")[0])
    return rule is None or rule.scope == "provincial"


def type_code_for(type_name: str | None) -> str:
    entry = doc_types().by_name.get(type_name or "")
    return entry["code"] if entry else "vb"


def number_key(number: DocNumber, type_name: str | None, province: str | None) -> str:
    """"nq-68-nq-cp", "qd-23-2021-qd-ttg", "ct-18-ct-tu-quang-ninh"."""
    key = f"{_slug(type_code_for(type_name))}-{_slug(number.text)}"
    if is_local_code(number.issuer_code) and province:
        key += f"-{province}"
    return key


def _is_local_issuer(issuer: str | None) -> bool:
    return bool(issuer) and bool(_local_issuer().search(fold(issuer)))


def unnumbered_key(type_name: str | None, date: str, issuer: str | None, province: str | None) -> str:
    key = f"{_slug(type_name or 'van-ban')}-{date}-{_slug(issuer or '')}".rstrip("-")
    if _is_local_issuer(issuer) and province:
        key += f"-{province}"
    return key


def _base(number: DocNumber, type_name: str | None) -> tuple:
    """What two mentions of one document share even when one omits the year."""
    return (type_code_for(type_name), number.number, fold(number.type_code or ""), fold(number.issuer_code or ""))


def _central_issuer_name(number: DocNumber | None) -> str | None:
    if number is None or is_local_code(number.issuer_code):
        return None
    rule = issuers().by_code(number.issuer_code.split("-")[0])
    return rule.name if rule else None


# --- resolution ----------------------------------------------------------------------------------


def citations(body_text: str, province: str | None) -> Found[list[Citation]] | None:
    """Every citation in ``body_text``, in order, with its clue; None when the body cites nothing."""
    found = citation_list(body_text, province)
    return Found(found, Clue("citation-patterns", f"{len(found)} mentions", 0.9)) if found else None


def citation_list(body_text: str, province: str | None) -> list[Citation]:
    """Every citation in ``body_text``, in order, with offsets into it and resolved keys."""
    folded = fold(body_text)
    full = _full_mentions(body_text, folded)
    taken = [(m.start, m.end) for m in full]
    unnumbered = _unnumbered_mentions(body_text, folded, taken)
    taken += [(m.start, m.end) for m in unnumbered]
    short = _short_mentions(body_text, folded, taken)
    result: list[Citation] = []
    by_base: dict[tuple, str] = {}
    by_short: dict[tuple[str, str], str] = {}
    seen: set[str] = set()
    for mention in sorted(full + unnumbered + short, key=lambda m: m.start):
        key = _resolve(mention, province, by_base, by_short)
        if key is None:
            continue
        sentence = sentence_around(body_text, mention.start)
        result.append(Citation(
            type=mention.type_name,
            number=mention.number.text if mention.number else (mention.short_number if mention.short_form else None),
            date=mention.date,
            issuer=mention.issuer or _central_issuer_name(mention.number),
            text=squeeze(body_text[mention.start:mention.end]),
            offset=mention.start,
            key=key,
            short=key in seen,
            sentence=squeeze(body_text[sentence[0]:sentence[1]]),
        ))
        seen.add(key)
    return result


def _resolve(mention: _Mention, province: str | None, by_base: dict, by_short: dict) -> str | None:
    if mention.short_form:
        return by_short.get((mention.type_name or "", mention.short_number or ""))
    if mention.number is not None:
        base = _base(mention.number, mention.type_name)
        key = by_base.get(base) or number_key(mention.number, mention.type_name, province)
        by_base.setdefault(base, key)
        by_short.setdefault((mention.type_name or "", mention.number.number), key)
        return key
    return unnumbered_key(mention.type_name, mention.date or "", mention.issuer, province)


def citation_key_for_number(number_text: str, type_name: str | None, province: str | None) -> str | None:
    """The key a citation of the document with this number would get (for archive look-ups)."""
    number = parse_number(number_text)
    if number is None:
        return None
    return number_key(number, type_name or _type_name_for(number), province)

