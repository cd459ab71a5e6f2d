"""Markdown-subset data text as plain text, for formats that show no markup (iCal DESCRIPTION,
JSON-LD descriptions). The Markdown is rendered with the same converter as the pages, then the
tags are dropped and entities decoded, so `**bold**` becomes `bold` and `[text](https://…)`
becomes `text (https://…)`. Escaping for the target format is the caller's job (ics_text)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown

_BLOCKS = frozenset(
    {"p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
)


class _TextCollector(HTMLParser):
    """Collects the text of rendered HTML: one line per paragraph, '- ' before list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None
        self.link_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href, self.link_text = dict(attrs).get("href"), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href:
            # Profile links (org:<id>) have no address outside the site: the name is enough.
            if not self.href.startswith("org:") and self.href not in (
                self.link_text,
                f"mailto:{self.link_text}",
            ):
                self.parts.append(f" ({self.href})")
            self.href = None
        elif tag in _BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not data.strip() and "\n" in data:
            return  # the line breaks Markdown puts between block tags
        self.parts.append(data)
        if self.href:
            self.link_text += data


def markdown_to_plain(text: object, converter: markdown.Markdown | None = None) -> str:
    """Plain text of a Markdown-subset text: paragraphs separated by a blank line.

    Arguments:
        text: the data text as typed (any raw HTML in it is kept as literal text).
        converter: the data-text converter to reuse (templating.subset_converter); a new one
            when not given.

    Returns:
        The text without Markdown syntax, stripped, with at most one blank line in a row.
    """
    converter = converter or markdown.Markdown(extensions=["sane_lists"])
    rendered = converter.reset().convert(html.escape(str(text), quote=False))
    collector = _TextCollector()
    collector.feed(rendered)
    collector.close()
    lines = [line.strip() for line in "".join(collector.parts).splitlines()]
    plain = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return plain.strip()
