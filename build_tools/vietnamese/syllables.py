"""Is a token a possible Vietnamese syllable? Onset + rhyme + at most one tone.

The one phonotactic table of the project (onsets, rhymes, spelling rules) lives in
``build_tools/data/syllables.yml``; this module only reads it. Used by the decoder (which
reading of the bytes gives Vietnamese: ``is_vietnamese_syllable``), the OCR repair and the
scan reader. It also splits letters into their parts (base letter, hat, tone, stroke) so
that the OCR repair can count how many diacritics two spellings differ by.
"""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "syllables.yml"

# Combining marks as NFD writes them.
TONE_MARKS = {"\u0301": "sac", "\u0300": "huyen", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}
HAT_MARKS = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}
TONES = ("", *TONE_MARKS)  # "" = ngang


@functools.lru_cache(maxsize=4096)
def letter_parts(ch: str) -> tuple[str, str, str, bool]:
    """``(ascii base, hat mark, tone mark, stroke)`` of one lowercase letter.

    ``"ộ"`` → ``("o", "\u0302", "\u0323", False)``, ``"đ"`` → ``("d", "", "", True)``.
    Letters outside Vietnamese come back with their own base and no marks.
    """
    if ch == "đ":
        return "d", "", "", True
    decomposed = unicodedata.normalize("NFD", ch)
    base, hat, tone = decomposed[0], "", ""
    for mark in decomposed[1:]:
        if mark in TONE_MARKS:
            tone = tone + mark if tone else mark
        elif mark in HAT_MARKS:
            hat = hat + mark if hat else mark
        else:  # a mark Vietnamese does not use: keep it in the base so it never matches
            base += mark
    return base, hat, tone, False


@functools.lru_cache(maxsize=4096)
def compose(base: str, hat: str = "", tone: str = "", stroke: bool = False) -> str:
    if stroke:
        return "đ"
    return unicodedata.normalize("NFC", base + hat + tone)


@functools.lru_cache(maxsize=1)
def tables() -> dict:
    with open(DATA, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    finals = raw["finals"]
    rhymes: set[str] = set()
    for entry in raw["rhymes"]:
        nucleus, _, allowed = entry.partition(":")
        nucleus = nucleus.strip()
        if not allowed.strip():
            rhymes.add(nucleus)
            continue
        for final in allowed.split():
            rhymes.add(nucleus if final == "-" else nucleus + final)
    return {
        "onsets": sorted(raw["onsets"], key=len, reverse=True),
        "rhymes": frozenset(rhymes),
        "front": tuple(raw["front_vowels"]),
        "stop_finals": tuple(sorted(finals["stop"], key=len, reverse=True)),
        "stop_tones": frozenset(raw["stop_tones"]),
        "palatal_nuclei": tuple(raw["palatal_final_nuclei"]),
        "letters": frozenset(raw["consonants"]) | frozenset(
            compose(*letter_parts(v)[:2], tone) for v in raw["vowels"] for tone in TONES),
    }


def strip_tone(word: str) -> tuple[str, str | None]:
    """The word without its tone mark, and the mark ("" for ngang, None if two marks)."""
    out, tone = [], ""
    for ch in word:
        base, hat, mark, stroke = letter_parts(ch)
        if mark:
            if tone or len(mark) > 1:
                return word, None
            tone = mark
        out.append(compose(base, hat, "", stroke))
    return "".join(out), tone


@functools.lru_cache(maxsize=8192)
def toneless(text: str) -> str:
    """``text`` (lower case) with every letter's tone mark taken off, hats and strokes kept, letter for
    letter (``"ửường"`` → ``"ưương"``): offsets stay valid, and two tones do not matter."""
    return "".join(compose(*(parts := letter_parts(ch))[:2], "", parts[3]) if not ch.isascii() else ch
                   for ch in text)


def _rhyme_ok(onset: str, rhyme: str, tone: str, t: dict) -> bool:
    if rhyme not in t["rhymes"]:
        return False
    for final in t["stop_finals"]:
        if rhyme.endswith(final):
            if tone not in t["stop_tones"]:
                return False
            break
    if rhyme.endswith(("ch", "nh")) and not rhyme[:-2].endswith(t["palatal_nuclei"]):
        return False
    front = rhyme.startswith(t["front"])
    if onset in ("c", "g", "ng") and front:
        return False  # k, gh, ngh are written before e, ê, i, y
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if rhyme.startswith("yê") and onset not in ("", "qu"):
        return False
    if rhyme.startswith("iê") and onset in ("", "qu"):
        return False
    if onset == "qu" and rhyme.startswith(("u", "ư", "o")):
        return False
    return True


@functools.lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """True if ``token`` (any case) can be one written Vietnamese syllable."""
    if not token or len(token) > 8:
        return False
    word = token.lower()
    t = tables()
    if any(ch not in t["letters"] for ch in word):
        return False
    bare, tone = strip_tone(word)
    if tone is None:
        return False
    tone_name = TONE_MARKS.get(tone, "ngang")
    for onset in t["onsets"]:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        if onset == "gi":
            # "gi" + "ữ" (giữ), and "gi" standing for gi+i: "gì", "gìn".
            if rhyme and _rhyme_ok("gi", rhyme, tone_name, t):
                return True
            if _rhyme_ok("gi", "i" + rhyme, tone_name, t):
                return True
            continue
        if rhyme and _rhyme_ok(onset, rhyme, tone_name, t):
            return True
    return False


def consonant_ends(syllable: str) -> tuple[str, str]:
    """The written consonant onset and consonant final of a lower-case syllable, each "" when it has
    none: ``"nhiệm"`` → ``("nh", "m")``, ``"gì"`` → ``("g", "")``, ``"giam"`` → ``("gi", "m")``.
    The onset is the longest of ``onsets`` leaving a vowel after it; the final is the run of
    consonant letters at the end."""
    onset = next((o for o in tables()["onsets"] if o and syllable.startswith(o)
                  and any(is_vowel(ch) for ch in syllable[len(o):])), "")
    end = len(syllable)
    while end > len(onset) and not is_vowel(syllable[end - 1]):
        end -= 1
    return onset, syllable[end:]


def is_vowel(ch: str) -> bool:
    """One of the twelve vowel letters, with any tone."""
    return letter_parts(ch)[0] in "aeiouy" and ch != "đ"


def is_vietnamese_letter(ch: str) -> bool:
    return ch.lower() in tables()["letters"]


def has_vietnamese_mark(token: str) -> bool:
    """True if the token holds a letter that only Vietnamese writes (ă, ơ, ự, đ, …)."""
    return any(not ch.isascii() and is_vietnamese_letter(ch) for ch in token)


@functools.lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """One written syllable in a sane case (lower, upper or capitalised), any Unicode form.

    Mixed case such as ``ChÊp`` fails on purpose: it is how TCVN3 text looks when read as
    Windows-1252, which is what the decoder must tell apart.
    """
    word = unicodedata.normalize("NFC", word)
    if not (word.islower() or word.isupper() or word == word.capitalize()):
        return False
    return is_syllable(word)


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    path = DATA.parent / "syllable_frequencies.tsv"
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, zipf = line.rstrip("\n").split("\t")
                table[word] = float(zipf)
    return table


def general_frequency(word: str) -> float | None:
    """Zipf frequency (log10 per billion words) of a syllable in general Vietnamese text, None
    when the list (``data/syllable_frequencies.tsv``, from wordfreq) does not have it."""
    return _frequencies().get(word.lower())
