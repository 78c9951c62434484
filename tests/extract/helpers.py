"""Building CleanDocuments by hand, so each extractor is tested on exactly the layout it reads."""
from __future__ import annotations

from build_tools.model import Block, CleanDocument


def document(body: list[str] | str = (), header: list[str] = (), title: list[str] = (),
             signature: list[str] = (), recipients: list[str] = ()) -> CleanDocument:
    """Paragraphs become blocks with anchors doan-1, doan-2, …; numbered ones become items."""
    paragraphs = [body] if isinstance(body, str) else list(body)
    blocks = []
    for index, text in enumerate(paragraphs, start=1):
        label = text.split(" ", 1)[0].rstrip(".") if text[:1].isdigit() else None
        kind = "item" if label else "paragraph"
        anchor = f"muc-{label}" if label else f"doan-{index}"
        blocks.append(Block(kind=kind, text=text, anchor=anchor, label=label, level=1 if label else 0, line=index))
    return CleanDocument(header_lines=list(header), title_lines=list(title), blocks=blocks,
                         signature_lines=list(signature), recipients=list(recipients))
