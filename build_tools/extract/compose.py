"""Orders read as a verb of a class and an object of a class in one clause, in either order.

An order to close, limit or allow something is a verb ("tạm dừng", "không cho phép", "hạn chế",
"được … trở lại") and the thing it acts on ("cửa hàng", "học sinh", "lễ hội"). Directives put the
object first as often as the verb ("Các tiệm vàng … tạm nghỉ kinh doanh", passive "… bị cấm",
topic first "Đối với hội chợ: tạm hoãn"), so a phrase pattern per wording never ends. A
`compose` block of a measures.yml entry names the entry's object classes and its verb classes
(word lists in data/lexicon.yml); each verb class carries the codebook level it gives, or null
when the entry's other level rules decide (C1 counts the school levels named, C2 reads the
exceptions). This module builds, once, the patterns that find a verb and an object within one
clause (no "." or ";" between them, at most ``window`` characters apart).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .textutil import WordPattern, fold_pattern

DEFAULT_WINDOW = 80


@dataclass(frozen=True)
class VerbClass:
    """One verb class of a composition: its name, the level it gives (None: other rules decide)
    and the pattern of a verb of the class and an object in one clause, either order."""

    name: str
    level: int | None
    source: str  # the pattern's text (a trigger of the measure, on folded text)
    pattern: WordPattern

    def search(self, folded: str):
        return self.pattern.search(folded)


def _alternation(words: list[str] | str) -> str:
    items = [words] if isinstance(words, str) else list(words)
    return "|".join(f"(?:{item})" for item in items)


def verb_and_object(objects: str, verbs: str, window: int, order: str = "either") -> str:
    """The pattern of a verb and an object within one clause, object first or verb first, or in
    one ``order`` only ("verb_first": a bare negation would reach back to an unrelated object;
    "object_first": "học sinh … nghỉ học", where "nghỉ học" before a noun is something else)."""
    gap = rf"[^.;]{{0,{window}}}?"
    # (no leading look-behind: WordPattern checks the left edge, far faster)
    verb_then_object = rf"(?:{verbs})(?![\w]){gap}(?<![\w])(?:{objects})(?![\w])"
    object_then_verb = rf"(?:{objects})(?![\w]){gap}(?<![\w])(?:{verbs})(?![\w])"
    if order == "verb_first":
        return verb_then_object
    if order == "object_first":
        return object_then_verb
    return rf"{object_then_verb}|{verb_then_object}"


@dataclass(frozen=True)
class Anchor:
    """Where a composition can match: around each object of its classes. A measure's triggers
    of one composition run only in windows around these (one scan of the objects per text, not
    one full scan per verb class: see vocab.MeasureRule.finditer)."""

    pattern: WordPattern
    reach: int  # characters a verb may stand from its object

    def windows(self, text: str) -> list[tuple[int, int]]:
        windows: list[tuple[int, int]] = []
        for match in self.pattern.finditer(text):
            low, high = max(0, match.start() - self.reach), min(len(text), match.end() + self.reach)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], high)
            else:
                windows.append((low, high))
        return windows


VERB_REACH = 60  # the longest verb phrase of a class, in characters


def object_anchor(spec: dict | None) -> Anchor | None:
    """The anchor of a `compose` block: its objects, with the widest window of its verb classes."""
    if not spec:
        return None
    window = max([int(spec.get("window") or DEFAULT_WINDOW)] + [int(v["window"]) for v in spec["verbs"] if "window" in v])
    # (the objects' look-behind guards are left to the verb patterns: a look-behind at the start
    # of an alternative slows the scan several times, and the anchor only places windows)
    objects = _LOOK_BEHIND.sub("", _alternation(spec["objects"]))
    return Anchor(WordPattern(fold_pattern(rf"(?:{objects})(?![\w])"), spans_only=True), window + VERB_REACH)


_LOOK_BEHIND = re.compile(r"\(\?<!(?:[^()\\]|\\.)*\)")


def verb_classes(spec: dict | None) -> tuple[VerbClass, ...]:
    """The verb classes of a `compose` block ({objects, verbs: [{name, words, level, window?,
    order?}], window}),
    in the block's order (the first that matches decides: a stop outranks a limit)."""
    if not spec:
        return ()
    objects = _alternation(spec["objects"])
    window = int(spec.get("window") or DEFAULT_WINDOW)
    found = []
    for verb in spec["verbs"]:
        source = verb_and_object(objects, _alternation(verb["words"]), int(verb.get("window", window)),
                                 verb.get("order") or "either")
        found.append(VerbClass(verb["name"], verb.get("level"), source, WordPattern(fold_pattern(source), spans_only=True)))
    return tuple(found)


def composed_level(classes: tuple[VerbClass, ...], folded: str) -> tuple[bool, int | None]:
    """(a verb class matched, its level): the first class whose verb and object share the clause."""
    for verb in classes:
        if verb.search(folded):
            return True, verb.level
    return False, None
