"""What tests on the built site share: the site URL and every HTML page, parsed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

SITE_URL = "http://127.0.0.1:8000/"


@dataclass
class BuiltPage:
    path: Path  # relative to the site root
    lang: str
    soup: BeautifulSoup

    @property
    def url(self) -> str:
        text = self.path.as_posix()
        return text.removesuffix("index.html")


def language_of(relative: Path) -> str:
    return "en" if relative.parts[0] == "en" else "de"
