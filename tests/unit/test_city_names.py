"""English city names (taxonomy.yml city_names): shown on English pages, never in addresses."""

from __future__ import annotations

import datetime as dt

from saxonyhub.entities import Event, Taxonomy
from saxonyhub.jsonld import event_jsonld

TERM = {"id": "x1", "label": {"de": "X", "en": "X"}}
SECTIONS = ["organisation_types", "target_groups", "service_categories", "service_formats"]


def taxonomy(**extra: object) -> Taxonomy:
    tech = {**TERM, "description": {"de": "X.", "en": "X."}}
    return Taxonomy.model_validate(
        {"technologies": [tech], **{s: [TERM] for s in SECTIONS}, **extra}
    )


CITIES = taxonomy(city_names=[{"de": "München", "en": "Munich"}, {"de": "Köln", "en": "Cologne"}])


def test_english_pages_show_the_english_name():
    assert CITIES.city("München", "en") == "Munich"
    assert CITIES.city("Köln", "en") == "Cologne"


def test_german_pages_and_unlisted_cities_keep_the_name_as_written():
    assert CITIES.city("München", "de") == "München"
    assert CITIES.city("Düsseldorf", "en") == "Düsseldorf"
    assert CITIES.city("Dresden", "en") == "Dresden"


def test_the_list_is_optional():
    assert taxonomy().city("München", "en") == "München"


def event(venue: str | None) -> Event:
    return Event.model_validate(
        {
            "id": "fair-2027",
            "title": {"de": "Messe", "en": "Fair"},
            "kind": "fair",
            "start": dt.date(2027, 4, 13),
            "venue": venue,
            "city": "München",
            "description": {"de": "Text.", "en": "Text."},
            "organiser_name": "Messe & Co <GmbH>",
            "sources": ["https://example.org/"],
        }
    )


def test_jsonld_names_a_place_without_venue_by_the_english_name_but_keeps_the_address():
    data = event_jsonld(
        event(None), "en", "https://hub.example/en/events/fair-2027/", None, "Munich"
    )
    assert data["location"]["name"] == "Munich"
    assert data["location"]["address"]["addressLocality"] == "München"


def test_jsonld_prefers_the_venue():
    data = event_jsonld(event("Messe München"), "en", "https://hub.example/", None, "Munich")
    assert data["location"]["name"] == "Messe München"
    assert data["location"]["address"]["addressLocality"] == "München"
