"""The vocabularies of ``build_tools/data/`` as lookup structures, built once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ..data_files import load_rules, load_yaml
from ..model import Province
from .textutil import WordPattern, compile_folded, fold, fold_pattern, squeeze
from .compose import Anchor, object_anchor, verb_classes
from .lead_index import LeadIndex, Starts

# --- layout words that extraction reads too ------------------------------------------


@functools.lru_cache(maxsize=None)
def layout_words() -> dict[str, Any]:
    """data/structure.yml: the number label ("Số"), the authentication heading, annex openers …"""
    return load_yaml("structure.yml")


@functools.lru_cache(maxsize=None)
def folded_number_label() -> str:
    """"so": the label of a document's number, folded, for patterns on folded text."""
    return re.escape(fold(layout_words()["number_label"]))


def unit_names() -> dict[str, dict[str, str]]:
    """The unit and committee words of a province and of a city (place_context.yml ``unit_names``)."""
    return load_yaml("place_context.yml")["unit_names"]


@functools.lru_cache(maxsize=1)
def _unit_prefixes() -> tuple[str, ...]:
    """"tinh ", "thanh pho ", "tp. ", "tp ", "tp.": a province's unit word before its name (folded),
    then the abbreviations with a full stop also glued to the name ("TP.HCM")."""
    words = [fold(w) for w in load_yaml("place_context.yml")["province_unit_words"]]
    return tuple(w + " " for w in words) + tuple(w for w in words if w.endswith("."))


# --- provinces and districts -------------------------------------------------------


@dataclass(frozen=True)
class District:
    name: str
    kind: str  # huyện | thị xã | thành phố | quận
    province: str  # province code


@dataclass
class Gazetteer:
    provinces: dict[str, dict[str, Any]]  # code → record from provinces.yml
    by_name: dict[str, str]  # folded province name or alias → code
    abbreviations: dict[str, tuple[str, bool]]  # exact text → (code, ambiguous)
    organisations: dict[str, tuple[str, str]]  # folded newspaper/company → (code, "newspaper"|"company")
    districts: dict[str, list[District]]  # folded district name → districts with that name
    organisation_pattern: WordPattern | None
    abbreviation_pattern: WordPattern | None
    phrase_pattern: WordPattern  # folded province names written with "-" or "." ("ba ria - vung tau")
    max_district_words: int = 4
    by_gso: dict[str, str] = field(default_factory=dict)

    def province(self, code: str) -> Province:
        record = self.provinces[code]
        return Province(code=code, name=record["name"], gso=record.get("gso"))

    def unit_word(self, code: str) -> str:
        """"tỉnh" or "thành phố" for the province's kind."""
        names = unit_names()
        province = names["province"]
        return province["unit"] if self.provinces[code].get("kind", province["kind"]) == province["kind"] \
            else names["city"]["unit"]

    def lookup_name(self, text: str) -> str | None:
        """Province code for a name as written ("Quảng Ninh", "BR-VT", "TP.HCM"), else None."""
        text = squeeze(text).strip(" ,.;:")
        if text in self.abbreviations and not self.abbreviations[text][1]:
            return self.abbreviations[text][0]
        folded = fold(text)
        for prefix in _unit_prefixes():
            if folded.startswith(prefix) and folded[len(prefix):].strip() in self.by_name:
                return self.by_name[folded[len(prefix):].strip()]
        return self.by_name.get(folded)


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = load_yaml("provinces.yml")
    records = data["provinces"] if isinstance(data, dict) else data
    provinces, by_name, abbreviations, organisations, districts = {}, {}, {}, {}, {}
    for record in records:
        code = record["code"]
        provinces[code] = record
        for name in [record["name"], *record.get("aliases", [])]:
            by_name[fold(squeeze(name)).replace(" - ", "-")] = code
            by_name[fold(squeeze(name))] = code
        for abbreviation in record.get("abbreviations", []):
            abbreviations[abbreviation["text"]] = (code, bool(abbreviation.get("ambiguous")))
        for name in record.get("newspapers", []):
            organisations[fold(squeeze(name))] = (code, "newspaper")
        for name in record.get("companies", []):
            organisations[fold(squeeze(name))] = (code, "company")
        for district in record.get("districts", []):
            key = fold(squeeze(str(district["name"])))
            districts.setdefault(key, []).append(District(str(district["name"]), district["kind"], code))
    names = list(by_name)
    return Gazetteer(
        provinces=provinces,
        by_name=by_name,
        abbreviations=abbreviations,
        organisations=organisations,
        districts=districts,
        organisation_pattern=WordPattern(rf"(?:{_alternation(list(organisations))})(?![\w])")
        if organisations else None,
        abbreviation_pattern=WordPattern(rf"(?:{_alternation(list(abbreviations))})(?![\w-])", extra=".-")
        if abbreviations else None,
        phrase_pattern=WordPattern(rf"(?:{_alternation([n for n in names if re.search(r'[-.]', n)])})(?![\w])"),
        max_district_words=max(len(k.split()) for k in districts),
        by_gso={r.get("gso"): r["code"] for r in records},
    )


# --- document types ------------------------------------------------------------------


@dataclass
class DocTypes:
    by_code: dict[str, dict[str, Any]]  # exact code → type (state reading: "TT" is Thông tư)
    by_party_code: dict[str, dict[str, Any]]  # codes read differently in Party numbers ("TT": Thông tri)
    by_folded_code: dict[str, list[dict[str, Any]]]  # folded code → types
    by_title: dict[str, dict[str, Any]]  # folded title word → type
    by_name: dict[str, dict[str, Any]]  # type name → type
    citation_words: dict[str, str]  # folded word → type name
    unnumbered: frozenset[str]
    letter_type: str  # the type of a state number without a type code ("1234/UBND")

    def from_code(self, code: str, party: bool = False) -> dict[str, Any] | None:
        """Type for a code in a number: exact first ("HD" ≠ "HĐ"), then folded if unambiguous."""
        if party and code in self.by_party_code:
            return self.by_party_code[code]
        if code in self.by_code:
            return self.by_code[code]
        candidates = [t for t in self.by_folded_code.get(fold(code), []) if not t.get("party_only")]
        return candidates[0] if len(candidates) == 1 else None


@functools.lru_cache(maxsize=1)
def doc_types() -> DocTypes:
    data = load_yaml("doc_types.yml")
    by_code, by_party, by_folded, by_title, by_name = {}, {}, {}, {}, {}
    for entry in data["types"]:
        by_name.setdefault(entry["name"], entry)
        for code in [entry["code"], *entry.get("aliases", [])]:
            if entry.get("party_only"):
                by_party.setdefault(code, entry)
                continue
            by_code.setdefault(code, entry)
            by_folded.setdefault(fold(code), []).append(entry)
        for word in entry.get("title", []):
            by_title.setdefault(fold(word), entry)
    words = {fold(k): v for k, v in data.get("citation_words", {}).items()}
    return DocTypes(by_code, by_party, by_folded, by_title, by_name, words,
                    frozenset(data.get("unnumbered_citation_types", [])), data["letter_type"])


# --- issuers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuerRule:
    name: str
    kind: str
    body: str
    scope: str  # national | provincial
    codes: re.Pattern | None
    header: tuple[re.Pattern, ...]  # one per pattern: each may name its own (?P<place>…)
    signature: re.Pattern | None
    announce: re.Pattern | None


@dataclass
class Issuers:
    rules: list[IssuerRule]
    not_issuers: re.Pattern

    def by_code(self, code: str) -> IssuerRule | None:
        folded = fold(code)
        for rule in self.rules:
            if rule.codes and rule.codes.fullmatch(folded):
                return rule
        return None


def _anchored(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("^(?:" + "|".join(f"(?:{fold_pattern(p)})" for p in patterns) + r")[\s.,:;]*$")


@functools.lru_cache(maxsize=1)
def issuers() -> Issuers:
    data = load_yaml("issuers.yml")
    rules = []
    for scope, entries in (("national", data["central"]), ("provincial", data["provincial"])):
        for entry in entries:
            codes = [fold(str(c)) for c in entry.get("codes", [])]
            rules.append(IssuerRule(
                name=entry["name"], kind=entry["kind"], body=entry["body"], scope=scope,
                codes=re.compile("|".join(f"(?:{c})" for c in codes)) if codes else None,
                header=tuple(_anchored([p]) for p in entry.get("header", [])),
                signature=_anchored(entry.get("signature", [])),
                announce=compile_folded(entry.get("announce", [])),
            ))
    return Issuers(rules, _anchored(data.get("not_issuers", [])))


# --- measures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureRule:
    code: str
    label: str
    oxcgrt: str | None
    triggers: tuple[tuple[str | Anchor | None, re.Pattern], ...]  # (a word the text must contain, or the
    # objects a composition is anchored on, pattern)
    negative: re.Pattern | None
    words: tuple[str, ...] | None = None  # the triggers' required words; None if one has none
    exact: tuple[re.Pattern, ...] = ()  # triggers matched with diacritics, on the lowercased text
    numbers: tuple[int, ...] = ()  # each trigger's number in ``Measures.leads`` (the lead index)

    def may_match(self, folded: str) -> bool:
        return self.words is None or bool(self.exact) or any(word in folded for word in self.words)

    def exact_matches(self, lowered: str):
        for pattern in self.exact:
            yield from pattern.finditer(lowered)

    def finditer(self, folded: str, starts: Starts | None = None):
        """Every trigger match in ``folded``. A trigger with a required word only runs in windows
        around that word's occurrences (fast on long texts); without one it scans the text.
        ``starts`` (``Measures.leads.starts(folded)``): where each trigger can begin, so that it is
        tried only there (the same matches)."""
        seen: set[int] = set()
        anchored: dict[int, list[tuple[int, int]]] = {}  # anchor → its windows in this text
        for number, (word, pattern) in zip(self.numbers or (None,) * len(self.triggers), self.triggers):
            positions = starts.of(number) if starts is not None and number is not None else None
            if positions == [] and not isinstance(word, Anchor) and (word is None or len(folded) < LONG_TEXT):
                continue  # nowhere it can begin, and one window over the whole text (none cuts a word): no match
            if isinstance(word, Anchor):
                windows = anchored.get(id(word))
                if windows is None:
                    windows = anchored[id(word)] = word.windows(folded)
            else:
                windows = [(0, len(folded))] if word is None else _windows(folded, word)
            for low, high in windows:
                found = (pattern.finditer(folded, low, high) if positions is None
                         else pattern.finditer_at(folded, positions, low, high))
                for match in found:
                    if match.start() not in seen:
                        seen.add(match.start())
                        yield match


WINDOW = 120  # characters a trigger may reach either side of its required word
LONG_TEXT = 40_000  # below this, triggers scan the whole text


def _windows(text: str, word: str) -> list[tuple[int, int]]:
    """Merged windows of ±WINDOW characters around each occurrence of ``word``."""
    if len(text) < LONG_TEXT:  # a notice: one scan costs less than finding windows
        return [(0, len(text))] if word in text else []
    count = text.count(word)
    if count * 2 * WINDOW > len(text) // 2:  # a frequent word: one scan of the text is cheaper
        return [(0, len(text))] if count else []
    windows: list[tuple[int, int]] = []
    position = text.find(word)
    while position >= 0:
        low, high = max(0, position - WINDOW), min(len(text), position + len(word) + WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
        position = text.find(word, position + 1)
    return windows


def required_word(pattern: str, common: frozenset[str] = frozenset()) -> str | None:
    """The longest plain word a regular expression cannot match without (None if unsure).

    Only text outside groups counts, and a character made optional by a quantifier ends
    the word early; a top-level alternation has no required word.
    """
    depth, index, chunks, current = 0, 0, [], []
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            chunks.append("".join(current))
            current = []
            index += 2
            continue
        if char in "([":
            chunks.append("".join(current))
            current = []
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        elif char in "?*{" and depth == 0:
            if current:
                current.pop()
            chunks.append("".join(current))
            current = []
            if char == "{":
                index = pattern.find("}", index)
        elif char in ".+^$":
            chunks.append("".join(current))
            current = []
        elif depth == 0:
            current.append(char)
        index += 1
    chunks.append("".join(current))
    words = [w for chunk in chunks for w in fold(chunk).split() if len(w) >= 2]
    rare = [w for w in words if w not in common] or words
    return max(rare, key=len) if rare else None


@dataclass
class Measures:
    rules: list[MeasureRule]
    cues: re.Pattern
    assessment_openers: re.Pattern
    assessment_phrases: re.Pattern | None
    assessment_headings: re.Pattern
    codes: dict[str, MeasureRule]
    praise_openers: re.Pattern
    leads: LeadIndex  # where each trigger of every rule can begin (MeasureRule.numbers)


@functools.lru_cache(maxsize=1)
def measures() -> Measures:
    data = load_rules("measures.yml")
    common = frozenset(fold(w) for w in data.get("common_words", []))
    rules = []
    patterns: list[re.Pattern] = []  # every trigger of every rule, numbered in order for the lead index
    for entry in data["measures"]:
        plain = [p for p in entry["triggers"] if not p.startswith("=")]
        # measure_tags and the coding read a trigger's start and end only: compiled for speed
        exact = tuple(WordPattern(re.sub(r" ", r"\\s+", p[1:]) + r"(?![\w])", spans_only=True)
                      for p in entry["triggers"] if p.startswith("="))
        triggers = tuple((required_word(p, common), compile_folded([p], spans_only=True)) for p in plain)
        # a verb class and an object class in one clause, either order (compose.py): run around
        # the objects only
        anchor = object_anchor(entry.get("compose"))
        triggers += tuple((anchor, verb.pattern) for verb in verb_classes(entry.get("compose")))
        words = tuple(w for w, _ in triggers) if all(isinstance(w, str) for w, _ in triggers) else None
        numbers = tuple(range(len(patterns), len(patterns) + len(triggers)))
        patterns.extend(pattern.regex for _, pattern in triggers)
        rules.append(MeasureRule(entry["code"], entry["label"], entry.get("oxcgrt"), triggers,
                                 compile_folded(entry.get("negative") or [], spans_only=True), words, exact,
                                 numbers))
    instruction = data["instruction"]
    openers = "|".join(fold_pattern(p) for p in instruction["assessment_openers"])
    headings = "|".join(fold_pattern(p) for p in instruction["assessment_headings"])
    return Measures(
        rules=rules,
        cues=compile_folded(instruction["cues"], spans_only=True),  # (spans only, like the triggers)
        assessment_openers=re.compile(rf"^[\W\d]*(?:[a-z]\)\s*)?(?:{openers})\b"),
        assessment_phrases=compile_folded(instruction.get("assessment_phrases", []), spans_only=True),
        assessment_headings=re.compile(rf"^[\W\divxlc]*\.?\s*(?:{headings})\b"),
        codes={r.code: r for r in rules},
        praise_openers=re.compile(r"^[\W\divxlc]*\.?\s*(?:" + "|".join(
            fold_pattern(p) for p in instruction.get("assessment_block_openers", [])) + r")\b"),
        leads=LeadIndex(patterns),
    )
