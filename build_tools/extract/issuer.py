"""The issuing body: its name, kind (state or Party), body type and scope.

Evidence, most trusted first:
1. the header's issuing-body line ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "TỈNH ỦY QUẢNG NINH",
   "BỘ TÀI CHÍNH"); with a two-level header the lower line is the issuer;
2. the collective body the signature acts for (T/M BAN THƯỜNG VỤ, TM. CHÍNH PHỦ),
   which refines a header naming the whole committee;
3. the closing sentence that announces the notice ("UBND tỉnh thông báo để …",
   "Thừa lệnh Ban Thường vụ Tỉnh ủy, Văn phòng Tỉnh ủy thông báo …");
4. "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" in the title;
5. a person authority in the signature (TL. CHỦ TỊCH, KT. BỘ TRƯỞNG, THỦ TƯỚNG);
6. the issuer code of the number (…/TB-UBND, …-TB/TU, …/QĐ-TTg).
The names and patterns are in ``data/issuers.yml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data_files import load_yaml
from ..model import CleanDocument, Clue, DocNumber, Found, Issuer, Signer
from .doctype import adoption
from .signer import without_authority
from .textutil import alternatives, fold, is_all_caps, squeeze
from .vocab import IssuerRule, gazetteer, issuers, unit_names



def _words() -> dict:
    return load_yaml("issuers.yml")["reading"]



@functools.lru_cache(maxsize=None)
def _motto_split() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:\||\t|\s{{3,}}|{alternatives(_words()['motto_phrases'])})", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _consolidated_prefix() -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(fold(_words()['consolidated_prefix']))}\s*-\s*")


@functools.lru_cache(maxsize=None)
def _city() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternatives([fold(w) for w in _words()['city_words']])})\b")


@functools.lru_cache(maxsize=None)
def _city_abbreviation() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternatives([fold(w) for w in _words()['city_abbreviations']])})\b")


@functools.lru_cache(maxsize=None)
def _person_title() -> re.Pattern[str]:
    """"(phó) chủ tịch …": a signature line naming a person's office (folded)."""
    words = _words()
    titles = alternatives([fold(w) for w in words["person_titles"]])
    return re.compile(rf"({re.escape(fold(words['person_title_deputy']))} )?({titles})\b")


@functools.lru_cache(maxsize=None)
def _title_conclusion() -> re.Pattern[str]:
    """"kết luận của", "ý kiến chỉ đạo của" right before the body's name in the title (folded)."""
    words = _words()
    return re.compile(rf"\b({alternatives([fold(w) for w in words['title_conclusion_words']])}) "
                      rf"{re.escape(fold(words['title_possessive']))}\s*$")


def _command_phrase() -> str:
    return fold(_words()["command_phrase"])


@functools.lru_cache(maxsize=None)
def _announce_verb() -> re.Pattern[str]:
    verbs = alternatives([fold(w) for w in _words()["announce_verbs"]])
    return re.compile(rf"^[\s,]*(?:\(?[^)]{{0,40}}\)?\s*)?(?:{verbs})")


@dataclass(frozen=True)
class IssuerFinding:
    """The issuing body read (its rule in issuers.yml) and what was read with it; the text it was
    read from, the clue's rule and confidence are the ``Clue`` of the ``Found``."""

    rule: IssuerRule
    place: str | None = None  # place words read with the body ("LẠNG SƠN")
    explicit_city: bool = False  # the text says "thành phố"/"Thành ủy"


def _found(rule: IssuerRule, source: str, text: str, confidence: float, place: str | None = None,
           explicit_city: bool = False) -> Found[IssuerFinding]:
    return Found(IssuerFinding(rule, place, explicit_city), Clue(source, text, confidence))


def _header_candidates(header_lines: list[str]) -> list[str]:
    """Header lines (and pairs of lines) that may name the issuing body, motto cut off."""
    lines = []
    for line in header_lines:
        head = _motto_split().split(line)[0]
        if head.strip():
            lines.append(squeeze(head))
    candidates = []
    for index, line in enumerate(lines):
        candidates.append(line)
        if index + 1 < len(lines):
            candidates.append(f"{line} {lines[index + 1]}")
        if index + 2 < len(lines):
            candidates.append(f"{line} {lines[index + 1]} {lines[index + 2]}")
    return candidates


def _match_header(text: str) -> tuple[IssuerRule, str | None] | None:
    folded = _consolidated_prefix().sub("", fold(text).strip(" .:*"))
    offset = len(fold(text).strip(" .:*")) - len(folded)
    original = text.strip(" .:*")[offset:]
    for rule in issuers().rules:
        match = next((m for m in (pattern.match(folded) for pattern in rule.header) if m), None)
        if match:
            place = None
            if "place" in match.groupdict() and match.group("place"):
                place = squeeze(original[match.start("place"):match.end("place")])
                if gazetteer().lookup_name(place) is None and not _place_is_city(place):
                    continue  # "BAN CHỈ ĐẠO … QUỐC GIA" is not a province
            return rule, place
    return None


def _place_is_city(place: str) -> bool:
    city = unit_names()["city"]["district_kind"]
    return any(d.kind == city for d in gazetteer().districts.get(fold(place), []))


def _header_like_blocks(document: CleanDocument) -> list[str]:
    """Short capitalised opening blocks: a header the clean stage left in the body."""
    lines = []
    for block in document.blocks[:3]:
        if len(block.text) <= 80 and is_all_caps(block.text):
            lines.append(block.text)
        else:
            break
    return lines


def from_header(document: CleanDocument) -> Found[IssuerFinding] | None:
    """The lowest body named in the header; the place comes from any level."""
    found: list[tuple[int, IssuerRule, str | None, str]] = []
    not_issuers = issuers().not_issuers
    lines = document.header_lines or _header_like_blocks(document)
    for position, candidate in enumerate(_header_candidates(lines)):
        if not_issuers and not_issuers.match(fold(candidate).strip()):
            continue
        matched = _match_header(candidate)
        if matched:
            found.append((position, matched[0], matched[1], candidate))
    if not found:
        return None
    place = next((p for _, _, p, _ in found if p), None)
    _, rule, _, text = found[-1]
    city = any(_city().search(fold(t)) or _city_abbreviation().search(fold(t)) for _, _, _, t in found)
    return _found(rule, "issuer-line", text, 0.95, place, city)


def from_signature(signer: Signer | None, collective: bool) -> Found[IssuerFinding] | None:
    """The body the signature acts for: collective (T/M BAN THƯỜNG VỤ) or a person (TL. CHỦ TỊCH)."""
    if signer is None:
        return None
    targets = [signer.on_behalf_of] if signer.on_behalf_of else []
    if not collective:
        targets += [line for line in signer.stack if line != signer.name]
    for target in targets:
        folded = fold(without_authority(squeeze(target))).strip()
        is_person = bool(_person_title().match(folded))
        if collective == is_person:
            continue
        for rule in issuers().rules:
            if rule.signature and rule.signature.match(folded):
                return _found(rule, "signature-collective" if collective else "signature-person",
                              squeeze(target), 0.85 if collective else 0.6)
    return None




def from_announcement(document: CleanDocument) -> Found[IssuerFinding] | None:
    """"Thừa lệnh X, …" or "X thông báo …" in the closing paragraphs."""
    for block in reversed(document.blocks[-4:]):
        folded = fold(block.text)
        best = None
        for rule in issuers().rules:
            if rule.announce is None:
                continue
            for match in rule.announce.finditer(folded):
                command = _command_phrase()
                commanded = folded[max(0, match.start() - 10):match.start()].endswith(command + " ") or \
                    match.group(0).startswith(command)
                announces = _announce_verb().match(folded[match.end():match.end() + 60])
                if commanded or announces:
                    rank = 0 if commanded else 1
                    if best is None or rank < best[0]:
                        text = squeeze(block.text[max(0, match.start() - 10):match.end() + 40])
                        best = (rank, _found(rule, "announcement", text, 0.85,
                                             explicit_city=bool(_city().search(match.group(0)))))
        if best:
            return best[1]
    return None


def from_title(document: CleanDocument) -> Found[IssuerFinding] | None:
    """"KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY": the body whose conclusions these are."""
    title = squeeze(" ".join(document.title_lines))
    folded = fold(title)
    for rule in issuers().rules:
        if rule.announce is None:
            continue
        for match in rule.announce.finditer(folded):
            if _title_conclusion().search(folded[max(0, match.start() - 25):match.start()]):
                return _found(rule, "title", title, 0.75)
    return None


def from_adoption(document: CleanDocument) -> Found[IssuerFinding] | None:
    """"Luật này được Quốc hội … thông qua": the adopting body."""
    adopted = adoption(document)
    if adopted:
        rule = _match_header(adopted.group("body"))
        if rule:
            return _found(rule[0], "adoption-sentence", adopted.string[:160], 0.85)
    return None


def from_type(type_entry: dict | None) -> Found[IssuerFinding] | None:
    """Types only one body issues (Nghị định → Chính phủ, Luật → Quốc hội)."""
    name = (type_entry or {}).get("issuer")
    rule = next((r for r in issuers().rules if r.name == name), None) if name else None
    return _found(rule, "document-type", type_entry["name"], 0.7) if rule else None


def from_number(number: DocNumber | None) -> Found[IssuerFinding] | None:
    if number is None or not number.issuer_code:
        return None
    first = number.issuer_code.split("-")[0]
    rule = issuers().by_code(first)
    if rule is None:
        return None
    return _found(rule, "number-issuer-code", number.text, 0.6)


def _refines(finer: IssuerFinding, base: IssuerFinding) -> bool:
    """A signature body of the same committee ("Ban Thường vụ" of a "Tỉnh ủy") is more specific."""
    return finer.rule.kind == base.rule.kind and finer.rule.scope == base.rule.scope and \
        finer.rule.body == base.rule.body and finer.rule.name != base.rule.name and \
        "{committee}" == base.rule.name


def find_issuer(document: CleanDocument, number: DocNumber | None, signer: Signer | None,
                type_entry: dict | None = None) -> Found[IssuerFinding] | None:
    header = from_header(document)
    collective = from_signature(signer, collective=True)
    if header:
        if collective and _refines(collective.value, header.value):
            return _found(collective.value.rule, "issuer-line+signature", f"{header.clue.text} / {collective.clue.text}",
                          0.95, header.value.place, header.value.explicit_city)
        return header
    for find in (lambda: collective, lambda: from_announcement(document), lambda: from_title(document),
                 lambda: from_adoption(document), lambda: from_signature(signer, collective=False),
                 lambda: from_number(number), lambda: from_type(type_entry)):
        finding = find()
        if finding:
            return finding
    return None


def joint_issuer(number: DocNumber | None) -> Issuer | None:
    """A joint circular (TTLT-VKSNDTC-TANDTC-BCA-…): every body its number names."""
    if number is None or number.type_code != "TTLT" or not number.issuer_code:
        return None
    rules = [issuers().by_code(code) for code in number.issuer_code.split("-")]
    if not rules or any(r is None for r in rules):
        return None
    return Issuer(name=" - ".join(r.name for r in rules), kind="state", body=_words()["joint_body"])


def make_issuer(finding: IssuerFinding, province_code: str | None) -> Issuer:
    """Fill {unit} / {committee} from the province's kind (tỉnh or thành phố trực thuộc TW)."""
    names = unit_names()
    city = finding.explicit_city
    if province_code is not None:
        city = gazetteer().unit_word(province_code) == names["city"]["unit"]
    words = names["city" if city else "province"]
    unit, committee = words["unit"], words["committee"]
    name = finding.rule.name.format(unit=unit, committee=committee)
    body = finding.rule.body.format(unit=unit, committee=committee)
    if city:
        body = body.replace(names["province"]["unit"], names["city"]["unit"])
    return Issuer(name=name, kind=finding.rule.kind, body=body)
