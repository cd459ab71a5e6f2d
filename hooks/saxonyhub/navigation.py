"""Pages and the navigation (`nav` in mkdocs.yml), checked before any build.

Every published page must be in `nav` or match `not_in_nav`, and `nav` must name neither a draft
nor a missing page. The strict build fails on the same things; `make validate` reports them
seconds earlier, with the line to add. Pages matched by `exclude_docs` are never built and are
skipped here too.
"""

from __future__ import annotations

from pathlib import Path

import pathspec
import yaml

from .page_meta import PageMeta
from .problems import Problem

NavEntry = tuple[str, int, int]


def _entries(node: yaml.Node | None) -> list[NavEntry]:
    """Every Markdown file named in a nav node, with its line and column in mkdocs.yml."""
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        is_page = value.endswith(".md") and "://" not in value
        mark = node.start_mark
        return [(value, mark.line + 1, mark.column + 1)] if is_page else []
    if isinstance(node, yaml.SequenceNode):
        return [entry for item in node.value for entry in _entries(item)]
    if isinstance(node, yaml.MappingNode):
        return [entry for _, value in node.value for entry in _entries(value)]
    return []


def _spec(node: yaml.Node | None) -> pathspec.GitIgnoreSpec:
    text = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
    return pathspec.GitIgnoreSpec.from_lines(text.splitlines())


def read_config(root: Path) -> dict[str, yaml.Node] | None:
    """The top-level nodes of mkdocs.yml; composed, not constructed, so `!ENV` tags are fine."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return None
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return None
    return {str(key.value): value for key, value in node.value}


def nav_problems(
    root: Path, pages: dict[str, PageMeta], generated: frozenset[str] = frozenset()
) -> list[Problem]:
    """Problems between ``pages`` (front matter by path below docs/, e.g. ``de/index.md``) and
    the navigation in ``root / 'mkdocs.yml'``; none when there is no explicit ``nav``.
    ``generated`` names pages the build makes from data in every language ('services/index.md')."""
    config = read_config(root)
    if config is None or "nav" not in config:
        return []
    entries = _entries(config["nav"])
    listed = {path for path, _, _ in entries}
    hidden, excluded = _spec(config.get("not_in_nav")), _spec(config.get("exclude_docs"))
    problems = []
    for key, meta in sorted(pages.items()):
        inner = key.partition("/")[2]
        if meta.draft or inner in listed or hidden.match_file(key) or excluded.match_file(key):
            continue
        hint = f"add the line '- {inner}' to nav in mkdocs.yml, or keep 'draft: true' for now"
        problems.append(Problem(f"docs/{key}", 0, 0, "", "the page is not in the navigation", hint))
    languages = sorted({key.partition("/")[0] for key in pages})
    for inner, line, column in entries:
        for key in (f"{lang}/{inner}" for lang in languages):
            if excluded.match_file(key) or inner in generated:
                continue
            if not (root / "docs" / key).is_file():
                message = f"nav names '{inner}', but docs/{key} does not exist"
                hint = "check the spelling of the path, or remove the line"
            elif key in pages and pages[key].draft:
                message = f"nav names '{inner}', but docs/{key} is a draft"
                hint = "remove the line until the page is published, or delete 'draft: true'"
            else:
                continue
            problems.append(Problem("mkdocs.yml", line, column, "nav", message, hint))
    return problems


def owning_nav_page(url: str, nav_urls: list[str], home_url: str) -> str | None:
    """The navigation page that a page outside the navigation belongs to: the deepest one whose
    URL folder contains ``url`` (``organisations/`` for ``organisations/tu-dresden/``). The home
    page owns nothing, so that pages such as the Impressum belong to no section."""
    owners = [u for u in nav_urls if u != home_url and u != url and url.startswith(u)]
    return max(owners, key=len, default=None)
