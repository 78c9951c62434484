"""Diacritic folding, the one rule shared by the index builder and the browser.

``archive-search.js`` implements the same function (``foldChar``); the browser
tests compare the two on every Vietnamese letter. Each character maps to exactly
one character, so an offset found in folded text points at the same character
of the original: that is how the browser highlights accented words it matched
without accents.
"""
from __future__ import annotations

import unicodedata

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


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """NFC, lowercase, đ/Đ/Ð → d, diacritics dropped; ``len(fold(t)) == len(nfc(t))``."""
    return nfc(text).translate(_FOLD)


def lower_same_length(text: str) -> str:
    """NFC and lowercase, one character for one: the accented form of an indexed word."""
    return nfc(text).translate(_LOWER)


def has_diacritics(word: str) -> bool:
    """True when folding changes more than case: the reader typed accents we can honour."""
    return fold(word) != lower_same_length(word)
