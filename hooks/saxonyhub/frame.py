"""Parts of the page frame that many pages share, rendered once per build and language.

Material renders its tabs (partials/tabs.html), navigation (partials/nav.html), stylesheet and
script tags and app config (blocks of base.html), and we our search dialog (partials/search.html),
for every page. With 1,000 organisations that is a third
of what a profile costs to build, although the markup differs only where a page's folder
changes the relative links and where other items of the navigation are active. The wrappers in
overrides/partials/ and overrides/main.html ask :meth:`FrameParts.key` for the state a part
depends on, render Material's own template or block (templates through the ``upstream/`` loader
prefix, see saxonyhub.templating.add_upstream_loader) the first time they meet that state, and
reuse it after. tests/unit/test_frame.py covers the keys; the build is byte for byte what rendering
every part for every page gives (compare a build with and without the wrappers).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# What each part depends on besides the page's folder: "active" (which navigation items are
# active) and "outside" (only pages outside the navigation may share it: for a page in it,
# Material's navigation marks the page itself and lists its table of contents).
PARTS = {
    "tabs": ("active",),
    "nav": ("active", "outside"),
    "search": (),
    # Blocks of Material's base.html (overrides/main.html): stylesheets, scripts, app config.
    "styles": (),
    "scripts": (),
    "config": (),
}


def link_folder(url: str) -> list[str]:
    """The folder that relative links on a page at ``url`` start from, in parts, as MkDocs'
    get_relative_url takes it: ['organisations', 'x'] for 'organisations/x/', [] for
    '404.html' (a last part with a dot is a file)."""
    dirname, _, basename = url.rpartition("/")
    folder = dirname if "." in basename else url
    normal = posixpath.normpath("/" + folder)[1:]
    return normal.split("/") if normal else []


def nav_items(items: list[Any]) -> Iterator[Any]:
    """Every item of the navigation, depth first (sections, pages and links)."""
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or [])


@dataclass
class FrameParts:
    """The parts rendered so far in this build, by key (see the module docstring)."""

    parts: dict[tuple[Any, ...], str] = field(default_factory=dict)
    # The navigation's items and link folders, and what each page URL may share, computed once:
    # the navigation is one object for the whole build, only its "active" flags change.
    _nav: Any = None
    _items: list[Any] = field(default_factory=list)
    _links: list[list[str]] = field(default_factory=list)
    _folders: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def key(self, part: str, page: Any, nav: Any) -> tuple[Any, ...] | None:
        """The state ``part`` shows on ``page``, or None when the page needs its own.

        Relative links from two pages in sibling folders ('organisations/a/', 'organisations/b/')
        are the same, except links into either page's own folder: a page with a navigation link
        below its folder (or the home page, with every link below it) gets its own part.
        """
        if page is None or nav is None or page.url is None:
            return None
        if nav is not self._nav:
            self._nav, self._items = nav, list(nav_items(nav.items))
            self._links = [link_folder(i.url) for i in self._items if getattr(i, "url", None)]
            self._folders.clear()
        if page.url not in self._folders:
            parts = link_folder(page.url)
            below = not parts or any(link[: len(parts)] == parts for link in self._links)
            self._folders[page.url] = None if below else tuple(parts)
        folder = self._folders[page.url]
        if folder is None:
            return None
        depends = PARTS[part]
        if "outside" in depends and any(item is page for item in self._items):
            return None
        active: tuple[int, ...] = ()
        if "active" in depends:
            active = tuple(i for i, item in enumerate(self._items) if getattr(item, "active", 0))
        return (part, len(folder), folder[:-1], active)

    def remember(self, key: tuple[Any, ...], html: str) -> str:
        """Keep ``html`` as the markup of ``key``; return it."""
        self.parts[key] = html
        return html
