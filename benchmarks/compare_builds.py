"""Compare two built sites byte for byte: the check that a refactoring changed no output.

    .venv/bin/python benchmarks/compare_builds.py SITE_A SITE_B [--show 20] [--ignore REGEX] [--equivalent-entities]

Prints the number of files in each, the files only in one of them and the files whose bytes
differ (with the first differing line of each, for a quick look); exits 0 only when both
trees hold exactly the same files with exactly the same bytes. ``--ignore REGEX`` blanks what
the regular expression matches before comparing (``--ignore 'content="mkdocs-[^"]*"'``: the
generator tag, the one line MkDocs and ProperDocs write differently). ``--equivalent-entities``
writes every spelling of a quote the same before comparing (``&#34;``, ``&quot;``, ``&#x22;`` and
``"``; ``&#39;``, ``&#x27;``, ``&apos;`` and ``'``): to show that a change of escaping changed only how
quotes are spelled. It would also hide a quote left unescaped inside an attribute, so it proves
"only quote spellings differ", not that the escaping is right (the template tests check that).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Callable

# Every spelling of the two quotes, as HTML and XML escapers write them.
QUOTE_SPELLINGS = re.compile(rb"&#34;|&quot;|&#x22;|&#39;|&#x27;|&apos;")
QUOTE_OF = {b"&#34;": b'"', b"&quot;": b'"', b"&#x22;": b'"', b"&#39;": b"'", b"&#x27;": b"'", b"&apos;": b"'"}


def same_quotes(data: bytes) -> bytes:
    """Each quote entity as the bare quote it stands for."""
    return QUOTE_SPELLINGS.sub(lambda match: QUOTE_OF[match.group(0)], data)


def normaliser(ignore: re.Pattern[bytes] | None = None, equivalent_entities: bool = False
               ) -> Callable[[bytes], bytes]:
    """What is done to a file's bytes before comparing: ``ignore`` blanked, quotes spelled one way."""
    def normalise(data: bytes) -> bytes:
        data = ignore.sub(b"", data) if ignore else data
        return same_quotes(data) if equivalent_entities else data
    return normalise


def digests(site: Path, normalise: Callable[[bytes], bytes] = bytes) -> dict[str, str]:
    """Every file of ``site`` (relative POSIX path) with the SHA-256 of its bytes (normalised)."""
    return {path.relative_to(site).as_posix(): hashlib.sha256(normalise(path.read_bytes())).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def first_difference(a: Path, b: Path, normalise: Callable[[bytes], bytes] = bytes) -> str:
    """The first line that differs between two files, shortened, to show what changed."""
    lines_a = normalise(a.read_bytes()).splitlines()
    lines_b = normalise(b.read_bytes()).splitlines()
    for number, (left, right) in enumerate(zip(lines_a, lines_b), 1):
        if left != right:
            return f"line {number}: {left[:160]!r} != {right[:160]!r}"
    return f"lengths {len(lines_a)} and {len(lines_b)} lines (one is a prefix of the other)"


def compare(first: Path, second: Path, ignore: str | None = None, equivalent_entities: bool = False
            ) -> dict[str, list]:
    """Files only in ``first``, only in ``second``, and in both with different bytes."""
    normalise = normaliser(re.compile(ignore.encode("utf-8")) if ignore else None, equivalent_entities)
    a, b = digests(first, normalise), digests(second, normalise)
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
    parser.add_argument("--equivalent-entities", action="store_true",
                        help="spell every quote entity as its bare quote before comparing (&#34; &quot; \" are one)")
    args = parser.parse_args(argv)
    for site in (args.first, args.second):
        if not site.is_dir():
            print(f"error: {site} is not a folder", file=sys.stderr)
            return 2
    result = compare(args.first, args.second, args.ignore, args.equivalent_entities)
    normalise = normaliser(re.compile(args.ignore.encode("utf-8")) if args.ignore else None, args.equivalent_entities)
    summary = {key: (value if key == "files" else len(value)) for key, value in result.items()}
    print(json.dumps({"first": str(args.first), "second": str(args.second), **summary}))
    for key in ("only_in_first", "only_in_second"):
        for name in result[key][: args.show]:
            print(f"{key}: {name}")
    for name in result["different"][: args.show]:
        print(f"different: {name}: {first_difference(args.first / name, args.second / name, normalise)}")
    identical = not (result["only_in_first"] or result["only_in_second"] or result["different"])
    print("identical" if identical else "DIFFERENT")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
