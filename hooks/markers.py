"""Replace data markers such as `<!-- data:operator -->` in Markdown with rendered fragments.

Events: on_page_markdown. Reads saxonyhub.site.current (loaded by site_data.py), the news list
(collected by news.py), the review schedule (reviews.py) and the translation report
(translation_status.py); renders overrides/fragments/<feature>/*. An unknown marker fails the build.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import saxonyhub.glossary as glossary
import saxonyhub.news as news
import saxonyhub.review as review
import saxonyhub.site as site
import saxonyhub.translation as translation
from saxonyhub.i18n import page_url
from saxonyhub.templating import expand_markers, page_language, theme_env


def _other_language(lang: str) -> str:
    return "en" if lang == "de" else "de"


def _link(page: Page) -> Callable[[str], str]:
    """Site-relative URL -> URL relative to ``page``, as links in raw HTML need."""
    return lambda url: (
        get_relative_url(url, page.url) if url else get_relative_url(".", page.url) + "/"
    )


def _operator(env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/legal/operator.html").render(operator=site.current.operator)


def _news_list(env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/news/list.md").render(items=news.current_items)


def _glossary(env: Environment, lang: str, page: Page) -> str:
    data = site.current.glossary
    return env.get_template("fragments/glossary/list.md").render(
        sections=glossary.glossary_sections(data, lang),
        by_id=data.by_id(),
        other_lang=_other_language(lang),
    )


def _review_schedule(env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/staff/review-schedule.html").render(
        entries=review.current_entries,
        contacts=site.current.contacts,
        soon_days=review.SOON_DAYS,
        link=_link(page),
    )


def _translation_status(env: Environment, lang: str, page: Page) -> str:
    default = env.globals["default_lang"]
    return env.get_template("fragments/staff/translation-status.html").render(
        statuses=translation.current_report.values(),
        other_lang=_other_language(default),
        url=lambda language, path: page_url(f"{language}/{path}", default),
        link=_link(page),
    )


RENDERERS = {
    "operator": _operator,
    "news-list": _news_list,
    "glossary": _glossary,
    "review-schedule": _review_schedule,
    "translation-status": _translation_status,
}


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
