"""Put the texts that Python-Markdown extensions write into pages into the page's language.

The heading permalink title (toc) and the footnote back-link title (footnotes) are extension
settings, and static-i18n does not allow per-language markdown_extensions. Events: on_config at
priority -110, after static-i18n (-100) has switched the build's language, and after site_data.py
(100) has loaded the labels; sets both settings from data/labels.yml for each language build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from saxonyhub.build_state import hub
from saxonyhub.templating import page_language

SETTINGS = {
    ("toc", "permalink_title"): "markdown.permalink_title",
    ("footnotes", "BACKLINK_TITLE"): "markdown.footnote_backlink_title",
}


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang, labels = page_language(config), hub(config).data.labels
    for (extension, option), key in SETTINGS.items():
        if extension in config.markdown_extensions:
            config.mdx_configs.setdefault(extension, {})[option] = labels.t(key, lang)
    return config
