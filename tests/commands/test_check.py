"""check_notices: schema validation of front matter and the fields a curator should review."""
import json

from build_tools.commands.check import check_notice, check_notices, main
from build_tools.extract import extract

from tests.extract.helpers import document
from tests.extract.test_seeds import EXPECTED, load_seed


def record_of(meta, **extra):
    data = meta.to_dict()
    data.update(extra)
    return data


def test_extracted_seeds_are_valid():
    for prefix in EXPECTED:
        result = check_notice(record_of(extract(load_seed(prefix)), id=prefix), threshold=0.5)
        assert result.ok, result.errors
        assert "issued_date" in result.unknown  # no seed has a date line


def test_lost_signer_name_is_listed():
    result = check_notice(record_of(extract(load_seed("003"))))
    assert "signer.name" in result.unknown and "number" in result.unknown


def test_schema_errors_name_the_field():
    meta = extract(document(title=["THÔNG BÁO"], body=["Nội dung."]))
    data = record_of(meta, issued_date="2021-02-31", province={"code": "quang-nam-da-nang", "name": "X"})
    data["measures"] = [{"code": "curfew", "label": "x", "oxcgrt": "Z9", "evidence": []}]
    errors = "\n".join(check_notice(data).errors)
    assert "issued_date" in errors and "province.code" in errors and "measures.0.code" in errors
    assert "measures.0.oxcgrt" in errors


def test_missing_required_field_is_an_error():
    assert not check_notice({"doc_type": "Thông báo"}).ok


def test_low_confidence_and_national_documents():
    data = record_of(extract(document(header=["CHÍNH PHỦ", "Số: 25/2026/NQ-CP", "Hà Nội, ngày 30 tháng 4 năm 2026"],
                                      title=["NGHỊ QUYẾT"], body=["Điều 1."])))
    data["clues"]["number"]["confidence"] = 0.3
    result = check_notice(data)
    assert result.ok, result.errors
    assert "province" not in result.unknown  # a national document has no province to miss
    assert result.low_confidence == [("number", 0.3, "header-number-line")]


def test_pages_and_json_files(tmp_path):
    meta = extract(document(title=["THÔNG BÁO"], body=["Nội dung."]))
    record = json.loads(json.dumps(record_of(meta, id="tb-1"), default=list))
    page = tmp_path / "tb-1.md"
    import yaml
    page.write_text("---\n" + yaml.safe_dump(record, allow_unicode=True) + "---\n\n# Trang\n", encoding="utf-8")
    (tmp_path / "notices.json").write_text(json.dumps([record]), encoding="utf-8")
    results = check_notices([tmp_path, tmp_path / "notices.json"])
    assert [r.ok for r in results] == [True, True, True]  # the folder's page and JSON file, then the file itself
    assert main([str(tmp_path)]) == 0


def test_check_folder_runs_the_real_pipeline_without_writing_the_registry(tmp_path, capsys):
    import shutil

    from build_tools.commands.check import check_folder
    from tests.extract.test_seeds import seed_path

    for prefix in ("003", "004"):
        shutil.copy(seed_path(prefix), tmp_path)
    assert check_folder(tmp_path) == 0
    out = capsys.readouterr().out
    assert "signer.name" in out and "2 notices checked: 0 invalid" in out
    assert not (tmp_path / "permalinks.yml").exists()


def test_check_lists_a_file_that_is_not_a_notice(tmp_path, capsys):
    import shutil

    from build_tools.commands.check import check_folder
    from tests.support.paths import seed

    shutil.copy(seed("004"), tmp_path / seed("004").name)
    (tmp_path / "du lieu.bin").write_bytes(bytes(range(256)))
    assert check_folder(tmp_path) == 0
    out = capsys.readouterr().out
    assert "skipped, not a notice: du lieu.bin" in out
