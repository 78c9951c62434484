"""Index stage: cross-linked pages by province, theme, time, type, issuer, signer and citation.

Every page is made from the dataset records only (the same data as
``site/data/notices.json``), and every list is grouped or paginated so that no
page grows with the size of the archive beyond ``PAGE_SIZE`` entries.
"""
from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .data_files import load_yaml
from .render import md_link, vn_date
from .text import escape_markdown, slugify, toc_slug

PAGE_SIZE = 200
RELATED_LIMIT = 5
MONTHS = ["", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
          "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]

Record = dict[str, Any]


@dataclass
class Page:
    path: str  # docs path without ".md"
    title: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        extra = "".join(f"{key}: {_yaml_string(value)}\n" for key, value in self.meta.items())
        return f"---\ntitle: {_yaml_string(self.title)}\n{extra}---\n\n# {escape_markdown(self.title)}\n\n{self.body}\n"


def _yaml_string(value: Any) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML) whatever the text holds."""
    return json.dumps(value, ensure_ascii=False)


# --- vocabularies ------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def provinces() -> list[dict[str, Any]]:
    data = load_yaml("provinces.yml")
    return data["provinces"] if isinstance(data, dict) else data


@functools.lru_cache(maxsize=None)
def measures_taxonomy() -> list[dict[str, Any]]:
    data = load_yaml("measures.yml")
    return data["measures"] if isinstance(data, dict) else data


def date_of(record: Record) -> str | None:
    return record.get("issued_date") or record.get("meeting_date")


def newest_first(records: Iterable[Record]) -> list[Record]:
    """Newest first; undated notices last, each group in a stable order."""
    dated = sorted((r for r in records if date_of(r)), key=lambda r: (date_of(r), r["id"]), reverse=True)
    undated = sorted((r for r in records if not date_of(r)), key=lambda r: r["id"])
    return dated + undated


# --- lines and lists -------------------------------------------------------------


def notice_line(record: Record, from_page: str, extra: str = "") -> str:
    """``- [Title](link) — Quảng Ninh · 17/01/2022 · 2927-TB/TU``"""
    facts = [record["province"]["name"] if record.get("province") else
             ("Trung ương" if record.get("scope") == "national" else None),
             vn_date(date_of(record)) if date_of(record) else None,
             record["number"]["text"] if record.get("number") else None,
             record.get("doc_type")]
    facts_text = " · ".join(escape_markdown(f) for f in facts if f)
    line = f"- [{escape_markdown(record['title'])}]({md_link(from_page, record['page'])}) — {facts_text}"
    return line + (f"  \n  {extra}" if extra else "")


def paginate(base: str, title: str, records: list[Record], render: Callable[[list[Record], str], str],
             intro: str = "") -> list[Page]:
    """Split a long list into pages of ``PAGE_SIZE`` with links between them."""
    chunks = [records[i:i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]
    paths = [base] + [f"{base}-trang-{n}" for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (chunk, path) in enumerate(zip(chunks, paths), start=1):
        pager = ""
        if len(chunks) > 1:
            links = [f"[{n}]({md_link(path, p)})" if p != path else f"**{n}**"
                     for n, p in enumerate(paths, start=1)]
            pager = "Trang: " + " · ".join(links) + "\n\n"
        heading = title if number == 1 else f"{title} (trang {number})"
        pages.append(Page(path, heading, (intro if number == 1 else "") + pager + render(chunk, path) + "\n\n" + pager))
    return pages


def month_anchor(month: str) -> str:
    """Heading id of a month on timeline pages ("2021-08" → "thang-8-nam-2021")."""
    return toc_slug(f"{MONTHS[int(month[5:7])]} năm {month[:4]}")


def by_month(records: list[Record], page: str) -> str:
    """A timeline: newest month first, one heading per month."""
    lines, current = [], None
    for record in records:
        date = date_of(record)
        month = date[:7] if date else "không rõ"
        if month != current:
            current = month
            label = f"{MONTHS[int(month[5:7])]} năm {month[:4]}" if date else "Không rõ ngày"
            lines.append(f"\n## {label}\n")
        lines.append(notice_line(record, page))
    return "\n".join(lines)


def plain_list(records: list[Record], page: str) -> str:
    return "\n".join(notice_line(r, page) for r in records)


def count_table(rows: list[tuple[str, str, int]], from_page: str, header: tuple[str, str]) -> str:
    """A two-column table of linked names and counts."""
    out = [f"| {header[0]} | {header[1]} |", "|---|---:|"]
    for label, target, count in rows:
        name = f"[{escape_markdown(label)}]({md_link(from_page, target)})" if target else escape_markdown(label)
        out.append(f"| {name} | {count} |")
    return "\n".join(out)


# --- pages -----------------------------------------------------------------------


def province_pages(records: list[Record]) -> list[Page]:
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.get("province"):
            groups[record["province"]["code"]].append(record)
    pages = []
    rows = []
    for province in provinces():
        code = province["code"]
        members = groups.get(code, [])
        rows.append((province["name"], f"tinh/{code}" if members else None, len(members)))
        if members:
            pages.extend(_province_detail(province, newest_first(members)))
    national = [r for r in records if r.get("scope") == "national"]
    unknown = [r for r in records if not r.get("province") and r.get("scope") != "national"]
    intro = (f"{len(records)} văn bản của {len(groups)} trên {len(provinces())} tỉnh, thành phố "
             "(bản đồ hành chính trước năm 2025).\n\n")
    extra = []
    if national:
        pages.extend(paginate("tinh/toan-quoc", "Văn bản trung ương", newest_first(national), by_month))
        extra.append(f"- [Văn bản trung ương]({md_link('tinh/index', 'tinh/toan-quoc')}): {len(national)}")
    if unknown:
        pages.extend(paginate("tinh/khong-ro", "Chưa rõ tỉnh", newest_first(unknown), by_month))
        extra.append(f"- [Chưa rõ tỉnh]({md_link('tinh/index', 'tinh/khong-ro')}): {len(unknown)}")
    body = intro + count_table(rows, "tinh/index", ("Tỉnh, thành phố", "Số văn bản")) + "\n\n" + "\n".join(extra)
    pages.append(Page("tinh/index", "Theo tỉnh, thành phố", body))
    return pages


def compact_counts(rows: list[tuple[str, str, int]], from_page: str) -> str:
    """``[Xét nghiệm](…) (3) · [Truy vết](…) (2)``: counts that read as one paragraph."""
    return " · ".join(f"[{escape_markdown(label)}]({md_link(from_page, target)}) ({count})"
                      for label, target, count in rows)


def _province_detail(province: dict[str, Any], members: list[Record]) -> list[Page]:
    base = f"tinh/{province['code']}"
    measure_counts = Counter((m["code"], m["label"]) for r in members for m in r.get("measures", []))
    issuers = Counter(r["issuer"]["name"] for r in members if r.get("issuer"))
    signers = Counter(r["signer"]["name"] for r in members if r.get("signer") and r["signer"].get("name"))
    cited = Counter((c["key"], c["label"]) for r in members for c in r.get("cited_documents", []))
    summary = [f"{len(members)} văn bản."]
    if measure_counts:
        summary.append("**Biện pháp đã ra lệnh** (số văn bản; nhấn để xem từng văn bản và câu làm bằng chứng): "
                       + compact_counts([(label, measure_province_link(code, province["code"], province["name"], n), n)
                                         for (code, label), n in measure_counts.most_common()], base))
    if issuers:
        summary.append("**Cơ quan ban hành:** " + compact_counts(
            [(name, f"co-quan/{slugify(name)}", n) for name, n in issuers.most_common(20)], base))
    if signers:
        summary.append("**Người ký:** " + compact_counts(
            [(name, f"nguoi-ky/{slugify(name)}", n) for name, n in signers.most_common(20)], base))
    if cited:
        summary.append("**Văn bản được dẫn chiếu nhiều nhất:** " + compact_counts(
            [(label, f"van-ban-dan-chieu/{key}", n) for (key, label), n in cited.most_common(10)], base))
    summary.append("## Dòng thời gian")
    return paginate(base, province["name"], members, by_month, "\n\n".join(summary) + "\n")


def measure_pages(records: list[Record]) -> list[Page]:
    tagged: dict[str, list[tuple[Record, dict[str, Any]]]] = defaultdict(list)
    for record in records:
        for measure in record.get("measures", []):
            tagged[measure["code"]].append((record, measure))
    pages, rows = [], []
    for measure in measures_taxonomy():
        code = measure["code"]
        members = tagged.get(code, [])
        label = measure.get("label") or measure.get("label_vi") or code
        rows.append((f"{label}" + (f" ({measure['oxcgrt']})" if measure.get("oxcgrt") else ""),
                     f"chu-de/{code}", len(members)))
        pages.extend(_measure_detail(measure, label, members))
    body = ("Các biện pháp theo bảng mã OxCGRT (C, E, H, V) và các biện pháp riêng của Việt Nam. "
            "Mỗi gắn thẻ giữ câu làm bằng chứng.\n\n" + count_table(rows, "chu-de/index", ("Biện pháp", "Số văn bản")))
    pages.append(Page("chu-de/index", "Theo chủ đề (biện pháp)", body))
    return pages


MEASURE_PREVIEW = 3  # notices shown per province on a measure's page; the rest on the province subpage


def measure_province_page(code: str, province_code: str | None) -> str:
    """Page listing every notice of one province tagged with one measure (made when they are many)."""
    return f"chu-de/{code}/{province_code or 'khong-ro'}"


def measure_province_link(code: str, province_code: str | None, province_name: str, count: int) -> str:
    """Where a province's notices for a measure are listed: its own page, or its section of the measure page."""
    if count > MEASURE_PREVIEW:
        return measure_province_page(code, province_code)
    return f"chu-de/{code}#{toc_slug(province_name)}"


def _measure_detail(measure: dict[str, Any], label: str, members: list[tuple[Record, dict[str, Any]]]) -> list[Page]:
    """The measure's page (each province with its latest notices) and one page per province.

    Grouping by province keeps every page bounded: at most ``MEASURE_PREVIEW`` notices per
    province here, and the per-province pages are paginated.
    """
    base = f"chu-de/{measure['code']}"
    english = measure.get("label_en") or measure.get("english") or ""
    intro = [f"**{escape_markdown(label)}**" + (f" — *{escape_markdown(english)}*" if english else "")]
    if measure.get("oxcgrt"):
        intro.append(f"Mã OxCGRT: **{escape_markdown(measure['oxcgrt'])}**.")
    if measure.get("description"):
        intro.append(escape_markdown(str(measure["description"])))
    intro.append(f"{len(members)} văn bản, của {len({(r.get('province') or {}).get('code') for r, _ in members})} "
                 "tỉnh, thành phố; mỗi văn bản kèm câu làm bằng chứng.")
    evidence = {record["id"]: tag for record, tag in members}
    by_province: dict[str | None, list[Record]] = defaultdict(list)
    for record, _ in members:
        by_province[(record.get("province") or {}).get("code")].append(record)

    def evidence_line(record: Record, page: str) -> str:
        first = (evidence[record["id"]].get("evidence") or [{}])[0]
        quote = ""
        if first.get("text"):
            target = md_link(page, record["page"]) + (f"#{first['anchor']}" if first.get("anchor") else "")
            quote = f"[«{escape_markdown(_shorten(first['text'], 160))}»]({target})"
        return notice_line(record, page, quote)

    pages, sections = [], []
    names = {code: (group[0].get("province") or {}).get("name", "Chưa rõ tỉnh") for code, group in by_province.items()}
    for province_code in sorted(by_province, key=lambda c: (c is None, names[c])):
        group = newest_first(by_province[province_code])
        lines = [f"## {escape_markdown(names[province_code])}\n"]
        lines.extend(evidence_line(r, base) for r in group[:MEASURE_PREVIEW])
        if len(group) > MEASURE_PREVIEW:  # only then a page of its own: small groups stay here
            subpage = measure_province_page(measure["code"], province_code)
            title = f"{label} — {names[province_code]}"
            pages.extend(paginate(subpage, title, group,
                                  lambda chunk, page: "\n".join(evidence_line(r, page) for r in chunk),
                                  f"[← {escape_markdown(label)}]({md_link(subpage, base)}) · {len(group)} văn bản.\n\n"))
            lines.append(f"\n[Tất cả {len(group)} văn bản của {escape_markdown(names[province_code])}]"
                         f"({md_link(base, subpage)})\n")
        sections.append("\n".join(lines))
    pages.append(Page(base, label, "\n\n".join(intro) + "\n\n" + "\n".join(sections)))
    return pages


def _shorten(text: str, limit: int = 220) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def time_pages(records: list[Record]) -> list[Page]:
    years: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        years[(date_of(record) or "khong-ro")[:4]].append(record)
    pages, rows = [], []
    for year in sorted(years, reverse=True):
        label = f"Năm {year}" if year != "khon" else "Không rõ ngày"
        key = year if year != "khon" else "khong-ro"
        months = Counter((date_of(r) or "")[:7] for r in years[year])
        rows.append((label, f"thoi-gian/{key}", len(years[year])))
        intro = " · ".join(f"{MONTHS[int(m[5:7])]}: {n}" for m, n in sorted(months.items()) if m) + "\n\n"
        pages.extend(paginate(f"thoi-gian/{key}", label, newest_first(years[year]), by_month, intro))
    pages.append(Page("thoi-gian/index", "Theo thời gian",
                      count_table(rows, "thoi-gian/index", ("Năm", "Số văn bản"))))
    return pages


def grouped_pages(records: list[Record], folder: str, title: str, key: Callable[[Record], str | None],
                  column: str) -> list[Page]:
    """Pages for one facet (document type, issuer, signer): an index and one page per value."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        value = key(record)
        if value:
            groups[value].append(record)
    pages, rows = [], []
    for value in sorted(groups, key=lambda v: (-len(groups[v]), v)):
        path = f"{folder}/{slugify(value)}"
        rows.append((value, path, len(groups[value])))
        pages.extend(paginate(path, value, newest_first(groups[value]), by_month))
    pages.extend(paginate(f"{folder}/index", title, rows,
                          lambda chunk, page: count_table(chunk, page, (column, "Số văn bản"))))
    return pages


def cited_pages(records: list[Record]) -> list[Page]:
    """One page per cited document, listing every notice that cites it, with the citing sentence."""
    citing: dict[str, list[tuple[Record, dict[str, Any]]]] = defaultdict(list)
    labels: dict[str, dict[str, Any]] = {}
    for record in records:
        first_mention: dict[str, dict[str, Any]] = {}
        for cite in record.get("cites", []):
            first_mention.setdefault(cite["key"], cite)
        for document in record.get("cited_documents", []):
            labels.setdefault(document["key"], document)
            citing[document["key"]].append((record, first_mention[document["key"]]))
    in_archive = _archive_lookup(records)
    pages, rows = [], []
    for key in sorted(citing, key=lambda k: (-len(citing[k]), k)):
        document = labels[key]
        rows.append((document["label"], f"van-ban-dan-chieu/{key}", len(citing[key])))
        pages.extend(_cited_detail(key, document, citing[key], in_archive.get(key)))
    pages.extend(paginate("van-ban-dan-chieu/index", "Văn bản được dẫn chiếu", rows,
                          lambda chunk, page: count_table(chunk, page, ("Văn bản", "Số văn bản dẫn chiếu"))))
    return pages


def _archive_lookup(records: list[Record]) -> dict[str, Record]:
    """Cited-document keys that are themselves notices in the archive."""
    from .extract import citation_key_for  # the extract stage owns the key scheme

    lookup = {}
    for record in records:
        key = citation_key_for(record)
        if key:
            lookup[key] = record
    return lookup


def _cited_detail(key: str, document: dict[str, Any], members: list[tuple[Record, dict[str, Any]]],
                  archived: Record | None) -> list[Page]:
    base = f"van-ban-dan-chieu/{key}"
    facts = [f"{escape_markdown(k)}: {escape_markdown(str(document[f]))}" for k, f in
             (("Loại", "type"), ("Số", "number"), ("Ngày", "date"), ("Cơ quan", "issuer")) if document.get(f)]
    intro = "  \n".join(facts) + "\n\n"
    if archived:
        intro += f"Văn bản này có trong kho: [{escape_markdown(archived['title'])}]({md_link(base, archived['page'])}).\n\n"
    intro += f"Được dẫn chiếu bởi {len(members)} văn bản:\n\n"
    sentence = {id(pair[0]): pair[1] for pair in members}

    def render(chunk: list[Record], page: str) -> str:
        lines = []
        for record in chunk:
            cite = sentence[id(record)]
            quote = f"«{escape_markdown(_shorten(cite.get('sentence') or cite['text']))}»"
            lines.append(notice_line(record, page, quote))
        return "\n".join(lines)

    ordered = sorted((pair[0] for pair in members),
                     key=lambda r: ((r.get("province") or {}).get("name", "~"), date_of(r) or "", r["id"]))
    return paginate(base, document["label"], ordered, render, intro)


def matrix_page(records: list[Record]) -> list[Page]:
    """Provinces × measures: each cell counts notices and links to them on the measure's page."""
    counts: dict[tuple[str, str], int] = Counter()
    present = {}
    for record in records:
        if not record.get("province"):
            continue
        present[record["province"]["code"]] = record["province"]["name"]
        for measure in {m["code"] for m in record.get("measures", [])}:
            counts[(record["province"]["code"], measure)] += 1
    taxonomy = [m for m in measures_taxonomy() if any(counts.get((p, m["code"])) for p in present)]
    page = "so-sanh/index"

    def header(measure: dict[str, Any]) -> str:
        label = measure.get("label") or measure["code"]
        code = f" ({measure['oxcgrt']})" if measure.get("oxcgrt") else ""
        return f'[<span class="vertical">{escape_markdown(label + code)}</span>]({md_link(page, "chu-de/" + measure["code"])})'

    lines = ["| Tỉnh | " + " | ".join(header(m) for m in taxonomy) + " |", "|---|" + ":-:|" * len(taxonomy)]
    for code in sorted(present, key=lambda c: present[c]):
        cells = [f"[{counts[(code, m['code'])]}]"
                 f"({md_link(page, measure_province_link(m['code'], code, present[code], counts[(code, m['code'])]))})"
                 if counts.get((code, m["code"])) else "" for m in taxonomy]
        lines.append(f"| [{escape_markdown(present[code])}]({md_link(page, 'tinh/' + code)}) | "
                     + " | ".join(cells) + " |")
    body = ("Mỗi ô là số văn bản của tỉnh có gắn biện pháp đó; nhấn vào ô để xem các văn bản và câu làm bằng "
            f"chứng. So sánh theo thời gian: [tỉnh × tháng]({md_link(page, 'so-sanh/thang')}).\n\n"
            + '<div class="matrix" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>\n")
    wide = {"hide": ["navigation", "toc"]}
    pages = [Page(page, "So sánh các tỉnh theo biện pháp", body, wide)]
    years = sorted({date_of(r)[:4] for r in records if r.get("province") and date_of(r)})
    links = " · ".join(f"[Năm {year}]({md_link('so-sanh/thang', 'so-sanh/thang-' + year)})" for year in years)
    pages.append(Page("so-sanh/thang", "So sánh các tỉnh theo tháng",
                      "Số văn bản mỗi tháng, mỗi năm một bảng (để trang không lớn lên theo kho): "
                      + (links or "chưa có văn bản có ngày.") + "\n"))
    for year in years:
        path = f"so-sanh/thang-{year}"
        body = (f"Số văn bản mỗi tháng năm {year}; nhấn vào ô để đến tháng đó trên trang của tỉnh. "
                f"[Các năm khác]({md_link(path, 'so-sanh/thang')}) · [Tỉnh × biện pháp]({md_link(path, page)}).\n\n"
                + '<div class="matrix" markdown="1">\n\n' + _month_matrix(records, path, year) + "\n\n</div>\n")
        pages.append(Page(path, f"So sánh các tỉnh theo tháng, năm {year}", body, wide))
    return pages


def paginated_path(base: str, index: int) -> str:
    """The page of a paginated list that holds entry number ``index``."""
    number = index // PAGE_SIZE + 1
    return base if number == 1 else f"{base}-trang-{number}"


def _month_matrix(records: list[Record], page: str, year: str) -> str:
    """Provinces × months; each cell links to that month on the province's timeline page."""
    groups: dict[str, list[Record]] = defaultdict(list)
    names = {}
    for record in records:
        if record.get("province") and date_of(record):
            groups[record["province"]["code"]].append(record)
            names[record["province"]["code"]] = record["province"]["name"]
    months = sorted({date_of(r)[:7] for group in groups.values() for r in group if date_of(r).startswith(year)})
    if not months:
        return "Chưa có văn bản có ngày."
    lines = ["| Tỉnh | " + " | ".join(f"{m[5:7]}/{m[:4]}" for m in months) + " |", "|---|" + "---:|" * len(months)]
    for code in sorted(groups, key=lambda c: names[c]):
        timeline = newest_first(groups[code])  # the whole timeline: its pagination decides the page
        first_index: dict[str, int] = {}
        counts: Counter = Counter()
        for index, record in enumerate(timeline):
            month = date_of(record)[:7]
            first_index.setdefault(month, index)
            counts[month] += 1
        cells = [f"[{counts[m]}]({md_link(page, paginated_path('tinh/' + code, first_index[m]))}"
                 f"#{month_anchor(m)})" if counts.get(m) else "" for m in months]
        lines.append(f"| {escape_markdown(names[code])} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def home_page(records: list[Record], rejected: int, day: str | None = None) -> Page:
    provinces_with = {r["province"]["code"] for r in records if r.get("province")}
    measures_with = {m["code"] for r in records for m in r.get("measures", [])}
    latest = newest_first(records)[:10]
    edition = f"Ấn bản ngày {vn_date(day)} · {len(records)} văn bản.\n\n" if day else ""
    body = edition + f"""Kho lưu trữ công khai các thông báo, kết luận, chỉ thị và công điện về phòng, chống dịch COVID-19
của các tỉnh, thành phố Việt Nam (2020–2022): văn bản đã làm sạch, có siêu dữ liệu, tìm kiếm được
không cần mạng và có liên kết cố định để trích dẫn.

| Số liệu | |
|---|---:|
| Văn bản | **{len(records)}** |
| Tỉnh, thành phố có văn bản | {len(provinces_with)} / {len(provinces())} |
| Biện pháp được gắn thẻ | {len(measures_with)} |

## Tra cứu

- [Theo tỉnh, thành phố]({md_link('index', 'tinh/index')})
- [Theo chủ đề (biện pháp)]({md_link('index', 'chu-de/index')})
- [So sánh các tỉnh]({md_link('index', 'so-sanh/index')})
- [Theo thời gian]({md_link('index', 'thoi-gian/index')})
- [Theo loại văn bản]({md_link('index', 'loai/index')})
- [Theo cơ quan ban hành]({md_link('index', 'co-quan/index')})
- [Theo người ký]({md_link('index', 'nguoi-ky/index')})
- [Văn bản được dẫn chiếu]({md_link('index', 'van-ban-dan-chieu/index')})
- Bộ dữ liệu: <a href="data/notices.json">notices.json</a> · <a href="data/notices.csv">notices.csv</a>

## Mới nhất

{plain_list(latest, 'index')}
"""
    return Page("index", "Kho văn bản phòng, chống dịch COVID-19 cấp tỉnh", body)


def all_index_pages(records: list[Record], rejected: int = 0, day: str | None = None) -> list[Page]:
    pages = [home_page(records, rejected, day)]
    pages += province_pages(records)
    pages += measure_pages(records)
    pages += time_pages(records)
    pages += grouped_pages(records, "loai", "Theo loại văn bản", lambda r: r.get("doc_type"), "Loại")
    pages += grouped_pages(records, "co-quan", "Theo cơ quan ban hành",
                           lambda r: (r.get("issuer") or {}).get("name"), "Cơ quan")
    pages += grouped_pages(records, "nguoi-ky", "Theo người ký",
                           lambda r: (r.get("signer") or {}).get("name"), "Người ký")
    pages += cited_pages(records)
    pages += matrix_page(records)
    return pages


def write_pages(pages: Iterable[Page], docs_dir: Path) -> int:
    count = 0
    for page in pages:
        target = docs_dir / (page.path + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text(), encoding="utf-8")
        count += 1
    return count


# --- related notices on a notice page ----------------------------------------------


def related_sections(records: list[Record]) -> dict[str, str]:
    """For each notice: earlier and later notices of its province, notices citing the same documents.

    Bounded per notice (``RELATED_LIMIT`` per list), so the cost is linear in the archive.
    """
    by_province: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.get("province"):
            by_province[record["province"]["code"]].append(record)
    neighbours: dict[str, tuple[Record | None, Record | None]] = {}
    for members in by_province.values():
        ordered = list(reversed(newest_first(members)))
        for index, record in enumerate(ordered):
            neighbours[record["id"]] = (ordered[index - 1] if index > 0 else None,
                                        ordered[index + 1] if index + 1 < len(ordered) else None)
    citing: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        for document in record.get("cited_documents", []):
            if len(citing[document["key"]]) < RELATED_LIMIT + 1:
                citing[document["key"]].append(record)
    archive = _archive_lookup(records)
    sections = {}
    for record in records:
        page = record["page"]
        lines = []
        earlier, later = neighbours.get(record["id"], (None, None))
        if earlier or later:
            lines.append("### Cùng tỉnh\n")
            if earlier:
                lines.append(notice_line(earlier, page).replace("- ", "- Trước: ", 1))
            if later:
                lines.append(notice_line(later, page).replace("- ", "- Sau: ", 1))
        in_archive = [archive[d["key"]] for d in record.get("cited_documents", []) if d["key"] in archive
                      and archive[d["key"]]["id"] != record["id"]]
        if in_archive:
            lines.append("\n### Văn bản được dẫn chiếu có trong kho\n")
            lines.extend(notice_line(r, page) for r in in_archive[:RELATED_LIMIT])
        same = []
        for document in record.get("cited_documents", []):
            same.extend(r for r in citing[document["key"]] if r["id"] != record["id"] and r not in same)
        if same:
            lines.append("\n### Cùng dẫn chiếu văn bản\n")
            lines.extend(notice_line(r, page) for r in same[:RELATED_LIMIT])
        sections[record["id"]] = ("## Văn bản liên quan\n\n" + "\n".join(lines)) if lines else ""
    return sections
