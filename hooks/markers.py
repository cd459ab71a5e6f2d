"""Replace data markers such as `<!-- data:operator -->` in Markdown with rendered fragments.

Events: on_page_markdown. Reads saxonyhub.site.current (loaded by site_data.py) and the news list
(collected by news.py); renders overrides/fragments/<feature>/*. An unknown marker fails the build.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import saxonyhub.news as news
import saxonyhub.site as site
from saxonyhub.templating import expand_markers, page_language, theme_env


def _operator(env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/legal/operator.html").render(operator=site.current.operator)


def _news_list(env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/news/list.md").render(items=news.current_items)


RENDERERS = {"operator": _operator, "news-list": _news_list}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown:
        return markdown
    env = theme_env(config)
    result, unknown = expand_markers(markdown, RENDERERS, env, page_language(config), page)
    if unknown:
        raise PluginError(
            f"docs/{page.file.src_uri}: unknown data marker(s): {', '.join(unknown)} "
            f"— hint: known markers are {', '.join(sorted(RENDERERS))}"
        )
    return result
