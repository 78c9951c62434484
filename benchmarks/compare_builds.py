"""Compare two built sites byte for byte: the check that a refactoring changed no output.

    .venv/bin/python benchmarks/compare_builds.py SITE_A SITE_B [--show 20] [--ignore REGEX]

Prints the number of files in each, the files only in one of them and the files whose bytes
differ (with the first differing line of each, for a quick look); exits 0 only when both
trees hold exactly the same files with exactly the same bytes. ``--ignore REGEX`` blanks what
the regular expression matches before comparing (``--ignore 'content="mkdocs-[^"]*"'``: the
generator tag, the one line MkDocs and ProperDocs write differently).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path


def digests(site: Path, ignore: re.Pattern[bytes] | None = None) -> dict[str, str]:
    """Every file of ``site`` (relative POSIX path) with the SHA-256 of its bytes (``ignore`` blanked)."""
    def content(path: Path) -> bytes:
        data = path.read_bytes()
        return ignore.sub(b"", data) if ignore else data

    return {path.relative_to(site).as_posix(): hashlib.sha256(content(path)).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def first_difference(a: Path, b: Path) -> str:
    """The first line that differs between two files, shortened, to show what changed."""
    lines_a = a.read_bytes().splitlines()
    lines_b = b.read_bytes().splitlines()
    for number, (left, right) in enumerate(zip(lines_a, lines_b), 1):
        if left != right:
            return f"line {number}: {left[:160]!r} != {right[:160]!r}"
    return f"lengths {len(lines_a)} and {len(lines_b)} lines (one is a prefix of the other)"


def compare(first: Path, second: Path, ignore: str | None = None) -> dict[str, list]:
    """Files only in ``first``, only in ``second``, and in both with different bytes."""
    pattern = re.compile(ignore.encode("utf-8")) if ignore else None
    a, b = digests(first, pattern), digests(second, pattern)
    return {"files": [len(a), len(b)],
            "only_in_first": sorted(a.keys() - b.keys()),
            "only_in_second": sorted(b.keys() - a.keys()),
            "different": sorted(name for name in a.keys() & b.keys() if a[name] != b[name])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--show", type=int, default=20, help="how many differing files to describe")
    parser.add_argument("--ignore", default=None, help="regular expression blanked in every file before comparing")
    args = parser.parse_args(argv)
    for site in (args.first, args.second):
        if not site.is_dir():
            print(f"error: {site} is not a folder", file=sys.stderr)
            return 2
    result = compare(args.first, args.second, args.ignore)
    summary = {key: (value if key == "files" else len(value)) for key, value in result.items()}
    print(json.dumps({"first": str(args.first), "second": str(args.second), **summary}))
    for key in ("only_in_first", "only_in_second"):
        for name in result[key][: args.show]:
            print(f"{key}: {name}")
    for name in result["different"][: args.show]:
        print(f"different: {name}: {first_difference(args.first / name, args.second / name)}")
    identical = not (result["only_in_first"] or result["only_in_second"] or result["different"])
    print("identical" if identical else "DIFFERENT")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
