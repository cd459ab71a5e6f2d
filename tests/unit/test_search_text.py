"""Index-time word processing for site search: spellings, German compounds, glossary synonyms."""

from __future__ import annotations

import pytest

from saxonyhub.search_text import (
    Splitter,
    SynonymGroup,
    compound_terms,
    fold,
    spelling_terms,
    split_compound,
    synonym_matcher,
    synonym_terms,
    variant_terms,
    vocabulary,
    words,
)

# Words as they occur on the site, each also on its own somewhere (what makes a part "known").
KNOWN = vocabulary(
    [
        "Medizinprodukte Verordnung Konformität Bewertung Verfahren Bewertungsverfahren Herz",
        "Chirurgie Qualität Management System herstellen Prüfung Leistung Unternehmen unter",
        "nehmen Stelle",
        "Klassifizierung Regel Risiko Klasse Gesundheit Versorgung Zentrum Forschung",
    ]
)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Medizinprodukteverordnung", ["medizinprodukte", "verordnung"]),
        ("Bewertungsverfahren", ["bewertungs", "verfahren"]),
        ("Herzchirurgie", ["herz", "chirurgie"]),
        ("Qualitätsmanagementsystem", ["qualitäts", "management", "system"]),
        ("Klassifizierungsregel", ["klassifizierungs", "regel"]),
        ("Gesundheitsversorgung", ["gesundheits", "versorgung"]),
        ("Forschungszentrum", ["forschungs", "zentrum"]),
        ("Herstellverfahren", ["herstell", "verfahren"]),  # a verb stem: herstellen
    ],
)
def test_split_compound_finds_the_known_words_of_a_compound(word, parts):
    assert split_compound(word, KNOWN) == parts


@pytest.mark.parametrize(
    "word",
    [
        "Unternehmen",  # "unter" is a prefix here, not a word the compound is made of
        "Verordnung",  # no known head: "ordnung" does not occur on its own
        "Universität",
        "Biomaterialien",  # "bio" is shorter than a part may be
    ],
)
def test_split_compound_leaves_other_words_whole(word):
    assert split_compound(word, KNOWN) == [word.lower()]


def test_compound_terms_are_every_run_of_parts_with_links_removed():
    assert split_compound("Konformitätsbewertungsverfahren", KNOWN) == [
        "konformitäts",
        "bewertungs",
        "verfahren",
    ]
    assert compound_terms("Konformitätsbewertungsverfahren", KNOWN) == [
        "konformität",
        "konformitätsbewertungs",  # "konformitätsbewertung" is not a known word here
        "bewertung",
        "bewertungsverfahren",
        "verfahren",
    ]
    assert compound_terms("Herzchirurgie", KNOWN) == ["herz", "chirurgie"]
    assert compound_terms("Leitfaden", KNOWN) == []


def test_splitter_remembers_each_word():
    splitter = Splitter(KNOWN)
    first = splitter.terms("Herzchirurgie")
    assert first == ["herz", "chirurgie"]
    assert splitter.terms("Herzchirurgie") is first


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Prüfung", "pruefung"), ("Konformität", "konformitaet"), ("Maßnahme", "massnahme")],
)
def test_fold_spells_out_umlauts_and_sharp_s(word, folded):
    assert fold(word) == folded


def test_spelling_terms_join_hyphens_and_spell_out_umlauts():
    assert spelling_terms("Medizinprodukte-Verordnung") == ["medizinprodukteverordnung"]
    assert spelling_terms("Sicherheits-Prüfung") == [
        "sicherheitsprüfung",
        "sicherheits-pruefung",
        "sicherheitspruefung",
    ]
    assert spelling_terms("Leitfaden") == []
    assert spelling_terms("Sicherheits-Prüfung", umlauts=False) == ["sicherheitsprüfung"]


def test_words_keep_hyphenated_words_whole():
    assert words("Die CE-Kennzeichnung (MDR) – für KMU.") == [
        "Die",
        "CE-Kennzeichnung",
        "MDR",
        "für",
        "KMU",
    ]


GROUPS = [
    SynonymGroup(("Benannte Stelle", "notified body")),
    SynonymGroup(
        ("kleine und mittlere Unternehmen", "small and medium-sized enterprises", "KMU", "SME")
    ),
    SynonymGroup(
        ("Risikoklasse", "risk class", "Klassifizierung", "Klassifikation", "classification")
    ),
]
MATCHER = synonym_matcher(GROUPS)


def test_synonym_terms_add_the_other_wordings_of_a_mentioned_concept():
    terms = synonym_terms("Eine Benannte Stelle prüft das.", GROUPS, MATCHER)
    assert terms == ["notified body"]


def test_synonym_terms_match_inflected_phrases_and_abbreviations():
    terms = synonym_terms("Mehrere Benannten Stellen helfen KMU.", GROUPS, MATCHER)
    assert "notified body" in terms
    assert {"SME", "small and medium-sized enterprises"} <= set(terms)


def test_synonym_terms_are_repeated_as_often_as_the_concept_is_mentioned_at_most_three_times():
    once = synonym_terms("Die Klassifizierung.", GROUPS, MATCHER)
    often = synonym_terms("Klassifizierung " * 10, GROUPS, MATCHER)
    assert once.count("classification") == 1
    assert often.count("classification") == 3
    assert "Klassifizierung" not in once  # the page's own word needs no synonym


def test_variant_terms_skip_numbers_and_addresses():
    text = "MDCG 2021-24, 30-jahre-medizinische-fakultaet-der-tu-dresden, a-b-c-d-e"
    assert variant_terms(text, None) == []


def test_synonym_terms_do_not_match_inside_other_words():
    assert synonym_terms("SMEs and KMUs", GROUPS, MATCHER) == []
    assert synonym_terms("Eine Stelle, benannt nach ihr.", GROUPS, MATCHER) == []


def test_variant_terms_of_a_german_text():
    splitter = Splitter(KNOWN)
    terms = variant_terms("Die Medizinprodukte-Verordnung und die Prüfung", splitter)
    assert "medizinprodukteverordnung" in terms
    assert "pruefung" not in terms  # Pagefind's German stemmer matches it by itself
    assert variant_terms("Konformitätsbewertungsverfahren", splitter).count("verfahren") == 1


def test_variant_terms_leave_compounds_whole_without_a_splitter():
    assert variant_terms("Zweckbestimmung", None) == []
    assert variant_terms("Zweckbestimmung der Prüfung", None) == ["pruefung"]


def test_variant_terms_name_a_part_of_several_compounds_once():
    splitter = Splitter(vocabulary(["Medizin Produkt Produkte Verordnung Technik"]))
    text = "Medizinprodukt, Medizinprodukte und Medizintechnik"
    assert variant_terms(text, splitter).count("medizin") == 1
