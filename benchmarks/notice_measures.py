"""Accuracy of measure coding on WHOLE notices, and of the province-day dataset built from them.

The sets are folders of tests/fixtures/measures/notices/ (``dev``: written before 18g's changes,
then tuned on; ``after``: written after them and scored once), each with hand labels in its
``labels.yml`` (format in that file's head). Every notice of a set goes through the real pipeline
together (ingest, clean, extract, ids, records), the dataset through ``province_days`` as the build
makes it. Printed per set:

- whole-notice accuracy: of the labelled measures (indicator, scope, places), how many the notice's
  coded records hold (indicator recall), and of those how many have the right level, scope, places,
  start (as the dataset places it: the stated start, else the notice's date) and end; indicator precision (coded indicator-scope-place groups that are labelled);
  "all four right" (indicator, level, scope and end at once: the issue's measure);
- dataset accuracy: the chosen cells (value, flag, notice id) of the province-day rows.

Run: ``.venv/bin/python benchmarks/notice_measures.py [--errors] [SET ...]``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.model import Measure  # noqa: E402
from build_tools.pipeline import run_pipeline  # noqa: E402
from build_tools.publish.province_days import Cell, days_from_records  # noqa: E402
from build_tools.publish.site import records_for  # noqa: E402

SETS = ROOT / "tests" / "fixtures" / "measures" / "notices"


@dataclass(frozen=True)
class Expected:
    oxcgrt: str
    level: int
    scope: str
    places: tuple[str, ...] | None  # None: not checked
    start: str | None
    end: str | None  # ISO, "open", "+N" or None


def _text(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def load_labels(folder: Path) -> tuple[dict[str, list[Expected]], dict[str, dict], list[tuple]]:
    """(notice → expected measures, notice → its province and date, dataset checks)."""
    data = yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8"))
    expected, about = {}, {}
    for name, notice in data["notices"].items():
        about[name] = {"province": notice["province"], "issued": _text(notice.get("issued"))}
        expected[name] = [Expected(m[0], m[1], m[2], None if m[3] is None else tuple(m[3]), _text(m[4]), _text(m[5]))
                          for m in notice.get("measures") or []]
    checks = [(province, _text(c[0]), c[1], _cell_text(c[2]), _cell_text(c[3]), _cell_text(c[4]))
              for province, rows in (data.get("checks") or {}).items() for c in rows]
    return expected, about, checks


def _cell_text(value) -> str:
    return "" if value is None else str(value)


def end_of(record: Measure) -> str | None:
    if record.end_rule == "until-further-notice":
        return "open"
    if record.end_rule == "extension" and getattr(record, "extends_days", None):
        return f"+{record.extends_days}"
    return record.end


def effective_start(record: Measure, issued: str | None) -> str | None:
    """The start as the dataset places it: the stated one, else the notice's date; a continuation
    ("thêm 7 ngày") has none of its own (the dataset finds it after the measure it continues)."""
    if record.end_rule == "extension":
        return record.start
    return record.start or issued


def run_set(folder: Path):
    """Every notice of the set through the pipeline: (file stem → coded measures, province, issued), and
    the dataset's rows keyed (province, ISO date)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        for path in sorted(folder.glob("*.txt")):
            shutil.copy(path, source / path.name)
        result = run_pipeline(source, workers=1, registry_path=source / "permalinks.yml", today="2026-01-01")
        pairs = records_for(result, "", "2026-01-01")
        coded, stems = {}, {}
        for head, record in pairs:
            stem = Path(record.source.file).stem
            stems[record.id] = stem
            meta = next(n.meta for n in result.notices if n.id == record.id)
            coded[stem] = ([m for tag in meta.measures for m in tag.records],
                           meta.province.code if meta.province else None, meta.issued_date)
        rows = {}
        for day in days_from_records([record for _, record in pairs]):
            rows[(day.province, day.date.isoformat())] = {
                key: Cell(cell.level, cell.general, stems.get(cell.notice_id, cell.notice_id))
                for key, cell in day.cells.items()}
        result.close() if hasattr(result, "close") else None
    return coded, rows


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def share(self) -> str:
        return f"{self.right / self.total:.1%} ({self.right}/{self.total})" if self.total else "n/a"

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)


@dataclass
class Score:
    indicator_recall: Tally = field(default_factory=Tally)
    indicator_precision: Tally = field(default_factory=Tally)
    level: Tally = field(default_factory=Tally)
    scope: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    start: Tally = field(default_factory=Tally)
    end: Tally = field(default_factory=Tally)
    all_four: Tally = field(default_factory=Tally)
    province: Tally = field(default_factory=Tally)
    cells: Tally = field(default_factory=Tally)
    cell_value: Tally = field(default_factory=Tally)
    cell_flag: Tally = field(default_factory=Tally)
    cell_notice: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)


def _group(records: list[Measure]) -> dict[tuple[str, str, tuple[str, ...]], Measure]:
    """Coded records by (indicator, scope, places): the strictest of each (as the dataset keeps it)."""
    found: dict[tuple[str, str, tuple[str, ...]], Measure] = {}
    for record in records:
        if record.level is None:
            continue
        key = (record.oxcgrt, record.scope, tuple(sorted(p.name for p in record.places)))
        if key not in found or record.level > (found[key].level or 0):
            found[key] = record
    return found


def _best(expected: Expected, groups: dict) -> tuple[tuple, Measure] | None:
    """The coded group that answers a labelled measure: same indicator, then same scope and places."""
    candidates = [(key, record) for key, record in groups.items() if key[0] == expected.oxcgrt]
    if not candidates:
        return None

    def fit(item):
        key, record = item
        places_right = expected.places is None or key[2] == tuple(sorted(expected.places))
        return (key[1] == expected.scope and places_right, key[1] == expected.scope, record.level == expected.level,
                end_of(record) == expected.end)
    return max(candidates, key=fit)


def score_notices(expected: dict[str, list[Expected]], about: dict[str, dict], coded: dict) -> Score:
    result = Score()
    for name, labels in expected.items():
        records, province, issued = coded.get(name, ([], None, None))
        result.province.add(province == about[name]["province"])
        if province != about[name]["province"]:
            result.errors.append(f"{name}: province {province} ≠ {about[name]['province']}")
        groups = _group(records)
        used = set()
        for label in labels:
            best = _best(label, groups)
            result.indicator_recall.add(best is not None)
            if best is None:
                result.all_four.add(False)
                result.errors.append(f"{name}: missed {label.oxcgrt} {label.level} {label.scope} {label.places}")
                continue
            key, record = best
            used.add(key)
            got_places = tuple(sorted(p.name for p in record.places))
            checks = {"level": record.level == label.level, "scope": record.scope == label.scope,
                      "start": effective_start(record, issued) == label.start, "end": end_of(record) == label.end}
            for part, ok in checks.items():
                getattr(result, part).add(ok)
            if label.places is not None:
                checks["places"] = got_places == tuple(sorted(label.places))
                result.places.add(checks["places"])
            result.all_four.add(checks["level"] and checks["scope"] and checks["end"])
            wrong = [part for part, ok in checks.items() if not ok]
            if wrong:
                result.errors.append(
                    f"{name}: {label.oxcgrt} {label.scope} {list(label.places or [])}: "
                    + ", ".join(f"{part} {_got(record, part, got_places)} ≠ {_want(label, part)}" for part in wrong)
                    + f"  [{record.evidence.anchor}: {record.evidence.text[:90]}]")
        labelled = {(label.oxcgrt, label.scope) for label in labels}
        for key, record in groups.items():
            ok = key in used or (key[0], key[1]) in labelled
            result.indicator_precision.add(ok)
            if not ok:
                result.errors.append(f"{name}: not labelled {key[0]} {record.level} {key[1]} {list(key[2])}"
                                     f"  [{record.evidence.anchor}: {record.evidence.text[:90]}]")
    return result


def _got(record: Measure, part: str, places) -> str:
    return {"level": record.level, "scope": record.scope, "start": record.start or "(issued)", "end": end_of(record),
            "places": list(places)}[part]


def _want(label: Expected, part: str):
    return {"level": label.level, "scope": label.scope, "start": label.start, "end": label.end,
            "places": list(label.places or [])}[part]


def score_cells(checks: list[tuple], rows: dict, result: Score) -> None:
    for province, date, indicator, value, flag, notice in checks:
        cell = (rows.get((province, date)) or {}).get(indicator, Cell(None))
        got_value = "" if cell.level is None else str(cell.level)
        got_flag = "" if not cell.level else ("1" if cell.general else "0")
        got_notice = cell.notice_id or ""
        parts = (value == got_value, flag == got_flag, notice == got_notice)
        result.cell_value.add(parts[0])
        result.cell_flag.add(parts[1])
        result.cell_notice.add(parts[2])
        result.cells.add(all(parts))
        if not all(parts):
            result.errors.append(f"{province} {date} {indicator}: got ({got_value}, {got_flag}, {got_notice}) "
                                 f"≠ ({value}, {flag}, {notice})")


def score_set(folder: Path) -> Score:
    expected, about, checks = load_labels(folder)
    coded, rows = run_set(folder)
    result = score_notices(expected, about, coded)
    score_cells(checks, rows, result)
    return result


def report(name: str, result: Score, notices: int) -> None:
    print(f"{name}: {notices} notices, {result.indicator_recall.total} labelled measures, "
          f"{result.cells.total} dataset cells")
    print(f"  whole notices: indicator, level, scope and end all right {result.all_four.share()}")
    print(f"  indicator recall {result.indicator_recall.share()}  precision {result.indicator_precision.share()}")
    print(f"  where the indicator is found: level {result.level.share()}  scope {result.scope.share()}  "
          f"places {result.places.share()}  start {result.start.share()}  end {result.end.share()}")
    print(f"  province {result.province.share()}")
    print(f"  dataset cells all right {result.cells.share()}  (value {result.cell_value.share()}, "
          f"flag {result.cell_flag.share()}, notice {result.cell_notice.share()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", help="folders of tests/fixtures/measures/notices (default: all)")
    parser.add_argument("--errors", action="store_true", help="list every measure and cell coded wrongly")
    args = parser.parse_args(argv)
    names = args.sets or sorted(p.name for p in SETS.iterdir() if (p / "labels.yml").exists())
    for name in names:
        folder = SETS / name
        result = score_set(folder)
        report(name, result, len(list(folder.glob("*.txt"))))
        if args.errors:
            for line in result.errors:
                print("    " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
