"""Where many patterns can start in one text, found in one pass over its words.

The ~340 measure triggers each scanned a whole notice: at every position Python's engine
checked whether the trigger could start there, about 340 passes over 7 KB for a few dozen
matches. Nearly every trigger must begin with one of a few literal words ("tam dung", "cua
hang": its *leads*, read from the parsed pattern). ``LeadIndex`` maps each lead to the
patterns it opens; ``LeadIndex.starts`` reads the text's words once and lists, per pattern, the
positions where one of its leads occurs (also inside a word: a match may begin there). The
pattern is then tried only at those positions (``finditer_at``), which gives exactly the
matches of ``regex.finditer``: a match can begin nowhere else, and the positions are tried in
order from the end of the previous match, as the engine's own scan does.

A pattern whose match may begin with anything other than a word character (a class, a gap,
punctuation, or an empty match) has no leads and is scanned as before.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator, Sequence

try:  # CPython's parser of regular expressions; without it no pattern is indexed (all scanned as written)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]

    _REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
    _ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
except ImportError:  # pragma: no cover - another Python implementation
    _sre_parser = None

LEAD_LENGTH = 12  # characters of a lead kept: a syllable or two
MAX_LEADS = 256  # a pattern with more distinct leads is scanned as written
MAX_STEPS = 20_000  # nor is one whose parse tree would take longer than this to walk
_WORD_CHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_SPACE_AND_WORD = re.compile(r"\s+(\w+)")  # white space only, then the next word


class _TooComplex(Exception):
    """The pattern's leads are not worth finding: it is scanned as written."""


def leads(regex: re.Pattern) -> frozenset[str] | None:
    """Strings of word characters one of which every match of ``regex`` begins with; None when a
    match may begin otherwise (then only a scan of the text finds its matches). A lead ending in a
    space is a whole word's end: the match goes on with no word character after it ("karaoke "; not
    "karaokes"); a space inside one is white space between two words ("co so": the word "co", white
    space, a word that begins with "so"; not "cong", "covid", "co, so")."""
    if _sre_parser is None or not isinstance(regex.pattern, str) or regex.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _sre_parser.parse(regex.pattern, regex.flags)
        found = _leads(list(parsed.data), LEAD_LENGTH, [MAX_STEPS], False, 1)
    except (_TooComplex, re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    if any(not lead or lead.startswith(WORD_END) for lead in found) or len(found) > MAX_LEADS:
        return None
    return frozenset(found)


WORD_END = " "  # after a lead's letters: no word character follows (inside a lead: white space, then a word)


def _items(pattern) -> list:
    return list(getattr(pattern, "data", pattern))


def _leads(items: list, room: int, budget: list[int], after_word: bool, words_left: int) -> set[str]:
    """The word-character strings (at most ``room`` long) a match of ``items`` begins with;
    "" stands for "anything" (a string stops where the pattern stops being a literal word), and
    ``WORD_END`` for "a character that is no word character" (the word ends there); white space
    after a word goes on to ``words_left`` more words."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooComplex()
    if room == 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    if after_word and words_left > 0 and _white_space_gap(op, av):
        tails = _leads(rest, room - 1, budget, False, words_left - 1)
        if all(tail and _WORD_CHAR.match(tail) for tail in tails):  # white space, then a word
            return {WORD_END + tail for tail in tails}
        return {WORD_END}
    if op is C.LITERAL:
        char = chr(av)
        if not _WORD_CHAR.fullmatch(char):
            return {WORD_END}
        return {char + tail for tail in _leads(rest, room - 1, budget, True, words_left)}
    if after_word and _no_word_char_next(op, av):
        return {WORD_END}
    if op is C.IN and _word_literals(av):  # "[ab]", as the parser writes "(a|b)"
        return {chr(char) + tail for _, char in av for tail in _leads(rest, room - 1, budget, True, words_left)}
    if op in _ZERO_WIDTH:  # a look-around or anchor consumes nothing: the match begins with what follows
        return _leads(rest, room, budget, after_word, words_left)
    if op is C.SUBPATTERN:
        return _leads(_items(av[-1]) + rest, room, budget, after_word, words_left)
    if op is C.BRANCH:
        return set().union(*(_leads(_items(alternative) + rest, room, budget, after_word, words_left)
                             for alternative in av[1]))
    if op in _REPEATS:
        low, high, inner = av
        if low == 0 and high == 1:  # optional: with it, or straight to what follows
            return (_leads(_items(inner) + rest, room, budget, after_word, words_left)
                    | _leads(rest, room, budget, after_word, words_left))
        if low >= 1:  # begins with one repetition (what follows it is not read: a shorter lead)
            return _leads(_items(inner), room, budget, after_word, 0)
        return {""}  # zero or more: may begin with anything that follows
    return {""}  # a class, any character, a reference …: no literal lead


def _white_space_gap(op, av) -> bool:
    """One or more white space characters: "\\s+" (the space of a folded pattern) or a space."""
    if op is C.LITERAL:
        return chr(av).isspace()
    if op in _REPEATS and av[0] >= 1:
        inner = _items(av[2])
        return len(inner) == 1 and inner[0][0] is C.IN and all(
            member_op is C.CATEGORY and member in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE)
            for member_op, member in inner[0][1])
    return False


def _no_word_char_next(op, av) -> bool:
    """The item certainly puts no word character next: white space or punctuation, "(?!\\w)", or a
    word boundary (read after a word character)."""
    if op is C.IN:
        return _no_word_class(av)
    if op in _REPEATS and av[0] >= 1:
        inner = _items(av[2])
        return len(inner) == 1 and _no_word_char_next(*inner[0])
    if op is C.ASSERT_NOT and av[0] == 1:  # a look-ahead "(?!\w)"
        inner = _items(av[1])
        return len(inner) == 1 and inner[0][0] is C.IN and _word_class(inner[0][1])
    return op is C.AT and av is C.AT_BOUNDARY


def _word_literals(members) -> bool:
    """A class of a few word characters written one by one."""
    return 0 < len(members) <= 16 and all(op is C.LITERAL and _WORD_CHAR.fullmatch(chr(av)) for op, av in members)


def _no_word_class(members) -> bool:
    """A class of white space, non-word characters or punctuation only."""
    for op, av in members:
        if op is C.CATEGORY and av in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD, C.CATEGORY_UNI_SPACE,
                                       C.CATEGORY_UNI_NOT_WORD):
            continue
        if op is C.LITERAL and not _WORD_CHAR.fullmatch(chr(av)):
            continue
        return False
    return bool(members)


def _word_class(members) -> bool:
    """Exactly "[\\w]": every word character."""
    return len(members) == 1 and members[0][0] is C.CATEGORY and members[0][1] in (C.CATEGORY_WORD,
                                                                                 C.CATEGORY_UNI_WORD)


class Starts:
    """Per pattern of a ``LeadIndex``, the ascending positions of ``text`` where its leads occur."""

    __slots__ = ("_positions", "_group_of")

    def __init__(self, positions: dict[int, list[int]], group_of: dict[int, int]):
        self._positions = positions  # per group of patterns with the same leads
        self._group_of = group_of

    def of(self, number: int) -> list[int] | None:
        """Where pattern ``number`` can begin, or None when it must be scanned."""
        group = self._group_of.get(number)
        if group is None:
            return None
        return self._positions.get(group, [])


class _SecondWords:
    """The second words of the leads of two words that share a first word: whole words, and
    beginnings of words, each with the groups they open."""

    __slots__ = ("whole", "beginnings", "lengths")

    def __init__(self) -> None:
        self.whole: dict[str, list[int]] = {}
        self.beginnings: dict[str, list[int]] = {}
        self.lengths: tuple[int, ...] = ()

    def add(self, second: str, whole: bool, group: int) -> None:
        (self.whole if whole else self.beginnings).setdefault(second, []).append(group)

    def freeze(self) -> None:
        self.lengths = tuple(sorted({len(second) for second in self.beginnings}))

    def groups_for(self, word: str) -> list[int]:
        """The groups whose second word ``word`` is (or begins with)."""
        found = list(self.whole.get(word, ()))
        for length in self.lengths:
            if length > len(word):
                break
            found.extend(self.beginnings.get(word[:length], ()))
        return found


class LeadIndex:
    """The leads of a list of patterns, to find where each can begin in a text in one pass.

    Patterns with the same leads (the triggers opening with one word class) share one group,
    whose positions are listed once."""

    def __init__(self, regexes: Sequence[re.Pattern]):
        self.by_lead: dict[str, list[int]] = {}  # a lead a word may go on after → groups
        self.by_ending: dict[str, list[int]] = {}  # a lead that must end its word (its WORD_END dropped)
        # a lead of two words: the first word's end → its second words (whole, or their beginnings)
        self.by_first_word: dict[str, _SecondWords] = {}
        self.group_of: dict[int, int] = {}  # pattern → its group; patterns with no leads have none
        groups: dict[frozenset[str], int] = {}
        for number, regex in enumerate(regexes):
            found = leads(regex)
            if found is None:
                continue
            if found not in groups:
                groups[found] = len(groups)
                for lead in found:
                    self._add(lead, groups[found])
            self.group_of[number] = groups[found]
        self.unindexed = frozenset(set(range(len(regexes))) - set(self.group_of))
        for second_words in self.by_first_word.values():
            second_words.freeze()
        self.lengths = tuple(sorted({len(lead) for lead in self.by_lead}))
        self._in_word: dict[str, tuple] = {}

    def _add(self, lead: str, group: int) -> None:
        whole = lead.endswith(WORD_END)
        letters = lead[:-1] if whole else lead
        if WORD_END in letters:
            first, second = letters.split(WORD_END, 1)
            self.by_first_word.setdefault(first, _SecondWords()).add(second, whole, group)
        elif whole:
            self.by_ending.setdefault(letters, []).append(group)
        else:
            self.by_lead.setdefault(letters, []).append(group)

    def starts(self, text: str) -> Starts:
        """Every position of ``text`` where each indexed pattern's leads occur."""
        positions: dict[int, list[int]] = {}
        in_word = self._in_word
        for word in _WORDS.finditer(text):
            token = word.group()
            found = in_word.get(token)
            if found is None:
                found = self._leads_in(token)
                if len(in_word) < 200_000:  # the words of a language: a few thousand; a bound all the same
                    in_word[token] = found
            if not found:
                continue
            alone, first_words = found
            start = word.start()
            hits = list(self._two_word_hits(text, word.end(), first_words)) if first_words else None
            if hits:
                hits.extend((offset, group) for offset, groups in alone for group in groups)
                for offset, group in sorted(set(hits)):
                    positions.setdefault(group, []).append(start + offset)
                continue
            for offset, groups in alone:
                position = start + offset
                for group in groups:
                    positions.setdefault(group, []).append(position)
        return Starts(positions, self.group_of)

    @staticmethod
    def _two_word_hits(text: str, end: int, first_words: tuple) -> Iterator[tuple[int, int]]:
        """(offset, group) of the leads of two words whose second word follows this one (ending at
        ``end``) after white space."""
        following = _SPACE_AND_WORD.match(text, end)
        if following is None:
            return
        second_word = following.group(1)
        for offset, second_words in first_words:
            for group in second_words.groups_for(second_word):
                yield offset, group

    def _leads_in(self, token: str) -> tuple:
        """(offset, groups) for each offset of ``token`` where leads of one word begin (also inside the
        word: a match may begin there, and the engine would try it), and (offset, options) where the
        first word of a lead of two words ends the token."""
        alone, first_words = [], []
        for offset in range(len(token)):
            groups: set[int] = set(self.by_ending.get(token[offset:], ()))
            for length in self.lengths:
                if offset + length > len(token):
                    break
                groups.update(self.by_lead.get(token[offset:offset + length], ()))
            if groups:
                alone.append((offset, tuple(sorted(groups))))
            second_words = self.by_first_word.get(token[offset:])
            if second_words is not None:
                first_words.append((offset, second_words))
        return (tuple(alone), tuple(first_words)) if alone or first_words else ()  # (): no lead in the word


def finditer_at(regex: re.Pattern, text: str, starts: list[int], pos: int = 0,
                endpos: int | None = None) -> Iterator[re.Match]:
    """``regex.finditer(text, pos, endpos)``, trying only the positions of ``starts`` (ascending):
    the same matches when no match can begin elsewhere (``LeadIndex``)."""
    end = min(len(text), len(text) if endpos is None else endpos)
    resume = pos
    for position in _tried(text, starts, pos, end):
        if position < resume:
            continue  # inside the previous match: the engine's scan goes on from its end
        match = regex.match(text, position, end)
        if match is not None:
            yield match
            resume = match.end()


def _tried(text: str, starts: list[int], pos: int, end: int) -> Iterator[int]:
    """The positions of ``starts`` from ``pos`` to ``end``; where ``end`` cuts a word, every position of
    its part before ``end`` and of the word before it too (the engine sees the word end there, so
    a lead that must end its word may match in it, which the whole word's index does not list)."""
    cut = end
    if 0 < end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end):
        cut = _word_start(text, end, pos)
        if cut > pos and text[cut - 1].isspace():  # and the word before it: a lead of two words ends in it
            cut = _word_start(text, _space_start(text, cut, pos), pos)
    for position in starts[bisect.bisect_left(starts, pos):]:
        if position >= cut:
            break
        yield position
    yield from range(max(cut, pos), end)


def _word_start(text: str, end: int, pos: int) -> int:
    """Where the word characters before ``end`` begin (not before ``pos``)."""
    while end > pos and _WORD_CHAR.match(text, end - 1):
        end -= 1
    return end


def _space_start(text: str, end: int, pos: int) -> int:
    """Where the white space before ``end`` begins (not before ``pos``)."""
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end
