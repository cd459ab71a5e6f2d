"""Keep pages marked `robots: noindex` (the staff pages) out of the sitemap.

static-i18n writes sitemap.xml from the page list it collects in its on_files (-100), which would
announce to search engines the very pages that ask not to be indexed. Events: on_files at
priority -110, after static-i18n; reads the front matter from the build state's page index
(HubBuild.pages, keyed like File.src_uri: "de/staff/reviews.md").
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from saxonyhub.build_state import hub
from saxonyhub.pages import PageIndex
from saxonyhub.templating import page_language


def indexable(src_uri: str, pages: PageIndex) -> bool:
    """Whether a page may appear in the sitemap (generated pages have no front matter)."""
    meta = pages.meta(src_uri)
    return meta is None or meta.robots != "noindex"


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        sitemap_pages = i18n.i18n_files_per_language[page_language(config)]
        pages = hub(config).pages
        sitemap_pages[:] = [file for file in sitemap_pages if indexable(file.src_uri, pages)]
    return files
