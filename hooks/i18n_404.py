"""Keep one 404 page per language: /404.html in German, /en/404.html in English.

Every language build writes site/404.html, so stock static-i18n leaves the last language's page at
the root (its issue #284). Events: on_template_context (the language switcher of the 404 page)
and on_post_template: a build of another language than the default writes its page to
<lang>/404.html itself and hands MkDocs the default language's page, which static-i18n's
first build has already written to site/404.html, to write there again. In a one-language build
(hooks/language_build.py) there is no such page yet; the merge keeps only <lang>/ of it.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from saxonyhub.build_state import hub
from saxonyhub.templating import page_language


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # static-i18n points the language switcher at the counterpart of the last page it rendered;
    # on the 404 page it must lead to each language's home instead.
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and i18n.extra_alternate:
        config.extra["alternate"] = deepcopy(i18n.extra_alternate)
        # static-i18n sets it as an attribute on each page, which Jinja reads before the item.
        config.extra.alternate = config.extra["alternate"]
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    lang = page_language(config)
    if template_name != "404.html" or lang == hub(config).settings.default_language:
        return output
    site_dir = Path(config.site_dir)
    target = site_dir / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(output.encode("utf-8"))  # as MkDocs writes templates
    default_page = site_dir / "404.html"
    return default_page.read_bytes().decode("utf-8") if default_page.is_file() else output
