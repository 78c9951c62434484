"""Do two sites' search readers give the same results? Every prefix of a set of queries, typed and finished.

    .venv/bin/python benchmarks/search_same.py SITE_A SITE_B

A change of the reader that should not change ranking (a faster keystroke, say) is checked on a
large index this way: the same index with the old script in SITE_A and the new one in SITE_B
(link the rest of the site). Each case compares every result's notice, score, snippet,
highlights, anchor and title, and the total. Prints how many cases differ and the first ones.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
QUERIES = ["phòng chống dịch covid tại tỉnh", "cach ly tai nha", "Vân Đồn", "tiêm vắc xin",
           "giãn cách xã hội theo chỉ thị 16", "lang son", "ubnd tỉnh quảng ninh", "học trực tuyến",
           "68/NQ-CP", "xét nghiệm sàng lọc", "hoc sinh", "y tế"]


def cases() -> list[tuple[str, int]]:
    """Each query typed one character at a time, then finished (a trailing space), at 8 and 20 results."""
    texts = [q[:i] for q in QUERIES for i in range(1, len(q) + 1)] + [q + " " for q in QUERIES]
    return [(t, limit) for t in texts for limit in (8, 20)] + [('"phòng, chống dịch"', 20)]


def results(site: Path, asked: list[tuple[str, int]]) -> list:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = context.new_page()
            page.goto((site / "index.html").as_uri())
            page.wait_for_function("window.archiveSearch !== undefined")
            return page.evaluate("""async (cases) => { const out = [];
                for (const [text, limit] of cases) {
                  const r = await window.archiveSearch.query(text, {limit});
                  out.push([r.map(x => [x.url, x.score, x.snippet, x.highlights, x.anchor, x.title]), r.total, r.more]);
                }
                return out; }""", asked)
        finally:
            context.close()


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    asked = cases()
    first, second = (results(Path(a), asked) for a in argv)
    differ = [(asked[i], first[i][0][:2], second[i][0][:2]) for i in range(len(asked)) if first[i] != second[i]]
    print(f"{len(asked)} cases; {len(differ)} differ", flush=True)
    for case in differ[:5]:
        print(case)


if __name__ == "__main__":
    main(sys.argv[1:])
