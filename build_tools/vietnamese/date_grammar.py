"""The words of a written date ("ngày 17 tháng 01 năm 2022") and the one builder of its pattern.

The words and their spellings are ``data/dates.yml`` ``date_words``; every module that reads or
repairs a date in words builds its pattern here, so the grammar is written once. A pattern is
built for one of three kinds of text: ``folded`` (lowercase, no marks: what the extractors
match on), ``written`` (the text as it stands, every spelling, with or without marks) and
``marked`` (only the spellings with their marks: OCR repair, which must not touch a word it
cannot be sure is a date word).
"""
from __future__ import annotations

import functools
import re

from ..data_files import load_yaml
from .fold import fold, has_diacritics

FORMS = ("folded", "written", "marked")


@functools.lru_cache(maxsize=None)
def spellings(part: str, form: str = "folded") -> tuple[str, ...]:
    """The spellings of the date word ``part`` ("day", "month", "year") for text of ``form``,
    in the order of the data, without repeats."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; one of {FORMS}")
    words = [str(word) for word in load_yaml("dates.yml")["date_words"][part]]
    if form == "folded":
        words = [fold(word) for word in words]
    elif form == "marked":
        words = [word for word in words if has_diacritics(word)]
    return tuple(dict.fromkeys(words))


def date_word(part: str, form: str = "folded") -> str:
    """The date word ``part`` as a regex alternation (no group) for text of ``form``."""
    return "|".join(re.escape(word) for word in spellings(part, form))


def verbal_date(form: str = "folded", day: str = r"(\d{1,2})", month: str = r"(\d{1,2})",
                year: str = r"((?:19|20)\d{2})", gap: str = r"\s*", before_year: str = "",
                names: tuple[str, str, str] | None = None) -> str:
    """The pattern of "<day word> D <month word> M <year word> Y" for text of ``form``.

    ``day``, ``month``, ``year`` are the patterns of the three numbers; ``gap`` is what may
    stand between a word and its number; ``before_year`` what may come before the year word
    (a comma, ",?\\s*"). ``names`` puts each word, with the gaps around it, in a named group
    (OCR repair keeps them apart from the numbers)."""
    words = [f"(?:{date_word(part, form)})" for part in ("day", "month", "year")]
    pieces = [words[0] + gap, gap + words[1] + gap, gap + before_year + words[2] + gap]
    if names:
        pieces = [f"(?P<{name}>{piece})" for name, piece in zip(names, pieces)]
    return pieces[0] + day + pieces[1] + month + pieces[2] + year
