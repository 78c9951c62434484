"""A province's OxCGRT timeline as a static SVG, drawn at build time: one row per indicator,
one bar per run of days at the same level set by the same notice, each bar a link to that
notice. No script, no library: the SVG is inline in the page, so it works from ``file://``.

Pure functions: province-day rows (``province_days.ProvinceDay``) in, SVG text out; the geometry
is worked out here, the markup is ``templates/oxcgrt/_oxcgrt.html.j2`` (every text escaped).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..extract.coding import codebook
from .province_days import Cell, ProvinceDay
from .templates import SITE, call_macro

WORDS = SITE["oxcgrt"]  # the words of the timeline (data/site.yml)

# Sequential, colour-blind safe (light → dark as a level is stricter); index = level scaled to 0–5.
PALETTE = ("#eeeeee", "#fee8c8", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
UNKNOWN = "#ffffff"
LABEL_WIDTH = 190
ROW = 20
BAR = 14
AXIS = 22
WIDTH = 760
MIN_LABELLED_BAR = 14  # narrower bars carry their level in the tooltip only
MAX_BARS = 300  # bars in one timeline at most (≈ 80 KB): past this, touching narrow steps are drawn merged
MERGE_WIDTHS = (0, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64)  # px: "narrow" tried in turn until the bars fit
DARK_SHADES = 4  # from this palette index on, the level is written in white


@dataclass(frozen=True)
class Step:
    """A run of days with one level set by one notice."""

    indicator: str
    level: int | None
    general: bool
    notice_id: str | None
    first: dt.date
    last: dt.date


def steps(days: Sequence[ProvinceDay], indicator: str) -> list[Step]:
    """Runs of consecutive days at the same level and scope, in date order; a run links the notice
    that set the level on its first day (a later notice confirming the same level starts no new
    step, so a province page stays small however many notices it has)."""
    found: list[Step] = []
    for day in days:
        cell = day.cells.get(indicator, Cell(None))
        previous = found[-1] if found else None
        if previous and (previous.level, previous.general) == (cell.level, cell.general) \
                and previous.last + dt.timedelta(days=1) == day.date:
            found[-1] = Step(indicator, cell.level, cell.general, previous.notice_id, previous.first, day.date)
        else:
            found.append(Step(indicator, cell.level, cell.general, cell.notice_id, day.date, day.date))
    return found


def colour(level: int | None, maximum: int) -> str:
    if level is None:
        return UNKNOWN
    if maximum <= 0:
        return PALETTE[0]
    return PALETTE[round(level * (len(PALETTE) - 1) / maximum)]


def _max_level(indicator: str) -> int:
    levels = codebook().indicators[indicator].levels
    return max(levels) if levels else 0


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    month = dt.date(first.year, first.month, 1)
    found = []
    while month <= last:
        if month >= first:
            found.append(month)
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found


def timeline_svg(days: Sequence[ProvinceDay], link: Callable[[str], str], title: str,
                 indicators: Sequence[str] | None = None) -> str:
    """The SVG for one province's rows (one per day, in order). ``link(notice_id)`` gives the
    href of a notice's page; ``title`` names the chart for screen readers."""
    book = codebook()
    indicators = [i for i in (indicators or book.order) if not book.indicators[i].numeric]
    rows = [i for i in indicators if any(day.cells.get(i, Cell(None)).level is not None for day in days)]
    if not days or not rows:
        return ""
    first, last = days[0].date, days[-1].date
    height = AXIS + ROW * len(rows) + 6
    x = _x_scale(days)

    months = [(f"{x(month):.1f}", f"{x(month) + 2:.1f}", f"{month.month:02d}/{month.year}")
              for month in _months(first, last)]
    svg = {"width": WIDTH, "height": height, "title": title, "grid_top": AXIS - 4, "grid_bottom": height - 4,
           "month_y": AXIS - 8, "bar": BAR, "months": months,
           "rows": [_row(index, indicator, groups, link)
                    for index, (indicator, groups) in enumerate(_drawing_groups(rows, days))]}
    return call_macro("oxcgrt/_oxcgrt.html.j2", "timeline_svg", svg)


def _x_scale(days: Sequence[ProvinceDay]) -> Callable[[dt.date], float]:
    """A date's x in the plot: the province's first day at its left edge, the day after its last at its right."""
    first = days[0].date
    span = (days[-1].date - first).days + 1
    plot = WIDTH - LABEL_WIDTH - 10
    return lambda date: LABEL_WIDTH + plot * (date - first).days / span


Group = list[tuple[Step, float, float]]  # steps with their left and right edges, drawn as one bar


def _placed(indicator: str, days: Sequence[ProvinceDay], x: Callable[[dt.date], float]) -> Group:
    """The indicator's steps with a level, each with its left and right edge in the plot."""
    return [(step, x(step.first), x(step.last + dt.timedelta(days=1)))
            for step in steps(days, indicator) if step.level is not None]


def _drawing_groups(rows: Sequence[str], days: Sequence[ProvinceDay]) -> list[tuple[str, list[Group]]]:
    """Each row with its bars' groups, at the narrowest merge width at which the whole timeline keeps
    to ``MAX_BARS``: a province with few changes is drawn step by step; one whose levels change every
    few days gets its short steps drawn together."""
    x = _x_scale(days)
    placed = [_placed(indicator, days, x) for indicator in rows]
    for narrow in MERGE_WIDTHS:
        grouped = [_drawn_groups(row, narrow) for row in placed]
        if sum(map(len, grouped)) <= MAX_BARS:
            break
    return list(zip(rows, grouped))


def _row(index: int, indicator: str, groups: list[Group], link: Callable[[str], str]) -> dict[str, Any]:
    """One indicator's row: its label and a bar per group of steps (position, colour, tooltip, link)."""
    book = codebook()
    top = AXIS + index * ROW
    maximum = _max_level(indicator)
    bars = [_bar(group, indicator, maximum, link) for group in groups]
    return {"top": top, "text_y": top + BAR - 2, "level_y": top + BAR - 4, "indicator": indicator, "name": book.indicators[indicator].vi_name or book.indicators[indicator].name,
            "bars": bars}


def _drawn_groups(placed: Group, narrow: float) -> list[Group]:
    """Steps (with their left and right edges) in drawing groups: each wide step alone, and each run of
    touching steps narrower than ``narrow`` px together."""
    groups: list[Group] = []
    for item in placed:
        step, left, right = item
        last = groups[-1][-1] if groups else None
        if last and right - left < narrow and last[2] - last[1] < narrow \
                and last[0].last + dt.timedelta(days=1) == step.first:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _bar(group: Group, indicator: str, maximum: int,
         link: Callable[[str], str]) -> dict[str, Any]:
    """One drawn bar: a step, or a run of narrow steps shown at its strictest level (the tooltip
    says how many changes it holds; the link opens the notice that set the strictest)."""
    step = max((item[0] for item in group), key=lambda s: s.level)
    left, right = group[0][1], group[-1][2]
    first, last = group[0][0].first, group[-1][0].last
    scope = WORDS["scope"]["general"] if step.general else (WORDS["scope"]["targeted"] if step.level else "")
    label = (WORDS["bar"].format(indicator=indicator, level=step.level, maximum=maximum)
             + f"{' (' + scope + ')' if scope else ''}: {first.strftime('%d/%m/%Y')}–{last.strftime('%d/%m/%Y')}"
             + (WORDS["bar_changes"].format(count=len(group)) if len(group) > 1 else "")
             + (WORDS["bar_notice"].format(notice=step.notice_id) if step.notice_id else ""))
    # targeted (only named places): a dashed dark edge (class "tl-t", archive.css; the inline
    # attributes keep it visible without the stylesheet)
    targeted = not (step.general or not step.level)
    fill = colour(step.level, maximum)
    # the level written on the bar (with "*" when targeted, as in the comparison table), so it is
    # read without hovering (no hover on a phone) and a colour is never the only carrier
    text = f"{step.level}{'*' if targeted else ''}" if right - left >= MIN_LABELLED_BAR else None
    return {"x": f"{left:.0f}", "width": f"{max(right - left, 1):.0f}", "fill": fill,
            "targeted": targeted, "title": label,
            "href": link(step.notice_id) if step.notice_id else None,
            "text": text, "text_x": f"{left + 3:.0f}",  # at the start: seen before a phone scrolls
            "text_fill": "#ffffff" if PALETTE.index(fill) >= DARK_SHADES else "#222222"}


def legend_html(indicator: str | None = None) -> str:
    """The colour key. For one indicator, its levels with the codebook's words; for the whole
    timeline (each row scaled to its own indicator's levels), the scale from "no measure" to
    "the indicator's strictest level"."""
    levels = []
    if indicator:
        maximum = _max_level(indicator)
        levels = [(level, f"ox{PALETTE.index(colour(level, maximum))}", codebook().indicators[indicator].label(level))
                  for level in range(maximum + 1)]
    return call_macro("oxcgrt/_oxcgrt.html.j2", "legend", levels, len(PALETTE))
