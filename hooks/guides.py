"""Guide pages: the guide template and the data of its boxes (review, services, contact).

Events: on_nav, which runs after every hook's on_files, notes which services have a page in this
language build (pages other hooks generate count too) in HubBuild.service_pages.
on_page_markdown gives pages in guides/ (except its index) the template guide.html unless their
front matter names one. on_page_context adds `guide` for overrides/guide.html.
Reads the build state (saxonyhub.build_state); extra.saxonyhub.cluster_contact is checked with
the other settings when site_data.py loads it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import saxonyhub.guides as guides
from saxonyhub.build_state import hub
from saxonyhub.page_meta import is_guide
from saxonyhub.templating import inner_path


def _has_page(files: Files, path: str) -> bool:
    return any(files.get_file_from_path(f"{path}{suffix}") for suffix in (".md", "/index.md"))


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = hub(config)
    services = build.data.services
    build.service_pages = {sid for sid in services if _has_page(files, f"services/{sid}")}
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_guide(inner_path(page.file.src_uri, config)):
        page.meta.setdefault("template", "guide.html")
    return markdown


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if page.meta.get("template") != "guide.html":
        return context
    build = hub(config)
    meta = build.pages.meta(page.file.src_uri)
    if meta is None:
        return context  # a generated page that names the template itself
    contact = build.settings.cluster_contact
    context["guide"] = guides.guide_view(meta, build.data, build.service_pages, contact)
    return context
