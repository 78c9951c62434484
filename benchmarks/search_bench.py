"""Search index benchmark: build time, size and browser query latency at N notices.

    .venv/bin/python benchmarks/search_bench.py            # N = 2000 and 20000
    .venv/bin/python benchmarks/search_bench.py 500 5000   # other sizes
    .venv/bin/python benchmarks/search_bench.py --site DIR # the index of a site already built
                                                           # (e.g. the scale benchmark's corpus)

Generates its own corpus by recombining sentences of ``source_texts/*.txt`` and
``../shared/corpora/congbao/*.txt`` into notices of about 10 KB, spread over the
63 provinces, writes the index and a minimal page that loads
``archive-search.js``, then measures in headless Chromium from ``file://``.
Prints one JSON line per N. Targets: first results ≤ 300 ms on a cold page,
later keystrokes ≤ 50 ms, ≤ 1.5 MB loaded for a two-word query, index ≤ text.
The same phrase is also typed into the header box at a reader's pace (``box_*``: from each key's
input event to its results shown, list drawing included; keystrokes overtaken by the next one).
Each keystroke is given in wall-clock ms and in main-thread busy ms (``typing_cpu_*``, DevTools
Protocol), with the machine's load average while the browser ran (``load_average_1min``, ``cpus``):
on a shared machine the wall clock depends on the others' work, the main thread's time much less.

Cold figures, each on a fresh page of one browser:
- ``cold_two_word``: ``archiveSearch.query`` on the home page once it has loaded (``ms``: the query
  alone; ``ms_since_navigation``: when it resolved, from the page's navigation start, which also
  counts the page load and the harness's round trips to the browser);
- ``cold_search_page``: the search page opened at ``tim-kiem…?q=<query>`` (a shared address), from
  navigation start to the moment its first results are in the page (``ms_since_navigation``) and
  its whole first page of 20 (``all_ms_since_navigation``), stamped by the page itself (a
  MutationObserver added before the page's scripts run): what a reader waits for, no harness in it.
The first page a fresh browser opens also pays for the browser's own start (its renderer,
caches): its figure is reported, and ``*_after_first`` leave it out.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.search import SearchDoc, write_search_index  # noqa: E402
from benchmarks.corpus import provinces  # noqa: E402

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "archive-search.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NOTICE_BYTES = 10_000

PROVINCES = tuple((p["name"], p["code"]) for p in provinces())  # the gazetteer: build_tools/data/provinces.yml
TYPES = [("Thông báo", "TB"), ("Kế hoạch", "KH"), ("Chỉ thị", "CT"), ("Công điện", "CĐ"),
         ("Quyết định", "QĐ"), ("Kết luận", "KL"), ("Hướng dẫn", "HD")]
ISSUERS = ["UBND tỉnh", "Tỉnh ủy", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "Sở Y tế"]
MEASURES = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "E1", "H1", "H2", "H3", "H6", "H7", "5K", "F0-tai-nha"]


def load_sentences() -> list[str]:
    """Sentences of real Vietnamese administrative text, hard line wraps undone."""
    files = sorted((ROOT / "source_texts").glob("*.txt"))
    files += sorted((ROOT.parent / "shared" / "corpora" / "congbao").glob("*.txt"))
    sentences = []
    for path in files:
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="replace").replace("*", ""))
        for sentence in re.split(r"(?<=[.;:])\s+", text):
            if 40 <= len(sentence) <= 600 and re.search("[ạảấầẩậắằẳặẹẻếềểệịọỏốồổộớờởợụủứừửựỷỹ]", sentence):
                sentences.append(sentence.strip())
    if not sentences:
        raise SystemExit("no source sentences found: run from the repository with ../shared present")
    return sentences


def synthetic_notices(count: int, seed: int = 1):
    """Yield ``count`` SearchDocs (a generator, as the real build streams them)."""
    rng = random.Random(seed)
    sentences = load_sentences()
    for number in range(count):
        province, code = rng.choice(PROVINCES)
        doc_type, type_code = rng.choice(TYPES)
        year = rng.choice([2020, 2021, 2021, 2022])
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_number = (f"{rng.randint(1, 999)}-{type_code}/TU" if doc_type == "Kết luận"
                      else f"{rng.randint(1, 4999)}/{type_code}-UBND")
        paragraphs, size = [], 0
        while size < NOTICE_BYTES:
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
            paragraphs.append((f"doan-{len(paragraphs) + 1}", text))
            size += len(text.encode())
        title = f"{doc_type} về việc {rng.choice(sentences)[:90].rstrip(' ,.;:')} tại tỉnh {province}"
        yield SearchDoc(
            id=f"{code}-{year}-{number}", url=f"notices/{code}/{code}-{year}-{number}.html", title=title,
            number=doc_number, doc_type=doc_type, issuer=rng.choice(ISSUERS), province=province,
            province_code=code, date=date, measures=tuple(rng.sample(MEASURES, rng.randint(0, 4))),
            paragraphs=tuple(paragraphs))


SEARCH_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>bench search page</title></head>
<body><header class="md-header"><div class="md-header__inner"></div></header>
<div id="archive-search-page"></div>
<script src="assets/javascripts/archive-search.js"></script></body></html>
"""

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>bench</title></head>
<body><header class="md-header"><div class="md-header__inner"></div></header>
<script src="assets/javascripts/archive-search.js"></script></body></html>
"""


def write_site(site: Path) -> Path:
    """A minimal site: the search script at its real path and one page that loads it."""
    target = site / "assets" / "javascripts"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCRIPT, target / SCRIPT.name)
    page = site / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    (site / "tim-kiem.html").write_text(SEARCH_PAGE, encoding="utf-8")
    return page


# Stamps, from navigation start, the moment the search page's result list first gets results
# and the moment its whole first page is in (the page marks it with data-state="done").
STAMP_RESULTS = """
new MutationObserver(function (records, observer) {
  var list = document.querySelector('.archive-search-page__results');
  if (list && list.children.length && window.__firstResults === undefined) window.__firstResults = performance.now();
  var host = document.getElementById('archive-search-page');
  if (host && host.getAttribute('data-state') === 'done' && list && list.children.length) {
    window.__allResults = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-state']});
"""


def search_page(site: Path) -> Path:
    """The site's search page: ``tim-kiem/index.html`` (public build) or ``tim-kiem.html``."""
    for candidate in (site / "tim-kiem" / "index.html", site / "tim-kiem.html"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"no search page in {site}")


def cold_search_page(context, site: Path) -> list[dict]:
    """Each two-word query as a shared address of the search page, opened on a fresh page."""
    from urllib.parse import quote
    out = []
    base = search_page(site).as_uri()
    for query in QUERIES_TWO_WORDS:
        page = context.new_page()
        page.add_init_script(STAMP_RESULTS)
        page.goto(f"{base}?q={quote(query)}")
        page.wait_for_function("window.__allResults !== undefined", timeout=30_000)
        figures = page.evaluate("""() => ({first: window.__firstResults, all: window.__allResults,
            results: document.querySelectorAll('.archive-search-page__results > li').length})""")
        out.append({"query": query, "ms_since_navigation": round(figures["first"], 1),
                    "all_ms_since_navigation": round(figures["all"], 1), "results": figures["results"]})
        page.close()
    return out


QUERIES_TWO_WORDS = ["cách ly", "phòng chống", "tiêm vắc", "tập trung", "y tế"]
TYPED = "phòng chống dịch covid tại tỉnh"
DROPDOWN = 8  # results the header box asks for


def _open(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.archiveSearch !== undefined")
    return page


def cold_queries(context, url: str, search_dir: Path) -> list[dict]:
    """Each two-word query on a fresh page: time, bytes and files it loaded."""
    out = []
    for query in QUERIES_TWO_WORDS:
        page = _open(context, url)
        figures = page.evaluate(
            """async ([q, limit]) => { const t0 = performance.now();
                const results = await window.archiveSearch.query(q, {limit});
                const t1 = performance.now();
                return {ms: t1 - t0, sinceNavigation: t1, results: results.length,
                        files: window.archiveSearch.loadedFiles()}; }""", [query, DROPDOWN])
        loaded = sum((search_dir.parent / f).stat().st_size for f in figures["files"])
        out.append({"query": query, "ms": round(figures["ms"], 1),
                    "ms_since_navigation": round(figures["sinceNavigation"], 1), "results": figures["results"],
                    "loaded_kb": round(loaded / 1024, 1), "files": len(figures["files"])})
        page.close()
    return out


def _main_thread_ms(cdp) -> float:
    """The page's main-thread busy time so far (DevTools Protocol ``TaskDuration``, thread CPU time), ms."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"] * 1000


def _spread(values: list[float]) -> dict:
    ordered = sorted(values)
    return {"median": round(statistics.median(ordered), 1), "p90": round(ordered[int(len(ordered) * 0.9)], 1),
            "max": round(ordered[-1], 1)}


def typing(context, url: str) -> dict:
    """A reader typing TYPED one character at a time into the header box's query.

    Per keystroke: wall-clock ms (what the reader waits), the page's main-thread busy time (CPU
    time of the renderer's main thread through the DevTools Protocol, which a loaded machine
    stretches far less than the wall clock: other processes take the cores, not this thread's
    work) and the query's own phases (``archiveSearch.lastTimings``: term files loaded and
    decoded, notices ranked, notice files in, snippets made, each in ms from the start).
    """
    page = _open(context, url)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    times, cpu, phases = [], [], []
    for i in range(1, len(TYPED) + 1):
        before = _main_thread_ms(cdp)
        figures = page.evaluate(
            """async ([typed, limit]) => { const t0 = performance.now();
                await window.archiveSearch.query(typed, {limit});
                const phases = window.archiveSearch.lastTimings ? window.archiveSearch.lastTimings() : {};
                return {ms: performance.now() - t0, phases}; }""",
            [TYPED[:i], DROPDOWN])
        cpu.append(_main_thread_ms(cdp) - before)
        times.append(figures["ms"])
        phases.append({k: v for k, v in figures["phases"].items() if k != "start"})
    filtered = page.evaluate(
        """async () => { const t0 = performance.now();
            const r = await window.archiveSearch.query('cách ly', {province: 'quang-ninh', year: 2021, limit: 20});
            return {ms: performance.now() - t0, results: r.length}; }""")
    phrase = page.evaluate(
        """async () => { const t0 = performance.now();
            const r = await window.archiveSearch.query('"phòng, chống dịch"', {limit: 20});
            return {ms: performance.now() - t0, results: r.length}; }""")
    page.close()
    later = _spread(times[1:])
    later_cpu = _spread(cpu[1:])
    return {"typing_first_ms": round(times[0], 1), "typing_later_median_ms": later["median"],
            "typing_later_p90_ms": later["p90"], "typing_later_max_ms": later["max"],
            "typing_over_50_ms": sum(t > 50 for t in times),
            "typing_cpu_first_ms": round(cpu[0], 1), "typing_cpu_later_median_ms": later_cpu["median"],
            "typing_cpu_later_p90_ms": later_cpu["p90"], "typing_cpu_later_max_ms": later_cpu["max"],
            "typing_ms": [round(t) for t in times],  # every keystroke, in order
            "typing_cpu_ms": [round(t, 1) for t in cpu],
            "typing_phases": phases,
            "filtered_query_ms": round(filtered["ms"], 1), "phrase_query_ms": round(phrase["ms"], 1)}


BOX_INTERVAL_MS = 120  # between keystrokes: a brisk typist (about 8 characters a second)

RECORD_BOX = """
window.__box = {typed: [], shown: []};
document.addEventListener('input', function (event) {
  if (event.target.classList && event.target.classList.contains('archive-search__input'))
    window.__box.typed.push([event.target.value, performance.now()]);
}, true);
document.addEventListener('archive-search:shown', function (event) {
  window.__box.shown.push([event.detail.text, performance.now(), event.detail.redrawn]);
}, true);
"""


def typing_box(context, url: str) -> dict:
    """TYPED typed into the header box itself, one key every BOX_INTERVAL_MS, as a reader types.

    Per keystroke, from its input event to the moment the box showed that text's results (the
    box's ``archive-search:shown`` event): what the reader waits for, list drawing included. A
    keystroke whose query was overtaken by the next one is counted as superseded (the box stops
    its work), and a keystroke whose results equal the list's is shown without drawing it again.
    """
    page = context.new_page()
    page.add_init_script(RECORD_BOX)
    page.goto(url)
    page.wait_for_function("window.archiveSearch !== undefined")
    box = page.locator(".archive-search__input")
    box.focus()
    page.wait_for_timeout(300)  # focusing loads the manifest, as for a reader
    for char in TYPED:
        page.keyboard.type(char)
        page.wait_for_timeout(BOX_INTERVAL_MS)
    page.wait_for_timeout(1000)
    record = page.evaluate("window.__box")
    page.close()
    shown = {}
    for text, at, redrawn in record["shown"]:
        shown.setdefault(text, (at, redrawn))
    waits, superseded, kept = [], 0, 0
    for text, at in record["typed"]:
        if text not in shown:
            superseded += 1
            continue
        waits.append(shown[text][0] - at)
        kept += not shown[text][1]
    spread = _spread(waits) if waits else {"median": None, "p90": None, "max": None}
    return {"box_keystrokes": len(record["typed"]), "box_shown_median_ms": spread["median"],
            "box_shown_p90_ms": spread["p90"], "box_shown_max_ms": spread["max"],
            "box_over_50_ms": sum(w > 50 for w in waits), "box_superseded": superseded, "box_list_kept": kept,
            "box_ms": [round(w) for w in waits]}


class LoadSampler:
    """The machine's 1-minute load average, sampled every second while the browser runs.

    On a shared machine a wall-clock figure means little without it: the same keystroke takes
    twice as long at load 8 on 2 cores as on an idle machine, its main-thread CPU time hardly.
    """

    def __init__(self, every: float = 1.0):
        import threading
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def _run(self, every: float) -> None:
        while True:
            self.samples.append(os.getloadavg()[0])
            if self._stop.wait(every):
                return

    def __enter__(self) -> "LoadSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self) -> dict:
        samples = self.samples or [os.getloadavg()[0]]
        return {"load_average_1min": {"min": round(min(samples), 2), "median": round(statistics.median(samples), 2),
                                      "max": round(max(samples), 2)}, "cpus": os.cpu_count()}


def measure_browser(page_path: Path, search_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    url = page_path.as_uri()
    with LoadSampler() as load, sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            shared = cold_search_page(context, search_dir.parent)  # first: it gets the fresh browser's first page
            cold = cold_queries(context, url, search_dir)
            out = {"cold_search_page_max_ms": max(c["ms_since_navigation"] for c in shared),
                   "cold_search_page_max_ms_after_first": max(c["ms_since_navigation"] for c in shared[1:]),
                   "cold_two_word_max_ms": max(c["ms"] for c in cold),
                   "cold_two_word_max_loaded_kb": max(c["loaded_kb"] for c in cold),
                   "cold_search_page": shared, "cold_two_word": cold}
            out.update(typing(context, url))
            out.update(typing_box(context, url))
        finally:
            context.close()
    out.update(load.figures())  # while the browser ran
    return out


def run(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        started = time.perf_counter()
        stats = write_search_index(synthetic_notices(count), site / "search")
        wall = time.perf_counter() - started
        page = write_site(site)
        figures = {"n": count, "build_seconds": round(wall, 1), "index_bytes": stats["bytes"],
                   "text_bytes": stats["text_bytes"], "index_to_text": stats["ratio"], "files": stats["files"],
                   "terms": stats["terms"], "shards": stats["shards"],
                   "largest_file_kb": round(stats["largest_file_bytes"] / 1024, 1)}
        if Path(CHROMIUM).exists():
            figures.update(measure_browser(page, site / "search"))
        else:
            figures["browser"] = f"SKIPPED: {CHROMIUM} is missing"
        return figures


def measure_site(site: Path) -> dict:
    """The same browser figures on a built site's own index, opened from its home page."""
    search = site / "search"
    sizes = [p.stat().st_size for p in search.rglob("*.js")]
    manifest = (search / "manifest.js").read_text(encoding="utf-8-sig")
    docs = json.loads(manifest[manifest.index("{"):manifest.rindex("}") + 1])["docs"]
    figures = {"site": str(site), "n": docs, "index_bytes": sum(sizes), "files": len(sizes),
               "largest_file_kb": round(max(sizes) / 1024, 1)}
    figures.update(measure_browser(site / "index.html", search))
    return figures


def main(argv: list[str]) -> None:
    if argv[:1] == ["--site"]:
        print(json.dumps(measure_site(Path(argv[1])), ensure_ascii=False), flush=True)
        return
    for count in [int(a) for a in argv] or [2000, 20000]:
        print(json.dumps(run(count), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
