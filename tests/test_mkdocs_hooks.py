"""The hook that finishes generated pages: links resolved per edition, table of contents, no lost text."""
from types import SimpleNamespace

from mkdocs.structure.toc import AnchorLink

from build_tools import mkdocs_hooks as hooks


def page(url: str, src: str):
    return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src))


def test_links_resolve_for_directory_urls_and_for_html_files():
    hooks._pages.update({"tinh/index", "notices/quang-ninh/a", "index"})
    html = '<a href="@/tinh/index">x</a><a href="@/notices/quang-ninh/a#doan-3">y</a><a href="@file/nguon/a.txt">z</a>'
    online = hooks.resolve_links(html, page("tinh/quang-ninh/", "tinh/quang-ninh.md"), True)
    assert online == ('<a href="../">x</a><a href="../../notices/quang-ninh/a/#doan-3">y</a>'
                      '<a href="../../nguon/a.txt">z</a>')
    usb = hooks.resolve_links(html, page("tinh/quang-ninh.html", "tinh/quang-ninh.md"), False)
    assert usb == ('<a href="index.html">x</a><a href="../notices/quang-ninh/a.html#doan-3">y</a>'
                   '<a href="../nguon/a.txt">z</a>')
    home = hooks.resolve_links('<a href="@/index">h</a>', page("", "index.md"), True)
    assert home == '<a href="./">h</a>'


def test_a_link_to_a_missing_page_is_reported(caplog):
    hooks._pages.discard("tinh/nowhere")
    hooks.resolve_links('<a href="@/tinh/nowhere">x</a>', page("", "index.md"), True)
    assert "tinh/nowhere" in caplog.text


def test_generated_headings_nest_under_the_title():
    title = AnchorLink("Tiêu đề", "tieu-de", 1)
    toc = hooks.table_of_contents([title], [[3, "muc-1", "I. Tình hình"], [2, "lien-quan", "Liên quan"],
                                            [3, "cung-tinh", "Cùng <tỉnh>"]])
    (root,) = list(toc)
    assert [c.id for c in root.children] == ["muc-1", "lien-quan"]
    assert [c.title for c in root.children[1].children] == ["Cùng &lt;tỉnh&gt;"]


def test_indentation_goes_but_preformatted_text_stays():
    html = "<div>\n    <p>a</p>\n</div><pre>  x\n    y</pre>\n  <textarea>\n  z</textarea>"
    assert hooks.without_indentation(html) == "<div>\n<p>a</p>\n</div><pre>  x\n    y</pre>\n<textarea>\n  z</textarea>"


def test_pages_rendered_by_two_processes_are_the_pages_one_process_renders(tmp_path):
    import hashlib

    from build_tools.site import BuildOptions, build_site
    from tests.conftest import copy_seeds

    def digest(site):
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    source = copy_seeds(tmp_path / "source")
    sites = []
    for workers in (1, 2):
        out = tmp_path / f"site-{workers}"
        build_site(BuildOptions(source=source, out=out, workers=workers, cache=tmp_path / "cache",
                                registry=tmp_path / "permalinks.yml"))
        sites.append(digest(out))
    assert len(sites[0]) > 50 and sites[0] == sites[1]
