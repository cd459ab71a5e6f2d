"""Keep pages marked `robots: noindex` (the staff pages) out of the sitemap.

static-i18n writes sitemap.xml from the page list it collects in its on_files (-100), which would
announce to search engines the very pages that ask not to be indexed. Events: on_files at
priority -110, after static-i18n; reads the front matter validated by page_meta.py in
on_pre_build (saxonyhub.page_meta.current, keyed like File.src_uri: "de/staff/reviews.md").
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import saxonyhub.page_meta as page_meta
from saxonyhub.templating import page_language


def _indexable(src_uri: str) -> bool:
    meta = page_meta.current.get(src_uri)
    return meta is None or meta.robots != "noindex"


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        sitemap_pages = i18n.i18n_files_per_language[page_language(config)]
        sitemap_pages[:] = [file for file in sitemap_pages if _indexable(file.src_uri)]
    return files
