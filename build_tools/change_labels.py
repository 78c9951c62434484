"""Recorded changes of the text (``model.Change``) as readers see them: in Vietnamese.

Cleaning names its rules in English for developers (``clean --explain``, the JSON record);
the notice page shows the labels and reasons of ``data/change_kinds.yml`` instead.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .data_files import load_yaml
from .model import Change


@dataclass(frozen=True)
class ChangeLabel:
    stage: str
    kind: str
    reason: str


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return load_yaml("change_kinds.yml")


def reason_of(kind: str, code: str = "") -> str:
    """The Vietnamese reason for a change of ``kind`` recorded with ``code`` (``Change.code``): the
    code's own reason when the data file names it, else the kind's."""
    data = _vocabulary()
    entry = data["kinds"].get(kind)
    if entry is None:
        return data["generic_reason"]
    return entry.get("codes", {}).get(code) or entry["reason"]


def label(change: Change) -> ChangeLabel:
    data = _vocabulary()
    entry = data["kinds"].get(change.kind) or {}
    return ChangeLabel(data["stages"].get(change.stage, change.stage), entry.get("label", change.kind),
                       reason_of(change.kind, change.code))


def confidence_text(confidence: float) -> str:
    """0.85 → "độ tin cậy 85%"."""
    return _vocabulary()["confidence"].format(percent=round(confidence * 100))


def repair_note(change: Change) -> str:
    """The tooltip of a repaired word: the original word and why it was changed, in Vietnamese."""
    return _vocabulary()["repair_note"].format(before=change.before, after=change.after,
                                               reason=reason_of(change.kind, change.code),
                                               confidence=confidence_text(change.confidence))


def source_format(fmt: str) -> str:
    """``text`` → "tệp văn bản": the received file's format as the page names it."""
    return _vocabulary().get("source_formats", {}).get(fmt, fmt)
