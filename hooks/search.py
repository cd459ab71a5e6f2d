"""Site search: the Pagefind index of the whole site, once every language is built.

Events: on_post_build at priority -200, after static-i18n (-100) has built every language. Acts
only at the end of the outermost build: a nested language build (static-i18n's own, or one
process of a parallel build, hooks/language_build.py) leaves it to the end of the build or to
scripts/build.py, which indexes the merged site the same way, and in `make serve` to
scripts/serve.py, which indexes in the background once the rebuilt pages are served. Reads the
built pages and the glossary (synonyms) of the HubBuild; writes site/pagefind/
(saxonyhub.search_index).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from saxonyhub.build_state import hub
from saxonyhub.preview import CONFIG_KEY as PREVIEW_KEY
from saxonyhub.search_index import glossary_groups, write_search_index

log = get_plugin_logger(__name__)


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: the site is not complete yet
    if config.get(PREVIEW_KEY) is not None:
        return  # `make serve` indexes in the background, after the page is shown (scripts/serve.py)
    build = hub(config)
    groups = glossary_groups(build.data.glossary)
    count = write_search_index(Path(config.site_dir), list(build.settings.languages), groups)
    log.info(f"search index: {count} pages")
