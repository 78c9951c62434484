"""The site at a 390-px phone and at 1280 px, in Debian's Chromium: nothing cut off, nothing covered.

Material's page does not scroll sideways (``overflow-x: hidden``), so anything wider than the
screen outside a box that scrolls (the tables' scroll wrapper) is text a phone reader never sees.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support.browser import WatchedPage, launched, serve

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Elements reaching past the right (or left) edge of the screen, unless a box that scrolls sideways
# and itself fits on the screen holds them. The navigation drawer waits wholly left of the screen.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsInside = (element) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/(auto|scroll)/.test(style.overflowX)) {
        const r = box.getBoundingClientRect();
        if (r.left >= -1 && r.right <= width + 1) return true;
      }
    }
    return false;
  };
  const cut = [];
  for (const element of document.querySelectorAll('body *')) {
    const r = element.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(element).visibility === 'hidden') continue;
    if (r.right <= 0) continue;  // an off-canvas drawer (the navigation) waiting on the left
    if ((r.right > width + 1 || r.left < -1) && !scrollsInside(element)) {
      cut.push(`${element.tagName.toLowerCase()}.${element.className} [${Math.round(r.left)}, ${Math.round(r.right)}]: `
               + (element.textContent || '').trim().slice(0, 50));
    }
  }
  return cut;
}"""


@pytest.fixture(scope="module")
def site_url(seed_site):
    with serve(seed_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with launched(tmp_path_factory.mktemp("chromium")) as context:
        yield context


@pytest.fixture
def page(browser):
    watched = WatchedPage(browser, offline=True)
    yield watched.page
    watched.assert_clean()
    watched.page.close()


def pages_to_check(seed_site) -> dict[str, str]:
    notice = max(seed_site.records, key=lambda r: len(r["measures"]))  # the fullest metadata panel
    return {"notice": notice["url"], "province": f"tinh/{notice['province']['code']}/", "provinces": "tinh/",
            "comparison": "so-sanh/", "search": "tim-kiem/?q=cach+ly"}


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    if "tim-kiem" in url:
        page.wait_for_selector(".archive-search-page__results .archive-search__result")


@pytest.mark.parametrize("name", ["notice", "province", "provinces", "comparison", "search"])
def test_nothing_is_wider_than_a_phone_outside_a_scrolling_box(name, page, seed_site, site_url, tmp_path):
    page.set_viewport_size(PHONE)
    open_page(page, site_url + pages_to_check(seed_site)[name])
    for summary in page.locator("details:not([open]) > summary").all():  # folded parts too
        if summary.is_visible():
            summary.click()
    page.screenshot(path=str(tmp_path / f"{name}-390.png"), full_page=True)
    assert page.evaluate(CUT_OFF) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("name", ["notice", "comparison", "search"])
def test_desktop_pages_fit_too(name, page, seed_site, site_url, tmp_path):
    page.set_viewport_size(DESKTOP)
    open_page(page, site_url + pages_to_check(seed_site)[name])
    page.screenshot(path=str(tmp_path / f"{name}-1280.png"), full_page=True)
    assert page.evaluate(CUT_OFF) == []


def test_the_comparison_keeps_its_province_column_in_view_when_scrolled(page, site_url):
    page.set_viewport_size(PHONE)
    open_page(page, site_url + "so-sanh/")
    found = page.evaluate("""() => {
      const cell = document.querySelector('.matrix tbody tr td:first-child, .matrix tbody tr th:first-child');
      let box = cell.parentElement;
      while (box && !(/(auto|scroll)/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth))
        box = box.parentElement;
      if (!box) return null;
      box.scrollLeft = box.scrollWidth;
      const edge = box.getBoundingClientRect(), r = cell.getBoundingClientRect();
      return {scrolled: box.scrollLeft, boxLeft: edge.left, left: r.left, right: r.right, text: cell.textContent};
    }""")
    assert found, "the comparison table is wider than a phone: it should scroll inside its box"
    assert found["scrolled"] > 100
    assert abs(found["left"] - found["boxLeft"]) <= 1 and found["right"] <= PHONE["width"], found


def test_search_results_come_before_the_folded_filters_on_a_phone(page, site_url):
    page.set_viewport_size(PHONE)
    open_page(page, site_url + "tim-kiem/?q=cach+ly")
    first = page.locator(".archive-search-page__results .archive-search__result").first.bounding_box()
    box = page.locator(".archive-search-page__filter-box")
    assert box.get_attribute("open") is None, "filters folded on a phone"
    assert first["y"] < box.bounding_box()["y"] and first["y"] < PHONE["height"], "results on the first screen"
    page.set_viewport_size(DESKTOP)
    open_page(page, site_url + "tim-kiem/?q=cach+ly&province=quang-ninh")
    assert page.locator(".archive-search-page__filter-box").get_attribute("open") is not None


def test_a_long_title_leaves_room_on_the_first_screen(page, seed_site, site_url):
    page.set_viewport_size(PHONE)
    longest = max(seed_site.records, key=lambda r: len(r["title"]))
    open_page(page, site_url + longest["url"])
    assert page.locator("h1").bounding_box()["height"] < PHONE["height"] / 2


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_an_opened_paragraph_link_is_not_covered(viewport, page, seed_site, site_url):
    """Opening a § link upwards shows Material's "Trở lại mục lục" button: it must not cover the paragraph."""
    page.set_viewport_size(viewport)
    notice = max(seed_site.records, key=lambda r: r["words"])
    open_page(page, site_url + notice["url"])
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    page.evaluate("location.hash = '#doan-5'")
    page.wait_for_timeout(600)
    boxes = page.evaluate("""() => {
      const rect = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return [r.top, r.bottom]; };
      const top = document.querySelector('.md-top');
      return {target: rect(document.getElementById('doan-5')), header: rect(document.querySelector('.md-header')),
              button: top && !top.hidden && getComputedStyle(top).opacity !== '0' ? rect(top) : null};
    }""")
    assert boxes["target"][0] >= boxes["header"][1] - 1, boxes
    if boxes["button"]:
        assert boxes["target"][0] >= boxes["button"][1], boxes


VIETNAMESE = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


def font_file(family: str) -> str | None:
    found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", family], capture_output=True, text=True)
    lines = found.stdout.splitlines()
    return lines[1] if len(lines) == 2 and family in lines[0].split(",") else None


def test_the_cite_box_renders_vietnamese_with_fonts_that_have_its_letters(page, seed_site, site_url):
    """Every font Chromium uses for the cite box holds each Vietnamese letter as one glyph; a font
    without them (DejaVu Sans Mono, Linux's usual "monospace") draws ế, ề, ể, ố with detached marks."""
    if not shutil.which("fc-match"):
        pytest.skip("fontconfig's fc-match is needed to find the font files Chromium uses")
    from fontTools.ttLib import TTFont

    open_page(page, site_url + seed_site.records[0]["url"])
    sample = "Kết luận: ếềểễệ ốồổỗộ ấầẩẫậ ắằẳẵặ ứừửữự ớờởỡợ Tỉnh ủy"
    page.evaluate("(text) => { const c = document.querySelector('.cite-box pre code'); c.id = 'probe';"
                  " c.textContent = text; }", sample)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#probe"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert fonts
    letters = {ch for ch in sample.lower() if ch in VIETNAMESE} | {ch.upper() for ch in "ếố"}
    for font in fonts:
        path = font_file(font["familyName"])
        assert path, f"no font file for {font['familyName']}"
        cmap = TTFont(path, lazy=True, fontNumber=0).getBestCmap()
        missing = sorted(ch for ch in letters if ord(ch) not in cmap)
        assert not missing, f"{font['familyName']} has no glyph for {''.join(missing)}"


def test_the_cite_box_lines_wrap_on_a_phone(page, seed_site, site_url):
    page.set_viewport_size(PHONE)
    open_page(page, site_url + seed_site.records[0]["url"])
    widths = page.evaluate("[...document.querySelectorAll('.cite-box pre')].map(p => [p.scrollWidth, p.clientWidth])")
    assert widths and all(scroll <= client for scroll, client in widths), widths
