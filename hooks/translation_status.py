"""Translation tracking in the build: a notice on English pages whose German source changed.

Events: on_pre_build compares every English page's recorded source hash with its German
counterpart (saxonyhub.translation, from the texts in the page index) and keeps the result in
HubBuild.translations for the `translation-status` marker of the staff page. on_page_context sets
`translation_outdated` (the German page's URL) on outdated pages of the other languages, which
partials/translation-notice.html shows. `scripts/translations.py` is the command-line side.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import saxonyhub.translation as translation
from saxonyhub.build_state import hub
from saxonyhub.i18n import page_url
from saxonyhub.templating import inner_path, page_language


def on_pre_build(config: MkDocsConfig) -> None:
    build = hub(config)
    source, target = build.settings.languages[:2]
    statuses = translation.report_of(build.pages.texts(), source, target)
    build.translations = {status.path: status for status in statuses}


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    build = hub(config)
    default = build.settings.default_language
    if page_language(config) == default or page.file.generated_by:
        return context
    path = inner_path(page.file.src_uri, config)
    status = build.translations.get(path)
    if status is not None and status.status is translation.Status.OUTDATED:
        context["translation_outdated"] = page_url(f"{default}/{path}", default)
    return context
