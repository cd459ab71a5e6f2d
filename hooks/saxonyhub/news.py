"""News items: Markdown pages under ``news/`` with a ``date`` in their front matter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class NewsItem:
    title: str
    description: str
    date: dt.date
    url: str  # site-relative URL, e.g. "en/news/2018-11-02-innovation-cluster/"
    src_uri: str  # path inside the language folder, e.g. "news/2018-11-02-innovation-cluster.md"


def is_news_page(src_uri: str) -> bool:
    """News items live directly in ``news/``; the folder's index page is the list itself."""
    parts = src_uri.split("/")
    return (
        len(parts) == 2
        and parts[0] == "news"
        and parts[1] != "index.md"
        and parts[1].endswith(".md")
    )


def newest_first(items: list[NewsItem]) -> list[NewsItem]:
    return sorted(items, key=lambda item: (item.date, item.url), reverse=True)


def feed_updated(items: list[NewsItem]) -> dt.datetime:
    """The feed's <updated>: the newest item's date, so that builds stay reproducible."""
    newest = max((item.date for item in items), default=dt.date(2014, 1, 1))
    return dt.datetime.combine(newest, dt.time(0, 0), tzinfo=dt.UTC)
