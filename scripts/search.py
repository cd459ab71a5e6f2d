"""Search the built site as a visitor's browser does: print the result pages, best first.

    .venv/bin/python scripts/search.py --lang de "Benannte Stelle"

Serves site/ on a free 127.0.0.1 port, opens the home page of the language in headless Chromium
(Debian's, through Playwright) and runs the site's own search code (assets/javascripts/search.js,
window.hubSearch) on its own index (pagefind/). Prints one site path per line, e.g.
guides/conformity-assessment/ or en/guides/ivdr/. `make search Q="…" LANG=de` does the same.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from serve_static import start  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
LANGUAGE_ROOTS = {"de": "", "en": "en/"}


def open_search_page(browser: object, url: str, lang: str) -> object:
    """A new page of ``browser`` on the home page of ``lang`` at ``url``, its search loaded."""
    page = browser.new_page()
    page.goto(url + LANGUAGE_ROOTS[lang])
    page.evaluate("() => window.hubSearchLoad()")
    page.wait_for_function("() => window.hubSearch !== undefined")
    return page


@contextmanager
def search_page(site: Path, lang: str) -> Iterator[object]:
    """A Chromium page on the home page of ``lang`` of the served ``site``."""
    from playwright.sync_api import sync_playwright

    server, url = start(site)
    try:
        with sync_playwright() as playwright:
            args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
            yield open_search_page(browser, url, lang)
            browser.close()
    finally:
        server.shutdown()


def run_query(page: object, query: str, limit: int) -> dict:
    """The answer of the site's search code: {"query", "kinds", "paths"}, paths site-relative."""
    found = page.evaluate("([q, n]) => window.hubSearch.query(q, n)", [query, limit])
    found["paths"] = [urlparse(p).path.lstrip("/") for p in found["paths"]]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query")
    parser.add_argument("--lang", choices=sorted(LANGUAGE_ROOTS), default="de")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site (site/)")
    parser.add_argument("--limit", type=int, default=20, help="print at most this many pages")
    parser.add_argument("--kinds", action="store_true", help="print each result's kind too")
    args = parser.parse_args()
    if not (args.site / "pagefind/pagefind-entry.json").is_file():
        print(f"{args.site}/ holds no search index: run `make build` first", file=sys.stderr)
        return 2
    with search_page(args.site, args.lang) as page:
        found = run_query(page, args.query, args.limit)
    if found["query"] != args.query:
        print(f"(results for {found['query']!r})", file=sys.stderr)
    for path, kind in zip(found["paths"], found["kinds"], strict=True):
        print(f"{path}\t{kind}" if args.kinds else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
