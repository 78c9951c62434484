"""Render stage: Notice → dataset record and Markdown page with YAML front matter.

The dataset record (``notice_record``) is the single source for the page, the
index pages and ``site/data/notices.json``, so counts and lists never disagree.
"""
from __future__ import annotations

import functools
import json
import posixpath
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

from . import citation
from .model import CleanDocument, Notice
from .text import escape_markdown, escape_with_bold, slugify

TEMPLATES = Path(__file__).parent / "templates"
UNKNOWN = "không rõ"


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


def notice_record(notice: Notice, page: str, site_url: str = "", day: str = "1970-01-01") -> dict[str, Any]:
    """Everything known about a notice, as plain JSON-ready data."""
    meta = notice.meta.to_dict()
    document = notice.document
    record: dict[str, Any] = {
        "id": notice.id,
        "page": page,
        "title": meta["title"] or default_title(notice),
        **{key: meta[key] for key in ("doc_type", "doc_type_code", "number", "issuer", "scope", "province",
                                       "issued_date", "meeting_date", "signer", "chairs", "recipients", "cites",
                                       "deadlines", "places", "measures", "clues", "overridden")},
        "cited_documents": cited_documents(meta["cites"]),
        "source": {"file": notice.source.name, "sha256": notice.source.sha256, "size": notice.source.size,
                   "format": notice.source.format, "encoding": notice.source.encoding},
        "aliases": list(notice.aliases),
        "unknown_fields": notice.unknown_fields,
        "ocr_quality": _ocr_quality(document),
        "ocr_repairs": sum(1 for c in document.changes if c.stage == "ocr"),
        "words": sum(len(b.text.split()) for b in document.blocks),
        "description": _description(document),
    }
    record["citation"] = citation_block(record, site_url, day)
    return record


def _ocr_quality(document: CleanDocument) -> dict[str, Any] | None:
    quality = document.ocr_quality
    if quality is None:
        return None
    return {"words": quality.words, "suspicious_before": quality.suspicious_before,
            "suspicious_after": quality.suspicious_after, "before": quality.before, "after": quality.after}


def cited_documents(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per cited document (its first, full mention), in order of first mention."""
    seen: dict[str, dict[str, Any]] = {}
    for cite in cites:
        if cite["key"] not in seen:
            seen[cite["key"]] = {"key": cite["key"], "label": citation_label(cite), "type": cite["type"],
                                 "number": cite["number"], "date": cite["date"], "issuer": cite["issuer"]}
    return list(seen.values())


def citation_label(cite: dict[str, Any]) -> str:
    parts = [cite.get("type") or "Văn bản"]
    if cite.get("number"):
        parts.append(cite["number"])
    elif cite.get("date"):
        parts.append("ngày " + vn_date(cite["date"]))
    if cite.get("issuer") and not cite.get("number"):
        parts.append("của " + cite["issuer"])
    return " ".join(parts)


def default_title(notice: Notice) -> str:
    meta = notice.meta
    bits = [meta.doc_type or "Văn bản"]
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


def block_markdown(block) -> str:
    """One body block with its stable anchor and a visible § link to copy."""
    text = escape_with_bold(block.text, block.bold, block.marks)
    if block.kind == "heading":
        return f"### {text} {{#{block.anchor}}}"
    classes = f".notice-{block.kind}" + (f" .level-{block.level}" if block.level else "")
    # the visible § link is added by assets/javascripts/archive-page.js: no per-paragraph link to parse
    return f"{text}\n{{: #{block.anchor} {classes} }}"


def body_markdown(document: CleanDocument) -> str:
    """The cleaned body as Markdown: what ``python -m build_tools clean FILE`` prints."""
    return "\n\n".join(block_markdown(b) for b in document.blocks)


def plain_body_markdown(document: CleanDocument) -> str:
    """The body as readable Markdown without anchors (downloads, the clean command)."""
    lines = []
    if document.title_lines:
        lines.append("# " + escape_markdown(" ".join(document.title_lines)))
    for block in document.blocks:
        text = escape_with_bold(block.text, block.bold)
        lines.append(("### " + text) if block.kind == "heading" else text)
    return "\n\n".join(lines) + "\n"


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["md"] = lambda value: Markup(escape_markdown(str(value)))
    env.filters["vn_date"] = vn_date
    env.globals["slug"] = slugify
    env.globals["unknown"] = UNKNOWN
    return env


def citation_block(record: dict[str, Any], site_url: str, day: str) -> dict[str, Any]:
    """Everything a reader or a reference manager needs to cite this notice."""
    url = site_url.rstrip("/") + "/" + page_url(record["page"], True)
    return {
        "url": url,
        "vi": citation.vietnamese_citation(record, url, day),
        "en": citation.english_citation(record, url, day),
        "bibtex": citation.bibtex(record, url, day),
        "csl": json.dumps(citation.csl_json(record, url, day), ensure_ascii=False, indent=1),
        "jsonld": citation.script_safe_json(citation.json_ld(record, url, day)),
        "highwire": [list(pair) for pair in citation.highwire_tags(record, url)],
    }


_NOT_YAML_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_json(data: Any) -> str:
    """JSON is YAML: MkDocs reads it with libyaml, and writing it is ~20× faster than a YAML emitter.

    Characters YAML may not hold literally (C0/C1 controls, line separators) are escaped.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    return _NOT_YAML_PRINTABLE.sub(lambda m: "\\u%04x" % ord(m.group()), text)


def front_matter(record: dict[str, Any]) -> str:
    """YAML front matter: every field of the record (safe_dump quotes whatever the text holds)."""
    keys = ("id", "title", "doc_type", "doc_type_code", "number", "issuer", "scope", "province", "issued_date",
            "meeting_date", "signer", "chairs", "recipients", "cites", "deadlines", "places", "measures",
            "source", "aliases", "overridden", "unknown_fields")
    data = {key: record[key] for key in keys}
    data["description"] = record.get("description", "")
    if record.get("citation"):  # what the page head needs; the cite box itself is in the body
        data["citation"] = {key: record["citation"][key] for key in ("url", "highwire", "jsonld")}
    return yaml_json(data)


def notice_markdown(notice: Notice, record: dict[str, Any], directory_urls: bool, related: str = ""
                    ) -> tuple[str, dict[str, str]]:
    """The page's Markdown, and the HTML parts inserted after conversion (cite box, original, changes)."""
    page = record["page"]
    document = notice.document
    context = dict(
        r=record,
        cite=record["citation"],
        heading=record["title"],
        header=document.header_lines,
        title_lines=document.title_lines,
        signature=document.signature_lines,
        recipients=document.recipients,
        raw_text=notice.raw.text,
        changes=[c for c in document.changes + notice.raw.changes],
        link_to=lambda target: relative_url(page, page_url(target, directory_urls), directory_urls),
        asset=lambda target: relative_url(page, target, directory_urls),
    )
    markdown = environment().get_template("notice.md.j2").render(
        front_matter=Markup(front_matter(record)), body=Markup(body_markdown(document)), related=Markup(related),
        **context)
    parts_template = environment().get_template("notice_parts.html.j2")
    parts = {part: parts_template.render(part=part, **context) for part in PARTS}
    return markdown, parts


PARTS = ("cite", "extras")


def parts_dir_for(docs_dir: Path) -> Path:
    """Where the HTML parts of notice pages wait for MkDocs (beside the docs folder, not inside it)."""
    return docs_dir.parent / f".{docs_dir.name}-parts"


def _description(document: CleanDocument) -> str:
    text = " ".join(b.text for b in document.blocks[:2])
    return text[:200].rsplit(" ", 1)[0] + "…" if len(text) > 200 else text


def write_notice_pages(notices: Iterable[tuple[Notice, dict[str, Any], str]], docs_dir: Path,
                       directory_urls: bool) -> int:
    """Write each notice's page and its HTML parts; ``related`` is Markdown made by the index stage."""
    count = 0
    parts_dir = parts_dir_for(docs_dir)
    for notice, record, related in notices:
        markdown, parts = notice_markdown(notice, record, directory_urls, related)
        target = docs_dir / (record["page"] + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        part_file = parts_dir / (record["page"] + ".json")
        part_file.parent.mkdir(parents=True, exist_ok=True)
        part_file.write_text(json.dumps(parts, ensure_ascii=False), encoding="utf-8")
        count += 1
    return count


def downloads(notice: Notice, record: dict[str, Any]) -> dict[str, bytes]:
    """Files offered for download: the original bytes, the clean Markdown, the JSON record."""
    return {
        f"{record['id']}.txt": notice.source.path.read_bytes() if notice.source.format in ("text", "markdown")
        else notice.raw.text.encode("utf-8"),
        f"{record['id']}.md": plain_body_markdown(notice.document).encode("utf-8"),
        f"{record['id']}.json": json.dumps({k: v for k, v in record.items() if k != "citation"}, ensure_ascii=False,
                                           separators=(",", ":"), default=str).encode("utf-8"),
        f"{record['id']}.bib": record["citation"]["bibtex"].encode("utf-8"),
        f"{record['id']}.csl.json": record["citation"]["csl"].encode("utf-8"),
    }


def as_json(value: Any) -> Any:
    return asdict(value) if hasattr(value, "__dataclass_fields__") else value
