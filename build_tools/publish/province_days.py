"""The province-day dataset: each indicator's OxCGRT level in each province on each day,
computed from the coded measures of the notices in force (``data/oxcgrt-provinces.csv``).

Rules (the method page, docs/phuong-phap-oxcgrt.md, says the same for readers):

- A measure is in force from its start (its own, its lead-in's or its notice's effective
  clause: extract/measures.py; else its notice's date) through its end; "cho đến khi có thông
  báo mới", or no end, keeps it until it is replaced. A continuation "thêm N ngày" without a date
  runs N days from the day after the latest end of an earlier notice's measure of its indicator
  for one of its places or the whole province (else from its notice's date).
- Measures take effect in order of start, then of their notice's date (within a notice, general
  before targeted): a measure for the whole province (general) replaces every earlier one of its
  indicator in that province; a targeted measure replaces, place by place, the earlier targeted
  one for the same place (district or commune), never the general one (a relaxation for some
  districts leaves the general measure elsewhere).
- A province's value on a day is the strictest level in force anywhere in it; the flag is 1 when
  a general measure sets that level (also when a targeted one has the same level), 0 when only
  targeted ones do (OxCGRT's convention); the notice column names the notice of that measure (of
  equals, the later notice). A 0 set by a relaxation names it; a 0 because everything ended names none.
- Before any notice of the archive sets an indicator for a province the cell is empty (not
  known); once set, a day on which nothing is in force any more is 0. Rows run to the last date
  any notice of the archive speaks of.

Pure functions: records in, rows out. Work is linear in provinces × days × indicators, plus
sorting the measures once.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..extract.coding import Indicator, codebook
from ..model import Measure

COUNTRY = ("Vietnam", "VNM")
JURISDICTION = "STATE_TOTAL"
GENERAL = "*"


@dataclass(frozen=True)
class NoticeMeasures:
    """What the dataset needs of one notice."""

    notice_id: str
    province: str  # province code
    province_name: str
    gso: str | None
    issued: str | None  # ISO date of the notice
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Entry:
    """One coded measure placed in time."""

    indicator: str
    level: int
    places: tuple[str, ...]  # place keys, or (GENERAL,)
    start: dt.date
    end: dt.date | None
    issued: dt.date
    notice_id: str
    extends: int | None = None  # "thêm 7 ngày": placed after the end of the measure it continues


@dataclass(frozen=True)
class Cell:
    level: int | None  # None: not known (no notice has set it yet)
    general: bool = False
    notice_id: str | None = None


@dataclass(frozen=True)
class ProvinceDay:
    province: str
    province_name: str
    gso: str | None
    date: dt.date
    cells: dict[str, Cell]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def place_keys(measure: Measure) -> tuple[str, ...]:
    if measure.scope == "general" or not measure.places:
        return (GENERAL,) if measure.scope == "general" else ("zone:" + (measure.evidence.anchor or ""),)
    return tuple(f"{place.kind}:{place.name}" for place in measure.places)


def entries(notice: NoticeMeasures) -> list[Entry]:
    """The notice's measures placed in time; of several on one indicator and place, the strictest."""
    issued = _date(notice.issued)
    strictest: dict[tuple[str, tuple[str, ...], dt.date, dt.date | None], Entry] = {}
    for measure in notice.measures:
        extends = measure.extends_days if measure.end_rule == "extension" else None
        start = _date(measure.start) or issued
        if measure.level is None or (start is None and not extends):
            continue  # no level (H4) or no date at all: cannot be placed in time
        end = _date(measure.end)
        if end is not None and start is not None and end < start:
            continue
        # a continuation's start is found later (place_extensions), from the measure it continues
        entry = Entry(measure.oxcgrt, measure.level, place_keys(measure), start, end, issued or start, notice.notice_id,
                      extends)
        key = (entry.indicator, entry.places, entry.start, entry.end)
        if key not in strictest or strictest[key].level < entry.level:
            strictest[key] = entry
    return list(strictest.values())


def province_days(notices: Iterable[NoticeMeasures], first: dt.date | None = None,
                  last: dt.date | None = None) -> Iterator[ProvinceDay]:
    """One row per province of the archive per day, from that province's first measure to the last
    day the archive's notices speak of (a start, the day after an end, a notice's date) — or to
    ``last`` when given; provinces in code order. A measure "until further notice" stays in force
    to that day unless a later notice of the archive replaces it; before a province's first measure
    the archive knows nothing of it."""
    by_province: dict[str, list[Entry]] = defaultdict(list)
    names: dict[str, tuple[str, str | None]] = {}
    for notice in notices:
        placed = entries(notice)
        if placed:
            by_province[notice.province].extend(placed)
            names[notice.province] = (notice.province_name, notice.gso)
    by_province = {province: found for province, placed in by_province.items() if (found := place_extensions(placed))}
    if not by_province:
        return
    all_entries = [e for placed in by_province.values() for e in placed]
    first = first or min(e.start for e in all_entries)
    last = last or max(_spoken(e) for e in all_entries)
    indicators = [i for i in codebook().order if not codebook().indicators[i].numeric]
    for province in sorted(by_province):
        name, gso = names[province]
        ordered = sorted(by_province[province], key=_order)
        yield from _sweep(province, name, gso, ordered, max(first, ordered[0].start), last, indicators)


def _spoken(entry: Entry) -> dt.date:
    """The last day an entry speaks of: its start, the day after its end, its notice's date."""
    return max(entry.start, entry.end + dt.timedelta(days=1) if entry.end else entry.start, entry.issued)


def place_extensions(placed: list[Entry]) -> list[Entry]:
    """Each continuation counted in days ("thêm 07 ngày", no date) placed after the end of the latest
    earlier measure of its indicator that held one of its places (from the day after that end, for
    its days); without such a measure, from its notice's date."""
    if not any(entry.extends for entry in placed):
        return placed
    latest = dt.date.max  # a notice without a date comes after those with one
    ordered = sorted(placed, key=lambda e: (e.issued or latest, e.start or latest))
    found: list[Entry] = []
    ends: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)  # (indicator, place) → (end, notice)
    for entry in ordered:
        if entry.extends:
            previous = [end for key in (*entry.places, GENERAL) for end, notice in ends[(entry.indicator, key)]
                        if notice != entry.notice_id]
            start = max(previous) + dt.timedelta(days=1) if previous else entry.issued
            if start is None:
                continue  # nothing to continue and no date of its own: cannot be placed in time
            entry = Entry(entry.indicator, entry.level, entry.places, start,
                          start + dt.timedelta(days=entry.extends - 1), entry.issued or start, entry.notice_id)
        found.append(entry)
        if entry.end is not None:
            for key in entry.places:
                ends[(entry.indicator, key)].append((entry.end, entry.notice_id))
    return found


def _order(entry: Entry) -> tuple:
    return entry.start, entry.issued, entry.notice_id, entry.places != (GENERAL,)


def _sweep(province: str, name: str, gso: str | None, ordered: list[Entry], first: dt.date, last: dt.date,
           indicators: list[str]) -> Iterator[ProvinceDay]:
    """Day by day: apply the measures starting that day, drop those that ended, and recompute an
    indicator's cell only on days its measures change."""
    active: dict[str, dict[str, Entry]] = {indicator: {} for indicator in indicators}
    cells: dict[str, Cell] = {indicator: Cell(None) for indicator in indicators}
    expiry: dict[str, dt.date | None] = {indicator: None for indicator in indicators}  # earliest end in force
    seen: set[str] = set()
    position = 0
    day = first
    while day <= last:
        changed: set[str] = set()
        while position < len(ordered) and ordered[position].start <= day:
            entry = ordered[position]
            _apply(active, entry)
            seen.add(entry.indicator)
            changed.add(entry.indicator)
            position += 1
        for indicator in indicators:
            ends = expiry.get(indicator)
            if ends is not None and ends < day:
                active[indicator] = {k: e for k, e in active[indicator].items() if e.end is None or e.end >= day}
                changed.add(indicator)
        for indicator in changed:
            if indicator not in cells:
                continue
            table = active[indicator]
            cells[indicator] = _cell(table, indicator in seen)
            expiry[indicator] = min((e.end for e in table.values() if e.end is not None), default=None)
        yield ProvinceDay(province, name, gso, day, dict(cells))
        day += dt.timedelta(days=1)


def _apply(active: dict[str, dict[str, Entry]], entry: Entry) -> None:
    table = active.setdefault(entry.indicator, {})
    if entry.places == (GENERAL,):
        table.clear()
    for key in entry.places:
        table[key] = entry


def _cell(in_force: dict[str, Entry], seen: bool) -> Cell:
    if not in_force:
        return Cell(0 if seen else None)
    top = max(in_force.values(), key=lambda e: (e.level, e.places == (GENERAL,), e.issued))
    return Cell(top.level, top.places == (GENERAL,), top.notice_id)


# --- OxCGRT's layout ---------------------------------------------------------------------------


def header() -> list[str]:
    columns = ["CountryName", "CountryCode", "RegionName", "RegionCode", "Jurisdiction", "Date"]
    for indicator in _indicators():
        columns.append(indicator.column)
        if indicator.flag:
            columns.append(indicator.flag_column)
        columns.append(indicator.notice_column)
    return columns


def _indicators() -> list[Indicator]:
    book = codebook()
    return [book.indicators[i] for i in book.order if not book.indicators[i].numeric]


def row(day: ProvinceDay) -> list[str]:
    values = [COUNTRY[0], COUNTRY[1], day.province_name, f"VN_{day.gso}" if day.gso else day.province,
              JURISDICTION, day.date.strftime("%Y%m%d")]
    for indicator in _indicators():
        cell = day.cells.get(indicator.id, Cell(None))
        values.append("" if cell.level is None else str(cell.level))
        if indicator.flag:
            values.append("" if not cell.level else ("1" if cell.general else "0"))
        values.append(cell.notice_id or "")
    return values


def to_csv(days: Iterable[ProvinceDay]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header())
    for day in days:
        writer.writerow(row(day))
    return out.getvalue()


def field_of(value: Any, name: str, default: Any = None) -> Any:
    """A field of a record, whether it is a dict (dataset JSON) or a typed record (attributes)."""
    if isinstance(value, dict):
        return value.get(name, default)
    return getattr(value, name, default)


def notice_measures(record: Any) -> NoticeMeasures | None:
    """What the dataset needs of a published record (a dataset dict or a typed record); None
    without a province."""
    province = field_of(record, "province")
    code = field_of(province, "code") if province else None
    if not code:
        return None
    measures = []
    for tag in field_of(record, "measures") or ():
        for item in field_of(tag, "records") or ():
            measures.append(item if isinstance(item, Measure) else measure_from_dict(item))
    return NoticeMeasures(field_of(record, "id", ""), code, field_of(province, "name", code),
                          field_of(province, "gso"),
                          field_of(record, "issued_date") or field_of(record, "meeting_date"), tuple(measures))


def days_from_records(records: Iterable[Any]) -> list[ProvinceDay]:
    """The province-day rows of an archive, from its dataset records."""
    return list(province_days(found for found in map(notice_measures, records) if found is not None))


def by_province(days: Iterable[ProvinceDay]) -> dict[str, list[ProvinceDay]]:
    """The rows of each province, in date order."""
    found: dict[str, list[ProvinceDay]] = defaultdict(list)
    for day in days:
        found[day.province].append(day)
    return dict(found)


def write_csv(days: Iterable[ProvinceDay], path, plain: bool = False) -> int:
    """Write ``data/oxcgrt-provinces.csv`` gzipped (``….csv.gz``), and the plain file beside it only
    when ``plain``. The file follows provinces × days, not notices (~28 MB for 63 provinces over
    three years, mostly the repeated notice ids: ~1.4 KB a notice at 20,000, which would take the
    site over its 60 KB-a-notice budget) and compresses ~80×; the site publishes the compressed
    file only (benchmarks/RESULTS.md, issue 18c). Unpacked, it is the same OxCGRT layout.
    Returns the number of rows."""
    from pathlib import Path

    rows = list(days)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = to_csv(rows).encode("utf-8")
    if plain:
        target.write_bytes(data)
    Path(f"{target}.gz").write_bytes(gzipped(data))
    return len(rows)


def gzipped(data: bytes) -> bytes:
    """Deterministic gzip (no file name, time 0): the same build gives the same bytes."""
    import gzip

    return gzip.compress(data, compresslevel=9, mtime=0)


def measure_from_dict(item: dict) -> Measure:
    from ..model import Evidence, MeasurePlace

    evidence = item.get("evidence") or {}
    return Measure(
        oxcgrt=item["oxcgrt"], level=item.get("level"), scope=item.get("scope", "general"),
        places=tuple(MeasurePlace(p["name"], p["kind"], p.get("province"), p.get("in_gazetteer", True))
                     for p in item.get("places") or []),
        start=item.get("start"), end=item.get("end"),
        evidence=Evidence(evidence.get("text", ""), evidence.get("anchor")),
        direction=item.get("direction", "impose"), end_rule=item.get("end_rule"), rule=item.get("rule", ""),
        extends_days=item.get("extends_days"))
