"""archive-search.js in Debian's Chromium, from file://, with every network request refused.

The page is a minimal stand-in for a Material page (a ``.md-header__inner`` and the
script at ``<root>/assets/javascripts/``); the site folder has spaces and Vietnamese
letters in its name, as the USB edition does.
"""
import re
import unicodedata

import pytest

from build_tools.search import IndexReader, fold, parse_query, tokens
from tests.search.corpus import DOCS, INJECTION, write_site
from tests.vietnamese.test_fold import vietnamese_letters
from tests.support.browser import WatchedPage, launched
from tests.support.paths import CONGBAO, SEEDS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tìm kiếm") / "Kho lưu trữ (bản thử)"
    write_site(folder)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with launched(tmp_path_factory.mktemp("chromium")) as context:
        yield context


@pytest.fixture
def watched(browser, site):
    """A page of the site with all network refused; fails the test on console errors or dialogs."""
    page = WatchedPage(browser, offline=True)
    dialogs = []
    page.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.page.goto((site / "index.html").as_uri())
    page.page.wait_for_function("window.archiveSearch !== undefined")
    yield page
    assert not dialogs, f"a script from the index ran: {dialogs}"
    page.assert_clean()
    page.page.close()


def query(page, text, filters=None):
    return page.evaluate("([q, f]) => window.archiveSearch.query(q, f)", [text, filters or {}])


def ids(results):
    return [r["url"].rsplit("/", 1)[1].removesuffix(".html") for r in results]


# --- the same rules in both languages -------------------------------------------


def test_js_fold_equals_python_fold_on_every_vietnamese_letter(watched):
    letters = vietnamese_letters() + ["Ð", "ð"]
    assert len(letters) >= 146
    browser_folds = watched.page.evaluate("(ls) => ls.map(l => window.archiveSearch.fold(l))", letters)
    mismatches = [(l, b, fold(l)) for l, b in zip(letters, browser_folds) if b != fold(l)]
    assert not mismatches


def test_js_fold_equals_python_fold_on_latin_and_combining_ranges(watched):
    ranges = [range(0x20, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00)]
    chars = [chr(c) for r in ranges for c in r if unicodedata.category(chr(c)) != "Cn"]
    browser_folds = watched.page.evaluate("(cs) => cs.map(c => window.archiveSearch.fold(c))", chars)
    mismatches = [(hex(ord(c)), b, fold(c)) for c, b in zip(chars, browser_folds) if b != fold(c)]
    assert not mismatches


def real_paragraphs(limit=400):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    if CONGBAO.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CONGBAO.glob("*.txt"))[:6]]
    paragraphs = [line for text in texts for line in text.splitlines() if line.strip()]
    return paragraphs[:limit] + ["Số: 1977 /QÐ-UBND; 109/UBND - VX; 25-KL/TW; abc/12/x; F0, COVID-19; ½ ² Ⅻ ß İ"]


def test_js_tokens_equal_python_tokens_on_real_text(watched):
    paragraphs = real_paragraphs()
    browser_tokens = watched.page.evaluate("(ps) => ps.map(p => window.archiveSearch.tokens(p))", paragraphs)
    mismatches = [(p[:60], b, tokens(p)) for p, b in zip(paragraphs, browser_tokens) if b != tokens(p)]
    assert not mismatches[:3]


def test_js_query_parsing_equals_python(watched):
    queries = ["cách ly tập tr", "cach ly ", '"giãn cách xã hội" bình dương', '"cách ly tập', "68/NQ-CP",
               "nghị quyết 68/nq", "Tỉnh", 'a "b" c', "dịch bệnh dịch", "", "  ", "23/2021/QĐ-TTg phòng"]
    browser = watched.page.evaluate("(qs) => qs.map(q => window.archiveSearch.parseQuery(q))", queries)
    for text, parsed in zip(queries, browser):
        expected = parse_query(text)
        assert [(w["term"], w["form"], w["prefix"], w["accented"]) for w in parsed["words"]] == \
            [(w.term, w.form, w.prefix, w.accented) for w in expected.words], text
        assert [[w["term"] for w in p] for p in parsed["phrases"]] == \
            [[w.term for w in p] for p in expected.phrases], text


def test_js_ranks_exactly_like_the_python_reference(watched, site):
    reader = IndexReader(site / "search")
    cases = [("cach ly tap trung", {}), ("cách ly", {}), ("tỉnh ", {}), ("tình", {}), ("tinh", {}),
             ("t", {}), ("ho tro", {"doc_type": "Kế hoạch"}), ('"tập trung"', {}), ("", {"year": 2021}),
             ("dich", {"province": "quang-ninh"}), ("ubnd", {"from": "2021-07", "to": "2021-09-30"})]
    for text, filters in cases:
        assert ids(query(watched.page, text, filters)) == ids(reader.query(text, filters)), (text, filters)


# --- behaviour ------------------------------------------------------------------


def test_folded_and_accented_queries_find_the_notice(watched):
    for text in ("cach ly tap trung", "cách ly tập trung"):
        results = query(watched.page, text)
        assert ids(results)[0] == "qn-cach-ly", text
        assert results[0]["anchor"] == "doan-2"
        assert results[0]["href"].endswith("notices/quang-ninh/qn-cach-ly.html#doan-2")


def test_accented_query_ranks_the_exact_spelling_first(watched):
    found = ids(query(watched.page, "tỉnh "))
    assert found[-1] == "hp-tinh-hinh", "a notice with only 'tình' must come after every 'tỉnh'"
    assert ids(query(watched.page, "tình "))[0] == "hp-tinh-hinh"


def test_quoted_phrase(watched):
    assert ids(query(watched.page, '"cách ly tập trung"')) == ["qn-cach-ly"]
    assert ids(query(watched.page, '"tap trung cach ly"')) == []


def test_document_numbers(watched):
    assert ids(query(watched.page, "68/NQ-CP")) == ["hn-ho-tro"]
    assert ids(query(watched.page, "68/nq-cp")) == ["hn-ho-tro"]
    assert ids(query(watched.page, "23/2021/qd-ttg")) == ["hn-ho-tro"]
    result = query(watched.page, "68/NQ-CP")[0]
    marked = [result["snippet"][a:b] for a, b in result["highlights"]]
    assert "68/NQ-CP" in marked


def test_prefix_of_the_last_word(watched):
    assert "qn-cach-ly" in ids(query(watched.page, "cach l"))
    assert ids(query(watched.page, "68/n")) == ["hn-ho-tro"]


def test_filters(watched):
    page = watched.page
    assert set(ids(query(page, "cach ly", {"province": "quang-ninh"}))) == {"qn-cach-ly", "qn-tap-trung"}
    assert ids(query(page, "cach ly", {"province": "quang-ninh", "year": 2020})) == ["qn-tap-trung"]
    assert ids(query(page, "ho tro", {"doc_type": "Kế hoạch"})) == ["hn-ho-tro"]
    assert ids(query(page, "", {"measure": "H7"})) == ["ls-tiem-chung"]
    assert set(ids(query(page, "", {"issuer": "UBND thành phố"}))) == {"hp-tinh-hinh", "hn-ho-tro"}
    assert ids(query(page, "", {"from": "2021-08-01", "to": "2021-12-31"})) == ["hp-tinh-hinh", "qn-cach-ly"]


def test_snippets_highlight_the_original_accented_words(watched):
    result = query(watched.page, "cach ly tap trung")[0]
    marked = [result["snippet"][a:b] for a, b in result["highlights"]]
    assert marked == ["cách", "ly", "tập", "trung"]
    assert result["snippet"].startswith("Thực hiện cách ly tập trung")


def test_works_from_a_page_deeper_in_the_site(browser, site):
    watched = WatchedPage(browser, offline=True)
    watched.page.goto((site / DOCS[0].url).as_uri())
    watched.page.wait_for_function("window.archiveSearch !== undefined")
    assert ids(query(watched.page, "van don"))[0] == "qn-cach-ly"
    watched.assert_clean()
    watched.page.close()


# --- user interface ---------------------------------------------------------------


def test_header_box_shows_results_as_text_only(watched):
    page = watched.page
    box = page.locator(".md-header__inner .archive-search__input")
    box.fill("giãn cách")
    page.wait_for_selector(".archive-search__result")
    snippet = page.locator(".archive-search__snippet").first
    assert INJECTION in snippet.text_content()
    assert page.locator(".archive-search img, .archive-search script").count() == 0
    assert [m.text_content() for m in snippet.locator("mark").all()] == ["giãn", "cách"]
    link = page.locator(".archive-search__link").first.get_attribute("href")
    assert link.endswith("notices/binh-duong/bd-gian-cach.html#doan-1")


def test_header_box_keyboard_and_full_search_link(watched):
    page = watched.page
    box = page.locator(".archive-search__input")
    box.fill("cách ly")
    page.wait_for_selector(".archive-search__result")
    box.press("ArrowDown")
    assert page.locator(".archive-search__result--active").count() == 1
    box.press("Escape")
    assert page.locator(".archive-search__panel").is_hidden()
    box.press("Enter")
    page.wait_for_url(re.compile(r"tim-kiem\.html\?q=c%C3%A1ch"))
    page.wait_for_selector(".archive-search-page__results .archive-search__result")


def test_search_page_reads_and_writes_the_url(browser, site):
    watched = WatchedPage(browser, offline=True)
    page = watched.page
    page.goto((site / "tim-kiem.html").as_uri() + "?q=cach+ly&province=quang-ninh&year=2020")
    page.wait_for_selector(".archive-search-page__results .archive-search__result")
    titles = page.locator(".archive-search-page__results .archive-search__title").all_text_contents()
    assert titles == ["Kết luận về công tác phòng dịch"]
    assert page.locator("#archive-search-province").input_value() == "quang-ninh"
    page.select_option("#archive-search-year", "")
    page.wait_for_function("document.querySelectorAll('.archive-search-page__results li').length === 2")
    assert "year=" not in page.url and "province=quang-ninh" in page.url and "q=cach+ly" in page.url
    page.fill("#archive-search-q", "68/NQ-CP")
    page.select_option("#archive-search-province", "")
    page.wait_for_function("location.search.includes('68%2FNQ-CP')")
    page.wait_for_function(
        "[...document.querySelectorAll('.archive-search-page__results .archive-search__title')]"
        ".map(t => t.textContent).join() === 'Kế hoạch hỗ trợ người lao động gặp khó khăn'")
    watched.assert_clean()
    page.close()


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    """206 notices with a tiny file layout: rest files, split prefixes, truncated completions."""
    from build_tools.search import Layout, write_search_index
    from tests.search.corpus import TINY_LAYOUT, generated_docs

    folder = tmp_path_factory.mktemp("tiny") / "site"
    write_site(folder)
    write_search_index(iter(list(DOCS) + generated_docs(200)), folder / "search", Layout(**TINY_LAYOUT))
    return folder


def test_js_ranks_like_python_on_a_finely_split_index(browser, tiny_site):
    reader = IndexReader(tiny_site / "search")
    watched = WatchedPage(browser, offline=True)
    watched.page.goto((tiny_site / "index.html").as_uri())
    watched.page.wait_for_function("window.archiveSearch !== undefined")
    # Typing first caches completions' truncated postings; the finished words after must not reuse them.
    typed = ["p", "ph", "phò", "phòng", "phòng c", "phòng ch", "phòng chố", "phòng chống", "phòng chống ",
             "c", "ca", "cach", "cach ly", "tỉnh", "t", "tình ", '"cách ly"', "covid 19", "ubnd tỉnh ",
             "quang ninh", "1", "68/n"]
    for text in typed:
        for filters in ({}, {"province": "quang-ninh"}, {"year": "2021", "measure": "H3"}):
            expected = reader.query(text, filters, limit=25)
            got = query(watched.page, text, dict(filters, limit=25))
            assert ids(got) == ids(expected), (text, filters)
            assert [r["score"] for r in got] == pytest.approx([r["score"] for r in expected], rel=1e-6)
    watched.assert_clean()
    watched.page.close()


def test_search_page_keeps_shared_values_that_are_not_among_the_choices(browser, site):
    watched = WatchedPage(browser, offline=True)
    page = watched.page
    page.goto((site / "tim-kiem.html").as_uri() + "?issuer=th%C3%A0nh+ph%E1%BB%91&from=2021-08")
    page.wait_for_selector(".archive-search-page__results .archive-search__result")
    titles = page.locator(".archive-search-page__results .archive-search__title").all_text_contents()
    assert titles == ["Báo cáo tình hình dịch bệnh"]
    assert page.locator("#archive-search-from").input_value() == "2021-08-01"
    assert "issuer=th%C3%A0nh+ph%E1%BB%91" in page.url
    watched.assert_clean()
    page.close()


# --- keystroke work: runs found without tokenising, stale queries stopped, lists kept ------


def _run_cases():
    """Texts built from the structures a run can take: words joined by spaces, punctuation, joiners
    and line breaks, inside longer words, accented or not, with the last word whole or begun."""
    import itertools
    words = [("phòng", "phong"), ("chống", "chong"), ("dịch", "dich"), ("Vân", "van"), ("Đồn", "don")]
    gaps = [" ", ", ", "-", "/", "\n", " (", ".  ", "_", "x"]
    queries = ["phong chong", "phòng chống d", "chong dich ", "van don", "Vân Đồn ", "phong chong dich", "d"]
    texts = []
    for (a, _), (b, _) in itertools.permutations(words, 2):
        for gap in gaps:
            texts.append(f"{a}{gap}{b}")
            texts.append(f"ở {a}{gap}{b}ến cùng")
            texts.append(f"x{a}{gap}{b} và")
    texts += ["phòng, chống dịch COVID-19", "phòng chống-dịch", "PHÒNG CHỐNG DỊCH", "phòngchống dịch", "văn đơn",
              "𝐀phòng chống dịch", "phòng 𝐀 chống", "phòng 😷 chống dịch", "phòng chống𝐀", "chống dịch"]
    return queries, texts


def test_a_run_is_found_like_the_python_word_sequence(watched):
    from build_tools.search.reader import _has_phrase
    from build_tools.search.tokenize import word_sequence
    queries, texts = _run_cases()
    outcomes = set()
    for text_query in queries:
        for prefix in (True, False):
            parsed = parse_query(text_query, prefix)
            found = watched.page.evaluate("([t, q, p]) => t.map(x => window.archiveSearch.holdsRun(x, q, p))",
                                          [texts, text_query, prefix])
            expected = [parsed.chained and _has_phrase(word_sequence(t), parsed.ordered) for t in texts]
            assert found == expected, (text_query, prefix)
            outcomes.update(expected)
    assert outcomes == {True, False}, "the cases hold runs and texts without them"


def test_an_aborted_query_loads_no_notice(watched):
    page = watched.page
    outcome = page.evaluate("""async () => {
        const controller = new AbortController();
        const pending = window.archiveSearch.query('tập trung', {signal: controller.signal});
        controller.abort();
        try { await pending; return 'resolved'; } catch (error) { return error.name; } }""")
    assert outcome == "AbortError"
    assert not [f for f in page.evaluate("window.archiveSearch.loadedFiles()") if f.startswith("search/d/")]
    assert ids(query(page, "tập trung")), "the same query, not aborted, finds notices"


def test_an_equal_query_is_answered_without_work_and_the_list_is_not_drawn_again(watched):
    page = watched.page
    first = query(page, "cach ly tap trung")
    files = len(page.evaluate("window.archiveSearch.loadedFiles()"))
    again = query(page, "  cach   ly  tap trung")  # the same words: the same query
    assert again == first
    assert page.evaluate("window.archiveSearch.lastTimings().cached") is True
    assert len(page.evaluate("window.archiveSearch.loadedFiles()")) == files
    assert query(page, "cach ly tap trung ") != [] and \
        page.evaluate("window.archiveSearch.lastTimings().cached") is None, "a finished query is another query"

    box = page.locator(".md-header__inner .archive-search__input")
    box.fill("cach ly")
    page.wait_for_selector(".archive-search__result")
    page.evaluate("document.querySelector('.archive-search__result').dataset.kept = 'yes'")
    box.fill("cach  ly")  # same results: the list stays as it is
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelector('.archive-search__result').dataset.kept") == "yes"
    box.fill("tập trung")  # other results: drawn again
    page.wait_for_function("!document.querySelector('.archive-search__result[data-kept]')")


def test_the_ranking_cut_is_the_value_a_full_sort_gives(watched):
    import random
    rng = random.Random(7)
    for count, need, spread in [(60, 25, 3), (1000, 25, 1000), (18000, 25, 40), (51, 25, 1), (500, 1, 10)]:
        values = [float(rng.randrange(spread)) * 1e4 + rng.choice([0, 0.5]) for _ in range(count)]
        found = watched.page.evaluate(
            "([v, n]) => window.archiveSearch.nthLargest(Float64Array.from(v), v.length, n)", [values, need])
        assert found == sorted(values)[count - need], (count, need, spread)
