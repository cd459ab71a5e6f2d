"""Index-time word processing for site search: spellings, German compounds, glossary synonyms."""

from __future__ import annotations

from collections import Counter

import pytest

from saxonyhub.search_text import (
    Memo,
    Splitter,
    SynonymGroup,
    compound_terms,
    counted_variant_terms,
    fold,
    member_key,
    member_regex,
    run_keys,
    scan_regex,
    spelling_terms,
    split_compound,
    synonym_matcher,
    synonym_terms,
    variant_terms,
    vocabulary,
    word_variants,
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
    [
        ("Prüfung", "pruefung"),
        ("Konformität", "konformitaet"),
        ("Maßnahme", "massnahme"),
        ("ÄRZTE ÜBER ÖL", "aerzte ueber oel"),
        ("STRAẞE", "strasse"),  # capital sharp s: lower case first, then spelled out
    ],
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


def test_memo_computes_each_missing_value_once():
    calls = []
    memo = Memo(lambda key: calls.append(key) or key.upper())
    assert list(map(memo.__getitem__, ["a", "b", "a"])) == ["A", "B", "A"]
    assert calls == ["a", "b"]


def test_vocabulary_counts_texts_not_occurrences_and_hyphenated_parts():
    counts = vocabulary(["CE-Kennzeichnung und CE", "ce", "Kennzeichnung"])
    assert counts == Counter({"ce": 2, "ce-kennzeichnung": 1, "kennzeichnung": 2, "und": 1})


TRICKY_TEXTS = [
    "Benannte Stelle; benannten stellen, die benannte   stelle. xbenannte stelle",
    "benannte stellenweise, benannte_stelle, 1benannte stelle, benannte-stelle",
    "kmu kmus kmu-förderung kmu_ kmu1 ükmu",
    "ce-kennzeichnung ce-kennzeichnungen ce-kennzeichnungsstelle xce-kennzeichnung",
    "in-vitro-diagnostikum in vitro diagnostic medical devices",
]
WORDINGS = ["Benannte Stelle", "KMU", "CE-Kennzeichnung", "In-vitro-Diagnostikum", "in vitro"]


@pytest.mark.parametrize("member", WORDINGS)
def test_scan_regex_finds_what_member_regex_finds(member):
    regex, scan = member_regex(member), scan_regex(member)
    assert regex is not None and scan is not None
    matches = 0
    for text in TRICKY_TEXTS:
        folded = fold(text)
        found = [m.span() for m in regex.finditer(folded)]
        assert [m.span() for m in scan.finditer(folded)] == found
        matches += len(found)
    assert matches  # and the texts hold near misses of each
    assert scan.pattern.startswith(fold(words(member)[0]).replace("-", "\\-"))


def test_a_match_starts_at_a_run_that_is_its_key_and_a_short_ending():
    assert member_key("ce-kennzeichnung") == "ce"
    assert member_key("benannte") == "benannte"
    keys = frozenset({"benannte", "ce", "stelle"})
    assert run_keys("benannten", keys) == ("benannte",)
    assert run_keys("stellenweise", keys) == ()  # five letters more than the key
    assert run_keys("ce", keys) == ("ce",)
    assert run_keys("c", keys) == ()


def test_the_matcher_tries_only_patterns_whose_every_word_the_text_has():
    groups = [
        SynonymGroup(("in vitro diagnostic", "IVD")),
        SynonymGroup(("Benannte Stelle", "notified body")),
    ]
    matcher = synonym_matcher(groups)
    in_vitro = next(p for p in matcher.patterns if p.literal == "in")
    assert in_vitro not in matcher.candidates(fold("Produkte in der EU"))
    assert in_vitro in matcher.candidates(fold("In-vitro-Diagnostika: in vitro diagnostics"))
    for text in [*TRICKY_TEXTS, "IVDs and notified bodies", "in vitro diagnostic"]:
        folded = fold(text)
        matching = [p for p in matcher.patterns if p.regex.search(folded)]
        assert set(matching) <= set(matcher.candidates(folded))


def test_word_variants_are_what_variant_terms_adds_for_one_word():
    splitter = Splitter(KNOWN)
    assert word_variants("Prüfung", None) == ("pruefung",)
    assert word_variants("2021-24", None) == ()
    assert word_variants("Konformitätsbewertungsverfahren", splitter)[-1] == "verfahren"
    assert splitter.variants["Herzchirurgie"] == ("herz", "chirurgie")


def test_counted_variant_terms_are_variant_terms_of_the_counted_words():
    text = "Die Medizinprodukte-Verordnung, die Prüfung und die Prüfung der Herzchirurgie"
    for splitter in (None, Splitter(KNOWN)):
        counts = Counter(words(text))
        assert counted_variant_terms(counts, splitter) == variant_terms(text, splitter)
