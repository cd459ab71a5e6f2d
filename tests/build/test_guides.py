"""Guides on the built site: citations, act pages, review and help boxes, glossary tooltips,
footnotes, staff pages and translation tracking, in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from built_pages import BuiltPage
from saxonyhub.i18n import format_day
from saxonyhub.search_index import indexed_pages
from site_content import (
    glossary_terms,
    guide_files,
    guides,
    legal_acts,
    review_of,
    reviewed_pages,
)

GUIDES = guides()
MDR_TEXT = "https://eur-lex.europa.eu/legal-content/{}/TXT/HTML/?uri=CELEX:02017R0745-"
NBSP = "\u00a0"


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def citations(soup: BeautifulSoup) -> dict[str, tuple[str, str]]:
    return {
        a.get_text().replace(NBSP, " "): (a["href"], a["hreflang"])
        for a in soup.select("a.hub-cite")
    }


def test_every_guide_is_built_in_both_languages(built_site: Path):
    assert [path.stem for path in guide_files("en")] == GUIDES
    for prefix in ("", "en/"):
        built = {p.parent.name for p in (built_site / prefix / "guides").glob("*/index.html")}
        assert built == set(GUIDES)


@pytest.mark.parametrize(("prefix", "lang"), [("", "DE"), ("en/", "EN")])
def test_eu_citations_link_to_eur_lex_in_the_page_language(built_site: Path, prefix, lang):
    found = citations(soup_of(built_site, f"{prefix}guides/mdr-overview"))
    text = "Art. 52 Abs. 7 MDR" if lang == "DE" else "MDR Article 52(7)"
    href, hreflang = found[text]
    assert href.startswith(MDR_TEXT.format(lang)) and href.endswith("#art_52")
    assert hreflang == lang.lower()


def test_citations_are_worded_for_each_language(built_site: Path):
    german = citations(soup_of(built_site, "guides/diga"))
    english = citations(soup_of(built_site, "en/guides/diga"))
    section = ("https://www.gesetze-im-internet.de/sgb_5/__139e.html", "de")
    assert german["§ 139e Abs. 4 SGB V"] == english["section 139e(4) SGB V"] == section
    rule = citations(soup_of(built_site, "en/guides/mdr-classification"))
    assert "MDR Annex VIII, Rule 11" in rule
    assert "Anhang VIII Regel 11 MDR" in citations(soup_of(built_site, "guides/mdr-classification"))


def test_every_citation_is_resolved(built_site: Path):
    count = 0
    built = sorted(built_site.glob("**/guides/*/index.html"))
    assert len(built) == 2 * len(GUIDES)
    for page in built:
        html = page.read_text(encoding="utf-8")
        assert "[[" not in html, page
        count += html.count('class="hub-cite"')
    sources = sum(p.read_text().count("[[") for lang in ("de", "en") for p in guide_files(lang))
    assert count == sources > 0


def test_each_act_has_a_page_listing_the_guides_that_cite_it(built_site: Path):
    for prefix in ("", "en/"):
        index = soup_of(built_site, f"{prefix}legal")
        assert len(index.select("article table tbody tr")) == legal_acts()
    page = soup_of(built_site, "en/legal/sgb-v")
    items = {
        li.a.get_text(): li.get_text().replace(NBSP, " ")
        for li in page.select("article li")
        if li.a
    }
    assert "section 139e(4)" in items["DiGA: Germany's fast track for digital health applications"]
    assert page.find("a", string=re.compile("gesetze-im-internet"))["hreflang"] == "de"
    german = soup_of(built_site, "legal/mdr")
    assert german.find("a", href=re.compile("^" + re.escape(MDR_TEXT.format("DE")))) is not None
    assert "Die MDR im Überblick" in [a.get_text() for a in german.select("article li a")]


OWNER_ROLES = {"cluster-office": {"de": "Geschäftsstelle", "en": "Cluster office"}}


@pytest.mark.parametrize(
    ("prefix", "lang", "label"), [("", "de", "Zuletzt geprüft"), ("en/", "en", "Last reviewed")]
)
def test_every_guide_shows_its_review_box(built_site: Path, prefix, lang, label):
    for path in guide_files(lang):
        review = review_of(path)
        assert review is not None, path
        box = soup_of(built_site, f"{prefix}guides/{path.stem}").select_one(".hub-review")
        assert box["data-hub-review-due"] == review.review_by.isoformat(), path
        text = box.get_text()
        assert label in text and format_day(review.last_reviewed, lang) in text, path
        assert format_day(review.review_by, lang) in text, path
        if review.owner in OWNER_ROLES:
            assert OWNER_ROLES[review.owner][lang] in text, path
        assert box.select_one(".hub-review__overdue").has_attr("hidden")


@pytest.mark.parametrize(
    ("prefix", "note", "help_title"),
    [
        ("", "Keine Rechtsberatung", "So hilft das Cluster"),
        ("en/", "Not legal advice", "How the cluster helps"),
    ],
)
def test_every_guide_ends_with_disclaimer_and_services(built_site: Path, prefix, note, help_title):
    for guide in GUIDES:
        soup = soup_of(built_site, f"{prefix}guides/{guide}")
        assert soup.select_one(".hub-disclaimer .admonition-title").get_text() == note
        help_box = soup.select_one(".hub-help")
        assert help_box.h2.get_text() == help_title
        links = help_box.select("li a")
        assert links and len(links) == len(help_box.select("li"))
        for link in links:  # every named service has its page
            target = (built_site / prefix / "guides" / guide / link["href"]).resolve()
            assert (target / "index.html").is_file(), link["href"]
        assert help_box.find("a", href="mailto:marketing@biosaxony.com")


def test_reviews_json_lists_every_reviewed_page(built_site: Path):
    pages = json.loads((built_site / "reviews.json").read_text(encoding="utf-8"))["pages"]
    expected = reviewed_pages()
    assert sorted(p["source"] for p in pages) == sorted(expected)
    for entry in pages:
        review = expected[entry["source"]]
        assert (entry["owner"], entry["last_reviewed"], entry["review_by"]) == (
            review.owner,
            review.last_reviewed.isoformat(),
            review.review_by.isoformat(),
        )
    entry = next(p for p in pages if p["url"] == "en/guides/diga/")
    assert entry["page"] == "DiGA: Germany's fast track for digital health applications"
    assert (entry["language"], entry["source"]) == ("en", "docs/en/guides/diga.md")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", {"MDR": "Medizinprodukte-Verordnung", "KMU": "kleine und mittlere Unternehmen"}),
        ("en/", {"MDR": "Medical Devices Regulation", "SME": "small and medium-sized enterprises"}),
    ],
)
def test_glossary_tooltips_are_in_the_page_language(built_site: Path, prefix, expected):
    soup = soup_of(built_site, f"{prefix}guides/funding")
    titles = {abbr.get_text(): abbr["title"] for abbr in soup.select("article abbr")}
    assert {key: titles.get(key) for key in expected} == expected


def test_tooltips_reach_pages_without_definitions_but_not_code(content_pages: list[BuiltPage]):
    home = next(p for p in content_pages if p.url == "")
    assert home.soup.find("abbr", string="IVDR")["title"] == "In-vitro-Diagnostika-Verordnung"
    for page in content_pages:
        assert not page.soup.select("code abbr, pre abbr"), page.path
        assert "*[" not in page.soup.get_text(), page.path


def test_glossary_page_lists_every_term_with_its_counterpart(built_site: Path):
    site_terms = glossary_terms()
    german = soup_of(built_site, "glossary")
    english = soup_of(built_site, "en/glossary")
    assert (
        len(german.select(".hub-glossary dt"))
        == len(english.select(".hub-glossary dt"))
        == site_terms
    )
    term = german.find("dt", id="notified-body")
    assert term.get_text() == "Benannte Stelle"
    assert "notified body" in term.find_next_sibling("dd").get_text()
    assert english.find("dt", id="notified-body").get_text() == "notified body"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_footnotes_used_and_defined_match_in_every_guide(lang):
    for path in guide_files(lang):
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"\[\^([^\]]+)\](?!:)", text))
        defined = re.findall(r"^\[\^([^\]]+)\]:", text, flags=re.MULTILINE)
        assert used == set(defined), path.name
        assert len(defined) == len(set(defined)), f"{path.name}: footnote defined twice"


@pytest.mark.parametrize(
    ("lang", "marker", "wrong"), [("de", "Stand: ", "as of"), ("en", ", as of ", "Stand:")]
)
def test_footnote_dates_are_written_in_the_page_language(lang, marker, wrong):
    for path in guide_files(lang):
        definitions = re.findall(r"^\[\^[^\]]+\]:.*$", path.read_text(encoding="utf-8"), re.M)
        assert all(marker in line and wrong not in line for line in definitions), path.name


def test_footnotes_render_without_leftovers(built_site: Path):
    built = sorted(built_site.glob("**/guides/*/index.html"))
    assert len(built) == 2 * len(GUIDES)
    for page in built:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert "[^" not in soup.get_text(), page
        references = {a["href"][1:] for a in soup.select("a.footnote-ref")}
        notes = {li["id"] for li in soup.select(".footnote li")}
        assert references == notes, page


def test_staff_pages_are_noindex_outside_search_and_nav(built_site: Path):
    urls = [p.url.removeprefix("en/") for p in indexed_pages(built_site)]
    assert not any(url.startswith("staff/") for url in urls)
    for prefix in ("", "en/"):
        for page in ("reviews", "translations"):
            soup = soup_of(built_site, f"{prefix}staff/{page}")
            assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
            assert not soup.select(f'.md-nav a[href$="staff/{page}/"]')
    schedule = soup_of(built_site, "staff/reviews").select("tr[data-hub-due]")
    assert len(schedule) == len(reviewed_pages())
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/staff/" not in sitemap and "/en/legal/mdr/</loc>" in sitemap


def test_translations_start_current_and_show_no_notice(built_site: Path):
    rows = soup_of(built_site, "en/staff/translations").select("tr[data-hub-translation]")
    assert rows and {row["data-hub-translation"] for row in rows} == {"current"}
    for guide in GUIDES:
        assert not soup_of(built_site, f"en/guides/{guide}").select(".hub-translation-notice")


def test_home_pages_and_nav_lead_to_the_guides(built_site: Path):
    for prefix, tab in (("", "Leitfäden"), ("en/", "Guides")):
        soup = soup_of(built_site, prefix.rstrip("/") or ".")
        assert soup.select_one('article a[href="guides/"]') is not None
        assert tab in [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
