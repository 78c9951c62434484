"""MkDocs hooks (named events, the only extension points we use).

``on_post_page``: notice pages carry placeholders ``<!-- archive-part: NAME -->`` for
HTML parts rendered by ``build_tools.render`` (cite box, original text, list of
changes). They are inserted into the finished page, so Python-Markdown never parses
them and MkDocs never holds them in memory for the whole build; the parts wait in
the folder named by $ARCHIVE_PARTS_DIR. Each page's Markdown and HTML are released
as soon as they are no longer needed (MkDocs keeps every page until the build ends).

``on_page_context``: front matter comes from untrusted source text, and the
theme prints ``page.meta.title`` and ``page.meta.description`` without
escaping, so they are escaped here before any template sees them.
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

PLACEHOLDER = re.compile(r"<!-- archive-part: (\w+) -->")


def on_page_context(context, page, config, nav):
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return context


def on_page_content(content, page, config, files):
    page.markdown = ""  # converted: the source is not needed again
    return content


def on_post_page(output, page, config):
    page.content = ""  # the page is rendered: release its HTML
    if "<!-- archive-part:" not in output or not os.environ.get("ARCHIVE_PARTS_DIR"):
        return output
    source = Path(os.environ["ARCHIVE_PARTS_DIR"]) / (page.file.src_uri[: -len(".md")] + ".json")
    parts = json.loads(source.read_text(encoding="utf-8")) if source.is_file() else {}
    return PLACEHOLDER.sub(lambda match: parts.get(match.group(1), ""), output)
