"""MkDocs hooks (named events, the only extension points we use).

``on_page_context``: front matter comes from untrusted source text, and the
theme prints ``page.meta.title`` and ``page.meta.description`` without
escaping, so they are escaped here before any template sees them.
"""
from __future__ import annotations

import html


def on_page_context(context, page, config, nav):
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return context
