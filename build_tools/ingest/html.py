"""Saved web pages (.html, .htm) → the notice's text, with the page's own clues.

A provincial portal's page holds the notice among menus, breadcrumbs, view counters,
attachment links, lists of other documents and footers. The main content is chosen by
readability-lxml (measured against trafilatura on tests/fixtures/shapes/html: see
benchmarks/html_extractors.py and benchmarks/RESULTS.md); its HTML is then turned into lines
here, because tables matter: a header table becomes rows of cells joined by " | " (the
layout stage splits them again), a portal's attribute table becomes "label | value" rows,
and the signature table (recipients | signature) becomes its cells one after the other.

The page's title, canonical URL, site name and publication date are kept as clues
(``PageClues``): weak evidence for the fields and the source of provenance when the
curator gave none. Nothing of the page is ever executed or copied as markup: scripts,
styles and event attributes are dropped with the elements that carry them, and only text
comes out.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lxml import etree, html as lxml_html

from ..data_files import load_yaml
from ..vietnamese.fold import fold

SKIPPED = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
           "nav", "form", "button", "select", "input", "textarea"}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "hr", "address", "center"}
EXTRACTOR = "trafilatura"


@functools.lru_cache(maxsize=1)
def header_cell() -> re.Pattern[str]:
    """A cell of a document's header (structure.yml): "Số:" (marked or not), the motto, the Party's name."""
    words = load_yaml("structure.yml")
    label = "".join(f"[{re.escape(c)}{re.escape(fold(c))}]" if fold(c) != c.lower() else re.escape(c)
                    for c in words["number_label"].lower())
    return re.compile(rf"(?i)({label}\s*:|{'|'.join(words['html_header_phrases'])})")



@dataclass(frozen=True)
class PageClues:
    """What the page says about itself: weak clues, and provenance when the curator is silent."""

    title: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    published: str | None = None  # as the page writes it (ISO or not): the posting, not the issue date


@dataclass
class PageText:
    text: str
    clues: PageClues
    extractor: str
    problems: list[str] = field(default_factory=list)


def parse(markup: str) -> etree._Element | None:
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def page_clues(tree: etree._Element) -> PageClues:
    def meta(*names: str) -> str | None:
        for name in names:
            for attribute in ("property", "name", "itemprop"):
                found = tree.xpath(f"//meta[@{attribute}=$n]/@content", n=name)
                if found and found[0].strip():
                    return found[0].strip()
        return None

    canonical = tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    title = tree.xpath("//title//text()")
    title_text = " ".join(" ".join(title).split()) or None
    site = meta("og:site_name", "application-name", "publisher")
    if site is None and title_text and " - " in title_text:
        site = title_text.rsplit(" - ", 1)[1].strip() or None
    return PageClues(title=title_text, canonical_url=(canonical[0].strip() if canonical else None) or meta("og:url"),
                     site_name=site, published=meta("article:published_time", "date", "dc.date", "DC.date.issued")
                     or _time_element(tree))


def _time_element(tree: etree._Element) -> str | None:
    """The first <time datetime="2021-09-16"> of the page: its date of posting."""
    found = tree.xpath("//time/@datetime")
    return found[0].strip() if found and found[0].strip() else None


def main_content(markup: str, tree: etree._Element, extractor: str = EXTRACTOR) -> etree._Element:
    """The element holding the page's main content, by the chosen library (the page's body
    when the library finds nothing: then ``content.getroottree() is tree.getroottree()``)."""
    if extractor == "readability-lxml":
        from readability import Document

        try:
            summary = Document(markup).summary(html_partial=True)
        except Exception:  # noqa: BLE001 - readability raises on odd pages; the whole body is the fallback
            return _body(tree)
        content = parse(summary)
        return content if content is not None else _body(tree)
    if extractor == "trafilatura":
        import trafilatura

        result = trafilatura.extract(markup, output_format="html", include_tables=True, include_comments=False,
                                     include_images=False, favor_recall=True)
        content = parse(result) if result else None
        return content if content is not None else _body(tree)
    return _body(tree)


def _body(tree: etree._Element) -> etree._Element:
    bodies = tree.xpath("//body")
    return bodies[0] if bodies else tree


# --- HTML → lines ------------------------------------------------------------------------


PRESERVED = "\x00"  # marks a line of preformatted text: its runs of spaces are column gaps


def to_lines(element: etree._Element, breaks: bool = False) -> list[str]:
    """The element's text as lines. ``breaks``: the element is a library's output, whose line
    breaks inside a text stand for the blocks of the page it flattened (a portal's label and
    value in separate <div>s come out as "label\nvalue"), so they are kept as lines; in a quoted
    block (a <pre> it kept) the runs of spaces stay too, they are a header's column gaps."""
    lines: list[str] = [""]
    _walk(element, lines, breaks)
    lines = [line[1:].rstrip() if line.startswith(PRESERVED)
             else " ".join(line.split()) if "\t" not in line else line.strip() for line in lines]
    return join_label_lines(lines)


def _add_text(lines: list[str], text: str, breaks: bool, preformatted: bool = False) -> None:
    if not breaks or "\n" not in text:
        lines[-1] += text
        return
    first, *rest = text.split("\n")
    lines[-1] += first
    for part in rest:
        lines.append(PRESERVED + part if preformatted and "  " in part.strip() else part)


@functools.lru_cache(maxsize=None)
def _attribute_labels() -> frozenset[str]:
    from ..data_files import load_yaml

    return frozenset(load_yaml("framing.yml")["portal_attributes"])


def join_label_lines(lines: list[str]) -> list[str]:
    """A portal's record laid out as a label on one line and its value on the next (<dt>/<dd>,
    <div>s) becomes one row "label | value |", the way its tables come out."""
    from ..vietnamese.fold import fold

    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        label = fold(line.strip().rstrip(":").strip())
        after = index + 1
        while after < len(lines) and after <= index + 2 and not lines[after].strip():
            after += 1  # a block's blank line between the label and its value
        following = lines[after].strip() if after < len(lines) else ""
        if label in _attribute_labels() and following and fold(following.rstrip(":").strip()) not in _attribute_labels():
            joined.append(f"{line.strip().rstrip(':').strip()} | {following} |")
            index = after + 1
            continue
        joined.append(line)
        index += 1
    return joined


def _tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _walk(element, lines: list[str], breaks: bool = False, quoted: bool = False) -> None:
    tag = _tag(element)
    if tag in SKIPPED or not isinstance(element.tag, str):
        if element.tail and isinstance(element.tag, str) is False:
            _add_text(lines, element.tail, breaks)
        return
    if tag == "table":
        _table(element, lines)
        return
    if tag == "pre":  # a text copy pasted as is: keep its spacing (the header's columns)
        _new_line(lines)
        lines.extend(PRESERVED + line for line in element.text_content().split("\n"))
        lines.append("")
        return
    if tag == "br":
        lines.append("")
    elif tag in BLOCKS:
        _new_line(lines)
    quoted = quoted or tag == "blockquote"
    if element.text:
        _add_text(lines, element.text, breaks, quoted)
    for child in element:
        _walk(child, lines, breaks, quoted)
        if child.tail:
            _add_text(lines, child.tail, breaks, quoted)
    if tag in BLOCKS:
        _new_line(lines)


def _new_line(lines: list[str]) -> None:
    if lines[-1].strip():
        lines.append("")


def _cell_lines(cell) -> list[str]:
    inner: list[str] = [""]
    _walk_cell(cell, inner)
    return [" ".join(l.split()) for l in inner if l.strip()]


def _walk_cell(cell, inner: list[str]) -> None:
    if cell.text:
        inner[-1] += cell.text
    for child in cell:
        tag = _tag(child)
        if tag in SKIPPED:
            pass
        elif tag == "br":
            inner.append("")
        elif tag == "table":
            nested: list[str] = [""]
            _table(child, nested)
            inner.extend(nested)
            inner.append("")
        elif tag in BLOCKS:
            _new_line(inner)
            _walk_cell(child, inner)
            _new_line(inner)
        else:
            _walk_cell(child, inner)
        if child.tail:
            inner[-1] += child.tail


def _table(table, lines: list[str]) -> None:
    """Rows of a header or attribute table stay rows ("a | b"); other tables (recipients |
    signature) give their cells one after the other."""
    _new_line(lines)
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells = [_cell_lines(cell) for cell in row if _tag(cell) in ("td", "th")]
        cells = [c for c in cells if c]
        if not cells:
            continue
        single = all(len(c) == 1 for c in cells)
        header = any(header_cell().search(" ".join(c)) for c in cells)
        if len(cells) > 1 and (single or header):
            for index in range(max(len(c) for c in cells)):
                lines.append(" | ".join(c[index] if index < len(c) else "" for c in cells) + " |")
        else:
            for cell in cells:
                lines.extend(cell)
                lines.append("")
    lines.append("")


def read_html(markup: str, extractor: str | None = None) -> PageText:
    extractor = extractor or EXTRACTOR
    tree = parse(markup)
    if tree is None:
        return PageText("", PageClues(), extractor, ["not a readable HTML page"])
    clues = page_clues(tree)
    content = main_content(markup, tree, extractor)
    from_library = extractor == "trafilatura" and content.getroottree() is not tree.getroottree()
    lines = to_lines(content, breaks=from_library)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    problems = [] if text else ["the page has no text (a scan or a page of links only): save the attachment instead"]
    return PageText(text + "\n" if text else "", clues, extractor, problems)
