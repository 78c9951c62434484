"""Index stage: cross-linked pages by province, theme, time, type, issuer, signer and citation.

Every page is made from the dataset records only (the same data as
``site/data/notices.json``), and every list is grouped or paginated so that no
page grows with the size of the archive beyond ``PAGE_SIZE`` entries.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..data_files import load_yaml
from .markup import Body, bullet_list, esc, link, page_href, strong, table
from .notice_pages import quoted, shorten, vn_date, write_page, yaml_json
from .oxcgrt_pages import (DATASET_LINK, METHOD_PAGE, TIMELINE_HEADING, comparison_pages, province_timeline_section,
                           tag_measures_html)
from .province_days import ProvinceDay, by_province, days_from_records
from ..model import Citation, MeasureTag
from .records import CitedDocument, NoticeRecord
from ..text import escape_markdown, slugify, toc_slug
from .topics import topic_page

PAGE_SIZE = 200
RELATED_LIMIT = 3
MONTHS = [""] + load_yaml("site.yml")["months"]  # MONTHS[8] == "Tháng 8"


@dataclass
class Page:
    """A generated page: its HTML body is inserted after MkDocs has converted the one-line skeleton."""

    path: str  # docs path without ".md"
    title: str
    body: Body
    meta: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The Markdown MkDocs reads: front matter (title, table of contents) and a placeholder."""
        front = {"title": self.title, **self.meta}
        if self.body.toc:
            front["toc"] = self.body.toc
        return (f"---\n{yaml_json(front)}\n---\n\n# {escape_markdown(self.title)}\n\n"
                "<!-- archive-part: body -->\n")

    def parts(self) -> dict[str, str]:
        return {"body": self.body.html()}


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
    dated = sorted((r for r in records if date_of(r)), key=lambda r: (date_of(r), r.id), reverse=True)
    undated = sorted((r for r in records if not date_of(r)), key=lambda r: r.id)
    return dated + undated


# --- lines and lists -------------------------------------------------------------


def notice_facts(record: NoticeRecord) -> str:
    """``Quảng Ninh · 17/01/2022 · 2927-TB/TU · Thông báo``"""
    facts = [record.province.name if record.province else
             ("Trung ương" if record.scope == "national" else None),
             vn_date(date_of(record)) if date_of(record) else None,
             record.number.text if record.number else None,
             record.doc_type]
    return " · ".join(esc(f) for f in facts if f)


def notice_line(record: NoticeRecord, extra: str = "") -> str:
    """One notice in a list: linked title, facts, and an optional second line (already HTML)."""
    line = f"{link(record.page, record.title)} — {notice_facts(record)}"
    return line + (f"<br>{extra}" if extra else "")


def notice_list(records: Iterable[NoticeRecord], extra: Callable[[NoticeRecord], str] | None = None) -> str:
    return bullet_list((notice_line(r, extra(r) if extra else "") for r in records), "notice-list")


def paginate(base: str, title: str, records: list, render: Callable[[list, Body], None],
             intro: Callable[[Body], None] | None = None, meta: dict[str, Any] | None = None) -> list[Page]:
    """Split a long list into pages of ``PAGE_SIZE`` with links between them."""
    chunks = [records[i:i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]
    paths = [base] + [f"{base}-trang-{n}" for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (chunk, path) in enumerate(zip(chunks, paths), start=1):
        body = Body()
        pager = ""
        if len(chunks) > 1:
            links = [link(p, str(n)) if p != path else strong(str(n)) for n, p in enumerate(paths, start=1)]
            pager = '<p class="pager">Trang: ' + " · ".join(links) + "</p>"
        if intro and number == 1:
            intro(body)
        body.add(pager)
        render(chunk, body)
        body.add(pager)
        heading = title if number == 1 else f"{title} (trang {number})"
        pages.append(Page(path, heading, body, dict(meta or {})))
    return pages


def month_anchor(month: str) -> str:
    """Heading id of a month on timeline pages ("2021-08" → "thang-8-nam-2021")."""
    return toc_slug(f"{MONTHS[int(month[5:7])]} năm {month[:4]}")


def by_month(records: list[NoticeRecord], body: Body) -> None:
    """A timeline: newest month first, one heading per month."""
    groups: list[tuple[str, list[NoticeRecord]]] = []
    for record in records:
        date = date_of(record)
        label = f"{MONTHS[int(date[5:7])]} năm {date[:4]}" if date else "Không rõ ngày"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(record)
    for label, members in groups:
        body.heading(2, label)
        body.add(notice_list(members))


def count_table(rows: list[tuple[str, str | None, int]], header: tuple[str, str]) -> str:
    """A two-column table of linked names and counts."""
    return table((esc(header[0]), esc(header[1])),
                 ((link(target, label) if target else esc(label), str(count)) for label, target, count in rows),
                 numeric=(1,))


def count_table_pages(rows: list[tuple[str, str | None, int]], header: tuple[str, str]
                      ) -> Callable[[list, Body], None]:
    return lambda chunk, body: body.add(count_table(chunk, header))


def text_paragraph(text: str) -> str:
    return f"<p>{esc(text)}</p>"


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
    body = Body()
    body.add(text_paragraph(f"{len(records)} văn bản của {len(groups)} trên {len(provinces())} tỉnh, thành phố "
                            "(bản đồ hành chính trước năm 2025)."))
    body.add(count_table(rows, ("Tỉnh, thành phố", "Số văn bản")))
    if empty:  # folded: a list of names, not rows of zeros
        body.add(f"<details class=\"empty-provinces\"><summary>{esc(f'Chưa có văn bản: {len(empty)} tỉnh, thành phố')}"
                 f"</summary><p>{esc(', '.join(empty))}.</p></details>")
    extra = []
    if national:
        yield from paginate("tinh/toan-quoc", "Văn bản trung ương", newest_first(national), by_month)
        extra.append(f"{link('tinh/toan-quoc', 'Văn bản trung ương')}: {len(national)}")
    if unknown:
        yield from paginate("tinh/khong-ro", "Chưa rõ tỉnh", newest_first(unknown), by_month)
        extra.append(f"{link('tinh/khong-ro', 'Chưa rõ tỉnh')}: {len(unknown)}")
    if extra:
        body.add(bullet_list(extra))
    yield Page("tinh/index", "Theo tỉnh, thành phố", body)


def compact_counts(rows: list[tuple[str, str, int]]) -> str:
    """``Xét nghiệm (3) · Truy vết (2)``, each linked: counts that read as one paragraph."""
    return " · ".join(f"{link(target, label)} ({count})" for label, target, count in rows)


def _province_detail(province: dict[str, Any], members: list[NoticeRecord], days: list[ProvinceDay] = (),
                     notice_pages: dict[str, str] | None = None) -> list[Page]:
    base = f"tinh/{province['code']}"
    measure_counts = Counter((m.code, m.label) for r in members for m in r.measures)
    issuers = Counter(r.issuer.name for r in members if r.issuer)
    signers = Counter(r.signer.name for r in members if r.signer and r.signer.name)
    cited = Counter((c.key, c.label) for r in members for c in r.cited_documents)

    def summary(body: Body) -> None:
        body.add(text_paragraph(f"{len(members)} văn bản."))
        if measure_counts:
            body.paragraph(strong("Biện pháp đã ra lệnh") + esc(" (số văn bản; nhấn để xem từng văn bản và câu làm "
                                                                 "bằng chứng): ")
                           + compact_counts([(label, measure_province_link(code, province["code"], province["name"], n),
                                              n) for (code, label), n in measure_counts.most_common()]))
        if issuers:
            body.paragraph(strong("Cơ quan ban hành:") + " " + compact_counts(
                [(name, f"co-quan/{slugify(name)}", n) for name, n in issuers.most_common(20)]))
        if signers:
            body.paragraph(strong("Người ký:") + " " + compact_counts(
                [(name, f"nguoi-ky/{slugify(name)}", n) for name, n in signers.most_common(20)]))
        if cited:
            body.paragraph(strong("Văn bản được dẫn chiếu nhiều nhất:") + " " + compact_counts(
                [(label, f"van-ban-dan-chieu/{key}", n) for (key, label), n in cited.most_common(10)]))
        timeline = province_timeline_section(
            days, lambda notice: page_href((notice_pages or {}).get(notice, "index")), province["name"],
            page_href(METHOD_PAGE), DATASET_LINK)
        if timeline:
            body.heading(2, TIMELINE_HEADING)
            body.add(timeline)
        body.heading(2, "Dòng thời gian")

    return paginate(base, province["name"], members, by_month, summary)


def measure_pages(records: list[NoticeRecord]) -> Iterator[Page]:
    tagged: dict[str, list[tuple[NoticeRecord, MeasureTag]]] = defaultdict(list)
    for record in records:
        for measure in record.measures:
            tagged[measure.code].append((record, measure))
    rows = []
    for measure in measures_taxonomy():
        code = measure["code"]
        members = tagged.get(code, [])
        label = measure.get("label") or measure.get("label_vi") or code
        rows.append((f"{label}" + (f" ({measure['oxcgrt']})" if measure.get("oxcgrt") else ""),
                     topic_page(code), len(members)))
        yield from _measure_detail(measure, label, members)
    body = Body()
    body.add(text_paragraph("Các biện pháp theo bảng mã OxCGRT (C, E, H, V) và các biện pháp riêng của Việt Nam. "
                            "Mỗi gắn thẻ giữ câu làm bằng chứng."))
    body.add(count_table(rows, ("Biện pháp", "Số văn bản")))
    yield Page("chu-de/index", "Theo chủ đề (biện pháp)", body)


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
        return f"{record.doc_type or 'Văn bản'} {record.number.text}"
    return shorten(record.title, 80)


def evidence_line(record: NoticeRecord, tag: MeasureTag) -> str:
    """``Thông báo 12/TB-UBND, 01/09/2020: «…»``: the notice named briefly, linked to the evidence's paragraph.

    Measure pages hold every notice once per measure it orders, so each line stays short.
    """
    first = tag.evidence[0] if tag.evidence else None
    label = short_name(record) + (f", {vn_date(date_of(record))}" if date_of(record) else "")
    quote = f" «{esc(shorten(quoted(first.text), EVIDENCE_LENGTH))}»" if first and first.text else ""
    return f"{link(record.page, label, first.anchor if first else None)}:{quote}" + tag_measures_html(tag)


def _measure_detail(measure: dict[str, Any], label: str, members: list[tuple[NoticeRecord, MeasureTag]]) -> list[Page]:
    """The measure's page (each province with its latest notices) and one page per province.

    Grouping by province keeps every page bounded: at most ``MEASURE_PREVIEW`` notices per
    province here, and the per-province pages are paginated.
    """
    base = topic_page(measure["code"])
    english = measure.get("label_en") or measure.get("english") or ""
    body = Body()
    body.paragraph(strong(label) + (f" — <em>{esc(english)}</em>" if english else ""))
    if measure.get("oxcgrt"):
        body.paragraph("Mã OxCGRT: " + strong(measure["oxcgrt"]) + ".")
    if measure.get("description"):
        body.add(text_paragraph(str(measure["description"])))
    body.add(text_paragraph(f"{len(members)} văn bản, của "
                            f"{len({r.province.code if r.province else None for r, _ in members})} "
                            "tỉnh, thành phố; mỗi văn bản kèm câu làm bằng chứng."))
    evidence = {record.id: tag for record, tag in members}
    by_province: dict[str | None, list[NoticeRecord]] = defaultdict(list)
    for record, _ in members:
        by_province[record.province.code if record.province else None].append(record)

    def evidence_list(records: list[NoticeRecord]) -> str:
        return bullet_list((evidence_line(r, evidence[r.id]) for r in records), "notice-list")

    pages = []
    names = {code: group[0].province.name if group[0].province else "Chưa rõ tỉnh"
             for code, group in by_province.items()}
    for province_code in sorted(by_province, key=lambda c: (c is None, names[c])):
        group = newest_first(by_province[province_code])
        body.heading(2, names[province_code])
        body.add(evidence_list(group[:MEASURE_PREVIEW]))
        if len(group) > MEASURE_PREVIEW:  # only then a page of its own: small groups stay here
            subpage = measure_province_page(measure["code"], province_code)
            count = len(group)
            pages.extend(paginate(
                subpage, f"{label} — {names[province_code]}", group,
                lambda chunk, page_body: page_body.add(evidence_list(chunk)),
                lambda page_body: page_body.paragraph(f"{link(base, '← ' + label)} · {count} văn bản.")))
            body.paragraph(link(subpage, f"Tất cả {count} văn bản của {names[province_code]}"))
    pages.append(Page(base, label, body))
    return pages


def time_pages(records: list[NoticeRecord]) -> Iterator[Page]:
    years: dict[str, list[NoticeRecord]] = defaultdict(list)
    for record in records:
        years[(date_of(record) or "khong-ro")[:4]].append(record)
    rows = []
    for year in sorted(years, reverse=True):
        label = f"Năm {year}" if year != "khon" else "Không rõ ngày"
        key = year if year != "khon" else "khong-ro"
        months = Counter((date_of(r) or "")[:7] for r in years[year])
        rows.append((label, f"thoi-gian/{key}", len(years[year])))
        summary = " · ".join(f"{MONTHS[int(m[5:7])]}: {n}" for m, n in sorted(months.items()) if m)
        yield from paginate(f"thoi-gian/{key}", label, newest_first(years[year]), by_month,
                              lambda body, text=summary: body.add(text_paragraph(text)) if text else None)
    body = Body().add(count_table(rows, ("Năm", "Số văn bản")))
    yield Page("thoi-gian/index", "Theo thời gian", body)


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
        yield from paginate(path, value, newest_first(groups[value]), by_month)
    yield from paginate(f"{folder}/index", title, rows, count_table_pages(rows, (column, "Số văn bản")))


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
    yield from paginate("van-ban-dan-chieu/index", "Văn bản được dẫn chiếu", rows,
                          count_table_pages(rows, ("Văn bản", "Số văn bản dẫn chiếu")))


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
    base = f"van-ban-dan-chieu/{key}"
    shown = {"type": document.type, "number": document.number,
             "date": vn_date(document.date) if document.date else None, "issuer": document.issuer}  # dd/mm/yyyy
    facts = [f"{esc(k)}: {esc(shown[f])}" for k, f in
             (("Loại", "type"), ("Số", "number"), ("Ngày", "date"), ("Cơ quan", "issuer")) if shown.get(f)]
    sentence = {id(pair[0]): pair[1] for pair in members}

    def intro(body: Body) -> None:
        if facts:
            body.paragraph("<br>".join(facts))
        if archived:
            body.paragraph("Văn bản này có trong kho: " + link(archived.page, archived.title) + ".")
        body.add(text_paragraph(f"Được dẫn chiếu bởi {len(members)} văn bản:"))

    def quote(record: NoticeRecord) -> str:
        cite = sentence[id(record)]
        return esc(f"«{shorten(quoted(cite.sentence or cite.text), 160)}»")

    ordered = sorted((pair[0] for pair in members),
                     key=lambda r: (r.province.name if r.province else "~", date_of(r) or "", r.id))
    return paginate(base, document.label, ordered, lambda chunk, body: body.add(notice_list(chunk, quote)), intro)


WIDE = {"hide": ["navigation", "toc"]}


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
    page = "so-sanh/index"

    def header(measure: dict[str, Any]) -> str:
        label = (measure.get("label") or measure["code"]) + (f" ({measure['oxcgrt']})" if measure.get("oxcgrt") else "")
        return f'<a href="{esc(page_href(topic_page(measure["code"])))}"><span class="vertical">{esc(label)}</span></a>'

    rows = []
    for code in sorted(present, key=lambda c: present[c]):
        cells = [link(measure_province_link(m["code"], code, present[code], counts[(code, m["code"])]),
                      str(counts[(code, m["code"])])) if counts.get((code, m["code"])) else "" for m in taxonomy]
        rows.append([link("tinh/" + code, present[code])] + cells)
    body = Body()
    body.paragraph(esc("Mỗi ô là số văn bản của tỉnh có gắn biện pháp đó; nhấn vào ô để xem các văn bản và câu làm "
                       "bằng chứng. So sánh theo thời gian: ") + link("so-sanh/thang", "tỉnh × tháng")
                   + (esc("; theo mức biện pháp (OxCGRT) trong một tháng: ") + link("so-sanh/muc", "tỉnh × chỉ số")
                      if days else "") + ".")
    body.add('<div class="matrix">' + table(["Tỉnh"] + [header(m) for m in taxonomy], rows) + "</div>")
    pages = [Page(page, "So sánh các tỉnh theo biện pháp", body, dict(WIDE))]
    years = sorted({date_of(r)[:4] for r in records if r.province and date_of(r)})
    body = Body()
    body.paragraph(esc("Số văn bản mỗi tháng, mỗi năm một bảng (để trang không lớn lên theo kho): ")
                   + (" · ".join(link("so-sanh/thang-" + year, f"Năm {year}") for year in years)
                      or esc("chưa có văn bản có ngày.")))
    pages.append(Page("so-sanh/thang", "So sánh các tỉnh theo tháng", body))
    for year in years:
        path = f"so-sanh/thang-{year}"
        body = Body()
        body.paragraph(esc(f"Số văn bản mỗi tháng năm {year}; nhấn vào ô để đến tháng đó trên trang của tỉnh. ")
                       + link("so-sanh/thang", "Các năm khác") + " · " + link(page, "Tỉnh × biện pháp") + ".")
        body.add('<div class="matrix">' + _month_matrix(records, year) + "</div>")
        pages.append(Page(path, f"So sánh các tỉnh theo tháng, năm {year}", body, dict(WIDE)))
    notice_pages = {record.id: record.page for record in records}
    for path, title, html in comparison_pages(days or [], page_href, lambda code: "tinh/" + code,
                                              lambda notice: notice_pages.get(notice, "index")):
        pages.append(Page(path, title, Body().add(html), dict(WIDE)))
    return pages


def paginated_path(base: str, index: int) -> str:
    """The page of a paginated list that holds entry number ``index``."""
    number = index // PAGE_SIZE + 1
    return base if number == 1 else f"{base}-trang-{number}"


def _month_matrix(records: list[NoticeRecord], year: str) -> str:
    """Provinces × months; each cell links to that month on the province's timeline page."""
    groups: dict[str, list[NoticeRecord]] = defaultdict(list)
    names = {}
    for record in records:
        if record.province and date_of(record):
            groups[record.province.code].append(record)
            names[record.province.code] = record.province.name
    months = sorted({date_of(r)[:7] for group in groups.values() for r in group if date_of(r).startswith(year)})
    if not months:
        return text_paragraph("Chưa có văn bản có ngày.")
    rows = []
    for code in sorted(groups, key=lambda c: names[c]):
        timeline = newest_first(groups[code])  # the whole timeline: its pagination decides the page
        first_index: dict[str, int] = {}
        counts: Counter = Counter()
        for index, record in enumerate(timeline):
            month = date_of(record)[:7]
            first_index.setdefault(month, index)
            counts[month] += 1
        rows.append([esc(names[code])] + [
            link(paginated_path("tinh/" + code, first_index[m]), str(counts[m]), month_anchor(m))
            if counts.get(m) else "" for m in months])
    return table(["Tỉnh"] + [f"{m[5:7]}/{m[:4]}" for m in months], rows, numeric=range(1, len(months) + 1))


def home_page(records: list[NoticeRecord], rejected: int, day: str | None = None) -> Page:
    provinces_with = {r.province.code for r in records if r.province}
    measures_with = {m.code for r in records for m in r.measures}
    latest = newest_first(records)[:10]
    body = Body()
    if day:
        body.add(text_paragraph(f"Ấn bản ngày {vn_date(day)} · {len(records)} văn bản."))
    body.add(text_paragraph("Kho lưu trữ công khai các thông báo, kết luận, chỉ thị và công điện về phòng, chống dịch "
                            "COVID-19 của các tỉnh, thành phố Việt Nam (2020–2022): văn bản đã làm sạch, có siêu dữ "
                            "liệu, tìm kiếm được không cần mạng và có liên kết cố định để trích dẫn."))
    body.add(table(["Số liệu", ""], [["Văn bản", strong(str(len(records)))],
                                     ["Tỉnh, thành phố có văn bản", f"{len(provinces_with)} / {len(provinces())}"],
                                     ["Biện pháp được gắn thẻ", str(len(measures_with))]], numeric=(1,)))
    body.heading(2, "Tra cứu")
    body.add(bullet_list([link(target, label) for label, target in (
        ("Theo tỉnh, thành phố", "tinh/index"), ("Theo chủ đề (biện pháp)", "chu-de/index"),
        ("So sánh các tỉnh", "so-sanh/index"), ("Theo thời gian", "thoi-gian/index"),
        ("Theo loại văn bản", "loai/index"), ("Theo cơ quan ban hành", "co-quan/index"),
        ("Theo người ký", "nguoi-ky/index"), ("Văn bản được dẫn chiếu", "van-ban-dan-chieu/index"))]
        + ['Bộ dữ liệu: <a href="@file/data/notices.json">notices.json</a> · '
           '<a href="@file/data/notices.csv">notices.csv</a> · '
           f'mức biện pháp theo tỉnh và ngày (OxCGRT): <a href="{DATASET_LINK}">oxcgrt-provinces.csv</a> '
           f'({link(METHOD_PAGE, "cách tính")})']))
    body.heading(2, "Mới nhất")
    body.add(notice_list(latest))
    return Page("index", "Kho văn bản phòng, chống dịch COVID-19 cấp tỉnh", body)


def all_index_pages(records: list[NoticeRecord], rejected: int = 0, day: str | None = None) -> Iterator[Page]:
    """Every index page, made one facet at a time so they can be written as they come."""
    yield home_page(records, rejected, day)
    days = days_from_records(records)  # each indicator's OxCGRT level per province and day
    yield from province_pages(records, by_province(days))
    yield from measure_pages(records)
    yield from time_pages(records)
    for facet in load_yaml("site.yml")["facets"]:
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


def related_sections(records: list[NoticeRecord]) -> dict[str, Body]:
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
        groups = []
        earlier, later = neighbours.get(record.id, (None, None))
        if earlier or later:
            lines = ([f"Trước: {notice_line(earlier)}"] if earlier else []) + \
                    ([f"Sau: {notice_line(later)}"] if later else [])
            groups.append(("Cùng tỉnh", bullet_list(lines, "notice-list")))
        in_archive = [archive[d.key] for d in record.cited_documents if d.key in archive
                      and archive[d.key].id != record.id]
        if in_archive:
            groups.append(("Văn bản được dẫn chiếu có trong kho", notice_list(in_archive[:RELATED_LIMIT])))
        same: list[NoticeRecord] = []
        for document in record.cited_documents:
            same.extend(r for r in citing[document.key] if r.id != record.id and r not in same)
        if same:
            groups.append(("Cùng dẫn chiếu văn bản", notice_list(same[:RELATED_LIMIT])))
        if groups:
            body = Body()
            body.heading(2, "Văn bản liên quan")
            for title, html_list in groups:
                body.heading(3, title)
                body.add(html_list)
            sections[record.id] = body
    return sections
