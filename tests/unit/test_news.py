from __future__ import annotations

import datetime as dt

from saxonyhub.news import NewsItem, feed_updated, is_news_page, newest_first


def item(day: str) -> NewsItem:
    return NewsItem("t", "d", dt.date.fromisoformat(day), f"news/{day}/", f"news/{day}.md")


def test_is_news_page_excludes_index_and_nested_pages():
    assert is_news_page("news/2018-11-02-x.md")
    assert not is_news_page("news/index.md")
    assert not is_news_page("guides/news.md")


def test_newest_first_sorts_by_date():
    assert [i.date.year for i in newest_first([item("2014-07-23"), item("2018-11-02")])] == [
        2018,
        2014,
    ]


def test_feed_updated_is_the_newest_date_not_the_clock():
    assert (
        feed_updated([item("2014-07-23"), item("2018-11-02")]).isoformat()
        == "2018-11-02T00:00:00+00:00"
    )
