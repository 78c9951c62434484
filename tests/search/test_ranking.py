"""Ranking and filters, checked on the written index with the Python reference reader."""
import pytest

from build_tools.search import IndexReader
from build_tools.search.encoding import decode_numbers, encode_numbers, shard_key
from tests.search.corpus import DOCS, write_site


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    site = tmp_path_factory.mktemp("kho tìm kiếm")
    stats = write_site(site)
    return IndexReader(site / "search"), stats


def ids(results):
    return [r["url"].rsplit("/", 1)[1].removesuffix(".html") for r in results]


def test_folded_and_accented_queries_find_the_same_notice(index):
    reader, _ = index
    assert ids(reader.query("cach ly tap trung "))[0] == "qn-cach-ly"
    assert ids(reader.query("cách ly tập trung "))[0] == "qn-cach-ly"
    assert set(ids(reader.query("cach ly tap trung "))) == {"qn-cach-ly", "qn-tap-trung"}


def test_exact_diacritics_rank_above_folded_matches(index):
    reader, _ = index
    province = ids(reader.query("tỉnh "))
    assert province.index("hp-tinh-hinh") == len(province) - 1, "'tình' alone must come after every 'tỉnh'"
    assert ids(reader.query("tình "))[0] in {"hp-tinh-hinh", "qn-cach-ly"}
    assert ids(reader.query("tinh "))[0] == "hp-tinh-hinh", "without accents plain BM25 decides"


def test_more_occurrences_rank_higher_among_equals(index):
    reader, _ = index
    results = reader.query("tình ")
    assert ids(results)[0] == "hp-tinh-hinh" and results[0]["score"] > results[1]["score"]


def test_phrases_must_be_adjacent_and_in_order(index):
    reader, _ = index
    assert ids(reader.query('"cách ly tập trung"')) == ["qn-cach-ly"]
    assert ids(reader.query('"tập trung cách ly"')) == []


def test_document_numbers(index):
    reader, _ = index
    assert ids(reader.query("68/NQ-CP")) == ["hn-ho-tro"]
    assert ids(reader.query("68/nq-cp ")) == ["hn-ho-tro"]
    assert ids(reader.query("23/2021/QĐ-TTg ")) == ["hn-ho-tro"]
    assert ids(reader.query("2927-TB/TU "))[0] == "qn-cach-ly"


def test_last_word_is_a_prefix_while_typing(index):
    reader, _ = index
    assert "qn-cach-ly" in ids(reader.query("cach l"))
    assert ids(reader.query("cach l", {"prefix": False})) == []


def test_filters(index):
    reader, _ = index
    assert set(ids(reader.query("cach ly ", {"province": "quang-ninh"}))) == {"qn-cach-ly", "qn-tap-trung"}
    assert ids(reader.query("cach ly ", {"province": "Quảng Ninh", "year": 2020})) == ["qn-tap-trung"]
    assert ids(reader.query("ho tro ", {"doc_type": "Kế hoạch"})) == ["hn-ho-tro"]
    assert ids(reader.query("", {"measure": "H7"})) == ["ls-tiem-chung"]
    assert set(ids(reader.query("", {"issuer": "thanh pho"}))) == {"hp-tinh-hinh", "hn-ho-tro"}
    assert ids(reader.query("", {"from": "2021-08", "to": "2021-12-31"})) == ["hp-tinh-hinh", "qn-cach-ly"]
    assert ids(reader.query("", {})) == []


def test_index_is_smaller_than_the_text_it_indexes_at_scale(index):
    _, stats = index
    assert stats["docs"] == len(DOCS) and stats["files"] > 0  # the ratio is measured by the benchmark


def test_numbers_round_trip_through_the_compact_encoding():
    values = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 10**9]
    assert decode_numbers(encode_numbers(values)) == values


def test_every_term_has_one_shard():
    split = {"c", "ca", "cac"}
    assert shard_key("cach", split) == "cach"
    assert shard_key("ca", split) == "ca" and shard_key("c", split) == "c"
    assert shard_key("con", split) == "co" and shard_key("dich", split) == "d"


@pytest.fixture(scope="module")
def two_layouts(tmp_path_factory):
    """The same 206 notices indexed with the default layout and with a tiny one."""
    from build_tools.search import Layout, write_search_index
    from tests.search.corpus import TINY_LAYOUT, generated_docs

    docs = list(DOCS) + generated_docs(200)
    root = tmp_path_factory.mktemp("layouts")
    default = write_search_index(iter(docs), root / "default")
    tiny = write_search_index(iter(docs), root / "tiny", Layout(**TINY_LAYOUT))
    assert tiny["rest_files"] > 0 and tiny["shards"] > default["shards"]
    return IndexReader(root / "default"), IndexReader(root / "tiny")


FINISHED = ["phòng chống dịch ", "tỉnh ", "cach ly tap trung ", '"cách ly" ', "covid 19 ", "f0 ",
            "quang ninh ", "ubnd ", "tiêm vắc xin "]


def test_finished_words_rank_the_same_whatever_the_file_layout(two_layouts):
    default, tiny = two_layouts
    for text in FINISHED:
        for filters in ({}, {"province": "quang-ninh"}, {"year": 2021}):
            assert default.query(text, filters, limit=30) == tiny.query(text, filters, limit=30), (text, filters)


def test_completions_use_only_their_top_postings_while_typing(two_layouts):
    default, tiny = two_layouts
    assert tiny.split and "" in tiny.shard(next(iter(sorted(tiny.split))))
    typed = tiny.query("phòng c", limit=200)
    assert typed and len(typed) <= len(default.query("phòng c", limit=200))


# --- adjacency, accents as evidence, names, typing (issue 19) ---------------------------------------


@pytest.fixture(scope="module")
def confusable(tmp_path_factory):
    from tests.search.corpus import CONFUSABLE_DOCS
    site = tmp_path_factory.mktemp("confusable")
    write_site(site, DOCS + CONFUSABLE_DOCS)
    return IndexReader(site / "search")


@pytest.mark.parametrize("query, right", [
    ("van don ", "qn-van-don"), ("Vân Đồn ", "qn-van-don"), ("van don", "qn-van-don"),
    ("huu lung ", "ls-huu-lung"), ("Hữu Lũng", "ls-huu-lung"),
    ("lang son ", "ls-huu-lung"), ("Lạng Sơn", "ls-huu-lung"),
    ("học trực tuyến ", "hoc-truc-tuyen"), ("hoc truc tuyen ", "hoc-truc-tuyen"),
    ("họp trực tuyến ", "hop-truc-tuyen"),
    ("Phạm Quốc Vinh ", "signed"), ("pham quoc vinh", "signed"),
])
def test_words_side_by_side_rank_first(confusable, query, right):
    assert ids(confusable.query(query))[0] == right


def test_a_scattered_match_ranks_below_every_adjacent_one(confusable):
    results = confusable.query("lang son ")
    adjacent = [r["adjacent"] for r in results]
    assert adjacent == sorted(adjacent, reverse=True) and adjacent[0] == 1
    assert "qn-nghi-huu" not in ids(results)[:1]


def test_accents_pick_the_reading(confusable):
    assert ids(confusable.query("văn đơn "))[0] == "vd-van-don-thu", "the typed accents win among adjacent matches"
    assert ids(confusable.query("Vân Đồn "))[0] == "qn-van-don"


def test_close_together_ranks_between_adjacent_and_scattered(confusable):
    order = ids(confusable.query("cẩm phả "))
    assert order.index("qn-nghi-huu") < order.index("ls-huu-lung") < order.index("cam-scattered")


def test_spacing_never_changes_results(confusable):
    finished = ids(confusable.query("lang son "))
    assert ids(confusable.query("  lang   son ")) == finished
    assert ids(confusable.query("lang son", {"prefix": False})) == finished
    assert ids(confusable.query("lang son")) == finished, "typing: no completion-only scattered match added"


def test_typing_completes_only_the_last_word(confusable):
    assert ids(confusable.query("huu lu"))[0] == "ls-huu-lung"
    assert ids(confusable.query("huu lu", {"prefix": False})) == []
    assert ids(confusable.query("hu lung")) == [], "only the word being typed is a prefix"


def test_common_terms_rest_pages_are_named_by_term_and_listed(two_layouts):
    """The browser loads a common term's rest beside its shard: the manifest must list every one."""
    from build_tools.search.index import rest_path

    _, tiny = two_layouts
    listed = set(tiny.manifest["rests"].split("\n"))
    with_rest = {term for key in tiny.shards for term, entry in tiny.shard(key).items()
                 if term and len(entry) == 4}
    assert with_rest and listed == with_rest
    assert all((tiny.directory / rest_path(term)).exists() for term in listed)
