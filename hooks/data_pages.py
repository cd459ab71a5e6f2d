"""Pages from data: organisation profiles and directory, technologies, services, locations,
events, plus open data, calendars and the base map.

Events: on_files at priority -110 (after static-i18n has chosen this language's files) generates
everything for the language being built (saxonyhub.data_pages) and gives profiles their page
object (saxonyhub.profile_page: a cheaper render of their one-heading Markdown);
on_page_content puts back the raw HTML blocks (organisation lists) kept out of a page's
Markdown; on_page_context hands the page template the entity a page shows and its schema.org
JSON-LD. Reads the data and
the guide titles from the build state (saxonyhub.build_state) and records there which data file
each generated page shows (HubBuild.data_sources, for hooks/edit_links.py) and its raw HTML
blocks (HubBuild.raw_html).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from saxonyhub.build_state import HubBuild, hub
from saxonyhub.catalogue import technology_entries
from saxonyhub.clock import build_date
from saxonyhub.data_pages import Generated, PageBuilder, put_raw_html
from saxonyhub.generated import inner_path, localized_page
from saxonyhub.geomap import SaxonyMap
from saxonyhub.jsonld import event_jsonld, organisation_jsonld
from saxonyhub.page_meta import is_guide
from saxonyhub.pages import PageIndex
from saxonyhub.profile_page import ProfilePage
from saxonyhub.templating import language_root, page_language, theme_env


def guide_titles(files: Files, root: str, pages: PageIndex) -> dict[str, str]:
    """Guide id -> title, for the guides of this language build (drafts are not in ``files``)."""
    titles = {}
    for file in files.documentation_pages():
        inner = inner_path(file, root)
        page = pages.get(file.src_uri)
        if is_guide(inner) and page is not None:
            titles[inner.removeprefix("guides/").removesuffix(".md")] = page.title
    return titles


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build, lang, env = hub(config), page_language(config), theme_env(config)
    root = language_root(config, lang)
    saxony = SaxonyMap.from_file(Path(config.config_file_path).parent / "data/geo/saxony.geojson")
    store = build.data.store
    build.page_globals.update(saxony=saxony, entries=technology_entries(store))
    titles = guide_titles(files, root, build.pages)
    generated = PageBuilder(store, env, lang, root, saxony, build_date(), titles).build()
    _add(files, config, build, generated, root)
    base_map = env.get_template("fragments/map/base.svg").render(saxony=saxony)
    files.append(File.generated(config, "assets/map/saxony.svg", content=base_map))
    return files


def _add(
    files: Files, config: MkDocsConfig, build: HubBuild, generated: Generated, root: str
) -> None:
    """Hand MkDocs the generated pages and files; note which data file each page shows."""
    for path, content in generated.pages.items():
        file = localized_page(config, path, content)
        files.append(file)
        if path in generated.sources:
            build.data_sources[file.src_uri] = generated.sources[path]
        if path in generated.profile_pages:
            ProfilePage(None, file, config)  # becomes file.page; MkDocs then uses it
        if path in generated.raw_html:
            build.raw_html[file.src_uri] = generated.raw_html[path]
    for path, content in generated.files.items():
        files.append(File.generated(config, root + path, content=content))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = hub(config).raw_html.get(page.file.src_uri)
    return put_raw_html(html, blocks) if blocks else html


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    kind, _, entity_id = str(page.meta.get("entity", "")).partition("/")
    if not entity_id:
        return context
    build = hub(config)
    url = config.site_url + page.url
    context.update(entity_context(build, kind, entity_id, page_language(config), url))
    return context


def entity_context(
    build: HubBuild, kind: str, entity_id: str, lang: str, url: str
) -> dict[str, Any]:
    """What the page template of one entity gets: the entity, the store, its JSON-LD."""
    store = build.data.store
    entity = store.get(kind, entity_id)
    context = {**build.page_globals, "entity": entity, "store": store}
    if kind == "organisations":
        context["jsonld"] = organisation_jsonld(entity, lang, url)
    elif kind == "events":
        organiser = store.get("organisations", entity.organiser) if entity.organiser else None
        city = store.taxonomy.city(entity.city, lang)
        context["jsonld"] = event_jsonld(entity, lang, url, organiser, city)
    return context
