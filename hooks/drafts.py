"""Leave draft pages out of the published site; show them, marked as drafts, in `mkdocs serve`.

Events: on_startup (remembers whether this process is `mkdocs serve`); on_files at priority 0,
i.e. before static-i18n (-100) sorts the files into languages, so that a draft never enters any
language build; on_page_markdown (the draft notice in `mkdocs serve`). Reads each page's front
matter from the build state's page index (saxonyhub.build_state); writes nothing.

A page is a draft when its front matter says `draft: true`. A build removes it from the files as
if it did not exist, so a link or a nav entry pointing at it fails the strict build as "not
found": nothing can link to an unpublished page by accident. `mkdocs serve` keeps drafts (out of
the navigation) so that authors can preview them.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from saxonyhub.build_state import hub
from saxonyhub.drafts import draft_files
from saxonyhub.templating import page_language

# Whether this process is `mkdocs serve`: MkDocs tells only on_startup, once per process and
# before the first build's config exists, so this one flag cannot live in the build state.
_serving = False


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(0)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in draft_files(files.documentation_pages(), hub(config).pages):
        if _serving:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        else:
            files.remove(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not (_serving and page.meta.get("draft") is True):
        return markdown
    notice = hub(config).data.labels.t("draft.notice", page_language(config))
    return f'!!! warning "{notice}"\n\n{markdown}'
