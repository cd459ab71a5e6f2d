from __future__ import annotations

from saxonyhub.search_split import split_index

COMBINED = {
    "config": {"lang": ["de", "en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Start", "text": ""},
        {"location": "news/#a", "title": "Aktuelles", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/news/#a", "title": "News", "text": ""},
    ],
}


def test_split_index_keeps_each_language_to_itself():
    indexes = split_index(COMBINED, ["de", "en"], "de")
    assert [d["title"] for d in indexes["de"]["docs"]] == ["Start", "Aktuelles"]
    assert [d["title"] for d in indexes["en"]["docs"]] == ["Home", "News"]


def test_split_index_makes_locations_relative_to_language_root():
    indexes = split_index(COMBINED, ["de", "en"], "de")
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "news/#a"]


def test_split_index_sets_stemmer_language():
    indexes = split_index(COMBINED, ["de", "en"], "de")
    assert indexes["de"]["config"]["lang"] == ["de"]
    assert indexes["en"]["config"] == {"lang": ["en"], "separator": "[\\s\\-]+"}
