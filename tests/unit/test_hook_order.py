"""The order of the hooks' event handlers, where one handler needs another's result.

MkDocs runs handlers by `event_priority`, and handlers of equal priority in the order of
`hooks:` in mkdocs.yml. These tests load the real mkdocs.yml and check the order each
dependency (named in the hooks' docstrings) needs, so that reordering `hooks:` or changing a
priority cannot silently break it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
I18N = "mkdocs_static_i18n.plugin"


@pytest.fixture(scope="module")
def order() -> dict[str, list[str]]:
    """Event name -> the modules of its handlers, in the order MkDocs calls them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return {
        event: [
            handler.__module__.removeprefix("hooks/").removesuffix(".py") for handler in handlers
        ]
        for event, handlers in config.plugins.events.items()
    }


def before(handlers: list[str], first: str, then: str) -> bool:
    return handlers.index(first) < handlers.index(then)


def test_build_state_is_made_before_any_other_hook_configures(order):
    # language_build only picks the language; every later on_config reads the HubBuild.
    assert order["config"][:2] == ["language_build", "site_data"]


def test_language_is_chosen_before_static_i18n_and_read_after_it(order):
    assert before(order["config"], "language_build", I18N)
    assert before(order["config"], I18N, "i18n_markdown")


def test_markers_expand_before_citations_and_glossary_comes_last(order):
    markdown = order["page_markdown"]
    assert before(markdown, "markers", "citations")
    assert before(markdown, "citations", "glossary")
    assert markdown[-1] == "glossary"


def test_drafts_leave_before_static_i18n_sorts_the_files(order):
    assert before(order["files"], "drafts", I18N)


def test_language_files_are_generated_after_static_i18n_picked_them(order):
    for hook in ("news", "citations", "review", "field_reference", "data_pages", "noindex"):
        assert before(order["files"], I18N, hook)
    assert before(order["files"], "citations", "acts")


def test_front_matter_fails_the_build_before_reviews_are_collected(order):
    assert before(order["pre_build"], "page_meta", "review")


def test_search_index_is_written_after_static_i18n_built_every_language(order):
    assert before(order["post_build"], I18N, "search")
