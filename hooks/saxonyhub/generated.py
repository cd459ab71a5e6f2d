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

from .build_state import hub
from .templating import language_root, page_language


def localized_page(
    config: MkDocsConfig, path: str, content: str, in_nav: bool = False, in_sitemap: bool = True
) -> File:
    """A generated Markdown page at ``path`` (e.g. 'staff/data-reference.md') for this build's
    language, linked to the same path in every other language.

    Arguments:
        in_nav: whether mkdocs.yml's nav may list the page. Most generated pages (profiles, act
            pages) are reached through an index page instead: a navigation listing every page
            makes each page carry it, and the build slows with the square of the page count.
        in_sitemap: false for pages that ask not to be indexed (staff pages).
    """
    lang = page_language(config)
    root = language_root(config, lang)
    file = File.generated(config, root + path, content=content)
    file.inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    alternates: dict[str, object] = {
        other: SimpleNamespace(url=_url(language_root(config, other) + path), page=None)
        for other in hub(config).settings.languages
    }
    alternates[lang] = file
    # The attributes static-i18n gives the files it sorts; MkDocs' File does not declare them.
    vars(file).update(
        locale=lang,
        locale_alternate_of=lang,
        localization=lang if root else None,
        norm_src_uri=path,
        alternates=alternates,
    )
    i18n = config.plugins.get("i18n")
    if i18n is not None and in_sitemap:
        i18n.i18n_files_per_language.setdefault(lang, []).append(file)
    return file


def inner_path(file: File, root: str) -> str:
    """Path inside the language folder of a page: 'guides/ivdr.md' for the file that becomes
    <root>guides/ivdr/index.html (root is language_root: '' or 'en/')."""
    dest = file.dest_uri.removeprefix(root)
    return "index.md" if dest == "index.html" else dest.replace("/index.html", ".md")


def _url(src_path: str) -> str:
    stem = src_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"
