from __future__ import annotations

from pathlib import Path

import markdown

from saxonyhub.glossary import (
    abbreviation_block,
    abbreviation_titles,
    glossary_sections,
    load_glossary,
    sort_key,
)

ENTRY = """  - id: {id}
    abbr: {abbr}
    de: {{term: "{id} de", definition: "Eine Definition, die lang genug ist."}}
    en: {{term: "{id} en", definition: "A definition that is long enough."}}
    see_also: {see_also}
"""


def write_glossary(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n" + "".join(entries), encoding="utf-8")
    return path


def entry(id: str, abbr: str = "null", see_also: str = "[]") -> str:
    return ENTRY.format(id=id, abbr=abbr, see_also=see_also)


def test_real_glossary_has_at_least_forty_term_pairs(site_data):
    assert len(site_data.glossary.terms) >= 40


def test_load_glossary_accepts_abbreviations_per_language(tmp_path: Path):
    path = write_glossary(tmp_path, entry("mdr", '"MDR"'), entry("sme", "{de: KMU, en: SME}"))
    glossary, problems = load_glossary(path, "data/glossary.yml")
    assert problems == []
    assert abbreviation_titles(glossary, "de") == {"MDR": "mdr de", "KMU": "sme de"}
    assert abbreviation_titles(glossary, "en") == {"MDR": "mdr en", "SME": "sme en"}


def test_load_glossary_reports_duplicate_ids_and_unknown_see_also(tmp_path: Path):
    path = write_glossary(tmp_path, entry("a", see_also="[b, a]"), entry("a"))
    _, problems = load_glossary(path, "data/glossary.yml")
    assert [(p.line, p.field) for p in problems] == [
        (7, "terms[1].id"),
        (6, "terms[0].see_also[0]"),
        (6, "terms[0].see_also[1]"),
    ]
    assert "'b' is not another glossary entry (in entry 'a')" in problems[1].message


def test_load_glossary_rejects_one_abbreviation_for_two_terms(tmp_path: Path):
    path = write_glossary(tmp_path, entry("a", '"CE"'), entry("b", "{de: CE, en: B}"))
    _, problems = load_glossary(path, "data/glossary.yml")
    assert [(p.field, p.message) for p in problems] == [
        ("terms[1].abbr", "abbreviation 'CE' (de) is already used by 'a'")
    ]


def test_load_glossary_checks_synonyms(tmp_path: Path):
    # A synonym may not repeat its own term or belong to two entries (search would merge them).
    path = write_glossary(
        tmp_path, entry("a") + '    synonyms: ["Alpha", "a de", "b en"]\n', entry("b")
    )
    _, problems = load_glossary(path, "data/glossary.yml")
    assert [(p.field, p.line, p.message) for p in problems] == [
        ("terms[0].synonyms[1]", 7, "synonym 'a de' repeats the entry's own term (in entry 'a')"),
        (
            "terms[0].synonyms[2]",
            7,
            "synonym 'b en' is already a wording of entry 'b' (in entry 'a')",
        ),
    ]


def test_load_glossary_rejects_a_synonym_that_is_no_word(tmp_path: Path):
    path = write_glossary(tmp_path, entry("a") + '    synonyms: ["!"]\n')
    _, problems = load_glossary(path, "data/glossary.yml")
    assert [(p.field, p.line) for p in problems] == [("terms[0].synonyms[0]", 7)]


def test_search_words_are_terms_abbreviations_and_synonyms(tmp_path: Path):
    path = write_glossary(tmp_path, entry("a", '"AB"') + '    synonyms: ["Alpha"]\n')
    glossary, problems = load_glossary(path, "data/glossary.yml")
    assert problems == []
    assert glossary.terms[0].search_words() == ("a de", "a en", "AB", "Alpha")


def test_load_glossary_names_a_missing_language(tmp_path: Path):
    path = write_glossary(tmp_path, entry("a").replace('    en: {term: "a en", ', "    x: {"))
    _, problems = load_glossary(path, "data/glossary.yml")
    assert {p.field for p in problems} >= {"terms[0].en", "terms[0].x"}


def test_abbreviation_block_defines_only_abbreviations_the_page_uses():
    titles = {"MDR": "Medizinprodukte-Verordnung", "IVDR": "IVD-Verordnung", "UDI-DI": "DI"}
    assert abbreviation_block("Die MDR und die UDI-DI.", titles) == (
        "*[MDR]: Medizinprodukte-Verordnung\n*[UDI-DI]: DI"
    )
    assert abbreviation_block("Nichts hier, auch nicht MDRs.", titles) == ""


def test_abbreviation_block_is_skipped_inside_an_unclosed_code_fence():
    assert abbreviation_block("Text MDR\n```\ncode MDR\n", {"MDR": "x"}) == ""


def render(text: str, titles: dict[str, str]) -> str:
    source = f"{text}\n\n{abbreviation_block(text, titles)}\n"
    return markdown.markdown(source, extensions=["abbr", "toc", "footnotes", "tables"])


def test_abbreviations_leave_headings_links_and_code_intact():
    html = render(
        "## Die MDR im Überblick\n\n[MDR-Text](https://example.org/MDR) und `MDR` im Code.\n\n"
        "    MDR im Codeblock\n",
        {"MDR": "Medizinprodukte-Verordnung"},
    )
    assert '<h2 id="die-mdr-im-uberblick">' in html
    assert 'href="https://example.org/MDR"' in html
    assert "<code>MDR</code>" in html and "MDR im Codeblock\n</code>" in html
    assert html.count('<abbr title="Medizinprodukte-Verordnung">MDR</abbr>') == 2


def test_abbreviations_after_a_footnote_do_not_become_part_of_it():
    html = render("Text MDR.[^a]\n\n[^a]: Quelle.", {"MDR": "Verordnung"})
    assert "*[MDR]" not in html and '<abbr title="Verordnung">MDR</abbr>' in html


def test_glossary_sections_sort_in_the_page_language(site_data):
    german = glossary_sections(site_data.glossary, "de")
    english = glossary_sections(site_data.glossary, "en")
    assert [s.letter for s in german] == sorted(s.letter for s in german)
    assert german[0].entries[0].de.term == "Altprodukt"
    assert english[0].entries[0].en.term == "authorised representative"


def test_sort_key_files_umlauts_with_their_base_letter():
    assert sorted(["Zweck", "Überwachung", "Unterlage"], key=sort_key) == [
        "Überwachung",
        "Unterlage",
        "Zweck",
    ]
