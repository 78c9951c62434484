"""Tidy the recipients list ("Nơi nhận") of what a two-column scan mixed into it.

On a scan the recipients sit in the left column beside the signature block; OCR reads line by
line, so the end of an entry can carry words of the signature column ("… (để báo cáo), THƯ",
"… Đông Bắc, Ngân"), and the filing mark's first word is often misread ("LĨru VPTU"). Two
general rules, each change recorded:

- spill-over: when the list's entries end with a separator and one does not, the few capitalised
  words after its last separator belong to the other column, and are removed;
- filing mark: the last entry's first word, when it is not a Vietnamese syllable but is a couple
  of letters from the filing word ("Lưu"), is that word.
"""
from __future__ import annotations

import functools
import re

from ..data_files import load_yaml
from ..ingest.decode import is_vietnamese_syllable
from ..model import Change
from ..vietnamese.fold import fold
from .ocr import edit_distance

STAGE = "structure"


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    return load_yaml("recipients.yml")


def ends_with_separator(entry: str) -> bool:
    return entry.rstrip()[-1:] in rules()["separators"]


def spilled_words(entry: str) -> str | None:
    """The words after the entry's last separator, if they look like the signature column's."""
    cut = max(entry.rfind(sep) for sep in rules()["separators"])
    if cut < 0:
        return None
    tail = entry[cut + 1:].strip()
    words = tail.split()
    if not words or len(words) > rules()["spill_max_words"] or not all(w[:1].isupper() for w in words):
        return None
    return tail


def drop_spill_over(recipients: list[str]) -> tuple[list[str], list[Change]]:
    ended = sum(ends_with_separator(entry) for entry in recipients)
    if len(recipients) < 3 or ended * 2 < len(recipients):
        return recipients, []  # this list does not end its entries with separators: nothing to tell
    tidy, changes = [], []
    for entry in recipients:
        tail = None if ends_with_separator(entry) else spilled_words(entry)
        if tail is None:
            tidy.append(entry)
            continue
        kept = entry.rstrip()[: -len(tail)].rstrip()
        tidy.append(kept)
        changes.append(Change(STAGE, "recipient-spill", entry, kept,
                              "words of the signature column glued to a recipient by a two-column scan"))
    return tidy, changes


def fix_filing_word(recipients: list[str]) -> tuple[list[str], list[Change]]:
    if not recipients:
        return recipients, []
    last = recipients[-1]
    match = re.match(r"\s*([^\W\d_]+)", last)
    if not match:
        return recipients, []
    word, filing = match.group(1), rules()["filing_word"]
    if word == filing or is_vietnamese_syllable(word.lower()):
        return recipients, []
    if edit_distance(fold(word).lower(), fold(filing).lower()) > rules()["filing_max_distance"]:
        return recipients, []
    fixed = last[: match.start(1)] + filing + last[match.end(1):]
    return recipients[:-1] + [fixed], [Change(STAGE, "recipient-filing-word", word, filing,
                                              "the first word of the filing mark misread by OCR")]


def tidy_recipients(recipients: list[str]) -> tuple[list[str], list[Change]]:
    recipients, spill = drop_spill_over(recipients)
    recipients, filing = fix_filing_word(recipients)
    return recipients, spill + filing
