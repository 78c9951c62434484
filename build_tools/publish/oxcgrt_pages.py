"""HTML pieces for the OxCGRT views: a province's timeline section, the comparison of provinces
by level for a chosen month, and the level/scope/dates line of a coded measure on measure pages.

Pure functions over the province-day rows (``province_days``) and the records' coded measures:
they work out levels, shades and links; the markup is ``templates/oxcgrt/_oxcgrt.html.j2``
(autoescaped). The page writers (indexes/publish) place them.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Sequence

from markupsafe import Markup

from ..extract.coding import codebook
from .province_days import Cell, ProvinceDay
from .templates import SITE, call_macro
from .timeline_svg import PALETTE, colour, legend_html, timeline_svg

MACROS = "oxcgrt/_oxcgrt.html.j2"

WORDS = SITE["oxcgrt"]
SCOPE_VI = WORDS["scope"]


def shade_class(level: int, maximum: int) -> str:
    """``ox0`` … ``ox5``: the colour of a level as a class (archive.css), so tables stay small."""
    return f"ox{PALETTE.index(colour(level, maximum))}"


def _vi_date(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def period_text(measure: Any) -> str:
    """"17/07/2021–30/07/2021", "từ 17/07/2021, đến khi có thông báo mới", "" when nothing is stated."""
    measure = _as_dict(measure)
    start, end = _vi_date(measure.get("start")), _vi_date(measure.get("end"))
    if measure.get("end_rule") == "until-further-notice":
        return (WORDS["from"].format(start=start) + ", " if start else "") + WORDS["until_further_notice"]
    if start and end:
        return f"{start}–{end}"
    if start:
        return WORDS["from"].format(start=start)
    if end:
        return WORDS["until_end_of"].format(end=end)
    return ""


def _as_dict(measure: Any) -> dict[str, Any]:
    """A coded measure as a dict, whether it comes from the dataset JSON or is a ``model.Measure``."""
    if isinstance(measure, dict):
        return measure
    from ..extract.measures import measure_json

    return measure_json(measure)


def measure_summary(measure: Any) -> str:
    """One coded measure as a line of HTML: indicator, level (of the maximum), scope with places,
    period, and "nới lỏng" for a relaxation."""
    measure = _as_dict(measure)
    indicator = codebook().indicators.get(measure["oxcgrt"])
    summary = {"code": measure["oxcgrt"], "level": None, "shade": None, "maximum": None, "label": None}
    if measure.get("level") is not None and indicator is not None and indicator.levels:
        maximum = max(indicator.levels)
        summary.update(level=measure["level"], shade=shade_class(measure["level"], maximum), maximum=maximum,
                       label=indicator.label(measure["level"]))
    scope = SCOPE_VI.get(measure.get("scope", ""), "")
    places = ", ".join(p.get("name", "") for p in measure.get("places") or [])
    summary.update(scope=scope + (f": {places}" if places else "") if scope else "", period=period_text(measure),
                   relax=measure.get("direction") == "relax")
    return call_macro(MACROS, "measure_summary", summary)


def tag_measures_html(tag: Any) -> str:
    """The coded measures of one tag of one notice as one short line for its entry on the measure's
    page ("" if none): see ``coded_line``."""
    line = coded_line(tag)
    return call_macro(MACROS, "tag_measures", *line) if line else ""


def coded_line(tag: Any) -> tuple[list[tuple[str, int | None, str | None]], str] | None:
    """What that line shows (None if nothing is coded): each indicator at its strictest level
    (indicator, level, shade), then the scope, places and period of the strictest measure (a
    national directive stands for several indicators at once)."""
    records = [_as_dict(r) for r in ((tag.get("records") if isinstance(tag, dict) else getattr(tag, "records", ()))
                                     or [])]
    if not records:
        return None
    strictest: dict[str, dict[str, Any]] = {}
    for measure in records:
        current = strictest.get(measure["oxcgrt"])
        if current is None or (measure.get("level") or 0) > (current.get("level") or 0):
            strictest[measure["oxcgrt"]] = measure
    book = codebook()
    badges = []
    for indicator, measure in sorted(strictest.items(), key=lambda item: _order_key(item[0])):
        spec = book.indicators.get(indicator)
        level = measure.get("level")
        if level is None or spec is None or not spec.levels:
            badges.append((indicator, None, None))
            continue
        badges.append((indicator, level, shade_class(level, max(spec.levels))))
    top = max(records, key=lambda m: m.get("level") or 0)
    places = [p.get("name", "") for p in top.get("places") or []]
    scope = SCOPE_VI.get(top.get("scope", ""), "")
    if places:
        scope += ": " + ", ".join(places[:3]) + (" …" if len(places) > 3 else "")
    relaxed = WORDS["relaxed"] if top.get("direction") == "relax" else ""
    tail = " · ".join(part for part in (scope, period_text(top), relaxed) if part)
    return badges, tail


def _order_key(indicator: str) -> int:
    order = codebook().order
    return order.index(indicator) if indicator in order else len(order)


TIMELINE_HEADING = SITE["titles"]["oxcgrt_timeline"]


def province_timeline_section(days: Sequence[ProvinceDay], notice_href: Callable[[str], str],
                              province_name: str, method_href: str, data_href: str) -> str:
    """The body of a province page's "Mức biện pháp theo OxCGRT" section ("" when no measure is
    coded); the page writer puts ``TIMELINE_HEADING`` above it."""
    svg = timeline_svg(days, notice_href, WORDS["timeline_title"].format(province=province_name))
    if not svg:
        return ""
    return call_macro(MACROS, "timeline_section", Markup(svg), method_href, data_href, Markup(legend_html()))


def month_levels(days: Iterable[ProvinceDay], month: str) -> dict[str, dict[str, Cell]]:
    """province code → indicator → the strictest cell of that month (with the notice that set it)."""
    found: dict[str, dict[str, Cell]] = defaultdict(dict)
    for day in days:
        if day.date.strftime("%Y-%m") != month:
            continue
        cells = found[day.province]
        for indicator, cell in day.cells.items():
            current = cells.get(indicator)
            if cell.level is not None and (current is None or current.level is None or cell.level > current.level):
                cells[indicator] = cell
            elif current is None:
                cells[indicator] = cell
    return found


def comparison_table(days: Sequence[ProvinceDay], month: str, province_href: Callable[[str], str],
                     notice_href: Callable[[str], str]) -> str:
    """Provinces × indicators for ``month``: each cell the strictest level in force that month,
    coloured by level, linked to the notice that set it; empty where the archive does not know."""
    book = codebook()
    indicators = [i for i in book.order if not book.indicators[i].numeric]
    levels = month_levels(days, month)
    names = {day.province: day.province_name for day in days}
    rows = []
    for province in sorted(levels, key=lambda code: names.get(code, code)):
        if all(cell.level is None for cell in levels[province].values()):
            continue  # nothing known for this province this month
        cells = []
        for indicator in indicators:
            cell = levels[province].get(indicator, Cell(None))
            if cell.level is None:
                cells.append(None)
                continue
            maximum = max(book.indicators[indicator].levels)
            text = str(cell.level) + ("" if cell.general or not cell.level else "*")
            cells.append((shade_class(cell.level, maximum), text,
                          notice_href(cell.notice_id) if cell.notice_id else None))
        rows.append((province_href(province), names.get(province, province), cells))
    if not rows:
        return ""
    return call_macro(MACROS, "comparison_table", [(i, book.indicators[i].vi_name or book.indicators[i].name) for i in indicators], rows)


def month_links(months: Sequence[str], current: str, href: Callable[[str], str]) -> str:
    """Links to the other months' comparison pages, the current one in bold."""
    return call_macro(MACROS, "month_links", [(f"{month[5:]}/{month[:4]}", None if month == current else href(month))
                                              for month in months])


def default_month(days: Sequence[ProvinceDay]) -> str | None:
    """The month with the most provinces at a non-zero level (the comparison's opening view)."""
    counts: dict[str, set[str]] = defaultdict(set)
    for day in days:
        if any(cell.level for cell in day.cells.values()):
            counts[day.date.strftime("%Y-%m")].add(day.province)
    if not counts:
        return None
    return max(sorted(counts), key=lambda month: len(counts[month]))


COMPARISON_FOLDER = "so-sanh"
DATASET_FILE = "data/oxcgrt-provinces.csv"  # the dataset's name; the site holds it plain and gzipped
DATASET_DOWNLOAD = DATASET_FILE + ".gz"  # in the built site
DATASET_LINK = "@file/" + DATASET_DOWNLOAD  # resolved by the build like the other data links
METHOD_PAGE = "phuong-phap-oxcgrt"


def comparison_page_path(month: str) -> str:
    """``so-sanh/muc-2021-08``: the comparison by level for one month."""
    return f"{COMPARISON_FOLDER}/muc-{month}"


def comparison_pages(days: Sequence[ProvinceDay], href: Callable[[str], str], province_page: Callable[[str], str],
                     notice_page: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """(docs path, title, HTML body) of the comparison by level: one page per month of the dataset,
    each linking to the others, and ``so-sanh/muc`` opening on the month most provinces had measures.
    ``href(docs path)`` makes a link; ``province_page(code)``/``notice_page(id)`` give docs paths."""
    by_month: dict[str, list[ProvinceDay]] = defaultdict(list)  # one pass over the rows, not one per month
    for day in days:
        by_month[day.date.strftime("%Y-%m")].append(day)
    months = sorted(by_month)
    if not months:
        return []
    pages = []
    intro = Markup(call_macro(MACROS, "comparison_intro", href(METHOD_PAGE), Markup(DATASET_LINK)))
    for month in months:
        table = comparison_table(by_month[month], month, lambda code: href(province_page(code)),
                                 lambda notice: href(notice_page(notice)))
        links = Markup(month_links(months, month, lambda m: href(comparison_page_path(m))))
        pages.append((comparison_page_path(month), SITE["titles"]["oxcgrt_month"].format(month=month[5:], year=month[:4]),
                      call_macro(MACROS, "comparison_page", intro, links, Markup(table) if table else None)))
    opening = default_month(days) or months[-1]
    chooser = call_macro(MACROS, "comparison_chooser", intro,
                         Markup(month_links(months, "", lambda m: href(comparison_page_path(m)))),
                         href(comparison_page_path(opening)), f"{opening[5:]}/{opening[:4]}")
    pages.append((f"{COMPARISON_FOLDER}/muc", SITE["titles"]["oxcgrt"], chooser))
    return pages
