"""Organisation names on pages: English name on English pages, no repeated short names."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from saxonyhub.names import display_name, place, title


def org(name: str, short_name: str | None = None, name_en: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(name=name, short_name=short_name, name_en=name_en)


def test_display_name_uses_the_english_name_on_english_pages():
    entry = org("Technische Universität Dresden", name_en="Dresden University of Technology")
    assert display_name(entry, "de") == "Technische Universität Dresden"
    assert display_name(entry, "en") == "Dresden University of Technology"


def test_display_name_falls_back_to_the_official_name():
    assert display_name(org("Beispiel GmbH"), "en") == "Beispiel GmbH"


def test_title_adds_a_short_name_that_is_not_part_of_the_name():
    assert title(org("Helmholtz-Zentrum Dresden-Rossendorf", "HZDR"), "de") == (
        "Helmholtz-Zentrum Dresden-Rossendorf (HZDR)"
    )


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("leap:up GmbH", "leap:up"),
        ("biosaxony e. V.", "Biosaxony"),
        ("OncoRay – Nationales Zentrum für Strahlenforschung in der Onkologie", "OncoRay"),
        ("Deutsches Zentrum für Neurodegenerative Erkrankungen (DZNE), Standort Dresden", "DZNE"),
        ("Nationales Centrum für Tumorerkrankungen Dresden (NCT/UCC)", "NCT/UCC Dresden"),
    ],
)
def test_title_never_repeats_the_short_name_or_doubles_brackets(name: str, short: str):
    assert title(org(name, short), "de") == name


def test_title_uses_the_english_name():
    entry = org("Beispiel Werke GmbH", "BW", "Example Works Ltd")
    assert title(entry, "en") == "Example Works Ltd (BW)"


def test_place_names_a_city_equal_to_its_region_once():
    assert place("Dresden", "Dresden") == ["Dresden"]
    assert place("Radebeul", "Dresden") == ["Radebeul", "Dresden"]
