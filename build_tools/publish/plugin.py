"""The archive's MkDocs plugin (``plugins: [archive]`` in mkdocs.yml): finishes the generated pages.

Generated pages (notices and index pages) reach MkDocs as a one-line Markdown skeleton:
front matter, the title, and a placeholder ``<!-- archive-part: body -->``. Their HTML was
written by ``notice_pages`` and ``index_pages`` (in the build's process pool for notices)
and waits beside the docs folder (``notice_pages.parts_dir_for``); this plugin puts it into
the finished page, so Python-Markdown never parses it and MkDocs never holds it for the
whole build. Each event does one job:

- ``on_files``/``on_nav``: remember which pages exist (for link checks) and which are in the nav;
- ``on_env``: the navigation cache the theme override (overrides/main.html) fills once per folder;
- ``on_page_content``: the generated headings nested into the page's table of contents;
- ``on_page_context``: titles and descriptions escaped (the theme prints them raw); the fork
  into two rendering processes (``parallel.PageSplit``);
- ``on_post_page``: the HTML parts inserted, ``@/`` links resolved (``links``), indentation dropped;
- ``on_post_build``/``on_build_error``: the second process waited for, or stopped; the navigation's links
  written once for the whole site (``NAV_SCRIPT``, see ``nav_entries``).

Registered as the ``archive`` entry point of ``mkdocs.plugins`` (pyproject.toml), so it runs
under MkDocs and under ProperDocs alike.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .links import resolve_links, without_indentation
from .notice_pages import parts_dir_for
from .parallel import PageSplit

PLACEHOLDER = re.compile(r"<!-- archive-part: (\w+) -->")
NAV_SCRIPT = "assets/javascripts/archive-nav.js"
"""The navigation's links, written once per build: pages outside the nav (overrides/partials/archive-nav.html)
carry only the link home, and archive-page.js lists the rest from this file (mkdocs.yml extra_javascript)."""


class ArchiveConfig(Config):
    """Options of the ``archive`` plugin in mkdocs.yml."""

    processes = c.Choice((1, 2), default=1)
    """Processes rendering pages: 2 forks once every page is read (``python -m build_tools build``
    sets it from ``--workers``); 1 is the plain, single-process build."""
    parts_dir = c.Optional(c.Type(str))
    """Folder of the generated pages' HTML parts; default: ``.<docs_dir>-parts`` beside the docs folder."""


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Events of the archive's build; the work is in ``links``, ``parallel`` and the functions below."""

    def __init__(self) -> None:
        self.pages: set[str] = set()
        self.in_nav: set[str] = set()
        self.split = PageSplit()
        self.parts_dir: Path | None = None
        self.nav: list = []

    def on_config(self, config):
        self.split = PageSplit(self.config.processes)
        docs_dir = Path(config.docs_dir)
        self.parts_dir = Path(self.config.parts_dir) if self.config.parts_dir else parts_dir_for(docs_dir)
        return config

    def on_files(self, files, config):
        self.pages = {file.src_uri[: -len(".md")] for file in files.documentation_pages()}
        return files

    def on_nav(self, nav, config, files):
        self.in_nav = {page.file.src_uri for page in nav.pages}
        self.nav = nav_entries(nav.items)
        return nav

    def on_env(self, env, config, files):
        env.globals["archive_nav_cache"] = {}  # see nav_cache_key
        # the theme's ``tojson`` (its script configuration on every page) in UTF-8, not \u escapes:
        # it still escapes < > & ' (Jinja's htmlsafe_json_dumps), so nothing can close the <script>
        env.policies["json.dumps_kwargs"] = {**env.policies.get("json.dumps_kwargs", {}), "ensure_ascii": False}
        self.split.reset([file.page for file in files.documentation_pages() if file.page is not None])
        return env

    def on_page_content(self, html_content, page, config, files):
        page.markdown = ""  # converted: the source is not needed again
        entries = page.meta.get("toc")
        if entries:
            page.toc = table_of_contents(list(page.toc), entries)
        return html_content

    def on_page_context(self, context, page, config, nav):
        self.split.before_page(page)
        context["archive_nav_key"] = self.nav_cache_key(page)
        escape_page_meta(page)
        return context

    def on_post_page(self, output, page, config):
        page.content = ""  # the page is rendered: release its HTML
        if not self.split.page_written(page):
            return ""  # the other process writes it
        if "<!-- archive-part:" in output:
            output = insert_parts(output, self.part_file(page))
        if '="@' in output:
            output = resolve_links(output, page, config.use_directory_urls, self.pages)
        return without_indentation(output)

    def on_post_build(self, config):
        self.split.wait_for_second_process()
        self.split.reset([])
        write_nav_script(Path(config.site_dir) / NAV_SCRIPT, self.nav)

    def on_build_error(self, error):
        self.split.leave_if_second_process(failed=True)  # the second process must never go on with the build
        self.split.stop_second_process()

    def nav_cache_key(self, page) -> str | None:
        """Pages outside the navigation share its HTML with every page of the same folder.

        Nothing in the navigation is marked active for them, and its links are relative to the
        folder the page's URL sits in, so the theme's navigation (about a third of the time of
        rendering a page) is rendered once per folder instead of once per page.
        """
        if page.file.src_uri in self.in_nav:
            return None
        return "/" + posixpath.dirname(page.url.rstrip("/"))

    def part_file(self, page) -> Path | None:
        if self.parts_dir is None:
            return None
        return self.parts_dir / (page.file.src_uri[: -len(".md")] + ".json")


def nav_entries(items) -> list:
    """The nav as ``[title, URL from the site root]`` and ``[title, [entries]]`` for a section, in order."""
    return [[item.title, nav_entries(item.children)] if item.children else [item.title, item.url] for item in items]


def write_nav_script(path: Path, entries: list) -> None:
    """The navigation's links for every page outside the nav: one small file instead of a list on each of
    tens of thousands of pages (size budget, benchmarks/RESULTS.md). A script, not data fetched, so that it
    loads from file:// too; JSON that cannot close a script element."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    path.write_text("// The site's navigation (build_tools/publish/plugin.py, write_nav_script): "
                    "[title, URL from the site root] or [section, [entries]].\n"
                    f"window.archiveNav = {data};\n", encoding="utf-8")


def insert_parts(output: str, part_file: Path | None) -> str:
    """The page's generated HTML (``notice_pages.write_page``) in place of its placeholders."""
    parts = json.loads(part_file.read_text(encoding="utf-8")) if part_file and part_file.is_file() else {}
    return PLACEHOLDER.sub(lambda match: parts.get(match.group(1), ""), output)


def escape_page_meta(page) -> None:
    """Front matter comes from untrusted source text and the theme prints title and description raw."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)


def table_of_contents(items: list[AnchorLink], entries: list) -> TableOfContents:
    """The Markdown's headings (the page title) with the generated body's headings nested under it."""
    stack = [items[0]] if items and items[0].level == 1 else []
    top = []
    for level, anchor, title in entries:
        entry = AnchorLink(html.escape(str(title)), str(anchor), int(level))
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else top).append(entry)
        stack.append(entry)
    return TableOfContents(items + top)
