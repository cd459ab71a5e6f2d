"""Build a single language when HUB_BUILD_LANGUAGE names one (scripts/build.py sets it).

`make build` runs one MkDocs process per language at the same time, each into its own folder, and
merges the results (saxonyhub.language_merge): on two cores the site is ready in about half the
time of static-i18n's one-language-after-the-other build. Without the variable, as in
`mkdocs serve`, nothing changes.

Events: on_config at priority 200, before static-i18n (-100) picks the language to build first.
Sets static-i18n's own "nested build" flag, so that it does not start the other languages and our
post-build hooks leave the cross-language files (search index, sitemap) to the merge. Both
attributes are static-i18n 1.3 internals (pinned); tests/build/test_language_build.py compares the
merged site with stock MkDocs' one-process build, so an upgrade that changes them fails there.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BUILD_LANGUAGE = "HUB_BUILD_LANGUAGE"


@event_priority(200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = os.environ.get(BUILD_LANGUAGE, "")
    if not lang:
        return config
    languages = [language.locale for language in config.plugins["i18n"].config.languages]
    if lang not in languages:
        raise PluginError(
            f"{BUILD_LANGUAGE}={lang!r} is not one of the site's languages "
            f"({', '.join(languages)}); unset it to build all of them."
        )
    i18n = config.plugins["i18n"]
    if i18n.current_language is None:  # the first on_config of this process
        i18n.current_language = lang
        i18n.building = True
    return config
