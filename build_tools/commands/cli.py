"""Command line: ``python -m build_tools build | serve | clean FILE | extract FILE | check``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..publish import engines, site


def _build_arguments(parser: argparse.ArgumentParser, default_out: Path) -> None:
    parser.add_argument("--source", type=Path, default=site.DEFAULT_SOURCE,
                        help="folder of notices (default: source_texts/)")
    parser.add_argument("--out", type=Path, default=default_out, help=f"where to write the site (default: {default_out})")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 1) if a notice could not be published or the site has a broken link; "
                             "unknown fields and duplicates are reported, never a failure")
    parser.add_argument("--workers", type=int, default=None, help="processes for per-notice stages (default: 2)")
    parser.add_argument("--registry", type=Path, default=None,
                        help="permalink registry file (default: <source>/permalinks.yml)")
    parser.add_argument("--no-cache", action="store_true",
                        help="recompute every notice instead of reusing .cache/pipeline/ (keyed on file and code)")
    parser.add_argument("--engine", choices=engines.ENGINES, default="mkdocs",
                        help="site generator turning the docs into HTML (default: mkdocs; properdocs: its "
                             "maintained continuation, same plugins and theme)")


def command_build(args: argparse.Namespace, offline: bool = False) -> int:
    options = site.BuildOptions(source=args.source, out=args.out, offline=offline, strict=args.strict,
                                workers=args.workers, registry=args.registry,
                                cache=None if args.no_cache else site.BuildOptions.cache, engine=args.engine)
    if not options.source.is_dir():
        print(f"error: the source folder {options.source} does not exist", file=sys.stderr)
        return 2
    report = site.build_site(options)
    print(report.summary())
    print("Timings: " + ", ".join(f"{k} {v:.2f}" for k, v in report.figures.items() if k.endswith("seconds")))
    status = build_status(report, args.strict)
    if not offline:
        print(how_to_open(options.out))
    return status


def build_status(report, strict: bool) -> int:
    """1 if a file is unaccounted for, or under ``--strict`` if the report has failures (see report.py)."""
    if not report.accounted():
        print("error: some input files are neither published nor reported", file=sys.stderr)
        return 1
    if strict and report.failures:
        print(f"strict: {len(report.failures)} problem(s) fail the build (notices not published, problems of "
              "the site); unknown fields and duplicates are only reported", file=sys.stderr)
        return 1
    return 0


def how_to_open(out: Path) -> str:
    """The build's last line: this edition needs a web server; ``offline`` makes one that opens by double-click."""
    return (f"Open it with `python -m build_tools serve` (http://127.0.0.1:8000/): {out}/ uses folder URLs, so "
            "double-clicking its index.html (file://) shows folder listings. For a copy that opens by "
            "double-click: `python -m build_tools offline --out DIR`.")


def command_offline(args: argparse.Namespace) -> int:
    """The USB edition: a folder and a zip that open from file:// with no network."""
    options = site.BuildOptions(source=args.source, out=args.out, strict=args.strict, workers=args.workers,
                                registry=args.registry, cache=None if args.no_cache else site.BuildOptions.cache,
                                engine=args.engine)
    report, archive, size = site.build_offline(options)
    print(report.summary())
    print(f"Offline edition: {args.out}/index.html (double-click it); zip: {archive} "
          f"({size / 1e6:.1f} MB, {size / max(1, report.published) / 1e3:.1f} KB per notice)")
    return build_status(report, args.strict)


def command_serve(args: argparse.Namespace) -> int:
    """Build the public site, then serve ``site/`` on localhost for a preview."""
    status = command_build(args)
    if status:
        return status
    import time

    from .preview import serving

    with serving(args.out, args.port) as url:
        print(f"Serving {args.out} at {url} (Ctrl+C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


def _clean_file(path: Path):
    from ..clean import clean_notice
    from ..ingest import read_notice

    raw = read_notice(path, path.parent)
    for problem in raw.problems:
        print(problem.describe(), file=sys.stderr)
    return raw, clean_notice(raw)


def command_clean(args: argparse.Namespace) -> int:
    from ..publish.notice_pages import plain_body_markdown

    raw, document = _clean_file(args.file)
    if args.explain:
        for change in raw.changes + document.changes:
            where = f"line {change.line}" if change.line else "whole text"
            confidence = f" (confidence {change.confidence:.2f})" if change.confidence < 1 else ""
            print(f"[{change.stage}/{change.kind}] {where}: {change.before!r} → {change.after!r}: "
                  f"{change.reason}{confidence}")
        for flag in document.flagged_words:
            print(f"[ocr/flagged] {flag}")
        for line in raw.ocr.dropped if raw.ocr is not None else ():
            print(f"[ocr/dropped] {line}")  # page furniture, stamp and signature strokes, dust: the scan keeps them
        for number, step in raw.ocr.prepared if raw.ocr is not None else ():
            print(f"[ocr/photo] page {number}: {step}")  # a phone photo cut to its sheet and evened before OCR
        return 0
    sys.stdout.write(plain_body_markdown(document))
    return 0


def command_extract(args: argparse.Namespace) -> int:
    from ..extract import OverrideError, extract

    raw, document = _clean_file(args.file)
    try:
        meta = extract(document, raw.overrides)
    except OverrideError as error:
        print(f"error: {args.file}: curator file key `{error.key}`: {error.message}", file=sys.stderr)
        return 1
    data = meta.to_dict()
    data["coded_measures"] = coded_measures_json(meta)
    data["source"] = {"file": raw.source.name, "sha256": raw.source.sha256, "encoding": raw.source.encoding,
                      "format": raw.source.format}
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return 0


def coded_measures_json(meta) -> list[dict]:
    """Every measure of the notice coded on OxCGRT's codebook, one object each (issue 18)."""
    from ..extract.measures import measure_json

    return [measure_json(record, tag.code) for tag in meta.measures for record in tag.records]


def command_check(args: argparse.Namespace) -> int:
    from .check import check_folder

    return check_folder(args.source)


def command_bench(args: argparse.Namespace) -> int:
    from . import bench

    return bench.main(args)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="run the pipeline and mkdocs build into site/")
    _build_arguments(build, site.ROOT / "site")
    serve = commands.add_parser("serve", help="build, then preview the site on http://127.0.0.1:8000/")
    _build_arguments(serve, site.ROOT / "site")
    serve.add_argument("--port", type=int, default=8000)
    offline = commands.add_parser("offline", help="write the USB edition: DIR (open index.html) and DIR.zip")
    _build_arguments(offline, site.ROOT / "offline")
    clean = commands.add_parser("clean", help="print the cleaned Markdown body of one notice")
    clean.add_argument("file", type=Path)
    clean.add_argument("--explain", action="store_true", help="list every change cleaning made, with its reason")
    extract = commands.add_parser("extract", help="print the metadata of one notice as JSON")
    extract.add_argument("file", type=Path)
    check = commands.add_parser("check", help="validate every notice's metadata; list unknown and doubtful fields")
    check.add_argument("--source", type=Path, default=site.DEFAULT_SOURCE)
    from . import bench

    bench_parser = commands.add_parser("bench", help="generate N realistic notices, build them, print figures per stage")
    bench.add_arguments(bench_parser)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handlers = {"build": command_build, "offline": command_offline, "serve": command_serve, "clean": command_clean,
                "extract": command_extract, "check": command_check, "bench": command_bench}
    return handlers[args.command](args)
