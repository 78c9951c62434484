"""MkDocs hooks (named events, the only extension points we use).

Generated pages (notices and index pages) reach MkDocs as a one-line Markdown
skeleton: front matter, the title, and a placeholder ``<!-- archive-part: body -->``.
Their HTML was written by ``build_tools.render`` and ``build_tools.indexes`` (in the
build's process pool for notices) and waits in $ARCHIVE_PARTS_DIR; it is inserted
into the finished page here, so Python-Markdown never parses it and MkDocs never
holds it for the whole build. Their table of contents comes from the front matter.

``@/docs/path#anchor`` and ``@file/path`` links in that HTML become relative URLs
for the build at hand (directory URLs, or ``.html`` files on the USB edition); a
link to a page that does not exist is reported like MkDocs reports Markdown links.

Front matter comes from untrusted source text, and the theme prints
``page.meta.title`` and ``page.meta.description`` without escaping, so they are
escaped before any template sees them. Pages are written without the templates'
indentation (outside ``<pre>``): a fifth of every page's bytes.
"""
from __future__ import annotations

import functools
import html
import json
import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.structure.toc import AnchorLink, TableOfContents

PLACEHOLDER = re.compile(r"<!-- archive-part: (\w+) -->")
SITE_LINK = re.compile(r'(href|src)="@(/|file/)([^"#]*)(#[^"]*)?"')
PRESERVED = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
INDENTATION = re.compile(r"\n\s+")

log = logging.getLogger("mkdocs.hooks.archive")
_pages: set[str] = set()


def on_files(files, config):
    _pages.clear()
    _pages.update(file.src_uri[: -len(".md")] for file in files.documentation_pages())
    return files


def on_page_content(content, page, config, files):
    page.markdown = ""  # converted: the source is not needed again
    entries = page.meta.get("toc")
    if entries:
        page.toc = table_of_contents(list(page.toc), entries)
    return content


def table_of_contents(items: list[AnchorLink], entries: list) -> TableOfContents:
    """The Markdown's headings (the page title) with the generated body's headings nested under it."""
    stack = [items[0]] if items and items[0].level == 1 else []
    top = []
    for level, anchor, title in entries:
        entry = AnchorLink(html.escape(str(title)), str(anchor), int(level))
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else top).append(entry)
        stack.append(entry)
    return TableOfContents(items + top)


def on_page_context(context, page, config, nav):
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return context


def on_post_page(output, page, config):
    page.content = ""  # the page is rendered: release its HTML
    if "<!-- archive-part:" in output and os.environ.get("ARCHIVE_PARTS_DIR"):
        source = Path(os.environ["ARCHIVE_PARTS_DIR"]) / (page.file.src_uri[: -len(".md")] + ".json")
        parts = json.loads(source.read_text(encoding="utf-8")) if source.is_file() else {}
        output = PLACEHOLDER.sub(lambda match: parts.get(match.group(1), ""), output)
    if '="@' in output:
        output = resolve_links(output, page, config.use_directory_urls)
    return without_indentation(output)


def resolve_links(output: str, page, directory_urls: bool) -> str:
    base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

    def resolve(match: re.Match) -> str:
        attribute, kind, target, fragment = match.groups()
        if kind == "/":
            if target not in _pages:
                log.warning(f"Doc file '{page.file.src_uri}' contains a link to '{target}', which is not found "
                            "among the generated pages.")
            target = site_url(target, directory_urls)
        return f'{attribute}="{relative(base, target)}{fragment or ""}"'

    return SITE_LINK.sub(resolve, output)


def site_url(page: str, directory_urls: bool) -> str:
    if not directory_urls:
        return page + ".html"
    if page == "index" or page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


@functools.lru_cache(maxsize=65536)
def relative(base: str, target: str) -> str:
    """``target`` (from the site root) relative to the folder ``base`` ("" or ending in "/")."""
    source = [part for part in base.split("/") if part]
    parts = target.split("/")
    common = 0
    while common < min(len(source), len(parts) - 1) and source[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + parts[common:]) or "./"


def without_indentation(output: str) -> str:
    pieces = PRESERVED.split(output)
    return "".join(piece if index % 2 else INDENTATION.sub("\n", piece) for index, piece in enumerate(pieces))
