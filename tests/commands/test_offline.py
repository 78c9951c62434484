"""The USB edition from file:// with all network refused, and the public site over http://."""
import zipfile

import pytest

from tests.support.browser import WatchedPage, launched, serve

pytestmark = pytest.mark.browser


def walk_the_archive(page, start_url: str, shots) -> None:
    """home → province → notice → theme → notice, by clicking links as a reader would."""
    page.goto(start_url)
    content = ".md-content"
    page.click(f"{content} a:has-text('Theo tỉnh, thành phố')")
    page.click(f"{content} a:has-text('Quảng Ninh')")
    page.wait_for_selector("h1")
    page.click(f"{content} a[href*='notices/']")
    page.wait_for_selector(".notice-meta")
    page.wait_for_selector(".md-content a.para-link")  # the visible § link on every paragraph
    assert page.locator(".cite-box").count() == 1
    shots("notice")
    notice_url = page.url
    page.click(".notice-original summary")
    page.click(".notice-original a.original-link")  # the original as received opens in the browser
    page.wait_for_load_state("load")
    assert page.url.endswith(".txt") and "COVID" in page.inner_text("body").upper()
    page.goto(notice_url)
    page.wait_for_selector(".notice-meta")
    page.click(".notice-meta .tags a")
    page.wait_for_selector("h1")
    shots("theme")
    page.click(f"{content} a[href*='notices/']")
    page.wait_for_selector(".notice-meta")


def search(page, text: str) -> list:
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.archiveSearch !== undefined")
    return page.evaluate("([q]) => window.archiveSearch.query(q, {})", [text])


@pytest.fixture(scope="module")
def unpacked(offline_site, tmp_path_factory):
    """The zip unpacked somewhere else, under another name with spaces and Vietnamese letters."""
    target = tmp_path_factory.mktemp("moved") / "Ổ đĩa USB (E)"
    with zipfile.ZipFile(offline_site.archive) as bundle:
        bundle.extractall(target)
    (folder,) = [p for p in target.iterdir() if p.is_dir()]
    renamed = folder.rename(folder.with_name("Bản sao kho lưu trữ"))
    return renamed


def test_offline_edition_has_a_readme_and_every_link_ends_in_a_file(offline_site):
    readme = (offline_site.site / "ĐỌC TÔI.txt").read_text(encoding="utf-8")
    assert "index.html" in readme and f"{offline_site.report.published} văn bản" in readme
    assert (offline_site.site / "README.txt").is_file()
    home = (offline_site.site / "index.html").read_text(encoding="utf-8")
    assert "tinh/index.html" in home, "offline links must name files, not folders"
    for bad in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
        assert bad not in home


def test_walk_and_search_from_file_url_with_no_network(unpacked, tmp_path):
    with launched(tmp_path) as browser:
        watched = WatchedPage(browser, offline=True)
        shots = lambda name: watched.page.screenshot(path=str(tmp_path / f"offline-{name}.png"))  # noqa: E731
        walk_the_archive(watched.page, (unpacked / "index.html").as_uri(), shots)
        for query in ("cach ly tap trung", "cách ly tập trung"):
            results = search(watched.page, query)
            assert results, f"no result for {query!r} offline"
        watched.assert_clean()


def test_same_walk_over_http(seed_site, tmp_path):
    with serve(seed_site.site) as base, launched(tmp_path) as browser:
        watched = WatchedPage(browser, offline=True)  # only 127.0.0.1 is allowed
        walk_the_archive(watched.page, base, lambda name: None)
        assert search(watched.page, "cach ly tap trung")
        watched.assert_clean()


def test_zip_size_per_notice_is_reported(offline_site):
    figures = offline_site.report.figures
    assert figures["zip_bytes"] == offline_site.archive.stat().st_size
    print(f"\nUSB zip: {figures['zip_bytes'] / 1e6:.2f} MB, {figures['zip_bytes_per_notice'] / 1e3:.1f} KB per notice")


# the pages of the navigation (the theme lists the active page's own headings, #…, in it too)
NAV_LINKS = ("() => [...document.querySelectorAll('.md-sidebar--primary nav a')]"
             ".filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.href)")


def walk_the_navigation(page, home_url: str, notice_url: str, tmp_path, edition: str) -> None:
    """A notice (outside the nav) lists the same navigation as the home page once its script ran, at 1280 px
    and in the phone's drawer at 390 px, and its links lead where the home page's do."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(home_url)
    expected = [href.rstrip("/") for href in dict.fromkeys(page.evaluate(NAV_LINKS))]
    page.goto(notice_url)
    page.wait_for_function("() => document.querySelectorAll('nav.archive-nav a').length > 1")
    links = [href.rstrip("/") for href in page.evaluate(NAV_LINKS)]
    assert links == expected and len(links) == 14
    assert page.locator("nav.archive-nav").get_attribute("aria-label") == "Thanh điều hướng"
    assert page.locator("nav.archive-nav a:has-text('Tỉnh, thành phố')").is_visible()
    page.screenshot(path=str(tmp_path / f"nav-{edition}-1280.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.click("label.md-header__button[for=__drawer]")
    link = page.locator("nav.archive-nav a:has-text('Cách trích dẫn')")
    link.wait_for(state="visible")
    page.wait_for_timeout(300)  # the drawer's slide
    page.screenshot(path=str(tmp_path / f"nav-{edition}-390.png"))
    link.click()
    page.wait_for_load_state("load")
    assert "trich-dan" in page.url and "Cách trích dẫn" in page.inner_text("h1")


def test_the_navigation_of_a_notice_from_file_url(unpacked, offline_site, tmp_path):
    notice = offline_site.records[0]["url"]
    with launched(tmp_path) as browser:
        watched = WatchedPage(browser, offline=True)
        walk_the_navigation(watched.page, (unpacked / "index.html").as_uri(), (unpacked / notice).as_uri(),
                            tmp_path, "file")
        watched.assert_clean()


def test_the_navigation_of_a_notice_over_http(seed_site, tmp_path):
    with serve(seed_site.site) as base, launched(tmp_path) as browser:
        watched = WatchedPage(browser, offline=True)
        walk_the_navigation(watched.page, base, base + seed_site.records[0]["url"], tmp_path, "http")
        watched.assert_clean()
