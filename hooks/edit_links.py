"""Edit button: every page written in Markdown links to its own file in the repository's editor.

Events: on_config (checks extra.saxonyhub.repo_url, which comes from the REPO_URL environment
variable; empty means no edit buttons), on_page_context (sets page.edit_url, which Material renders
as the edit button with the `content.action.edit` feature). The file is the one of the page's
language folder (docs/de/… or docs/en/…), or for a page generated from data its YAML file
(data/organisations/….yml); other generated pages (lists, indexes) get no button.

MkDocs' own repo_url/edit_uri are deliberately not used: with repo_url set, Material fetches the
repository's facts from the forge's API in every visitor's browser, a third-party request the site
must never make.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from saxonyhub.edit_links import edit_url, repo_url_problem


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problem = repo_url_problem(config.extra["saxonyhub"].get("repo_url") or "")
    if problem:
        raise PluginError(problem)
    return config


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # Pages generated from data name the YAML file they show (hooks/data_pages.py).
    relative = getattr(page.file, "data_source", None)
    source = page.file.abs_src_path
    if relative is None and source:
        project_dir = os.path.dirname(config.config_file_path)
        relative = os.path.relpath(source, project_dir).replace(os.sep, "/")
    page.edit_url = edit_url(config.extra["saxonyhub"].get("repo_url") or "", relative)
    return context
