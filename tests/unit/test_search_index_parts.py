"""The search index's preparation per language (saxonyhub.search_index.language_part): each
language's documents and typo words, made in a process of its own, are what one pass over the
whole site gives."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from saxonyhub.search_index import (
    TERMS_ID,
    indexed_document,
    language_part,
    language_parts,
    page_terms,
    read_page,
    typo_vocabulary,
)
from saxonyhub.search_text import Splitter, SynonymGroup, synonym_matcher, vocabulary

GROUPS = [SynonymGroup(("Benannte Stelle", "notified body"))]
PAGES = {
    "guides/a/index.html": ("de", "Konformitätsbewertung & <Verfahren>", "Die Benannte Stelle"),
    "guides/b/index.html": ("de", "Bewertung", "Konformität: Verfahren der Prüfung 🧪"),
    "en/guides/a/index.html": ("en", "Conformity assessment", "The notified body: Prüfung"),
    "en/guides/b/index.html": ("en", "Verfahren", "Konformitätsbewertung"),
    "fr/index.html": ("fr", "Évaluation", "Konformitätsbewertung"),  # not a site language
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for path, (lang, title, text) in PAGES.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True)
        article = f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        target.write_text(
            f'<html lang="{lang}"><body><article class="md-content__inner md-typeset">'
            f"{article}</article></body></html>",
            encoding="utf-8",
        )
    return tmp_path


def one_pass(site: Path, languages: list[str]) -> tuple[list[tuple[str, str]], dict]:
    """The index as one pass over every page made it before the split by language."""
    pages = [read_page(site, p, set(languages)) for p in sorted(site.rglob("index.html"))]
    splitter = Splitter(vocabulary(p.text for p in pages if p.lang == "de"))
    matcher = synonym_matcher(GROUPS)
    documents, extra = [], {}
    for page in pages:
        terms = page_terms(page, splitter if page.lang == "de" else None, GROUPS, matcher)
        extra[page.source_path] = terms.all()
        documents.append((page.source_path, indexed_document(page, terms)))
    return documents, {k: dict(v) for k, v in typo_vocabulary(pages, extra).items()}


def test_language_parts_hold_what_one_pass_indexes(site: Path):
    documents, typo_words = one_pass(site, ["de", "en"])
    parts = language_parts(site, ["de", "en"], GROUPS)  # forked, one process per language
    assert parts == [language_part(site, ["de", "en"], lang, GROUPS) for lang in ("de", "en")]
    joined = sorted(d for part in parts for d in part.documents)
    assert joined == sorted(documents)
    words: dict[str, dict[str, int]] = {}
    for part in parts:
        for lang, counter in part.typo_words.items():
            words.setdefault(lang, {}).update(counter)
    assert words == typo_words


def extra_terms(part, path: str) -> list[str]:
    """The words of the hidden extra terms of one indexed document."""
    section = dict(part.documents)[path].partition(TERMS_ID)[2]
    return re.sub(r"<[^>]*>", " ", section.partition(">")[2]).split()


def test_language_part_splits_compounds_on_german_pages_only(site: Path):
    de, en = (language_part(site, ["de", "en"], lang, GROUPS) for lang in ("de", "en"))
    assert "&lt;Verfahren&gt;" in dict(de.documents)["guides/a/index.html"]
    assert "bewertung" in extra_terms(de, "guides/a/index.html")
    assert "notified" in extra_terms(de, "guides/a/index.html")  # for "Benannte Stelle"
    assert "bewertung" not in extra_terms(en, "en/guides/b/index.html")
    assert "pruefung" in extra_terms(en, "en/guides/a/index.html")  # umlauts spelled out


def test_pages_in_another_language_go_with_the_first(site: Path):
    de, en = (language_part(site, ["de", "en"], lang, GROUPS) for lang in ("de", "en"))
    assert "fr/index.html" in dict(de.documents)
    assert "fr/index.html" not in dict(en.documents)
    assert set(de.typo_words) == {"de", "fr"} and set(en.typo_words) == {"en"}
    # Not German: its compound stays whole, as in one pass over the site.
    assert "bewertung" not in extra_terms(de, "fr/index.html")
