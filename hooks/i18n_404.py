"""Keep one 404 page per language: /404.html in German, /en/404.html in English.

Every language build writes site/404.html, so stock static-i18n leaves the last language's page at
the root (its issue #284). Events: on_post_build at priority 0, which runs before static-i18n's
handler (-100) starts the next language (on_template_context resets the
language switcher there): the default build keeps its page in memory, each later
build moves its own page to <lang>/404.html and puts the default one back.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from saxonyhub.templating import page_language

_default_page: dict[str, bytes] = {}


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


@event_priority(0)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    page = site_dir / "404.html"
    lang = page_language(config)
    if lang == config.extra["saxonyhub"]["default_language"]:
        _default_page["html"] = page.read_bytes()
        return
    target = site_dir / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(page.read_bytes())
    if "html" in _default_page:
        page.write_bytes(_default_page["html"])
    # else: a one-language build (hooks/language_build.py); the merge keeps only <lang>/ of it.
