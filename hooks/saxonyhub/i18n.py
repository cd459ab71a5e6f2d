"""Bilingual text: the LocalizedText type, UI labels and locale-aware formatting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from babel.dates import format_date
from pydantic import BaseModel, ConfigDict, Field, RootModel

from .problems import Problem
from .validation import load_model

LANGUAGES = ("de", "en")


class LocalizedText(BaseModel):
    """Visitor-facing text in both languages; a missing language is an error naming it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    de: str = Field(min_length=1, description="German text.")
    en: str = Field(min_length=1, description="English text.")

    def get(self, lang: str) -> str:
        return getattr(self, lang) if lang in LANGUAGES else self.de


class Labels(RootModel[dict[str, LocalizedText]]):
    """UI labels used by templates, keyed by a dotted name such as ``news.feed``."""

    def t(self, key: str, lang: str) -> str:
        return self.root[key].get(lang)


def localize(value: Any, lang: str) -> Any:
    """Pick the page's language from LocalizedText or a ``{de, en}`` mapping; pass others on."""
    if isinstance(value, BaseModel) and hasattr(value, "get"):
        return value.get(lang)  # LocalizedText, and the data models' Text and TextList
    if isinstance(value, dict) and set(value) <= set(LANGUAGES) and value:
        return value.get(lang, value.get("de"))
    return value


def page_url(docs_relative: str, default_lang: str) -> str:
    """Site-relative URL of ``de/guides/x.md`` (``guides/x/``) with directory URLs."""
    lang, _, inner = docs_relative.partition("/")
    stem = inner.removesuffix(".md")
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return path if lang == default_lang else f"{lang}/{path}"


def format_day(day: dt.date, lang: str) -> str:
    """A date as readers of the language write it: '2. November 2018' / '2 November 2018'."""
    return format_date(day, format="long", locale="de_DE" if lang == "de" else "en_GB")


def format_day_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A date range without repeating what both days share: '24.–26. Oktober 2022' /
    '24–26 October 2022', '30. Januar – 2. Februar 2018'; one day when ``end`` is empty."""
    if end is None or end == start:
        return format_day(start, lang)
    locale = "de_DE" if lang == "de" else "en_GB"
    if start.year != end.year:
        return f"{format_day(start, lang)} – {format_day(end, lang)}"
    if start.month != end.month:
        first = format_date(start, format="d. MMMM" if lang == "de" else "d MMMM", locale=locale)
        return f"{first} – {format_day(end, lang)}"
    first = format_date(start, format="d." if lang == "de" else "d", locale=locale)
    return f"{first}\u2013{format_day(end, lang)}"


def load_labels(path: Path, display_name: str) -> tuple[Labels | None, list[Problem]]:
    return load_model(path, display_name, Labels)
