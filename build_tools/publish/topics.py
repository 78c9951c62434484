"""Topic (measure) pages live at ``chu-de/<slug>``: a Vietnamese slug from ``data/measures.yml``.

The measure's ``code`` (``quarantine-centralised``) stays the stable identifier of data, curator
files and search filters; only the address readers see is Vietnamese (``chu-de/cach-ly-tap-trung``).
Pages published at the old English addresses get a redirect page (publish/site.redirect_pages), as the
permalink rules require of every address that ever existed.
"""
from __future__ import annotations

import functools

from ..data_files import load_yaml

TOPICS = "chu-de"


@functools.lru_cache(maxsize=1)
def slugs() -> dict[str, str]:
    """Measure code → the slug of its topic page (the code itself where no slug is given)."""
    data = load_yaml("measures.yml")
    measures = data["measures"] if isinstance(data, dict) else data
    return {m["code"]: m.get("slug") or m["code"] for m in measures}


def topic_page(code: str) -> str:
    """The docs path of a measure's topic page, e.g. ``chu-de/cach-ly-tap-trung``."""
    return f"{TOPICS}/{slugs().get(code, code)}"


def old_topic_paths(pages: list[str]) -> list[tuple[str, str]]:
    """(old path, new path) for every topic page (and its subpages) whose address used the English code."""
    by_slug = {slug: code for code, slug in slugs().items() if slug != code}
    moved = []
    for page in pages:
        parts = page.split("/")
        if len(parts) >= 2 and parts[0] == TOPICS and parts[1] in by_slug:
            moved.append(("/".join([TOPICS, by_slug[parts[1]], *parts[2:]]), page))
    return moved
