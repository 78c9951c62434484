"""Clean stage: RawNotice → CleanDocument (normalise → OCR repair → structure)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..change_labels import repair_note
from ..data_files import load_yaml
from ..model import Change, CleanDocument, OcrReading, RawNotice
from ..text import unsure_note
from .framing import split_framing
from .layout import recover_header, recover_tail
from .normalise import normalise
from .recipients import tidy_recipients
from .structure import structure


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (line ``n`` at index ``n - 1``)."""
    return [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]


def repair_marks(text: str, changes: list[Change]) -> dict[int, list[tuple[int, int, str]]]:
    """Where each OCR repair landed in the repaired text: line → (start, end, note).

    Repairs replace words in place, so lines keep their numbers; columns shift by
    the length differences of earlier repairs on the same line.
    """
    starts = line_starts(text)
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    shift_on_line: dict[int, int] = defaultdict(int)
    for change in sorted((c for c in changes if c.offset is not None and c.line), key=lambda c: c.offset):
        column = change.offset - starts[change.line - 1] + shift_on_line[change.line]
        note = repair_note(change)
        marks[change.line].append((column, column + len(change.after), note))
        shift_on_line[change.line] += len(change.after) - len(change.before)
    return marks


def shift_marks(text: str, marks: dict[int, list[tuple[int, int, str]]], changes: list[Change]
                ) -> dict[int, list[tuple[int, int, str]]]:
    """``marks`` of ``text`` moved along their lines past ``changes`` that made a word longer or
    shorter ("ày" → "ngày"), so a mark after such a change still covers its word."""
    starts = line_starts(text)
    moved = {line: list(spans) for line, spans in marks.items()}
    for change in sorted((c for c in changes if c.offset is not None), key=lambda c: -c.offset):  # last first
        delta = len(change.after) - len(change.before)
        if not delta or not change.line or change.line not in moved:
            continue
        end = change.offset - starts[change.line - 1] + len(change.before)
        moved[change.line] = [(start + delta, stop + delta, note) if start >= end else (start, stop, note)
                              for start, stop, note in moved[change.line]]
    return moved


def word_confidences(original: str, text: str, reading: OcrReading | None) -> list[float | None] | None:
    """The OCR engine's confidence for each word token of ``text`` (the normalised OCR text),
    None for a token it did not read as one word. Normalising only drops or edits a few
    tokens, so the tokens of the two texts are aligned as sequences."""
    if reading is None or not reading.words:
        return None
    import bisect
    import difflib

    from .ocr import SPLIT

    starts = [word.offset for word in reading.words]
    original_tokens, original_confidence = [], []
    for match in SPLIT.finditer(original):
        k = bisect.bisect_right(starts, match.start()) - 1
        word = reading.words[k] if k >= 0 else None
        inside = word is not None and match.start() < word.offset + len(word.text)
        original_tokens.append(match.group())
        original_confidence.append(word.confidence if inside else None)
    tokens = SPLIT.findall(text)
    confidences: list[float | None] = [None] * len(tokens)
    matcher = difflib.SequenceMatcher(None, original_tokens, tokens, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            confidences[block.b + k] = original_confidence[block.a + k]
    return confidences


def unsure_marks(text: str, confidences: list[float | None], changes: list[Change]
                 ) -> dict[int, list[tuple[int, int, str]]]:
    """Words OCR read with low confidence that the repair left as they were: line → (start, end,
    note), so the page can mark them for a reader to check against the scan."""
    from ..vietnamese.syllables import is_syllable
    from .ocr import SPLIT, get_lexicon

    below = get_lexicon().params["ocr_unsure_word"]
    changed_lines = {(c.line, c.after) for c in changes if c.stage == "ocr"}
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    line, line_start = 1, 0
    position = 0
    for j, match in enumerate(SPLIT.finditer(text)):
        while True:
            newline = text.find("\n", position, match.start())
            if newline < 0:
                break
            line, line_start, position = line + 1, newline + 1, newline + 1
        position = match.start()
        confidence = confidences[j] if j < len(confidences) else None
        word = match.group()
        if confidence is None or confidence >= below or (line, word) in changed_lines:
            continue
        if len(word) < 2 and not is_syllable(word):
            continue
        note = load_yaml("change_kinds.yml")["unsure_note"].format(unsure=unsure_note(), confidence=confidence)
        marks[line].append((match.start() - line_start, match.end() - line_start, note))
    return marks


def unsure_syllables(text: str, reading: OcrReading) -> int:
    """Valid syllables of the OCR text that Tesseract read with low confidence."""
    from ..vietnamese.syllables import is_syllable
    from .ocr import SPLIT, get_lexicon

    below = get_lexicon().params["ocr_unsure_word"]
    return sum(1 for word in reading.words if word.confidence < below
               for token in SPLIT.findall(word.text) if is_syllable(token))


def clean_text(text: str, ocr: OcrReading | None = None) -> CleanDocument:
    """Clean decoded text; every change is kept on the returned document. ``ocr``: how the text
    was read from a scan, whose word confidences guide the OCR repair."""
    original = text
    text, changes = normalise(text)
    text, framing, framing_changes = split_framing(text)
    changes.extend(framing_changes)
    text, layout_changes = recover_header(text)
    changes.extend(layout_changes)
    text, tail_changes = recover_tail(text)
    changes.extend(tail_changes)
    quality, flagged, marks = None, [], {}
    from .ocr import repair_ocr

    confidences = word_confidences(original, text, ocr)
    repaired = repair_ocr(text, confidences=confidences)
    marks = repair_marks(text, repaired.changes)
    text, quality, flagged = repaired.text, repaired.quality, list(repaired.flagged)
    if confidences is not None:
        unsure = unsure_marks(text, confidences, repaired.changes)
        for line, spans in unsure.items():
            marks.setdefault(line, []).extend(spans)
        # doubtful words of a scan: non-syllables, and syllables OCR read with low confidence;
        # after the repair: those flagged, and low-confidence words left as read
        quality = replace(quality,
                          suspicious_before=quality.suspicious_before + unsure_syllables(original, ocr),
                          suspicious_after=quality.suspicious_after + sum(map(len, unsure.values())))
        from .ocr_fields import repair_fields

        unrepaired = text
        text, field_changes = repair_fields(text, confidences)  # number symbols, dates: scans only
        marks = shift_marks(unrepaired, marks, field_changes)
        for line, spans in repair_marks(unrepaired, field_changes).items():
            marks.setdefault(line, []).extend(spans)
        repaired = replace(repaired, changes=[*repaired.changes, *field_changes])
    changes.extend(repaired.changes)
    header, title, blocks, recipients, signature, structure_changes = structure(text, marks)
    changes.extend(structure_changes)
    recipients, recipient_changes = tidy_recipients(recipients)
    changes.extend(recipient_changes)
    return CleanDocument(header, title, blocks, signature, recipients, changes, quality, flagged, framing)


def clean_notice(raw: RawNotice) -> CleanDocument:
    return clean_text(raw.text, raw.ocr)
