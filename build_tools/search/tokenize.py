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
from dataclasses import dataclass, replace

from ..vietnamese.fold import fold, has_diacritics, lower_same_length, nfc

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


# Two words form an adjacent pair when only spaces, "-" or "/" stand between them: a comma,
# a full stop or a bracket ends the phrase (no pair across "Quảng Ninh, Vân Đồn").
PAIR_GAP = re.compile(r"[\s/-]*")
PAIR_BREAK = re.compile(r"[^\s/-](?<![^\W_])")  # any character between words that is not a space or joiner


def _is_titled(word: str) -> bool:
    """Written like a name syllable: a capital, then lowercase ("Đồn", "A"), not ALL CAPS."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _is_capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper()


KEPT, CAPITALS, TITLED = 1, 2, 4  # a word's flags: short enough to index, ALL CAPS, written as a name syllable
WORD_SPLIT = re.compile(r"([^\W_]+)")  # split() gives gap, word, gap, word, …, gap


class _Cache(dict):
    """A value computed on first sight (``rule``), then looked up at C speed; bounded against OCR debris."""

    def __init__(self, rule, limit: int = 400_000):
        super().__init__()
        self._rule, self._limit = rule, limit

    def __missing__(self, key: str) -> int:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._rule(key)
        return value


_FLAGS = _Cache(lambda word: ((len(word) <= MAX_TERM_LENGTH) * KEPT | _is_capitals(word) * CAPITALS
                              | _is_titled(word) * TITLED))  # a name syllable is never ALL CAPS
_GAPS = _Cache(lambda gap: KEPT | CAPITALS | TITLED if PAIR_GAP.fullmatch(gap) else 0)  # a pair's gap keeps every flag


def pair_counts(text: str) -> tuple[Counter, Counter, Counter]:
    """Adjacent word pairs of ``text`` as accented lowercase "a b": (all, written as a name, written in mixed case).

    The last two counts let the index tell names ("Vân Đồn") from ordinary words
    ("văn đơn") for accent-free queries; ALL CAPS headings vote for neither.
    """
    return pair_counts_of((text,))


def pair_counts_of(texts) -> tuple[Counter, Counter, Counter]:
    """``pair_counts`` summed over several texts; a pair never spans two of them.

    Two consecutive words pair when only spaces, "-" or "/" stand between them (``PAIR_GAP``).
    Counting every pair of every notice was most of what the index cost to build, so this works
    on whole lists: words' flags and gaps are looked up in caches, lowercase is one call per text.
    """
    every: list[str] = []
    titled: list[str] = []
    cased: list[str] = []
    for text in texts:
        parts = WORD_SPLIT.split(nfc(text))
        words = parts[1::2]
        if len(words) < 2:
            continue
        lower = lower_same_length("\0".join(words)).split("\0")  # one character for one: same words
        flags = [_FLAGS[word] for word in words]
        both = [a & b & _GAPS[gap] for a, b, gap in zip(flags, flags[1:], parts[2:-1:2])]
        pairs = [(f"{a} {b}", x) for a, b, x in zip(lower, lower[1:], both) if x & KEPT]
        every.extend(pair for pair, _ in pairs)
        cased.extend(pair for pair, x in pairs if not x & CAPITALS)
        titled.extend(pair for pair, x in pairs if x & TITLED)
    return Counter(every), Counter(titled), Counter(cased)


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
    pairs: tuple[QueryWord, ...] = ()  # consecutive words as one "a b" term: found adjacent, they rank first
    ordered: tuple[QueryWord, ...] = ()  # every word as typed, in order (a word may repeat)

    @property
    def chained(self) -> bool:
        """Every two consecutive words make a pair: the whole query can stand as one run of words."""
        return len(self.ordered) > 1 and len(self.pairs) == len(self.ordered) - 1


@dataclass(frozen=True)
class _Typed:
    word: QueryWord
    start: int
    end: int
    pairable: bool  # a plain word, not a whole document number


def _query_words(text: str, start: int, end: int, numbers_whole: bool) -> list[_Typed]:
    words = []
    for match in COMPOUND.finditer(text, start, end):
        compound = match.group()
        if numbers_whole and is_number(compound):
            if len(compound) <= MAX_TERM_LENGTH:
                words.append(_Typed(QueryWord(fold(compound), compound), match.start(), match.end(), False))
            continue
        offset = match.start()
        for part in JOINERS.split(compound):
            if len(part) <= MAX_TERM_LENGTH:
                words.append(_Typed(QueryWord(fold(part), part), offset, offset + len(part), True))
            offset += len(part) + 1
    return words


def pair_word(first: QueryWord, second: QueryWord) -> QueryWord:
    """Two consecutive query words as the pair term the index holds ("lang son")."""
    return QueryWord(f"{first.term} {second.term}", f"{first.form} {second.form}", prefix=second.prefix)


def parse_query(text: str, prefix: bool = True) -> Query:
    """Split ``text`` into required words, "quoted phrases" and adjacent pairs.

    The last word is a prefix when ``prefix`` is set and the text does not end in
    a space or a closing quote, so results follow the reader as they type. An
    unclosed quote still makes a phrase. Spacing never matters: only the words,
    their order and the punctuation between them do.
    """
    lowered = lower_same_length(text)
    typed: list[_Typed] = []
    phrases: list[list[int]] = []  # indices into typed
    position = 0
    for index, segment in enumerate(lowered.split('"')):
        in_phrase = index % 2 == 1
        found = _query_words(lowered, position, position + len(segment), numbers_whole=not in_phrase)
        if in_phrase and len(found) > 1:
            phrases.append(list(range(len(typed), len(typed) + len(found))))
        typed.extend(found)
        position += len(segment) + 1
    typing = prefix and bool(typed) and text[-1:].strip() != "" and not text.endswith('"')
    if typing:
        last = typed[-1]
        typed[-1] = replace(last, word=replace(last.word, prefix=True))
    words = [t.word for t in typed]
    pairs = []
    for before, after in zip(typed, typed[1:]):
        if before.pairable and after.pairable and PAIR_GAP.fullmatch(lowered, before.end, after.start):
            pairs.append(pair_word(before.word, after.word))
    return Query(_unique(words), tuple(tuple(words[i] for i in p) for p in phrases), tuple(pairs), tuple(words))


def _unique(words: list[QueryWord]) -> tuple[QueryWord, ...]:
    """One entry per term; a finished word wins over the same word as a prefix."""
    by_term: dict[str, QueryWord] = {}
    for word in words:
        kept = by_term.get(word.term)
        if kept is None or (kept.prefix and not word.prefix):
            by_term[word.term] = word
    return tuple(by_term.values())
