"""Our search beside Material for MkDocs' built-in search and Pagefind, on the same generated notices.

    .venv/bin/python benchmarks/search_compare.py                 # N = 2000
    .venv/bin/python benchmarks/search_compare.py --notices 500 --keep /tmp/compare

One run generates N notices (``benchmarks.corpus.generate_corpus``) and builds three
searchable sites from them:

- ours: the archive's real build (``build_tools.publish.site.build_site``), queried with
  ``window.archiveSearch.query(q, {})`` from ``file://`` and over http;
- material: MkDocs + Material for MkDocs with its built-in search plugin (``lang: vi``),
  each notice a plain page (title + escaped paragraphs), nav with the home page only;
  driven through its UI (the query typed into the search box) over http; under
  ``file://`` we record whether its search ever starts;
- pagefind: the npm package pinned in benchmarks/pagefind (``npm ci`` there when missing unless ``--no-install``)
  indexing the notice pages of the material site (``<article>`` only), queried through
  its JS API (``await import('/pagefind/pagefind.js')``) over http and, to show that it
  fails, from ``file://``.

Prints one JSON line per (engine, metric group); benchmarks/SEARCH_COMPARISON.md keeps
a run. Relevance: a notice is relevant to a query when its source text, folded with our
``fold()`` and cut into words, contains the query's folded words as a contiguous phrase,
so accented and accent-free spellings of a query share one expected set. Every query
runs cold (a fresh browser context) for ours and Pagefind; Material builds its index in
the browser once per page, so its queries run one after another on one page.

Network: sites are served by an ``http.server`` thread on 127.0.0.1; Chromium resolves no
other host (requests elsewhere fail at once and are listed). Timings on a shared machine
are noisy: the load average is printed with them.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate_corpus  # noqa: E402
from build_tools.commands.preview import serving  # noqa: E402
from build_tools.search.tokenize import word_sequence  # noqa: E402
from build_tools.text import escape_inline, escape_markdown  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 # loopback only: every other host fails to resolve at once (and is recorded)
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
PAGEFIND_VERSION = "1.5.2"
TOP = 10

# (accent-free, accented): both spellings share one expected set.
QUERIES: tuple[tuple[str, str | None], ...] = (
    ("cach ly tap trung", "cách ly tập trung"),
    ("huu lung", "Hữu Lũng"),  # a district of Lạng Sơn (another district when the corpus has none)
    ("lang son", "Lạng Sơn"),
    ("dak lak", "Đắk Lắk"),  # đ: folded by us, not by Pagefind (REFERENCE §5)
    ("tiem vac xin", "tiêm vắc xin"),
    ("68/NQ-CP", None),
    ("23/2021/QD-TTg", "23/2021/QĐ-TTg"),
)
COLD_TWO_WORDS = "cách ly"

MATERIAL_CONFIG = """site_name: Material defaults ({n} notices)
docs_dir: docs
site_dir: site
theme:
  name: material
  language: vi
plugins:
  - search:
      lang: vi
nav:
  - index.md
"""

BLANK_PAGE = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>pagefind</title></head><body></body></html>\n"


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


# --- corpus and expected answers ------------------------------------------------------------------


def read_notices(corpus: Path) -> dict[str, str]:
    """file stem → text (BOM and CRLF undone)."""
    return {p.stem: p.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
            for p in sorted(corpus.glob("*.txt"))}


def folded_words(text: str) -> str:
    return " " + " ".join(word_sequence(text)) + " "


def expected_sets(texts: dict[str, str]) -> dict[str, set[str]]:
    """Accent-free query → stems whose folded text holds the query's folded words in a row."""
    words = {stem: folded_words(text) for stem, text in texts.items()}
    out = {}
    for plain, _ in QUERIES:
        needle = folded_words(plain)
        out[plain] = {stem for stem, haystack in words.items() if needle in haystack}
    return out


def choose_district(texts: dict[str, str], wanted: int = 8) -> tuple[str, str]:
    """Hữu Lũng when the corpus names it; else the accented district name found in about ``wanted`` notices."""
    from benchmarks.corpus import provinces
    from build_tools.vietnamese.fold import fold

    haystacks = [folded_words(text) for text in texts.values()]

    def count(name: str) -> int:
        needle = folded_words(name)
        return sum(needle in h for h in haystacks)

    if count("Hữu Lũng"):
        return "huu lung", "Hữu Lũng"
    province_names = {fold(p["name"]) for p in provinces()}
    names = sorted({d["name"] for p in provinces() for d in p["districts"]
                    if " " in d["name"] and fold(d["name"]) != d["name"].lower()
                    and not any(fold(d["name"]) in name for name in province_names)})
    scored = sorted((abs(count(n) - wanted), n) for n in names[::3])
    best = next((n for gap, n in scored if count(n)), names[0])
    return " ".join(word_sequence(best)), best


def set_queries(texts: dict[str, str]) -> None:
    global QUERIES
    district = choose_district(texts)
    QUERIES = tuple(district if plain == "huu lung" else (plain, accented) for plain, accented in QUERIES)


def query_list() -> list[tuple[str, str, bool]]:
    """(query as typed, accent-free key of its expected set, accented?).

    The district query is also sent in quotes, as a phrase: reported, but kept out of
    the means, since only our engine documents quoted phrases.
    """
    out = []
    for plain, accented in QUERIES:
        out.append((plain, plain, False))
        if accented:
            out.append((accented, plain, True))
    plain, accented = QUERIES[1]
    out += [(f'"{plain}"', plain, False), (f'"{accented}"', plain, True)]
    return out


def is_extra(query: str) -> bool:
    return query.startswith('"')


def quality(stems: list[str | None], relevant: set[str]) -> dict[str, Any]:
    """hits@10: precision over the results shown (0 when none), recall over min(10, |relevant|)."""
    top: list[str | None] = []
    for stem in stems:
        if stem is None or stem not in top:
            top.append(stem)
        if len(top) == TOP:
            break
    hits = sum(1 for s in top if s in relevant)
    return {"returned": len(top), "hits": hits,
            "p10": round(hits / len(top), 3) if top else 0.0,
            "r10": round(hits / min(TOP, len(relevant)), 3) if relevant else None}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out = {}
    for label, accented in (("plain", False), ("accented", True), ("all", None)):
        chosen = [r for r in rows if not is_extra(r["query"]) and (accented is None or r["accented"] == accented)]
        if chosen and all("p10" in r for r in chosen):
            out[f"p10_{label}"] = round(sum(r["p10"] for r in chosen) / len(chosen), 3)
            recalls = [r["r10"] for r in chosen if r["r10"] is not None]
            out[f"r10_{label}"] = round(sum(recalls) / len(recalls), 3) if recalls else None
    return out


def stem_from_path(url: str) -> str | None:
    match = re.search(r"notices/([^/?#]+?)(?:/|\.html|$)", unquote(urlparse(url).path))
    return match.group(1) if match else None


# --- serving and traffic -----------------------------------------------------------------------


def serve(directory: Path):
    """``directory`` over http on a loopback port, from a thread; yields the base URL."""
    return serving(directory)


@functools.lru_cache(maxsize=None)
def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6, mtime=0)))


class Traffic:
    """Requests a browser context made, mapped back to the files they read."""

    def __init__(self, context: Any, site: Path, base: str):
        self.site, self.base = site, base
        self.finished: list[str] = []
        self.failed: list[tuple[str, str]] = []
        context.on("requestfinished", lambda request: self.finished.append(request.url))
        context.on("requestfailed", lambda request: self.failed.append((request.url, request.failure or "")))

    def path_of(self, url: str) -> Path | None:
        if not url.startswith(self.base):
            return None
        path, base_path = unquote(urlparse(url).path), unquote(urlparse(self.base).path)
        if not path.startswith(base_path):
            return None
        relative = path[len(base_path):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        target = self.site / relative
        return target if target.is_file() else None

    def files(self, wanted: Callable[[str], bool]) -> list[Path]:
        seen, out = set(), []
        for url in self.finished:
            path = self.path_of(url)
            if path is None:
                continue
            relative = path.relative_to(self.site).as_posix()
            if wanted(relative) and path not in seen:
                seen.add(path)
                out.append(path)
        return out

    def figures(self, wanted: Callable[[str], bool]) -> dict[str, Any]:
        files = self.files(wanted)
        return {"files": len(files), "bytes": sum(p.stat().st_size for p in files),
                "gzip_bytes": sum(gzip_size(p) for p in files)}

    def external(self) -> list[str]:
        return sorted({url for url, _ in self.failed if not url.startswith(("http://127.0.0.1", "file:", "data:"))})


# --- ours ----------------------------------------------------------------------------------------


def build_ours(corpus: Path, work: Path, n: int) -> tuple[Path, dict[str, Any]]:
    from build_tools.publish.site import BuildOptions, build_site

    out = work / "ours"
    started = time.perf_counter()
    report = build_site(BuildOptions(source=corpus, out=out, registry=work / "permalinks.yml", cache=None))
    seconds = time.perf_counter() - started
    search_bytes, search_files = folder_bytes(out / "search")
    figures = report.figures
    emit({"engine": "ours", "group": "build", "n": n, "published": report.published,
          "build_seconds": round(seconds, 1), "search_index_seconds": figures.get("search_seconds"),
          "mkdocs_seconds": round(figures.get("mkdocs_seconds", 0), 1),
          "pipeline_seconds": round(figures.get("pipeline_seconds", 0), 1),
          "index_bytes": search_bytes, "index_files": search_files,
          "index_gzip_bytes": sum(gzip_size(p) for p in (out / "search").rglob("*") if p.is_file()),
          "script_bytes": (out / "assets/javascripts/archive-search.js").stat().st_size,
          "text_bytes": figures.get("search_text_bytes"), "load_average": load_average()})
    return out, {"build_seconds": round(seconds, 1), "index_seconds": figures.get("search_seconds"),
                 "index_bytes": search_bytes, "index_files": search_files}


def ours_stems(site: Path) -> dict[str, str]:
    """Result URL (relative to the site root) → source file stem, from the published dataset."""
    rows = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    return {row["url"].lstrip("/"): Path(row["source"]["file"]).stem for row in rows}


def ours_titles(site: Path) -> dict[str, str]:
    rows = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    return {Path(row["source"]["file"]).stem: row["title"] for row in rows}


OURS_QUERY = """async (q) => {
  const t0 = performance.now();
  const results = await window.archiveSearch.query(q, {});
  const t1 = performance.now();
  return {ms: t1 - t0, since_navigation_ms: t1, total: results.total,
          urls: results.map(r => r.url), titles: results.map(r => r.title),
          loaded: window.archiveSearch.loadedFiles()};
}"""


def ours_is_search(relative: str) -> bool:
    return relative.startswith("search/") or relative.endswith("archive-search.js")


def run_ours(browser: Any, site: Path, mode: str, base: str, expected: dict[str, set[str]]) -> dict[str, Any]:
    stems = ours_stems(site)
    rows = []
    for query, key, accented in [(COLD_TWO_WORDS, None, True)] + query_list():
        context = browser.new_context()
        traffic = Traffic(context, site, base)
        try:
            page = context.new_page()
            page.goto(base + "index.html" if mode == "file" else base)
            page.wait_for_function("window.archiveSearch !== undefined", timeout=30_000)
            got = page.evaluate(OURS_QUERY, query)
        finally:
            context.close()
        if mode == "file":  # file:// loads may not show as network events: count what the engine loaded
            paths = [site / f for f in got["loaded"]] + [site / "assets/javascripts/archive-search.js"]
            load = {"files": len(paths), "bytes": sum(p.stat().st_size for p in paths),
                    "gzip_bytes": sum(gzip_size(p) for p in paths)}
        else:
            load = traffic.figures(ours_is_search)
        row = {"query": query, "accented": accented, "ms": round(got["ms"], 1),
               "since_navigation_ms": round(got["since_navigation_ms"], 1), "total": got["total"], **load,
               "top": [stems.get(u.lstrip("/")) for u in got["urls"][:TOP]]}
        if key is not None:
            row.update(quality(row["top"], expected[key]))
        rows.append(row)
    return finish_rows("ours", mode, rows, expected)


def finish_rows(engine: str, mode: str, rows: list[dict[str, Any]], expected: dict[str, set[str]]) -> dict[str, Any]:
    cold = rows[0] if rows and rows[0]["query"] == COLD_TWO_WORDS else None
    quality_rows = [r for r in rows if "p10" in r]
    for row in rows:
        record = {"engine": engine, "group": f"query {mode}", **{k: v for k, v in row.items() if k != "top"}}
        if _key(row["query"]):
            record["top_relevant"] = [s in expected[_key(row["query"])] for s in row.get("top", [])]
        emit(record)
    summary = {"engine": engine, "group": f"summary {mode}", **summarise(quality_rows),
               "load_average": load_average()}
    if cold:
        summary.update({"cold_two_word_query": cold["query"], "cold_ms": cold["ms"],
                        "cold_since_navigation_ms": cold["since_navigation_ms"], "cold_bytes": cold.get("bytes"),
                        "cold_gzip_bytes": cold.get("gzip_bytes"), "cold_files": cold.get("files")})
    timed = [r["since_navigation_ms"] for r in quality_rows if r.get("since_navigation_ms") is not None
             and not is_extra(r["query"])]
    if timed:
        timed.sort()
        summary["cold_since_navigation_median_ms"] = timed[len(timed) // 2]
    loads = [r["bytes"] for r in quality_rows if r.get("bytes") is not None]
    if loads:
        summary["bytes_per_cold_query_max"] = max(loads)
    emit(summary)
    return summary


def _key(query: str) -> str:
    query = query.strip('"')
    for plain, accented in QUERIES:
        if query in (plain, accented):
            return plain
    return ""


# --- material ------------------------------------------------------------------------------------


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs with their hard line wraps undone."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        line = " ".join(block.split())
        if line:
            out.append(line)
    return out


def material_page(stem: str, text: str, title: str | None) -> str:
    parts = paragraphs(text)
    heading = title or (parts[0] if parts else stem)
    body = "\n\n".join(escape_markdown(p) for p in parts)
    return f"# {escape_inline(' '.join(heading.split()))}\n\n{body}\n"


def build_material(texts: dict[str, str], titles: dict[str, str], work: Path, n: int) -> tuple[Path, dict[str, Any]]:
    project = work / "material"
    docs = project / "docs"
    (docs / "notices").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Văn bản\n\nTìm kiếm bằng ô tìm kiếm ở đầu trang.\n", encoding="utf-8")
    for stem, text in texts.items():
        (docs / "notices" / f"{stem}.md").write_text(material_page(stem, text, titles.get(stem)), encoding="utf-8")
    (project / "mkdocs.yml").write_text(MATERIAL_CONFIG.format(n=n), encoding="utf-8")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                         capture_output=True, text=True, cwd=project)
    seconds = time.perf_counter() - started
    site = project / "site"
    index = site / "search" / "search_index.json"
    record = {"engine": "material", "group": "build", "n": n, "exit_status": run.returncode,
              "build_seconds": round(seconds, 1)}
    if run.returncode or not index.is_file():
        record["error"] = (run.stderr.strip().splitlines() or ["mkdocs build failed"])[-3:]
        emit(record)
        raise RuntimeError("material build failed")
    site_bytes, site_files = folder_bytes(site)
    record.update({"index_bytes": index.stat().st_size, "index_gzip_bytes": gzip_size(index), "index_files": 1,
                   "index_docs": len(json.loads(index.read_text(encoding="utf-8"))["docs"]),
                   "site_bytes": site_bytes, "site_files": site_files, "load_average": load_average()})
    emit(record)
    return site, {"build_seconds": record["build_seconds"], "index_bytes": record["index_bytes"], "index_files": 1}


# Wraps Worker so the page records when Material's search worker is ready (message type 1) and
# each result (type 3); the UI is still what runs the queries.
WORKER_HOOK = """(() => {
  const Native = window.Worker;
  const log = window.__md = {created: null, ready: null, error: null, posted: [], results: []};
  window.Worker = function (url, options) {
    let worker;
    try { worker = new Native(url, options); }
    catch (error) { log.error = String(error); throw error; }
    log.created = performance.now();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 2) log.posted.push({at: performance.now(), query: String(message.data)});
      return post(message, ...rest);
    };
    worker.addEventListener('message', (event) => {
      const m = event.data || {};
      if (m.type === 1 && log.ready === null) log.ready = performance.now();
      if (m.type === 3) log.results.push({at: performance.now(), total: m.data && m.data.total,
        items: ((m.data && m.data.items) || []).slice(0, 20).map(group => group[0] && group[0].location)});
    });
    worker.addEventListener('error', (event) => { log.error = String(event.message || 'worker error'); });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();"""

MATERIAL_SHOWN = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const items = [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')];
  return {meta: meta ? meta.textContent.trim() : null,
          links: items.slice(0, 10).map(li => { const a = li.querySelector('a.md-search-result__link');
                                               return a ? a.href : null; }),
          titles: items.slice(0, 10).map(li => { const h = li.querySelector('h1');
                                                return h ? h.textContent.trim() : null; }),
          results: window.__md.results.length, now: performance.now()};
}"""

INITIALISING = ("Initializing search", "Đang khởi tạo")


def material_type(page: Any, query: str, previous: int, timeout_ms: int) -> dict[str, Any]:
    """Type ``query`` into Material's search box; wait for the result it triggers and its rendering."""
    box = page.locator("input.md-search__input")
    box.fill("")
    typed_at = page.evaluate("performance.now()")
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        """([previous, query]) => { const log = window.__md; if (log.results.length <= previous) return false;
             const last = log.posted[log.posted.length - 1]; return !!last; }""",
        arg=[previous, query], timeout=timeout_ms, polling=50)
    page.wait_for_timeout(150)  # rendering of the list follows the message
    shown = page.evaluate(MATERIAL_SHOWN)
    log = page.evaluate("window.__md")
    last = log["results"][-1]
    shown["ms"] = round(last["at"] - typed_at, 1)
    # the worker sends no total; the box shows it rounded ("1.9k tài liệu liên quan")
    count = re.match(r"([\d.,]+)\s*(k?)", shown["meta"] or "")
    shown["total"] = last["total"] if last["total"] is not None else (
        round(float(count.group(1).replace(",", ".")) * (1000 if count.group(2) else 1)) if count else 0)
    shown["worker_items"] = last["items"]
    shown["posted"] = log["posted"][-1]["query"] if log["posted"] else None
    return shown


def run_material_http(browser: Any, site: Path, base: str, expected: dict[str, set[str]],
                      timeout_s: int) -> dict[str, Any]:
    context = browser.new_context()
    context.add_init_script(WORKER_HOOK)
    traffic = Traffic(context, site, base)
    rows: list[dict[str, Any]] = []
    ready: dict[str, Any] = {}
    try:
        page = context.new_page()
        page.goto(base, wait_until="domcontentloaded")
        page.locator("input.md-search__input").click()
        # the reader types at once; the first results wait for the index to be built in the browser
        box = page.locator("input.md-search__input")
        box.fill(COLD_TWO_WORDS)
        box.press("End")
        try:
            page.wait_for_function(
                """() => { const m = document.querySelector('.md-search-result__meta');
                   return window.__md.results.length > 0 && m && !m.textContent.includes('Initializing'); }""",
                timeout=timeout_s * 1000, polling=100)
        except Exception:  # noqa: BLE001 - a timeout is a figure here
            log = page.evaluate("window.__md")
            ready = {"ready": False, "timeout_s": timeout_s, "worker_error": log["error"],
                     "worker_created_ms": log["created"], "external_requests": traffic.external()}
            emit({"engine": "material", "group": "summary http", **ready})
            return ready
        first = page.evaluate(MATERIAL_SHOWN)
        log = page.evaluate("window.__md")
        load = traffic.figures(lambda rel: rel.startswith("search/") or "/workers/search" in rel
                               or "/lunr/" in rel)
        ready = {"ready": True, "ready_ms": round(log["ready"], 1) if log["ready"] else None,
                 "cold_two_word_query": COLD_TWO_WORDS, "cold_since_navigation_ms": round(first["now"], 1),
                 "cold_bytes": load["bytes"], "cold_gzip_bytes": load["gzip_bytes"], "cold_files": load["files"],
                 "cold_meta": first["meta"], "external_requests": traffic.external()}
        for query, key, accented in query_list():
            shown = material_type(page, query, len(page.evaluate("window.__md.results")), timeout_s * 1000)
            stems = [stem_from_path(link) if link else None for link in shown["links"]]
            row = {"query": query, "accented": accented, "ms": shown["ms"], "total": shown["total"],
                   "meta": shown["meta"], "worker_query": shown["posted"], "top": stems}
            worker_stems = [stem_from_path(loc or "") for loc in shown["worker_items"][:TOP]]
            if worker_stems[:len(stems)] != stems:
                row["dom_differs_from_worker"] = worker_stems
            row.update(quality(stems, expected[key]))
            rows.append(row)
    finally:
        context.close()
    for row in rows:
        emit({"engine": "material", "group": "query http", **{k: v for k, v in row.items() if k != "top"},
              "top_relevant": [s in expected[_key(row["query"])] for s in row["top"]]})
    warm = sorted(r["ms"] for r in rows)
    summary = {"engine": "material", "group": "summary http", **ready, **summarise(rows),
               "warm_query_ms_median": warm[len(warm) // 2] if warm else None,
               "warm_query_ms_max": warm[-1] if warm else None, "load_average": load_average()}
    emit(summary)
    return summary


def run_material_file(browser: Any, site: Path, wait_s: int) -> dict[str, Any]:
    context = browser.new_context()
    context.add_init_script(WORKER_HOOK)
    base = site.as_uri() + "/"
    traffic = Traffic(context, site, base)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "index.html", wait_until="domcontentloaded")
        box = page.locator("input.md-search__input")
        page.wait_for_timeout(2000)
        visible = box.is_visible()
        if visible:
            box.click()
            box.fill(COLD_TWO_WORDS)
            box.press("End")
        else:  # Material keeps the box hidden when its search cannot start; type into it anyway
            page.evaluate("""(q) => { const box = document.querySelector('input.md-search__input');
                box.value = q; box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End'})); }""", COLD_TWO_WORDS)
        started = time.perf_counter()
        started_search = False
        while time.perf_counter() - started < wait_s:
            page.wait_for_timeout(500)
            if page.evaluate("window.__md.results.length > 0"):
                started_search = True
                break
        shown = page.evaluate(MATERIAL_SHOWN)
        log = page.evaluate("window.__md")
    finally:
        context.close()
    record = {"engine": "material", "group": "summary file", "search_started": started_search,
              "search_box_visible": visible,
              "waited_s": wait_s, "shown": shown["meta"], "results": len(shown["links"]),
              "worker_created": log["created"] is not None, "worker_ready": log["ready"] is not None,
              "worker_error": log["error"], "external_requests": traffic.external(),
              "console_errors": sorted(set(e[:200] for e in errors))[:5]}
    emit(record)
    return record


# --- pagefind ------------------------------------------------------------------------------------


def pagefind_binary(install: bool) -> tuple[Path | None, str | None]:
    """The pagefind executable of the npm package pinned in benchmarks/pagefind (``npm ci`` there if asked)."""
    folder = ROOT / "benchmarks" / "pagefind"
    binary = folder / "node_modules" / ".bin" / "pagefind"
    if not binary.exists() and install:
        run = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=folder, capture_output=True, text=True)
        if run.returncode:
            return None, "npm ci in benchmarks/pagefind failed: " + " ".join(run.stderr.strip().splitlines()[-2:])
    if not binary.exists():
        return None, "pagefind is not installed (run without --no-install, or npm ci in benchmarks/pagefind)"
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    if version.returncode:
        return None, f"pagefind binary does not run: {version.stderr.strip()[:200]}"
    return binary, None


def build_pagefind(binary: Path, site: Path, n: int) -> dict[str, Any]:
    started = time.perf_counter()
    run = subprocess.run([str(binary), "--site", str(site), "--glob", "notices/**/*.html",
                          "--root-selector", "article", "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    bundle = site / "pagefind"
    record = {"engine": "pagefind", "group": "index", "n": n, "exit_status": run.returncode,
              "index_seconds": round(seconds, 1), "version": PAGEFIND_VERSION}
    if run.returncode or not bundle.is_dir():
        record["error"] = (run.stderr or run.stdout).strip().splitlines()[-3:]
        emit(record)
        raise RuntimeError("pagefind failed")
    total, files = folder_bytes(bundle)
    parts = {}
    for name, pattern in (("index_chunks", "index/*"), ("fragments", "fragment/*"), ("filters", "filter/*")):
        chunk = list(bundle.glob(pattern))
        parts[name] = {"files": len(chunk), "bytes": sum(p.stat().st_size for p in chunk)}
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    record.update({"index_bytes": total, "index_files": files, **parts,
                   "languages": {k: v.get("page_count") for k, v in entry.get("languages", {}).items()},
                   "load_average": load_average()})
    emit(record)
    (site / "pf-blank.html").write_text(BLANK_PAGE, encoding="utf-8")
    return {"build_seconds": None, "index_seconds": record["index_seconds"], "index_bytes": total,
            "index_files": files}


PAGEFIND_QUERY = """async ([bundle, q]) => {
  const t0 = performance.now();
  const pagefind = await import(bundle + 'pagefind.js');
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  const t1 = performance.now();
  return {ms: t1 - t0, since_navigation_ms: t1, total: search.results.length,
          urls: top.map(d => d.url), titles: top.map(d => d.meta && d.meta.title)};
}"""


def run_pagefind_http(browser: Any, site: Path, base: str, expected: dict[str, set[str]]) -> dict[str, Any]:
    rows = []
    for query, key, accented in [(COLD_TWO_WORDS, None, True)] + query_list():
        context = browser.new_context()
        traffic = Traffic(context, site, base)
        try:
            page = context.new_page()
            page.goto(base + "pf-blank.html")
            got = page.evaluate(PAGEFIND_QUERY, [base + "pagefind/", query])
        finally:
            context.close()
        row = {"query": query, "accented": accented, "ms": round(got["ms"], 1),
               "since_navigation_ms": round(got["since_navigation_ms"], 1), "total": got["total"],
               **traffic.figures(lambda rel: rel.startswith("pagefind/")),
               "top": [stem_from_path(u) for u in got["urls"]]}
        if key is not None:
            row.update(quality(row["top"], expected[key]))
        rows.append(row)
    return finish_rows("pagefind", "http", rows, expected)


def run_pagefind_file(browser: Any, site: Path) -> dict[str, Any]:
    context = browser.new_context()
    base = site.as_uri() + "/"
    try:
        page = context.new_page()
        page.goto(base + "pf-blank.html")
        outcome = page.evaluate("""async (bundle) => {
            try { const pagefind = await import(bundle + 'pagefind.js');
                  const search = await pagefind.search('cách ly');
                  const top = await Promise.all(search.results.slice(0, 1).map(r => r.data()));
                  return {works: true, results: search.results.length, first: top[0] && top[0].url}; }
            catch (error) { return {works: false, error: String(error).slice(0, 300)}; } }""", base + "pagefind/")
    finally:
        context.close()
    record = {"engine": "pagefind", "group": "summary file", **outcome}
    emit(record)
    return record


# --- the run -------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True)
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"), "nproc": os.cpu_count(),
            "memory_mb": memory, "cpu": cpu, "commit": commit.stdout.strip(),
            "work_tree_dirty": bool(dirty.stdout.strip()), "python": platform.python_version(),
            "chromium": chromium.stdout.strip(), "load_average": load_average()}


def run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    emit({"group": "machine", **machine()})
    owned = args.keep is None
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="search-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    table: dict[str, dict[str, Any]] = {}
    try:
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        summary = generate_corpus(args.notices, corpus, args.seed)
        texts = read_notices(corpus)
        set_queries(texts)
        expected = expected_sets(texts)
        emit({"group": "corpus", "n": summary["n"], "seed": args.seed, "bytes": summary["bytes"],
              "kb_median": summary["kb_median"], "ocr_noisy": summary["ocr_noisy"],
              "expected": {q: len(s) for q, s in expected.items()}})

        ours_site, table["ours"] = build_ours(corpus, work, args.notices)
        material_site, table["material"] = build_material(texts, ours_titles(ours_site), work, args.notices)
        binary, pagefind_problem = pagefind_binary(not args.no_install)
        if binary is not None:
            try:
                table["pagefind"] = build_pagefind(binary, material_site, args.notices)
            except Exception as error:  # noqa: BLE001 - recorded, the rest still runs
                pagefind_problem = f"pagefind indexing failed: {error}"
        if pagefind_problem:
            emit({"engine": "pagefind", "group": "skipped", "reason": pagefind_problem})

        if not Path(CHROMIUM).exists():
            emit({"group": "browser", "skipped": f"{CHROMIUM} is missing"})
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                table["ours"]["file"] = run_ours(browser, ours_site, "file", ours_site.as_uri() + "/", expected)
                with serve(ours_site) as base:
                    table["ours"]["http"] = run_ours(browser, ours_site, "http", base, expected)
                with serve(material_site) as base:
                    if "pagefind" in table:
                        table["pagefind"]["http"] = run_pagefind_http(browser, material_site, base, expected)
                    table["material"]["http"] = run_material_http(browser, material_site, base, expected,
                                                                  args.material_timeout)
                table["material"]["file"] = run_material_file(browser, material_site, args.file_wait)
                if "pagefind" in table:
                    table["pagefind"]["file"] = run_pagefind_file(browser, material_site)
            finally:
                browser.close()
        emit({"group": "done", "seconds": round(time.perf_counter() - started, 1), "load_average": load_average()})
        return 0
    except Exception:  # noqa: BLE001
        emit({"group": "error", "traceback": traceback.format_exc()[-2000:]})
        return 1
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notices", type=int, default=2000, help="notices to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the sites (default: a temporary folder)")
    parser.add_argument("--no-install", action="store_true", help="do not npm-install pagefind when missing")
    parser.add_argument("--material-timeout", type=int, default=420,
                        help="seconds to wait for Material's in-browser index over http (default 420)")
    parser.add_argument("--file-wait", type=int, default=20,
                        help="seconds to wait for Material's search to start from file:// (default 20)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
