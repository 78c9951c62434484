"""Permalinks survive rebuilds; citations and machine-readable metadata match the notice."""
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser

from build_tools.publish.site import BuildOptions, build_site
from tests.conftest import copy_seeds
from tests.support.links import resolve
from tests.support.paths import seed


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.jsonld, self._in_ld, self.ids, self.paragraph_text = {}, {}, [], False, {}, {}
        self._current = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        key = values.get("name") or values.get("property") or values.get("http-equiv")
        if tag == "meta" and key:
            self.meta.setdefault(key, []).append(values.get("content"))
        if tag == "link" and values.get("rel"):
            self.links[values["rel"]] = values.get("href")
        if tag == "script" and values.get("type") == "application/ld+json":
            self._in_ld = True
        if values.get("id") and tag in ("p", "h3"):
            self._current = values["id"]
            self.paragraph_text[self._current] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False
        if tag in ("p", "h3"):
            self._current = None

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(data)
        elif self._current:
            self.paragraph_text[self._current] += data


def read_page(path: Path) -> HeadReader:
    reader = HeadReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def every_anchor(site: Path, records: list) -> dict[str, tuple[str, str]]:
    """URL#anchor → (source file, text of that paragraph), for every notice paragraph."""
    anchors = {}
    for record in records:
        page = read_page(site / record["url"] / "index.html")
        for anchor, text in page.paragraph_text.items():
            anchors[f"{record['url']}#{anchor}"] = (record["source"]["file"], " ".join(text.split())[:80])
    return anchors


def test_urls_and_anchors_survive_new_notices_and_changed_extraction(tmp_path):
    source = copy_seeds(tmp_path / "source")
    registry = tmp_path / "permalinks.yml"
    build_site(BuildOptions(source=source, out=tmp_path / "one", registry=registry, cache=None))
    before_records = json.loads((tmp_path / "one" / "data" / "notices.json").read_text(encoding="utf-8"))
    before = every_anchor(tmp_path / "one", before_records)
    assert len(before) > 100

    # New notices arrive, and a curator corrects the province of seed 004 (its page must move).
    shutil.copy(seed("000"), source / "extra copy of a new notice.txt")
    (source / "moi.txt").write_text(seed("002").read_text(encoding="utf-8").replace("Báo BR-VT", "Báo Tây Ninh")
                                    .replace("Phạm Việt Thanh", "Nguyễn Thành Tâm"), encoding="utf-8")
    moved = next(p for p in source.iterdir() if p.name.startswith("004"))
    (source / (moved.stem + ".meta.yml")).write_text("province:\n  value: cao-bang\n  reason: test\n",
                                                     encoding="utf-8")
    build_site(BuildOptions(source=source, out=tmp_path / "two", registry=registry, cache=None))
    after_records = json.loads((tmp_path / "two" / "data" / "notices.json").read_text(encoding="utf-8"))
    after = every_anchor(tmp_path / "two", after_records)
    site = tmp_path / "two"
    for link, (file, text) in before.items():
        if link in after:
            assert after[link] == (file, text), link
            continue
        # the page moved: the old URL must lead to the new page, and the anchor must be there
        url, anchor = link.split("#")
        old_page = site / url / "index.html"
        assert old_page.is_file(), f"{url} no longer exists"
        refresh = read_page(old_page).meta["refresh"][0]
        new_url = refresh.split("url=")[1]
        target = resolve(old_page, new_url, site)
        assert read_page(target).paragraph_text.get(anchor) is not None, link
    moved_record = next(r for r in after_records if r["source"]["file"] == moved.name)
    assert moved_record["province"]["code"] == "cao-bang"
    assert moved_record["overridden"] == {"province": "test"}


def test_json_ld_and_meta_tags_describe_the_notice(seed_site):
    record = seed_site.record("004")
    page = read_page(seed_site.page(record))
    data = json.loads("".join(page.jsonld))
    assert data["@type"] == "Legislation" and data["inLanguage"] == "vi"
    assert data["legislationJurisdiction"]["name"] == record["province"]["name"]
    assert data["encoding"]["legislationLegalValue"] == "UnofficialLegalValue"
    assert data["url"].endswith(record["url"])
    assert page.links["canonical"] == data["url"]
    assert page.meta["citation_title"] == [record["title"]]
    assert page.meta["citation_language"] == ["vi"]
    # link previews read the page's title and description; og:* does not repeat them (size budget)
    assert "og:title" not in page.meta and "og:description" not in page.meta and page.meta["og:type"] == ["article"]
    assert page.meta["description"][0] and "@id" not in data
    assert page.meta["citation_technical_report_institution"][0].endswith("Lạng Sơn")
    date = record["issued_date"] or record["meeting_date"]
    assert page.meta["citation_publication_date"] == [date.replace("-", "/")]


def test_machine_readable_scripts_are_compact_and_cannot_close_their_element(seed_site):
    """Every notice page carries its JSON-LD and the theme's configuration: written compactly
    (no ", " or ": " separators, UTF-8 rather than \\u escapes), still unable to close the script."""
    html = seed_site.page(seed_site.record("004")).read_text(encoding="utf-8")
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert ", \"" not in ld and "\": " not in ld
    assert json.loads(ld)["@type"] == "Legislation"
    config = html.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "\\u" not in config.replace("\\u003c", "").replace("\\u003e", "").replace("\\u0026", "").replace("\\u0027", "")
    assert json.loads(config)["translations"]["clipboard.copy"].startswith("Sao chép")
    assert "<" not in ld and "<" not in config


def test_bibtex_from_the_cite_box_parses(seed_site):
    for record in seed_site.records:
        bib = (seed_site.site / "nguon" / f"{record['id']}.bib").read_text(encoding="utf-8")
        library = bibtexparser.parse_string(bib)
        assert not library.failed_blocks, bib
        (entry,) = library.entries
        assert entry.key == record["id"] and entry.entry_type == "techreport"
        assert entry.fields_dict["title"].value == record["title"]
        csl = json.loads((seed_site.site / "nguon" / f"{record['id']}.csl.json").read_text(encoding="utf-8"))
        assert csl["id"] == record["id"] and csl["title"] == record["title"]


def test_sitemap_and_feed_list_the_notices(seed_site):
    sitemap = (seed_site.site / "sitemap.xml").read_text(encoding="utf-8")
    feed = (seed_site.site / "feed.xml").read_text(encoding="utf-8")
    for record in seed_site.records:
        assert record["url"] in sitemap and record["url"] in feed


def test_each_notice_offers_its_original_clean_markdown_and_json_record(seed_site):
    import yaml

    for record in seed_site.records:
        folder = seed_site.site / "nguon"
        original = (seed_site.source / record["source"]["file"]).read_bytes()
        assert (folder / f"{record['id']}.txt").read_bytes() == original  # exactly as received
        markdown = (folder / f"{record['id']}.md").read_text(encoding="utf-8")
        _, front, body = markdown.split("---\n", 2)
        meta = yaml.safe_load(front)
        assert meta["id"] == record["id"] and meta["province"] == record["province"]["code"]
        assert meta["measures"] == [m["code"] for m in record["measures"]]
        assert len(body.split()) >= 0.9 * record["words"]
        full = json.loads((folder / f"{record['id']}.json").read_text(encoding="utf-8"))
        assert full["id"] == record["id"] and full["clues"] and full["cited_documents"] == record["cited_documents"]
        page = seed_site.page(record).read_text(encoding="utf-8")
        for name in (f"{record['id']}.txt", f"{record['id']}.md", f"{record['id']}.json"):
            assert f"nguon/{name}" in page


def seed_record(prefix: str):
    from build_tools.model import NoticeHead
    from build_tools.pipeline import process_file, summarise
    from build_tools.publish.notice_pages import notice_record

    notice = process_file(seed(prefix), seed(prefix).parent).notice
    head = NoticeHead(id="x", source=notice.source, meta=notice.meta, summary=summarise(notice), stored=Path("x"))
    return notice_record(head, "notices/x")


def test_the_words_of_citations_are_read_from_site_yml(monkeypatch):
    """Citations say what data/site.yml says: change the data and the citation follows."""
    from dataclasses import replace

    from build_tools.publish import citation

    record = replace(seed_record("000"), doc_type=None, number=None, issued_date=None)
    text = citation.vietnamese_citation(record, "https://example.org/x", "2026-01-02")
    assert "Văn bản (không số)" in text and "không rõ ngày" in text and "truy cập ngày 02/01/2026" in text
    monkeypatch.setitem(citation.VI, "unnumbered", "{kind} ohne Nummer")
    monkeypatch.setitem(citation.VI, "undated", "ohne Datum")
    monkeypatch.setattr(citation, "DOCUMENT", "Dokument")
    text = citation.vietnamese_citation(record, "https://example.org/x", "2026-01-02")
    assert "Dokument ohne Nummer" in text and "ohne Datum" in text and "không số" not in text
    monkeypatch.setitem(citation.EN, "undated", "n.d.")
    assert "n.d." in citation.english_citation(record, "https://example.org/x", "2026-01-02")


def test_redirect_pages_say_what_site_yml_says(monkeypatch):
    from build_tools.publish import site

    page = site.redirect_pages([("notices/a/x", "notices/b/x")], True)[0]
    assert (page.title, page.markdown.split("[")[0]) == ("Văn bản đã chuyển địa chỉ", "Văn bản này đã chuyển đến ")
    monkeypatch.setitem(site.SITE, "redirect", dict(site.SITE["redirect"], page="Seite", title="{what} verschoben"))
    assert site.redirect_pages([("a", "b")], True, "page")[0].title == "Seite verschoben"


def test_the_logo_is_one_file_every_page_points_to(seed_site):
    """The theme's logo (header and navigation drawer) is an image file, not an inline SVG repeated
    twice on each of tens of thousands of pages; the file is in the site, so it shows from file://."""
    def logos(html):
        return [piece.split('src="', 1)[1].split('"', 1)[0]
                for piece in html.split('class="md-header__button md-logo"')[1:] + html.split('class="md-nav__button md-logo"')[1:]]

    page = seed_site.page(seed_site.record("004"))
    html = page.read_text(encoding="utf-8")
    # a notice's compact navigation has no drawer logo (overrides/partials/archive-nav.html); the home page's has
    assert len(logos(html)) == 1 and logos(html)[0].endswith("assets/images/logo.svg")
    home = logos((seed_site.site / "index.html").read_text(encoding="utf-8"))
    assert len(home) == 2 and all(src.endswith("assets/images/logo.svg") for src in home)
    assert (page.parent / logos(html)[0]).resolve().is_file()
    assert "M12 8a3 3" not in html  # the path of the inline SVG it replaces
    assert "<svg" not in html.split("<article", 1)[0] and "<svg" not in html.split("</article>", 1)[1]  # icons: CSS
