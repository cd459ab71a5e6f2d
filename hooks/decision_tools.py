"""Regulatory decision tools on pages: `<!-- decision-tool:ID -->` and its staff table.

Thin event shell of saxonyhub.decision_tools (same name, one job). Events: on_config at priority
90, after site_data.py (100) has loaded saxonyhub.site.current: loads and checks data/tools/*.yml
with the same function `make validate` calls, and fails with every problem at once.
on_page_markdown replaces `<!-- decision-tool:ID -->` with fragments/decision_tools/tool.html
(the embedded JSON the browser runs, docs/assets/javascripts/decision-tools.js, and the rules as
a linked list for readers without JavaScript) and `<!-- decision-tool-table:ID -->` with
fragments/decision_tools/table.html (the staff review table). An unknown tool id fails the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import saxonyhub.decision_tools as decision_tools
import saxonyhub.site as site
from saxonyhub.problems import ProblemList
from saxonyhub.templating import page_language, theme_env

# The tools of the build in progress, replaced in on_config of every build.
_tools: dict[str, decision_tools.DecisionTool] = {}

FRAGMENTS = {"decision-tool": "tool.html", "decision-tool-table": "table.html"}


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _tools
    data = site.current
    root = Path(config.config_file_path).parent
    tools, problems = decision_tools.load_tools(
        root / "data", data.legal_acts.by_id(), set(data.contacts)
    )
    problems += decision_tools.docs_marker_problems(Path(config.docs_dir), tools)
    if problems:
        raise PluginError(f"Invalid decision tools:\n{ProblemList(problems).report()}")
    _tools = tools
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "decision-tool" not in markdown:
        return markdown
    lang = page_language(config)
    env = theme_env(config)
    labels = site.current.labels
    tool_labels = {k: labels.t(k, lang) for k in labels.root if k.startswith("tool.")}

    def render(match) -> str:
        tool = _tools.get(match.group("id"))
        if tool is None:  # on_config checked every page; only generated pages get here
            raise PluginError(f"docs/{page.file.src_uri}: unknown decision tool {match[0]}")
        view = decision_tools.tool_view(
            tool, lang, site.current.legal_acts.by_id(), lambda k: labels.t(k, lang), tool_labels
        )
        template = env.get_template(f"fragments/decision_tools/{FRAGMENTS[match['kind']]}")
        owner = site.current.contacts.get(tool.review.owner)
        return template.render(view=view, data=decision_tools.script_json(view), owner=owner)

    return decision_tools.MARKER.sub(render, markdown)
