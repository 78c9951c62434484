"""The signature block (authority, title, name) and the people who chaired the meeting.

State blocks: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name.
Party blocks: ``T/L BAN THƯỜNG VỤ`` / ``PHÓ CHÁNH VĂN PHÒNG`` / name. The name is the
last line of the block; when OCR lost it the name is None — never guessed. When the
block was misplaced (into the recipients, or the end of the body) it is looked for there.
"""
from __future__ import annotations

import functools
import re

from ..clean.structure import is_scan_debris
from ..data_files import load_yaml
from ..model import CleanDocument, Clue, Found, Signer
from ..vietnamese.syllables import is_syllable
from .textutil import LOWER, UPPER, alternatives, fold, is_all_caps, normalise_symbols, squeeze

# A syllable of a name; the Ê Đê and Gia Rai names of the Central Highlands join a prefix with an
# apostrophe ("H'Yim Kđoh", "Y Biêr Niê").
_NAME_WORD = rf"[{UPPER}](?:['’][{UPPER}])?[{LOWER}]*"
_NAME = re.compile(rf"^(?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{1,5}}$")
_CAPS_NAME = re.compile(rf"^[{UPPER}]+(?:['’][{UPPER}]+)?(?:\s+[{UPPER}]+(?:['’][{UPPER}]+)?){{1,5}}$")


def signer_words() -> dict:
    return load_yaml("signer.yml")


def _authority_prefixes() -> list[str]:
    """The prefixes of data/structure.yml (the one list clean/structure.py reads too)."""
    return load_yaml("structure.yml")["authority_prefixes"]


def _prefix_pattern(prefix: str) -> str:
    """"T/M" also as "T / M"; a bare "TM " only before a space."""
    if prefix.endswith(" "):
        return re.escape(prefix.strip()) + r"(?=\s)"
    return r"\s?/\s?".join(map(re.escape, prefix.split("/")))


@functools.lru_cache(maxsize=None)
def _authority() -> re.Pattern[str]:
    """An authority prefix at the start of a line, then the body or title it opens."""
    prefixes = "|".join(_prefix_pattern(prefix) for prefix in _authority_prefixes())
    return re.compile(rf"(?P<auth>{prefixes})\s*(?P<rest>[{UPPER}].*)$")


@functools.lru_cache(maxsize=None)
def _authority_anywhere() -> re.Pattern[str]:
    return re.compile(r"(?:^|[\s'\"“”:])" + _authority().pattern)


@functools.lru_cache(maxsize=None)
def _canonical_forms() -> dict[str, str]:
    """Each prefix as written without spaces → the form shown: a bare "TM" is "TM."."""
    return {prefix.replace(" ", ""): prefix.strip() + "." if prefix.endswith(" ") else prefix
            for prefix in _authority_prefixes()}



@functools.lru_cache(maxsize=None)
def _noise() -> re.Pattern[str]:
    return re.compile(r"^[\W\d_]*$|^\(.*\)$|^\[.*\]$|" + alternatives(signer_words()["noise_phrases"]), re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def title_words() -> re.Pattern[str]:
    return re.compile(rf"\b({alternatives([fold(w) for w in signer_words()['title_words']])})\b")


@functools.lru_cache(maxsize=None)
def _leading_authority() -> re.Pattern[str]:
    """Any prefix of the list at the start of a line, with the spaces after it (longest first)."""
    prefixes = sorted({prefix.strip() for prefix in _authority_prefixes()}, key=lambda p: (-len(p), p))
    return re.compile(r"^(" + "|".join(map(re.escape, prefixes)) + r")\s*")


def without_authority(line: str) -> str:
    """"KT. CHỦ TỊCH" → "CHỦ TỊCH": the line without its authority prefix."""
    return _leading_authority().sub("", line)


def _canonical_authority(text: str) -> str:
    written = re.sub(r"\s", "", text)
    return _canonical_forms().get(written, written)


@functools.lru_cache(maxsize=None)
def _title_syllables() -> frozenset[str]:
    """Syllables of titles and bodies, with their marks (so "TRƯỞNG" is a title, "TRƯƠNG" a family name)."""
    return frozenset(signer_words()["title_syllables"])


@functools.lru_cache(maxsize=None)
def _names_data() -> dict:
    return load_yaml("signer_names.yml")


@functools.lru_cache(maxsize=None)
def _not_name_words() -> frozenset[str]:
    return frozenset(_names_data()["not_name_words"])


def is_person_name(line: str) -> bool:
    """"Ngô Quang Hưng": 2–6 capitalised words; a name in capitals only if no title word is in it."""
    line = squeeze(line)
    if _NAME.match(line):
        return True
    if not _CAPS_NAME.match(line) or title_words().search(fold(line)):
        return False
    words = set(line.lower().split())
    return not _title_syllables() & words and not _not_name_words() & words \
        and all(len(word) >= 2 for word in line.split())  # "C IÁNHẬKĂN P": a title a scan garbled


def _person_name(line: str) -> str:
    line = squeeze(line)
    return line.title() if is_all_caps(line) else line


# marks a scan puts at the edge of a signature line (dust, the seal's letters); never "-" (a
# recipient's dash) nor "." (the stop of "KT.")
EDGE_SPECKS = " :;,\"“”«»„'`+*"


def _clean_lines(lines: list[str]) -> list[str]:
    """The block's lines without noise lines, and without specks at their edges (": Phạm Văn A")."""
    cleaned = [squeeze(normalise_symbols(line)).strip(EDGE_SPECKS).lstrip(". ") for line in lines if line.strip()]
    return [line for line in cleaned if line and not _noise().search(line)]


def parse_signature(lines: list[str]) -> Signer | None:
    """Authority (the outermost prefix), the body it acts for, the title(s) and the name."""
    lines = _clean_lines(lines)
    lines = lines[_block_start(lines):]
    if not lines:
        return None
    authority = on_behalf_of = name = None
    titles: list[str] = []
    stack: list[str] = []
    window = lines[:8]
    for index, line in enumerate(window):
        match = _authority().match(line)
        if stack and not match and is_scan_debris(line):
            continue  # "và", "th": the stamp or the signature read as letters, between title and name
        if match and name is None:
            stack.append(line)
            if authority is None:
                authority = _canonical_authority(match.group("auth"))
                on_behalf_of = squeeze(match.group("rest")).upper()
            else:
                titles = []  # "KT. CHỦ TỊCH" after "TM. ỦY BAN NHÂN DÂN": the titles come next
            continue
        if stack and is_person_name(_undashed(line)) and (not is_all_caps(line) or titles):
            name = _person_name(_undashed(line))
            stack.append(line)
            break
        if is_all_caps(line) and len(line) <= 80:
            titles.append(line)
            stack.append(line)
            continue
        if stack and name is None and any(is_person_name(_undashed(later)) for later in window[index + 1:]):
            continue  # "/=khu", "vi": the seal or the signature read as letters, the name still to come
        if stack:
            break
    if authority is None and not titles:
        return None
    return Signer(name=name, title=" ".join(titles) or None, authority=authority, on_behalf_of=on_behalf_of,
                  stack=tuple(stack))


def _undashed(line: str) -> str:
    """"- Kiều Quang Thịnh": a name under the titles with a speck read as a dash before it."""
    return line.lstrip("-–— ")


def _block_start(lines: list[str]) -> int:
    """Where the block opens: its first authority line, else its first line in capitals. A scan
    that lost the "Nơi nhận:" label hands the recipients over with the block, before it."""
    for index, line in enumerate(lines):
        if _authority().match(line):
            return index
    for index, line in enumerate(lines):
        if is_all_caps(line) and len(line) <= 80:
            return index
    return 0


def signer(document: CleanDocument) -> Found[Signer] | None:
    """The signer from the signature lines; else from an authority line misplaced among the
    recipients or at the end of the body."""
    found = parse_signature(document.signature_lines)
    if found is None or found.name is None:  # a closing row flattened: titles and name on one line
        found = parse_signature(_unflattened(document.signature_lines)) or found
    if found:
        confidence = 0.95 if found.name else 0.7
        return Found(found, Clue("signature-block", " / ".join(found.stack), confidence))
    misplaced = _misplaced_signature(document)
    if misplaced:
        return misplaced
    after_filing = name_after_filing_mark(document.recipients)
    if after_filing:
        return Found(Signer(after_filing, None, None, None, (after_filing,)),
                     Clue("signature-after-filing-mark", document.recipients[-1], 0.5))
    return None


def _misplaced_signature(document: CleanDocument) -> Found[Signer] | None:
    """An authority line, or a flattened closing row, among the recipients or at the end of the body."""
    for source, lines in (("recipients", document.recipients), ("body-end", [b.text for b in document.blocks[-4:]])):
        for index, line in enumerate(lines):
            match = _authority_anywhere().search(normalise_symbols(line))
            flattened = split_flattened_signature(line)
            if match or flattened:
                rest = flattened or [match.group(0).strip(" '\"“”:")] + _following_caps(lines[index + 1:])
                found = parse_signature(rest)
                if found:
                    return Found(found, Clue(f"signature-in-{source}", squeeze(" ".join(rest)),
                                             0.6 if found.name else 0.5))
    return None


def name_after_filing_mark(recipients: list[str]) -> str | None:
    """The signer's name when a scan lost the titles and ran the name into the filing mark, the
    last recipient ("Lưu: VT, KGVX. [seal read as marks] Lưu Quỳnh Dũng", on one line or more):
    the name ends the recipients and only filing codes, capitals and specks stand before it."""
    filing = fold(load_yaml("recipients.yml")["filing_word"])
    starts = [k for k, line in enumerate(recipients) if fold(squeeze(line).split(" ")[0].rstrip(":")) == filing]
    if not starts:
        return None
    words = squeeze(normalise_symbols(" ".join(recipients[starts[-1]:]))).split()
    start = len(words)
    while start > 1 and _title_case(words[start - 1]):
        start -= 1
    name = " ".join(words[start:])
    between = words[1:start]
    if not 2 <= len(words) - start <= 6 or not is_person_name(name) or not between:
        return None
    if words[start] not in _names_data()["family_names"]:
        return None  # "Lưu: VT, Văn Thư": an office, no signer
    return name if all(word.isupper() or _letterless(word) or _speck_word(word) for word in between) else None


def _speck_word(word: str) -> bool:
    """"q", "wWf": a scan's speck or stroke read as letters, short and no Vietnamese syllable."""
    return is_scan_debris(word) and not is_syllable(word.lower())


def _unflattened(lines: list[str]) -> list[str]:
    """Signature lines with a flattened closing row split into its titles and the name."""
    return [part for line in lines for part in (split_flattened_signature(line) or [line])]


def split_flattened_signature(line: str) -> list[str] | None:
    """A closing table flattened into one line with single spaces ("Nơi nhận: - Như trên; - Lưu: VT.
    KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A"): its titles in capitals (from the first authority
    prefix or title word) and the name that ends the line, as two lines; None otherwise."""
    words = squeeze(normalise_symbols(line)).split()
    name_start = len(words)
    while name_start > 0 and _title_case(words[name_start - 1]):
        name_start -= 1
    name = " ".join(words[name_start:])
    if not 2 <= len(words) - name_start <= 6 or not is_person_name(name):
        return None
    caps_start = name_start
    while caps_start > 0 and (words[caps_start - 1].isupper() or _letterless(words[caps_start - 1])):
        caps_start -= 1  # a scan's stamp or signature read as "57797", ":" sits among the titles
    for start in range(caps_start, name_start):
        titles = " ".join(word for word in words[start:name_start] if not _letterless(word))
        if titles and (_authority().match(titles) or title_words().match(fold(titles))):
            return [titles, name]
    return None


def _letterless(word: str) -> bool:
    return not any(ch.isalpha() for ch in word)


def _title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _following_caps(lines: list[str]) -> list[str]:
    """Title lines that directly follow a misplaced authority line (stop at the first other line)."""
    taken = []
    for line in lines[:3]:
        text = squeeze(line)
        if is_all_caps(text) and len(text) <= 60 and not text.startswith("-"):
            taken.append(text)
        else:
            break
    return taken


# --- chairs ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _comrade() -> re.Pattern[str]:
    """"đồng chí <Name>", the word in lower case or capitalised."""
    words = alternatives([form for w in signer_words()["comrade_words"] for form in (w, w[:1].upper() + w[1:])])
    return re.compile(rf"(?:{words})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})")


@functools.lru_cache(maxsize=None)
def _chair_before() -> re.Pattern[str]:
    words = signer_words()
    verbs = alternatives([fold(w) for w in words["chair_before_verbs"]])
    return re.compile(rf"({verbs}) {re.escape(fold(words['chair_before_possessive']))}\s*$"
                      rf"|{re.escape(fold(words['chair_before_agent']))}\s*$")


@functools.lru_cache(maxsize=None)
def _chair_after() -> re.Pattern[str]:
    return re.compile(rf"\b({alternatives([fold(w) for w in signer_words()['chair_after_verbs']])})\b")


def chairs(document: CleanDocument) -> Found[list[str]] | None:
    """People named as chairing or concluding the meeting, in order; with the text read."""
    texts = [squeeze(" ".join(document.title_lines))] + [b.text for b in document.blocks[:4]]
    names: list[str] = []
    evidence = ""
    for text in texts:
        folded = fold(text)
        for match in _comrade().finditer(text):
            name = match.group("name")
            before = folded[max(0, match.start() - 30):match.start()]
            after_end = min([i for i in (folded.find(";", match.end()), folded.find(".", match.end())) if i >= 0]
                            or [len(folded)])
            after = folded[match.end():min(after_end, match.end() + 260)]
            if (_chair_before().search(before) or _chair_after().search(after)) and name not in names:
                names.append(name)
                evidence = evidence or squeeze(text[max(0, match.start() - 30):match.end() + 80])
    return Found(names, Clue("chair-phrase", evidence, 0.8)) if names else None
