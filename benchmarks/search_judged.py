"""Judged relevance: ours vs Pagefind vs Material's built-in search, one corpus, one run.

    .venv/bin/python benchmarks/search_judged.py                       # 1,000 generated notices + the seeds
    .venv/bin/python benchmarks/search_judged.py --notices 300 --keep /tmp/judged
    .venv/bin/python benchmarks/search_judged.py --ours-only    # our engine alone, same corpus and queries

The query set is tests/fixtures/search/judged.yml: people (signers, chairs), places from
the gazetteer (with the confusable pairs of issue 19), cited document numbers, and topics.
The generator (``benchmarks/corpus.py``) writes the archive; this script plants every
item into chosen notices and its distractors into others, adds the five seed notices, and
then knows the answer to every query by construction: a notice is relevant when its text
holds the item's words side by side with the item's accents (case aside); for a number,
when it holds the number. Each item is asked with accents and without (numbers: "Đ" and
"D"), as a finished query (Enter).

Engines, all over the same corpus:
- ours: the archive's real build, ``archiveSearch.query(q, {prefix: false})``, from
  ``file://`` and over http (the two must agree);
- Pagefind (npm ``pagefind``, pinned in benchmarks/pagefind/package-lock.json, default
  settings) over the notice pages of the Material site, over http, its JS API;
- Material for MkDocs' built-in search (``lang: vi``) over http, typed into its search box.

Prints one JSON line per engine and group, and a table of P@1, P@5 and nDCG@10 (binary
gains; the ideal ranking puts min(10, |relevant|) relevant notices first). A query nobody
can answer (no relevant notice) is reported and left out of the means.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import search_compare as compare  # noqa: E402
from build_tools.vietnamese.fold import fold, lower_same_length  # noqa: E402
from build_tools.search.tokenize import WORD, tokens  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "search" / "judged.yml"
TOP = 10


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


# --- the judged set ---------------------------------------------------------------------------


def load_items(path: Path = FIXTURE) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """(templates, items); each item: kind, target, count, plants, distractors."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    templates = data["templates"]
    items = []
    for person in data["people"]:
        items.append({"kind": "person", "target": person["name"], "role": person["role"],
                      "count": person["count"], "distractors": []})
    for place in data["places"]:
        items.append({"kind": "place", "target": place["name"], "count": place["count"],
                      "distractors": place.get("distractors", [])})
    for number in data["numbers"]:
        items.append({"kind": "number", "target": number["number"], "count": number["count"],
                      "distractors": [templates["number_distractor"].format(a=number["distractor"])]
                      if number.get("distractor") else []})
    for topic in data["topics"]:
        items.append({"kind": "topic", "target": topic["phrase"], "count": topic.get("count", 0),
                      "plant": topic.get("plant"), "distractors": []})
    return templates, items


def queries_of(item: dict[str, Any]) -> list[tuple[str, bool]]:
    """(query, accented?): as written, and without accents ("Đ" → "D" for numbers)."""
    target = item["target"]
    plain = fold(target) if item["kind"] != "number" else target.replace("Đ", "D").replace("đ", "d")
    if plain == target:
        plain = target.lower()
    return [(target, True), (plain, False)]


def person_distractors(name: str, template: str) -> list[str]:
    """The name's surname with other given names, and its given names after another surname."""
    parts = name.split()
    other_given = "Minh Hùng" if parts[1:] != ["Minh", "Hùng"] else "Văn Hòa"
    other_surname = "Lê" if parts[0] != "Lê" else "Trần"
    return [template.format(a=f"{parts[0]} {other_given}", b=f"{other_surname} {' '.join(parts[1:])}")]


def plant_sentence(item: dict[str, Any], templates: dict[str, str]) -> str | None:
    kind, target = item["kind"], item["target"]
    if kind == "person":
        return templates["chair"].format(x=target) if item["role"] == "chair" else None
    if kind == "place":
        return templates["place"].format(x=target)
    if kind == "number":
        return templates["number"].format(x=target)
    return item["plant"].format(x=target) if item.get("plant") else None


# --- the corpus -----------------------------------------------------------------------------------


def insert_paragraph(text: str, sentence: str, rng: random.Random) -> str:
    """``sentence`` as a new paragraph of the body: at a blank line of its second half, before "Nơi nhận".

    (The header, the recipients and the signature are not body text: a sentence put among
    them would not be a paragraph of the notice.) Blank lines may hold spaces, as in copies
    of scans.
    """
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if "Nơi nhận" in line), len(lines))
    blanks = [i for i in range(end) if not lines[i].strip()]
    body = [i for i in blanks if i >= end * 0.5] or [end]  # the second half: past any header and title
    at = rng.choice(body)
    lines[at:at] = ["", sentence]
    return "\n".join(lines)


def replace_signer(text: str, name: str) -> str:
    """The signature block's last line (the signer's name) becomes ``name``."""
    lines = text.rstrip("\n").split("\n")
    lines[-1] = name
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, n: int, seed: int, templates: dict[str, str],
                 items: list[dict[str, Any]]) -> dict[str, Any]:
    """Generated notices with the items planted, plus the seed notices; returns what was planted where."""
    from benchmarks.corpus import Composer, notice_file_name, plan_corpus

    out.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(n, seed)
    texts = [Composer(plan, seed).compose() for plan in plans]
    rng = random.Random(f"judged/{seed}")
    planted: dict[str, list[int]] = {}
    for item in items:
        chosen = rng.sample(range(len(texts)), item["count"]) if item["count"] else []
        planted[item["target"]] = chosen
        sentence = plant_sentence(item, templates)
        for index in chosen:
            if item["kind"] == "person" and item["role"] == "signer":
                texts[index] = replace_signer(texts[index], item["target"])
            elif sentence:
                texts[index] = insert_paragraph(texts[index], sentence, rng)
        distractors = list(item["distractors"])
        if item["kind"] == "person" and item["role"] != "seed":
            distractors += person_distractors(item["target"], templates["person_distractor"])
        others = [i for i in range(len(texts)) if i not in chosen]
        for sentence in distractors:
            for index in rng.sample(others, min(3, len(others))):
                texts[index] = insert_paragraph(texts[index], sentence, rng)
    for plan, text in zip(plans, texts):
        (out / notice_file_name(plan.index, text)).write_text(text, encoding="utf-8")
    for seed_file in sorted((ROOT / "source_texts").glob("*.txt")):
        shutil.copy(seed_file, out / seed_file.name)
    return {"generated": len(texts), "seeds": len(list((ROOT / "source_texts").glob("*.txt"))),
            "planted": sum(len(v) for v in planted.values())}


RUN_BREAK = re.compile(r"\n\s*\n|[^\w\s/-]+")  # a paragraph break or punctuation ends a run of words


def runs_of_words(text: str) -> str:
    """" a b | c d ": the lowercase words of ``text``, runs split where punctuation or a blank line stands."""
    runs = (" ".join(WORD.findall(run)) for run in RUN_BREAK.split(lower_same_length(text)))
    return " " + " | ".join(run for run in runs if run) + " "


def relevant_sets(texts: dict[str, str], items: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Target → stems of the notices that hold it (words side by side, the target's accents; numbers whole)."""
    words = {stem: runs_of_words(text) for stem, text in texts.items()}
    numbers = {stem: set(tokens(text)) for stem, text in texts.items()}
    out = {}
    for item in items:
        target = item["target"]
        if item["kind"] == "number":
            out[target] = {stem for stem, found in numbers.items() if fold(target) in found}
        else:
            needle = " " + " ".join(WORD.findall(lower_same_length(target))) + " "
            out[target] = {stem for stem, haystack in words.items() if needle in haystack}
    return out


# --- measures -------------------------------------------------------------------------------------


def measures(ranked: list[str | None], relevant: set[str]) -> dict[str, float]:
    top: list[str | None] = []
    for stem in ranked:
        if stem is None or stem not in top:
            top.append(stem)
    top = top[:TOP]
    gains = [1 if s in relevant else 0 for s in top]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(TOP, len(relevant))))
    return {"p1": float(gains[0]) if gains else 0.0, "p5": sum(gains[:5]) / 5,
            "ndcg10": dcg / ideal if ideal else 0.0}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Means of P@1, P@5, nDCG@10 over all judged queries, and by kind and accents."""
    out: dict[str, Any] = {}
    groups = {"all": rows}
    for kind in ("person", "place", "number", "topic"):
        groups[kind] = [r for r in rows if r["kind"] == kind]
    groups["accented"] = [r for r in rows if r["accented"]]
    groups["plain"] = [r for r in rows if not r["accented"]]
    for name, chosen in groups.items():
        if chosen:
            out[name] = {m: round(sum(r[m] for r in chosen) / len(chosen), 3) for m in ("p1", "p5", "ndcg10")}
            out[name]["queries"] = len(chosen)
    return out


# --- engines --------------------------------------------------------------------------------------


OURS = """async (queries) => {
  const out = [];
  for (const q of queries) {
    const results = await window.archiveSearch.query(q, {prefix: false, limit: 10});
    out.push(results.map(r => r.url));
  }
  return out;
}"""

PAGEFIND = """async ([bundle, queries]) => {
  const pagefind = await import(bundle + 'pagefind.js');
  const out = [];
  for (const q of queries) {
    const search = await pagefind.search(q);
    const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
    out.push(top.map(d => d.url));
  }
  return out;
}"""


def run_ours(browser: Any, site: Path, base: str, queries: list[str]) -> list[list[str | None]]:
    stems = compare.ours_stems(site)
    page = browser.new_page()
    try:
        page.goto(base + "index.html" if base.startswith("file:") else base)
        page.wait_for_function("window.archiveSearch !== undefined", timeout=30_000)
        urls = page.evaluate(OURS, queries)
    finally:
        page.close()
    return [[stems.get(u.lstrip("/")) for u in got] for got in urls]


def run_pagefind(browser: Any, site: Path, base: str, queries: list[str]) -> list[list[str | None]]:
    page = browser.new_page()
    try:
        page.goto(base + "pf-blank.html")
        urls = page.evaluate(PAGEFIND, [base + "pagefind/", queries])
    finally:
        page.close()
    return [[compare.stem_from_path(u) for u in got] for got in urls]


def run_material(browser: Any, base: str, queries: list[str], timeout_s: int) -> list[list[str | None]]:
    context = browser.new_context()
    context.add_init_script(compare.WORKER_HOOK)
    out = []
    try:
        page = context.new_page()
        page.goto(base, wait_until="domcontentloaded")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("cách ly")
        box.press("End")
        page.wait_for_function(
            """() => { const m = document.querySelector('.md-search-result__meta');
               return window.__md.results.length > 0 && m && !m.textContent.includes('Initializing'); }""",
            timeout=timeout_s * 1000, polling=100)
        for query in queries:
            shown = compare.material_type(page, query, len(page.evaluate("window.__md.results")), timeout_s * 1000)
            out.append([compare.stem_from_path(loc or "") for loc in shown["worker_items"]])
    finally:
        context.close()
    return out


# --- the run --------------------------------------------------------------------------------------


def score_engine(engine: str, mode: str, ranked: list[list[str | None]], asked: list[dict[str, Any]]) -> dict:
    rows = []
    for ask, top in zip(asked, ranked):
        if not ask["relevant"]:
            continue
        rows.append({**{k: ask[k] for k in ("query", "kind", "accented")}, **measures(top, ask["relevant"]),
                     "relevant": len(ask["relevant"])})
    for row in rows:
        emit({"engine": engine, "group": f"query {mode}", **{k: (round(v, 3) if isinstance(v, float) else v)
                                                            for k, v in row.items()}})
    summary = summarise(rows)
    emit({"engine": engine, "group": f"summary {mode}", **summary})
    return summary


def table(summaries: dict[str, dict]) -> str:
    lines = ["| Engine | Queries | P@1 | P@5 | nDCG@10 |", "|---|---:|---:|---:|---:|"]
    for name, summary in summaries.items():
        a = summary["all"]
        lines.append(f"| {name} | {a['queries']} | {a['p1']:.3f} | {a['p5']:.3f} | {a['ndcg10']:.3f} |")
    lines += ["", "| Engine | Group | Queries | P@1 | P@5 | nDCG@10 |", "|---|---|---:|---:|---:|---:|"]
    for name, summary in summaries.items():
        for group, m in summary.items():
            if group != "all":
                lines.append(f"| {name} | {group} | {m['queries']} | {m['p1']:.3f} | {m['p5']:.3f} | {m['ndcg10']:.3f} |")
    return "\n".join(lines)


def run_peers(browser, material_site: Path, queries: list[str], asked: list[dict], material_timeout: int) -> dict:
    """Pagefind and Material's search over http, on the Material site of the same corpus."""
    summaries = {}
    with compare.serve(material_site) as base:
        summaries[f"Pagefind {compare.PAGEFIND_VERSION} (http)"] = score_engine(
            "pagefind", "http", run_pagefind(browser, material_site, base, queries), asked)
        summaries["Material search (http)"] = score_engine(
            "material", "http", run_material(browser, base, queries, material_timeout), asked)
    return summaries


def run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    emit({"group": "machine", **compare.machine()})
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="search-judged-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        templates, items = load_items()
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        written = write_corpus(corpus, args.notices, args.seed, templates, items)
        texts = compare.read_notices(corpus)
        relevant = relevant_sets(texts, items)
        asked = [{"query": q, "accented": accented, "kind": item["kind"], "target": item["target"],
                  "relevant": relevant[item["target"]]}
                 for item in items for q, accented in queries_of(item)]
        emit({"group": "corpus", **written, "notices": len(texts), "items": len(items), "queries": len(asked),
              "unanswerable": [a["query"] for a in asked if not a["relevant"]],
              "relevant_median": sorted(len(a["relevant"]) for a in asked)[len(asked) // 2]})

        ours_site, _ = compare.build_ours(corpus, work, len(texts))
        if not args.ours_only:
            material_site, _ = compare.build_material(texts, compare.ours_titles(ours_site), work, len(texts))
            binary, problem = compare.pagefind_binary(install=True)
            if binary is None:
                raise RuntimeError(problem)
            version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
            compare.PAGEFIND_VERSION = version.split()[-1] if version else "?"
            compare.build_pagefind(binary, material_site, len(texts))

        queries = [a["query"] for a in asked]
        summaries: dict[str, dict] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=compare.CHROMIUM, args=compare.CHROMIUM_ARGS,
                                                 headless=True)
            try:
                ours_file = run_ours(browser, ours_site, ours_site.as_uri() + "/", queries)
                summaries["ours (file://)"] = score_engine("ours", "file", ours_file, asked)
                with compare.serve(ours_site) as base:
                    ours_http = run_ours(browser, ours_site, base, queries)
                summaries["ours (http)"] = score_engine("ours", "http", ours_http, asked)
                emit({"engine": "ours", "group": "file equals http", "same": ours_file == ours_http})
                if not args.ours_only:
                    summaries.update(run_peers(browser, material_site, queries, asked, args.material_timeout))
            finally:
                browser.close()
        emit({"group": "done", "seconds": round(time.perf_counter() - started, 1),
              "load_average": compare.load_average()})
        print(table(summaries), flush=True)
        return 0
    except Exception:  # noqa: BLE001
        emit({"group": "error", "traceback": traceback.format_exc()[-3000:]})
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notices", type=int, default=1000, help="generated notices besides the seeds (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the sites (default: a temporary folder)")
    parser.add_argument("--material-timeout", type=int, default=420)
    parser.add_argument("--ours-only", action="store_true",
                        help="only our engine (a change of our search checked without rebuilding the peers)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
