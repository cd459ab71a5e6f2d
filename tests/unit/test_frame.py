"""Frame parts shared by many pages (saxonyhub.frame): which pages may share one rendering.

That sharing never changes a byte is checked on the real site: the reference build of
tests/build/test_language_build.py renders every part for every page (tests/site_build.py).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from saxonyhub.frame import PARTS, FrameParts, link_folder

ROOT = Path(__file__).resolve().parents[2]


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


def test_theme_env_reaches_materials_own_template_and_keeps_compiled_ones(
    hub_config, tmp_path, monkeypatch
):
    from jinja2 import FileSystemBytecodeCache
    from mkdocs.config import load_config

    from saxonyhub.templating import UPSTREAM, prepare_theme_env

    mkdocs = load_config(str(ROOT / "mkdocs.yml"))
    config = hub_config(tmp_path, theme=mkdocs.theme)
    monkeypatch.setattr(
        "saxonyhub.templating.FileSystemBytecodeCache",
        lambda: FileSystemBytecodeCache(str(tmp_path)),
    )
    envs = [mkdocs.theme.get_env() for _ in range(2)]
    for env in envs:
        prepare_theme_env(env, config)
    ours = envs[0].loader.get_source(envs[0], "partials/nav.html")[0]
    upstream = envs[0].loader.get_source(envs[0], f"{UPSTREAM}/partials/nav.html")[0]
    assert "frame-part.html" in ours and "frame-part.html" not in upstream
    assert 'set class = "md-nav md-nav--primary"' in upstream  # Material's own
    envs[0].get_template("partials/tabs.html")
    assert list(tmp_path.glob("__jinja2_*.cache"))  # compiled once, kept for the next build
    envs[1].compile = None  # the next build loads it from the cache instead of compiling
    assert envs[1].get_template("partials/tabs.html") is not None
