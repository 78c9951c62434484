"""A link checker over the built files: every internal href/src ends in a file and every #anchor exists."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def resolve(page: Path, link: str, root: Path) -> Path | None:
    """The file a relative link points to (``dir/`` means ``dir/index.html``), or None if external."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "data:", "javascript:")):
        return None
    if not parts.path:
        return page
    target = (page.parent / unquote(parts.path)).resolve()
    if link.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(root: Path) -> list[str]:
    """Every internal link or anchor in the site that leads nowhere, as 'page -> link' strings."""
    root = root.resolve()
    # 404.html is shown by the web server at any depth, so its links are absolute by design.
    pages = sorted(p for p in root.rglob("*.html") if p.relative_to(root).as_posix() != "404.html")
    parsed = {page: _parse(page) for page in pages}
    problems = []
    for page, collector in parsed.items():
        for link in collector.links:
            if link.startswith("javascript:"):
                problems.append(f"{page.relative_to(root)} -> {link} (javascript: URL)")
                continue
            target = resolve(page, link, root)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{page.relative_to(root)} -> {link}")
                continue
            fragment = urldefrag(link).fragment
            if fragment and target.suffix == ".html" and not re.fullmatch(r"__\w+", fragment):
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(fragment) not in ids:
                    problems.append(f"{page.relative_to(root)} -> {link} (no such anchor)")
    return problems
