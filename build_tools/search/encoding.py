"""Compact text encodings shared with ``archive-search.js``.

Postings are strings of variable-length numbers over the base64url alphabet:
each character carries five bits, the last digit of a number is one of the
first 32 characters and earlier digits are among the other 32. JSON needs no
escapes for them and the browser decodes them with a 128-entry table.
"""
from __future__ import annotations

import json

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
DIGIT_BITS = 5
_BASE = 1 << DIGIT_BITS
_DECODE = {char: index for index, char in enumerate(ALPHABET)}


def _encode_slow(value: int) -> str:
    digits = []
    while True:
        digits.append(value & (_BASE - 1))
        value >>= DIGIT_BITS
        if not value:
            break
    digits.reverse()
    return "".join(ALPHABET[d + _BASE] for d in digits[:-1]) + ALPHABET[digits[-1]]


_SMALL = [_encode_slow(v) for v in range(1 << 15)]
SMALL_NUMBERS = _SMALL  # the encoding of every number below 32,768, by number


def encode_number(value: int) -> str:
    """One non-negative integer as 1–3 characters (below 32,768) or more."""
    if value < 0:
        raise ValueError(f"cannot encode negative number {value}")
    return _SMALL[value] if value < len(_SMALL) else _encode_slow(value)


def encode_numbers(values) -> str:
    small = _SMALL
    return "".join(small[v] if v < 32768 else _encode_slow(v) for v in values)


def decode_numbers(text: str) -> list[int]:
    """Inverse of ``encode_numbers`` (the browser has its own copy)."""
    values, current = [], 0
    for char in text:
        digit = _DECODE[char]
        if digit >= _BASE:
            current = (current << DIGIT_BITS) | (digit - _BASE)
        else:
            values.append((current << DIGIT_BITS) | digit)
            current = 0
    return values


def safe_name(key: str) -> str:
    """A file-name-safe, lowercase, reversible spelling of a term prefix.

    ASCII letters and digits stay; anything else becomes ``_<hex>_`` so folded
    non-Latin terms and the "/" of document numbers can name files everywhere.
    """
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else f"_{ord(c):x}_" for c in key)


def shard_key(term: str, split: set[str] | frozenset[str]) -> str:
    """The shard holding ``term``: its shortest prefix that was not split further.

    A split prefix keeps its own shard for the term equal to it (and the top
    completions under it), so every term has exactly one home.
    """
    length = 1
    while length <= len(term) and term[:length] in split:
        length += 1
    return term[:min(length, len(term))]


def shard_script(key: str, data) -> str:
    """A .js file body that hands ``data`` to the page (UTF-8, written after a byte-order mark)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"__archiveShard({json.dumps(key)},{payload});\n"
