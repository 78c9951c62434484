"""Measures a notice orders, tagged with the taxonomy of ``data/measures.yml``.

A tag needs evidence: a sentence that matches one of the measure's triggers, none of
its negative patterns, and reads as an instruction — it carries an instruction cue
("yêu cầu", "tăng cường", "bắt buộc", …), does not open like an assessment ("Đánh
giá cao", "Tình hình …") and does not sit in the context part of the notice. The
context part is everything before the sentence that opens the conclusions ("… kết
luận như sau:", "Trong đó lưu ý:") and any section headed as an assessment
("1. Đánh giá chung"). So "chưa có thuốc điều trị đặc hiệu" or the past week's
"củng cố các tổ COVID-19 cộng đồng" tag nothing.

Every ordering sentence is then coded on the OxCGRT codebook (``coding.py``): indicator,
level, direction, scope with its places, and the period it states (``deadlines.measure_period``);
a lead-in ending in ":" lends its places and period to the items under it. The records sit
on their tag (``MeasureTag.records``); ``Metadata.coded_measures()`` lists them all.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..data_files import load_rules, load_yaml
from ..model import Block, CleanDocument, Evidence, Measure, MeasurePlace, MeasureTag
from .coding import (CodedRule, codebook, coded_rules, homographs_agree, in_force, is_relaxation, level_for,
                     names_whole_province, places_in, scope_of, shorthand_in)
from .deadlines import Period, measure_period, refers_to_regime, states_period_only
from .textutil import alternatives, any_of, compile_folded, fold, sentence_spans, squeeze
from .vocab import measures

MAX_EVIDENCE = 3


def _instruction_words() -> dict:
    return load_rules("measures.yml")["instruction"]


@functools.lru_cache(maxsize=1)
def _conclusions_open() -> re.Pattern[str]:
    return re.compile(_instruction_words()["conclusions_opening"])


@functools.lru_cache(maxsize=1)
def _legal_basis_opener() -> str:
    return fold(_instruction_words()["legal_basis_opener"])


def _directive_start(blocks: list[Block]) -> int:
    """Index of the first block after the sentence that opens the conclusions (0 if none)."""
    for index, block in enumerate(blocks[: max(1, len(blocks) // 2 + 1)]):
        if _conclusions_open().search(fold(block.text).strip()):
            return index + 1
    return 0


def _assessment_blocks(blocks: list[Block]) -> set[int]:
    """Blocks under a heading or item that opens an assessment ("1. Đánh giá chung")."""
    headings = measures().assessment_headings
    inside: set[int] = set()
    level: int | None = None
    for index, block in enumerate(blocks):
        folded = fold(block.text).strip()
        is_heading = block.kind == "heading" or (block.kind == "item" and len(block.text) < 90)
        if is_heading and (level is None or block.level <= level):
            level = block.level if headings.match(folded) else None
            if level is not None:
                inside.add(index)
            continue
        if level is not None:
            inside.add(index)
    return inside


def _praise_blocks(blocks: list[Block]) -> set[int]:
    """Paragraphs that open by praising past work ("I. Ghi nhận và đánh giá cao …")."""
    openers = measures().praise_openers
    return {index for index, block in enumerate(blocks) if openers.match(fold(block.text))}


@functools.lru_cache(maxsize=1)
def _report_phrases():
    return compile_folded(load_rules("measures.yml")["instruction"].get("report_phrases") or [], spans_only=True)


def is_instruction(folded_sentence: str, listed: bool = False, lowered: str | None = None) -> bool:
    """An order: carries an instruction cue, or is an item of a list in the directive part
    (``listed``: "a) Dừng hoạt động karaoke."), and does not open like an assessment or report
    on the past. ``lowered`` (the sentence lowercased, same offsets) keeps a cue from being read
    in a word that only folds like it ("tôn giáo" is no "giao")."""
    rules = measures()
    if rules.assessment_openers.match(folded_sentence):
        return False
    report = _report_phrases()
    if report is not None and report.search(folded_sentence):
        return False  # "trong thời gian qua …": a report on the past
    return listed or has_cue(folded_sentence, lowered)


@functools.lru_cache(maxsize=1)
def _cue_spellings() -> dict[str, frozenset[str]]:
    table = _instruction_words().get("cue_spellings") or {}
    return {folded: frozenset(spellings) for folded, spellings in table.items()}


def has_cue(folded: str, lowered: str | None = None) -> bool:
    """An instruction cue whose syllables are spelled as the cue means them (``cue_spellings``)
    where ``lowered`` carries diacritics; in unaccented text every folded match counts."""
    spellings = _cue_spellings()
    check = lowered is not None and len(lowered) == len(folded) and bool(spellings)
    for match in measures().cues.finditer(folded):
        if not check or _spelled_as_cue(folded, lowered, match.start(), match.end(), spellings):
            return True
    return False


def _spelled_as_cue(folded: str, lowered: str, start: int, end: int, spellings: dict[str, frozenset[str]]) -> bool:
    for syllable in re.finditer(r"\w+", folded[start:end]):
        allowed = spellings.get(syllable.group())
        if allowed is None:
            continue
        written = lowered[start + syllable.start():start + syllable.end()]
        if written != syllable.group() and written not in allowed:
            return False  # written with other diacritics: another word
    return True


class _Places:
    """The places a lead-in names, read only when a sentence under it is coded (a law has
    thousands of "…:" lines and few measures), else the places it inherited."""

    __slots__ = ("text", "province", "fallback", "_value")

    def __init__(self, text: str = "", province: str | None = None, fallback: "_Places | None" = None,
                 value: tuple[MeasurePlace, ...] | None = None):
        self.text, self.province, self.fallback, self._value = text, province, fallback, value

    def get(self) -> tuple[MeasurePlace, ...]:
        if self._value is None:
            own = tuple(places_in(self.text, self.province)) if self.text else ()
            self._value = own or (self.fallback.get() if self.fallback else ())
        return self._value


_NO_PLACES = _Places()


@dataclass
class _Context:
    """What a lead-in ("Đối với huyện X, từ 0 giờ ngày …:") or the notice's "Thời gian áp
    dụng" line lends to the sentences under it."""

    lead_places: _Places = _NO_PLACES
    period: Period | None = None
    effective: Period | None = None  # when the notice itself takes effect ("Chỉ thị này có hiệu lực …")

    @property
    def places(self) -> tuple[MeasurePlace, ...]:
        return self.lead_places.get()


def _lead_contexts(blocks: list[Block], province: str | None, year: int | None,
                   issued: str | None) -> list[_Context]:
    """For each block, the places and period it inherits: from the last lead-in (a block that
    ends with ":") while the blocks below it are its items, from a lead-in that refers to the
    regime the notice imposed ("Trong thời gian giãn cách xã hội, …:"), and from a line that
    only states the notice's period."""
    whole = _Context()
    regime = _Context()  # places and period of the last sentence imposing a national regime
    folded_blocks = [fold(block.text) for block in blocks]  # each block folded once for every reading below
    graded = risk_level_places(blocks, province, folded_blocks)  # cấp độ → the places the notice puts at it
    effective = effective_period(blocks, year, issued, folded_blocks)
    contexts: list[_Context] = []
    lead: tuple[Block, _Context] | None = None
    for index, block in enumerate(blocks):
        text = block.text.rstrip()
        folded = folded_blocks[index]
        if lead is not None and _ends_lead(lead[0], block):
            lead = None
        inherited = lead[1] if lead else whole
        contexts.append(_Context(inherited.lead_places, inherited.period or whole.period, effective))
        if (shorthand_in(folded) and is_instruction(folded, lowered=block.text.lower())
                and not folded.startswith(_legal_basis_opener())):
            found = measure_period(text, year, issued)
            regime = _Context(_Places(text, province), found.value if found else None)
        parent = heads_items(blocks, index)
        is_lead, states_period = text.endswith(":") or parent, states_period_only(folded)
        if not (is_lead or states_period):
            continue
        if states_period:
            found = measure_period(text, year, issued)
            if found:
                whole = _Context(period=found.value)
        if is_lead:
            if text.endswith(":"):  # "… từ ngày 24/7 đến nay, tại huyện X. Chủ tịch UBND tỉnh yêu cầu:" names no
                text = _last_sentence(text)  # scope nor period: only the sentence that opens the items does
            folded = fold(text)
            period = measure_period(text, year, issued)
            if refers_to_regime(folded) and not places_in(text, province):
                lead = (block, _Context(regime.lead_places, period.value if period else regime.period))
                continue
            level = risk_level_of(folded)
            if level is not None and graded.get(level) and not places_in(text, province):
                lead = (block, _Context(_Places(value=graded[level]), period.value if period else inherited.period))
                continue
            outer = _NO_PLACES if names_whole_province(text) else inherited.lead_places
            lead = (block, _Context(_Places(text, province, outer),
                                    period.value if period else inherited.period))
    return contexts


@functools.lru_cache(maxsize=1)
def _risk_rules() -> tuple[re.Pattern, dict[str, int]]:
    data = load_rules("oxcgrt.yml")
    return re.compile(data["risk_level"]), dict(data["risk_colours"])


def risk_level_of(folded: str) -> int | None:
    """The Nghị quyết 128 level a text names ("cấp độ 3", "vùng cam"), else None."""
    pattern, colours = _risk_rules()
    match = pattern.search(folded)
    if not match:
        return None
    return int(match.group(1)) if match.group(1) else colours[match.group(2)]


def risk_level_places(blocks: list[Block], province: str | None,
                      folded_blocks: list[str]) -> dict[int, tuple[MeasurePlace, ...]]:
    """Level → the places the notice puts at that level: each clause (split at ";") that names
    places and one level ("huyện Hữu Lũng: cấp độ 3; huyện Chi Lăng: cấp độ 2")."""
    pattern, _ = _risk_rules()
    graded: dict[int, list[MeasurePlace]] = {}
    for block, folded in zip(blocks, folded_blocks):
        if not pattern.search(folded):
            continue
        for clause in block.text.split(";"):
            if clause.rstrip().endswith(":"):
                continue  # a lead-in for the level's measures, not an assignment
            levels = {risk_level_of(match.group(0)) for match in pattern.finditer(fold(clause))}
            if len(levels) != 1:
                continue
            bucket = graded.setdefault(levels.pop(), [])
            for place in places_in(clause, province):
                if place not in bucket:
                    bucket.append(place)
    return {level: tuple(found) for level, found in graded.items() if found}


def heads_items(blocks: list[Block], index: int) -> bool:
    """A numbered item with items under it ("2. Trên địa bàn toàn tỉnh", "I. ĐỐI VỚI THÀNH PHỐ X
    (từ … đến …)", "2. Các biện pháp tại thành phố X. Thời gian áp dụng: …"), or a heading above
    paragraphs or items ("CÁC BIỆN PHÁP TẠI HUYỆN X"): what is under it inherits the places and
    period it names, colon or not."""
    block = blocks[index]
    if block.kind not in ("item", "heading"):
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None:
        return False
    if block.kind == "heading":  # "TẠI HUYỆN X" above its paragraphs or items
        return following.kind in ("paragraph", "item", "bullet")
    return following.kind in ("item", "bullet") and following.level > block.level


@functools.lru_cache(maxsize=1)
def _notice_period_rules() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    data = load_yaml("notice_periods.yml")
    return re.compile(data["effective_clause"]), re.compile(data["extension"]), data["week_word"]


def effective_period(blocks: list[Block], year: int | None, issued: str | None,
                     folded_blocks: list[str]) -> Period | None:
    """The period of the sentence saying when the notice itself takes effect ("Chỉ thị này có hiệu
    lực kể từ ngày ký cho đến khi có thông báo mới"), wherever it stands; None if there is none."""
    clause = _notice_period_rules()[0]
    for block, folded in zip(blocks, folded_blocks):
        match = clause.search(folded)
        if not match:
            continue
        start, end = next(((a, b) for a, b in sentence_spans(block.text) if a <= match.end() - 1 < b),
                          (0, len(block.text)))
        found = measure_period(block.text[start:end], year, issued)
        if found:
            return found.value
    return None


def merged_period(own: Period | None, *inherited: Period | None) -> Period | None:
    """A sentence's period completed field by field: a start it does not state from its lead-in,
    else from the notice's effective clause; an end likewise ("Từ 0 giờ ngày 26/7/2021, tại …:"
    above, "… có hiệu lực … cho đến khi có thông báo mới" below)."""
    start = start_rule = end = end_rule = None
    for period in (own, *inherited):
        if period is None:
            continue
        if start is None and period.start:
            start, start_rule = period.start, period.start_rule
        if end is None and end_rule is None and (period.end or period.end_rule):
            end, end_rule = period.end, period.end_rule
    if start is None and end is None and end_rule is None:
        return None
    return Period(start=start, end=end, end_rule=end_rule, start_rule=start_rule)


def extension_days(folded: str) -> int | None:
    """The days of a continuation written without a date ("thêm 07 ngày"), else None."""
    _, pattern, week = _notice_period_rules()
    match = pattern.search(folded)
    if not match:
        return None
    days = int(match.group(1)) * (7 if match.group(2) == week else 1)
    return days if 0 < days <= 366 else None


def _last_sentence(text: str) -> str:
    spans = list(sentence_spans(text))
    return text[spans[-1][0]:spans[-1][1]] if spans else text


def _ends_lead(lead: Block, block: Block) -> bool:
    """The block is no longer under the lead-in: a heading or item at its level or above, or a
    paragraph after a numbered item (a heading's paragraphs are its content)."""
    if block.kind in ("item", "heading"):
        return block.level <= lead.level if lead.kind in ("item", "heading") else False
    return block.kind == "paragraph" and lead.kind == "item" and block.level <= lead.level


def measure_tags(document: CleanDocument, province: str | None = None, year: int | None = None,
                 issued: str | None = None) -> list[MeasureTag]:
    """Tags in taxonomy order, each with up to three sentences of evidence and every measure
    its sentences order, coded on the OxCGRT codebook (``records``).

    Each trigger runs once over the folded body; its matches are mapped back to their
    block and sentence, and kept when the block is in the directive part and the
    sentence is an order. ``province`` (code), ``year`` and ``issued`` (ISO) resolve place
    names and year-less or "kể từ ngày ký" dates.
    """
    rules = measures()
    blocks = document.blocks
    if not blocks:
        return []
    text_of_body = document.body_text  # a join of every block: computed once here
    body = fold(text_of_body)
    starts = document.block_offsets()
    eligible = set(range(_directive_start(blocks), len(blocks))) - _assessment_blocks(blocks) - _praise_blocks(blocks)
    sentences: dict[int, list[tuple[int, int]]] = {}
    lowered_body: list[str] = []

    def lowered() -> str:  # for triggers matched with their diacritics; same offsets as ``body``
        if not lowered_body:
            text = text_of_body.lower()
            lowered_body.append(text if len(text) == len(body) else body)
        return lowered_body[0]

    verdicts: dict[tuple[int, int], bool] = {}
    evidence: dict[str, list[Evidence]] = {}
    ordered: dict[tuple[int, int], list[str]] = {}  # sentence → codes whose triggers it matches
    block_of: dict[tuple[int, int], int] = {}
    trigger_starts = rules.leads.starts(body)  # where each trigger can begin: one pass over the words, not one scan each
    for rule in rules.rules:
        if not rule.may_match(body):
            continue
        found: list[Evidence] = []
        used_blocks: set[int] = set()
        matches = list(rule.finditer(body, trigger_starts))
        if rule.exact:
            matches += list(rule.exact_matches(lowered()))
        for trigger in sorted(matches, key=lambda m: m.start()):
            index = bisect.bisect_right(starts, trigger.start()) - 1
            if index not in eligible:
                continue
            block = blocks[index]
            offset = starts[index]
            spans = sentences.get(index)
            if spans is None:
                spans = sentences[index] = [(offset + a, offset + b) for a, b in sentence_spans(block.text)]
            if not spans:
                continue
            span = _span_at(spans, trigger.start())
            sentence = body[span[0]:span[1]]
            if span not in verdicts:
                verdicts[span] = is_instruction(sentence, listed=block.kind in ("item", "bullet"),
                                                lowered=lowered()[span[0]:span[1]])
            if not verdicts[span] or (rule.negative and rule.negative.search(sentence)):
                continue
            if rules.assessment_phrases and _problem_described(sentence, trigger.start() - span[0]):
                continue
            if _narrated(sentence, trigger.start() - span[0], trigger.end() - span[0]):
                continue
            if not homographs_agree(body, lowered(), trigger.start(), trigger.end()):
                continue  # "hoạt động của" read as "đóng cửa"
            codes = ordered.setdefault(span, [])
            if rule.code not in codes:
                codes.append(rule.code)
            block_of[span] = index
            if index not in used_blocks and len(found) < MAX_EVIDENCE:
                used_blocks.add(index)
                found.append(Evidence(text=squeeze(text_of_body[span[0]:span[1]]), anchor=block.anchor))
        if found:
            evidence[rule.code] = found
    ordered_under = _ordered_by_lead(blocks, eligible, set(block_of.values()))
    contexts = _lead_contexts(blocks, province, year, issued) if ordered or ordered_under else []
    records: dict[str, list[Measure]] = {}
    for span in sorted(ordered):
        index = block_of[span]
        text = squeeze(text_of_body[span[0]:span[1]])
        for code, record in code_sentence(text, ordered[span], province, year, issued, blocks[index].anchor,
                                          contexts[index]):
            records.setdefault(code, []).append(record)
    for index, text, codes in ordered_under:
        for code, record in code_sentence(text, codes, province, year, issued, blocks[index].anchor, contexts[index]):
            records.setdefault(code, []).append(record)
            found = evidence.setdefault(code, [])
            if len(found) < MAX_EVIDENCE:
                found.append(Evidence(text=text, anchor=blocks[index].anchor))
    return [MeasureTag(code=rule.code, label=rule.label, oxcgrt=rule.oxcgrt, evidence=tuple(evidence[rule.code]),
                       records=tuple(records.get(rule.code, ())))
            for rule in rules.rules if rule.code in evidence]


_ITEM_LABEL = re.compile(r"^\s*(?:[-+•*–]|[a-zđ]\)|[IVX]+\.|\d+(?:\.\d+)*[.)])\s*")  # "1.", "a)", "-": not the item's words


@functools.lru_cache(maxsize=1)
def _lead_orders() -> re.Pattern[str] | None:
    return any_of(_instruction_words().get("lead_orders"))


def _ordered_by_lead(blocks: list[Block], eligible: set[int], coded_blocks: set[int]
                     ) -> list[tuple[int, str, list[str]]]:
    """(block, lead-in and item read together, codes) for each list item under a lead-in whose verb orders
    its items ("Tạm dừng các hoạt động sau: | - Các lễ hội …; | - Hoạt động của các tuyến xe buýt …")
    that names only its object and so matched no trigger itself (18k; measures.yml ``lead_orders``)."""
    pattern = _lead_orders()
    if pattern is None:
        return []
    found = []
    lead: tuple[Block, str] | None = None  # the lead-in and its order (the verb, as written)
    for index, block in enumerate(blocks):
        if block.kind in ("item", "bullet") and lead is not None and not _ends_lead(lead[0], block):
            if index in eligible and index not in coded_blocks:
                text = squeeze(lead[1] + " " + _ITEM_LABEL.sub("", block.text, count=1))
                codes = _codes_in(text)
                if codes:
                    found.append((index, text, codes))
            continue
        lead = None
        if not block.text.rstrip().endswith(":"):
            continue
        last = _last_sentence(block.text.rstrip())
        match = pattern.search(fold(last))
        if match:
            order = next(name for name, value in match.groupdict().items() if value is not None)
            lead = (block, last[match.start(order):match.end(order)])
    return found


def _codes_in(sentence: str) -> list[str]:
    """The taxonomy codes whose triggers an order matches (and no negative of theirs)."""
    folded = fold(sentence)
    if not is_instruction(folded, listed=True):
        return []
    trigger_starts = measures().leads.starts(folded)
    return [rule.code for rule in measures().rules
            if rule.may_match(folded) and next(iter(rule.finditer(folded, trigger_starts)), None) is not None
            and not (rule.negative and rule.negative.search(folded))]


def _clauses(folded: str) -> list[tuple[int, int]]:
    """The parts of a sentence separated by ";" (one clause may relax what another orders)."""
    spans, start = [], 0
    for match in re.finditer(r";", folded):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(folded)))
    return spans


def _explicit_levels(folded: str, codes: list[str], lowered: str | None = None) -> dict[str, tuple[int | None, str, str]]:
    """indicator → (level, direction, code) from the measures the sentence names itself; of
    several clauses or measures on one indicator, the strictest (OxCGRT codes the strictest)."""
    found: dict[str, tuple[int | None, str, str]] = {}
    clauses = _clauses(folded)
    trigger_starts = None
    for code in codes:
        coded = coded_rules().get(code)
        if coded is None or coded.indicator is None or coded.expands:
            continue
        rule = measures().codes[code]
        if trigger_starts is None:  # found once, for the first code that needs them
            trigger_starts = measures().leads.starts(folded)
        spans = [(m.start(), m.end()) for m in rule.finditer(folded, trigger_starts)] or [(0, len(folded))]
        ends: dict[tuple[int, int], tuple[int, int]] = {}  # clause → (end, start) of its last trigger
        for start, end in spans:
            clause = next(c for c in clauses if c[0] <= start <= c[1])
            ends[clause] = max(ends.get(clause, (0, 0)), (end, start))
        indicator = codebook().indicators.get(coded.indicator)
        imposing: list[str] = []  # clauses that impose this measure (their groups add up)
        for (low, high), (trigger_end, trigger_start) in ends.items():
            clause = folded[low:high]
            state = in_force(clause)
            if state in ("none", "planned") or (state == "contingent" and not (indicator and indicator.responsive)):
                continue  # no order, a plan, or an order for a situation that may come: not in force
            # a relaxation said after the measure ("…, trừ … cơ sở được phép hoạt động") is an exception
            relaxed = is_relaxation(clause, until=trigger_end - low, measure_start=trigger_start - low)
            level = level_for(coded, clause, relaxed, lowered[low:high] if lowered else None)
            direction = "relax" if relaxed else "impose"
            if not relaxed:
                imposing.append(clause)
            current = found.get(coded.indicator)
            if current is None or (level or 0) > (current[0] or 0):
                found[coded.indicator] = (level, direction, code)
        if len(imposing) > 1 and coded.levels is not None and coded.levels.groups:
            # (18k) groups named across clauses add up: "mầm non, tiểu học nghỉ học; THCS, THPT học trực tuyến"
            # closes every level
            level = level_for(coded, ", ".join(imposing), False)
            current = found.get(coded.indicator)
            if current is not None and (level or 0) > (current[0] or 0):
                found[coded.indicator] = (level, "impose", code)
    return found


def _shorthand_levels(folded: str, codes: list[str], place_names: tuple[str, ...] = ()
                      ) -> dict[str, tuple[int | None, str, str]]:
    """indicator → (level, direction, code) that a directive named as a regime stands for.

    A verb of lifting is looked for outside the place names the sentence holds ("Yên Dũng" holds
    the word "dừng"). A change of regime ("chuyển từ Chỉ thị 16 sang Chỉ thị 15", "áp dụng Chỉ thị 15
    thay cho Chỉ thị 16", "kết thúc … Chỉ thị 16, chuyển sang …") replaces the first directive as an
    end does: its measures the second does not hold fall to their relaxed levels (18k; method page)."""
    code = next((c for c in codes if (coded_rules().get(c) or CodedRule(c, None, None)).expands), None)
    named = shorthand_in(folded) if code else None
    if named is None or in_force(folded) != "now":
        return {}
    book = codebook()
    verbs = without_places(folded, place_names)
    target = book.shorthand_target.search(folded)
    relaxed = bool(book.shorthand_lift.search(verbs)) and not target
    found = {}
    for indicator, level in named.value.measures.items():
        if relaxed:
            level = book.indicators[indicator].relaxed or 0
        found[indicator] = (level, "relax" if is_relaxation(folded) else "impose", code)
    replaced = book.regime_reading.replaces.search(folded) if book.regime_reading.replaces is not None else None
    if target or replaced:  # a change of regime: the directive left behind is lifted
        for left in _directives_left(folded, named.value):
            for indicator in set(left.measures) - set(found):
                found[indicator] = (book.indicators[indicator].relaxed or 0, "relax", code)
    return found


def without_places(folded: str, place_names: tuple[str, ...]) -> str:
    """``folded`` with each place name blanked (same length: offsets stay valid)."""
    for name in place_names:
        folded_name = fold(name)
        if folded_name:
            folded = re.sub(rf"\b{re.escape(folded_name)}\b", lambda m: "_" * len(m.group(0)), folded)
    return folded


def _directives_left(folded: str, chosen) -> list:
    """The national directives a change of regime names other than ``chosen`` (the ones switched from)."""
    return [item for item in codebook().shorthand if item is not chosen and item.pattern.search(folded)]


def code_sentence(sentence: str, codes: list[str], province: str | None = None, year: int | None = None,
                  issued: str | None = None, anchor: str | None = None,
                  context: _Context | None = None) -> list[tuple[str, Measure]]:
    """(taxonomy code, coded measure) for each OxCGRT indicator the sentence orders.

    ``codes`` are the taxonomy entries whose triggers the sentence matched. A measure the
    sentence names itself outranks the same indicator implied by a national directive.
    """
    folded = fold(sentence)
    lowered = sentence.lower()
    context = context or _Context()
    regime = any((coded_rules().get(c) or CodedRule(c, None, None)).expands for c in codes)
    names = tuple(place.name for place in (*places_in(sentence, province), *context.places)) if regime else ()
    levels = {**_shorthand_levels(folded, codes, names),
              **_explicit_levels(folded, codes, lowered if len(lowered) == len(folded) else None)}
    if not levels:
        return []
    scope = scope_of(sentence, province, context.places).value
    period_found = measure_period(sentence, year, issued)
    own = period_found.value if period_found else None
    extends = extension_days(folded) if own is None or (own.start is None and own.end is None) else None
    if extends:  # continued from the end of the measure it extends: inherits no date
        period = Period(start=None, end=None, end_rule="extension")
    else:
        period = merged_period(own, context.period, context.effective)
    found = []
    for indicator in codebook().order + tuple(sorted(set(levels) - set(codebook().order))):
        if indicator not in levels:
            continue
        level, direction, code = levels[indicator]
        if codebook().indicators.get(indicator) and codebook().indicators[indicator].numeric:
            level = None
        found.append((code, Measure(
            oxcgrt=indicator, level=level, scope=scope[0], places=scope[1],
            start=period.start if period else None, end=period.end if period else None,
            evidence=Evidence(text=sentence, anchor=anchor), direction=direction,
            end_rule=period.end_rule if period else None, extends_days=extends,
            rule=("shorthand:" + (coded_rules()[code].expands or "")) if coded_rules()[code].expands else code)))
    return found


def measure_json(record: Measure, code: str | None = None) -> dict:
    """A coded measure as ``extract FILE`` prints it and the dataset keeps it."""
    data = {"oxcgrt": record.oxcgrt, "level": record.level, "scope": record.scope,
            "places": [{"name": p.name, "kind": p.kind, "province": p.province, "in_gazetteer": p.in_gazetteer}
                       for p in record.places],
            "start": record.start, "end": record.end, "end_rule": record.end_rule, "direction": record.direction,
            "evidence": {"text": record.evidence.text, "anchor": record.evidence.anchor}, "rule": record.rule}
    if record.extends_days:
        data["extends_days"] = record.extends_days
    if code:
        data["code"] = code
    return data


def _narrated(sentence: str, position: int, end: int | None = None) -> bool:
    """The trigger is told as done ("đã phong tỏa", "vừa tạm dừng", "các cơ sở đã chủ động tạm
    dừng hoạt động"): a report, not an order."""
    marker, marker_and_verb = _narrated_patterns()
    if marker.search(sentence[max(0, position - 14):position]):
        return True
    return end is not None and bool(marker_and_verb.search(sentence, max(0, position - 14), end))


@functools.lru_cache(maxsize=1)
def _narrated_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a marker before the trigger, a marker and a stopping verb inside its words), folded."""
    words = _instruction_words()["narrated"]
    markers, between, verbs = (alternatives(words[key], folded=True) for key in ("markers", "between", "verbs"))
    before_verb = alternatives(list(words["between"]) + list(words["between_before_verb"]), folded=True)
    temporary = re.escape(fold(words["temporary"]))
    return (re.compile(rf"(?:^|\s)(?:{markers})(?:\s+(?:{between}))?\s+$"),
            re.compile(rf"(?:^|\s)(?:{markers})(?:\s+(?:{before_verb}))?\s+(?:{temporary}\s+)?(?:{verbs})\b"))


def _span_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    index = bisect.bisect_right([start for start, _ in spans], position) - 1
    return spans[max(0, index)]


def _problem_described(sentence: str, position: int) -> bool:
    """The trigger sits in a clause describing a problem ("có biểu hiện chủ quan … như: …")."""
    clause_start = max(sentence.rfind(";", 0, position), sentence.rfind(".", 0, position)) + 1
    return bool(measures().assessment_phrases.search(sentence, clause_start, position))
