"""Words, document numbers and queries, exactly as ``archive-search.js`` reads them.

A word is a run of letters and digits. A document number (68/NQ-CP, 2927-TB/TU,
23/2021/QĐ-TTg) is a run of words joined by "/" or "-" that starts with a digit
and contains a "/": it is indexed as one term *and* as its words, so both
"68/nq-cp" and "nq cp" find it. Terms are folded (see ``fold``); the accented
lowercase form ("variant") is kept beside them so exact-diacritic matches can
rank first.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..vietnamese.fold import fold, has_diacritics, lower_same_length

MAX_TERM_LENGTH = 40  # longer runs are OCR debris or identifiers nobody types

WORD = re.compile(r"[^\W_]+")
COMPOUND = re.compile(r"[^\W_]+(?:[/-][^\W_]+)*")
# A compound that starts with a digit, not preceded by a word or a joined word.
NUMBER_START = re.compile(r"(?<![^\W_])(?<![^\W_][/-])[0-9][^\W_]*(?:[/-][^\W_]+)*")
JOINERS = re.compile(r"[/-]")


def is_number(compound: str) -> bool:
    return "/" in compound and "0" <= compound[0] <= "9"


def variant_counts(text: str) -> Counter:
    """How often each accented lowercase form (word or document number) occurs in ``text``."""
    lower = lower_same_length(text)
    counts = Counter(WORD.findall(lower))
    counts.update(n for n in NUMBER_START.findall(lower) if "/" in n)
    for variant in [v for v in counts if len(v) > MAX_TERM_LENGTH]:
        del counts[variant]
    return counts


def tokens(text: str) -> list[str]:
    """The folded terms of ``text`` in order (numbers before their words): for tests and phrase checks."""
    out: list[str] = []
    for compound in COMPOUND.findall(fold(text)):
        if is_number(compound):
            out.append(compound)
        out.extend(JOINERS.split(compound))
    return [t for t in out if len(t) <= MAX_TERM_LENGTH]


def word_sequence(text: str) -> list[str]:
    """Folded words only, in order: what a quoted phrase must match adjacently."""
    return WORD.findall(fold(text))


# --- queries --------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    term: str  # folded: what is looked up
    form: str  # lowercase as typed: compared with variants when it carries accents
    prefix: bool = False  # the reader is still typing it

    @property
    def accented(self) -> bool:
        return has_diacritics(self.form)


@dataclass(frozen=True)
class Query:
    words: tuple[QueryWord, ...]  # every one must match
    phrases: tuple[tuple[QueryWord, ...], ...]  # each must occur adjacently, in order


def _query_words(segment: str, numbers_whole: bool) -> list[QueryWord]:
    words = []
    for compound in COMPOUND.findall(lower_same_length(segment)):
        parts = [compound] if numbers_whole and is_number(compound) else JOINERS.split(compound)
        words.extend(QueryWord(fold(p), p) for p in parts if len(p) <= MAX_TERM_LENGTH)
    return words


def parse_query(text: str, prefix: bool = True) -> Query:
    """Split ``text`` into required words and "quoted phrases".

    The last word is a prefix when ``prefix`` is set and the text does not end in
    a space or a closing quote, so results follow the reader as they type. An
    unclosed quote still makes a phrase.
    """
    segments = text.split('"')
    words: list[QueryWord] = []
    phrases: list[list[QueryWord]] = []
    last_owner: list[QueryWord] | None = None
    for index, segment in enumerate(segments):
        in_phrase = index % 2 == 1
        found = _query_words(segment, numbers_whole=not in_phrase)
        if in_phrase and len(found) > 1:
            phrases.append(found)
        words.extend(found)
        if found:
            last_owner = phrases[-1] if in_phrase and len(found) > 1 else None
    typing = prefix and bool(words) and text[-1:].strip() != "" and not text.endswith('"')
    if typing:
        last = words[-1]
        words[-1] = QueryWord(last.term, last.form, prefix=True)
        if last_owner is not None and last_owner[-1] is last:
            last_owner[-1] = words[-1]
    return Query(_unique(words), tuple(tuple(p) for p in phrases))


def _unique(words: list[QueryWord]) -> tuple[QueryWord, ...]:
    """One entry per term; a finished word wins over the same word as a prefix."""
    by_term: dict[str, QueryWord] = {}
    for word in words:
        kept = by_term.get(word.term)
        if kept is None or (kept.prefix and not word.prefix):
            by_term[word.term] = word
    return tuple(by_term.values())
