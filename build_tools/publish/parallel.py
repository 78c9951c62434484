"""Rendering MkDocs' pages in two processes: the one place the build forks inside MkDocs.

MkDocs renders pages one after the other on one core. Once every page has been read (all
the data the templates need exists), the first page's context event forks: each process
renders every other page and writes nothing for the rest (an empty template, an empty
output: MkDocs skips the file). The second process leaves as soon as its last page is
written; the first waits for it before the build ends and reports its failures and warnings.

``PageSplit(processes=1)``, a platform without ``fork`` or a site of fewer than four pages is
the plain fallback: one process renders everything and nothing here changes a page.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Sequence

SKIP_TEMPLATE = "archive-skip.html"  # overrides/archive-skip.html: empty on purpose
MIN_PAGES = 4  # below this, forking costs more than it saves
log = logging.getLogger("mkdocs.plugins.archive")


class WarningCounter(logging.Handler):
    """Counts the warnings the second process logs: its exit status tells the first how many."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def flush_logs() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()


class PageSplit:
    """Which pages this process renders, and the second process's life from fork to exit."""

    def __init__(self, processes: int = 1) -> None:
        self.processes = processes
        self.reset([])

    def reset(self, order: Sequence[Any]) -> None:
        """Forget the last build; ``order`` is every page MkDocs will render, in its order."""
        self.order = list(order)
        self.started = False
        self.child = False
        self.child_pid: int | None = None
        self.mine: set[int] = set()
        self.remaining = 0  # pages the second process has still to write
        self.warnings: WarningCounter | None = None

    def owns(self, page: Any) -> bool:
        """Whether this process writes ``page`` (always, when the pages are not split)."""
        return not self.mine or id(page) in self.mine

    def can_fork(self) -> bool:
        return self.processes >= 2 and hasattr(os, "fork") and len(self.order) >= MIN_PAGES

    def start(self) -> None:
        """Fork once, before the first page is rendered; give each process every other page."""
        self.started = True
        if not self.can_fork():
            return
        flush_logs()
        pid = os.fork()
        last = (len(self.order) - 1) % 2  # the first process renders the last page, so the second ends first
        parity = last if pid else 1 - last
        self.mine = {id(page) for index, page in enumerate(self.order) if index % 2 == parity}
        for index, page in enumerate(self.order):
            if index % 2 != parity:
                page.meta["template"] = SKIP_TEMPLATE
        if pid:
            self.child_pid = pid
        else:
            self.child = True
            self.warnings = WarningCounter()
            logging.getLogger("mkdocs").addHandler(self.warnings)
            self.remaining = len(self.mine)

    def before_page(self, page: Any) -> None:
        """At each page's context event: fork before the first, end the second process after its last."""
        if not self.started:
            self.start()
        if self.child and not self.owns(page) and self.remaining == 0:
            self.leave_if_second_process()

    def page_written(self, page: Any) -> bool:
        """At each page's post event: whether this process writes it."""
        if not self.owns(page):
            return False
        if self.child:
            self.remaining -= 1
        return True

    def leave_if_second_process(self, failed: bool = False) -> None:
        """End the second process (it must never return into the build): exit status = its warnings, or 126."""
        if not self.child:
            return
        flush_logs()
        os._exit(126 if failed else min(self.warnings.count if self.warnings else 0, 125))

    def wait_for_second_process(self) -> None:
        """In the first process: wait for the second and report what went wrong there."""
        pid, self.child_pid = self.child_pid, None
        if not pid:
            return
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code == 126 or code < 0:
            raise RuntimeError("the second process rendering pages failed (its error is above)")
        if code > 0:
            log.warning(f"{code} warning(s) in pages rendered by the second process (listed above)")

    def stop_second_process(self) -> None:
        """After a failed build: do not leave the second process behind."""
        pid, self.child_pid = self.child_pid, None
        if pid:
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except OSError:
                pass
        self.reset([])
