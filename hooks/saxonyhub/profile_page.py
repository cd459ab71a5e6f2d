"""Organisation profile pages: rendered from data by their template, not from Markdown.

A profile's visible content is rendered by overrides/profile.html (fragments/profile/body.html)
from the data entry. Its Markdown (fragments/pages/profile.md) is front matter and one heading:
the heading gives the page its table of contents, whose first entry is the target of Material's
"skip to content" link and the id of the visible <h1>. MkDocs renders each page with a new
Markdown instance that sets up every extension in mkdocs.yml, and for a one-line body that
set-up is nearly all the cost: ~1.9 ms of the ~7 ms a profile took with 1,000 organisations.
Profiles share one converter per language instead, with the two extensions such a body uses: toc
(heading ids and permalinks, as on every page) and abbr (the glossary tooltips hooks/glossary.py
appends). tests/build/test_language_build.py checks that the site stays byte for byte what stock
MkDocs builds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .build_state import hub

EXTENSIONS = ("toc", "abbr")


def converter(config: MkDocsConfig) -> markdown.Markdown:
    """The shared converter for the site's current extension settings (toc differs by language),
    kept in the build state."""
    converters = hub(config).converters
    settings = {name: dict(config.mdx_configs.get(name, {})) for name in EXTENSIONS}
    key = json.dumps(settings, sort_keys=True, default=repr)
    if key not in converters:
        converters[key] = markdown.Markdown(extensions=EXTENSIONS, extension_configs=settings)
    return converters[key]


def _ids(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield token["id"]
        yield from _ids(token["children"])


class ProfilePage(Page):
    """A profile page; see the module docstring."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = converter(config).reset()
        self.content = md.convert(self.markdown)
        tokens = getattr(md, "toc_tokens", [])
        self.toc = get_toc(tokens)
        self.present_anchor_ids = set(_ids(tokens))
        self.links_to_anchors = {}  # the body holds no links (the `text` filter escapes them)
