"""News: collect the news items of the current language and publish its Atom feed.

Events: on_files at priority -110, i.e. after static-i18n (-100) has picked this language's files
(drafts are gone by then, hooks/drafts.py). Takes each news page's front matter from the page
index, keeps the list (newest first) in HubBuild.news for the news-list marker (markers.py), and
adds feed.xml at the language's root as a generated file, so that links to it are checked like
any other page.
"""

from __future__ import annotations

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import saxonyhub.news as news
from saxonyhub.build_state import hub
from saxonyhub.generated import inner_path
from saxonyhub.pages import PageIndex
from saxonyhub.templating import language_root, page_language, theme_env


def news_items(files: Files, root: str, pages: PageIndex) -> list[news.NewsItem]:
    """The news items among this language build's pages, newest first."""
    items = []
    for file in files.documentation_pages():
        src_inner = inner_path(file, root)
        meta = pages.meta(file.src_uri)
        if not news.is_news_page(src_inner) or meta is None or meta.date is None:
            continue
        items.append(news.NewsItem(meta.title, meta.description, meta.date, file.url, src_inner))
    return news.newest_first(items)


def feed_xml(
    template: Template, items: list[news.NewsItem], config: MkDocsConfig, root: str
) -> str:
    """The Atom feed of one language (``root``: "" or "en/")."""
    return template.render(
        items=items,
        updated=news.feed_updated(items),
        site_url=config.site_url,
        root=root,
        lang=page_language(config),
        site_name=config.site_name,
    )


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build, root = hub(config), language_root(config)
    build.news = news_items(files, root, build.pages)
    template = theme_env(config).get_template("fragments/news/atom.xml")
    xml = feed_xml(template, build.news, config, root)
    files.append(File.generated(config, f"{root}feed.xml", content=xml))
    return files
