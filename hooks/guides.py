"""Guide pages: the guide template and the data of its boxes (review, services, contact).

Events: on_config checks that extra.saxonyhub.cluster_contact names a contact. on_nav, which
runs after every hook's on_files, notes which services have a page in this language build
(pages other hooks generate count too). on_page_markdown gives pages in guides/ (except its
index) the template guide.html unless their front matter names one. on_page_context adds `guide`
for overrides/guide.html.
Reads saxonyhub.site.current, loaded by site_data.py at a higher priority.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import saxonyhub.guides as guides
import saxonyhub.site as site
from saxonyhub.page_meta import PageMeta, is_guide
from saxonyhub.templating import inner_path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    contact = config.extra["saxonyhub"].get("cluster_contact")
    if contact not in site.current.contacts:
        raise PluginError(
            f"mkdocs.yml: extra.saxonyhub.cluster_contact: unknown contact id {contact!r} "
            f"— hint: one of {', '.join(sorted(site.current.contacts))}"
        )
    return config


def _has_page(files: Files, path: str) -> bool:
    return any(files.get_file_from_path(f"{path}{suffix}") for suffix in (".md", "/index.md"))


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    services = site.current.services
    guides.current_service_pages = {sid for sid in services if _has_page(files, f"services/{sid}")}
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
    meta = PageMeta.model_validate(page.meta)  # already validated in on_pre_build
    contact = config.extra["saxonyhub"]["cluster_contact"]
    context["guide"] = guides.guide_view(meta, site.current, guides.current_service_pages, contact)
    return context
