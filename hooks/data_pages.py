"""Pages from data: organisation profiles and directory, technologies, services, locations,
events, plus open data, calendars and the base map.

Events: on_files at priority -110 (after static-i18n has chosen this language's files) generates
everything for the language being built (saxonyhub.data_pages) and gives profiles their page
object (saxonyhub.search_body_page: a cheaper render of a search-only body); on_page_context
hands the page template the entity a page shows and its schema.org JSON-LD. Reads
saxonyhub.site.current.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

import saxonyhub.site as site
from saxonyhub.catalogue import technology_entries
from saxonyhub.clock import build_date
from saxonyhub.data_pages import PageBuilder
from saxonyhub.generated import inner_path, localized_page
from saxonyhub.geomap import SaxonyMap
from saxonyhub.jsonld import event_jsonld, organisation_jsonld
from saxonyhub.search_body_page import SearchBodyPage
from saxonyhub.templating import language_root, page_language, theme_env

# What page templates of data pages need besides the entity, set up once per language build.
_page_globals: dict[str, Any] = {}


def _written_pages(files: Files, root: str) -> set[str]:
    """Docs paths (inside the language folder) of the Markdown pages written by hand."""
    return {inner_path(f, root) for f in files.documentation_pages()}


def _guide_titles(files: Files, root: str) -> dict[str, str]:
    titles = {}
    for file in files.documentation_pages():
        inner = inner_path(file, root)
        if inner.startswith("guides/") and inner != "guides/index.md":
            _, meta = get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))
            titles[inner.removeprefix("guides/").removesuffix(".md")] = meta["title"]
    return titles


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = page_language(config)
    root = language_root(config, lang)
    env = theme_env(config)
    saxony = SaxonyMap.from_file(Path(config.config_file_path).parent / "data/geo/saxony.geojson")
    _page_globals.update(saxony=saxony, entries=technology_entries(site.current.store))
    builder = PageBuilder(
        site.current.store,
        env,
        lang,
        root,
        saxony,
        build_date(),
        _written_pages(files, root),
        _guide_titles(files, root),
    )
    generated = builder.build()
    for path, content in generated.pages.items():
        file = localized_page(config, path, content)
        file.data_source = generated.sources.get(path)
        files.append(file)
        if path in generated.search_body_pages:
            SearchBodyPage(None, file, config)  # becomes file.page; MkDocs then uses it
    for path, content in generated.files.items():
        files.append(File.generated(config, root + path, content=content))
    base_map = env.get_template("fragments/map/base.svg").render(saxony=saxony)
    files.append(File.generated(config, "assets/map/saxony.svg", content=base_map))
    return files


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    kind, _, entity_id = str(page.meta.get("entity", "")).partition("/")
    if not entity_id:
        return context
    store = site.current.store
    entity = store.get(kind, entity_id)
    url = config.site_url + page.url
    lang = page_language(config)
    context.update(_page_globals, entity=entity, store=store)
    if kind == "organisations":
        context["jsonld"] = organisation_jsonld(entity, lang, url)
    elif kind == "events":
        organiser = store.get("organisations", entity.organiser) if entity.organiser else None
        context["jsonld"] = event_jsonld(entity, lang, url, organiser)
    return context
