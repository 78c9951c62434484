from build_tools.permalinks import Registry, propose_id


def test_proposed_ids_are_readable_and_fall_back_to_a_hash():
    assert propose_id("quang-ninh", "provincial", 2021, "KL", "2927", "ab" * 32) == "quang-ninh-2021-kl-2927"
    assert propose_id(None, None, None, None, None, "0123456789" * 7) == "khong-ro-nd-vb-01234567"
    assert propose_id(None, "national", 2021, "NQ", "68", "f" * 64) == "vn-2021-nq-68"


def test_ids_are_recorded_once_and_never_derived_again(tmp_path):
    path = tmp_path / "permalinks.yml"
    registry = Registry.load(path)
    first = registry.assign("a.txt", "1" * 64, "khong-ro-nd-vb-11111111", "notices/khong-ro", "2026-01-01")
    registry.save()
    reloaded = Registry.load(path)
    # extraction improved: the province is now known, so the proposal differs; the id must not
    again = reloaded.assign("a.txt", "1" * 64, "lang-son-2021-tb-521", "notices/lang-son", "2026-02-01")
    assert again.id == first.id
    assert again.path == f"notices/lang-son/{first.id}"
    assert again.redirects == [f"notices/khong-ro/{first.id}"], "the old URL is kept as a redirect"
    assert again.added == "2026-01-01"


def test_edited_and_renamed_files_keep_their_id(tmp_path):
    registry = Registry.load(tmp_path / "permalinks.yml")
    entry = registry.assign("a.txt", "1" * 64, "x-2021-tb-1", "notices/x")
    assert registry.assign("a.txt", "2" * 64, "x-2021-tb-9", "notices/x").id == entry.id  # content corrected
    assert registry.assign("b.txt", "2" * 64, "x-2021-tb-9", "notices/x").id == entry.id  # then renamed


def test_two_notices_proposing_the_same_id_get_distinct_ids(tmp_path):
    registry = Registry.load(tmp_path / "permalinks.yml")
    one = registry.assign("a.txt", "1" * 64, "x-2021-tb-1", "notices/x")
    two = registry.assign("b.txt", "2" * 64, "x-2021-tb-1", "notices/x")
    assert one.id == "x-2021-tb-1" and two.id == "x-2021-tb-1-2"
