"""Debian's Chromium driven by Playwright (never a downloaded browser), with network checks."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from build_tools.commands.preview import serving

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"!!! SKIPPED: no Chromium at {CHROMIUM}. Install it: apt-get install -y chromium "
                    "(scripts/test.sh does this when run as root).")


@contextmanager
def launched(tmp_path: Path):
    """A browser with a fresh profile in ``tmp_path``."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        try:
            yield browser
        finally:
            browser.close()


class WatchedPage:
    """A page that records console errors and failed requests, and can refuse all network."""

    def __init__(self, context, offline: bool):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda response: response.status >= 400
                     and self.failed.append(f"{response.url} ({response.status})"))
        if offline:
            self.page.route("**/*", self._only_local)

    def _failed(self, request) -> None:
        # A request cut short because the reader clicked on to the next page is not a failure.
        if request.failure != "net::ERR_ABORTED" or request.url in self.blocked:
            self.failed.append(f"{request.url} ({request.failure})")

    def _only_local(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:", "http://127.0.0.1")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def assert_clean(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.blocked, f"requests that left the machine: {self.blocked}"


def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 (a random free port) for the duration of a ``with`` block."""
    return serving(folder)
