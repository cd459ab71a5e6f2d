"""Give each language its own search index (German stemming for German, English for English).

Events: on_post_build at priority -200, i.e. after static-i18n (-100) has built every language and
written the combined index. Acts only at the end of the outermost build. Writes
search/search_index.json (default language) and <lang>/search/search_index.json; the `config`
block in overrides/main.html points each language's pages at its own index. In a parallel build
(one process per language, hooks/language_build.py) saxonyhub.language_merge does the same.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from saxonyhub.build_state import hub
from saxonyhub.search_split import write_language_indexes


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return  # a nested language build: the combined index is not complete yet
    settings = hub(config).settings
    site_dir = Path(config.site_dir)
    combined = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    write_language_indexes(site_dir, combined, list(settings.languages), settings.default_language)
