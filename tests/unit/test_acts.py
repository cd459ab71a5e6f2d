from __future__ import annotations

from pathlib import Path

import pytest

from saxonyhub.acts import (
    EUR_LEX_ANCHOR,
    SECTION_PAGE,
    CitationError,
    CitationIndex,
    Reference,
    act_url,
    cite,
    find_citations,
    load_legal_acts,
    locator_text,
    parse_reference,
    reference_url,
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


def test_eu_acts_link_to_the_article_in_eur_lex_in_the_page_language(acts, patterns):
    reference = parse_reference("MDR Art. 52(7)", acts)
    german = cite(reference, acts["MDR"], "de", patterns("de"))
    english = cite(reference, acts["MDR"], "en", patterns("en"))
    celex = acts["MDR"].eur_lex_celex
    assert (
        german.url
        == f"https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=CELEX:{celex}#art_52"
    )
    assert english.url == german.url.replace("/DE/", "/EN/")
    assert (german.hreflang, english.hreflang) == ("de", "en")
    assert words(german.text) == "Art. 52 Abs. 7 MDR"  # the paragraph has no anchor: kept in text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("MDR Art. 52(7)", "art_52"),
        ("MDR Art. 10a", "art_10a"),
        ("MDR Art. 2(44)", "art_2"),
        ("MDR Annex VIII Rule 11", "anx_VIII"),
        ("IVDR Annex XIII", "anx_XIII"),
        ("REG-2023-607 Art. 1", "art_1"),
    ],
)
def test_reference_url_ends_in_an_anchor_of_the_documented_shape(acts, text, fragment):
    reference = parse_reference(text, acts)
    url = reference_url(reference, acts[reference.act], "en")
    base, _, anchor = url.partition("#")
    assert anchor == fragment and EUR_LEX_ANCHOR.match(anchor)
    assert base.startswith("https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:")


def test_consolidated_acts_link_their_pinned_version_and_others_the_published_text(acts):
    mdr = acts["MDR"]
    assert mdr.eur_lex_celex == f"02017R0745-{mdr.consolidated:%Y%m%d}"
    assert mdr.eli == "http://data.europa.eu/eli/reg/2017/745/oj"
    whole = reference_url(parse_reference("REG-2023-607", acts), acts["REG-2023-607"], "de")
    assert whole == "https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=CELEX:32023R0607"


def test_german_acts_link_to_the_section_page_in_both_languages(acts, patterns):
    reference = parse_reference("SGB-V § 139e(4)", acts)
    english = cite(reference, acts["SGB-V"], "en", patterns("en"))
    assert english.url == "https://www.gesetze-im-internet.de/sgb_5/__139e.html"
    assert SECTION_PAGE.match(english.url.rsplit("/", 1)[1])
    assert english.hreflang == "de" and "(German)" in english.title
    whole = cite(parse_reference("DIGAV", acts), acts["DIGAV"], "en", patterns("en"))
    assert whole.url == act_url(acts["DIGAV"], "de") == "https://www.gesetze-im-internet.de/digav/"


def test_every_act_links_every_kind_of_reference_to_a_documented_shape(acts):
    for act in acts.values():
        kinds = ["act"] + (["article", "annex"] if act.is_eu else ["section"])
        for kind in kinds:
            number = {"article": "12a", "annex": "XVI", "section": "4b"}.get(kind, "")
            for lang in ("de", "en"):
                url = reference_url(Reference(act.id, kind, number), act, lang)
                tail = url.partition("#")[2] if act.is_eu else url.rsplit("/", 1)[1]
                assert (
                    tail == ""
                    if kind == "act"
                    else (EUR_LEX_ANCHOR if act.is_eu else SECTION_PAGE).match(tail)
                ), url


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


def test_load_legal_acts_rejects_a_consolidated_date_on_a_german_act(tmp_path: Path):
    path = tmp_path / "acts.yml"
    path.write_text(
        "acts:\n  - id: SGB-V\n    kind: german-act\n    consolidated: 2026-07-19\n"
        "    short: {de: X, en: X}\n    title: {de: Titel, en: Title}\n"
        "    url: {de: 'https://www.gesetze-im-internet.de/sgb_5/', en: null}\n"
        "    source: https://example.org/\n",
        encoding="utf-8",
    )
    _, problems = load_legal_acts(path, "data/legal_acts.yml")
    assert "SGB-V: only EU acts have a EUR-Lex consolidated version" in problems[0].message
