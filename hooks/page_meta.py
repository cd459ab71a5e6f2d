"""Fail the build on invalid front matter in any Markdown page, before anything is built.

Events: on_pre_build. The front matter of docs/**/*.md is read and checked once, when
site_data.py loads the build state (saxonyhub.pages.PageIndex, with the contact and service ids of
data/ for review owners and guide services); this hook raises what that check found. Runs in every
language build that static-i18n starts, which keeps `mkdocs serve` honest.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from saxonyhub.build_state import hub
from saxonyhub.problems import ProblemList


def on_pre_build(config: MkDocsConfig) -> None:
    found = ProblemList(hub(config).checks.pages)
    if found.errors:
        raise PluginError(f"Invalid page front matter:\n{found.report()}")
