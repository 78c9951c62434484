"""The plugin that finishes generated pages: links resolved per edition, table of contents, no lost text."""
import re
from types import SimpleNamespace

from mkdocs.config import load_config
from mkdocs.structure.toc import AnchorLink

from build_tools.publish import links, plugin
from build_tools.publish.plugin import ArchivePlugin
from tests.support.paths import ROOT


def page(url: str, src: str):
    return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src))


def test_mkdocs_yml_names_the_plugin_and_its_options_are_typed():
    config = load_config(str(ROOT / "mkdocs.yml"))
    archive = config.plugins["archive"]
    assert isinstance(archive, ArchivePlugin) and archive.config.processes == 1
    errors, _ = ArchivePlugin().load_config({"processes": 3})
    assert errors and errors[0][0] == "processes"


def test_links_resolve_for_directory_urls_and_for_html_files():
    pages = {"tinh/index", "notices/quang-ninh/a", "index"}
    html = '<a href="@/tinh/index">x</a><a href="@/notices/quang-ninh/a#doan-3">y</a><a href="@file/nguon/a.txt">z</a>'
    online = links.resolve_links(html, page("tinh/quang-ninh/", "tinh/quang-ninh.md"), True, pages)
    assert online == ('<a href="../">x</a><a href="../../notices/quang-ninh/a/#doan-3">y</a>'
                      '<a href="../../nguon/a.txt">z</a>')
    usb = links.resolve_links(html, page("tinh/quang-ninh.html", "tinh/quang-ninh.md"), False, pages)
    assert usb == ('<a href="index.html">x</a><a href="../notices/quang-ninh/a.html#doan-3">y</a>'
                   '<a href="../nguon/a.txt">z</a>')
    home = links.resolve_links('<a href="@/index">h</a>', page("", "index.md"), True, pages)
    assert home == '<a href="./">h</a>'


def test_a_link_to_a_missing_page_is_reported(caplog):
    links.resolve_links('<a href="@/tinh/nowhere">x</a>', page("", "index.md"), True, {"index"})
    assert "tinh/nowhere" in caplog.text


def test_generated_headings_nest_under_the_title():
    title = AnchorLink("Tiêu đề", "tieu-de", 1)
    toc = plugin.table_of_contents([title], [[3, "muc-1", "I. Tình hình"], [2, "lien-quan", "Liên quan"],
                                            [3, "cung-tinh", "Cùng <tỉnh>"]])
    (root,) = list(toc)
    assert [c.id for c in root.children] == ["muc-1", "lien-quan"]
    assert [c.title for c in root.children[1].children] == ["Cùng &lt;tỉnh&gt;"]


def test_indentation_goes_but_preformatted_text_stays():
    html = "<div>\n    <p>a</p>\n</div><pre>  x\n    y</pre>\n  <textarea>\n  z</textarea>"
    assert links.without_indentation(html) == "<div>\n<p>a</p>\n</div><pre>  x\n    y</pre>\n<textarea>\n  z</textarea>"


def test_titles_from_source_text_are_escaped_before_the_theme_prints_them():
    page_ = SimpleNamespace(meta={"title": 'A <script>"x"</script>', "description": "a & b", "toc": []})
    plugin.escape_page_meta(page_)
    assert page_.meta["title"] == "A &lt;script&gt;&quot;x&quot;&lt;/script&gt;" and page_.meta["description"] == "a &amp; b"


def test_pages_outside_the_nav_share_its_html_per_folder():
    archive = ArchivePlugin()
    archive.in_nav = {"tinh/index.md"}
    assert archive.nav_cache_key(page("tinh/", "tinh/index.md")) is None
    assert archive.nav_cache_key(page("tinh/ha-noi/", "tinh/ha-noi.md")) == "/tinh"
    assert archive.nav_cache_key(page("tinh/ha-noi.html", "tinh/ha-noi.md")) == "/tinh"


def test_parts_replace_their_placeholders_and_a_missing_part_leaves_nothing(tmp_path):
    part = tmp_path / "a.json"
    part.write_text('{"body": "<p>x</p>"}', encoding="utf-8")
    html = "<main><!-- archive-part: body --><!-- archive-part: other --></main>"
    assert plugin.insert_parts(html, part) == "<main><p>x</p></main>"
    assert plugin.insert_parts(html, tmp_path / "missing.json") == "<main></main>"


def test_pages_rendered_by_two_processes_are_the_pages_one_process_renders(tmp_path):
    from benchmarks.compare_builds import digests
    from build_tools.publish.site import BuildOptions, build_site
    from tests.conftest import copy_seeds

    digest = digests
    source = copy_seeds(tmp_path / "source")
    sites = []
    for workers in (1, 2):
        out = tmp_path / f"site-{workers}"
        build_site(BuildOptions(source=source, out=out, workers=workers, cache=tmp_path / "cache",
                                registry=tmp_path / "permalinks.yml"))
        sites.append(digest(out))
    assert len(sites[0]) > 50 and sites[0] == sites[1]


def primary_nav(html: str) -> str:
    start = html.index('data-md-type="navigation"')  # to the next sidebar: the theme's nests <nav>s
    return html[start:html.index('data-md-type="toc"', start)]


def theme_nav_targets(page_file, root) -> list:
    from tests.support.links import resolve

    # the active page's own headings (#…) are listed in the theme's navigation too: not a page of the nav
    hrefs = re.findall(r'href="([^"#][^"]*)"', primary_nav(page_file.read_text(encoding="utf-8")))
    targets = [resolve(page_file, href, root).relative_to(root).as_posix() for href in hrefs]
    return list(dict.fromkeys(targets))  # the theme's drawer title links home as well


def script_nav_targets(root) -> list:
    import json

    script = (root / plugin.NAV_SCRIPT).read_text(encoding="utf-8")
    entries = json.loads(script.split("window.archiveNav = ", 1)[1].rstrip().rstrip(";"))
    flat = [e for entry in entries for e in (entry[1] if isinstance(entry[1], list) else [entry])]
    return [(url or "") + "index.html" if not url.endswith(".html") else url for _, url in flat]


def test_pages_outside_the_nav_carry_its_landmark_and_the_link_home_the_rest_is_one_shared_script(seed_site):
    """Notices and index pages (tens of thousands at scale) carry the navigation landmark, the drawer's
    title and the link home; the theme's other links, the same targets in the same order as on the pages
    in the nav, are listed once for the site in plugin.NAV_SCRIPT (size budget)."""
    root = seed_site.site
    notice = seed_site.page(seed_site.records[0])
    compact_nav = primary_nav(notice.read_text(encoding="utf-8"))
    assert 'class="md-nav md-nav--primary archive-nav" aria-label="Thanh điều hướng"' in compact_nav
    assert 'for="__drawer">Kho văn bản' in compact_nav and compact_nav.count("<a ") == 1
    assert re.search(r'<a href="(\.\./)+\.\.">Trang chủ</a>', compact_nav)
    assert len(compact_nav.encode()) < 600 and "\n" not in compact_nav
    assert script_nav_targets(root) == theme_nav_targets(root / "index.html", root)
    assert len(script_nav_targets(root)) == 14 and "tinh/index.html" in script_nav_targets(root)


def test_the_theme_chrome_has_no_line_breaks_between_tags_but_the_article_keeps_its_own():
    html = ('<head>\n<meta a>\n</head><body>\n<nav>\n<a>x</a>\n</nav><article>\n<p><a>1</a>\n<a>2</a></p>\n</article>'
            '\n<footer>\n<p>c</p>\n</footer>')
    assert links.without_indentation(html) == ('<head><meta a></head><body><nav><a>x</a></nav><article>\n'
                                               '<p><a>1</a>\n<a>2</a></p>\n</article><footer><p>c</p></footer>')
