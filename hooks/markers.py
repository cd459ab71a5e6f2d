"""Replace data markers such as `<!-- data:operator -->` in Markdown with rendered fragments.

Events: on_page_markdown (default priority; listed before citations.py in mkdocs.yml, so that
citations in marker output are replaced as well, and before glossary.py at -50). Reads the build
state (saxonyhub.build_state.HubBuild): data, the news list (collected by news.py), the review
schedule (review.py) and the translation report (translation_status.py); renders
overrides/fragments/<feature>/*. An unknown marker fails the build.

A renderer is ``(build, env, lang, page) -> str``, pure given its arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import saxonyhub.glossary as glossary
import saxonyhub.review as review
from saxonyhub.build_state import HubBuild, hub
from saxonyhub.i18n import page_url
from saxonyhub.templating import expand_markers, page_language, theme_env


def _other_language(build: HubBuild, lang: str) -> str:
    return build.settings.other_languages(lang)[0]


def _link(page: Page) -> Callable[[str], str]:
    """Site-relative URL -> URL relative to ``page``, as links in raw HTML need."""
    return lambda url: (
        get_relative_url(url, page.url) if url else get_relative_url(".", page.url) + "/"
    )


def _operator(build: HubBuild, env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/operator/details.html").render(operator=build.data.operator)


def _news_list(build: HubBuild, env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/news/list.md").render(items=build.news)


def _glossary(build: HubBuild, env: Environment, lang: str, page: Page) -> str:
    data = build.data.glossary
    return env.get_template("fragments/glossary/list.md").render(
        sections=glossary.glossary_sections(data, lang),
        by_id=data.by_id(),
        other_lang=_other_language(build, lang),
    )


def _review_schedule(build: HubBuild, env: Environment, lang: str, page: Page) -> str:
    return env.get_template("fragments/staff/review-schedule.html").render(
        entries=build.reviews,
        contacts=build.data.contacts,
        soon_days=review.SOON_DAYS,
        link=_link(page),
    )


def _translation_status(build: HubBuild, env: Environment, lang: str, page: Page) -> str:
    default = build.settings.default_language
    return env.get_template("fragments/staff/translation-status.html").render(
        statuses=build.translations.values(),
        other_lang=_other_language(build, default),
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
    renderers = {name: partial(render, hub(config)) for name, render in RENDERERS.items()}
    env = theme_env(config)
    result, unknown = expand_markers(markdown, renderers, env, page_language(config), page)
    if unknown:
        raise PluginError(
            f"docs/{page.file.src_uri}: unknown data marker(s): {', '.join(unknown)} "
            f"— hint: known markers are {', '.join(sorted(RENDERERS))}"
        )
    return result
