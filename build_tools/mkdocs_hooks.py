"""MkDocs hooks (named events, the only extension points we use).

Generated pages (notices and index pages) reach MkDocs as a one-line Markdown
skeleton: front matter, the title, and a placeholder ``<!-- archive-part: body -->``.
Their HTML was written by ``build_tools.render`` and ``build_tools.indexes`` (in the
build's process pool for notices) and waits in $ARCHIVE_PARTS_DIR; it is inserted
into the finished page here, so Python-Markdown never parses it and MkDocs never
holds it for the whole build. Their table of contents comes from the front matter.

``@/docs/path#anchor`` and ``@file/path`` links in that HTML become relative URLs
for the build at hand (directory URLs, or ``.html`` files on the USB edition); a
link to a page that does not exist is reported like MkDocs reports Markdown links.

Front matter comes from untrusted source text, and the theme prints
``page.meta.title`` and ``page.meta.description`` without escaping, so they are
escaped before any template sees them. Pages are written without the templates'
indentation (outside ``<pre>``): a fifth of every page's bytes.
"""
from __future__ import annotations

import functools
import html
import json
import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.structure.toc import AnchorLink, TableOfContents

from build_tools.render import page_url, relative_path

PLACEHOLDER = re.compile(r"<!-- archive-part: (\w+) -->")
SITE_LINK = re.compile(r'(href|src)="@(/|file/)([^"#]*)(#[^"]*)?"')
PRESERVED = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
INDENTATION = re.compile(r"\n\s+")

log = logging.getLogger("mkdocs.hooks.archive")
_pages: set[str] = set()
_in_nav: set[str] = set()


def on_files(files, config):
    _pages.clear()
    _pages.update(file.src_uri[: -len(".md")] for file in files.documentation_pages())
    return files


def on_nav(nav, config, files):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_env(env, config, files):
    env.globals["archive_nav_cache"] = {}  # see nav_cache_key
    _split.order = [file.page for file in files.documentation_pages() if file.page is not None]
    return env


# --- rendering pages in two processes ------------------------------------------------
#
# MkDocs renders pages one after the other on one core. Once every page has been read
# (all the data the templates need exists), the first page's context event forks: each
# process renders every other page and writes nothing for the rest (an empty template,
# an empty output: MkDocs skips the file). The second process leaves as soon as its last
# page is written; the first waits for it before the build ends and reports its failures
# and warnings. Set by ``site.run_mkdocs`` through $ARCHIVE_MKDOCS_PROCESSES.

SKIP_TEMPLATE = "archive-skip.html"


class _Split:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.order: list = []
        self.started = False
        self.child = False
        self.child_pid: int | None = None
        self.mine: set[int] = set()
        self.remaining = 0  # pages the second process has still to write
        self.warnings = None

    def owns(self, page) -> bool:
        return not self.mine or id(page) in self.mine


_split = _Split()


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _start_second_process() -> None:
    _split.started = True
    pages = _split.order
    if os.environ.get("ARCHIVE_MKDOCS_PROCESSES", "1") != "2" or not hasattr(os, "fork") or len(pages) < 4:
        return
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    pid = os.fork()
    last = (len(pages) - 1) % 2  # the first process renders the last page, so the second ends first
    parity = last if pid else 1 - last
    _split.mine = {id(page) for index, page in enumerate(pages) if index % 2 == parity}
    for index, page in enumerate(pages):
        if index % 2 != parity:
            page.meta["template"] = SKIP_TEMPLATE
    if pid:
        _split.child_pid = pid
    else:
        _split.child = True
        _split.warnings = _CountWarnings()
        logging.getLogger("mkdocs").addHandler(_split.warnings)
        _split.remaining = len(_split.mine)


def leave_if_second_process(failed: bool = False) -> None:
    """End the second process (it must never return into the build): exit status = its warnings, or 126."""
    if not _split.child:
        return
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    os._exit(126 if failed else min(_split.warnings.count if _split.warnings else 0, 125))


def wait_for_second_process() -> None:
    """In the first process: wait for the second and report what went wrong there."""
    pid, _split.child_pid = _split.child_pid, None
    if not pid:
        return
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 126 or code < 0:
        raise RuntimeError("the second process rendering pages failed (its error is above)")
    if code > 0:
        log.warning(f"{code} warning(s) in pages rendered by the second process (listed above)")


def stop_second_process() -> None:
    """After a failed build: do not leave the second process behind."""
    pid, _split.child_pid = _split.child_pid, None
    if pid:
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass
    _split.reset()


def on_post_build(config):
    wait_for_second_process()
    _split.reset()


def nav_cache_key(page) -> str | None:
    """Pages outside the navigation share its HTML with every page of the same folder.

    Nothing in the navigation is marked active for them, and its links are relative to the
    folder the page's URL sits in, so the theme's navigation (about a third of the time of
    rendering a page) is rendered once per folder instead of once per page.
    """
    if page.file.src_uri in _in_nav:
        return None
    return "/" + posixpath.dirname(page.url.rstrip("/"))


def on_page_content(content, page, config, files):
    page.markdown = ""  # converted: the source is not needed again
    entries = page.meta.get("toc")
    if entries:
        page.toc = table_of_contents(list(page.toc), entries)
    return content


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


def on_page_context(context, page, config, nav):
    if not _split.started:
        _start_second_process()
    if _split.child and not _split.owns(page) and _split.remaining == 0:
        leave_if_second_process()  # its last page is written: the rest belong to the first process
    context["archive_nav_key"] = nav_cache_key(page)
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return context


def on_post_page(output, page, config):
    page.content = ""  # the page is rendered: release its HTML
    if not _split.owns(page):
        return ""  # the other process writes it
    if _split.child:
        _split.remaining -= 1
    if "<!-- archive-part:" in output and os.environ.get("ARCHIVE_PARTS_DIR"):
        source = Path(os.environ["ARCHIVE_PARTS_DIR"]) / (page.file.src_uri[: -len(".md")] + ".json")
        parts = json.loads(source.read_text(encoding="utf-8")) if source.is_file() else {}
        output = PLACEHOLDER.sub(lambda match: parts.get(match.group(1), ""), output)
    if '="@' in output:
        output = resolve_links(output, page, config.use_directory_urls)
    return without_indentation(output)


def resolve_links(output: str, page, directory_urls: bool) -> str:
    base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

    def resolve(match: re.Match) -> str:
        attribute, kind, target, fragment = match.groups()
        if kind == "/":
            if target not in _pages:
                log.warning(f"Doc file '{page.file.src_uri}' contains a link to '{target}', which is not found "
                            "among the generated pages.")
            target = page_url(target, directory_urls)
        return f'{attribute}="{relative(base, target)}{fragment or ""}"'

    return SITE_LINK.sub(resolve, output)


@functools.lru_cache(maxsize=65536)
def relative(base: str, target: str) -> str:
    """``target`` (from the site root) relative to the folder ``base`` ("" or ending in "/")."""
    return relative_path(base, target) or "./"


def without_indentation(output: str) -> str:
    pieces = PRESERVED.split(output)
    return "".join(piece if index % 2 else INDENTATION.sub("\n", piece) for index, piece in enumerate(pieces))
