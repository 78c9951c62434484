"""Measures a notice orders, tagged with the taxonomy of ``data/measures.yml``.

A tag needs evidence: a sentence that matches one of the measure's triggers, none of
its negative patterns, and reads as an instruction — it carries an instruction cue
("yêu cầu", "tăng cường", "bắt buộc", …), does not open like an assessment ("Đánh
giá cao", "Tình hình …") and does not sit in the context part of the notice. The
context part is everything before the sentence that opens the conclusions ("… kết
luận như sau:", "Trong đó lưu ý:") and any section headed as an assessment
("1. Đánh giá chung"). So "chưa có thuốc điều trị đặc hiệu" or the past week's
"củng cố các tổ COVID-19 cộng đồng" tag nothing.
"""
from __future__ import annotations

import bisect
import re

from ..model import Block, CleanDocument, Evidence, MeasureTag
from .textutil import fold, sentence_spans, squeeze
from .vocab import measures

MAX_EVIDENCE = 3
_CONCLUSIONS_OPEN = re.compile(
    r"(nhu sau|trong do luu y|(mot so )?(noi dung|nhiem vu|giai phap)[^.:]{0,40} sau|cu the)\s*:\s*$")


def _directive_start(blocks: list[Block]) -> int:
    """Index of the first block after the sentence that opens the conclusions (0 if none)."""
    for index, block in enumerate(blocks[: max(1, len(blocks) // 2 + 1)]):
        if _CONCLUSIONS_OPEN.search(fold(block.text).strip()):
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


def is_instruction(folded_sentence: str) -> bool:
    rules = measures()
    if rules.assessment_openers.match(folded_sentence):
        return False
    return bool(rules.cues.search(folded_sentence))


def measure_tags(document: CleanDocument) -> list[MeasureTag]:
    """Tags in taxonomy order, each with up to three sentences of evidence.

    Each trigger runs once over the folded body; its matches are mapped back to their
    block and sentence, and kept when the block is in the directive part and the
    sentence is an order.
    """
    rules = measures()
    blocks = document.blocks
    if not blocks:
        return []
    body = fold(document.body_text)
    starts = document.block_offsets()
    eligible = set(range(_directive_start(blocks), len(blocks))) - _assessment_blocks(blocks) - _praise_blocks(blocks)
    sentences: dict[int, list[tuple[int, int]]] = {}
    lowered_body: list[str] = []

    def lowered() -> str:  # for triggers matched with their diacritics; same offsets as ``body``
        if not lowered_body:
            text = document.body_text.lower()
            lowered_body.append(text if len(text) == len(body) else body)
        return lowered_body[0]

    verdicts: dict[tuple[int, int], bool] = {}
    tags = []
    for rule in rules.rules:
        if not rule.may_match(body):
            continue
        found: list[Evidence] = []
        used_blocks: set[int] = set()
        matches = list(rule.finditer(body))
        if rule.exact:
            matches += list(rule.exact_matches(lowered()))
        for trigger in sorted(matches, key=lambda m: m.start()):
            index = bisect.bisect_right(starts, trigger.start()) - 1
            if index not in eligible or index in used_blocks:
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
                verdicts[span] = is_instruction(sentence)
            if not verdicts[span] or (rule.negative and rule.negative.search(sentence)):
                continue
            if rules.assessment_phrases and _problem_described(sentence, trigger.start() - span[0]):
                continue
            used_blocks.add(index)
            found.append(Evidence(text=squeeze(document.body_text[span[0]:span[1]]), anchor=block.anchor))
            if len(found) >= MAX_EVIDENCE:
                break
        if found:
            tags.append(MeasureTag(code=rule.code, label=rule.label, oxcgrt=rule.oxcgrt, evidence=tuple(found)))
    return tags


def _span_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    index = bisect.bisect_right([start for start, _ in spans], position) - 1
    return spans[max(0, index)]


def _problem_described(sentence: str, position: int) -> bool:
    """The trigger sits in a clause describing a problem ("có biểu hiện chủ quan … như: …")."""
    clause_start = max(sentence.rfind(";", 0, position), sentence.rfind(".", 0, position)) + 1
    return bool(measures().assessment_phrases.search(sentence, clause_start, position))
