"""Coding an ordered measure on the OxCGRT codebook: its level, its direction, its scope.

Everything this module knows about Vietnamese wording is data: the codebook and the general
phrasing of direction, scope and period in ``data/oxcgrt.yml``, the level rules of each measure
beside its triggers in ``data/measures.yml``. The functions take one sentence (or clause),
folded, and never look at a whole notice; ``measures.py`` decides which sentences are orders.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..data_files import load_rules, load_yaml
from ..model import Clue, Found, MeasurePlace
from ..vietnamese.date_grammar import spellings
from .compose import VerbClass, composed_level, verb_classes
from .province import candidates, district_mentions
from .textutil import UPPER, alternatives, any_of, compile_folded, fold, squeeze

# --- the codebook --------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    id: str  # "C6"
    name: str  # "Stay at home requirements"
    column: str  # "C6M_Stay at home requirements"
    flag: bool  # has a "<id>M_Flag" column
    relaxed: int | None  # the level a reopening leaves
    levels: dict[int, dict[str, str]]  # level → {en, vi}
    numeric: bool = False  # OxCGRT records an amount, not a level
    vi_name: str = ""  # "Yêu cầu ở nhà": the name readers see on the site's pages
    responsive: bool = False  # ordered "khi phát hiện ca …", the policy is in force (oxcgrt.yml: contingent)
    flat_sum_level_2: int | None = None  # E1: a sum per person from which support is level 2
    recommended: int | None = None  # the codebook's level for a recommendation ("khuyến khích …"), if it has one

    @property
    def flag_column(self) -> str:
        return self.column.split("_", 1)[0] + "_Flag"

    @property
    def notice_column(self) -> str:
        return self.column.split("_", 1)[0] + "_Notice"

    def label(self, level: int | None) -> str:
        return (self.levels.get(level) or {}).get("vi", "") if level is not None else ""


@dataclass(frozen=True)
class Shorthand:
    code: str  # "chi-thi-16"
    name: str
    pattern: re.Pattern
    measures: dict[str, int]


@dataclass(frozen=True)
class RegimeReading:
    """How a sentence treats a national directive it names: applies it, or cites it
    (oxcgrt.yml ``shorthand_reading``)."""

    cited: re.Pattern | None  # in the clause before the name: "quán triệt", "căn cứ", "phổ biến"
    past: re.Pattern | None  # the clause before the name told as done
    several: re.Pattern | None  # "các Chỉ thị": a reminder of several
    replaces: re.Pattern | None  # "áp dụng Chỉ thị 15 thay cho Chỉ thị 16": a change of regime
    frame: re.Pattern | None  # right before the name: "giãn cách xã hội theo", "áp dụng"
    where_or_when: re.Pattern | None  # places or a period in the sentence


@dataclass(frozen=True)
class Codebook:
    indicators: dict[str, Indicator]
    order: tuple[str, ...]
    limits: tuple[tuple[int | None, int], ...]  # C4: (at most N people, level)
    shorthand: tuple[Shorthand, ...]
    shorthand_target: re.Pattern
    relaxation: re.Pattern
    relaxation_anywhere: re.Pattern | None
    relaxation_negated: re.Pattern
    relaxation_stopped_after: re.Pattern | None
    relaxation_negated_inside: re.Pattern | None
    new_obligation: re.Pattern | None
    recommendation: re.Pattern | None
    planned: re.Pattern | None
    contingent: re.Pattern | None
    not_an_order: re.Pattern | None  # a clause that reports, reviews, assigns a draft, sanctions, defines
    shorthand_lift: re.Pattern
    general: re.Pattern
    targeted: re.Pattern | None
    subdistrict: re.Pattern
    place_not_scope: re.Pattern
    numbered_only_kinds: frozenset[str] = frozenset()  # "tổ", "khu": a unit only with a number
    regime_reading: RegimeReading = RegimeReading(None, None, None, None, None, None)


@functools.lru_cache(maxsize=1)
def codebook() -> Codebook:
    data = load_rules("oxcgrt.yml")
    indicators = {}
    for key, entry in data["indicators"].items():
        indicators[key] = Indicator(key, entry["name"], entry["column"], bool(entry.get("flag")), entry.get("relaxed"),
                                    {int(k): v for k, v in (entry.get("levels") or {}).items()},
                                    bool(entry.get("numeric")), entry.get("vi", ""), bool(entry.get("responsive")),
                                    entry.get("flat_sum_level_2"), entry.get("recommended"))
    limits = tuple((item["at_most"], item["level"]) for item in data["indicators"]["C4"]["limits"])
    shorthand = tuple(Shorthand("chi-thi-" + re.search(r"\d+", item["name"]).group(), item["name"],
                                re.compile(item["pattern"]), dict(item["measures"])) for item in data["shorthand"])
    kinds = sorted(data["subdistrict_kinds"], key=len, reverse=True)
    word = rf"(?:[{UPPER}][\w'’]*|\d+[A-Za-z]?)"
    subdistrict = re.compile(
        rf"(?<![\w])(?P<kind>(?i:{'|'.join(re.escape(k) for k in kinds)}))\s*:?\s+"
        rf"(?P<names>{word}(?:\s+{word}){{0,3}}(?:\s*(?:,|;|{_conjunctions()}|\b(?:{_conjunctions()})\b)\s*{word}(?:\s+{word}){{0,3}})*)",
    )
    # the codebook's word patterns are read for their span (and whole match) only: compiled for speed
    return Codebook(
        indicators=indicators,
        order=tuple(data["order"]),
        limits=limits,
        shorthand=shorthand,
        shorthand_target=re.compile(r"\b(?:" + "|".join(data["shorthand_target"]) + r")\b"),
        relaxation=compile_folded(data["relaxation"], spans_only=True),
        relaxation_anywhere=compile_folded(data.get("relaxation_anywhere") or [], spans_only=True),
        planned=compile_folded(data.get("planned") or [], spans_only=True),
        contingent=compile_folded(data.get("contingent") or [], spans_only=True),
        not_an_order=compile_folded(data.get("not_an_order") or [], spans_only=True),
        relaxation_negated=re.compile(data["relaxation_negated"]),
        relaxation_stopped_after=re.compile(data["relaxation_stopped_after"]) if data.get("relaxation_stopped_after") else None,
        new_obligation=re.compile(data["new_obligation"]) if data.get("new_obligation") else None,
        recommendation=compile_folded(data.get("recommendation") or [], spans_only=True),
        relaxation_negated_inside=re.compile(data["relaxation_negated_inside"]) if data.get("relaxation_negated_inside") else None,
        shorthand_lift=re.compile(data["shorthand_lift"]),
        general=compile_folded(data["general"], spans_only=True),
        targeted=compile_folded(data.get("targeted") or [], spans_only=True),
        subdistrict=subdistrict,
        place_not_scope=re.compile(data["place_not_scope"]),
        numbered_only_kinds=frozenset(data.get("numbered_only_kinds") or ()),
        regime_reading=RegimeReading(*(any_of((data.get("shorthand_reading") or {}).get(key))
                                       for key in ("cited", "past", "several", "replaces", "frame", "where_or_when"))),
    )


# --- level rules (measures.yml) -------------------------------------------------------------


@dataclass(frozen=True)
class LevelRules:
    default: int | None
    rules: tuple[tuple[int, re.Pattern], ...] = ()
    groups: tuple[re.Pattern, ...] = ()
    by_count: tuple[int, ...] = ()
    after_groups: tuple[tuple[int, re.Pattern], ...] = ()
    relaxed: tuple[tuple[int, re.Pattern], ...] = ()
    limit: bool = False
    amount: bool = False
    composed: tuple[VerbClass, ...] = ()  # verb classes × object classes (measures.yml: compose)


@dataclass(frozen=True)
class CodedRule:
    """What measures.yml says about coding one taxonomy entry."""

    code: str
    indicator: str | None
    levels: LevelRules | None
    expands: str | None = None
    extra: dict = field(default_factory=dict)


def _rule_list(items: list[dict] | None) -> tuple[tuple[int, re.Pattern], ...]:
    # read by first_agreeing: a match's start and end only
    return tuple((int(item["level"]), compile_folded(item["when"], spans_only=True)) for item in items or [])


@functools.lru_cache(maxsize=1)
def coded_rules() -> dict[str, CodedRule]:
    found = {}
    for entry in load_rules("measures.yml")["measures"]:
        spec = entry.get("levels")
        levels = None
        if spec is not None:
            levels = LevelRules(
                default=spec.get("default"),
                rules=_rule_list(spec.get("rules")),
                groups=tuple(compile_folded(patterns, spans_only=True) for patterns in (spec.get("groups") or {}).values()),
                by_count=tuple(spec.get("by_count") or ()),
                after_groups=_rule_list(spec.get("rules_after_groups")),
                relaxed=_rule_list(spec.get("relaxed")),
                limit=bool(spec.get("limit")),
                amount=bool(spec.get("amount")),
                composed=verb_classes(entry.get("compose")),
            )
        found[entry["code"]] = CodedRule(entry["code"], entry.get("oxcgrt"), levels, entry.get("expands"))
    return found


# --- words folding confuses ("đóng cửa" / "động của") ------------------------------------------


@functools.lru_cache(maxsize=1)
def _homographs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = load_rules("measures.yml").get("homographs") or {}
    return tuple((folded, tuple(spellings)) for folded, spellings in table.items())


def homographs_agree(folded: str, lowered: str | None, start: int, end: int) -> bool:
    """Whether a match at folded[start:end] means what the pattern means: a homograph the match
    starts with has one of its intended spellings in ``lowered`` (the text lowercased, same
    offsets). Patterns put the verb first, so the start is where a confusion matters. Without
    the lowercased text, every match agrees."""
    if lowered is None or len(lowered) != len(folded):
        return True
    for word, spellings in _homographs():
        if folded.startswith(word, start) and (start + len(word) >= len(folded)
                                               or not folded[start + len(word)].isalnum()):
            if lowered[start:start + len(word)] not in spellings:
                return False
    return True


def first_agreeing(pattern, folded: str, lowered: str | None):
    """The first match of ``pattern`` whose homographs agree (see ``homographs_agree``)."""
    for match in pattern.finditer(folded):
        if homographs_agree(folded, lowered, match.start(), match.end()):
            return match
    return None


# --- level and direction ----------------------------------------------------------------------

def _conjunctions() -> str:
    """"và" (place_context.yml ``list_conjunctions``) as an alternation on written text."""
    return alternatives(load_yaml("place_context.yml")["list_conjunctions"])


@dataclass(frozen=True)
class CountWords:
    """How directives write a number of people (data/lexicon.yml): digits or spelled numbers
    ("hai", "ba mươi"), a magnitude ("1 nghìn"), and the nouns counted ("người", "khách")."""

    pattern: re.Pattern
    digits: dict[str, int]  # "hai" → 2
    magnitudes: dict[str, int]  # "nghin" → 1000
    ten: str = ""  # "muoi"
    after_ten: dict[str, int] = field(default_factory=dict)  # "lam" → 5 ("mười lăm")


@functools.lru_cache(maxsize=1)
def count_words() -> CountWords:
    data = load_rules("oxcgrt.yml")["indicators"]["C4"]["counts"]
    digits = {fold(word): value for value, word in enumerate(data["spelled_digits"], start=1)}
    magnitudes = {fold(word): int(value) for word, value in data["magnitudes"].items()}
    spelled = "|".join(sorted((re.escape(w) for w in digits), key=len, reverse=True))
    ten = fold(data["ten"])
    after_ten = {fold(word): int(value) for word, value in data["after_ten"].items()}
    after = "|".join(re.escape(w) for w in after_ten)
    spelled_number = rf"(?:(?:{spelled})\s+)?{re.escape(ten)}(?:\s+(?:{spelled}|{after}))?|(?:{spelled})"
    magnitude = "|".join(re.escape(word) for word in magnitudes)
    units = "|".join(re.escape(fold(word)) for word in data["units"])
    limit = load_rules("oxcgrt.yml")["gathering_limit"]
    pattern = re.compile(
        rf"(?P<cue>{limit['cues']})?"
        rf"\s*\b(?P<n>\d{{1,3}}(?:[.,]\d{{3}})*|{spelled_number})(?:\s+(?P<mag>{magnitude}))?\s*(?P<unit>{units})\b"
        rf"(?P<more>{limit['more']})?")
    return CountWords(pattern, digits, magnitudes, ten, after_ten)


def count_value(number: str, magnitude: str | None = None) -> int:
    """ "1.000" → 1000, "hai" → 2, "ba muoi" → 30, "muoi lam" → 15, "2 nghin" → 2000."""
    words = count_words()
    if number[0].isdigit():
        value = int(re.sub(r"[.,]", "", number))
    else:
        tokens = number.split()
        if words.ten in tokens:
            at = tokens.index(words.ten)
            tens = words.digits.get(tokens[at - 1], 1) if at else 1
            unit = tokens[at + 1] if at + 1 < len(tokens) else None
            value = tens * 10 + (words.after_ten.get(unit or "") or words.digits.get(unit or "", 0))
        else:
            value = words.digits[tokens[0]]
    return value * words.magnitudes.get(magnitude or "", 1)


@functools.lru_cache(maxsize=1)
def _limit_cues() -> tuple[frozenset[str], frozenset[str]]:
    """(the cues of "below", the cues of "from") of a gathering limit, from oxcgrt.yml."""
    data = load_rules("oxcgrt.yml")["gathering_limit"]
    return frozenset(fold(w) for w in data["below"]), frozenset(fold(w) for w in data["from"])


def gathering_limit(folded: str) -> int | None:
    """The largest gathering a sentence allows: "không quá 10 người" → 10, "từ 10 người trở lên"
    (forbidden) → 9, "dưới 30 người" → 29, "quá hai người" → 2; the smallest when it names several.
    A spelled number counts only after a cue (it is also a word: "năm" is a year)."""
    limits = []
    below, from_ = _limit_cues()
    for match in count_words().pattern.finditer(folded):
        cue = re.sub(r"\s+", " ", match.group("cue") or "").strip()
        number = re.sub(r"\s+", " ", match.group("n"))
        if not number[0].isdigit() and not cue:
            continue
        count = count_value(number, match.group("mag"))
        if match.group("more") or cue in below or cue in from_:
            if not (match.group("more") or cue in below):
                continue
            count -= 1
        elif not cue:
            continue
        limits.append(max(count, 0))
    return min(limits) if limits else None


def level_of_limit(limit: int) -> int:
    for at_most, level in codebook().limits:
        if at_most is None or limit <= at_most:
            return level
    return 1


def is_relaxation(folded: str, until: int | None = None, measure_start: int | None = None) -> bool:
    """The clause lifts or eases a measure, and does not say it is still not lifted ("vẫn chưa
    được phép hoạt động trở lại"); with ``until``, only a relaxation that starts before that
    offset (the end of the measure's words) counts, unless the measure is the subject of a
    lifting verb ("Các chốt … được dỡ bỏ": ``relaxation_anywhere``). With ``measure_start``, a
    relaxation followed by a new obligation before the measure's words does not count ("… được hoạt
    động trở lại, người bán phải đeo khẩu trang")."""
    book = codebook()
    if book.relaxation_anywhere is not None:
        for match in book.relaxation_anywhere.finditer(folded):
            if not book.relaxation_negated.search(folded[max(0, match.start() - 60):match.start()]):
                return True
    for match in book.relaxation.finditer(folded):
        if until is not None and match.start() >= until:
            break
        if book.relaxation_stopped_after is not None and book.relaxation_stopped_after.search(folded[match.end():]):
            continue
        if book.relaxation_negated_inside is not None and book.relaxation_negated_inside.search(match.group()):
            continue
        if (measure_start is not None and book.new_obligation is not None and match.end() <= measure_start
                and book.new_obligation.search(folded, match.end(), measure_start)):
            continue
        if not book.relaxation_negated.search(folded[max(0, match.start() - 60):match.start()]):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _amount_words() -> tuple[re.Pattern[str], tuple[tuple[str, int], ...], int]:
    """(the amount pattern, (unit prefix, multiplier) pairs, days in a month), from oxcgrt.yml."""
    data = load_rules("oxcgrt.yml")["support_amount"]
    return (re.compile(data["pattern"]), tuple((fold(w), int(m)) for w, m in data["multipliers"].items()),
            int(data["days_in_month"]))


def support_amount(folded: str) -> int | None:
    """The largest sum per person a sentence grants, in đồng a month or once ("3.710.000
    đồng/người" → 3710000, "1,5 triệu đồng" → 1500000, "100.000 đồng/ngày" → 3000000)."""
    pattern, multipliers, days_in_month = _amount_words()
    amounts = []
    for match in pattern.finditer(folded):
        number, unit = match.group("n"), match.group("unit")
        multiplier = next((m for prefix, m in multipliers if unit.startswith(prefix)), None)
        if multiplier is not None:
            value = float(number.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d{1,2})?", number) else None
            if value is None:
                continue
            value *= multiplier
        else:
            value = float(re.sub(r"[.,]", "", number))
        if any(day in (match.group("per") or "") for day in spellings("day")):
            value *= days_in_month
        amounts.append(int(value))
    return max(amounts) if amounts else None


def recommended_level(indicator_id: str | None, folded: str) -> int | None:
    """The codebook's "recommend" level when the clause advises rather than orders ("khuyến
    khích …", "người dân nên …") and adds no obligation of its own ("phải", "cấm")."""
    book = codebook()
    indicator = book.indicators.get(indicator_id or "")
    if indicator is None or indicator.recommended is None or book.recommendation is None:
        return None
    if not book.recommendation.search(folded):
        return None
    if book.new_obligation is not None and book.new_obligation.search(folded):
        return None
    return indicator.recommended


def level_for(rule: CodedRule, folded: str, relaxed: bool, lowered: str | None = None) -> int | None:
    """The codebook level the clause gives this measure: the first rule that matches, group
    counts, the default; for a relaxation the indicator's relaxed level unless a gathering
    limit or a `relaxed` rule says otherwise."""
    spec = rule.levels
    if spec is None:
        return None
    if spec.limit:
        limit = gathering_limit(folded)
        if limit is not None:
            return level_of_limit(limit)
    if relaxed:
        for level, pattern in spec.relaxed:
            if first_agreeing(pattern, folded, lowered):
                return level
        indicator = codebook().indicators.get(rule.indicator or "")
        if indicator is not None and indicator.relaxed is not None:
            return indicator.relaxed
    recommended = recommended_level(rule.indicator, folded)
    if recommended is not None:
        return recommended
    for level, pattern in spec.rules:
        if first_agreeing(pattern, folded, lowered):
            return level
    matched, level = composed_level(spec.composed, folded)
    if matched and level is not None:
        return level  # a limiting verb on the measure's object: the class's level
    if spec.amount:
        threshold = (codebook().indicators.get(rule.indicator or "") or Indicator("", "", "", False, None, {})).flat_sum_level_2
        amount = support_amount(folded)
        if threshold and amount is not None:
            return 2 if amount >= threshold else 1
    if spec.groups:
        named = sum(1 for pattern in spec.groups if pattern.search(folded))
        if named and spec.by_count:
            return spec.by_count[min(named, len(spec.by_count)) - 1]
    for level, pattern in spec.after_groups:
        if first_agreeing(pattern, folded, lowered):
            return level
    return spec.default


def in_force(folded: str) -> str:
    """"none" (the clause orders nothing: a review, a draft to submit, a sanction for violators,
    who is accountable, a definition of who may), "planned" (a plan is prepared: nothing in force),
    "contingent" (ordered for a situation that may come: only `responsive` indicators in force) or
    "now"."""
    book = codebook()
    if book.not_an_order is not None and book.not_an_order.search(folded):
        return "none"
    if book.planned is not None and book.planned.search(folded):
        return "planned"
    if book.contingent is not None and book.contingent.search(folded):
        return "contingent"
    return "now"


def shorthand_in(folded: str) -> Found[Shorthand] | None:
    """The national directive a sentence applies as a regime ("theo Chỉ thị 16/CT-TTg"); of two
    ("chuyển từ Chỉ thị 16 sang Chỉ thị 15"), the one after "sang". None when the sentence only
    cites it (``applies_regime``)."""
    book = codebook()
    named = sorted(((m.start(), item) for item in book.shorthand for m in item.pattern.finditer(folded)),
                   key=lambda pair: pair[0])
    if not named:
        return None
    chosen = named[0]
    target = book.shorthand_target.search(folded) if len(named) > 1 else None
    if target:
        chosen = next((pair for pair in named if pair[0] > target.start()), named[0])
    position, item = chosen
    if not applies_regime(folded, position, named):
        return None
    return Found(item, Clue("shorthand:" + item.code, folded[position:position + 30], 0.8))


def applies_regime(folded: str, position: int, named: list[tuple[int, Shorthand]] = ()) -> bool:
    """Whether the sentence applies the directive named at ``position`` to places or a period, rather
    than cite it: not passed on or taken as a basis ("Quán triệt …", "Căn cứ …"), not told as past,
    not one of several recalled ("các Chỉ thị 15, 16, 19") unless the regime changes; a frame ("giãn
    cách xã hội theo", "áp dụng") applies it, a bare verb only with places or dates (oxcgrt.yml
    ``shorthand_reading``)."""
    book = codebook()
    reading = book.regime_reading
    clause_start = max(folded.rfind(".", 0, position), folded.rfind(";", 0, position)) + 1
    clause_end = min((i for i in (folded.find(".", position), folded.find(";", position)) if i >= 0),
                     default=len(folded))
    before = folded[clause_start:position]
    directives = len({id(item) for at, item in named if clause_start <= at < clause_end})
    if reading.cited is not None and reading.cited.search(before):
        return False
    if reading.past is not None and reading.past.search(before):
        return False
    changes = bool(book.shorthand_target.search(folded) or book.shorthand_lift.search(folded)
                   or (reading.replaces is not None and reading.replaces.search(folded)))
    if not changes and (directives > 1 or (reading.several is not None and reading.several.search(before))):
        return False
    if reading.frame is None or reading.frame.search(before[-120:]):
        return True
    return reading.where_or_when is not None and bool(reading.where_or_when.search(folded))


# --- scope and places --------------------------------------------------------------------------


def _districts(sentence: str, folded: str, province: str | None) -> list[tuple[int, int, MeasurePlace]]:
    """(start, end, place) of each district named, resolved in the issuing province."""
    found = []
    for mention in district_mentions(sentence, folded):
        options = candidates(mention)
        in_issuing = [d for d in options if d.province == province]
        if in_issuing:
            chosen = in_issuing[0]
        elif (mention.kind or mention.in_list) and len({d.province for d in options}) == 1 and province is None:
            chosen = options[0]
        else:
            continue
        found.append((mention.start, mention.end, MeasurePlace(chosen.name, chosen.kind, chosen.province, True)))
    return found


def _subdistricts(sentence: str, province: str | None, covered: list[tuple[int, int]]) -> list[tuple[int, MeasurePlace]]:
    found = []
    for match in codebook().subdistrict.finditer(sentence):
        if any(a <= match.start("names") < b for a, b in covered):
            continue
        kind = match.group("kind").lower()
        names = re.sub(rf"\s+(?:{_conjunctions()})\s+", ", ", match.group("names"))
        for name_match in re.finditer(r"[^,;]+", names):
            name = squeeze(name_match.group()).strip()
            if not name or (len(name) > 1 and name.isupper() and not name.isdigit()):
                continue  # "Tổ COVID": an acronym is not a place name
            if kind in codebook().numbered_only_kinds and not name[0].isdigit():
                continue  # "tổ", "khu" alone name a unit only with a number
            found.append((match.start(), MeasurePlace(name, kind, province, False)))
    return found


def places_in(sentence: str, province: str | None) -> list[MeasurePlace]:
    """Districts (resolved to the gazetteer, in the issuing province) and units below them that
    ``sentence`` names, in order, once each."""
    folded = fold(sentence)
    districts = _districts(sentence, folded, province)
    covered = [(start, end) for start, end, _ in districts]
    places = sorted([(start, place) for start, _, place in districts] + _subdistricts(sentence, province, covered),
                    key=lambda pair: pair[0])
    not_scope = codebook().place_not_scope
    places = [(start, place) for start, place in places
              if not not_scope.search(folded[max(0, start - 30):start])]
    unique: dict[tuple[str, str], MeasurePlace] = {}
    for _, place in places:
        unique.setdefault((place.kind, place.name), place)
    return list(unique.values())


def _general_cue(folded: str, sentence: str) -> bool:
    """"toàn tỉnh", "trên địa bàn tỉnh" …; not "trên địa bàn thành phố Hạ Long" (a city is a district)."""
    for match in codebook().general.finditer(folded):
        rest = sentence[match.end():match.end() + 3].lstrip()
        if rest[:1].isupper():
            continue
        return True
    return False


def names_whole_province(sentence: str) -> bool:
    """"toàn tỉnh", "trên địa bàn tỉnh", "các huyện còn lại" …: the sentence speaks of the whole province."""
    return _general_cue(fold(sentence), sentence)


def scope_of(sentence: str, province: str | None,
             inherited: tuple[MeasurePlace, ...] = ()) -> Found[tuple[str, tuple[MeasurePlace, ...]]]:
    """("general" | "targeted", places): named places below the province make a measure
    targeted unless the sentence also says "toàn tỉnh"; a zone drawn around cases ("khu vực
    phong tỏa") is targeted without a name; a lead-in's places ("Đối với huyện X:") carry over."""
    folded = fold(sentence)
    if _general_cue(folded, sentence):
        return Found(("general", ()), Clue("scope-general", sentence[:80], 0.8))
    places = tuple(places_in(sentence, province)) or inherited
    if places:
        return Found(("targeted", places), Clue("scope-places", ", ".join(p.name for p in places), 0.8))
    book = codebook()
    if book.targeted is not None and book.targeted.search(folded):
        return Found(("targeted", ()), Clue("scope-zone", sentence[:80], 0.7))
    return Found(("general", ()), Clue("scope-default", "", 0.6))
