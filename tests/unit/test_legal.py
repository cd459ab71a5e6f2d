from __future__ import annotations

from pathlib import Path

import pytest

from saxonyhub.legal import (
    CitationError,
    CitationIndex,
    Reference,
    act_url,
    cite,
    find_citations,
    load_legal_acts,
    locator_text,
    parse_reference,
    replace_citations,
    scan_page,
)

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def acts(site_data):
    return site_data.legal_acts.by_id()


def words(text: str) -> str:
    """Citation text with no-break spaces shown as plain spaces, for readable assertions."""
    return text.replace(NBSP, " ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MDR Art. 52(7)", Reference("MDR", "article", "52", "7")),
        ("MDR Art. 10a", Reference("MDR", "article", "10a")),
        ("MDR Annex VIII Rule 11", Reference("MDR", "annex", "VIII", rule="11")),
        ("IVDR Annex XIII", Reference("IVDR", "annex", "XIII")),
        ("SGB-V § 139e(4)", Reference("SGB-V", "section", "139e", "4")),
        ("DIGAV § 11a(1)", Reference("DIGAV", "section", "11a", "1")),
        ("REG-2023-607", Reference("REG-2023-607", "act")),
    ],
)
def test_parse_reference_reads_every_documented_form(acts, text, expected):
    assert parse_reference(text, acts) == expected


def test_parse_reference_rejects_unknown_act_with_list_of_valid_ids(acts):
    with pytest.raises(CitationError) as caught:
        parse_reference("FOO Art. 1", acts)
    assert caught.value.message == "unknown legal act 'FOO' in [[FOO Art. 1]]"
    assert "MDR" in caught.value.hint and "SGB-V" in caught.value.hint


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MDR Article 5", "cannot read the locator 'Article 5'"),
        ("MDR Art. 52 (7)", "cannot read the locator"),
        ("mdr Art. 5", "cannot read the citation"),
        ("MDR § 5", "MDR is an EU act"),
        ("SGB-V Art. 139", "SGB-V is a German act"),
    ],
)
def test_parse_reference_rejects_malformed_locators(acts, text, message):
    with pytest.raises(CitationError) as caught:
        parse_reference(text, acts)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "german", "english"),
    [
        ("MDR Art. 52(7)", "Art. 52 Abs. 7 MDR", "MDR Article 52(7)"),
        ("MDR Art. 10a", "Art. 10a MDR", "MDR Article 10a"),
        ("MDR Art. 2(44)", "Art. 2 Nr. 44 MDR", "MDR Article 2(44)"),
        ("MDR Annex VIII Rule 11", "Anhang VIII Regel 11 MDR", "MDR Annex VIII, Rule 11"),
        ("IVDR Annex XIII", "Anhang XIII IVDR", "IVDR Annex XIII"),
        ("SGB-V § 139e(4)", "§ 139e Abs. 4 SGB V", "section 139e(4) SGB V"),
        ("DIGAV § 11a(1)", "§ 11a Abs. 1 DiGAV", "section 11a(1) DiGAV"),
        ("REG-2023-607", "Verordnung (EU) 2023/607", "Regulation (EU) 2023/607"),
    ],
)
def test_cite_words_references_as_each_language_cites_law(acts, patterns, text, german, english):
    reference = parse_reference(text, acts)
    act = acts[reference.act]
    assert words(cite(reference, act, "de", patterns("de")).text) == german
    assert words(cite(reference, act, "en", patterns("en")).text) == english


def test_eu_acts_link_to_eur_lex_in_the_page_language(acts, patterns):
    reference = parse_reference("MDR Art. 52(7)", acts)
    german = cite(reference, acts["MDR"], "de", patterns("de"))
    english = cite(reference, acts["MDR"], "en", patterns("en"))
    assert german.url == "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32017R0745"
    assert english.url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017R0745"
    assert (german.hreflang, english.hreflang) == ("de", "en")


def test_german_acts_link_to_the_german_text_in_both_languages(acts, patterns):
    reference = parse_reference("SGB-V § 139e(4)", acts)
    english = cite(reference, acts["SGB-V"], "en", patterns("en"))
    assert (
        english.url == act_url(acts["SGB-V"], "de") == "https://www.gesetze-im-internet.de/sgb_5/"
    )
    assert english.hreflang == "de" and "(German)" in english.title


def test_locator_text_leaves_out_the_act_name(acts, patterns):
    for text, german in [("MDR Art. 52(7)", "Art. 52 Abs. 7"), ("MDR", "der Rechtsakt insgesamt")]:
        reference = parse_reference(text, acts)
        assert words(locator_text(reference, acts["MDR"], "de", patterns("de"))) == german
    reference = parse_reference("MDR Annex VIII Rule 11", acts)
    assert (
        words(locator_text(reference, acts["MDR"], "en", patterns("en"))) == "Annex VIII, Rule 11"
    )


def test_references_sort_in_reading_order(acts):
    texts = ["MDR Annex IX", "MDR Art. 52(7)", "MDR Annex VIII", "MDR Art. 10a", "MDR Art. 5"]
    ordered = sorted((parse_reference(t, acts) for t in texts), key=lambda r: r.order)
    assert [(r.number, r.paragraph) for r in ordered] == [
        ("5", ""),
        ("10a", ""),
        ("52", "7"),
        ("VIII", ""),
        ("IX", ""),
    ]


def test_find_citations_reports_line_and_column_and_skips_code():
    markdown = "a [[MDR]] b\n`[[FOO]]`\n```\n[[BAR]]\n```\n| x | [[IVDR Annex XIII]] |\n"
    found = [(o.line, o.column, o.text) for o in find_citations(markdown)]
    assert found == [(1, 3, "MDR"), (6, 7, "IVDR Annex XIII")]


def test_replace_citations_works_in_table_cells_and_keeps_code():
    markdown = "| [[MDR Art. 5]] | [[MDR]] |\n`[[MDR]]`"
    assert (
        replace_citations(markdown, lambda text: f"<{text}>")
        == "| <MDR Art. 5> | <MDR> |\n`[[MDR]]`"
    )


def test_scan_page_collects_every_problem_with_its_line(acts):
    text = "---\ntitle: x\n---\n\n[[MDR Art. 5]] [[FOO]]\n\n[[MDR Article 5]]\n"
    references, problems = scan_page(text, "docs/de/guides/x.md", acts)
    assert references == [Reference("MDR", "article", "5")]
    assert [(p.line, p.column) for p in problems] == [(5, 16), (7, 1)]
    assert problems[0].format().startswith("docs/de/guides/x.md:5:16: citation: unknown legal act")


def test_citation_index_lists_each_citing_page_once_with_its_references():
    index = CitationIndex()
    for reference in [Reference("MDR", "act"), Reference("MDR", "article", "5")] * 2:
        index.add("de", "guides/a.md", "A", reference)
    index.add("en", "guides/a.md", "A", Reference("MDR", "act"))
    [page] = index.citing("de", "MDR")
    assert page.references == [Reference("MDR", "act"), Reference("MDR", "article", "5")]
    assert index.count == 5 and index.citing("de", "IVDR") == []


def test_load_legal_acts_accepts_the_real_file():
    path = Path(__file__).resolve().parents[2] / "data/legal_acts.yml"
    acts, problems = load_legal_acts(path, "data/legal_acts.yml")
    assert problems == [] and {a.id for a in acts.acts} >= {"MDR", "IVDR", "SGB-V", "DIGAV"}


ACT = """  - id: {id}
    kind: eu-regulation
    celex: "32017R0745"
    short: {{de: X, en: X}}
    title: {{de: Titel, en: Title}}
    source: https://example.org/
"""


def test_load_legal_acts_rejects_duplicate_ids_and_missing_celex(tmp_path: Path):
    path = tmp_path / "acts.yml"
    path.write_text("acts:\n" + ACT.format(id="MDR") + ACT.format(id="MDR"), encoding="utf-8")
    _, problems = load_legal_acts(path, "data/legal_acts.yml")
    assert [(p.line, p.field, p.message) for p in problems] == [
        (8, "acts[1].id", "duplicate id 'MDR'")
    ]
    path.write_text("acts:\n" + ACT.format(id="MDR").replace('"32017R0745"', "null"))
    _, problems = load_legal_acts(path, "data/legal_acts.yml")
    assert "MDR: an EU regulation needs its celex number" in problems[0].message
