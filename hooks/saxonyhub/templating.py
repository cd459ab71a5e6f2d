"""Rendering data into pages through the theme's Jinja environment (markup stays in templates)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from . import site
from .i18n import format_day, localize

MARKER = re.compile(r"<!--\s*data:([a-z0-9-]+)\s*-->")


def page_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (static-i18n sets theme.language per language)."""
    return str(config.theme["language"])


def inner_path(src_uri: str, config: MkDocsConfig) -> str:
    """A page's path inside its language folder: ``en/guides/x.md`` -> ``guides/x.md``."""
    lang, _, rest = src_uri.partition("/")
    return rest if lang in config.extra["saxonyhub"]["languages"] else src_uri


def language_root(config: MkDocsConfig, lang: str | None = None) -> str:
    """Where a language lives in the site: "" for the default language, "en/" for English."""
    lang = lang or page_language(config)
    return "" if lang == config.extra["saxonyhub"]["default_language"] else f"{lang}/"


def register_filters(env: Environment, config: MkDocsConfig) -> None:
    """Add the project's filters: ``loc`` picks the page's language, ``day`` formats a date."""
    lang = page_language(config)
    env.filters["loc"] = lambda value, language=None: localize(value, language or lang)
    env.filters["day"] = lambda value, language=None: format_day(value, language or lang)
    env.globals["label"] = lambda key, language=None: site.current.labels.t(key, language or lang)
    env.globals["page_lang"] = lang
    env.globals["default_lang"] = config.extra["saxonyhub"]["default_language"]
    env.globals["lang_root"] = language_root(config, lang)


def theme_env(config: MkDocsConfig) -> Environment:
    env = config.theme.get_env()
    register_filters(env, config)
    return env


MarkerRenderer = Callable[[Environment, str, Any], str]


def expand_markers(
    markdown: str, renderers: dict[str, MarkerRenderer], env: Environment, lang: str, page: Any
) -> tuple[str, list[str]]:
    """Replace ``<!-- data:NAME -->`` markers; return the text and the names nobody knows."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in renderers:
            unknown.append(name)
            return match.group(0)
        return renderers[name](env, lang, page)

    return MARKER.sub(replace, markdown), unknown
