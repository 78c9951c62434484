"""The published notice as one frozen, typed record: the single source of every page, index,
download and dataset row (so counts and lists never disagree).

Its parts are the extraction's own records (``model.DocNumber``, ``Province``, ``Signer`` …)
plus the few the output side adds (``SourceRecord``, ``OcrQualityRecord``, ``CitedDocument``,
``CitationTexts``). ``NoticeRecord.to_json`` is the record as JSON (``nguon/<id>.json``,
``data/notices.json``); ``CSV_COLUMNS`` flattens it for spreadsheets.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..copies import CopyRef
from ..model import Citation, Clue, Deadline, DocNumber, Issuer, MeasureTag, Place, Province, Provenance, Signer


@dataclass(frozen=True)
class SourceRecord:
    """The file a notice was published from."""

    file: str
    sha256: str
    size: int
    format: str
    encoding: str


@dataclass(frozen=True)
class OcrQualityRecord:
    """Share of suspicious words before and after OCR repair (``model.OcrQuality`` with its ratios)."""

    words: int
    suspicious_before: int
    suspicious_after: int
    before: float
    after: float


@dataclass(frozen=True)
class ScanRecord:
    """How a notice read from a scan was read, and the files that show the scan."""

    engine: str  # "Tesseract 5.3.0"
    model: str  # "vie (vie.traineddata)"
    mean_confidence: float  # mean word confidence, 0-100
    pages: tuple[str, ...]  # page images offered beside the text (nguon/<id>.trang-1.jpg …)
    original: str  # the scan as it came (nguon/<id>.pdf)
    # (page number, degrees clockwise) of pages scanned sideways or upside down: turned upright to be
    # read and shown, the original file left as it came
    turned: tuple[tuple[int, int], ...] = ()
    # pages that came as phone photos of paper: shown (and read) cut to the sheet, perspective undone,
    # light evened; the original file keeps the photo as it came
    photos: tuple[int, ...] = ()


@dataclass(frozen=True)
class CitedDocument:
    """One document a notice cites (its first, full mention), for lists and cited-document pages."""

    key: str
    label: str
    type: str | None
    number: str | None
    date: str | None
    issuer: str | None


@dataclass(frozen=True)
class CitationTexts:
    """Everything a reader or a reference manager needs to cite the notice."""

    url: str
    vi: str
    en: str
    bibtex: str
    csl: str
    jsonld: str
    highwire: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class NoticeRecord:
    """Everything known about a published notice. ``None`` is unknown ("không rõ" on the page).

    ``clues`` and ``citation`` are ``None`` in the lean records the building process holds for
    the whole archive; ``notice_pages.complete_record`` adds them in the worker that writes the notice.
    """

    id: str
    page: str  # docs path without suffix, e.g. "notices/quang-ninh/2927-tb-tu-2021-08-02"
    title: str
    doc_type: str | None
    doc_type_code: str | None
    number: DocNumber | None
    issuer: Issuer | None
    scope: str | None
    province: Province | None
    issued_date: str | None
    meeting_date: str | None
    signer: Signer | None
    chairs: tuple[str, ...]
    recipients: tuple[str, ...]
    cites: tuple[Citation, ...]
    deadlines: tuple[Deadline, ...]
    places: tuple[Place, ...]
    measures: tuple[MeasureTag, ...]
    overridden: Mapping[str, str]
    cited_documents: tuple[CitedDocument, ...]
    source: SourceRecord
    aliases: tuple[str, ...]
    provenance: Provenance | None  # where this copy was found (curator's sidecar or the saved page)
    copies: tuple[CopyRef, ...]  # other copies of the same document (number, issuer, date), merged here
    unknown_fields: tuple[str, ...]
    ocr_quality: OcrQualityRecord | None
    ocr_repairs: int
    words: int
    description: str
    clues: Mapping[str, Clue] | None = field(default=None, compare=False)
    citation: CitationTexts | None = field(default=None, compare=False)
    scan: ScanRecord | None = field(default=None, compare=False)  # set with the citation, for scans

    @property
    def date(self) -> str | None:
        """The date a notice is filed under: issued, else the meeting it reports."""
        return self.issued_date or self.meeting_date

    def to_json(self) -> dict[str, Any]:
        """The record as JSON-ready data, fields in declaration order; ``clues``/``citation`` only when known."""
        data = plain(self)
        for name in ("clues", "citation", "scan"):
            if data[name] is None:
                del data[name]
        return data


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # per record class: ``dataclasses.fields`` is slow per call


def plain(value: Any) -> Any:
    """Records, tuples and mappings as JSON sees them (dicts and lists)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[kind] = tuple(item.name for item in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if kind in (list, tuple):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def joined(values) -> str:
    return "; ".join(values)


# The CSV of the dataset: one column per scalar fact, lists joined with "; " (one description
# of the columns: a name and how to read it from the record).
CSV_COLUMNS: tuple[tuple[str, Callable[[NoticeRecord, str], str]], ...] = (
    ("id", lambda r, url: r.id),
    ("url", lambda r, url: url),
    ("source", lambda r, url: r.source.file),
    ("doc_type", lambda r, url: r.doc_type or ""),
    ("number", lambda r, url: r.number.text if r.number else ""),
    ("title", lambda r, url: r.title),
    ("province", lambda r, url: r.province.name if r.province else ""),
    ("province_code", lambda r, url: r.province.code if r.province else ""),
    ("scope", lambda r, url: r.scope or ""),
    ("issuer", lambda r, url: r.issuer.name if r.issuer else ""),
    ("issuer_kind", lambda r, url: r.issuer.kind if r.issuer else ""),
    ("issued_date", lambda r, url: r.issued_date or ""),
    ("meeting_date", lambda r, url: r.meeting_date or ""),
    ("signer_name", lambda r, url: (r.signer.name or "") if r.signer else ""),
    ("signer_title", lambda r, url: (r.signer.title or "") if r.signer else ""),
    ("signer_authority", lambda r, url: (r.signer.authority or "") if r.signer else ""),
    ("measures", lambda r, url: joined(m.code for m in r.measures)),
    ("oxcgrt", lambda r, url: joined(sorted({m.oxcgrt for m in r.measures if m.oxcgrt}))),
    ("cites", lambda r, url: joined(c.label for c in r.cited_documents)),
    ("deadlines", lambda r, url: joined(d.date for d in r.deadlines)),
    ("places", lambda r, url: joined(sorted({p.name for p in r.places}))),
    ("aliases", lambda r, url: joined(r.aliases)),
    ("source_url", lambda r, url: (r.provenance.source_url or "") if r.provenance else ""),
    ("publisher", lambda r, url: (r.provenance.publisher or "") if r.provenance else ""),
    ("retrieved", lambda r, url: (r.provenance.retrieved or "") if r.provenance else ""),
    ("copies", lambda r, url: joined(c.file for c in r.copies)),
)
CSV_FIELDS = tuple(name for name, _ in CSV_COLUMNS)


def csv_row(record: NoticeRecord, url: str) -> dict[str, str]:
    """One record flattened for spreadsheets."""
    return {name: read(record, url) for name, read in CSV_COLUMNS}
