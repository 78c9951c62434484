"""Index stage: cross-linked pages by province, theme, time, type, issuer, signer and citation.

Every page is made from the dataset records only (the same data as
``site/data/notices.json``), and every list is grouped or paginated so that no
page grows with the size of the archive beyond ``PAGE_SIZE`` entries. This module
groups and counts; each page's HTML is written by its template in
``build_tools/templates/index/`` (``templates.render_body``) and the pages' titles
are in ``data/site.yml`` (``titles``).
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from markupsafe import Markup

from ..data_files import load_yaml
from .notice_pages import quoted, shorten, vn_date, write_page, yaml_json
from .oxcgrt_pages import (DATASET_LINK, METHOD_PAGE, TIMELINE_HEADING, comparison_pages, province_timeline_section,
                           coded_line)
from .province_days import ProvinceDay, by_province, days_from_records
from ..model import Citation, MeasureTag
from .records import CitedDocument, NoticeRecord
from ..text import escape_markdown, slugify, toc_slug
from .templates import SITE, Rendered, page_href, render_body
from .topics import topic_page

PAGE_SIZE = 200
RELATED_LIMIT = 3
MONTHS = [""] + SITE["months"]  # MONTHS[8] == "Tháng 8"
TITLES: dict[str, str] = SITE["titles"]


@dataclass
class Page:
    """A generated page: its HTML body is inserted after MkDocs has converted the one-line skeleton."""

    path: str  # docs path without ".md"
    title: str
    body: Rendered
    meta: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The Markdown MkDocs reads: front matter (title, table of contents) and a placeholder."""
        front = {"title": self.title, **self.meta}
        if self.body.toc:
            front["toc"] = self.body.toc
        return (f"---\n{yaml_json(front)}\n---\n\n# {escape_markdown(self.title)}\n\n"
                "<!-- archive-part: body -->\n")

    def parts(self) -> dict[str, str]:
        return {"body": self.body.html}


@dataclass
class MarkdownPage:
    """A small page written in Markdown (redirects), converted by MkDocs as usual."""

    path: str
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return (f"---\n{yaml_json({'title': self.title, **self.meta})}\n---\n\n# {escape_markdown(self.title)}\n\n"
                f"{self.markdown}\n")

    def parts(self) -> dict[str, str]:
        return {}


# --- vocabularies ------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def provinces() -> list[dict[str, Any]]:
    data = load_yaml("provinces.yml")
    return data["provinces"] if isinstance(data, dict) else data


@functools.lru_cache(maxsize=None)
def measures_taxonomy() -> list[dict[str, Any]]:
    data = load_yaml("measures.yml")
    return data["measures"] if isinstance(data, dict) else data


def date_of(record: NoticeRecord) -> str | None:
    return record.date


def newest_first(records: Iterable[NoticeRecord]) -> list[NoticeRecord]:
    """Newest first; undated notices last, each group in a stable order."""
    dated: list[NoticeRecord] = []
    undated: list[NoticeRecord] = []
    for record in records:
        (dated if record.date else undated).append(record)
    dated.sort(key=lambda r: (r.date, r.id), reverse=True)
    undated.sort(key=lambda r: r.id)
    return dated + undated


# --- what the templates print ------------------------------------------------------


def notice_facts(record: NoticeRecord) -> str:
    """``Quảng Ninh · 17/01/2022 · 2927-TB/TU · Thông báo``: what a list shows after a notice's title."""
    facts = [record.province.name if record.province else
             (SITE["scope_national"] if record.scope == "national" else None),
             vn_date(date_of(record)) if date_of(record) else None,
             record.number.text if record.number else None,
             record.doc_type]
    return " · ".join(f for f in facts if f)


class NoticeLine(NamedTuple):
    """A notice in a list: its page, title and facts (``notice_facts``), and its id."""

    page: str
    title: str
    facts: str
    id: str


def notice_lines(records: Iterable[NoticeRecord]) -> list[NoticeLine]:
    """What a list of notices prints, worked out here rather than field by field in the template."""
    return [NoticeLine(r.page, r.title, notice_facts(r), r.id) for r in records]


def month_label(date: str | None) -> str:
    """``Tháng 8 năm 2021``, the heading of a month on a timeline; ``Không rõ ngày`` without a date."""
    if not date:
        return TITLES["undated"]
    return TITLES["month"].format(month=MONTHS[int(date[5:7])], year=date[:4])


def month_groups(records: list[NoticeRecord]) -> list[tuple[str, list[NoticeRecord]]]:
    """A timeline's months, in the records' order (newest first): (heading, notices)."""
    groups: list[tuple[str, list[NoticeRecord]]] = []
    for record in records:
        label = month_label(date_of(record))
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(record)
    return groups


def paginate(base: str, title: str, records: list, template: str, meta: dict[str, Any] | None = None,
             **context: Any) -> list[Page]:
    """Split a long list into pages of ``PAGE_SIZE`` with links between them.

    Each page is ``template`` (it extends ``index/_paged.html.j2``) given its ``chunk``, its
    ``number`` and the ``pager`` (number, path, is this page), and ``context``.
    """
    chunks = [records[i:i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]
    paths = [base] + [f"{base}-trang-{n}" for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (chunk, path) in enumerate(zip(chunks, paths), start=1):
        pager = [(n, p, p == path) for n, p in enumerate(paths, start=1)] if len(chunks) > 1 else []
        body = render_body(template, chunk=chunk, number=number, pager=pager, **context)
        heading = title if number == 1 else TITLES["page"].format(title=title, number=number)
        pages.append(Page(path, heading, body, dict(meta or {})))
    return pages


def month_anchor(month: str) -> str:
    """Heading id of a month on timeline pages ("2021-08" → "thang-8-nam-2021")."""
    return toc_slug(month_label(month))


# --- pages -----------------------------------------------------------------------


def province_pages(records: list[NoticeRecord], days: dict[str, list[ProvinceDay]] | None = None) -> Iterator[Page]:
    """Every province's pages (with its OxCGRT timeline from ``days``, province code → rows) and the index."""
    days = days or {}
    notice_pages = {record.id: record.page for record in records}
    groups: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        if record.province:
            groups[record.province.code].append(record)
    rows, empty = [], []
    for province in provinces():
        code = province["code"]
        members = groups.get(code, [])
        if members:
            rows.append((province["name"], f"tinh/{code}", len(members)))
            yield from _province_detail(province, newest_first(members), days.get(code, []), notice_pages)
        else:
            empty.append(province["name"])
    national = [r for r in records if r.scope == "national"]
    unknown = [r for r in records if not r.province and r.scope != "national"]
    others = []
    if national:
        yield from paginate("tinh/toan-quoc", TITLES["national"], newest_first(national), "index/timeline.html.j2")
        others.append((TITLES["national"], "tinh/toan-quoc", len(national)))
    if unknown:
        yield from paginate("tinh/khong-ro", TITLES["unknown_province"], newest_first(unknown),
                            "index/timeline.html.j2")
        others.append((TITLES["unknown_province"], "tinh/khong-ro", len(unknown)))
    body = render_body("index/provinces.html.j2", count=len(records), with_notices=len(groups),
                       provinces_all=len(provinces()), rows=rows, empty=empty, others=others)
    yield Page("tinh/index", TITLES["provinces"], body)


def _province_detail(province: dict[str, Any], members: list[NoticeRecord], days: list[ProvinceDay] = (),
                     notice_pages: dict[str, str] | None = None) -> list[Page]:
    measure_counts = Counter((m.code, m.label) for r in members for m in r.measures)
    issuers = Counter(r.issuer.name for r in members if r.issuer)
    signers = Counter(r.signer.name for r in members if r.signer and r.signer.name)
    cited = Counter((c.key, c.label) for r in members for c in r.cited_documents)
    timeline = province_timeline_section(
        days, lambda notice: page_href((notice_pages or {}).get(notice, "index")), province["name"],
        page_href(METHOD_PAGE), DATASET_LINK)
    return paginate(
        f"tinh/{province['code']}", province["name"], members, "index/province.html.j2", count=len(members),
        measures=[(label, measure_province_link(code, province["code"], province["name"], n), n)
                  for (code, label), n in measure_counts.most_common()],
        issuers=[(name, f"co-quan/{slugify(name)}", n) for name, n in issuers.most_common(20)],
        signers=[(name, f"nguoi-ky/{slugify(name)}", n) for name, n in signers.most_common(20)],
        cited=[(label, f"van-ban-dan-chieu/{key}", n) for (key, label), n in cited.most_common(10)],
        timeline=Markup(timeline), timeline_heading=TIMELINE_HEADING)


def measure_label(measure: dict[str, Any]) -> str:
    """A measure's name as indexes show it, with its OxCGRT code: ``Đóng cửa trường học (C1)``."""
    label = measure.get("label") or measure.get("label_vi") or measure["code"]
    return label + (f" ({measure['oxcgrt']})" if measure.get("oxcgrt") else "")


def measure_pages(records: list[NoticeRecord]) -> Iterator[Page]:
    tagged: dict[str, list[tuple[NoticeRecord, MeasureTag]]] = defaultdict(list)
    for record in records:
        for measure in record.measures:
            tagged[measure.code].append((record, measure))
    rows = []
    for measure in measures_taxonomy():
        code = measure["code"]
        members = tagged.get(code, [])
        rows.append((measure_label(measure), topic_page(code), len(members)))
        yield from _measure_detail(measure, measure.get("label") or measure.get("label_vi") or code, members)
    yield Page("chu-de/index", TITLES["measures"], render_body("index/measures.html.j2", rows=rows))


MEASURE_PREVIEW = 3  # notices shown per province on a measure's page; the rest on the province subpage
EVIDENCE_LENGTH = 110  # characters of the evidence sentence quoted in lists; the link leads to all of it


def measure_province_page(code: str, province_code: str | None) -> str:
    """Page listing every notice of one province tagged with one measure (made when they are many)."""
    return f"{topic_page(code)}/{province_code or 'khong-ro'}"


def measure_province_link(code: str, province_code: str | None, province_name: str, count: int) -> str:
    """Where a province's notices for a measure are listed: its own page, or its section of the measure page."""
    if count > MEASURE_PREVIEW:
        return measure_province_page(code, province_code)
    return f"{topic_page(code)}#{toc_slug(province_name)}"


def short_name(record: NoticeRecord) -> str:
    """``Thông báo 12/TB-UBND``: type and number, else the title cut short."""
    if record.number:
        return f"{record.doc_type or SITE['document']} {record.number.text}"
    return shorten(record.title, 80)


class EvidenceLine(NamedTuple):
    """A notice ordering a measure, as a measure page lists it: named briefly, linked to the evidence."""

    href: str  # ``@/notices/…#muc-2``: the evidence's paragraph
    label: str  # ``Thông báo 12/TB-UBND, 01/09/2020``
    quote: str  # the evidence sentence, shortened ("" when none)
    coded: Any  # the tag's coded OxCGRT measures: levels, scope, dates (oxcgrt_pages.coded_line), or None


def evidence_line(record: NoticeRecord, tag: MeasureTag) -> EvidenceLine:
    """Measure pages hold every notice once per measure it orders, so each line stays short."""
    first = tag.evidence[0] if tag.evidence else None
    label = short_name(record) + (f", {vn_date(date_of(record))}" if date_of(record) else "")
    quote = shorten(quoted(first.text), EVIDENCE_LENGTH) if first and first.text else ""
    return EvidenceLine(page_href(record.page, first.anchor if first else None), label, quote, coded_line(tag))


class ProvinceGroup(NamedTuple):
    """One province on a measure's page: its latest notices, and its own page when they are more."""

    name: str
    preview: list[EvidenceLine]
    page: str | None
    count: int


def _measure_detail(measure: dict[str, Any], label: str, members: list[tuple[NoticeRecord, MeasureTag]]) -> list[Page]:
    """The measure's page (each province with its latest notices) and one page per province.

    Grouping by province keeps every page bounded: at most ``MEASURE_PREVIEW`` notices per
    province here, and the per-province pages are paginated.
    """
    base = topic_page(measure["code"])
    evidence = {record.id: tag for record, tag in members}
    by_province: dict[str | None, list[NoticeRecord]] = defaultdict(list)
    for record, _ in members:
        by_province[record.province.code if record.province else None].append(record)
    pages, groups = [], []
    names = {code: group[0].province.name if group[0].province else TITLES["unknown_province"]
             for code, group in by_province.items()}
    for province_code in sorted(by_province, key=lambda c: (c is None, names[c])):
        lines = [evidence_line(r, evidence[r.id]) for r in newest_first(by_province[province_code])]
        subpage = None
        if len(lines) > MEASURE_PREVIEW:  # only then a page of its own: small groups stay here
            subpage = measure_province_page(measure["code"], province_code)
            pages.extend(paginate(
                subpage, TITLES["measure_province"].format(measure=label, province=names[province_code]), lines,
                "index/measure_province.html.j2", measure_page=base, label=label, count=len(lines)))
        groups.append(ProvinceGroup(names[province_code], lines[:MEASURE_PREVIEW], subpage, len(lines)))
    body = render_body(
        "index/measure.html.j2", label=label, english=measure.get("label_en") or measure.get("english") or "",
        oxcgrt=measure.get("oxcgrt"), description=str(measure.get("description") or ""), count=len(members),
        province_count=len({r.province.code if r.province else None for r, _ in members}), groups=groups)
    pages.append(Page(base, label, body))
    return pages


def time_pages(records: list[NoticeRecord]) -> Iterator[Page]:
    years: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        years[(date_of(record) or "khong-ro")[:4]].append(record)
    rows = []
    for year in sorted(years, reverse=True):
        label = TITLES["year"].format(year=year) if year != "khon" else TITLES["undated"]
        key = year if year != "khon" else "khong-ro"
        months = Counter((date_of(r) or "")[:7] for r in years[year])
        rows.append((label, f"thoi-gian/{key}", len(years[year])))
        yield from paginate(f"thoi-gian/{key}", label, newest_first(years[year]), "index/year.html.j2",
                            months=[(MONTHS[int(m[5:7])], n) for m, n in sorted(months.items()) if m])
    yield Page("thoi-gian/index", TITLES["time"], render_body("index/years.html.j2", rows=rows))


def grouped_pages(records: list[NoticeRecord], folder: str, title: str, key: Callable[[NoticeRecord], str | None],
                  column: str) -> Iterator[Page]:
    """Pages for one facet (document type, issuer, signer): an index and one page per value."""
    groups: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        value = key(record)
        if value:
            groups[value].append(record)
    rows = []
    for value in sorted(groups, key=lambda v: (-len(groups[v]), v)):
        path = f"{folder}/{slugify(value)}"
        rows.append((value, path, len(groups[value])))
        yield from paginate(path, value, newest_first(groups[value]), "index/timeline.html.j2")
    yield from paginate(f"{folder}/index", title, rows, "index/facet_index.html.j2", column=column)


def cited_pages(records: list[NoticeRecord]) -> Iterator[Page]:
    """One page per cited document, listing every notice that cites it, with the citing sentence."""
    citing: dict[str, list[tuple[NoticeRecord, Citation]]] = defaultdict(list)
    labels: dict[str, CitedDocument] = {}
    for record in records:
        first_mention: dict[str, Citation] = {}
        for cite in record.cites:
            first_mention.setdefault(cite.key, cite)
        for document in record.cited_documents:
            labels.setdefault(document.key, document)
            citing[document.key].append((record, first_mention[document.key]))
    in_archive = _archive_lookup(records)
    rows = []
    for key in sorted(citing, key=lambda k: (-len(citing[k]), k)):
        document = labels[key]
        rows.append((document.label, f"van-ban-dan-chieu/{key}", len(citing[key])))
        yield from _cited_detail(key, document, citing[key], in_archive.get(key))
    yield from paginate("van-ban-dan-chieu/index", TITLES["cited"], rows, "index/cited_index.html.j2")


def _archive_lookup(records: list[NoticeRecord]) -> dict[str, NoticeRecord]:
    """Cited-document keys that are themselves notices in the archive."""
    from ..extract import citation_key_for_number  # the extract stage owns the key scheme

    lookup = {}
    for record in records:
        if record.number and record.number.text:
            key = citation_key_for_number(record.number.text, record.doc_type,
                                          record.province.code if record.province else None)
            if key:
                lookup[key] = record
    return lookup


def _cited_detail(key: str, document: CitedDocument, members: list[tuple[NoticeRecord, Citation]],
                  archived: NoticeRecord | None) -> list[Page]:
    quotes = {record.id: shorten(quoted(cite.sentence or cite.text), 160) for record, cite in members}
    ordered = sorted((pair[0] for pair in members),
                     key=lambda r: (r.province.name if r.province else "~", date_of(r) or "", r.id))
    return paginate(f"van-ban-dan-chieu/{key}", document.label, ordered, "index/cited.html.j2", document=document,
                    archived=archived, count=len(members), quotes=quotes)


WIDE = {"hide": ["navigation", "toc"]}


class MatrixRow(NamedTuple):
    """A province's row of a comparison table: its page and, per column, a cell (None when empty)."""

    name: str
    page: str
    cells: list[Any]


class MonthCell(NamedTuple):
    page: str  # the province's timeline page holding the month
    anchor: str
    count: int


def matrix_page(records: list[NoticeRecord], days: list[ProvinceDay] | None = None) -> list[Page]:
    """Provinces × measures: each cell counts notices and links to them on the measure's page."""
    counts: dict[tuple[str, str], int] = Counter()
    present = {}
    for record in records:
        if not record.province:
            continue
        present[record.province.code] = record.province.name
        for measure in {m.code for m in record.measures}:
            counts[(record.province.code, measure)] += 1
    taxonomy = [m for m in measures_taxonomy() if any(counts.get((p, m["code"])) for p in present)]
    columns = [{"page": topic_page(m["code"]), "label": measure_label(m)} for m in taxonomy]
    rows = []
    for code in sorted(present, key=lambda c: present[c]):
        cells = [(measure_province_link(m["code"], code, present[code], counts[(code, m["code"])]),
                  counts[(code, m["code"])]) if counts.get((code, m["code"])) else None for m in taxonomy]
        rows.append(MatrixRow(present[code], "tinh/" + code, cells))
    pages = [Page("so-sanh/index", TITLES["matrix"],
                  render_body("index/matrix.html.j2", measures=columns, rows=rows, levels=bool(days)), dict(WIDE))]
    years = sorted({date_of(r)[:4] for r in records if r.province and date_of(r)})
    pages.append(Page("so-sanh/thang", TITLES["matrix_months"], render_body("index/matrix_years.html.j2",
                                                                               years=years)))
    for year in years:
        months, month_rows = _month_matrix(records, year)
        pages.append(Page(f"so-sanh/thang-{year}", TITLES["matrix_year"].format(year=year),
                          render_body("index/matrix_months.html.j2", year=year, months=months, rows=month_rows),
                          dict(WIDE)))
    notice_pages = {record.id: record.page for record in records}
    for path, title, html in comparison_pages(days or [], page_href, lambda code: "tinh/" + code,
                                              lambda notice: notice_pages.get(notice, "index")):
        pages.append(Page(path, title, Rendered(html, []), dict(WIDE)))
    return pages


def paginated_path(base: str, index: int) -> str:
    """The page of a paginated list that holds entry number ``index``."""
    number = index // PAGE_SIZE + 1
    return base if number == 1 else f"{base}-trang-{number}"


def _month_matrix(records: list[NoticeRecord], year: str) -> tuple[list[str], list[MatrixRow]]:
    """Provinces × months of ``year``; each cell links to that month on the province's timeline page."""
    groups: dict[str, list[NoticeRecord]] = defaultdict(list)
    names = {}
    for record in records:
        if record.province and date_of(record):
            groups[record.province.code].append(record)
            names[record.province.code] = record.province.name
    months = sorted({date_of(r)[:7] for group in groups.values() for r in group if date_of(r).startswith(year)})
    if not months:
        return [], []
    rows = []
    for code in sorted(groups, key=lambda c: names[c]):
        timeline = newest_first(groups[code])  # the whole timeline: its pagination decides the page
        first_index: dict[str, int] = {}
        counts: Counter = Counter()
        for index, record in enumerate(timeline):
            month = date_of(record)[:7]
            first_index.setdefault(month, index)
            counts[month] += 1
        rows.append(MatrixRow(names[code], "tinh/" + code, [
            MonthCell(paginated_path("tinh/" + code, first_index[m]), month_anchor(m), counts[m])
            if counts.get(m) else None for m in months]))
    return months, rows


def home_page(records: list[NoticeRecord], rejected: int, day: str | None = None) -> Page:
    body = render_body("index/home.html.j2", day=day, count=len(records),
                       provinces_with=len({r.province.code for r in records if r.province}),
                       provinces_all=len(provinces()),
                       measures_with=len({m.code for r in records for m in r.measures}),
                       latest=newest_first(records)[:10], dataset_link=DATASET_LINK, method_page=METHOD_PAGE)
    return Page("index", SITE["site_name"], body)


def all_index_pages(records: list[NoticeRecord], rejected: int = 0, day: str | None = None) -> Iterator[Page]:
    """Every index page, made one facet at a time so they can be written as they come."""
    yield home_page(records, rejected, day)
    days = days_from_records(records)  # each indicator's OxCGRT level per province and day
    yield from province_pages(records, by_province(days))
    yield from measure_pages(records)
    yield from time_pages(records)
    for facet in SITE["facets"]:
        yield from grouped_pages(records, facet["folder"], facet["title"], field_reader(facet["field"]),
                                 facet["column"])
    yield from cited_pages(records)
    yield from matrix_page(records, days)


def field_reader(path: str) -> Callable[[NoticeRecord], Any]:
    """A record's value at a dotted path (``issuer.name``); None when a part on the way is unknown."""
    names = path.split(".")

    def read(record: NoticeRecord) -> Any:
        value: Any = record
        for name in names:
            value = getattr(value, name, None) if value is not None else None
        return value

    return read


def write_pages(pages: Iterable[Page | MarkdownPage], docs_dir: Path) -> int:
    """Each page's Markdown skeleton into ``docs_dir``, its HTML parts beside it for the hook."""
    count = 0
    for page in pages:
        write_page(docs_dir, page.path, page.text(), page.parts())
        count += 1
    return count


# --- related notices on a notice page ----------------------------------------------


def related_sections(records: list[NoticeRecord]) -> dict[str, Rendered]:
    """For each notice: earlier and later notices of its province, notices citing the same documents.

    Bounded per notice (``RELATED_LIMIT`` per list), so the cost is linear in the archive.
    """
    by_province: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        if record.province:
            by_province[record.province.code].append(record)
    neighbours: dict[str, tuple[NoticeRecord | None, NoticeRecord | None]] = {}
    for members in by_province.values():
        ordered = list(reversed(newest_first(members)))
        for index, record in enumerate(ordered):
            neighbours[record.id] = (ordered[index - 1] if index > 0 else None,
                                        ordered[index + 1] if index + 1 < len(ordered) else None)
    citing: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        for document in record.cited_documents:
            if len(citing[document.key]) < RELATED_LIMIT + 1:
                citing[document.key].append(record)
    archive = _archive_lookup(records)
    sections = {}
    for record in records:
        earlier, later = neighbours.get(record.id, (None, None))
        in_archive = [archive[d.key] for d in record.cited_documents if d.key in archive
                      and archive[d.key].id != record.id]
        same: list[NoticeRecord] = []
        listed = {record.id}  # by id: comparing whole records field by field was most of this loop's time
        for document in record.cited_documents:
            for other in citing[document.key]:
                if other.id not in listed:
                    listed.add(other.id)
                    same.append(other)
        if earlier or later or in_archive or same:
            sections[record.id] = render_body("index/related.html.j2", earlier=earlier, later=later,
                                              in_archive=in_archive[:RELATED_LIMIT], same=same[:RELATED_LIMIT])
    return sections
