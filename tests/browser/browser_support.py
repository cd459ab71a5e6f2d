"""What the browser tests share: where Chromium is, a page probe, the axe-core runner and
site search."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")


class PageProbe:
    """A page plus what it logged: console errors, failed requests and every requested URL."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


def run_axe(page: Page) -> list[dict]:
    """Run axe-core (shipped in the axe-playwright-python package, not a CDN) on the page."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def open_search(page: Page, key: str = "/") -> None:
    page.keyboard.press(key)
    page.wait_for_function("() => document.getElementById('__search').checked")


def type_query(page: Page, query: str) -> None:
    """Type into the open dialog and wait until search.js has answered this very query."""
    box = page.locator("[data-hub-search] input[name=query]")
    box.press_sequentially(query)
    page.wait_for_function(
        "(q) => document.querySelector('[data-hub-search]').dataset.hubAnswered === q",
        arg=query,
        timeout=30_000,
    )


def results(page: Page) -> list[str]:
    links = page.locator("[data-hub-search] .md-search-result__link")
    return [link.evaluate("a => a.href") for link in links.all()]


def gzipped_size(path: Path) -> int:
    """What a gzip-serving host sends for ``path``: Pagefind's index files are gzip already."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 9))
