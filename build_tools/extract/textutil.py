"""Text helpers shared by the extractors: length-preserving folding, patterns, sentences.

Every extractor matches on *folded* text (lowercase, no diacritics, đ → d) so that
tone placement (hoà/hòa), OCR mark noise and capitals do not matter, then reads
the original text at the same offsets. ``fold`` therefore maps one character to
exactly one character: an offset in the folded text is an offset in the original.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Iterator

from ..data_files import load_yaml
from .fast_regex import compile_fast
from . import lead_index
from ..vietnamese.fold import LOWER_CLASS, UPPER_CLASS, fold_chars, is_all_caps  # noqa: F401 (is_all_caps: re-exported)

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 4096


def _fold_uncached(text: str) -> str:
    # vietnamese.fold's rule, one character for one; then the punctuation extraction treats as one
    folded = fold_chars(text)
    for dash in DASHES:
        if dash in folded:
            folded = folded.replace(dash, "-")
    return folded.replace("\xa0", " ") if "\xa0" in folded else folded


def fold(text: str) -> str:
    """Lowercase, strip diacritics, đ/Đ/Ð → d, dashes → "-"; same length as ``text``.

    Results are cached per document (see ``remember_folds``), so the body, its blocks
    and the sentences cut from them are folded once.
    """
    cached = _CACHE.get(text)
    if cached is None:
        cached = _fold_uncached(text)
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[text] = cached
    return cached


def remember_folds(body: str, pieces: list[str]) -> str:
    """Fold a document's body once and file each block's slice under the block's text."""
    _CACHE.clear()
    folded = fold(body)
    position = 0
    for piece in pieces:
        _CACHE[piece] = folded[position:position + len(piece)]
        position += len(piece) + 1
    return folded


def fold_pattern(pattern: str) -> str:
    """Fold the letters of a regular expression written in Vietnamese, not its escapes.

    Spaces in the pattern match any run of white space, so a phrase split over a
    line break by the source still matches.
    """
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index:index + 2])
            index += 2
            continue
        if pattern.startswith("(?P<", index):  # a named group: its name is not text
            close = pattern.index(">", index)
            out.append(pattern[index:close + 1])
            index = close + 1
            continue
        if char == " ":
            out.append(r"\s+")
        else:
            out.append(fold(char))
        index += 1
    return "".join(out)


class WordPattern:
    """A compiled pattern whose matches must not start inside a word.

    The left edge is checked by hand: a leading look-behind such as ``(?<!\\w)`` stops
    the regex engine from scanning for the pattern's literal prefix, which makes a
    search about twenty times slower.
    """

    __slots__ = ("regex", "extra")

    def __init__(self, pattern: str | re.Pattern, extra: str = "", spans_only: bool = False):
        if isinstance(pattern, re.Pattern):
            self.regex = pattern
        else:  # spans_only: groups are never read, so compile for speed (same matches)
            self.regex = compile_fast(pattern) if spans_only else re.compile(pattern)
        self.extra = extra  # characters that also may not precede a match (e.g. "/.-")

    def _clear_left(self, text: str, start: int) -> bool:
        if start == 0:
            return True
        before = text[start - 1]
        return not (before.isalnum() or before == "_" or before in self.extra)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        for match in self.regex.finditer(text, pos, end):
            if self._clear_left(text, match.start()):
                yield match

    def finditer_at(self, text: str, starts: list[int], pos: int = 0, endpos: int | None = None):
        """``finditer`` trying only the positions of ``starts``, where every match must begin
        (``lead_index.LeadIndex``): the same matches, without a scan of the whole text."""
        for match in lead_index.finditer_at(self.regex, text, starts, pos, endpos):
            if self._clear_left(text, match.start()):
                yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        end = len(text) if endpos is None else endpos
        match = self.regex.search(text, pos, end)
        while match is not None and not self._clear_left(text, match.start()):
            match = self.regex.search(text, match.start() + 1, end)
        return match


def compile_folded(patterns: list[str] | tuple[str, ...], whole: bool = False, spans_only: bool = False
                   ) -> WordPattern | re.Pattern | None:
    """One alternation of folded patterns, bounded by word edges; None when the list is empty.

    ``spans_only``: the matches' start and end are all the caller reads, never their groups, so the
    pattern may be compiled for speed (``fast_regex.compile_fast``: the same matches, no captures).
    """
    if not patterns:
        return None
    body = "|".join(f"(?:{fold_pattern(p)})" for p in patterns)
    if whole:
        return re.compile(rf"^(?:{body})$")
    return WordPattern(rf"(?:{body})(?![\w])", spans_only=spans_only)


def any_of(patterns: list[str] | None) -> re.Pattern | None:
    """Patterns of a data file, already written for folded text, as one alternation; None when none."""
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def alternatives(words: Iterable[str], folded: bool = False) -> str:
    """Words of a vocabulary as one regex alternation, in the order the data gives them (folded
    first when the pattern is matched on folded text)."""
    return "|".join(re.escape(fold(word) if folded else word) for word in words)


def squeeze(text: str) -> str:
    """Collapse white space runs to one space and strip."""
    return " ".join(text.split())


def normalise_symbols(text: str) -> str:
    """Ð (U+00D0, eth) → Đ, all dashes → "-", NFC: what numbers and codes are compared on."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    for char in DASHES:
        text = text.replace(char, "-")
    return text


# --- sentences -------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(\-–]?\s*[A-ZĐÀ-Ỹ0-9])|\n")


_LABEL_ONLY = re.compile(r"\W*(?:[\dIVXLCivxlc]{1,4}|[a-zđ])[.)]?")


@functools.lru_cache(maxsize=None)
def _abbreviation() -> re.Pattern[str]:
    """A piece ending in an abbreviation's full stop: initials ("UBND.") or a word of structure.yml
    ``unfinished_abbreviations`` ("TP.", "ThS.")."""
    words = "|".join(map(re.escape, load_yaml("structure.yml")["unfinished_abbreviations"]))
    return re.compile(rf"(?:^|\s)(?:[A-ZĐ]{{1,3}}|{words})\.$")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? before a capital, and at line ends —
    but not after an item label ("2.", "a)") or an abbreviation ("TP. Hồ Chí Minh")."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        piece = text[start:end]
        if text[end:end + 1] != "\n" and (_LABEL_ONLY.fullmatch(piece.strip()) or _abbreviation().search(piece)):
            continue
        if piece.strip():
            yield _trim(text, start, end)
        start = match.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(text: str, offset: int, reach: int = 1500) -> tuple[int, int]:
    """The sentence of ``text`` that contains ``offset`` (looking at most ``reach`` characters
    either way, so it costs the same in a 2 KB notice and a 200 KB decree)."""
    low = max(0, offset - reach)
    high = min(len(text), offset + reach)
    start = low
    for span_start, span_end in sentence_spans(text[low:high]):
        if low + span_start <= offset < low + span_end or offset < low + span_start:
            return low + span_start, low + span_end
    return _trim(text, start, high)


UPPER = UPPER_CLASS  # regular-expression classes of the Vietnamese letters (vietnamese.fold)
LOWER = LOWER_CLASS
