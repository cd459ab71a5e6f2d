"""Regulatory decision tools on pages: `<!-- decision-tool:ID -->` and its staff table.

Thin event shell of saxonyhub.decision_tools (same name, one job). The tools are loaded and
checked with the build state (saxonyhub.build_state.load_build, the check `make validate` runs
too) into HubBuild.tools and HubBuild.checks.tools. Events: on_config at priority 90, after
site_data.py (100) has made the build state: fails with every tool problem at once.
on_page_markdown replaces `<!-- decision-tool:ID -->` with fragments/decision_tools/tool.html
(the embedded JSON that docs/assets/javascripts/decision-tools.js runs, and the rules as a
linked list for readers without JavaScript) and `<!-- decision-tool-table:ID -->` with
fragments/decision_tools/table.html (the staff review table). Listed before citations.py, and
its output holds no `[[…]]`: citations in it are already worded and linked.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import saxonyhub.decision_tools as decision_tools
from saxonyhub.build_state import hub
from saxonyhub.problems import ProblemList
from saxonyhub.templating import page_language, theme_env


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = ProblemList(hub(config).checks.tools)
    if problems.errors:
        raise PluginError(f"Invalid decision tools:\n{problems.report()}")
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "decision-tool" not in markdown:
        return markdown
    build = hub(config)
    env, lang = theme_env(config), page_language(config)
    try:
        return decision_tools.render_markers(markdown, build.tools, build.data, env, lang)
    except ValueError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
