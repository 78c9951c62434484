"""Curator overrides: ``<name>.meta.yml`` beside a notice corrects what extraction read.

The file is YAML (ingest parses it; this module receives the dict). Three shapes
are accepted, and may be mixed:

1. flat — field names at the top, one shared reason::

       province: quang-ninh
       issued_date: 2021-08-02
       reason: "Đọc từ bản giấy có dấu đỏ"

2. grouped — the fields under ``fields:``::

       fields: {province: quang-ninh, issued_date: 2021-08-02}
       reason: "Đọc từ bản giấy"

3. per field — a value and its own reason::

       signer_name: {value: Nguyễn Văn A, reason: "Tên bị mất khi quét, xem bản gốc"}

Fields (``null`` means "unknown" and clears the extracted value):

=================  ===============================================================
doc_type           a type name or code from data/doc_types.yml ("Kết luận", "KL")
doc_type_code      a type code from data/doc_types.yml
title              text
number             a document number ("2927-TB/TU", "12/2021/QĐ-UBND")
issuer             a name, or a mapping {name, kind: state|party, body}
issuer_kind        state | party
scope              provincial | national
province           a province code from data/provinces.yml ("quang-ninh")
issued_date        a date: 2021-08-02, "2021-08-02" or "02/8/2021"
meeting_date       a date, as above
signer_name        the signer's name
signer_title       the signer's title
signer             a mapping {name, title, authority, on_behalf_of}
chairs             a list of names
measures           a list of measure codes from data/measures.yml (replaces the tags;
                   extracted evidence is kept for codes that were found)
=================  ===============================================================

Provenance of the copy (not corrections, so not marked "Sửa tay"; shown on the page, in the
citation — "bản sao từ …" — and in the dataset):

=================  ===============================================================
source_url         where the copy was found: an http(s) URL
retrieved          the date it was collected: 2024-03-05
publisher          the newspaper, portal or website that published the copy
=================  ===============================================================

For a saved web page (.html) the page's canonical URL and site name fill ``source_url`` and
``publisher`` when the curator has not given them (``Provenance.from_page`` says which).

Every applied field is listed in ``Metadata.overridden`` with its reason (or
"sửa tay của người biên tập" when none is given) and gets a clue with rule
"override". Unknown keys, values of the wrong type or not in the vocabularies, and
contradictions among the values (a province on a national document, a type code
that disagrees with the type, an issue date before the meeting it reports, a
number whose year is not the issue year) raise ``OverrideError(key, message)``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..data_files import load_yaml
from ..model import Clue, Issuer, MeasureTag, Metadata, Provenance, Signer
from .dates import parse_date
from .numbers import parse_number
from .vocab import doc_types, gazetteer, measures



def default_reason() -> str:
    """The reason of a correction whose sidecar gives none (change_kinds.yml)."""
    return load_yaml("change_kinds.yml")["override_reason"]


META_KEYS = {"fields", "reason"}
PROVENANCE_KEYS = ("source_url", "retrieved", "publisher")
FIELDS = ("doc_type", "doc_type_code", "title", "number", "issuer", "issuer_kind", "scope", "province",
          "issued_date", "meeting_date", "signer_name", "signer_title", "signer", "chairs", "measures")


class OverrideError(ValueError):
    """A curator file that cannot be applied: which key, and what is wrong with it."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


# --- reading the file ------------------------------------------------------------------


def normalise_overrides(data: dict[str, Any] | None) -> dict[str, tuple[Any, str]]:
    """Any of the three shapes → {field: (value, reason)}; unknown keys are errors."""
    if not data:
        return {}
    if not isinstance(data, dict):
        raise OverrideError("(file)", "the curator file must be a mapping of field names to values")
    shared = data.get("reason", default_reason())
    if not isinstance(shared, str):
        raise OverrideError("reason", f"must be text, not {type(shared).__name__}")
    items = dict(data.get("fields") or {})
    if "fields" in data and not isinstance(data["fields"], dict):
        raise OverrideError("fields", "must be a mapping of field names to values")
    for key, value in data.items():
        if key in META_KEYS or key in PROVENANCE_KEYS:
            continue
        if key in items:
            raise OverrideError(key, "given twice (at the top and under `fields:`)")
        items[key] = value
    result = {}
    for key, value in items.items():
        if key not in FIELDS:
            raise OverrideError(str(key), f"unknown field; known fields are: {', '.join(FIELDS)}")
        reason = shared
        if isinstance(value, dict) and "value" in value and key not in ("issuer", "signer"):
            reason = value.get("reason", shared)
            value = value["value"]
        elif isinstance(value, dict) and key in ("issuer", "signer") and set(value) <= {"value", "reason"}:
            reason = value.get("reason", shared)
            value = value.get("value")
        if not isinstance(reason, str):
            raise OverrideError(key, "its reason must be text")
        result[key] = (value, reason)
    return result


# --- validating values ---------------------------------------------------------------------


def _text(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OverrideError(key, f"must be non-empty text, not {value!r}")
    return value.strip()


def _date(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            parsed = parse_date(value)
            if parsed:
                return parsed
    raise OverrideError(key, f"must be a real date such as 2021-08-02, not {value!r}")


def _doc_type(key: str, value: Any) -> dict | None:
    text = _text(key, value)
    if text is None:
        return None
    types = doc_types()
    found = types.by_name.get(text) or types.by_code.get(text) or types.from_code(text)
    if found is None and key == "doc_type":
        found = next((t for t in types.by_name.values() if t["name"].lower() == text.lower()), None)
    if found is None:
        raise OverrideError(key, f"{text!r} is not a type in data/doc_types.yml")
    return found


def _province(key: str, value: Any):
    if value is None:
        return None
    if not isinstance(value, str) or value not in gazetteer().provinces:
        raise OverrideError(key, f"{value!r} is not a province code in data/provinces.yml (e.g. quang-ninh)")
    return gazetteer().province(value)


def _choice(key: str, value: Any, choices: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    if value not in choices:
        raise OverrideError(key, f"must be one of {', '.join(choices)}, not {value!r}")
    return value


def _names(key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OverrideError(key, "must be a list of names")
    return [v.strip() for v in value]


def _mapping(key: str, value: Any, allowed: set[str]) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise OverrideError(key, f"must be a mapping with keys {', '.join(sorted(allowed))}")
    unknown = set(value) - allowed
    if unknown:
        raise OverrideError(key, f"unknown keys {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}")
    return value


# --- applying -------------------------------------------------------------------------------


def apply_overrides(meta: Metadata, data: dict[str, Any] | None) -> Metadata:
    """A copy of ``meta`` with the curator's values; see the module docstring for the format."""
    items = normalise_overrides(data)
    if not items:
        return meta
    meta = dataclasses.replace(meta, clues=dict(meta.clues), overridden=dict(meta.overridden),
                               chairs=list(meta.chairs), measures=list(meta.measures))
    for key, (value, reason) in items.items():
        _APPLY[key](meta, key, value)
        field_name = _FIELD_OF.get(key, key)
        meta.overridden[field_name] = reason
        meta.clues[field_name] = Clue("override", reason, 1.0)
    check_consistency(meta, items)
    return meta


def read_provenance(data: dict[str, Any] | None, page: dict[str, str] | None = None) -> Provenance | None:
    """The copy's provenance from the sidecar, completed by the saved page's own clues."""
    data = data if isinstance(data, dict) else {}
    url = _url("source_url", data.get("source_url"))
    retrieved = _date("retrieved", data["retrieved"]) if data.get("retrieved") is not None else None
    publisher = _text("publisher", data.get("publisher"))
    from_page = []
    page = page or {}
    if url is None and page.get("canonical_url", "").startswith(("http://", "https://")):
        url, from_page = page["canonical_url"], from_page + ["source_url"]
    if publisher is None and page.get("site_name"):
        publisher, from_page = page["site_name"], from_page + ["publisher"]
    if not (url or retrieved or publisher):
        return None
    return Provenance(url, retrieved, publisher, tuple(from_page))


def _url(key: str, value: Any) -> str | None:
    text = _text(key, value)
    if text is not None and not text.startswith(("http://", "https://")):
        raise OverrideError(key, f"must be a web address starting with http:// or https://, not {text!r}")
    return text


def _set_doc_type(meta: Metadata, key: str, value: Any) -> None:
    found = _doc_type(key, value)
    meta.doc_type = found["name"] if found else None
    meta.doc_type_code = found["code"] if found else None


def _set_number(meta: Metadata, key: str, value: Any) -> None:
    text = _text(key, value if not isinstance(value, int) else str(value))
    if text is None:
        meta.number = None
        return
    number = parse_number(text)
    if number is None:
        raise OverrideError(key, f"{text!r} is not a document number (e.g. 2927-TB/TU, 12/2021/QĐ-UBND)")
    meta.number = number


def _set_issuer(meta: Metadata, key: str, value: Any) -> None:
    if value is None or isinstance(value, str):
        name = _text(key, value)
        meta.issuer = None if name is None else Issuer(
            name=name, kind=meta.issuer.kind if meta.issuer else "state", body=meta.issuer.body if meta.issuer else name)
        return
    mapping = _mapping(key, value, {"name", "kind", "body"})
    name = _text(f"{key}.name", mapping.get("name"))
    if name is None:
        raise OverrideError(key, "needs a name")
    kind = _choice(f"{key}.kind", mapping.get("kind", "state"), ("state", "party"))
    meta.issuer = Issuer(name=name, kind=kind, body=_text(f"{key}.body", mapping.get("body")) or name)


def _set_issuer_kind(meta: Metadata, key: str, value: Any) -> None:
    kind = _choice(key, value, ("state", "party"))
    if meta.issuer is None:
        raise OverrideError(key, "there is no issuer to set the kind of; give `issuer:` too")
    meta.issuer = dataclasses.replace(meta.issuer, kind=kind)


def _set_signer_field(meta: Metadata, key: str, value: Any) -> None:
    text = _text(key, value)
    current = meta.signer or Signer(name=None, title=None, authority=None, on_behalf_of=None)
    attribute = "name" if key == "signer_name" else "title"
    meta.signer = dataclasses.replace(current, **{attribute: text})


def _set_signer(meta: Metadata, key: str, value: Any) -> None:
    mapping = _mapping(key, value, {"name", "title", "authority", "on_behalf_of"})
    if mapping is None:
        meta.signer = None
        return
    meta.signer = Signer(**{k: _text(f"{key}.{k}", mapping.get(k))
                            for k in ("name", "title", "authority", "on_behalf_of")})


def _set_measures(meta: Metadata, key: str, value: Any) -> None:
    codes = _names(key, value)
    taxonomy = measures().codes
    unknown = [c for c in codes if c not in taxonomy]
    if unknown:
        raise OverrideError(key, f"unknown measure codes {', '.join(unknown)}; see data/measures.yml")
    found = {tag.code: tag for tag in meta.measures}
    meta.measures = [found.get(code) or MeasureTag(code=code, label=taxonomy[code].label,
                                                   oxcgrt=taxonomy[code].oxcgrt, evidence=()) for code in codes]


def _setter(attribute: str, convert):
    def apply(meta: Metadata, key: str, value: Any) -> None:
        setattr(meta, attribute, convert(key, value))
    return apply


_APPLY = {
    "doc_type": _set_doc_type,
    "doc_type_code": _set_doc_type,
    "title": _setter("title", _text),
    "number": _set_number,
    "issuer": _set_issuer,
    "issuer_kind": _set_issuer_kind,
    "scope": _setter("scope", lambda k, v: _choice(k, v, ("provincial", "national"))),
    "province": _setter("province", _province),
    "issued_date": _setter("issued_date", _date),
    "meeting_date": _setter("meeting_date", _date),
    "signer_name": _set_signer_field,
    "signer_title": _set_signer_field,
    "signer": _set_signer,
    "chairs": _setter("chairs", _names),
    "measures": _set_measures,
}
_FIELD_OF = {"doc_type_code": "doc_type", "issuer_kind": "issuer", "signer_name": "signer", "signer_title": "signer"}


def check_consistency(meta: Metadata, items: dict[str, tuple[Any, str]]) -> None:
    """Contradictions that involve at least one overridden value."""
    given = set(items)
    if "doc_type" in given and "doc_type_code" in given:
        by_name = _doc_type("doc_type", items["doc_type"][0])
        by_code = _doc_type("doc_type_code", items["doc_type_code"][0])
        if by_name and by_code and by_name["code"] != by_code["code"]:
            raise OverrideError("doc_type_code", f"{by_code['code']} contradicts doc_type {by_name['name']}")
    if given & {"province", "scope"} and meta.scope == "national" and meta.province is not None:
        raise OverrideError("province" if "province" in given else "scope",
                            "a national document has no province; remove one of the two")
    if given & {"issued_date", "meeting_date"} and meta.issued_date and meta.meeting_date \
            and meta.issued_date < meta.meeting_date:
        raise OverrideError("issued_date" if "issued_date" in given else "meeting_date",
                            f"the notice ({meta.issued_date}) cannot be issued before the meeting it reports "
                            f"({meta.meeting_date})")
    number = meta.number
    if given & {"number", "issued_date"} and number and number.year and meta.issued_date \
            and number.year != int(meta.issued_date[:4]):
        raise OverrideError("number" if "number" in given else "issued_date",
                            f"the number's year {number.year} is not the issue year {meta.issued_date[:4]}")
    if given & {"number", "doc_type", "doc_type_code"} and number and number.type_code and meta.doc_type_code:
        from_number = doc_types().from_code(number.type_code, party=number.form == "party")
        if from_number and from_number["code"] != meta.doc_type_code:
            raise OverrideError("number" if "number" in given else "doc_type",
                                f"the number's type code {number.type_code} contradicts type {meta.doc_type}")
