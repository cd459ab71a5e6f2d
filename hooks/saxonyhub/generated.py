"""Pages generated from data, placed into the language build that static-i18n is running.

static-i18n re-reads every file from disk when it sorts files into languages, so generated pages
are added after it (hooks at priority below -100) and given what it would have given them:
their locale, their counterparts in the other languages (language switcher, hreflang) and an
entry in the sitemap.
"""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .templating import page_language


def language_root(lang: str, config: MkDocsConfig) -> str:
    """The folder a language lives in: '' for the default language, 'en/' for English."""
    return "" if lang == config.extra["saxonyhub"]["default_language"] else f"{lang}/"


def localized_page(config: MkDocsConfig, path: str, content: str) -> File:
    """A generated Markdown page at ``path`` (e.g. 'staff/data-reference.md') for this build's
    language, linked to the same path in every other language."""
    lang = page_language(config)
    file = File.generated(config, language_root(lang, config) + path, content=content)
    # Profiles are reached through the directory, not the navigation (a navigation listing
    # every page makes each page carry it: the build slows with the square of the page count).
    file.inclusion = InclusionLevel.NOT_IN_NAV
    file.locale = lang
    file.locale_alternate_of = lang
    file.alternates = {
        other: SimpleNamespace(url=_url(language_root(other, config) + path), page=None)
        for other in config.extra["saxonyhub"]["languages"]
    }
    file.alternates[lang] = file
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.i18n_files_per_language.setdefault(lang, []).append(file)
    return file


def _url(src_path: str) -> str:
    stem = src_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"
