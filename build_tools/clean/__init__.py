"""Clean stage: RawNotice → CleanDocument (normalise → OCR repair → structure)."""
from __future__ import annotations

from collections import defaultdict

from ..change_labels import repair_note
from ..model import Change, CleanDocument, RawNotice
from .framing import split_framing
from .layout import recover_header, recover_tail
from .normalise import normalise
from .recipients import tidy_recipients
from .structure import structure


def repair_marks(text: str, changes: list[Change]) -> dict[int, list[tuple[int, int, str]]]:
    """Where each OCR repair landed in the repaired text: line → (start, end, note).

    Repairs replace words in place, so lines keep their numbers; columns shift by
    the length differences of earlier repairs on the same line.
    """
    line_starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            line_starts.append(index + 1)
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    shift_on_line: dict[int, int] = defaultdict(int)
    for change in sorted((c for c in changes if c.offset is not None and c.line), key=lambda c: c.offset):
        column = change.offset - line_starts[change.line - 1] + shift_on_line[change.line]
        note = repair_note(change.before, change.after, change.kind, change.reason, change.confidence)
        marks[change.line].append((column, column + len(change.after), note))
        shift_on_line[change.line] += len(change.after) - len(change.before)
    return marks


def clean_text(text: str) -> CleanDocument:
    """Clean decoded text; every change is kept on the returned document."""
    text, changes = normalise(text)
    text, framing, framing_changes = split_framing(text)
    changes.extend(framing_changes)
    text, layout_changes = recover_header(text)
    changes.extend(layout_changes)
    text, tail_changes = recover_tail(text)
    changes.extend(tail_changes)
    quality, flagged, marks = None, [], {}
    from .ocr import repair_ocr

    repaired = repair_ocr(text)
    marks = repair_marks(text, repaired.changes)
    text, quality, flagged = repaired.text, repaired.quality, list(repaired.flagged)
    changes.extend(repaired.changes)
    header, title, blocks, recipients, signature, structure_changes = structure(text, marks)
    changes.extend(structure_changes)
    recipients, recipient_changes = tidy_recipients(recipients)
    changes.extend(recipient_changes)
    return CleanDocument(header, title, blocks, signature, recipients, changes, quality, flagged, framing)


def clean_notice(raw: RawNotice) -> CleanDocument:
    return clean_text(raw.text)
