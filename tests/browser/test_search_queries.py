"""The query set of issue 12, answered by scripts/search.py: the site's own search code on its own
index in Chromium, as a visitor's browser runs it. Each expected page must be in the top 3, and a
query never returns a page of the other language."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from saxonyhub.datastore import load_store
from saxonyhub.search_index import indexed_pages, read_page

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from search import open_search_page, run_query  # noqa: E402

STORE, _ = load_store(ROOT)
CASES = {
    "de": [
        # issue 12
        ("Medizinprodukteverordnung", "guides/mdr-overview/"),
        ("Verordnung Medizinprodukte", "guides/mdr-overview/"),
        ("Klassifikation", "guides/mdr-classification/"),
        ("Konformitaetsbewertungsverfahren", "guides/conformity-assessment/"),
        ("Benannte Stellen", "guides/conformity-assessment/"),
        ("authorised representative", "guides/non-eu-market-access/"),
        ("Biomaterialien", "organisations/ipf-dresden/"),
        ("MEDICAL FORGE", "organisations/leap-up/"),
        # ours: hyphen and umlaut spellings, compound heads, English and abbreviated terms,
        # a typo, a two-letter term that must not match every word starting with it
        ("Medizinprodukte-Verordnung", "guides/mdr-overview/"),
        ("Pruefung klinische", "guides/clinical-evaluation/"),
        ("Bewertungsverfahren", "guides/conformity-assessment/"),
        ("CE marking", "guides/conformity-assessment/"),
        ("notified body", "guides/conformity-assessment/"),
        ("SME", "guides/funding/"),
        ("Klasifizierung", "guides/mdr-classification/"),
        ("Herzchirurgie", "organisations/herzzentrum-leipzig/"),
    ],
    "en": [
        # issue 12
        ("notified body", "en/guides/conformity-assessment/"),
        ("Rule 11", "en/guides/software-medical-device/"),
        ("Zweckbestimmung", "en/guides/mdr-classification/"),
        ("clasification", "en/guides/mdr-classification/"),
        # ours
        ("KMU", "en/guides/funding/"),
        ("authorized representative", "en/guides/non-eu-market-access/"),
        ("accelerator", "en/organisations/leap-up/"),
    ],
}


# A term of the other language (a glossary pair or synonym) finds the guide on the subject first,
# above guides that merely mention it.
FIRST_IN_OTHER_LANGUAGE = {
    "de": [
        ("CE marking", "guides/conformity-assessment/"),
        ("notified body", "guides/conformity-assessment/"),
        ("authorised representative", "guides/non-eu-market-access/"),
        ("classification", "guides/mdr-classification/"),
        ("intended purpose", "guides/mdr-classification/"),
        ("clinical evaluation", "guides/clinical-evaluation/"),
        ("post-market surveillance", "guides/post-market-surveillance/"),
    ],
    "en": [
        ("Benannte Stelle", "en/guides/conformity-assessment/"),
        ("Zweckbestimmung", "en/guides/mdr-classification/"),
        ("Klassifizierung", "en/guides/mdr-classification/"),
        ("Klassifikation", "en/guides/mdr-classification/"),
        ("Konformitätsbewertung", "en/guides/conformity-assessment/"),
        ("Bevollmächtigter", "en/guides/non-eu-market-access/"),
        ("klinische Bewertung", "en/guides/clinical-evaluation/"),
    ],
}


@pytest.fixture(scope="module", params=["de", "en"])
def searcher(request, browser, served_site: str) -> Iterator[tuple[str, object]]:
    # The session's browser (tests/browser/conftest.py): one Playwright per test run.
    page = open_search_page(browser, served_site, request.param)
    yield request.param, page
    page.close()


def profile_only_words(site: Path, lang: str) -> dict[str, str]:
    """Words (9+ letters) of a profile whose stem (all but the last four letters: what a stemmer
    may cut) no other page of ``lang`` contains: the issue's "a term that appears only in a
    profile body"."""
    texts = {
        page.url: read_page(site, site / page.url / "index.html", {"de", "en"}).text.lower()
        for page in indexed_pages(site)
        if page.lang == lang
    }
    root = "en/" if lang == "en" else ""
    found = {}
    for org in STORE.all("organisations"):
        url = f"{root}organisations/{org.id}/"
        for word in sorted({w.lower() for w in re.findall(r"[^\W\d_]{9,}", texts[url])}):
            stem = word[:-4]
            if not any(stem in text for other, text in texts.items() if other != url):
                found[word] = url
                break  # one word per profile
    return found


def test_issue_and_own_queries_find_their_page_in_the_top_3(searcher):
    lang, page = searcher
    failures = []
    for query, expected in CASES[lang]:
        paths = run_query(page, query, 10)["paths"]
        if expected not in paths[:3]:
            failures.append(f"{query!r}: {paths[:3]}")
        if any(p.startswith("en/") != (lang == "en") for p in paths):
            failures.append(f"{query!r} returned a page of the other language: {paths}")
    assert failures == []


def test_a_term_of_the_other_language_finds_the_guide_on_the_subject_first(searcher):
    lang, page = searcher
    firsts = {
        query: run_query(page, query, 3)["paths"] for query, _ in FIRST_IN_OTHER_LANGUAGE[lang]
    }
    misses = [
        (q, firsts[q])
        for q, expected in FIRST_IN_OTHER_LANGUAGE[lang]
        if firsts[q][:1] != [expected]
    ]
    assert misses == []


def test_a_word_only_a_profile_uses_finds_that_profile(searcher, built_site: Path):
    lang, page = searcher
    words = profile_only_words(built_site, lang)
    assert len(words) > 10
    sample = list(words.items())[:: max(1, len(words) // 12)]
    misses = [(w, p) for w, p in sample if p not in run_query(page, w, 10)["paths"][:3]]
    assert misses == []


def test_short_terms_match_whole_words_only(searcher, built_site: Path):
    lang, page = searcher
    for query in ("CE", "KI"):
        for path in run_query(page, query, 20)["paths"]:
            text = read_page(built_site, built_site / path / "index.html", {"de", "en"}).text
            # A word of its own, or a part of one ("CeTI"), never the start of one ("Centrum").
            assert re.search(rf"(?i:\b{query})(?![a-zäöüß])", text), (query, path)


def test_command_prints_one_site_path_per_line(built_site: Path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/search.py"), "--site", str(built_site), "--lang", "de"]
        + ["Benannte Stelle"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "guides/conformity-assessment/"
    assert all(re.fullmatch(r"([a-z0-9-]+/)*", line) for line in lines)
    assert not any(line.startswith("en/") for line in lines)
