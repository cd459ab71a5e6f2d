"""Pages outside the navigation light up the section they belong to.

Profiles, service, event, technology and legal act pages are generated from data and kept out of
the navigation (a navigation with thousands of entries makes every page carry it). Without help,
a visitor on a profile sees no tab highlighted and an empty sidebar. This hook marks the
navigation page that owns the page's URL folder as active (the directory for
`organisations/<id>/`), which highlights its tab and shows its section in the sidebar; Material
marks a link as the current page (`aria-current`) only for the page itself, so nothing claims to
be the page the visitor is on.

Events: on_page_context (mark) and on_post_page (unmark: the navigation is shared by all pages).
The navigation pages by URL and the marked pages are kept in the build state
(HubBuild.nav_owners, HubBuild.marked_pages).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from saxonyhub.build_state import hub
from saxonyhub.navigation import owning_nav_page


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    build = hub(config)
    if not build.nav_owners:  # the navigation is complete once pages render
        build.nav_owners.update({p.url: p for p in nav.pages})
    owners = build.nav_owners
    if owners.get(page.url) is page:
        return context  # in the navigation: MkDocs marks it and its sections itself
    home_url = nav.homepage.url if nav.homepage else ""
    owner_url = owning_nav_page(page.url, list(owners), home_url)
    if owner_url is not None:
        owners[owner_url].active = True  # also marks its sections (Page.active's setter)
        build.marked_pages.append(owners[owner_url])
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    marked = hub(config).marked_pages
    while marked:
        marked.pop().active = False
    return output
