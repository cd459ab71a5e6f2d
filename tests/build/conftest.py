"""Fixtures for tests on the built site: every HTML page with its language and parsed soup."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from built_pages import BuiltPage, language_of


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[BuiltPage]:
    result = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site)
        if relative.parts[0] == "admin":  # the web editor's page, not a site page (test_admin.py)
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        result.append(BuiltPage(relative, language_of(relative), soup))
    assert len(result) > 10
    return result


@pytest.fixture(scope="session")
def content_pages(pages: list[BuiltPage]) -> list[BuiltPage]:
    return [p for p in pages if p.path.name != "404.html"]
