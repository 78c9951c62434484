"""Vietnamese letters, case and diacritic folding: the one place these rules are written.

``fold`` is shared by extraction, cleaning, the index builder and the browser:
``archive-search.js`` implements the same function (``foldChar``) and the browser tests
compare the two on every Vietnamese letter. Each character maps to exactly one character,
so an offset found in folded text points at the same character of the original: that is how
extractors read the original words they matched, and how the browser highlights accented
words it matched without accents.
"""
from __future__ import annotations

import unicodedata

# The 67 lowercase letters that Vietnamese writes with a mark (hat, horn, breve, tone, stroke):
# 12 vowels × 6 tones less the 6 bare vowels a, e, i, o, u, y … and đ.
VOWELS = "aăâeêioôơuưy"
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang, huyền, sắc, hỏi, ngã, nặng
MARKED_LOWER = "".join(sorted(
    {unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONE_MARKS} - set("aeiouy")
    | {"đ"}))
MARKED_UPPER = "".join(letter.upper() for letter in MARKED_LOWER)
MARKED_LETTERS = frozenset(MARKED_LOWER)  # lowercase: count them in ``text.lower()``
# Regular-expression classes of every Vietnamese letter of one case (ASCII included).
LOWER_CLASS = "a-z" + MARKED_LOWER
UPPER_CLASS = "A-Z" + MARKED_UPPER

# Ð (U+00D0, eth) stands in for Đ in real documents; its lowercase ð goes with it.
D_LETTERS = frozenset("đĐÐð")


def fold_char(char: str) -> str:
    """Lowercase ``char`` and drop its diacritics, always returning one character."""
    if char in D_LETTERS:
        return "d"
    lower = char.lower()
    stripped = "".join(c for c in unicodedata.normalize("NFD", lower)
                       if not unicodedata.category(c).startswith("M"))
    if len(stripped) == 1:
        return stripped
    return lower if len(lower) == 1 else char


def lower_char(char: str) -> str:
    """Lowercase ``char`` unless that would change its length (İ → i̇)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


class _CharTable(dict):
    """A ``str.translate`` table filled on first use, so any character works at C speed."""

    def __init__(self, rule):
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> str:
        value = self._rule(chr(code))
        self[code] = value
        return value


_FOLD = _CharTable(fold_char)
_LOWER = _CharTable(lower_char)
_UNMARKED = {ord(letter): fold_char(letter) for letter in MARKED_LOWER}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_FOLDED: dict[str, str] = {}  # short texts folded before: the words of vocabularies and lines, folded again and again
_FOLDED_LENGTH = 80  # longer texts (a notice's body) are folded once and not kept
_FOLDED_SIZE = 50_000


def fold(text: str) -> str:
    """NFC, lowercase, đ/Đ/Ð → d, diacritics dropped; ``len(fold(t)) == len(nfc(t))``."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = nfc(text).translate(_FOLD)
        if len(text) <= _FOLDED_LENGTH:
            if len(_FOLDED) >= _FOLDED_SIZE:
                _FOLDED.clear()
            _FOLDED[text] = folded
    return folded


def fold_chars(text: str) -> str:
    """``fold`` without the NFC step: exactly one character for each character of ``text``."""
    return text.translate(_FOLD)


def unmarked(word: str) -> str:
    """Each lowercase Vietnamese letter without its marks (``"đường"`` → ``"duong"``); capitals and
    letters Vietnamese does not write stay as they are (OCR repair compares lowercase words)."""
    return word.translate(_UNMARKED)


def lower_same_length(text: str) -> str:
    """NFC and lowercase, one character for one: the accented form of an indexed word.

    ``str.lower`` (ten times as fast as the table: the search index lowers every notice's text
    twice) gives the same when no character lowers to more than one (İ → i̇) and there is no Σ,
    the one letter it lowers by context (ς at the end of a word; ``lower_char`` gives σ).
    """
    text = nfc(text)
    lower = text.lower()
    if len(lower) == len(text) and "Σ" not in text:
        return lower
    return text.translate(_LOWER)


def has_diacritics(word: str) -> bool:
    """True when folding changes more than case: the reader typed accents we can honour."""
    return fold(word) != lower_same_length(word)


def is_all_caps(text: str) -> bool:
    """Mostly capitals (80% of the letters): headers, names in signature blocks."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
