"""Frame parts shared by many pages (saxonyhub.frame): which pages may share one rendering.

That sharing never changes a byte is checked on the real site: the reference build of
tests/build/test_language_build.py renders every part for every page (tests/site_build.py).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from saxonyhub.frame import PARTS, FrameParts, link_folder


def page(url: str, active: bool = False) -> SimpleNamespace:
    return SimpleNamespace(url=url, active=active, title=url)


def section(*children: SimpleNamespace, active: bool = False) -> SimpleNamespace:
    return SimpleNamespace(children=list(children), active=active)


@pytest.fixture
def nav() -> SimpleNamespace:
    directory = page("organisations/")
    guides = section(page("guides/"), page("guides/ivdr/"))
    return SimpleNamespace(items=[page(""), guides, section(directory)], directory=directory)


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("organisations/x/", ["organisations", "x"]),
        ("en/organisations/x/", ["en", "organisations", "x"]),
        ("impressum/", ["impressum"]),
        ("en/", ["en"]),
        ("", []),
        ("404.html", []),
        ("en/404.html", ["en"]),
    ],
)
def test_link_folder_is_where_mkdocs_starts_relative_links(url: str, folder: list[str]):
    assert link_folder(url) == folder


def test_frame_key_is_shared_by_sibling_pages_outside_the_navigation(nav):
    frame = FrameParts()
    for part in PARTS:
        first = frame.key(part, page("organisations/a/"), nav)
        assert first is not None
        assert frame.key(part, page("organisations/b/"), nav) == first
        # Another folder or depth: relative links differ.
        assert frame.key(part, page("services/a/"), nav) != first
        assert frame.key(part, page("organisations/a/b/"), nav) != first


def test_frame_key_follows_the_active_navigation_items(nav):
    frame = FrameParts()
    before = frame.key("nav", page("organisations/a/"), nav)
    nav.directory.active = True  # as hooks/nav_sections.py marks the owning page
    assert frame.key("nav", page("organisations/b/"), nav) != before
    # The search dialog shows no navigation: one rendering per folder.
    assert frame.key("search", page("organisations/b/"), nav) == frame.key(
        "search", page("organisations/c/"), SimpleNamespace(items=[])
    )


def test_frame_key_is_none_where_a_page_needs_its_own(nav):
    frame = FrameParts()
    in_nav = nav.items[1].children[1]
    assert frame.key("nav", in_nav, nav) is None  # Material marks the page and lists its toc
    assert frame.key("tabs", in_nav, nav) is None  # its own link ("./") is its alone
    # Links below the page's own folder ("guides/ivdr/" from "guides/") differ per page.
    assert frame.key("tabs", page("guides/"), nav) is None
    assert frame.key("tabs", page(""), nav) is None  # the home page: every link is below it
    assert frame.key("tabs", page("404.html"), nav) is None
    assert frame.key("tabs", None, nav) is None


def test_frame_remember_keeps_the_rendering(nav):
    frame = FrameParts()
    key = frame.key("tabs", page("organisations/a/"), nav)
    assert frame.remember(key, "<nav>&amp;</nav>") == "<nav>&amp;</nav>"
    assert frame.parts[frame.key("tabs", page("organisations/b/"), nav)] == "<nav>&amp;</nav>"
