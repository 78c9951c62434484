from benchmarks.province_days_checks import FIXTURE, cell


def test_a_cell_is_read_by_the_indicator_prefix_of_its_oxcgrt_column():
    row = {"C6M_Stay at home requirements": "3", "C6M_Flag": "0", "C6M_Notice": "a-1",
           "C8EV_International travel controls": "4", "C8EV_Notice": "b-2", "H2_Testing policy": ""}
    assert cell(row, "C6") == (3, "0", "a-1")
    assert cell(row, "C8") == (4, None, "b-2")
    assert cell(row, "H2") == (0, None, None)
    assert cell(None, "C1") == (0, None, None)


def test_every_check_names_a_notice_of_the_fixture():
    import yaml

    checks = yaml.safe_load((FIXTURE / "expected.yml").read_text(encoding="utf-8"))["checks"]
    files = {path.name for path in FIXTURE.glob("*.txt")}
    assert checks and all(check["file"] in files for check in checks)
