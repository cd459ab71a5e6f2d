"""Edit button: every page written in Markdown links to its own file in the repository's editor.

Events: on_config at priority 90, after site_data.py (100) has validated extra.saxonyhub.repo_url
(from the REPO_URL environment variable; empty means no edit buttons): sets MkDocs' own
`edit_uri` to the absolute address of docs/ in the forge's editor, so MkDocs gives each Markdown
page its `edit_url` (Material renders it as the edit button with `content.action.edit`).
on_page_context: a page generated from data gets its YAML file's editor instead
(data/organisations/….yml, recorded by hooks/data_pages.py); other generated pages (lists,
indexes) get no button.

MkDocs' repo_url stays unset on purpose: with it, Material fetches the repository's facts from the
forge's API in every visitor's browser, a third-party request the site must never make. An
absolute edit_uri works without it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from saxonyhub.build_state import hub
from saxonyhub.edit_links import docs_edit_uri, edit_url


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.edit_uri = docs_edit_uri(hub(config).settings.repo_url)
    return config


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    build = hub(config)
    source = build.data_sources.get(page.file.src_uri)
    if source is not None:
        page.edit_url = edit_url(build.settings.repo_url, source)
    return context
