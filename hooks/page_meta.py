"""Validate the front matter of every Markdown page before anything is built.

Events: on_pre_build. Reads docs/**/*.md and the contact and service ids from
saxonyhub.site.current (review owners and guide services must exist); keeps the validated front
matter in saxonyhub.page_meta.current for the review hook. Runs in every language build that
static-i18n starts, which is cheap (front matter only) and keeps `mkdocs serve` honest.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import saxonyhub.page_meta as page_meta
import saxonyhub.site as site
from saxonyhub.problems import ProblemList


def on_pre_build(config: MkDocsConfig) -> None:
    references = page_meta.PageReferences(
        contacts=frozenset(site.current.contacts), services=frozenset(site.current.services)
    )
    metas, problems = page_meta.validate_docs(Path(config.docs_dir), references)
    if problems:
        found = ProblemList(problems)
        raise PluginError(f"Invalid page front matter:\n{found.report()}")
    page_meta.current = metas
