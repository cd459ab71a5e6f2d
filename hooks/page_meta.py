"""Validate the front matter of every Markdown page before anything is built.

Events: on_pre_build. Reads docs/**/*.md; writes nothing. Runs in every language build that
static-i18n starts, which is cheap (front matter only) and keeps `mkdocs serve` honest.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from saxonyhub.page_meta import validate_docs
from saxonyhub.problems import ProblemList


def on_pre_build(config: MkDocsConfig) -> None:
    _, problems = validate_docs(Path(config.docs_dir))
    if problems:
        found = ProblemList(problems)
        raise PluginError(f"Invalid page front matter:\n{found.report()}")
