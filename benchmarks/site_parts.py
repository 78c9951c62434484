"""Where a built site's bytes go: KB per notice by kind of page and, per page, by part of the page.

    .venv/bin/python benchmarks/site_parts.py SITE N [--before OTHER_SITE]

One JSON line per kind of page (notices, measure × province pages, redirects, signers …): pages, KB per
notice, KB per page, and per page the head (and in it the JSON-LD, og:*, citation_* tags), header,
navigation, table of contents, article (and in it the metadata panel, the cite box, the cleaning
changes, paragraph tags), the rest (footer, scripts); then one line of totals by part of the site
(html, search, data, downloads). With ``--before``, each figure of SITE beside the other site's: the
difference between two builds of the same corpus is exact (benchmarks/RESULTS.md, "Site size").
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

KB = 1000
PARTS_OF_HEAD = {"jsonld": r'<script type="application/ld\+json">.*?</script>', "og": r'<meta property="og:[^>]*>',
                 "citation": r'<meta name="citation_[^>]*>'}
PARTS_OF_ARTICLE = {"meta": r'<div class="notice-meta">.*?</div>', "cite": r'<details class="cite-box".*?</details>',
                    "changes": r'<details class="notice-original">.*?</details>', "p_tags": r'<p id="[^"]*"[^>]*>'}


def kind_of_page(relative: str, html: str) -> str:
    """``notice``, ``redirect``, ``measure-province`` or the page's top folder (``root`` for the home page)."""
    if 'http-equiv="refresh"' in html:
        return "redirect"
    parts = relative.split("/")
    if parts[0] == "notices":
        return "notice"
    if parts[0] == "chu-de" and len(parts) >= 4:
        return "measure-province"
    return parts[0] if len(parts) > 1 else "root"


def sidebar(html: str, kind: str) -> str:
    """The theme's sidebar ``navigation`` or ``toc``: from its opening ``<div`` to the one closing it."""
    marker = html.find(f'data-md-type="{kind}"')
    if marker < 0:
        return ""
    start, depth = html.rfind("<div", 0, marker), 0
    for tag in re.finditer(r"<div\b|</div>", html[start:]):
        depth += 1 if tag.group(0) == "<div" else -1
        if depth == 0:
            return html[start:start + tag.end()]
    return ""


def page_parts(html: str) -> dict[str, int]:
    """Bytes of each part of one page (parts of parts prefixed: ``head.jsonld``, ``article.cite``)."""
    def size(text: str) -> int:
        return len(text.encode("utf-8"))

    head = html[html.find("<head"):html.find("</head>") + len("</head>")] if "<head" in html else ""
    header = re.search(r"<header\b.*?</header>", html, re.S)
    article = re.search(r"<article\b.*?</article>", html, re.S)
    parts = {"head": size(head), "header": size(header.group(0)) if header else 0,
             "navigation": size(sidebar(html, "navigation")), "toc": size(sidebar(html, "toc")),
             "article": size(article.group(0)) if article else 0}
    parts["rest"] = size(html) - sum(parts.values())
    for name, pattern in PARTS_OF_HEAD.items():
        parts[f"head.{name}"] = sum(size(m) for m in re.findall(pattern, head, re.S))
    for name, pattern in PARTS_OF_ARTICLE.items():
        parts[f"article.{name}"] = sum(size(m) for m in re.findall(pattern, article.group(0) if article else "", re.S))
    return parts


def site_parts(site: Path, notices: int) -> list[dict[str, Any]]:
    """One record per kind of page, largest first, then the totals by part of the site."""
    pages, totals, parts = Counter(), Counter(), defaultdict(Counter)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8", errors="replace")
        kind = kind_of_page(path.relative_to(site).as_posix(), html)
        pages[kind] += 1
        totals[kind] += path.stat().st_size
        parts[kind].update(page_parts(html))
    records = [{"kind": kind, "pages": pages[kind], "kb_per_notice": round(totals[kind] / notices / KB, 2),
                "kb_per_page": round(totals[kind] / pages[kind] / KB, 2),
                "per_page_kb": {part: round(value / pages[kind] / KB, 2) for part, value in parts[kind].items() if value}}
               for kind in sorted(totals, key=lambda k: -totals[k])]
    by_part = Counter()
    for path in site.rglob("*"):
        if path.is_file():
            top = path.relative_to(site).parts[0]
            by_part[top if top in ("search", "data", "nguon", "assets") else
                    ("html" if path.suffix == ".html" else "other")] += path.stat().st_size
    everything_but_downloads = sum(by_part.values()) - by_part["nguon"]
    records.append({"kind": "site", "html_pages": sum(pages.values()),
                    "kb_per_notice": {part: round(value / notices / KB, 2) for part, value in sorted(by_part.items())},
                    "kb_per_notice_html_search_data": round(everything_but_downloads / notices / KB, 2)})
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("notices", type=int, help="notices the site was built from")
    parser.add_argument("--before", type=Path, help="another build of the same corpus, printed beside")
    args = parser.parse_args(argv)
    after = site_parts(args.site, args.notices)
    before = {r["kind"]: r for r in site_parts(args.before, args.notices)} if args.before else {}
    for record in after:
        if record["kind"] in before:
            record = {"kind": record["kind"], "before": before[record["kind"]], "after": record}
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
