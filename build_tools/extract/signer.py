"""The signature block (authority, title, name) and the people who chaired the meeting.

State blocks: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name.
Party blocks: ``T/L BAN THƯỜNG VỤ`` / ``PHÓ CHÁNH VĂN PHÒNG`` / name. The name is the
last line of the block; when OCR lost it the name is None — never guessed. When the
block was misplaced (into the recipients, or the end of the body) it is looked for there.
"""
from __future__ import annotations

import re

from ..model import CleanDocument, Clue, Found, Signer
from .textutil import LOWER, UPPER, fold, is_all_caps, normalise_symbols, squeeze

_AUTHORITY = re.compile(
    r"(?P<auth>T\s?/\s?M|T\s?/\s?L|K\s?/\s?T|TUQ\.|TM\.|KT\.|TL\.|Q\.|TM(?=\s)|KT(?=\s)|TL(?=\s))\s*"
    rf"(?P<rest>[{UPPER}].*)$")
_AUTHORITY_ANYWHERE = re.compile(r"(?:^|[\s'\"“”:])" + _AUTHORITY.pattern)
_CANONICAL = {"T/M": "T/M", "T/L": "T/L", "K/T": "K/T", "TUQ.": "TUQ.", "TM.": "TM.", "KT.": "KT.", "TL.": "TL.",
              "Q.": "Q.", "TM": "TM.", "KT": "KT.", "TL": "TL."}
_NAME_WORD = rf"[{UPPER}][{LOWER}]*"
_NAME = re.compile(rf"^(?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{1,5}}$")
_CAPS_NAME = re.compile(rf"^[{UPPER}]+(?:\s+[{UPPER}]+){{1,5}}$")
_NOISE = re.compile(r"^[\W\d_]*$|^\(.*\)$|^\[.*\]$|đã ký|ký tên|đóng dấu", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(chu tich|bi thu|truong ban|pho truong|giam doc|chanh van phong|thu tuong|chu nhiem|tong bi thu|"
    r"uy vien|thuong truc|bo truong|thu truong|uy ban|quoc hoi|chinh phu|van phong|ban thuong vu|bo|so|cuc|"
    r"vien|tong cuc|ngan hang|cong hoa|doc lap|dang cong san|tinh uy|thanh uy|huyen uy)\b")


def _canonical_authority(text: str) -> str:
    return _CANONICAL.get(re.sub(r"\s", "", text), re.sub(r"\s", "", text))


# Syllables of titles and bodies, with their marks (so "TRƯỞNG" is a title, "TRƯƠNG" a family name).
_TITLE_SYLLABLES = frozenset("phó chánh trưởng chủ tịch giám đốc nhiệm bộ sở viện cục ủy tướng tổng tòa án "
                             "thủ ban".split())


def is_person_name(line: str) -> bool:
    """"Ngô Quang Hưng": 2–6 capitalised words; a name in capitals only if no title word is in it."""
    line = squeeze(line)
    if _NAME.match(line):
        return True
    return bool(_CAPS_NAME.match(line)) and not _TITLE_WORDS.search(fold(line)) \
        and not _TITLE_SYLLABLES & set(line.lower().split())


def _person_name(line: str) -> str:
    line = squeeze(line)
    return line.title() if is_all_caps(line) else line


def _clean_lines(lines: list[str]) -> list[str]:
    return [squeeze(normalise_symbols(line)) for line in lines if line.strip() and not _NOISE.search(line.strip())]


def parse_signature(lines: list[str]) -> Signer | None:
    """Authority (the outermost prefix), the body it acts for, the title(s) and the name."""
    lines = _clean_lines(lines)
    if not lines:
        return None
    authority = on_behalf_of = name = None
    titles: list[str] = []
    stack: list[str] = []
    for line in lines[:8]:
        match = _AUTHORITY.match(line)
        if match and name is None:
            stack.append(line)
            if authority is None:
                authority = _canonical_authority(match.group("auth"))
                on_behalf_of = squeeze(match.group("rest")).upper()
            else:
                titles = []  # "KT. CHỦ TỊCH" after "TM. ỦY BAN NHÂN DÂN": the titles come next
            continue
        if stack and is_person_name(line) and (not is_all_caps(line) or titles):
            name = _person_name(line)
            stack.append(line)
            break
        if is_all_caps(line) and len(line) <= 80:
            titles.append(line)
            stack.append(line)
            continue
        if stack:
            break
    if authority is None and not titles:
        return None
    return Signer(name=name, title=" ".join(titles) or None, authority=authority, on_behalf_of=on_behalf_of,
                  stack=tuple(stack))


def signer(document: CleanDocument) -> Found[Signer] | None:
    """The signer from the signature lines; else from an authority line misplaced among the
    recipients or at the end of the body."""
    found = parse_signature(document.signature_lines)
    if found:
        confidence = 0.95 if found.name else 0.7
        return Found(found, Clue("signature-block", " / ".join(found.stack), confidence))
    for source, lines in (("recipients", document.recipients), ("body-end", [b.text for b in document.blocks[-4:]])):
        for index, line in enumerate(lines):
            match = _AUTHORITY_ANYWHERE.search(normalise_symbols(line))
            if match:
                rest = [match.group(0).strip(" '\"“”:")] + _following_caps(lines[index + 1:])
                found = parse_signature(rest)
                if found:
                    return Found(found, Clue(f"signature-in-{source}", squeeze(match.group(0)),
                                             0.6 if found.name else 0.5))
    return None


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

_COMRADE = re.compile(rf"(?:đồng chí|Đồng chí|đ/c|Đ/c)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})")
_CHAIR_BEFORE = re.compile(r"(chu tri|ket luan|chi dao) cua\s*$|do\s*$")
_CHAIR_AFTER = re.compile(r"\b(chu tri|ket luan|phat bieu ket luan)\b")


def chairs(document: CleanDocument) -> Found[list[str]] | None:
    """People named as chairing or concluding the meeting, in order; with the text read."""
    texts = [squeeze(" ".join(document.title_lines))] + [b.text for b in document.blocks[:4]]
    names: list[str] = []
    evidence = ""
    for text in texts:
        folded = fold(text)
        for match in _COMRADE.finditer(text):
            name = match.group("name")
            before = folded[max(0, match.start() - 30):match.start()]
            after_end = min([i for i in (folded.find(";", match.end()), folded.find(".", match.end())) if i >= 0]
                            or [len(folded)])
            after = folded[match.end():min(after_end, match.end() + 260)]
            if (_CHAIR_BEFORE.search(before) or _CHAIR_AFTER.search(after)) and name not in names:
                names.append(name)
                evidence = evidence or squeeze(text[max(0, match.start() - 30):match.end() + 80])
    return Found(names, Clue("chair-phrase", evidence, 0.8)) if names else None
