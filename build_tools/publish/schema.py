"""The JSON schema of a notice's record, generated from the record types (one description).

``records.NoticeRecord`` and its parts (the extraction's ``model`` records) give the fields and
their types; ``CONSTRAINTS`` adds what a type cannot say (formats, patterns, vocabularies of a
few words). The schema accepts every shape the record is published in: ``Metadata.to_dict()``
(the extraction's output, where a title may be unknown), the full record (``nguon/<id>.json``)
and the dataset row (``data/notices.json``: a ``url``, each measure's evidence replaced by its
``anchors``, no citation texts, clues or mentions).

    .venv/bin/python -m build_tools.publish.schema > build_tools/data/notice.schema.json

writes ``data/notice.schema.json``; a test checks the file is what this module generates, and
``commands/check.py`` fills the enums of province, measure and type codes from ``data/`` when it loads it.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from typing import Any

from .. import model
from ..data_files import load_yaml
from . import records

DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
DATE_FIELDS = {"issued_date", "meeting_date", "citation.date", "deadline.date", "coded_measure.start",
               "coded_measure.end"}
DEF_NAMES = {model.DocNumber: "number", model.Issuer: "issuer", model.Province: "province", model.Signer: "signer",
             model.Citation: "citation", model.Deadline: "deadline", model.Place: "place",
             model.MeasureTag: "measure", model.Evidence: "evidence", model.Clue: "clue",
             model.Measure: "coded_measure", model.MeasurePlace: "measure_place",
             records.SourceRecord: "source", records.OcrQualityRecord: "ocr_quality",
             records.CitedDocument: "cited_document", records.CitationTexts: "citation_texts",
             model.Provenance: "provenance", records.CopyRef: "copy",
             records.ScanRecord: "scan"}
CONSTRAINTS: dict[str, dict[str, Any]] = {
    "id": {"minLength": 1},
    "scope": {"enum": ["provincial", "national", None]},
    "chairs": {"items": {"minLength": 1}},
    "number.text": {"minLength": 3},
    "number.number": {"pattern": "^[0-9]+(\\.[0-9]+)?[a-z]?$"},
    "number.year": {"minimum": 1945, "maximum": 2100},
    "number.form": {"enum": ["state", "party"]},
    "issuer.name": {"minLength": 1},
    "issuer.kind": {"enum": ["state", "party"]},
    "issuer.body": {"minLength": 1},
    "province.gso": {"pattern": "^[0-9]{2}$"},
    "signer.authority": {"enum": ["T/M", "T/L", "K/T", "TM.", "KT.", "TL.", "TUQ.", "Q.", None]},
    "citation.text": {"minLength": 1},
    "citation.offset": {"minimum": 0},
    "citation.key": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "deadline.time": {"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
    "place.name": {"minLength": 1},
    "place.kind": {"enum": "district kinds"},  # read from place_context.yml (``constraints``)
    "place.offset": {"minimum": 0},
    "measure.oxcgrt": {"pattern": "^(C[1-8]|E[1-2]|H[1-8]|V[1-4])$"},
    "coded_measure.oxcgrt": {"pattern": "^(C[1-8]|E[1-4]|H[1-8]|V[1-4])$"},
    "coded_measure.level": {"minimum": 0, "maximum": 5},
    "coded_measure.scope": {"enum": ["general", "targeted"]},
    "coded_measure.direction": {"enum": ["impose", "relax"]},
    "coded_measure.end_rule": {"enum": ["date", "duration", "until-further-notice", None]},
    "measure_place.name": {"minLength": 1},
    "evidence.text": {"minLength": 1},
    "clue.confidence": {"minimum": 0, "maximum": 1},
    "source.sha256": {"pattern": "^[0-9a-f]{64}$"},
    "source.size": {"minimum": 0},
    "provenance.retrieved": {"pattern": DATE["pattern"], "format": "date"},
    "provenance.source_url": {"pattern": "^https?://"},
}
# The dataset row's own additions, and what it leaves out of a part.


def constraints(path: str) -> dict[str, Any]:
    """The constraints of ``path``; an enum named "district kinds" is the district kinds of
    place_context.yml (``district_kind_words``), in their order."""
    found = CONSTRAINTS.get(path, {})
    if found.get("enum") == "district kinds":
        kinds = load_yaml("place_context.yml")["district_kind_words"].values()
        return dict(found, enum=list(dict.fromkeys(kinds)))
    return found


EXTRA_PROPERTIES = {"": {"url": {"type": "string"}},
                    "measure": {"anchors": {"type": "array", "items": {"type": "string"},
                                            "description": "paragraph anchors of the evidence "
                                                           "(the dataset's short form of evidence)"}}}
NOT_REQUIRED = {"measure": {"evidence"}}
DROPPED_BY_THE_DATASET = {"cites", "clues", "citation"}


def type_schema(hint: Any, path: str, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema of one Python type (``path``: where it sits, for the constraints)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = type_schema(options[0], path, defs) if len(options) == 1 else {}
        if type(None) not in args:
            return inner
        if "enum" in inner:
            return inner
        if isinstance(inner.get("type"), str) and "$ref" not in inner:
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [{"type": "null"}, inner]}
    if path in DATE_FIELDS:
        return {"$ref": "#/$defs/date"}
    if dataclasses.is_dataclass(hint):
        name = DEF_NAMES[hint]
        if name not in defs:
            defs[name] = {}  # placeholder: a part that refers to itself stays finite
            defs[name] = object_schema(hint, name, defs)
        return {"$ref": f"#/$defs/{name}"}
    if origin in (list, tuple) or hint in (list, tuple):
        item = args[0] if args else Any
        schema = {"type": "array", "items": with_constraints(type_schema(item, path + "[]", defs),
                                                               constraints(path).get("items", {}))}
        if origin is tuple and args and args[-1] is not Ellipsis:
            schema.update(minItems=len(args), maxItems=len(args))
        return schema
    if origin in (dict, Mapping) or hint is dict:
        value = args[1] if len(args) == 2 else Any
        return {"type": "object", "additionalProperties": type_schema(value, path + "{}", defs) if value is not Any
                else True}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    return {}


def with_constraints(schema: dict[str, Any], constraints: dict[str, Any]) -> dict[str, Any]:
    extra = {k: v for k, v in constraints.items() if k != "items"}
    if not extra:
        return schema
    if "enum" in extra:
        return {"enum": extra["enum"]}
    if "anyOf" in schema:  # an optional part: constrain the part, not the null
        return {"anyOf": [schema["anyOf"][0], {**schema["anyOf"][1], **extra}]}
    return {**schema, **extra}


def field_schema(owner: str, name: str, hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    path = f"{owner}.{name}" if owner else name
    return with_constraints(type_schema(hint, path, defs), constraints(path))


def object_schema(cls: type, name: str, defs: dict[str, Any]) -> dict[str, Any]:
    """A part: every field typed, those without a default required, nothing else allowed."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    properties = {f.name: field_schema(name, f.name, hints[f.name], defs) for f in fields}
    properties.update(EXTRA_PROPERTIES.get(name, {}))
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                and f.name not in NOT_REQUIRED.get(name, set())]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def notice_schema() -> dict[str, Any]:
    """The schema of a notice's record in every shape it is published in (see the module's docstring)."""
    defs: dict[str, Any] = {"date": DATE}
    record_hints = typing.get_type_hints(records.NoticeRecord)
    metadata_hints = typing.get_type_hints(model.Metadata)
    properties = {}
    for item in dataclasses.fields(records.NoticeRecord):
        hint = record_hints[item.name]
        if item.name in metadata_hints and type(None) in typing.get_args(metadata_hints[item.name]):
            hint = hint | None  # unknown in the extraction's output (a title), never in a published record
        properties[item.name] = field_schema("", item.name, hint, defs)
    properties.update(EXTRA_PROPERTIES[""])
    required = [name for name in properties if name in metadata_hints and name not in DROPPED_BY_THE_DATASET]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/covid-archive/notice.schema.json",
        "title": "A notice's record: build_tools/publish/records.py NoticeRecord (generated: do not edit)",
        "description": "Generated by `python -m build_tools.publish.schema` from the record types "
                       "(publish/records.py, model.py). Unknown values are null. commands/check.py fills the "
                       "enums of province codes, measure codes and document types from build_tools/data/.",
        "type": "object",
        "required": required,
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(notice_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
