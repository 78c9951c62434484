"""HTML for generated pages, written directly instead of through Markdown.

Python-Markdown was most of the build's time at scale (every list item and link
parsed again on every page), so generated pages are HTML made here and inserted
by the ``archive`` plugin (``plugin.py``) after MkDocs has converted a one-line Markdown skeleton.

Every piece of text goes through ``esc``: source text is untrusted. Links between
pages are written as ``@/docs/path#anchor`` (the page's path in docs/, without
``.md``) and files as ``@file/path``; the hook turns them into relative URLs for
the build at hand (directory URLs online, ``.html`` files on the USB edition) and
reports any that point nowhere, as MkDocs does for Markdown links.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Iterable

from ..text import toc_slug


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def page_href(path: str, anchor: str | None = None) -> str:
    """Link target for a docs page (resolved by the hook)."""
    return f"@/{path}" + (f"#{anchor}" if anchor else "")


def link(path: str, text: str, anchor: str | None = None, attrs: str = "") -> str:
    """``<a>`` to another page; ``text`` is escaped."""
    return f'<a href="{esc(page_href(path, anchor))}"{attrs}>{esc(text)}</a>'


def strong(text: str) -> str:
    return f"<strong>{esc(text)}</strong>"


@dataclass
class Body:
    """A page body being written: HTML pieces, and its headings for the table of contents."""

    parts: list[str] = field(default_factory=list)
    toc: list[list] = field(default_factory=list)  # [level, id, title]
    _ids: set[str] = field(default_factory=set)

    def add(self, *pieces: str) -> "Body":
        self.parts.extend(pieces)
        return self

    def heading(self, level: int, title: str, anchor: str | None = None) -> str:
        """An ``<h2>``/``<h3>`` with a unique id and a § permalink, listed in the table of contents."""
        anchor = self._unique(anchor or toc_slug(title))
        self.toc.append([level, anchor, title])
        self.parts.append(f'<h{level} id="{esc(anchor)}">{esc(title)}'
                          f'<a class="headerlink" href="#{esc(anchor)}" title="Liên kết đến mục này">§</a></h{level}>')
        return anchor

    def paragraph(self, inner_html: str) -> None:
        self.parts.append(f"<p>{inner_html}</p>")

    def html(self) -> str:
        return "\n".join(self.parts)

    def _unique(self, anchor: str) -> str:
        candidate, number = anchor, 1
        while candidate in self._ids:
            candidate = f"{anchor}_{number}"
            number += 1
        self._ids.add(candidate)
        return candidate


def bullet_list(items: Iterable[str], css: str = "") -> str:
    """``<ul>`` of already-escaped HTML items, one per line (pages stay readable and diffable)."""
    attrs = f' class="{css}"' if css else ""
    return f"<ul{attrs}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def table(header: Iterable[str], rows: Iterable[Iterable[str]], numeric: Iterable[int] = (), css: str = "") -> str:
    """A table of already-escaped cells; columns in ``numeric`` are right-aligned."""
    right = set(numeric)

    def cell(tag: str, index: int, content: str) -> str:
        return f'<{tag} class="num">{content}</{tag}>' if index in right else f"<{tag}>{content}</{tag}>"

    opening = f'<table class="{css}">' if css else "<table>"
    lines = [opening, "<thead><tr>" + "".join(cell("th", i, c) for i, c in enumerate(header)) + "</tr></thead>",
             "<tbody>"]
    lines.extend("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    lines.append("</tbody></table>")
    return "\n".join(lines)
