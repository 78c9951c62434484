"""Check notices' metadata: valid against ``data/notice.schema.json``, and what a curator should review.

    python -m build_tools.commands.check site/nguon            # every notice's full JSON record
    python -m build_tools.commands.check site/data/notices.json

``check_notices`` takes front-matter dicts, dataset records, ``Metadata.to_dict()``
results, or paths to Markdown pages (their YAML front matter is read) and JSON files
holding a list of records. For each notice it lists schema errors (a broken page),
unknown fields (published as "không rõ") and fields whose clue has a confidence
below the threshold (when the data carries ``clues``). The schema's enums of
province codes, measure codes and document types are filled from ``data/``, so a
code that is not in the vocabularies is an error.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import functools
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..data_files import DATA_DIR, load_yaml

SCHEMA_FILE = DATA_DIR / "notice.schema.json"
LOW_CONFIDENCE = 0.6
# Fields a reader expects on every notice; "province" only when the notice is not national.
IMPORTANT = ("doc_type", "title", "number", "issuer", "province", "issued_date", "signer")


@dataclass
class NoticeCheck:
    notice: str  # the id, else the source file, else the position in the input
    errors: list[str] = field(default_factory=list)  # schema violations: the page is broken
    unknown: list[str] = field(default_factory=list)  # fields published as "không rõ"
    low_confidence: list[tuple[str, float, str]] = field(default_factory=list)  # (field, confidence, rule)

    @property
    def ok(self) -> bool:
        return not self.errors

    def describe(self) -> str:
        parts = [f"{self.notice}:"]
        parts += [f"  error: {e}" for e in self.errors]
        if self.unknown:
            parts.append(f"  unknown: {', '.join(self.unknown)}")
        parts += [f"  low confidence: {f} {c:.2f} ({rule})" for f, c, rule in self.low_confidence]
        return "\n".join(parts)


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The schema with the vocabularies' codes as enums."""
    data = copy.deepcopy(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    provinces = load_yaml("provinces.yml")["provinces"]
    data["$defs"]["province"]["properties"]["code"]["enum"] = [p["code"] for p in provinces]
    data["$defs"]["place"]["properties"]["province"]["enum"] = [p["code"] for p in provinces]
    data["$defs"]["measure"]["properties"]["code"]["enum"] = [m["code"] for m in load_yaml("measures.yml")["measures"]]
    types = load_yaml("doc_types.yml")["types"]
    data["properties"]["doc_type"] = {"enum": sorted({t["name"] for t in types}) + [None]}
    data["properties"]["doc_type_code"] = {"enum": sorted({t["code"] for t in types}) + [None]}
    return data


@functools.lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML between the first two ``---`` lines of a Markdown page."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        raise ValueError(f"{path}: no front matter")
    _, block, _ = text.split("---", 2)
    data = yaml.safe_load(block)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the front matter is not a mapping")
    return data


def _plain(value: Any) -> Any:
    """Dataclasses and tuples as JSON would see them (the schema speaks JSON)."""
    return json.loads(json.dumps(value, default=lambda o: dataclasses.asdict(o) if dataclasses.is_dataclass(o)
                                 else str(o)))


def check_notice(data: Mapping[str, Any], name: str | None = None, threshold: float = LOW_CONFIDENCE) -> NoticeCheck:
    data = _plain(dict(data))
    result = NoticeCheck(name or str(data.get("id") or (data.get("source") or {}).get("file") or "?"))
    for error in sorted(validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        error = jsonschema.exceptions.best_match([error])  # into "anyOf": the reason, not the summary
        where = ".".join(str(p) for p in error.absolute_path) or "(top)"
        result.errors.append(f"{where}: {error.message}")
    result.unknown = unknown_fields(data)
    for key, clue in sorted((data.get("clues") or {}).items()):
        if isinstance(clue, Mapping) and isinstance(clue.get("confidence"), (int, float)) \
                and clue["confidence"] < threshold:
            result.low_confidence.append((key, float(clue["confidence"]), str(clue.get("rule", ""))))
    return result


def unknown_fields(data: Mapping[str, Any]) -> list[str]:
    """Important fields that are empty; a national document has no province to miss."""
    unknown = []
    for key in IMPORTANT:
        if key == "province" and data.get("scope") == "national":
            continue
        if data.get(key) in (None, "", [], {}):
            unknown.append(key)
    signer = data.get("signer")
    if isinstance(signer, Mapping) and not signer.get("name"):
        unknown.append("signer.name")
    for key in data.get("unknown_fields") or []:
        if key not in unknown and not (key == "province" and data.get("scope") == "national"):
            unknown.append(key)
    return unknown


def _inputs(notices: Iterable[Mapping[str, Any] | Path | str]) -> Iterable[tuple[str | None, Mapping[str, Any]]]:
    for item in notices:
        if isinstance(item, Mapping):
            yield None, item
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(path.rglob("*.md")):
                yield str(file), front_matter(file)
            for file in sorted(path.rglob("*.json")):
                yield from _inputs([file])
        elif path.suffix == ".json":
            records = json.loads(path.read_text(encoding="utf-8"))
            for record in records if isinstance(records, list) else [records]:
                yield None, record
        else:
            yield str(path), front_matter(path)


def check_notices(notices: Iterable[Mapping[str, Any] | Path | str],
                  threshold: float = LOW_CONFIDENCE) -> list[NoticeCheck]:
    """One ``NoticeCheck`` per notice, in input order."""
    results = []
    for position, (name, data) in enumerate(_inputs(notices), start=1):
        results.append(check_notice(data, name or str(data.get("id") or f"#{position}"), threshold))
    return results


def check_folder(source: Path, threshold: float = LOW_CONFIDENCE) -> int:
    """``python -m build_tools check``: run ingest → clean → extract on a source folder (the
    permalink registry is read, never written), validate every record, print the report.
    Returns 1 when a record breaks the schema or a file cannot be published, else 0."""
    import shutil
    import tempfile

    from ..pipeline import run_pipeline
    from ..publish.site import records_for

    with tempfile.TemporaryDirectory() as scratch:
        registry = Path(scratch) / "permalinks.yml"
        if (source / "permalinks.yml").is_file():
            shutil.copy(source / "permalinks.yml", registry)
        result = run_pipeline(source, registry_path=registry)
    records = [record.to_json() for _, record in records_for(result, "", "1970-01-01")]
    results = [check_notice(record, record.get("source", {}).get("file"), threshold) for record in records]
    for result_ in results:
        if result_.errors or result_.unknown or result_.low_confidence:
            print(result_.describe())
    for problem in result.rejected:
        print(f"not published: {problem.describe()}")
    for problem in (p for p in result.problems if p.severity == "skipped"):
        print(f"skipped, not a notice: {problem.describe()}")
    invalid = [r for r in results if not r.ok]
    print(f"{len(result.inputs)} files, {len(records)} notices checked: {len(invalid)} invalid, "
          f"{len(result.rejected)} not published, {sum(bool(r.unknown) for r in results)} with unknown fields, "
          f"{sum(bool(r.low_confidence) for r in results)} with low-confidence fields")
    return 1 if invalid or result.rejected else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate notices' metadata and list fields to review.")
    parser.add_argument("paths", nargs="+", type=Path, help="Markdown pages, folders of them, or notices.json")
    parser.add_argument("--threshold", type=float, default=LOW_CONFIDENCE, help="confidence below which to report")
    args = parser.parse_args(argv)
    results = check_notices(args.paths, args.threshold)
    broken = [r for r in results if not r.ok]
    for result in results:
        if result.errors or result.unknown or result.low_confidence:
            print(result.describe())
    print(f"{len(results)} notices checked: {len(broken)} invalid, "
          f"{sum(bool(r.unknown) for r in results)} with unknown fields, "
          f"{sum(bool(r.low_confidence) for r in results)} with low-confidence fields")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
