"""Document type (Thông báo, Kết luận, …) and the title (trích yếu) of a notice."""
from __future__ import annotations

import functools
import re
from typing import Any

from ..data_files import load_yaml
from ..model import CleanDocument, Clue, DocNumber, Found
from ..vietnamese.date_grammar import date_word
from .textutil import alternatives, fold, is_all_caps, squeeze
from .vocab import doc_types, folded_number_label


@functools.lru_cache(maxsize=None)
def _labelled_number() -> re.Pattern[str]:
    """"Luật số: 51/2024/QH15" (folded): a type named before the number's label."""
    return re.compile(rf"^\W*(?P<type>[a-z ]{{3,25}}?)\s+{folded_number_label()}\s*[:.]")



def _words() -> dict:
    return load_yaml("doc_types.yml")


@functools.lru_cache(maxsize=None)
def _connectors() -> tuple[str, ...]:
    return tuple(fold(word) for word in _words()["title_connectors"])


@functools.lru_cache(maxsize=None)
def adoption_sentence() -> re.Pattern[str]:
    """"Luật này được Quốc hội … thông qua ngày …": the closing formula of laws and resolutions (folded)."""
    words = _words()["adoption_sentence"]
    types, bodies = (alternatives(words[key], folded=True) for key in ("types", "bodies"))
    this, already, passive = (re.escape(fold(words[key])) for key in ("this", "already", "passive"))
    adopted = re.escape(fold(load_yaml("dates.yml")["adoption_phrase"]))
    return re.compile(rf"^\W*(?P<type>{types}) {this} (?:{already} )?{passive} (?P<body>{bodies})\b[^.]*{adopted}")


def _letter_type() -> dict[str, Any] | None:
    return doc_types().by_name.get(doc_types().letter_type)


def _consolidated_type() -> dict[str, Any]:
    return doc_types().by_name[_words()["consolidated"]["type"]]


def _names_consolidated_text(line: str) -> bool:
    """A header line naming a consolidated text ("VĂN BẢN HỢP NHẤT"), not its authentication heading."""
    words = _words()["consolidated"]
    folded = fold(line)
    return fold(words["header_words"]) in folded and fold(words["not_with"]) not in folded


def type_from_number(number: DocNumber | None) -> dict[str, Any] | None:
    """The type named by the number's type code; a state number without one is a letter."""
    if number is None:
        return None
    if number.type_code:
        return doc_types().from_code(number.type_code, party=number.form == "party")
    if number.form == "state" and "-" in (number.issuer_code or ""):
        return _letter_type()
    if number.form == "state" and number.year is None and _provincial_issuer_code(number.issuer_code):
        return _letter_type()  # "1234/UBND": a letter whose symbol names the body only
    return None


def _provincial_issuer_code(code: str | None) -> bool:
    """A provincial body's code alone (UBND, SYT, BCĐ …); central codes (QH15, CP) are not letters."""
    from .vocab import issuers

    rule = issuers().by_code(code) if code else None
    return rule is not None and rule.scope == "provincial"


def party_shared_types(number: DocNumber | None) -> list[str]:
    """The types a Party number's code can name, when it names several."""
    if number is None or number.form != "party" or not number.type_code:
        return []
    shared = load_yaml("doc_types.yml").get("party_shared_codes", {})
    return shared.get(number.type_code) or shared.get(number.type_code.replace("Ð", "Đ")) or []


def type_from_title_line(line: str) -> dict[str, Any] | None:
    """A title line naming the type: the whole line, or the type words then the summary."""
    folded = fold(squeeze(line)).strip(" .:*")
    types = doc_types().by_title
    if folded in types:
        return types[folded]
    for words in sorted(types, key=len, reverse=True):
        if folded.startswith(words + " ") and is_all_caps(line[: len(words) + 1]):
            return types[words]
    return None


def document_type(document: CleanDocument, number: DocNumber | None) -> Found[dict[str, Any]] | None:
    """The type (its vocabulary entry) from the number's type code, a labelled number, the
    consolidated-text header, or the first title line — in that order of trust."""
    found = type_from_number(number)
    shared = party_shared_types(number)
    if found and shared:  # "QĐ" in a Party number: Quyết định or Quy định, the title line says which
        for line in document.title_lines[:2]:
            titled = type_from_title_line(line)
            if titled and titled["name"] in shared:
                return Found(titled, Clue("title-line", squeeze(line), 0.9))
        return Found(found, Clue("number-type-code", number.text, 0.7))
    if found:
        return Found(found, Clue("number-type-code", number.text, 0.95))
    for line in document.header_lines:
        label = _labelled_number().match(fold(squeeze(line)))
        if label and label.group("type").strip() in doc_types().by_title:
            return Found(doc_types().by_title[label.group("type").strip()], Clue("labelled-number", squeeze(line), 0.9))
        if _names_consolidated_text(line):
            return Found(_consolidated_type(), Clue("consolidated-header", squeeze(line), 0.9))
    preamble = consolidation_preamble(document)
    if preamble:
        return Found(_consolidated_type(), Clue("consolidation-preamble", preamble, 0.75))
    for line in document.title_lines[:2]:
        found = type_from_title_line(line)
        if found:
            return Found(found, Clue("title-line", squeeze(line), 0.9))
    adopted = adoption(document)
    if adopted:
        return Found(doc_types().by_title[adopted.group("type")], Clue("adoption-sentence", adopted.string[:160], 0.8))
    return None


@functools.lru_cache(maxsize=None)
def _preamble() -> re.Pattern[str]:
    """"có hiệu lực kể từ ngày …, được sửa đổi, bổ sung bởi" (folded)."""
    words = _words()["consolidated"]["preamble"]
    in_force, amended, by = (alternatives(words[key], folded=True) for key in ("in_force", "amended", "by"))
    return re.compile(rf"(?:{in_force}) (?:{date_word('day')})[^.]{{0,120}}?(?:{amended}) (?:{by})")


def consolidation_preamble(document: CleanDocument) -> str | None:
    """A consolidated text opens by naming the original and its amendments: "Thông tư số … có
    hiệu lực kể từ ngày …, được sửa đổi, bổ sung bởi: …" (Pháp lệnh hợp nhất văn bản)."""
    for text in [squeeze(" ".join(document.title_lines))] + [b.text for b in document.blocks[:4]]:
        if _preamble().search(fold(text)):
            return squeeze(text[:160])
    return None


def adoption(document: CleanDocument) -> re.Match | None:
    """The closing "… này được Quốc hội … thông qua" sentence, if the last blocks hold one."""
    for block in reversed(document.blocks[-8:]):
        match = adoption_sentence().match(fold(block.text))
        if match:
            return match
    return None


# --- title ---------------------------------------------------------------------------------


def _case_terms() -> list[tuple[re.Pattern, str]]:
    cached = getattr(_case_terms, "cache", None)
    if cached is None:
        terms = load_yaml("doc_types.yml").get("title_case_terms", [])
        cached = [(re.compile(rf"(?<!\w){re.escape(fold(t))}(?!\w)"), t) for t in sorted(terms, key=len, reverse=True)]
        _case_terms.cache = cached  # type: ignore[attr-defined]
    return cached


@functools.lru_cache(maxsize=8)
def _name_patterns(names: tuple[str, ...]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?<!\w){re.escape(fold(n))}(?!\w)"), n) for n in sorted(names, key=len, reverse=True)]


def sentence_case(text: str, proper_names: list[str] = (), capitalise_first: bool = True) -> str:
    """An all-capitals line in sentence case, keeping the capitals of known names and terms."""
    lowered = text.lower()
    folded = fold(lowered)
    chars = list(lowered)
    terms = _case_terms() + _name_patterns(tuple(proper_names))
    for pattern, term in terms:
        for match in pattern.finditer(folded):
            for offset, char in enumerate(term):
                if char.isupper():
                    chars[match.start() + offset] = chars[match.start() + offset].upper()
    result = "".join(chars)
    return result[:1].upper() + result[1:] if capitalise_first else result


def document_title(document: CleanDocument, type_name: str | None, proper_names: list[str] = ()) -> str | None:
    """The summary under the type line, in sentence case; prefixed by the type when it
    starts with a connector ("Kết luận về việc …", "Kết luận của Ban Thường vụ …")."""
    lines = list(document.title_lines)
    if lines and type_from_title_line(lines[0]):
        first = lines[0]
        type_words = fold(squeeze(first)).strip(" .:*")
        if type_words in doc_types().by_title:
            lines = lines[1:]
        else:  # "THÔNG BÁO**KẾT LUẬN …" flattened on one line: drop the type words only
            words = next(w for w in sorted(doc_types().by_title, key=len, reverse=True)
                         if type_words.startswith(w + " "))
            lines[0] = squeeze(first)[len(words):]
    lines = [_expand_letter_summary(line) for line in lines if line.strip()]
    parts = [sentence_case(squeeze(line), proper_names, capitalise_first=index == 0) if is_all_caps(line)
             else squeeze(line) for index, line in enumerate(lines)]
    parts = [part[:1].lower() + part[1:] if index and _starts_with_connector(part) else part
             for index, part in enumerate(parts)]
    if not parts:
        return None
    summary = squeeze(" ".join(parts))
    summary = summary[:1].upper() + summary[1:] if summary[:1].islower() and not _starts_with_connector(summary) \
        else summary
    if _starts_with_connector(summary) and type_name:
        return f"{type_name} {summary[:1].lower() + summary[1:]}"
    return summary


@functools.lru_cache(maxsize=None)
def _letter_abbreviation() -> tuple[re.Pattern[str], str]:
    words = load_yaml("structure.yml")
    abbreviation = re.escape(words["letter_summary_abbreviation"])
    return re.compile(rf"^\s*(?i:{abbreviation})\s*:?\s*"), words["letter_summary_expansion"] + " "


def _expand_letter_summary(line: str) -> str:
    """"V/v phòng dịch" (a letter's summary, abbreviated) → "Về việc phòng dịch"."""
    pattern, expansion = _letter_abbreviation()
    return pattern.sub(lambda _: expansion, line)


def _starts_with_connector(text: str) -> bool:
    return fold(text).startswith(_connectors())
