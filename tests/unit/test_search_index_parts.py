"""The search index's preparation per language (saxonyhub.search_index.language_part): each
language's documents and typo words, made in a process of its own, are what one pass over the
whole site gives, and its Pagefind bundles, merged, are what one Pagefind run over the whole site
writes."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from saxonyhub.search_index import (
    TERMS_ID,
    indexed_document,
    language_indexes,
    language_part,
    language_parts,
    merge_bundles,
    page_terms,
    read_page,
    typo_vocabulary,
    write_joint_index,
    write_search_index,
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


def test_language_parts_hold_what_one_pass_indexes(site: Path, tmp_path: Path):
    documents, typo_words = one_pass(site, ["de", "en"])
    parts = language_parts(site, ["de", "en"], GROUPS)
    forked = language_indexes(site, ["de", "en"], GROUPS, tmp_path / "work")  # a process each
    assert [part for part, _ in forked] == parts
    assert [folder.name for _, folder in forked] == ["de", "en"]
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


def bundle_files(bundle: Path) -> dict[str, object]:
    """A Pagefind bundle's files by name; the few that Pagefind writes in hash-map order (and
    names by their content hash) by what they hold."""
    files: dict[str, object] = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        name = path.relative_to(bundle).as_posix()
        if name == "pagefind-entry.json":
            files[name] = json.loads(path.read_text(encoding="utf-8"))
        elif name.endswith((".pf_meta", ".pf_filter")):
            files[name.split("_")[0]] = "present"  # names and byte order vary between runs
        else:
            files[name] = path.read_bytes()
    return files


def test_merged_language_bundles_equal_one_pagefind_run(site: Path, tmp_path: Path):
    split, joint = tmp_path / "split", tmp_path / "joint"  # the site is tmp_path itself
    for copy in (split, joint):
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("split", "joint"))
    assert write_search_index(split, ["de", "en"], GROUPS) == 5
    assert write_joint_index(joint, ["de", "en"], GROUPS) == 5
    merged, expected = bundle_files(split / "pagefind"), bundle_files(joint / "pagefind")
    assert merged.keys() == expected.keys()
    assert [name for name in merged if merged[name] != expected[name]] == []
    entry = merged["pagefind-entry.json"]
    assert isinstance(entry, dict)
    assert {lang: e["page_count"] for lang, e in entry["languages"].items()} == {
        "de": 2,
        "en": 2,
        "fr": 1,
    }
    raw = (split / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")
    assert ", " not in raw and raw == raw.strip()  # Pagefind's compact spelling


def test_merge_bundles_lists_every_language(tmp_path: Path):
    for lang, count in (("de", 2), ("en", 3)):
        bundle = tmp_path / lang
        (bundle / "fragment").mkdir(parents=True)
        (bundle / "fragment" / f"{lang}_1.pf_fragment").write_bytes(lang.encode())
        (bundle / "pagefind.js").write_text("same", encoding="utf-8")
        entry = {"version": "1", "languages": {lang: {"page_count": count}}, "x": ["ä"]}
        (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    merge_bundles([tmp_path / "de", tmp_path / "en"], tmp_path / "out")
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "fragment").iterdir()) == [
        "de_1.pf_fragment",
        "en_1.pf_fragment",
    ]
    assert (out / "pagefind-entry.json").read_text(encoding="utf-8") == (
        '{"version":"1","languages":{"de":{"page_count":2},"en":{"page_count":3}},"x":["ä"]}'
    )
