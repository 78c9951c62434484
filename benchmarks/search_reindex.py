"""Rewrite only the search index of a site already built, with this tree's index writer.

    .venv/bin/python benchmarks/search_reindex.py SITE OUT   # OUT: a folder for the new search/

A 20,000-notice build takes half an hour on a loaded machine; the index alone takes minutes.
The notices are read back from what the site holds: ``data/notices.json`` (metadata, signer,
chairs, places, measures) and each notice's ``search/d`` record (its paragraphs, the signature
block included), in the index's notice order, so the index is the one ``publish.site`` would
write (``documents.search_doc``). Then ``search_bench.py --site`` measures it: copy or link the
rest of the site beside OUT and ``docs/assets/javascripts/archive-search.js`` into its assets.
"""
from __future__ import annotations

import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.search.index import SearchDoc, prepare, unpack_text, write_search_index  # noqa: E402
from build_tools.search.reader import read_script  # noqa: E402


def names(notice: dict) -> tuple[str, ...]:
    """Signer, chairs, places, as ``documents.names_of`` lists them."""
    out = []
    if (notice.get("signer") or {}).get("name"):
        out.append(notice["signer"]["name"])
    out.extend(chair for chair in notice.get("chairs") or [] if chair)
    out.extend(place["name"] for place in notice.get("places") or [] if place.get("name"))
    return tuple(dict.fromkeys(out))


def site_docs(site: Path):
    """The site's notices as SearchDocs, in the order of its index (a generator)."""
    notices = {n["url"]: n for n in json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))}
    bucket = 1000
    manifest = read_script(site / "search" / "manifest.js")[1]
    bucket = manifest.get("docBucket", bucket)
    for number in range(manifest["docs"]):
        record = read_script(site / "search" / "d" / str(number // bucket) / f"{number}.js")[1]
        notice = notices[record["u"]]
        province = notice.get("province") or {}
        yield SearchDoc(
            id=notice["id"], url=record["u"], title=notice["title"], number=(notice.get("number") or {}).get("text"),
            doc_type=notice.get("doc_type"), issuer=(notice.get("issuer") or {}).get("name"),
            province=province.get("name"), province_code=province.get("code"), date=record["d"],
            measures=tuple(m["code"] for m in notice.get("measures") or []),
            paragraphs=tuple((anchor, text) for anchor, text in json.loads(unpack_text(record["z"]))),
            names=names(notice))


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    started = time.perf_counter()
    with Pool(2) as pool:
        stats = write_search_index(pool.imap(prepare, site_docs(Path(argv[0])), chunksize=64), Path(argv[1]))
    stats["wall_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
