"""The one jinja2 environment of the publish package: every generated page body and the feed are templates.

HTML is made one way: templates under ``build_tools/templates/``, autoescaped, so every value a
template prints is escaped exactly once and ``Markup`` (what a macro or another template wrote)
passes through. Python keeps only what a template cannot do well: the ``@/docs/path#anchor`` link
targets (``page_href``, resolved by the plugin), heading ids unique on their page and listed for
its table of contents (``Toc``), and the grouping and counting of records (``index_pages``).

Every template is rendered with the same settings (autoescape, ``trim_blocks``, ``lstrip_blocks``),
and what it writes is the page: quotes in values are markupsafe's ``&#34;`` and ``&#39;`` on every
page and in the feed, with no pass over the output afterwards. (A template that needs a line's
newline after a block tag writes ``+%}``, as notice.html.j2 does.)
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..data_files import load_yaml
from ..text import toc_slug

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SITE = load_yaml("site.yml")


def page_href(path: str, anchor: str | None = None) -> str:
    """Link target for a docs page (``@/tinh/index#muc``), made relative for each edition by the plugin."""
    return f"@/{path}" + (f"#{anchor}" if anchor else "")


@dataclass
class Toc:
    """The headings a page body's template writes: ids unique on the page, listed for its table of contents."""

    entries: list[list] = field(default_factory=list)  # [level, id, title]
    _ids: set[str] = field(default_factory=set)

    def add(self, level: int, title: str, anchor: str | None = None) -> str:
        """The id of a new heading (``toc_slug`` of its title unless given), numbered when already taken."""
        anchor = self._unique(anchor or toc_slug(title))
        self.entries.append([level, anchor, title])
        return anchor

    def _unique(self, anchor: str) -> str:
        candidate, number = anchor, 1
        while candidate in self._ids:
            candidate = f"{anchor}_{number}"
            number += 1
        self._ids.add(candidate)
        return candidate


@dataclass(frozen=True)
class Rendered:
    """A generated page body: its HTML and its headings for the table of contents ([level, id, title])."""

    html: str
    toc: list[list]


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    """The publish package's environment, with the filters and globals its templates use."""
    # Imported here: these modules render through this one (they import it at their top).
    from .. import change_labels
    from ..text import escape_markdown, slugify
    from .index_pages import month_groups, notice_facts, notice_lines
    from .notice_pages import quoted, vn_date
    from .topics import topic_page

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, auto_reload=False)
    env.filters["md"] = lambda value: Markup(escape_markdown(str(value)))
    env.filters["vn_date"] = vn_date
    env.filters["quoted"] = quoted
    env.globals.update(
        slug=slugify, topic_page=topic_page, notice_facts=notice_facts,
        month_groups=month_groups, notice_lines=notice_lines,
        change_label=change_labels.label, confidence_text=change_labels.confidence_text,
        source_format=change_labels.source_format, unknown=SITE["unknown"], site=SITE, titles=SITE["titles"])
    # The index pages' shared pieces, as ``m.heading(…)``: loaded once, not imported on every render.
    # (in this order: a module sees the globals there are when it is made; ``m`` calls ``ox``)
    env.globals["ox"] = env.get_template("oxcgrt/_oxcgrt.html.j2").module  # the OxCGRT pieces, likewise
    env.globals["m"] = env.get_template("index/_macros.html.j2").module
    return env


@functools.lru_cache(maxsize=None)
def template(name: str) -> jinja2.Template:
    """A compiled template, loaded once per process."""
    loaded = environment().get_template(name)
    # Every render copies the template's globals into its context; jinja keeps them as a ChainMap,
    # which Python copies key by key (most of a small page's rendering time). The environment's
    # globals are complete once ``environment()`` returns, so a plain dict holds the same.
    loaded.globals = dict(loaded.globals)
    return loaded


def render(name: str, **context: Any) -> str:
    """A template rendered: the page or feed as it is written."""
    return template(name).render(**context)


def render_body(name: str, **context: Any) -> Rendered:
    """A page body's template, given a fresh ``toc`` for its headings.

    Body templates write each part of the page on a line of its own, every line ended; the last
    newline is dropped, so parts are joined by newlines as the pages have always been written.
    """
    toc = Toc()
    text = render(name, toc=toc, **context)
    return Rendered(text[:-1] if text.endswith("\n") else text, toc.entries)


def call_macro(name: str, macro: str, *args: Any) -> str:
    """A macro of a template (``oxcgrt/_oxcgrt.html.j2``) for a piece placed inside a page or an SVG."""
    return str(getattr(template(name).module, macro)(*args))
