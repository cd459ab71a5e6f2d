"""A page per legal act (`legal/<act-id>/`) and an index of all acts (`legal/`), in each language.

Events: on_files at priority -120, i.e. after static-i18n (-100) has picked this language's files
and after hooks/citations.py (-110) has checked the citations; who cites what comes from
HubBuild.citations. Renders
fragments/acts/page.md and index.md into generated files (nothing is written into
docs/). Generated files get the attributes static-i18n gives real ones (locale, alternates), so
that hreflang links and the language switcher lead to the counterpart page, and they are added to
static-i18n's page list for the sitemap, which it collected before these pages existed.
"""

from __future__ import annotations

from functools import partial

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from saxonyhub.acts import INDEX_PAGE, LegalAct, act_page_path, act_url, locator_text
from saxonyhub.build_state import HubBuild, hub
from saxonyhub.generated import localized_page
from saxonyhub.templating import page_language, theme_env


def act_page(build: HubBuild, env: Environment, act: LegalAct, lang: str) -> str:
    """The Markdown of one act's page."""
    pattern = partial(build.data.labels.t, lang=lang)
    citing = build.citations.citing(lang, act.id)
    return env.get_template("fragments/acts/page.md").render(
        act=act,
        citing=citing,
        url=act_url(act, lang),
        wording=lambda reference: locator_text(reference, act, lang, pattern),
    )


def index_page(build: HubBuild, env: Environment, lang: str) -> str:
    """The Markdown of the acts index."""
    acts = build.data.legal_acts.acts
    counts = {act.id: len(build.citations.citing(lang, act.id)) for act in acts}
    return env.get_template("fragments/acts/index.md").render(
        acts=acts, counts=counts, src=act_page_path
    )


@event_priority(-120)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build, env, lang = hub(config), theme_env(config), page_language(config)
    index = index_page(build, env, lang)
    files.append(localized_page(config, INDEX_PAGE, index, in_nav=True))
    for act in build.data.legal_acts.acts:
        files.append(localized_page(config, act_page_path(act), act_page(build, env, act, lang)))
    return files
