"""Unit tests of the directory list: German order, filter values and the words it searches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from saxonyhub.catalogue import facets, technology_entries, top_technologies
from saxonyhub.datastore import load_store
from saxonyhub.directory import (
    by_display_name,
    collation_key,
    directory_entries,
    directory_entry,
    filter_technologies,
    unseen_words,
    words,
)
from saxonyhub.entities import Organisation

ROOT = Path(__file__).resolve().parents[2]
STORE, _ = load_store(ROOT)
ENTRIES = technology_entries(STORE)


def test_collation_key_sorts_umlauts_with_their_base_letter():
    names = ["Zentrum", "Ärztekammer", "Apotheke", "Özel", "Oberland", "Bio", "ärzte"]
    assert sorted(names, key=collation_key) == [
        "Apotheke",
        "ärzte",
        "Ärztekammer",
        "Bio",
        "Oberland",
        "Özel",
        "Zentrum",
    ]


def test_collation_key_ignores_case_and_reads_sharp_s_as_ss():
    assert sorted(["b", "A", "a", "B"], key=collation_key) == ["a", "A", "b", "B"]
    assert sorted(["Strasse2", "Straße1"], key=collation_key) == ["Straße1", "Strasse2"]


def test_collation_key_puts_digits_before_letters_and_spaces_first():
    assert sorted(["Bio City", "3D-Druck", "BioCity"], key=collation_key) == [
        "3D-Druck",
        "Bio City",
        "BioCity",
    ]


def test_words_keep_hyphenated_words_whole_and_each_once():
    assert words("PET-Diagnostik und pet-diagnostik, PET") == ["PET-Diagnostik", "und", "PET"]


def test_unseen_words_drop_what_the_item_shows():
    assert unseen_words(["Software für EKG", "Wearables & <Apps>"], ["EKG-Labor software"]) == (
        "für EKG Wearables Apps"
    )


def org(**changes: object) -> Organisation:
    base = STORE.all("organisations")[0].model_dump()
    return Organisation.model_validate({**base, **changes})


def test_entry_searches_competences_offers_and_product_areas_in_the_page_language():
    entry = directory_entry(
        org(
            name="Beispiel GmbH",
            name_en="Example Ltd",
            short_name="BSP",
            summary={"de": "Ein Unternehmen.", "en": "A company."},
            competences={"de": ["Wearables für das EKG"], "en": ["ECG wearables"]},
            offers={"de": ["Software-Entwicklung"], "en": ["Software development"]},
            product_areas={"de": ["Herzmonitore"], "en": ["Heart monitors"]},
        ),
        "en",
        ENTRIES,
    )
    assert entry.name == "Example Ltd"
    assert entry.names == "Beispiel GmbH BSP"
    assert entry.words.split() == [
        "ECG",
        "wearables",
        "Software",
        "development",
        "Heart",
        "monitors",
    ]
    german = directory_entry(entry.org, "de", ENTRIES)
    assert german.name == "Beispiel GmbH" and german.names == "Example Ltd BSP"
    assert "Software-Entwicklung" in german.words.split() and "ECG" not in german.words


def test_entry_without_other_names_or_hidden_words_is_empty_there():
    entry = directory_entry(
        org(
            name="Software Labor",
            name_en=None,
            short_name=None,
            summary={"de": "Software.", "en": "Software."},
            competences={"de": ["Software"], "en": ["Software"]},
            offers=None,
            product_areas=None,
            city="Labor",
        ),
        "de",
        ENTRIES,
    )
    assert entry.names == "" and entry.words == ""


def test_filter_technologies_add_the_key_technology_of_each_sub_field():
    tech = next(t for t in STORE.taxonomy.technologies if t.fields)
    sub = tech.fields[0].id
    assert filter_technologies([sub], ENTRIES) == [tech.id, sub]
    assert filter_technologies([tech.id], ENTRIES) == [tech.id]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_directory_entries_are_in_german_order_of_the_displayed_name(lang: str):
    listing = directory_entries(STORE.all("organisations"), lang, ENTRIES, STORE.taxonomy)
    assert [e.name for e in listing] == sorted((e.name for e in listing), key=collation_key)
    assert {e.org.id for e in listing} == {o.id for o in STORE.all("organisations")}
    shown = {"de": lambda o: o.name, "en": lambda o: o.name_en or o.name}[lang]
    assert all(e.name == shown(e.org) for e in listing)


def test_technology_facet_counts_sub_fields_under_their_key_technology():
    organisations = STORE.all("organisations")
    technology = facets(organisations, STORE)["technology"]
    assert any(value.fields for value in technology)
    for value in technology:
        tops = [o for o in organisations if value.id in top_technologies(o.technologies, ENTRIES)]
        assert value.count == len(tops)
        for field in value.fields:
            assert field.count == len([o for o in organisations if field.id in o.technologies])
            assert field.count > 0 and ENTRIES[field.id].parent.id == value.id


def test_every_hidden_word_comes_from_a_field_the_profile_shows():
    for entry in directory_entries(STORE.all("organisations"), "de", ENTRIES, STORE.taxonomy):
        source = " ".join(
            phrase
            for field in (entry.org.competences, entry.org.offers, entry.org.product_areas)
            if field
            for phrase in field.get("de")
        )
        assert all(re.search(re.escape(w), source) for w in entry.words.split()), entry.org.id


def test_entry_leaves_out_words_of_the_type_and_roles_it_shows():
    entry = directory_entry(
        org(competences={"de": ["Netzwerk für Software"], "en": ["Software network"]}),
        "de",
        ENTRIES,
        ["Verband und Netzwerk", "Dienstleister"],
    )
    assert "Netzwerk" not in entry.words.split() and "Software" in entry.words.split()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_by_display_name_orders_by_the_name_the_page_shows(lang: str):
    org = STORE.all("organisations")[0]
    # Names chosen so that umlaut order and the English name both change the result.
    a = org.model_copy(update={"id": "z-first", "name": "Ärzteverbund", "name_en": "Zeta Doctors"})
    b = org.model_copy(update={"id": "a-second", "name": "Bionik GmbH", "name_en": None})
    c = org.model_copy(update={"id": "m-third", "name": "Zander AG", "name_en": None})
    expected = {"de": ["z-first", "a-second", "m-third"], "en": ["a-second", "m-third", "z-first"]}
    assert [o.id for o in by_display_name([c, b, a], lang)] == expected[lang]
