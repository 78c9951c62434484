"""Finishing a generated page's HTML: ``@/`` links made relative for the edition, indentation dropped.

Generated HTML links to other pages as ``@/docs/path#anchor`` and to files as ``@file/path``;
they become relative URLs for the build at hand (directory URLs, or ``.html`` files on the
USB edition); a link to a page that does not exist is reported like MkDocs reports Markdown links.
"""
from __future__ import annotations

import functools
import logging
import posixpath
import re
from typing import Any, Collection

from .notice_pages import page_url, relative_path

SITE_LINK = re.compile(r'(href|src)="@(/|file/)([^"#]*)(#[^"]*)?"')
PRESERVED = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
INDENTATION = re.compile(r"\n\s+")
TAG_GAP = re.compile(r">\n+<")

log = logging.getLogger("mkdocs.plugins.archive")


def resolve_links(output: str, page: Any, directory_urls: bool, pages: Collection[str]) -> str:
    """Every ``@/`` and ``@file/`` link of ``output`` relative to ``page``; ``pages``: the docs pages that exist."""
    base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

    def resolve(match: re.Match) -> str:
        attribute, kind, target, fragment = match.groups()
        if kind == "/":
            if target not in pages:
                log.warning(f"Doc file '{page.file.src_uri}' contains a link to '{target}', which is not found "
                            "among the generated pages.")
            target = page_url(target, directory_urls)
        return f'{attribute}="{relative(base, target)}{fragment or ""}"'

    return SITE_LINK.sub(resolve, output)


@functools.lru_cache(maxsize=65536)
def relative(base: str, target: str) -> str:
    """``target`` (from the site root) relative to the folder ``base`` ("" or ending in "/")."""
    return relative_path(base, target) or "./"


def without_indentation(output: str) -> str:
    """The page without the templates' indentation (outside ``<pre>``): a fifth of every page's bytes.

    Around the article (the theme's head, header, navigation, footer: the same on every page) the line
    breaks between two tags go too; inside it, where a break between two inline elements is a space
    the reader sees, they stay.
    """
    pieces = PRESERVED.split(output)
    output = "".join(piece if index % 2 else INDENTATION.sub("\n", piece) for index, piece in enumerate(pieces))
    start, end = output.find("<article"), output.rfind("</article>")
    if start < 0 or end < start or PRESERVED.search(output, 0, start) or PRESERVED.search(output, end):
        return output
    return TAG_GAP.sub("><", output[:start]) + output[start:end] + TAG_GAP.sub("><", output[end:])
