"""The search index of the built site (Pagefind, written by saxonyhub.search_index): what it
holds of each page, in which language, and that pages load nothing of it by themselves."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from saxonyhub.datastore import load_store
from saxonyhub.glossary import load_glossary
from saxonyhub.search_index import (
    BUNDLE,
    INDEX_CHUNK_LOCATIONS,
    UNFILTERED_KIND,
    indexed_pages,
    read_page,
)
from saxonyhub.search_text import words

ROOT = Path(__file__).resolve().parents[2]
STORE, _ = load_store(ROOT)
GLOSSARY, _ = load_glossary(ROOT / "data/glossary.yml", "data/glossary.yml")
LANGS = {"de": "", "en": "en/"}


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict[str, object]:
    return {page.url: page for page in indexed_pages(built_site)}


def plain(markdown: str) -> str:
    """Profile Markdown as a visitor reads it (link targets, emphasis and list marks removed)."""
    text = re.sub(r"\]\([^)]*\)", "] ", markdown)
    return re.sub(r"[*_`#>]|^\s*- ", " ", text, flags=re.M)


@pytest.mark.parametrize("lang", LANGS)
def test_every_visible_text_of_a_profile_is_searchable(index, lang: str):
    for org in STORE.all("organisations"):
        page = index[f"{LANGS[lang]}organisations/{org.id}/"]
        content = " ".join(page.content.split())
        texts = [org.summary.get(lang), *(org.competences.get(lang) or [])]
        texts += [*(org.offers.get(lang) or [])] if org.offers else []
        for text in texts:
            assert " ".join(text.split()) in content, (org.id, text)
        body = set(words(plain(org.profile.get(lang))))
        missing = [w for w in body if w not in content]
        assert missing == [], (org.id, missing[:10])
        assert page.kind == "organisation"


@pytest.mark.parametrize("lang", LANGS)
def test_list_pages_do_not_repeat_the_organisations_they_list(index, lang: str):
    lists = [
        page
        for url, page in index.items()
        if url.removeprefix(LANGS[lang]).startswith(
            ("organisations/", "technologies/", "locations/")
        )
        and page.kind != "organisation"
        and page.lang == lang
    ]
    assert lists
    for org in STORE.all("organisations"):
        summary = org.summary.get(lang)
        assert [p.url for p in lists if summary in p.content] == [], org.id


def test_each_page_is_indexed_once_in_its_own_language(index, built_site: Path):
    for url, page in index.items():
        assert page.lang == ("en" if url.startswith("en/") else "de"), url
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{page.lang}"' in html


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("guides/conformity-assessment/", "guide"),
        ("en/guides/ivdr/", "guide"),
        ("services/startup-support/", "service"),
        ("en/glossary/", "glossary"),
        ("legal/mdr/", "act"),
        ("en/organisations/tu-dresden/", "organisation"),
        ("news/2018-11-02-innovation-cluster/", "news"),
    ],
)
def test_pages_carry_their_kind(index, path: str, kind: str):
    assert index[path].kind == kind


def test_pages_are_found_by_the_glossary_words_of_the_other_language(index, built_site: Path):
    # A guide whose text uses a glossary term also holds the term of the other language.
    checked = 0
    for url, page in index.items():
        if page.kind != "guide":
            continue
        text = read_page(built_site, built_site / url / "index.html", set(LANGS)).text.lower()
        other = "en" if page.lang == "de" else "de"
        for entry in GLOSSARY.terms:
            own, foreign = entry.text(page.lang).term, entry.text(other).term
            if " / " in own + foreign or not re.search(rf"\b{re.escape(own.lower())}\b", text):
                continue
            assert foreign.lower() in page.content.lower(), (url, own, foreign)
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("head", ["verordnung", "bewertung", "verfahren"])
def test_german_compounds_are_found_by_their_parts(index, built_site: Path, head: str):
    # Pages that use the word only inside compounds ("Medizinprodukteverordnung") hold it too,
    # where the compound's other part is a word of the site ("Insolvenz|verfahren" may not be).
    compound_only, found = 0, 0
    for url, page in index.items():
        if page.lang != "de":
            continue
        text = read_page(built_site, built_site / url / "index.html", set(LANGS)).text
        if re.search(rf"\w{head}\b", text, re.I) and not re.search(rf"\b{head}\b", text, re.I):
            found += bool(re.search(rf"\b{head}\b", page.content))
            compound_only += 1
    assert compound_only and found >= 0.8 * compound_only, (found, compound_only)


def test_pages_load_no_search_code_and_no_sitemap_by_themselves(built_site: Path):
    assert not (built_site / "search/search_index.json").exists()
    for path in ("", "en/", "guides/mdr-overview/", "en/organisations/tu-dresden/"):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        sources = [s.get("src", "") for s in soup.find_all("script")]
        assert not [s for s in sources if "search" in s or "pagefind" in s], path
        assert "XMLHttpRequest" not in html and "sitemap.xml" not in html
        # Standard alternates for search engines and feed readers; Material's bundle fetches no
        # sitemap for them (hooks/material_alternate.py, tests/browser/test_search.py).
        assert '<link rel="alternate" hreflang=' in html
        assert '<link rel="alternate" type="application/atom+xml"' in html
    [bundle] = (built_site / "assets/javascripts").glob("bundle.*.min.js")
    assert '"link[rel=alternate]"' not in bundle.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_word_index_is_split_into_small_chunks(built_site: Path, lang: str):
    # A query term loads one chunk; Pagefind's default chunks (20,000 locations) are ~7 times
    # larger. Each word occurrence is one location, so there are about words / size chunks.
    indexed_words = sum(
        json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["word_count"]
        for p in (built_site / BUNDLE / "fragment").glob(f"{lang}_*.pf_fragment")
    )
    chunks = list((built_site / BUNDLE / "index").glob(f"{lang}_*.pf_index"))
    assert len(chunks) >= 0.5 * indexed_words / INDEX_CHUNK_LOCATIONS, (len(chunks), indexed_words)


def test_only_pages_other_than_profiles_carry_the_kind_filter(built_site: Path):
    # The filter file (loaded with the first query) lists these; profiles are the default kind.
    for path in sorted((built_site / BUNDLE / "fragment").glob("*.pf_fragment")):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        kind = record["meta"]["kind"]
        expected = {} if kind == UNFILTERED_KIND else {"kind": [kind]}
        assert record["filters"] == expected, record["url"]
