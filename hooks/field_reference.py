"""Staff page: the field reference of every data file, generated from the data models.

Events: on_files at priority -110, after static-i18n (-100) has sorted this language's files;
adds staff/data-reference for the language being built (saxonyhub.generated links the
counterparts). Rendered from overrides/fragments/reference/page.md; not in the navigation,
excluded from search.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from saxonyhub.datastore import ENTITY_KINDS
from saxonyhub.entities import Taxonomy
from saxonyhub.generated import localized_page
from saxonyhub.reference import field_rows
from saxonyhub.templating import page_language, theme_env

DOCUMENTED = {**ENTITY_KINDS, "taxonomy": Taxonomy}


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = page_language(config)
    kinds = [(kind, model, field_rows(model, lang)) for kind, model in DOCUMENTED.items()]
    content = (
        theme_env(config)
        .get_template("fragments/reference/page.md")
        .render(kinds=kinds, lang=lang, rows_of=field_rows)
    )
    files.append(localized_page(config, "staff/data-reference.md", content, in_sitemap=False))
    return files
