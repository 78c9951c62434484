"""The issuing province, weighed from every clue, and the districts a notice names.

Clues, strongest first (REFERENCE §1): the issuing body line of the header; "tỉnh X"
in the title; the place of the date line; districts and towns in the body;
provincial newspapers and companies in the recipients (and the body); plain
mentions of a province in the body. A province named as a neighbour or a source of
infection ("các tỉnh lân cận (Bình Dương, …)", "nhất là tại Hải Dương") counts for
little: the decision weighs all the evidence instead of taking the first mention.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from ..data_files import load_yaml
from ..model import CleanDocument, Clue, Found, Place
from .textutil import UPPER, WordPattern, fold, squeeze
from .vocab import District, gazetteer

WEIGHTS: dict[str, float] = load_yaml("place_context.yml")["vote_weights"]  # per kind of clue
DISTRICT_CAP: float = load_yaml("place_context.yml")["district_cap"]


@dataclass(frozen=True)
class Vote:
    province: str
    weight: float
    rule: str
    text: str


@dataclass(frozen=True)
class DistrictMention:
    start: int
    end: int
    key: str  # folded name
    kind: str | None  # the kind word written before it, if any
    in_list: bool


@functools.lru_cache(maxsize=1)
def _context() -> dict:
    data = load_yaml("place_context.yml")
    kinds = {k: v for k, v in data["district_kind_words"].items()}
    kind_alternation = "|".join(re.escape(fold(k)) for k in sorted(kinds, key=len, reverse=True))
    return {
        "kinds": kinds,
        "kind_pattern": WordPattern(rf"(?:{kind_alternation})(?=\s)\s+(?:\d+\s+)?\(?\s*"),
        "foreign": re.compile("|".join(re.escape(c) for c in data["foreign_cues"])),
        "self_after": re.compile(data["self_after_cue"]),
        "person_words": set(data["person_name_words"]),
    }


# --- district mentions ---------------------------------------------------------------------

_WORD = rf"[{UPPER}][\w]*(?:-[{UPPER}][\w]*)?"
_RUN = WordPattern(rf"{_WORD}(?:[ \t]+{_WORD})*")
_RUN_AFTER_KIND = re.compile(rf"(?:{_WORD}|\d+)(?:[ \t]+{_WORD})*")


@functools.lru_cache(maxsize=1)
def _list_glue() -> re.Pattern[str]:
    """What stands between two names of a list: ",", "-", ";" or a conjunction ("và", place_context.yml)."""
    conjunctions = "|".join(re.escape(w) for w in load_yaml("place_context.yml")["list_conjunctions"])
    return re.compile(rf"\s*(?:,|{conjunctions}|-|;)\s*")


def _kind_word_at(original: str, match: re.Match) -> str | None:
    """The kind as written ("huyện"), compared with its diacritics so "quản" is not "quận"."""
    written = squeeze(original[match.start():match.end()]).lower().split("(")[0].strip()
    written = re.sub(r"\s+\d+$", "", written)
    return _context()["kinds"].get(written)


_WORD_RE = re.compile(r"\S+")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD_RE.finditer(text, start, end)]


_RUNS_CACHE: dict[str, list[list[tuple[int, int]]]] = {}
_RUN_TAIL = 5  # names have at most this many words; only a run's last words can name a place


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words, each as the spans of its last few words (cached per text)."""
    runs = _RUNS_CACHE.get(text)
    if runs is None:
        if len(_RUNS_CACHE) > 64:
            _RUNS_CACHE.clear()
        runs = []
        for match in _RUN.finditer(text):
            start, end = match.span()
            if end - start > 60:  # a long capitalised heading: keep its tail only
                start = text.rfind(" ", start, end - 60) + 1 or start
            runs.append(_words(text, start, end)[-_RUN_TAIL:])
        _RUNS_CACHE[text] = runs
    return runs


def _key(folded: str, start: int, end: int) -> str:
    return " ".join(folded[start:end].split())


def _longest_prefix(folded: str, words: list[tuple[int, int]], table: dict) -> tuple[int, int] | None:
    """The longest run of leading words that names an entry of ``table``."""
    for size in range(min(len(words), gazetteer().max_district_words), 0, -1):
        start, end = words[0][0], words[size - 1][1]
        if _key(folded, start, end) in table:
            return start, end
    return None


def _continue_list(text: str, folded: str, position: int) -> list[tuple[int, int]]:
    """Further district names after "X, Y và Z" or "X - Y"."""
    found = []
    while True:
        glue = _list_glue().match(text, position)
        if not glue:
            return found
        run = _RUN.regex.match(text, glue.end())
        span = _longest_prefix(folded, _words(text, run.start(), run.end()), gazetteer().districts) if run else None
        if not span:
            return found
        found.append(span)
        position = span[1]


def _kind_mentions(text: str, folded: str) -> list[DistrictMention]:
    mentions = []
    for kind_match in _context()["kind_pattern"].finditer(folded):
        kind = _kind_word_at(text, kind_match)
        if not kind:
            continue
        run = _RUN_AFTER_KIND.match(text, kind_match.end())
        if not run:
            continue
        first = _longest_prefix(folded, _words(text, run.start(), run.end()), gazetteer().districts)
        if not first:
            continue
        rest = _continue_list(text, folded, first[1])
        for index, (start, end) in enumerate([first, *rest]):
            mentions.append(DistrictMention(start, end, _key(folded, start, end), kind, index > 0 or bool(rest)))
    return mentions


def _bare_spans(text: str, folded: str, table: dict, covered: set[int]) -> list[tuple[int, int]]:
    """Capitalised names that end a run of capitalised words ("Tại Hạ Long", "Vân Đồn"),
    not part of a person's name; the longest one per run."""
    spans = []
    person_words = _context()["person_words"]
    longest = gazetteer().max_district_words
    for words in _runs(text):
        if words[0][0] in covered:
            continue
        for first in range(max(0, len(words) - longest), len(words)):
            start, end = words[first][0], words[-1][1]
            if _key(folded, start, end) not in table:
                continue
            before = text[words[first - 1][0]:words[first - 1][1]] if first else _previous_word(text, start)
            if before in person_words or before.lower() in person_words:
                break
            spans.append((start, end))
            break
    return spans


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s+$", text[max(0, start - 20):start])
    return match.group(1) if match else ""


def district_mentions(text: str, folded: str | None = None) -> list[DistrictMention]:
    """District names with a kind word ("huyện Hữu Lũng", "03 huyện (Cao Lộc, Văn Lãng và
    Lộc Bình)") or capitalised in a list or alone; province names are not districts here."""
    folded = fold(text) if folded is None else folded
    mentions = _kind_mentions(text, folded)
    covered = {position for m in mentions for position in range(m.start, m.end)}
    names = gazetteer().by_name
    bare = [(s, e) for s, e in _bare_spans(text, folded, gazetteer().districts, covered)
            if _key(folded, s, e) not in names and not _key(folded, s, e).isdigit()]
    for index, (start, end) in enumerate(bare):
        neighbours = [bare[i] for i in (index - 1, index + 1) if 0 <= i < len(bare)]
        in_list = any(_list_glue().fullmatch(text[min(e, end):max(s, start)]) for s, e in neighbours)
        mentions.append(DistrictMention(start, end, _key(folded, start, end), None, in_list))
    return sorted(mentions, key=lambda m: m.start)


def candidates(mention: DistrictMention) -> list[District]:
    return gazetteer().districts.get(mention.key, [])


# --- votes ------------------------------------------------------------------------------------


def _is_foreign(folded: str, start: int) -> bool:
    window = folded[max(0, start - 70):start]
    for stop in (".", ";", ":", "\n"):
        window = window[window.rfind(stop) + 1:]
    cue = None
    for cue in _context()["foreign"].finditer(window):
        pass
    if cue is None:
        return False
    return not _context()["self_after"].search(window)


def province_spans(text: str, folded: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every capitalised province name or alias in ``text``."""
    spans = [(start, end, gazetteer().by_name[_key(folded, start, end)])
             for start, end in _bare_spans(text, folded, gazetteer().by_name, set())]
    for match in gazetteer().phrase_pattern.finditer(folded):
        if text[match.start()].isupper():
            spans.append((match.start(), match.end(), gazetteer().by_name[_key(folded, match.start(), match.end())]))
    return spans


def mention_votes(text: str, rule_weight: str = "mention", folded: str | None = None) -> list[Vote]:
    """Every province name, alias or unambiguous abbreviation written in ``text``."""
    folded = fold(text) if folded is None else folded
    votes = []
    for start, end, code in province_spans(text, folded):
        rule = "foreign-mention" if _is_foreign(folded, start) and rule_weight == "mention" else rule_weight
        votes.append(Vote(code, WEIGHTS[rule], rule, _snippet(text, start, end)))
    if gazetteer().abbreviation_pattern is not None:
        for match in gazetteer().abbreviation_pattern.finditer(text):
            code, ambiguous = gazetteer().abbreviations[match.group(0)]
            if not ambiguous:
                rule = "foreign-mention" if _is_foreign(folded, match.start()) else rule_weight
                votes.append(Vote(code, WEIGHTS[rule], rule, _snippet(text, match.start(), match.end())))
    return votes


@functools.lru_cache(maxsize=1)
def _abbreviated_organisation() -> tuple[re.Pattern[str] | None, dict[str, str], tuple[str, ...]]:
    """An organisation's name ending in an ambiguous province abbreviation ("Báo QN"): the pattern,
    the kind of each opening word, and the abbreviations (for a cheap test before the pattern)."""
    heads = {" ".join(head.split()): kind for head, kind in load_yaml("place_context.yml")["organisation_heads"].items()}
    ambiguous = tuple(sorted((text for text, (_, is_ambiguous) in gazetteer().abbreviations.items() if is_ambiguous),
                             key=len, reverse=True))
    if not heads or not ambiguous:
        return None, heads, ambiguous
    head_alternatives = "|".join(re.escape(head).replace(r"\ ", r"\s+") for head in sorted(heads, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&-])(?P<head>{head_alternatives})\s+(?P<abbreviation>{'|'.join(map(re.escape, ambiguous))})"
                         r"(?![\w-])")
    return pattern, heads, ambiguous


def abbreviated_organisation_votes(text: str) -> list[Vote]:
    """"Báo QN", "Đài PT-TH HP": an ambiguous abbreviation (provinces_curated.yml) counts only as the
    end of an organisation's name (place_context.yml ``organisation_heads``), never on its own."""
    pattern, heads, ambiguous = _abbreviated_organisation()
    if pattern is None or not any(abbreviation in text for abbreviation in ambiguous):
        return []
    votes, seen = [], set()
    for match in pattern.finditer(text):
        kind = heads[" ".join(match.group("head").split())]
        code = gazetteer().abbreviations[match.group("abbreviation")][0]
        name = " ".join(match.group(0).split())
        if (code, kind, name) not in seen:  # each organisation once, as the named ones above
            seen.add((code, kind, name))
            votes.append(Vote(code, WEIGHTS[kind], kind, _snippet(text, match.start(), match.end())))
    return votes


def organisation_votes(text: str, folded: str | None = None) -> list[Vote]:
    """Provincial newspapers ("Báo BR-VT", "Báo Lạng Sơn") and companies ("Tập đoàn TKV"), and
    organisations named with an ambiguous abbreviation of their province ("Báo QN")."""
    pattern = gazetteer().organisation_pattern
    if pattern is None:
        return abbreviated_organisation_votes(text)
    folded = fold(text) if folded is None else folded
    votes, seen = [], set()
    for match in pattern.finditer(folded):
        code, kind = gazetteer().organisations[" ".join(match.group(0).split())]
        if (code, kind, match.group(0)) in seen or not text[match.start():match.start() + 1].isupper():
            continue
        seen.add((code, kind, match.group(0)))
        votes.append(Vote(code, WEIGHTS[kind], kind, _snippet(text, match.start(), match.end())))
    return votes + abbreviated_organisation_votes(text)


def district_votes(text: str, mentions: list[DistrictMention]) -> list[Vote]:
    """Districts vote for their province once each; a name shared by provinces votes for none."""
    votes, seen = [], set()
    for mention in mentions:
        places = candidates(mention)
        provinces = {d.province for d in places}
        if len(provinces) != 1 or mention.key in seen:
            continue
        seen.add(mention.key)
        rule = "district-named" if mention.kind else ("district-list" if mention.in_list else "district-bare")
        votes.append(Vote(next(iter(provinces)), WEIGHTS[rule], rule, _snippet(text, mention.start, mention.end)))
    return votes


@functools.lru_cache(maxsize=None)
def _unit_words(committees: bool = False) -> str:
    """The unit words of place_context.yml (and the committees' ones), folded, longest first."""
    data = load_yaml("place_context.yml")
    words = data["province_unit_words"] + (data["province_committee_words"] if committees else [])
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=lambda w: (-len(w), w)))


def title_votes(title: str) -> list[Vote]:
    """"trên địa bàn tỉnh Quảng Ninh" in the title: the notice is about that province."""
    folded = fold(title)
    votes = []
    for start, end, code in province_spans(title, folded):
        before = folded[max(0, start - 12):start]
        if re.search(rf"({_unit_words()})\s*$", before) and not _is_foreign(folded, start):
            votes.append(Vote(code, WEIGHTS["title"], "title", _snippet(title, start, end)))
    return votes


@functools.lru_cache(maxsize=1)
def _town_kinds() -> frozenset[str]:
    return frozenset(load_yaml("place_context.yml")["town_district_kinds"])


def place_votes(place: str, rule: str) -> list[Vote]:
    """The place of the date line or of the issuer line: a province, or a city of one."""
    words = place.split()
    for size in range(min(5, len(words)), 0, -1):
        candidate = " ".join(words[-size:])
        code = gazetteer().lookup_name(candidate)
        if code:
            return [Vote(code, WEIGHTS[rule], rule, place)]
        districts = {d.province for d in gazetteer().districts.get(fold(candidate), [])
                     if d.kind in _town_kinds()}
        if len(districts) == 1:
            return [Vote(next(iter(districts)), WEIGHTS[rule], rule, place)]
    return []


def _snippet(text: str, start: int, end: int, width: int = 50) -> str:
    return squeeze(text[max(0, start - width):min(len(text), end + width)])


# --- decision ----------------------------------------------------------------------------------


def decide(votes: list[Vote]) -> Found[str] | None:
    """The code of the province with the most weight, if it clearly leads, with the strongest vote
    for it as the clue; None when evidence is thin (below one plain mention) or two provinces are
    close (unknown beats a guess)."""
    scores: dict[str, float] = defaultdict(float)
    district_weight: dict[str, float] = defaultdict(float)
    for vote in votes:
        if vote.rule.startswith("district"):
            if district_weight[vote.province] >= DISTRICT_CAP:
                continue
            district_weight[vote.province] += vote.weight
        scores[vote.province] += vote.weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < 1.0 or score < 1.5 * second:
        return None
    strongest = max((v for v in votes if v.province == best), key=lambda v: v.weight)
    confidence = min(0.99, 0.5 + 0.5 * (score - second) / (score + 1.0))
    if strongest.rule == "issuer-line":
        confidence = max(confidence, 0.97)
    return Found(best, Clue(strongest.rule, strongest.text, round(confidence, 2)))


def province_votes(document: CleanDocument, body_text: str, issuer_place: str | None, date_place: str | None,
                   mentions: list[DistrictMention], folded_body: str | None = None) -> list[Vote]:
    votes: list[Vote] = []
    if issuer_place:
        votes += place_votes(issuer_place, "issuer-line")
    votes += title_votes(squeeze(" ".join(document.title_lines)))
    if date_place:
        votes += place_votes(date_place, "date-line")
    recipients = "\n".join(document.recipients)
    votes += organisation_votes(recipients)
    folded_body = fold(body_text) if folded_body is None else folded_body
    votes += organisation_votes(body_text, folded_body)
    votes += mention_votes(body_text, folded=folded_body)
    votes += district_votes(body_text, mentions)
    return votes


@functools.lru_cache(maxsize=1)
def _unit_word() -> re.Pattern[str]:
    """"tỉnh", "Tỉnh ủy", "TP." before a name (folded), then the name's first letter."""
    return re.compile(rf"\b(?:{_unit_words(committees=True)})\s+(?=\S)")


def unit_name_votes(text: str) -> list[Vote]:
    """"UBND tỉnh Hà Tĩnh", "Chủ tịch UBND thành phố Hà Nội Chu Ngọc Anh": the longest run of
    capitalised words after the unit word that is a province's name (a person's name may follow)."""
    folded = fold(text)
    votes = []
    for match in _unit_word().finditer(folded):
        words = list(re.finditer(r"[^\s,.;:()]+", text[match.end():match.end() + 60]))
        run = []
        for word in words:
            if not word.group()[:1].isupper() and not (run and word.group() in "-–"):  # "Bà Rịa - Vũng Tàu"
                break
            run.append(word)
        for size in range(min(5, len(run)), 0, -1):
            name = text[match.end() + run[0].start():match.end() + run[size - 1].end()]
            code = gazetteer().lookup_name(name)
            if code and not _is_foreign(folded, match.end()):
                votes.append(Vote(code, WEIGHTS["title"], "title", _snippet(text, match.start(), match.end() + 40)))
                break
    return votes


def framing_votes(framing: list[str], found: dict) -> list[Vote]:
    """The province named by a copy's framing: the issuer in the lead ("UBND tỉnh Hà Tĩnh vừa
    ban hành …"), the portal's issuer row, the newspaper ("(Báo Đồng Nai) - …")."""
    text = "\n".join(framing)
    votes = unit_name_votes(text)
    issuer = found.get("issuer")
    if issuer is not None:
        votes += title_votes(issuer.value)
    votes += organisation_votes(text)
    return votes


# --- places -------------------------------------------------------------------------------------


def places(body_text: str, mentions: list[DistrictMention], province: str | None) -> Found[list[Place]] | None:
    """Districts named in the body with the gazetteer's clue; None when it names none."""
    found = place_list(body_text, mentions, province)
    return Found(found, Clue("gazetteer", ", ".join(p.name for p in found), 0.8)) if found else None


def place_list(body_text: str, mentions: list[DistrictMention], province: str | None) -> list[Place]:
    """Districts named in the body, once each, with their province.

    A name with a kind word or in a list is kept when only one province has it, or when
    the issuing province has it; a lone capitalised name only when the issuing
    province has a district of that name.
    """
    found: dict[tuple[str, str], Place] = {}
    for mention in mentions:
        options = candidates(mention)
        in_issuing = [d for d in options if d.province == province]
        if mention.kind or mention.in_list:
            chosen = in_issuing[0] if in_issuing else (options[0] if len({d.province for d in options}) == 1 else None)
        else:
            chosen = in_issuing[0] if in_issuing else None
        if chosen is None:
            continue
        key = (chosen.province, chosen.name)
        if key not in found:
            found[key] = Place(name=chosen.name, kind=chosen.kind, province=chosen.province, offset=mention.start)
    return sorted(found.values(), key=lambda p: p.offset)
