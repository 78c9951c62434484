"""The site-size breakdown: each page's bytes fall in exactly one part, and pages are told apart by kind."""
import json

from benchmarks import site_parts

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><meta property="og:type" content="article">'
        '<script type="application/ld+json">{"a":1}</script></head><body><header class="md-header">h</header>'
        '<div class="md-sidebar" data-md-type="navigation"><div><nav>n</nav></div></div>'
        '<div class="md-sidebar" data-md-type="toc"><div>t</div></div>'
        '<article class="md-content__inner"><div class="notice-meta">m</div><p id="doan-1">x</p></article>'
        '<footer>f</footer></body></html>')


def test_the_parts_of_a_page_add_up_to_the_page():
    parts = site_parts.page_parts(PAGE)
    whole = ["head", "header", "navigation", "toc", "article", "rest"]
    assert sum(parts[p] for p in whole) == len(PAGE.encode())
    assert parts["navigation"] == len('<div class="md-sidebar" data-md-type="navigation"><div><nav>n</nav></div></div>')
    assert parts["head.og"] == len('<meta property="og:type" content="article">')
    assert parts["article.p_tags"] == len('<p id="doan-1">') and parts["article.meta"] > 0


def test_kinds_of_pages_and_totals_per_notice(tmp_path, capsys):
    site = tmp_path / "site"
    for path, html in {"index.html": PAGE, "notices/a/x/index.html": PAGE, "chu-de/c/p/index.html": PAGE,
                       "chu-de/old/p/index.html": '<meta http-equiv="refresh" content="0; url=../../c/p/">',
                       "search/a.js": "x" * 1000, "nguon/x.txt": "y" * 5000}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    records = {r["kind"]: r for r in site_parts.site_parts(site, 2)}
    assert {k: r.get("pages") for k, r in records.items() if k != "site"} == {
        "root": 1, "notice": 1, "measure-province": 1, "redirect": 1}
    assert records["site"]["kb_per_notice"]["nguon"] == 2.5 and records["site"]["html_pages"] == 4
    html = sum(len(p.read_bytes()) for p in site.rglob("*.html"))
    assert records["site"]["kb_per_notice_html_search_data"] == round((html + 1000) / 2 / 1000, 2)
    site_parts.main([str(site), "2", "--before", str(site)])
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["before"] == first["after"]
