"""The records that flow one way through the pipeline.

ingest → ``RawNotice`` → clean → ``CleanDocument`` → extract → ``Metadata`` →
``Notice`` (all three together) → render / indexes / search / site.

Every stage returns new records and never edits an earlier one, so the original
text stays available next to what cleaning and extraction made of it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from .data_files import load_yaml

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One recorded edit of the text, so an archivist can see and undo it.

    ``offset`` and ``line`` point into the text as it was *before* this stage
    (``line`` is 1-based). ``confidence`` is 1.0 for mechanical edits.
    """

    stage: str  # "decode" | "normalise" | "framing" | "ocr" | "structure"
    kind: str  # short name of the rule, e.g. "nfc", "page-header", "ocr-repair"
    before: str
    after: str
    reason: str
    offset: int | None = None
    line: int | None = None
    confidence: float = 1.0
    code: str = ""  # which case of the rule (ocr-repair: "real-word", …); data/change_kinds.yml names it


@dataclass(frozen=True)
class Problem:
    """A reason a notice was not published, or a field a curator should review."""

    file: str
    message: str
    fix: str
    line: int | None = None
    # "error": not published; "warning": published with a caveat; "duplicate": published once under
    # another file; "skipped": not a notice file at all; "site": a broken link or site build warning
    severity: str = "warning"

    def describe(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message} — {self.fix}"


@dataclass(frozen=True)
class SourceFile:
    """Where a notice came from, byte for byte."""

    path: Path
    name: str
    sha256: str
    size: int
    format: str  # "text" | "markdown" | "pdf" | "docx" | "html"
    encoding: str  # detected encoding of the bytes, e.g. "utf-8", "utf-8-sig", "tcvn3"


@dataclass(frozen=True)
class OcrWord:
    """One word as OCR read it: where it is in the text and on the page, and how sure the engine was."""

    offset: int  # into the OCR text (``RawNotice.text``)
    text: str
    confidence: float  # the engine's word confidence, 0-100
    page: int  # 1-based
    box: tuple[int, int, int, int]  # left, top, width, height in pixels of the page image read
    in_stamp: bool = False  # under the stamp or the signature


@dataclass(frozen=True)
class OcrReading:
    """How a scan was read: engine, model, settings and every word with its confidence."""

    engine: str  # "Tesseract 5.3.0"
    model: str  # "vie (tessdata 4.1.0)"
    settings: str  # the settings the cache is keyed on
    pages: int
    mean_confidence: float  # mean word confidence, 0-100
    page_sizes: tuple[tuple[int, int], ...]  # pixels of each page image read
    words: tuple[OcrWord, ...] = ()
    # left out of the text: page numbers, running headers, stamp and signature strokes and dust read
    # as words ("trang 2: vết mực dấu, chữ ký: Nhi (26)"); the scan itself keeps them
    dropped: tuple[str, ...] = ()
    # degrees clockwise each page was turned to be read upright (0: as scanned; ingest/orientation.py)
    page_turns: tuple[int, ...] = ()
    # (page number, what was done) to a page image before Tesseract read it, beyond the steps every
    # scan gets: a phone photo cut to its sheet and evened (ingest/photo_page.py); the original keeps it
    prepared: tuple[tuple[int, str], ...] = ()


@dataclass
class RawNotice:
    """Output of ingest: decoded text exactly as received, plus curator overrides."""

    source: SourceFile
    text: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    overrides: dict[str, Any] = field(default_factory=dict)
    page: dict[str, str] = field(default_factory=dict)  # a saved page's title, canonical_url, site_name, published
    ocr: OcrReading | None = None  # set when the text was read from a scan


@dataclass(frozen=True)
class Block:
    """One structural unit of a notice body.

    ``kind`` is "heading", "item" (numbered: ``1.``, ``(1)``, ``I.``, ``a)``),
    "bullet" or "paragraph". ``anchor`` is the stable paragraph id shown on the
    page (``muc-2-1``, ``doan-4``). ``text`` is plain text: emphasis markers from
    the source are recorded in ``bold`` spans, never left as Markdown syntax.
    """

    kind: str
    text: str
    anchor: str
    label: str | None = None
    level: int = 0
    line: int | None = None
    bold: tuple[tuple[int, int], ...] = ()
    marks: tuple[tuple[int, int, str], ...] = ()  # (start, end, note): words repaired by OCR repair


@dataclass(frozen=True)
class OcrQuality:
    """Share of words that cannot be Vietnamese (or are flagged), before and after repair."""

    words: int
    suspicious_before: int
    suspicious_after: int

    @property
    def before(self) -> float:
        return self.suspicious_before / self.words if self.words else 0.0

    @property
    def after(self) -> float:
        return self.suspicious_after / self.words if self.words else 0.0


@dataclass
class CleanDocument:
    """Output of clean: the notice split into its administrative parts."""

    header_lines: list[str]  # issuing body, motto, number, place and date line
    title_lines: list[str]  # document type line and the summary (trích yếu)
    blocks: list[Block]  # the body
    signature_lines: list[str]  # authority, title(s), name
    recipients: list[str]  # "Nơi nhận" entries, without the leading dash
    changes: list[Change] = field(default_factory=list)
    ocr_quality: OcrQuality | None = None
    flagged_words: list[dict[str, Any]] = field(default_factory=list)
    # The source's own words around the document (a reprint's lead, captions, by-lines; a
    # portal's attribute rows and furniture): shown apart, never part of the text above.
    framing: list[str] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        """The body as plain text, one block per line; extraction offsets point here."""
        return "\n".join(block.text for block in self.blocks)

    def block_offsets(self) -> list[int]:
        """Start offset of each block inside ``body_text``."""
        offsets, position = [], 0
        for block in self.blocks:
            offsets.append(position)
            position += len(block.text) + 1
        return offsets


# --- extracted metadata -------------------------------------------------------


@dataclass(frozen=True)
class Clue:
    """Why a field has its value: the rule that fired and the text it read."""

    rule: str
    text: str
    confidence: float


@dataclass(frozen=True)
class Found(Generic[T]):
    """What an extractor returns: a value and the clue behind it (never a positional tuple)."""

    value: T
    clue: Clue


@dataclass(frozen=True)
class DocNumber:
    text: str  # normalised, e.g. "2927-TB/TU", "12/2021/QĐ-UBND"
    number: str
    year: int | None
    type_code: str | None
    issuer_code: str | None
    form: str  # "state" | "party"


@dataclass(frozen=True)
class Province:
    code: str  # stable code of the pre-2025 province, e.g. "quang-ninh"
    name: str  # "Quảng Ninh"
    gso: str | None = None  # two-digit statistics office code, e.g. "22"


@dataclass(frozen=True)
class Issuer:
    name: str  # as normalised, e.g. "Ban Thường vụ Tỉnh ủy"
    kind: str  # "state" | "party"
    body: str  # short body type, e.g. "UBND tỉnh", "Tỉnh ủy", "BCĐ tỉnh"


@dataclass(frozen=True)
class Signer:
    name: str | None
    title: str | None
    authority: str | None  # "T/M", "T/L", "K/T", "TM.", "KT.", "TL.", "TUQ.", "Q."
    on_behalf_of: str | None  # the body after the authority prefix, e.g. "BAN THƯỜNG VỤ"
    stack: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    type: str | None  # "Nghị quyết", "Quyết định", "Chỉ thị", "Công điện", "Điện", …
    number: str | None  # normalised number, None for undated/unnumbered ("Điện ngày 21/7/2021")
    date: str | None  # ISO date when the text gives one
    issuer: str | None
    text: str  # the words of the mention
    offset: int  # into CleanDocument.body_text
    key: str  # stable key shared by every mention of the same document
    short: bool = False  # a later short mention resolved to an earlier full one
    sentence: str | None = None  # the sentence of the body that holds the mention


@dataclass(frozen=True)
class Deadline:
    date: str  # ISO
    task: str
    who: str | None
    text: str
    anchor: str | None = None
    time: str | None = None  # "15:00" when the text gives an hour


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "huyện", "thành phố", "thị xã", "quận"
    province: str  # province code
    offset: int


@dataclass(frozen=True)
class Evidence:
    text: str
    anchor: str | None


@dataclass(frozen=True)
class MeasurePlace:
    """A place a targeted measure names: a district resolved to the gazetteer, or a unit
    below the district (xã, phường, thôn …) kept as written, in the issuing province."""

    name: str  # "Hữu Lũng", "Tân Thành"
    kind: str  # "huyện", "thành phố", "xã", "phường", "thôn", …
    province: str | None  # province code; None when the province is unknown
    in_gazetteer: bool = True  # False for units below the district (the gazetteer lists districts)


@dataclass(frozen=True)
class Measure:
    """One ordered measure coded on the OxCGRT codebook (build_tools/data/oxcgrt.yml).

    ``level`` is the codebook's ordinal level (None where OxCGRT records an amount, H4);
    ``scope`` "general" (the whole province) or "targeted" (``places``, or a kind of zone);
    ``start``/``end`` are ISO dates as the notice states them (None: not stated); ``end_rule``
    says how the end was read ("date", "duration", "until-further-notice", "extension"); ``direction``
    "impose" or "relax" (a relaxation lowers the level); ``rule`` names the rule that coded it
    ("gatherings", "shorthand:chi-thi-16").
    """

    oxcgrt: str
    level: int | None
    scope: str
    places: tuple[MeasurePlace, ...]
    start: str | None
    end: str | None
    evidence: Evidence
    direction: str = "impose"
    end_rule: str | None = None
    rule: str = ""
    # "tiếp tục … thêm 07 ngày" with no date (``end_rule`` "extension"): the days it runs after the
    # end of the measure it continues, which the dataset finds (publish/province_days.py)
    extends_days: int | None = None


@dataclass(frozen=True)
class MeasureTag:
    code: str  # our taxonomy code, e.g. "quarantine-centralised"
    label: str  # Vietnamese label
    oxcgrt: str | None  # e.g. "H7"
    evidence: tuple[Evidence, ...]
    # Every measure this tag's sentences order, coded (all sentences, not only the evidence shown).
    records: tuple[Measure, ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Where this copy of the notice was found: the curator's sidecar, or the saved page itself."""

    source_url: str | None = None
    retrieved: str | None = None  # ISO date the copy was collected
    publisher: str | None = None  # newspaper, portal or website that published the copy
    from_page: tuple[str, ...] = ()  # fields read from the saved page (canonical URL, site name), not the curator

    def citation_text(self) -> str | None:
        """"bản sao từ <publisher>, <url>, truy cập ngày …" for a citation, or None."""
        parts = [p for p in (self.publisher, self.source_url) if p]
        if not parts:
            return None
        words = load_yaml("site.yml")["citation"]["vi"]
        text = words["copy"].format(where=", ".join(parts))
        if self.retrieved:
            day = self.retrieved.split("-")
            date = words["date"].format(day=int(day[2]), month=int(day[1]), year=day[0]) if len(day) == 3 else ""
            text += words["retrieved"].format(date=date) if date else ""
        return text


@dataclass
class Metadata:
    """Output of extract. ``None`` means unknown: never a guess."""

    doc_type: str | None = None  # Vietnamese type name, e.g. "Thông báo"
    doc_type_code: str | None = None  # "TB", "KL", …
    title: str | None = None
    number: DocNumber | None = None
    issuer: Issuer | None = None
    scope: str | None = None  # "provincial" | "national"
    province: Province | None = None
    issued_date: str | None = None
    meeting_date: str | None = None
    signer: Signer | None = None
    chairs: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    cites: list[Citation] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    measures: list[MeasureTag] = field(default_factory=list)
    clues: dict[str, Clue] = field(default_factory=dict)
    overridden: dict[str, str] = field(default_factory=dict)  # field → curator's reason
    provenance: Provenance | None = None  # where this copy came from (sidecar or saved page)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def coded_measures(self) -> list[Measure]:
        """Every coded measure of the notice (OxCGRT indicator, level, scope, dates), in text order."""
        return [record for tag in self.measures for record in tag.records]


IMPORTANT_FIELDS = ("doc_type", "title", "province", "issued_date", "signer")


def year_of(meta: Metadata) -> int | None:
    """The notice's year: of its date, else of the meeting it reports, else from its number."""
    for value in (meta.issued_date, meta.meeting_date):
        if value:
            return int(value[:4])
    return meta.number.year if meta.number else None


def unknown_fields_of(meta: Metadata) -> list[str]:
    """Fields a reader expects that extraction could not find (published as "không rõ")."""
    return [name for name in IMPORTANT_FIELDS if getattr(meta, name) in (None, "")]


@dataclass
class Notice:
    """A notice ready to publish: its source, its clean text and its metadata."""

    id: str
    source: SourceFile
    raw: RawNotice
    document: CleanDocument
    meta: Metadata
    problems: list[Problem] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other source files with the same text
    copies: list[Any] = field(default_factory=list)  # copies.CopyRef: other copies of the same document

    @property
    def unknown_fields(self) -> list[str]:
        return unknown_fields_of(self.meta)


@dataclass(frozen=True)
class TextSummary:
    """What the whole-archive stages need of a notice's text, so the text itself can stay on disk."""

    content_key: str  # hash of the clean body: the same notice under two names
    words: int
    description: str  # the first words of the body, for lists and <meta name="description">
    ocr_quality: OcrQuality | None
    ocr_repairs: int
    fingerprint: tuple[int, ...] = ()  # copies.fingerprint: a sketch of the text, to tell copies of one notice


@dataclass
class NoticeHead:
    """A processed notice as the index, dataset and id stages see it: metadata, no text.

    The full ``Notice`` (raw and clean text) waits in the pipeline's store (``stored``) and is
    read back one at a time by the stages that write text out, so memory does not grow with
    the archive's text.
    """

    id: str
    source: SourceFile
    meta: Metadata
    summary: TextSummary
    stored: Path
    problems: list[Problem] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    copies: list[Any] = field(default_factory=list)  # copies.CopyRef: other copies of the same document

    @property
    def unknown_fields(self) -> list[str]:
        return unknown_fields_of(self.meta)
