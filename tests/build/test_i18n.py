"""i18n correctness on every built page, not a sample."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from built_pages import SITE_URL, BuiltPage

UI_SEARCH_PLACEHOLDER = {"de": "Suche", "en": "Search"}
NEWS_NAV_LABEL = {"de": "Aktuelles", "en": "News"}


def site_file_for(url: str, site: Path) -> Path:
    relative = url.removeprefix(SITE_URL)
    return (
        site / relative / "index.html"
        if relative == "" or relative.endswith("/")
        else site / relative
    )


def test_every_page_has_html_lang_of_its_folder(pages: list[BuiltPage]):
    wrong = [
        (str(p.path), p.soup.html.get("lang")) for p in pages if p.soup.html.get("lang") != p.lang
    ]
    assert wrong == []


def test_every_page_has_title_and_meta_description(content_pages: list[BuiltPage]):
    for page in content_pages:
        assert page.soup.title and page.soup.title.string.strip(), page.path
        description = page.soup.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) >= 20, page.path


def test_hreflang_alternates_point_both_ways(content_pages: list[BuiltPage], built_site: Path):
    by_url = {SITE_URL + p.url: p for p in content_pages}
    for page in content_pages:
        links = {
            link["hreflang"]: link["href"]
            for link in page.soup.find_all("link", rel="alternate", hreflang=True)
        }
        if not links:
            continue
        assert set(links) == {"de", "en", "x-default"}, page.path
        assert links[page.lang] == SITE_URL + page.url, page.path
        other = by_url[links["en" if page.lang == "de" else "de"]]
        back = {
            link["hreflang"]: link["href"] for link in other.soup.find_all("link", hreflang=True)
        }
        assert back[page.lang] == SITE_URL + page.url, f"{other.path} does not point back"
        assert links["x-default"] == links["de"]


def test_pages_with_counterpart_carry_hreflang(content_pages: list[BuiltPage]):
    paths = {p.path.as_posix() for p in content_pages}
    for page in content_pages:
        counterpart = (
            page.path.as_posix().removeprefix("en/")
            if page.lang == "en"
            else f"en/{page.path.as_posix()}"
        )
        if counterpart in paths:
            assert page.soup.find("link", hreflang=page.lang), page.path


def test_language_switcher_targets_exist(pages: list[BuiltPage], built_site: Path):
    for page in pages:
        switch_links = page.soup.select(".md-select__link[hreflang]")
        assert {a["hreflang"] for a in switch_links} == {"de", "en"}, page.path
        for link in switch_links:
            href = link["href"]
            base = built_site if href.startswith("/") else built_site / page.path.parent
            target = (base / href.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.path}: switcher link {link['href']} is missing"


def test_switcher_lands_on_counterpart_page(pages: list[BuiltPage]):
    page = next(
        p for p in pages if p.path.as_posix() == "news/2018-11-02-innovation-cluster/index.html"
    )
    link = page.soup.select_one('.md-select__link[hreflang="en"]')
    assert link["href"].endswith("en/news/2018-11-02-innovation-cluster/")


def test_navigation_and_material_ui_strings_are_in_page_language(content_pages: list[BuiltPage]):
    for page in content_pages:
        search = page.soup.find("input", attrs={"name": "query"})
        assert search["placeholder"] == UI_SEARCH_PLACEHOLDER[page.lang], page.path
        tabs = [a.get_text(strip=True) for a in page.soup.select(".md-tabs__link")]
        assert NEWS_NAV_LABEL[page.lang] in tabs, (page.path, tabs)


def test_footer_links_legal_pages_in_page_language(pages: list[BuiltPage], built_site: Path):
    for page in pages:
        links = [a for a in page.soup.select(".hub-legal a")]
        texts = [a.get_text(strip=True) for a in links]
        assert texts[0].startswith("Impressum" if page.lang == "de" else "Legal notice"), page.path
        assert texts[1] == ("Datenschutz" if page.lang == "de" else "Privacy"), page.path


def test_sitemap_carries_alternates(built_site: Path):
    tree = ET.parse(built_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.findall("s:url", ns)
    assert len(urls) >= 10
    home = next(u for u in urls if u.find("s:loc", ns).text == SITE_URL)
    alternates = {a.get("hreflang"): a.get("href") for a in home.findall("x:link", ns)}
    assert alternates == {"de": SITE_URL, "en": SITE_URL + "en/"}


def test_404_pages_are_per_language(built_site: Path):
    german = (built_site / "404.html").read_text(encoding="utf-8")
    english = (built_site / "en/404.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in german and "Seite nicht gefunden" in german
    assert '<html lang="en"' in english and "Page not found" in english


def test_404_language_switcher_leads_to_each_home(pages: list[BuiltPage]):
    for page in (p for p in pages if p.path.name == "404.html"):
        switcher = {a["hreflang"]: a["href"] for a in page.soup.select("a.md-select__link")}
        assert switcher == {"de": "/", "en": "/en/"}, page.path
