"""Rendering data into pages through the theme's Jinja environment (markup stays in templates)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import markdown
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
)
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from . import names
from .build_state import hub
from .fields import Text, TextList
from .i18n import format_day, format_day_range, localize
from .plaintext import markdown_to_plain

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|!])")


def markdown_text(value: object) -> str:
    """Plain data text placed into generated Markdown: shown as typed, never as markup.
    HTML characters become entities and Markdown characters are backslash-escaped."""
    escaped = html.escape(str(value), quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped).replace("\n", " ")


def markdown_block(value: object) -> str:
    """Data text written in the Markdown subset: Markdown stays, HTML shows as text."""
    return html.escape(str(value), quote=False)


def markdown_html(value: object, converter: markdown.Markdown | None = None) -> Markup:
    """Markdown-subset data text as HTML, with any HTML in it shown as text.

    Arguments:
        converter: a :func:`subset_converter` to reuse (the theme environment keeps one).
    """
    md = (converter or subset_converter()).reset()
    return Markup(md.convert(html.escape(str(value), quote=False)))  # noqa: S704


def subset_converter() -> markdown.Markdown:
    """The Markdown converter of data texts (the Markdown subset staff may write in data/)."""
    return markdown.Markdown(extensions=["sane_lists"])


def ics_text(value: object) -> str:
    """Text for an iCalendar property value (RFC 5545, 3.3.11); every kind of line break
    becomes the escape ``\\n``, so the text stays on its content line."""
    text = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(text.splitlines())


def pick(value: object, lang: str) -> tuple[object, bool]:
    """The text for ``lang`` and whether it had to fall back to German (translation pending)."""
    if isinstance(value, (Text, TextList)):
        missing = lang == "en" and value.en is None
        return value.get(lang), missing
    return localize(value, lang), False


MARKER = re.compile(r"<!--\s*data:([a-z0-9-]+)\s*-->")


def page_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (static-i18n sets theme.language per language)."""
    return str(config.theme["language"])


def inner_path(src_uri: str, config: MkDocsConfig) -> str:
    """A page's path inside its language folder: ``en/guides/x.md`` -> ``guides/x.md``."""
    return hub(config).settings.inner_path(src_uri)


def language_root(config: MkDocsConfig, lang: str | None = None) -> str:
    """Where a language lives in the site: "" for the default language, "en/" for English."""
    return hub(config).settings.language_root(lang or page_language(config))


def register_filters(env: Environment, config: MkDocsConfig) -> None:
    """Add the project's filters: ``loc`` picks the page's language, ``day`` formats a date,
    ``city`` gives a city's English name on English pages (taxonomy.yml ``city_names``)."""
    lang = page_language(config)
    # tojson writes front-matter strings (YAML) and JSON-LD: "\ud83e\uddea", the ASCII escape of
    # an emoji, is a surrogate pair that YAML rejects, so non-ASCII text stays as it is.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    build = hub(config)
    labels = build.data.labels
    env.filters["loc"] = lambda value, language=None: localize(value, language or lang)
    env.filters["day"] = lambda value, language=None: format_day(value, language or lang)
    env.filters["day_range"] = lambda start, end=None, language=None: format_day_range(
        start, end, language or lang
    )
    env.globals["label"] = lambda key, language=None: labels.t(key, language or lang)
    env.filters["text"] = markdown_text
    env.filters["mdblock"] = markdown_block
    env.filters["ics"] = ics_text
    env.filters["plain"] = partial(markdown_to_plain, converter=subset_converter())
    env.filters["markdown"] = partial(markdown_html, converter=subset_converter())
    env.globals["pick"] = lambda value, language=None: pick(value, language or lang)
    env.globals["page_lang"] = lang
    env.globals["org_name"] = lambda org, language=None: names.display_name(org, language or lang)
    env.globals["org_title"] = lambda org, language=None: names.title(org, language or lang)
    env.globals["place"] = names.place
    env.filters["city"] = lambda value, language=None: build.data.store.taxonomy.city(
        value, language or lang
    )
    env.globals["default_lang"] = build.settings.default_language
    env.globals["lang_root"] = build.settings.language_root(lang)
    env.globals["other_langs"] = build.settings.other_languages(lang)
    env.globals["frame_key"] = build.frame.key
    env.globals["frame_parts"] = build.frame.parts
    env.globals["frame_remember"] = build.frame.remember


def prepare_theme_env(env: Environment, config: MkDocsConfig) -> None:
    """The project's filters (register_filters), Material's own templates under 'upstream/'
    (add_upstream_loader) and compiled templates kept between builds (in the system's temporary
    folder, per user): each language process compiled the same ~80 templates anew, half a second
    each time. Jinja keys a compiled template by its file and checks it against the source, so
    an edited template is compiled again."""
    register_filters(env, config)
    add_upstream_loader(env, config)
    env.bytecode_cache = FileSystemBytecodeCache()


# Prefix under which templates reach the theme's own template that one of overrides/ replaces.
UPSTREAM = "upstream"


def add_upstream_loader(env: Environment, config: MkDocsConfig) -> None:
    """Make the theme's templates without our overrides loadable as 'upstream/<name>', so that
    a wrapper in overrides/ (partials/nav.html) can render Material's original of itself."""
    if isinstance(env.loader, ChoiceLoader):
        return  # added already
    dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
    upstream = PrefixLoader({UPSTREAM: FileSystemLoader(dirs)})
    env.loader = ChoiceLoader([env.loader, upstream]) if env.loader else upstream


def theme_env(config: MkDocsConfig) -> Environment:
    """The theme's Jinja environment with the project's filters, one per build and language.

    Kept in the build state: `mkdocs serve` makes a new one for every rebuild, so edited
    templates are picked up there too.
    """
    envs, lang = hub(config).envs, page_language(config)
    if lang not in envs:
        env = config.theme.get_env()
        prepare_theme_env(env, config)
        envs.clear()
        envs[lang] = env
    return envs[lang]


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
