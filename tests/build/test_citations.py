"""Citation links on the built site: every `[[…]]` in docs/ becomes a link to its article, annex
or section in the official text, in the page's language, and no citation repeats the locator
the sentence has just named ("Annex VIII¹ MDR Annex VIII")."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from built_pages import BuiltPage
from saxonyhub.acts import EUR_LEX_ANCHOR, SECTION_PAGE, act_url, find_citations, load_legal_acts

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dd", "dt", "blockquote"}
# Words that name an article or annex in running text, in both languages.
LOCATOR_WORDS = r"(?:Art\.|Articles?|Artikels?|Annex(?:es)?|Anhangs?|Anhängen)"


@pytest.fixture(scope="module")
def acts():
    acts, problems = load_legal_acts(ROOT / "data/legal_acts.yml", "data/legal_acts.yml")
    assert not problems
    return acts.acts


def cited_links(pages: list[BuiltPage]) -> list[tuple[BuiltPage, Tag]]:
    """Citations written in docs/; the decision tools' citations come from data/tools/ and are
    tested with the tools (tests/build/test_decision_tool_pages.py)."""
    return [
        (page, a)
        for page in pages
        for a in page.soup.select("a.hub-cite")
        if a.find_parent(class_=["hub-tool", "hub-tool-table"]) is None
    ]


def test_every_citation_links_a_documented_address_in_the_page_language(
    content_pages: list[BuiltPage], acts
):
    links = cited_links(content_pages)
    sources = sum(
        len(list(find_citations(p.read_text(encoding="utf-8"))))
        for p in (ROOT / "docs").rglob("*.md")
    )
    assert len(links) == sources  # each citation in docs/ is rendered exactly once
    for page, link in links:
        href, text = link["href"], link.get_text().replace(NBSP, " ")
        base, _, fragment = href.partition("#")
        eu = {act_url(act, page.lang): act for act in acts if act.is_eu}
        if base in eu:
            assert link["hreflang"] == page.lang, (page.path, href)
            assert fragment == "" or EUR_LEX_ANCHOR.match(fragment), (page.path, href)
            kind = "art_" if re.search(r"\bArt(\.|icle)", text) else "anx_"
            if re.search(r"\b(Art\.|Article|Annex|Anhang)\s", text):
                assert fragment.startswith(kind), (page.path, text, href)
        else:
            national = {str(act.url.de) for act in acts if not act.is_eu}
            folder, _, page_name = href.rpartition("/")
            assert f"{folder}/" in national, (page.path, href)
            assert link["hreflang"] == "de"
            assert (page_name == "") == ("§" not in text and "section" not in text), href
            assert page_name == "" or SECTION_PAGE.match(page_name), href


def test_consolidated_acts_are_linked_at_their_pinned_version(content_pages, acts):
    celexes = {
        re.search(r"CELEX:([^#&]+)", a["href"]).group(1)
        for _, a in cited_links(content_pages)
        if urlsplit(a["href"]).hostname == "eur-lex.europa.eu"
    }
    pinned = {act.eur_lex_celex for act in acts if act.is_eu}
    assert celexes <= pinned
    assert any(act.consolidated for act in acts) and any("-" in c for c in celexes)


def _text_before(link: Tag) -> str:
    """Running text before ``link`` within its block, without footnote markers."""
    parts: list[str] = []
    node: Tag | NavigableString = link
    while True:
        while node.previous_sibling is None:
            node = node.parent
            if node is None or node.name in BLOCKS:
                return "".join(reversed(parts))
        node = node.previous_sibling
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif node.name != "sup":  # footnote references
            parts.append(node.get_text())


def _repeats_locator(before: str, citation: str) -> bool:
    match = re.search(r"(?:Art\.|Article|Annex|Anhang|§|section) ?([0-9IVXLC]+[a-z]?)", citation)
    if match is None:
        return False
    number = re.escape(match.group(1))
    clause = re.split(r"[.;:!?]\s", before)[-1].strip()
    named = re.search(LOCATOR_WORDS + r"[^.;:]*?\b" + number + r"\b[^\w]*$", clause)
    rule = re.search(r"(?:Rule|Regel) (\d+)", citation)
    named_rule = rule and re.search(r"\b(?:Rule|Regel) " + rule.group(1) + r"\b[^.;:]*$", clause)
    return bool(named or named_rule) or clause == match.group(1)


def test_no_citation_repeats_the_locator_its_sentence_just_named(content_pages):
    repeated = [
        (page.url, _text_before(link)[-40:], link.get_text())
        for page, link in cited_links(content_pages)
        if _repeats_locator(
            _text_before(link).replace(NBSP, " "), link.get_text().replace(NBSP, " ")
        )
    ]
    assert repeated == []


@pytest.mark.parametrize(
    ("html", "repeats"),
    [
        ('<p>set out in Annex VIII<sup>1</sup> <a class="hub-cite">MDR Annex VIII</a></p>', True),
        ('<table><tr><td>IX <a class="hub-cite">MDR Annex IX</a></td></tr></table>', True),
        ('<p>nach Artikel 61 <a class="hub-cite">Art. 61 MDR</a></p>', True),
        ('<p>set out in <a class="hub-cite">MDR Annex VIII</a></p>', False),
        ('<p>PSUR (classes IIa to III) <a class="hub-cite">MDR Annex III</a></p>', False),
        ('<p>Annex II and <a class="hub-cite">MDR Annex III</a></p>', False),
        ('<p>Under Rule 11 this is IIb <a class="hub-cite">MDR Annex VIII, Rule 11</a></p>', True),
        ('<p>Under <a class="hub-cite">MDR Annex VIII, Rule 11</a> this is IIb</p>', False),
    ],
)
def test_repeated_locator_check_tells_repetition_from_reference(html, repeats):
    link = BeautifulSoup(html, "html.parser").select_one("a")
    assert _repeats_locator(_text_before(link), link.get_text()) is repeats


def _headings(soup: BeautifulSoup) -> list[str]:
    return [h.name for h in soup.select("article h2, article h3, article h4")]


def test_every_guide_has_the_same_sections_in_both_languages(built_site: Path):
    for source in sorted((ROOT / "docs/de/guides").glob("*.md")):
        path = "guides/" if source.stem == "index" else f"guides/{source.stem}/"
        german = BeautifulSoup((built_site / path / "index.html").read_text(), "html.parser")
        english = BeautifulSoup(
            (built_site / "en" / path / "index.html").read_text(), "html.parser"
        )
        assert _headings(german) == _headings(english), source.name


@pytest.mark.parametrize(
    ("guide", "section", "fragment"),
    [
        # issue 14 §3: what each new section cites, found in both languages by its link
        ("conformity-assessment", ("Klassen IIb und IIa", "Classes IIb and IIa"), "#art_52"),
        ("mdr-classification", ("Regel 10", "Rule 10"), "#anx_VIII"),
        ("software-medical-device", ("Cybersicherheit", "Cybersecurity"), "#anx_I"),
        ("software-medical-device", ("KI-Verordnung", "AI Act"), "CELEX:02024R1689-"),
        ("non-eu-market-access", ("deutschen Markt", "German market"), "/mpdg/__8.html"),
    ],
)
def test_new_guide_sections_exist_in_both_languages_with_their_citations(
    built_site: Path, guide, section, fragment
):
    for prefix, title in zip(("", "en/"), section, strict=True):
        html = (built_site / prefix / "guides" / guide / "index.html").read_text()
        soup = BeautifulSoup(html, "html.parser")
        heading = next(h for h in soup.select("article h2, article h4") if title in h.get_text())
        links = []
        for sibling in heading.find_next_siblings():
            if sibling.name in {"h2", heading.name}:
                break
            links += [a["href"] for a in sibling.select("a.hub-cite")]
        assert any(fragment in href for href in links), (prefix, guide, title)
