"""Clean stage: RawNotice → CleanDocument (normalise → OCR repair → structure)."""
from __future__ import annotations

from ..model import CleanDocument, RawNotice
from .normalise import normalise
from .structure import structure


def clean_text(text: str) -> CleanDocument:
    """Clean decoded text; every change is kept on the returned document."""
    text, changes = normalise(text)
    quality, flagged = None, []
    try:
        from .ocr import repair_ocr
    except ImportError:  # the OCR repair module is optional while it is being built
        repair_ocr = None
    if repair_ocr is not None:
        repaired = repair_ocr(text)
        text, quality, flagged = repaired.text, repaired.quality, list(repaired.flagged)
        changes.extend(repaired.changes)
    header, title, blocks, recipients, signature, structure_changes = structure(text)
    changes.extend(structure_changes)
    return CleanDocument(header, title, blocks, signature, recipients, changes, quality, flagged)


def clean_notice(raw: RawNotice) -> CleanDocument:
    return clean_text(raw.text)
