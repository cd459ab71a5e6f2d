"""Search figures of a built site: index size per language, what a browser fetches before and for
a first query, and how long indexing takes.

The bytes are recorded in Chromium (Playwright, Debian's chromium): every request the page makes
on load and then for one query typed into the open search dialog, counted at the size a server
sends gzipped (Pagefind's index files are gzip already; other files are gzipped here at level 9).
Used by bench/build.py; on its own: `.venv/bin/python bench/search.py site`.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
# Appended: bench/ comes first, its validate.py is not scripts/validate.py.
sys.path += [str(ROOT / "hooks"), str(ROOT / "scripts"), str(ROOT / "tests/browser")]

from saxonyhub.search_index import BUNDLE, index_site  # noqa: E402

# One query a visitor might type first, per language: a guide term, a compound, a profile word.
# Two-word guide terms are the most expensive: two index chunks, four long guides as results.
QUERIES = {
    "de": ["Benannte Stelle", "Verordnung Medizinprodukte", "Medizinprodukteverordnung"]
    + ["Biomaterialien"],
    "en": ["notified body", "CE marking", "clasification", "accelerator"],
}
# What a first query fetches, by part (first match of the file's path wins).
PARTS = (
    ("wasm", "/wasm."),
    ("pagefind.js", "/pagefind.js"),
    ("search.js", "/search.js"),
    ("meta", ".pf_meta"),
    ("filter", "/filter/"),
    ("chunks", "/index/"),
    ("fragments", "/fragment/"),
    ("typo words", "/hub-words."),
    ("entry", "/pagefind-entry.json"),
)
ROOTS = {"de": "", "en": "en/"}


@dataclass
class QueryBytes:
    lang: str
    query: str
    before_requests: int  # requests for search (pagefind/, search.js) made by the page on load
    requests: int
    gzip_kb: float
    parts_kb: dict[str, float]  # gzip_kb by PARTS


def part_of(path: str) -> str:
    return next((name for name, marker in PARTS if marker in "/" + path), "other")


def index_kb(site: Path) -> dict[str, float]:
    """Size of each language's index files (chunks, fragments, filters, metadata, WebAssembly)."""
    sizes: dict[str, float] = {}
    for path in (site / BUNDLE).rglob("*"):
        name = path.name
        for lang in ROOTS:
            if path.is_file() and (name.startswith(f"{lang}_") or f".{lang}" in name):
                sizes[lang] = sizes.get(lang, 0) + path.stat().st_size / 1024
    return sizes


def first_query_bytes(site: Path) -> list[QueryBytes]:
    """Open each language's home page, then search once; what did the browser fetch?"""
    from playwright.sync_api import sync_playwright

    from browser_support import CHROMIUM, gzipped_size, open_search
    from serve_static import start

    server, url = start(site)
    results = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for lang, queries in QUERIES.items():
                for query in queries:
                    page = browser.new_page()
                    requested: list[str] = []
                    page.on("request", lambda r, requested=requested: requested.append(r.url))
                    page.goto(url + ROOTS[lang], wait_until="networkidle")
                    on_load = len(requested)
                    before = [u for u in requested if "/pagefind/" in u or "search" in u]
                    open_search(page)
                    # fill: one input event, one query (typing would search each prefix)
                    page.locator("[data-hub-search] input[name=query]").fill(query)
                    page.wait_for_function(
                        "(q) => document.querySelector('[data-hub-search]')"
                        ".dataset.hubAnswered === q",
                        arg=query,
                    )
                    paths = [urlparse(u).path.lstrip("/") for u in requested[on_load:]]
                    parts: dict[str, float] = {}
                    for p in paths:
                        if (site / p).is_file():
                            kb = gzipped_size(site / p) / 1024
                            parts[part_of(p)] = parts.get(part_of(p), 0) + kb
                    total = sum(parts.values())
                    results.append(QueryBytes(lang, query, len(before), len(paths), total, parts))
                    page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def indexing_seconds(site: Path, project: Path) -> float:
    """Index the built ``site`` again, as the build does, and time it."""
    started = time.perf_counter()
    index_site(site, project, list(ROOTS))
    return time.perf_counter() - started


def print_report(site: Path) -> None:
    sizes = index_kb(site)
    print("index KB: " + ", ".join(f"{lang} {kb:.0f}" for lang, kb in sorted(sizes.items())))
    for row in first_query_bytes(site):
        print(
            f"  {row.lang} {row.query!r}: {row.before_requests} search requests before opening; "
            f"first query {row.requests} requests, {row.gzip_kb:.1f} KB gzipped ({parts(row)})"
        )


def parts(row: QueryBytes) -> str:
    """The row's KB by part, largest first: "wasm 68.9, fragments 20.7, …"."""
    ordered = sorted(row.parts_kb.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {kb:.1f}" for name, kb in ordered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    print_report(parser.parse_args().site)


if __name__ == "__main__":
    main()
