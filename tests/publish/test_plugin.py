"""The plugin that finishes generated pages: links resolved per edition, table of contents, no lost text."""
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
