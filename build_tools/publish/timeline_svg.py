"""A province's OxCGRT timeline as a static SVG, drawn at build time: one row per indicator,
one bar per run of days at the same level set by the same notice, each bar a link to that
notice. No script, no library: the SVG is inline in the page, so it works from ``file://``.

Pure functions: province-day rows (``province_days.ProvinceDay``) in, SVG text out. Every text
that comes from data is escaped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Callable, Sequence

from ..extract.coding import codebook
from .province_days import Cell, ProvinceDay

# Sequential, colour-blind safe (light → dark as a level is stricter); index = level scaled to 0–5.
PALETTE = ("#eeeeee", "#fee8c8", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
UNKNOWN = "#ffffff"
LABEL_WIDTH = 190
ROW = 20
BAR = 14
AXIS = 22
WIDTH = 760


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
    span = (last - first).days + 1
    plot = WIDTH - LABEL_WIDTH - 10
    height = AXIS + ROW * len(rows) + 6

    def x(date: dt.date) -> float:
        return LABEL_WIDTH + plot * (date - first).days / span

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="oxcgrt-timeline" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" role="img" aria-labelledby="tl-title"><title id="tl-title">{escape(title)}</title>']
    for month in _months(first, last):
        left = x(month)
        parts.append(f'<line x1="{left:.1f}" y1="{AXIS - 4}" x2="{left:.1f}" y2="{height - 4}" class="tl-grid" '
                     f'stroke="#cccccc" stroke-width="0.5"/>')
        parts.append(f'<text x="{left + 2:.1f}" y="{AXIS - 8}" font-size="10" fill="#555555">'
                     f'{month.month:02d}/{month.year}</text>')
    for index, indicator in enumerate(rows):
        top = AXIS + index * ROW
        name = book.indicators[indicator].name
        maximum = _max_level(indicator)
        parts.append(f'<text x="4" y="{top + BAR - 2}" font-size="11" fill="#222222">'
                     f'{escape(indicator)} {escape(name)}</text>')
        for step in steps(days, indicator):
            if step.level is None:
                continue
            left, right = x(step.first), x(step.last + dt.timedelta(days=1))
            scope = "toàn tỉnh" if step.general else ("có mục tiêu" if step.level else "")
            label = (f"{indicator} mức {step.level}/{maximum}"
                     f"{' (' + scope + ')' if scope else ''}: {step.first.strftime('%d/%m/%Y')}–"
                     f"{step.last.strftime('%d/%m/%Y')}" + (f" · văn bản {step.notice_id}" if step.notice_id else ""))
            # targeted (only named places): a dashed dark edge (class "tl-t", oxcgrt.css; the inline
            # attributes keep it visible without the stylesheet)
            pattern = ("" if step.general or not step.level
                       else ' class="tl-t" stroke="#444" stroke-dasharray="2 1"')
            rect = (f'<rect x="{left:.0f}" y="{top}" width="{max(right - left, 1):.0f}" height="{BAR}" '
                    f'fill="{colour(step.level, maximum)}"{pattern}>'
                    f'<title>{escape(label)}</title></rect>')
            if step.notice_id:
                rect = f'<a href="{escape(link(step.notice_id), quote=True)}">{rect}</a>'
            parts.append(rect)
    parts.append("</svg>")
    return "".join(parts)


def legend_html(indicator: str | None = None) -> str:
    """The colour key. For one indicator, its levels with the codebook's words; for the whole
    timeline (each row scaled to its own indicator's levels), the scale from "no measure" to
    "the indicator's strictest level"."""
    if indicator:
        maximum = _max_level(indicator)
        items = [f'<span class="tl-key"><span class="tl-swatch ox{PALETTE.index(colour(level, maximum))}"></span>'
                 f'{level} {escape(codebook().indicators[indicator].label(level))}</span>'
                 for level in range(maximum + 1)]
        return '<p class="tl-legend">' + " ".join(items) + "</p>"
    swatches = "".join(f'<span class="tl-swatch ox{index}"></span>' for index in range(len(PALETTE)))
    return (f'<p class="tl-legend">Màu: {swatches} từ không có biện pháp (mức 0) đến mức nghiêm nhất của chỉ số; '
            'trắng: chưa có văn bản. Di chuột lên một đoạn để xem mức và văn bản.</p>')
