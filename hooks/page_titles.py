"""Page titles from front matter become HTML once, so every theme template can print them as is.

Events: on_page_markdown at priority 100, before the other hooks' page events. Reads and writes
``page.meta["title"]``.

MkDocs treats a page title as HTML: a title taken from the page's first heading keeps its
entities, and MkDocs' and Material's templates print ``page.title`` and ``page.meta.title``
unescaped (the theme environment has no autoescape). A front-matter title is plain text as staff
type it ("Forschung & Entwicklung: <Devices>"), so it is escaped here, one place for every page,
hand-written or generated (their templates write plain text too). The result is ``Markup``, so
Material's own ``|e`` in attributes does not escape it a second time. Hooks that need the plain
text (feed, news list, reviews) read the front matter from the file.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def html_title(title: object) -> object:
    """``title`` escaped for HTML, unless it is not text or already is HTML (Markup)."""
    if isinstance(title, str) and not isinstance(title, Markup):
        return Markup.escape(title)
    return title


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "title" in page.meta:
        page.meta["title"] = html_title(page.meta["title"])
    return markdown
