"""Small text helpers shared by the stages that write pages: slugs and escaping.

Source text is untrusted: everything that reaches Markdown goes through
``escape_markdown`` so it is shown literally and can never become HTML, a link
or template syntax.
"""
from __future__ import annotations

import html
import re
from typing import NamedTuple

from .data_files import load_yaml
from .vietnamese.fold import fold

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START_LIST = re.compile(r"^(\s*)(\d+)([.)])(\s)")
_LINE_START_DASH = re.compile(r"^(\s*)([-+*])(\s|$)")
_RULE_OR_UNDERLINE = re.compile(r"^[-=][-=\s]*$")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug that keeps đ as d ("Ban Chỉ đạo" → "ban-chi-dao")."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-") or "khong-ten"


def escape_inline(text: str) -> str:
    """Entities for HTML metacharacters and backslashes before Markdown punctuation."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def neutralise_line_starts(markdown: str) -> str:
    """Stop list, heading and code-block syntax that only acts at a line's start."""
    lines = []
    for line in markdown.split("\n"):
        line = line.strip()
        line = _LINE_START_LIST.sub(r"\1\2\\\3\4", line)
        line = _LINE_START_DASH.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", line)
        if _RULE_OR_UNDERLINE.match(line):
            line = "\\" + line if line[0] == "-" else "&#61;" + line[1:]
        lines.append(line)
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Make untrusted text inert in Python-Markdown: shown exactly, never parsed.

    HTML metacharacters become entities (so ``<script>`` is text), Markdown
    punctuation is backslash-escaped, and constructs that only act at the start
    of a line (lists, headings, code blocks) are neutralised.
    """
    return neutralise_line_starts(escape_inline(text))


def unsure_note() -> str:
    """How the note of a word OCR read with low confidence (not repaired) starts (change_kinds.yml)."""
    return load_yaml("change_kinds.yml")["unsure"]


class Piece(NamedTuple):
    """A piece of a block's text with one look: bold or not, a repair mark or none."""

    text: str
    bold: bool
    mark: str | None  # "ocr-fix" (a repaired word) | "ocr-unsure" (a word OCR was unsure of) | None
    note: str | None  # what the mark says (the word as read, the confidence)


def marked_pieces(text: str, bold, marks) -> list[Piece]:
    """``text`` cut at every span boundary, so bold spans and repair marks may overlap; each piece
    says how it looks (the notice body's template and ``escape_with_bold`` write it)."""
    if not bold and not marks:
        return [Piece(text, False, None, None)]
    cuts = {0, len(text)}
    for start, end in bold:
        cuts.update((start, end))
    for start, end, _ in marks:
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    for start, end in zip(points, points[1:]):
        note = next((n for s, e, n in marks if s <= start and end <= e), None)
        mark = None if note is None else ("ocr-unsure" if note.startswith(unsure_note()) else "ocr-fix")
        pieces.append(Piece(text[start:end], any(s <= start and end <= e for s, e in bold), mark, note))
    return pieces


def _marked(text: str, bold, marks, escape) -> str:
    """Escape ``text`` piece by piece, wrapping bold spans in ``<strong>`` and repaired words in a titled ``<span>``."""
    written = []
    for piece in marked_pieces(text, bold, marks):
        markup = escape(piece.text)
        if piece.mark:
            markup = f'<span class="{piece.mark}" title="{html.escape(piece.note, quote=True)}">{markup}</span>'
        written.append(f"<strong>{markup}</strong>" if piece.bold else markup)
    return "".join(written)


def escape_with_bold(text: str, bold: tuple[tuple[int, int], ...] | list[tuple[int, int]],
                     marks: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]] = ()) -> str:
    """Markdown that shows ``text`` literally, with its bold spans and repair marks."""
    return neutralise_line_starts(_marked(text, bold, marks, escape_inline))


def toc_slug(value: str, separator: str = "-") -> str:
    """Heading ids for Python-Markdown's toc: Vietnamese-aware (đ → d), never empty."""
    return slugify(value).replace("-", separator)
