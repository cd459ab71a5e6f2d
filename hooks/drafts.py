"""Leave draft pages out of the published site; show them, marked as drafts, in a preview.

Events: on_files at priority 0, i.e. before static-i18n (-100) sorts the files into languages, so
that a draft never enters any language build; on_page_markdown (the draft notice in a preview).
Reads each page's front matter from the build state's page index and the `preview` setting
(saxonyhub.build_state.HubBuild, saxonyhub.settings.HubSettings); writes nothing.

A page is a draft when its front matter says `draft: true`. A build removes it from the files as
if it did not exist, so a link or a nav entry pointing at it fails the strict build as "not
found": nothing can link to an unpublished page by accident. A preview (`make serve`, which sets
HUB_PREVIEW=true) keeps drafts out of the navigation so that authors can look at them.
MkDocs' own `InclusionLevel.DRAFT` does not do this job: static-i18n builds every language but
the first without serve's address, so English drafts would vanish from the preview, and a link
to a draft would only be logged as info, not fail the build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from saxonyhub.build_state import hub
from saxonyhub.drafts import draft_files
from saxonyhub.templating import page_language


@event_priority(0)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = hub(config)
    for file in draft_files(files.documentation_pages(), build.pages):
        if build.settings.preview:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        else:
            files.remove(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = hub(config)
    if not (build.settings.preview and page.meta.get("draft") is True):
        return markdown
    notice = build.data.labels.t("draft.notice", page_language(config))
    return f'!!! warning "{notice}"\n\n{markdown}'
