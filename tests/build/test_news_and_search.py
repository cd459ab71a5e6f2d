"""News index, Atom feeds and per-language search indexes on the built site."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from built_pages import SITE_URL
from saxonyhub.i18n import format_day
from saxonyhub.search_index import indexed_pages
from site_build import PROJECT

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def news_dates(lang: str) -> list[str]:
    """Dates of the news items in docs/<lang>/news/, newest first (from their front matter)."""
    dates = []
    for path in (PROJECT / "docs" / lang / "news").glob("*.md"):
        if path.name == "index.md":
            continue
        front = path.read_text(encoding="utf-8").split("---")[1]
        dates += [
            line.split(":", 1)[1].strip() for line in front.splitlines() if line[:5] == "date:"
        ]
    return sorted(dates, reverse=True)


def test_news_index_lists_items_newest_first(built_site: Path):
    for prefix, lang in (("", "de"), ("en/", "en")):
        soup = BeautifulSoup((built_site / prefix / "news/index.html").read_text(), "html.parser")
        dates = [t["datetime"] for t in soup.select(".hub-news-item time")]
        assert dates == news_dates(lang) and len(dates) >= 2
        newest = dt.date.fromisoformat(dates[0])
        assert soup.select(".hub-news-item time")[0].get_text() == format_day(newest, lang)


def test_feeds_list_items_newest_first(built_site: Path):
    for prefix, lang in (("", "de"), ("en/", "en")):
        root = ET.parse(built_site / prefix / "feed.xml").getroot()
        entries = root.findall("a:entry", ATOM)
        dates = [e.find("a:updated", ATOM).text[:10] for e in entries]
        assert dates == news_dates(lang)
        assert root.find("a:updated", ATOM).text[:10] == dates[0]


def test_feeds_have_absolute_urls_per_language(built_site: Path):
    for prefix, lang in (("", "de"), ("en/", "en")):
        root = ET.parse(built_site / prefix / "feed.xml").getroot()
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        links = [e.find("a:link", ATOM).get("href") for e in root.findall("a:entry", ATOM)]
        assert len(links) >= 2
        assert all(link.startswith(SITE_URL + prefix + "news/") for link in links)
        for link in links:
            assert (built_site / link.removeprefix(SITE_URL) / "index.html").is_file()


def test_feed_is_announced_in_head(built_site: Path):
    for prefix in ("", "en/"):
        soup = BeautifulSoup((built_site / prefix / "index.html").read_text(), "html.parser")
        feed = soup.find("link", type="application/atom+xml")
        assert feed["href"] == f"{SITE_URL}{prefix}feed.xml"


def test_search_index_per_language(built_site: Path):
    pages = indexed_pages(built_site)
    titles_de = {p.title for p in pages if p.lang == "de"}
    titles_en = {p.title for p in pages if p.lang == "en"}
    assert "Aktuelles" in titles_de and "News" not in titles_de
    assert "News" in titles_en and "Aktuelles" not in titles_en


def test_legal_pages_are_not_in_search(built_site: Path):
    urls = [p.url.removeprefix("en/") for p in indexed_pages(built_site)]
    assert not any(url.startswith(("impressum", "datenschutz")) for url in urls)
