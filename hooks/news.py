"""News: collect the news items of the current language and publish its Atom feed.

Events: on_files at priority -110, i.e. after static-i18n (-100) has picked this language's files.
Reads each news page's front matter, keeps the list (newest first) in saxonyhub.news.current_items
for the news-list marker, and adds feed.xml at the language's root as a generated file, so that
links to it are checked like any other page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

import saxonyhub.news as news
from saxonyhub.generated import inner_path
from saxonyhub.templating import language_root, page_language, theme_env


def _collect(files: Files, root: str) -> list[news.NewsItem]:
    items = []
    for file in files.documentation_pages():
        src_inner = inner_path(file, root)
        if not news.is_news_page(src_inner):
            continue
        _, meta = get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))
        items.append(
            news.NewsItem(
                title=meta["title"],
                description=meta["description"],
                date=meta["date"],
                url=file.url,
                src_uri=src_inner,
            )
        )
    return news.newest_first(items)


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = language_root(config)
    news.current_items = _collect(files, root)
    xml = (
        theme_env(config)
        .get_template("fragments/news/atom.xml")
        .render(
            items=news.current_items,
            updated=news.feed_updated(news.current_items),
            site_url=config.site_url,
            root=root,
            lang=page_language(config),
            site_name=config.site_name,
        )
    )
    files.append(File.generated(config, f"{root}feed.xml", content=xml))
    return files
