"""Stop Material's alternate integration from fetching a sitemap for every alternate link.

Material 9.8.1 calls ``setupAlternate`` on every page (src/templates/assets/javascripts/bundle.ts,
line 151). It selects every ``link[rel=alternate]`` and fetches ``sitemap.xml`` resolved against
each link's href (integrations/alternate/index.ts, integrations/sitemap/index.ts), to map pages
for its own language selector (``extra.alternate``). This site does not use that selector: its
language switch links to the counterpart page computed at build time. Yet the page's hreflang
alternates and its Atom feed link are ``link[rel=alternate]`` too, so every page view would
download the language's sitemap (80 KB to 835 KB) or a 404 page, before the visitor does
anything. The same selector was reported and fixed upstream in Material's successor
(zensical/ui issue 213: opt in by a narrower selector).

This hook narrows the selector in the copy of the bundle written to the site, to
``link[rel=alternate][data-md-alternate]``, which no page uses. The pages keep standard
``rel="alternate"`` links, which search engines and Lighthouse's hreflang audit read.

Events: on_post_build, in every language build (the bundle is written by each). Reads and writes
site_dir/assets/javascripts/bundle.*.min.js. A bundle without the expected selector (another
Material version) stops the build: tests/browser/test_search.py checks that no page fetches a
sitemap.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

SELECTOR = '"link[rel=alternate]"'
NARROWED = '"link[rel=alternate][data-md-alternate]"'


class BundleError(ValueError):
    """The bundle does not hold the selector exactly once."""


def narrow_alternate_selector(bundle: str) -> str:
    """``bundle`` (Material's JavaScript) with the alternate integration's selector narrowed.

    Returns the text unchanged when it is narrowed already (``mkdocs serve`` may keep the copy of
    an earlier build); raises BundleError when the selector is not there exactly once.
    """
    if NARROWED in bundle and SELECTOR not in bundle:
        return bundle
    count = bundle.count(SELECTOR)
    if count != 1:
        raise BundleError(f"{SELECTOR} found {count} times, expected once")
    return bundle.replace(SELECTOR, NARROWED)


def on_post_build(*, config: MkDocsConfig) -> None:
    for path in sorted(Path(config.site_dir).glob("assets/javascripts/bundle.*.min.js")):
        try:
            path.write_text(narrow_alternate_selector(path.read_text("utf-8")), "utf-8")
        except BundleError as error:
            raise PluginError(
                f"{path}: {error} — Material's alternate integration changed (written for"
                " Material 9.8.1); see hooks/material_alternate.py before upgrading."
            ) from error
