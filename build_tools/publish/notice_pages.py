"""Render stage: Notice → dataset record and Markdown page with YAML front matter.

The record (``notice_record``, a ``records.NoticeRecord``) is the single source for the
page, the index pages and ``site/data/notices.json``, so counts and lists never disagree.
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

import yaml
from markupsafe import Markup

from . import citation, sources, templates
from ..data_files import load_yaml
from ..model import Citation, CleanDocument, Notice, NoticeHead, OcrQuality
from ..text import escape_markdown, escape_with_bold, marked_pieces
from .records import CitationTexts, CitedDocument, NoticeRecord, OcrQualityRecord, SourceRecord
from .scan_images import scan_files, scan_record

UNKNOWN = load_yaml("site.yml")["unknown"]


# --- URLs ----------------------------------------------------------------------


def page_url(page: str, directory_urls: bool) -> str:
    """Site URL of a docs page given without suffix (``tinh/index`` → ``tinh/`` or ``tinh/index.html``)."""
    if directory_urls:
        if page == "index" or page.endswith("/index"):
            return page[: -len("index")]
        return page + "/"
    return page + ".html"


def relative_url(from_page: str, to_url: str, directory_urls: bool) -> str:
    """Link from one page to a site URL, relative so the site works from any folder."""
    current = page_url(from_page, directory_urls)
    base = current if current.endswith("/") else posixpath.dirname(current) + "/"
    target = to_url or "./"
    relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if to_url.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if directory_urls and relative == "./":
        return "./"
    return relative


def relative_path(from_dir: str, to_path: str) -> str:
    """``posixpath.relpath`` for clean relative paths, without its per-call filesystem-style work."""
    source = [part for part in from_dir.split("/") if part and part != "."]
    target = to_path.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def md_link(from_page: str, to_page: str) -> str:
    """A Markdown link target to another docs page, ``#anchor`` allowed (MkDocs resolves and checks it)."""
    page, _, fragment = to_page.partition("#")
    return relative_path(posixpath.dirname(from_page), page + ".md") + (f"#{fragment}" if fragment else "")


# --- the dataset record ----------------------------------------------------------


def notice_record(notice: NoticeHead, page: str, site_url: str = "", day: str = "1970-01-01",
                  complete: bool = True) -> NoticeRecord:
    """Everything known about a notice, as one typed record.

    ``complete=False`` leaves out what only the notice's own page and files need (the clue
    behind each field, the citation texts): the building process holds every record at once,
    and ``complete_record`` adds them back in the worker that writes the notice.
    """
    meta, summary, source = notice.meta, notice.summary, notice.source
    record = NoticeRecord(
        id=notice.id, page=page, title=meta.title or default_title(notice),
        doc_type=meta.doc_type, doc_type_code=meta.doc_type_code, number=meta.number, issuer=meta.issuer,
        scope=meta.scope, province=meta.province, issued_date=meta.issued_date, meeting_date=meta.meeting_date,
        signer=meta.signer, chairs=tuple(meta.chairs), recipients=tuple(meta.recipients), cites=tuple(meta.cites),
        deadlines=tuple(meta.deadlines), places=tuple(meta.places), measures=tuple(meta.measures),
        overridden=dict(meta.overridden), cited_documents=cited_documents(meta.cites),
        source=SourceRecord(source.name, source.sha256, source.size, source.format, source.encoding),
        aliases=tuple(notice.aliases), provenance=meta.provenance, copies=tuple(notice.copies),
        unknown_fields=tuple(notice.unknown_fields),
        ocr_quality=ocr_quality_record(summary.ocr_quality), ocr_repairs=summary.ocr_repairs, words=summary.words,
        description=summary.description)
    if complete:
        record = with_citation(replace(record, clues=dict(meta.clues)), site_url, day)
        if isinstance(notice, Notice):
            record = replace(record, scan=scan_record(notice))
    return record


def complete_record(record: NoticeRecord, notice: Notice, site_url: str, day: str) -> NoticeRecord:
    """A record made with ``complete=False``, with its clues and citation texts added."""
    if record.citation is not None:
        return record
    return with_citation(replace(record, clues=dict(notice.meta.clues), scan=scan_record(notice)), site_url, day)


def with_citation(record: NoticeRecord, site_url: str, day: str) -> NoticeRecord:
    return replace(record, citation=citation_block(record, site_url, day))


def ocr_quality_record(quality: OcrQuality | None) -> OcrQualityRecord | None:
    if quality is None:
        return None
    return OcrQualityRecord(quality.words, quality.suspicious_before, quality.suspicious_after, quality.before,
                            quality.after)


def cited_documents(cites: Iterable[Citation]) -> tuple[CitedDocument, ...]:
    """One entry per cited document (its first, full mention), in order of first mention."""
    seen: dict[str, CitedDocument] = {}
    for cite in cites:
        if cite.key not in seen:
            seen[cite.key] = CitedDocument(cite.key, citation_label(cite), cite.type, cite.number, cite.date,
                                           cite.issuer)
    return tuple(seen.values())


def citation_label(cite: Citation) -> str:
    words = templates.SITE["cited"]
    parts = [cite.type or templates.SITE["document"]]
    if cite.number:
        parts.append(cite.number)
    elif cite.date:
        parts.append(words["date"].format(date=vn_date(cite.date)))
    if cite.issuer and not cite.number:
        parts.append(words["issuer"].format(issuer=cite.issuer))
    return " ".join(parts)


def default_title(notice: Notice | NoticeHead) -> str:
    meta = notice.meta
    bits = [meta.doc_type or templates.SITE["document"]]
    if meta.number:
        bits.append(meta.number.text)
    if meta.province:
        bits.append(f"({meta.province.name})")
    return " ".join(bits)


def vn_date(value: str | None) -> str:
    """2021-08-02 → 02/08/2021, the way Vietnamese documents write dates."""
    if not value:
        return UNKNOWN
    year, month, day = value.split("-")
    return f"{day}/{month}/{year}"


# --- Markdown ----------------------------------------------------------------------


def body_html(document: CleanDocument) -> str:
    """The body's blocks, one a line, each with its stable anchor and its text in pieces (bold spans,
    repaired words: ``text.marked_pieces``) for ``templates/notice_body.html.j2`` to write."""
    blocks = [(block.kind, block.anchor, block.level, marked_pieces(block.text, block.bold, block.marks))
              for block in document.blocks]
    return templates.render_body("notice_body.html.j2", blocks=blocks).html


def body_toc(document: CleanDocument) -> list[list]:
    """The body's headings for the page's table of contents: [level, id, title]."""
    return [[3, b.anchor, b.text] for b in document.blocks if b.kind == "heading"]


def plain_body_markdown(document: CleanDocument) -> str:
    """The body as readable Markdown without anchors (downloads, the clean command)."""
    lines = []
    if document.title_lines:
        lines.append("# " + escape_markdown(" ".join(document.title_lines)))
    for block in document.blocks:
        text = escape_with_bold(block.text, block.bold)
        lines.append(("### " + text) if block.kind == "heading" else text)
    return "\n\n".join(lines) + "\n"


def citation_block(record: NoticeRecord, site_url: str, day: str) -> CitationTexts:
    """Everything a reader or a reference manager needs to cite this notice."""
    url = site_url.rstrip("/") + "/" + page_url(record.page, True)
    return CitationTexts(
        url=url,
        vi=citation.vietnamese_citation(record, url, day),
        en=citation.english_citation(record, url, day),
        bibtex=citation.bibtex(record, url, day),
        csl=json.dumps(citation.csl_json(record, url, day), ensure_ascii=False, separators=(", ", ": ")),
        jsonld=citation.script_safe_json(citation.json_ld(record, url, day)),
        highwire=tuple(citation.highwire_tags(record, url)),
    )


_NOT_YAML_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_json(data: Any) -> str:
    """JSON is YAML: MkDocs reads it with libyaml, and writing it is ~20× faster than a YAML emitter.

    Characters YAML may not hold literally (C0/C1 controls, line separators) are escaped.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    return _NOT_YAML_PRINTABLE.sub(lambda m: "\\u%04x" % ord(m.group()), text)


def page_front_matter(record: NoticeRecord, toc: list[list]) -> dict[str, Any]:
    """What the page's template needs (head tags, table of contents) and the main facts to read at a glance.

    The whole record is in ``nguon/<id>.json``; MkDocs parses front matter with a pure-Python
    YAML loader, so the page keeps only what is shown.
    """
    cite = record.citation
    return {
        "id": record.id, "title": record.title, "description": record.description,
        "doc_type": record.doc_type, "number": record.number.text if record.number else None,
        "province": record.province.code if record.province else None, "issued_date": record.issued_date,
        "meeting_date": record.meeting_date, "signer": record.signer.name if record.signer else None,
        "measures": [m.code for m in record.measures],
        "citation": {"url": cite.url, "highwire": [list(pair) for pair in cite.highwire], "jsonld": cite.jsonld},
        "toc": toc,
    }


def original_view_name(notice: Notice) -> str | None:
    """A UTF-8 copy of the original to read in a browser, when its bytes are in another encoding."""
    if notice.source.format not in ("text", "markdown"):
        return None  # PDF and DOCX: the .txt offered is already the extracted text, in UTF-8
    if notice.source.encoding.lower().replace("_", "-") in ("utf-8", "ascii"):
        return None
    return f"{notice.id}.utf8.txt"


def notice_page(notice: Notice, record: NoticeRecord, related: Any = None) -> tuple[str, dict[str, str]]:
    """The page's Markdown skeleton (front matter and title) and its HTML body, inserted by the hook."""
    document = notice.document
    toc = body_toc(document) + (related.toc if related is not None else [])
    markdown = (f"---\n{yaml_json(page_front_matter(record, toc))}\n---\n\n# {escape_markdown(record.title)}"
                "\n\n<!-- archive-part: body -->\n")
    body = templates.render("notice.html.j2",
        r=record, cite=record.citation, header=document.header_lines, title_lines=document.title_lines,
        signature=document.signature_lines, recipients=document.recipients, body=Markup(body_html(document)),
        related=Markup(related.html if related is not None else ""),
        changes=document.changes + notice.raw.changes, original_view=original_view_name(notice),
        sources=sources.page_sources(record, notice), framing=document.framing)
    return markdown, {"body": body}


def parts_dir_for(docs_dir: Path) -> Path:
    """Where the HTML parts of generated pages wait for MkDocs (beside the docs folder, not inside it)."""
    return docs_dir.parent / f".{docs_dir.name}-parts"


def write_page(docs_dir: Path, page: str, markdown: str, parts: dict[str, str]) -> None:
    """A generated page: its Markdown into ``docs_dir``, its HTML parts (if any) beside it for the hook."""
    target = docs_dir / (page + ".md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    if parts:
        part_file = parts_dir_for(docs_dir) / (page + ".json")
        part_file.parent.mkdir(parents=True, exist_ok=True)
        part_file.write_text(json.dumps(parts, ensure_ascii=False), encoding="utf-8")


def write_notice_page(notice: Notice, record: NoticeRecord, related: Any, docs_dir: Path) -> None:
    """Write a notice's page skeleton and its HTML body; ``related`` comes from the index stage."""
    write_page(docs_dir, record.page, *notice_page(notice, record, related))


QUOTE_LENGTH = 160  # characters of an evidence or citing sentence kept in a download; the anchor leads to all of it


LIST_MARKER = re.compile(r"^\s*[-–—+•·*]\s+")


def quoted(text: str) -> str:
    """A sentence quoted out of its list («Rà soát…», not «- Rà soát…»): the list's marker is not its text."""
    return LIST_MARKER.sub("", text, count=1)


def shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def full_record(record: NoticeRecord) -> dict[str, Any]:
    """The record as downloaded (``nguon/<id>.json``): every field and clue.

    Evidence and citing sentences are quoted up to ``QUOTE_LENGTH`` characters (the first
    evidence sentence of each measure, with the anchors of all of them); the paragraph
    each anchor names holds the whole sentence. This keeps the file a tenth of the
    notice's size rather than larger than the notice.
    """
    data = record.to_json()
    full = {k: v for k, v in data.items() if k != "citation"}
    full["measures"] = [
        {**{k: v for k, v in m.items() if k != "evidence"},
         "evidence": [{"text": shorten(e["text"]), "anchor": e.get("anchor")} for e in m.get("evidence", [])[:1]],
         "anchors": [e.get("anchor") for e in m.get("evidence", []) if e.get("anchor")],
         "records": [{**c, "evidence": {**c["evidence"], "text": shorten(c["evidence"]["text"])}}
                     for c in m.get("records", [])]}
        for m in data["measures"]]
    full["cites"] = [{**c, "sentence": shorten(c["sentence"]) if c.get("sentence") else c.get("sentence")}
                     for c in data["cites"]]
    return full


def markdown_download(notice: Notice, record: NoticeRecord) -> str:
    """The clean notice as Markdown with YAML front matter: the main facts, then the text."""
    front = {key: value for key, value in page_front_matter(record, []).items() if key not in ("citation", "toc")}
    front["url"] = record.citation.url
    front["source"] = record.source.file
    return f"---\n{yaml_block(front)}---\n\n{plain_body_markdown(notice.document)}"


def yaml_block(data: dict[str, Any]) -> str:
    """Readable YAML for people (PyYAML's C emitter when present); lists of codes stay on one line."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None)


def downloads(notice: Notice, record: NoticeRecord) -> dict[str, bytes]:
    """Files offered for download: the original as received (and a UTF-8 reading copy when it is in
    another encoding), the clean Markdown, the JSON record, BibTeX."""
    files = {
        f"{record.id}.txt": notice.source.path.read_bytes() if notice.source.format in ("text", "markdown")
        else notice.raw.text.encode("utf-8"),
        f"{record.id}.md": markdown_download(notice, record).encode("utf-8"),
        f"{record.id}.json": json.dumps(full_record(record), ensure_ascii=False, separators=(",", ":"),
                                        default=str).encode("utf-8"),
        f"{record.id}.bib": record.citation.bibtex.encode("utf-8"),
        f"{record.id}.csl.json": record.citation.csl.encode("utf-8"),
    }
    files.update(sources.original_page(notice))  # a saved web page, as text: nothing in it can run
    files.update(sources.copy_downloads(notice))  # the other copies of the same document, as received
    files.update(scan_files(notice))  # a scan: the original file as it came, and its page images
    view = original_view_name(notice)
    if view:
        files[view] = "\ufeff".encode("utf-8") + notice.raw.text.encode("utf-8")  # the BOM tells browsers UTF-8
    return files

