"""The province-day dataset checked cell by cell against hand-written expectations.

    .venv/bin/python benchmarks/province_days_checks.py [--site DIR] [-v]

tests/fixtures/measures/province_days/ holds notices of two provinces written by hand (the lead's
held-out set of 2026-11-30, written without running the project's code) and ``expected.yml``: on
chosen days, the level, flag and notice an indicator should have in ``data/oxcgrt-provinces.csv``
(replacement, end dates, extensions, relaxations, targeted measures). The notices are built into a
site in a temporary folder (or ``--site``, an existing build of them), then every check is scored:
level, flag (not scored where the level is 0: OxCGRT leaves it empty) and the notice that set the value.
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "measures" / "province_days"


def build_site(out: Path) -> None:
    """The fixture's notices (not expected.yml) built like any source folder."""
    source = out.parent / "source"
    source.mkdir()
    for path in FIXTURE.glob("*.txt"):
        shutil.copy(path, source / path.name)
    subprocess.run([sys.executable, "-m", "build_tools", "build", "--source", str(source), "--out", str(out)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def cell(row: dict | None, indicator: str) -> tuple[int, str | None, str | None]:
    """(level, flag, notice id) of an indicator in a CSV row; level 0 where the row or value is missing."""
    column = next((key for key in (row or {})
                   if key.split("_")[0] in (indicator, indicator + "M", indicator + "EV")
                   and not key.endswith(("_Flag", "_Notice"))), None)
    if not row or not column:
        return 0, None, None
    prefix = column.split("_")[0]
    value = row[column]
    return (int(float(value)) if value else 0), row.get(f"{prefix}_Flag"), row.get(f"{prefix}_Notice")


def score(site: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    checks = yaml.safe_load((FIXTURE / "expected.yml").read_text(encoding="utf-8"))["checks"]
    notices = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    file_of = {notice["id"]: notice["source"]["file"] for notice in notices}
    with open(site / "data" / "oxcgrt-provinces.csv", encoding="utf-8") as handle:
        rows = {(row["RegionName"], row["Date"]): row for row in csv.DictReader(handle)}
    level = flag = flagged = notice = 0
    for check in checks:
        got, got_flag, got_id = cell(rows.get((check["province"], str(check["date"]).replace("-", ""))),
                                     check["indicator"])
        level_right = got == check["level"]
        notice_right = check["level"] == 0 or file_of.get(got_id) == check["file"]
        level += level_right
        notice += notice_right
        if check["flag"] is not None:
            flagged += 1
            flag += bool(got_flag) and int(float(got_flag)) == check["flag"]
        if verbose or not (level_right and notice_right):
            print(f"  {'ok  ' if level_right and notice_right else 'MISS'} {check['province']} {check['date']} "
                  f"{check['indicator']}: expected {check['level']} (flag {check['flag']}, {check['file']}), "
                  f"got {got} (flag {got_flag}, {file_of.get(got_id)})")
    return {"level": (level, len(checks)), "flag": (flag, flagged), "notice": (notice, len(checks))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None, help="a site already built from the fixture's notices")
    parser.add_argument("-v", dest="verbose", action="store_true", help="print every check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="province-days-") as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            build_site(site)
        result = score(site, args.verbose)
    print("province-day checks: " + ", ".join(
        f"{name} {right}/{total} ({100 * right / total:.1f} %)" for name, (right, total) in result.items() if total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
