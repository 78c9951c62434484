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

import copy
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
    clean = sanitise(tree)
    clues = page_clues(clean)  # a hidden <time> or a sidebar's date is no clue either
    clean_markup = lxml_html.tostring(clean, encoding="unicode")
    content = main_content(clean_markup, clean, extractor)
    from_library = extractor == "trafilatura" and content.getroottree() is not clean.getroottree()
    lines = to_lines(content, breaks=from_library)
    lines = page_headings(clean, lines) + record_rows(clean) + [""] + lines
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    problems = [] if text else ["the page has no text (a scan or a page of links only): save the attachment instead"]
    return PageText(text + "\n" if text else "", clues, extractor, problems)


# --- the sanitised page: what a reader sees of the document ------------------------------

UNSAFE = {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
          "svg", "canvas", "math", "base"}
OUTSIDE = {"nav", "header", "footer", "form", "aside", "menu"}  # never the document's own record or heading
HEADINGS = ("h1", "h2", "h3")
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
_HIDDEN_RULE = re.compile(r"(?is)\.([\w-]+)\s*\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)")


@functools.lru_cache(maxsize=None)
def _class_words(key: str) -> frozenset[str]:
    from ..data_files import load_yaml

    return frozenset(load_yaml("framing.yml")[key])


def sanitise(tree: etree._Element) -> etree._Element:
    """A copy of the page without what never reaches a reader as the document: scripts, styles,
    frames and plug-ins, comments, event attributes, hidden elements (``hidden``, ``aria-hidden``,
    inline ``display:none``, a class hidden by the framework or by the page's own style sheet) and
    sidebars (``<aside>``, a sidebar's class, a block under a heading such as "Văn bản liên quan").
    The libraries read this copy, so nothing hidden or executable reaches the text or the clues."""
    clean = copy.deepcopy(tree)
    hidden_classes = _class_words("hidden_classes") | _style_hidden_classes(clean)
    for element in list(clean.iter()):
        if not isinstance(element.tag, str):
            _remove(element)
            continue
        for name in [a for a in element.attrib if a.lower().startswith("on")]:
            del element.attrib[name]
        tag = element.tag.lower()
        if tag in UNSAFE or tag == "aside" or _is_hidden(element, hidden_classes) or _is_sidebar(element):
            _remove(element)
    for heading in list(clean.iter()):
        if isinstance(heading.tag, str) and heading.getparent() is not None and _is_trailer_heading(heading):
            _remove_from(heading)
    return clean


def _style_hidden_classes(tree: etree._Element) -> frozenset[str]:
    """Classes the page's own <style> hides (".an{display:none}")."""
    rules = " ".join(style.text or "" for style in tree.iter("style"))
    return frozenset(_HIDDEN_RULE.findall(rules))


def _tokens(element: etree._Element) -> set[str]:
    return set((element.get("class", "") + " " + element.get("id", "")).lower().split())


def _is_hidden(element: etree._Element, hidden_classes: frozenset[str]) -> bool:
    return (element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true"
            or element.get("type", "").lower() == "hidden" or bool(_HIDDEN_STYLE.search(element.get("style", "")))
            or bool(_tokens(element) & hidden_classes))


def _is_sidebar(element: etree._Element) -> bool:
    words = _class_words("sidebar_classes")
    return any(token in words or any(token.startswith(w + sep) for w in words for sep in "-_")
               for token in _tokens(element))


def _is_trailer_heading(element: etree._Element) -> bool:
    """A short heading ("Văn bản liên quan", "Tin khác:") after which a block lists other documents."""
    from ..clean.framing import is_portal_trailer

    if element.tag.lower() not in {"h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "p", "span", "div", "dt",
                                   "header", "caption", "legend", "label"}:
        return False
    text = _short_text(element, 60)
    return text is not None and 0 < len(text) and is_portal_trailer(text)


def _short_text(element: etree._Element, limit: int) -> str | None:
    """The element's text when it has at most ``limit`` characters, read no further (None when
    longer): every block of the page is asked, so its whole text is never gathered."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        if size > limit:
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def _remove(element: etree._Element) -> None:
    """Drop the element and keep its tail (the text after it belongs to its parent)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _remove_from(heading: etree._Element) -> None:
    """A list of other documents: its heading, the text after it and every later sibling."""
    parent = heading.getparent()
    for sibling in list(heading.itersiblings()):
        parent.remove(sibling)
    heading.tail = None
    _remove(heading)


def _outside(element: etree._Element) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() in OUTSIDE for a in element.iterancestors())


def _text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def page_headings(tree: etree._Element, lines: list[str]) -> list[str]:
    """The headings (h1–h3) of the page's content that the library left out, each with the short
    line under it: a portal often names the document only there ("Thông báo số 245/TB-UBND ngày …
    về …"), and dates it in the line below ("SỞ Y TẾ … ban hành ngày …"). They come first,
    where the framing stage reads a headline (a weak clue, never the document's own text)."""
    from ..vietnamese.fold import fold

    present = fold(" ".join(" ".join(lines).split()))
    kept: list[str] = []
    for heading in tree.iter(*HEADINGS):
        if _outside(heading):
            continue
        below = heading.getnext()  # the by-line under the name ("SỞ Y TẾ … ban hành ngày …")
        for element in (heading, below if below is not None and _is_short_block(below) else None):
            text = _text(element) if element is not None else ""
            if 8 <= len(text) <= 300 and fold(text) not in present and text not in kept:
                kept.append(text)
    return [line for text in kept for line in (text, "")]  # each its own block, never one wrapped paragraph


def _is_short_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in {"p", "div", "span"} and not len(element) \
        and len(_text(element)) <= 200


def record_rows(tree: etree._Element) -> list[str]:
    """The page's own record of the document ("Số ký hiệu", "Ngày ban hành", "Người ký" …) as
    "label | value |" rows, whatever its markup: a table with its labels in the head row and
    one row of values, label and value cells side by side (<th>/<td>, two pairs to a row),
    <dt>/<dd>, a label <span>/<strong>/<div> followed by its value. Libraries flatten small
    tables into a paragraph; this reads the sanitised page itself. A table of several rows
    under its labels is a list of documents, never the page's own; a record needs two rows."""
    rows: list[str] = []
    seen: set[str] = set()
    used: set[etree._Element] = set()
    for table in tree.iter("table"):
        if not _outside(table):
            rows.extend(_head_row_record(table, seen, used))
    for element in tree.iter():
        if not isinstance(element.tag, str) or element in used or _outside(element) or len(element):
            continue
        label = _text(element)
        if not _is_label(label):
            continue
        value = _value_after(element)
        if value and not _is_label(value) and len(value) <= 300 and _label_key(label) not in seen:
            seen.add(_label_key(label))
            rows.append(f"{label.rstrip(':').strip()} | {value} |")
    return rows if len(rows) >= 2 else []


def _label_key(text: str) -> str:
    from ..vietnamese.fold import fold

    return fold(" ".join(text.split())).strip().rstrip(":").strip()


def _is_label(text: str) -> bool:
    return 0 < len(text) <= 40 and _label_key(text) in _attribute_labels()


def _value_after(label: etree._Element) -> str:
    """The value written after a label: its own tail ("<strong>Số hiệu:</strong> 125/KH-BCĐ"),
    else the next element (the <td>, <dd>, <span> or <div> beside it)."""
    if label.tail and label.tail.strip():
        return " ".join(label.tail.split())
    following = label.getnext()
    return _text(following) if following is not None and isinstance(following.tag, str) else ""


def _head_row_record(table: etree._Element, seen: set[str], used: set) -> list[str]:
    rows = [[cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
            for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")]
    rows = [row for row in rows if any(_text(cell) for cell in row)]
    if not rows:
        return []
    heads = [_text(cell) for cell in rows[0]]
    if sum(_is_label(head) for head in heads) < 2:
        return []
    used.update(cell for row in rows for cell in row)
    if len(rows) != 2 or len(rows[1]) != len(heads):
        return []  # a list of documents (or no values): never the page's own
    found = []
    for head, cell in zip(heads, rows[1]):
        value = _text(cell)
        if _is_label(head) and value and _label_key(head) not in seen:
            seen.add(_label_key(head))
            found.append(f"{head.rstrip(':').strip()} | {value} |")
    return found
