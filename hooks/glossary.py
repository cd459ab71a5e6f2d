"""Abbreviation tooltips on every page, in the page's language, from data/glossary.yml.

Events: on_page_markdown at priority -50, after the other hooks have expanded markers and
citations, so generated text is covered too. Appends Python-Markdown `abbr` definitions
(`*[MDR]: Medizinprodukte-Verordnung`) for the abbreviations the page uses; the abbr extension
then wraps every occurrence in text in <abbr title="…">, never inside code, URLs or attributes.
Nothing is appended where it would end up inside an unclosed code fence.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import saxonyhub.glossary as glossary
from saxonyhub.build_state import hub
from saxonyhub.templating import page_language


@event_priority(-50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    titles = glossary.abbreviation_titles(hub(config).data.glossary, page_language(config))
    block = glossary.abbreviation_block(markdown, titles)
    if not block:
        return markdown
    # Blank lines keep the definitions out of a preceding paragraph, list or footnote.
    return f"{markdown.rstrip()}\n\n{block}\n"
