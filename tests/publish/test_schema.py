"""The record's JSON schema: generated from the record types, and valid for what the build publishes."""
import json

import jsonschema

from build_tools.commands.check import SCHEMA_FILE, validator
from build_tools.publish.schema import notice_schema, schema_text


def test_the_schema_file_is_the_one_generated_from_the_record_types():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "regenerate it: .venv/bin/python -m build_tools.publish.schema > build_tools/data/notice.schema.json"


def test_every_row_of_the_built_dataset_and_every_full_record_is_valid(seed_site):
    rows = json.loads((seed_site.site / "data" / "notices.json").read_text(encoding="utf-8"))
    full = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((seed_site.site / "nguon").glob("*.json"))
            if not path.name.endswith(".csl.json")]
    assert len(rows) == len(full) >= 5
    for record in rows + full:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(record)]
        assert not errors, (record["id"], errors)


def test_a_broken_row_is_refused():
    schema = notice_schema()
    row = {name: None for name in schema["required"]}
    row.update(chairs=[], recipients=[], deadlines=[], places=[], measures=[], overridden={}, title="x")
    jsonschema.Draft202012Validator(schema).validate(row)
    row["measures"] = [{"code": "curfew", "label": "x", "oxcgrt": "Z9"}]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(row))


def test_the_kinds_of_a_place_are_the_district_kinds_of_place_context_yml():
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    def kinds():
        return json.dumps(notice_schema(), ensure_ascii=False)

    assert '"enum": ["huyện", "thị xã", "thành phố", "quận"]' in kinds()
    words = load_yaml("place_context.yml")
    with data_changed(words, "district_kind_words", {"huyện": "huyện", "tp": "thành phố"}):
        assert '"enum": ["huyện", "thành phố"]' in kinds()
