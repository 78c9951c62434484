"""Adjacency, names, snippets and typing vs finished queries in Chromium, from file:// and over http.

The notices are tests/search/corpus.py's confusable set: each query has one right notice
and distractors holding its syllables in other words, in another order or apart.
"""
import pytest

from build_tools.search import IndexReader
from tests.search.corpus import CONFUSABLE_DOCS, DOCS, SIGNATURE, write_site
from tests.support.browser import WatchedPage, launched, serve

pytestmark = pytest.mark.browser

QUERIES = ["van don ", "Vân Đồn ", "van don", "văn đơn ", "huu lung ", "Hữu Lũng", "lang son", "lang son ",
           "Lạng Sơn ", "học trực tuyến ", "hoc truc tuyen", "họp trực tuyến ", "Phạm Quốc Vinh ", "pham quoc vinh",
           "cẩm phả ", "cach ly tai nha ", "huu lu", "cach l"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xếp hạng") / "Kho (bản thử)"
    write_site(folder, DOCS + CONFUSABLE_DOCS)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with launched(tmp_path_factory.mktemp("chromium")) as context:
        yield context


@pytest.fixture(scope="module", params=["file", "http"])
def base(request, site):
    if request.param == "file":
        yield site.as_uri() + "/"
    else:
        with serve(site) as url:
            yield url


@pytest.fixture
def page(browser, base):
    watched = WatchedPage(browser, offline=True)
    watched.page.goto(base + "index.html")
    watched.page.wait_for_function("window.archiveSearch !== undefined")
    yield watched.page
    watched.assert_clean()
    watched.page.close()


def query(page, text, filters=None):
    return page.evaluate("([q, f]) => window.archiveSearch.query(q, f)", [text, filters or {}])


def ids(results):
    return [r["url"].rsplit("/", 1)[1].removesuffix(".html") for r in results]


def marked(result):
    return [result["snippet"][a:b] for a, b in result["highlights"]]


def test_js_ranks_like_the_python_reference(page, site):
    reader = IndexReader(site / "search")
    for text in QUERIES:
        assert ids(query(page, text)) == ids(reader.query(text)), text


@pytest.mark.parametrize("text, right", [
    ("van don", "qn-van-don"), ("Hữu Lũng ", "ls-huu-lung"), ("lang son", "ls-huu-lung"),
    ("học trực tuyến", "hoc-truc-tuyen"), ("họp trực tuyến ", "hop-truc-tuyen"),
])
def test_adjacent_words_rank_first(page, text, right):
    assert ids(query(page, text))[0] == right


def test_a_signer_is_found_through_the_signature_block(page):
    result = query(page, "pham quoc vinh ")[0]
    assert ids([result]) == ["signed"]
    assert result["href"].endswith("signed.html#chu-ky")
    assert SIGNATURE.endswith(result["snippet"][-len("Phạm Quốc Vinh"):])
    assert marked(result) == ["Phạm", "Quốc", "Vinh"]


def test_snippet_marks_the_adjacent_words_not_a_syllable_of_another_word(page):
    result = next(r for r in query(page, "cach ly ") if ids([r]) == ["snippet"])
    assert marked(result) == ["cách", "ly"], "the 'lý' of 'bệnh lý nền' is another word"
    assert "cách ly y tế tại nhà" in result["snippet"]
    assert result["href"].endswith("#doan-1")


def test_snippet_comes_from_the_paragraph_where_the_words_stand_together(page):
    result = query(page, "Lạng Sơn ")[0]
    assert result["anchor"] == "doan-1" and marked(result) == ["Lạng", "Sơn"]


def test_typing_and_finished_queries(page):
    finished = ids(query(page, "lang son "))
    assert ids(query(page, "lang son")) == finished
    assert ids(query(page, "  lang    son  ")) == finished
    assert ids(query(page, "lang son", {"prefix": False})) == finished
    assert ids(query(page, "huu lu"))[0] == "ls-huu-lung"
    assert ids(query(page, "huu lu ")) == [], "a finished query ranks whole words"


def test_search_page_ranks_a_shared_url_as_a_finished_query(browser, base):
    watched = WatchedPage(browser, offline=True)
    watched.page.goto(base + "tim-kiem.html?q=huu%20lu")
    watched.page.wait_for_selector(".archive-search-page__status:has-text('Không tìm thấy')")
    box = watched.page.locator("#archive-search-q")
    box.fill("huu lun")
    watched.page.wait_for_selector(".archive-search-page__results .archive-search__result")
    first = watched.page.locator(".archive-search-page__results .archive-search__link").first
    assert first.get_attribute("href").endswith("ls-huu-lung.html#doan-1")
    watched.assert_clean()
    watched.page.close()
