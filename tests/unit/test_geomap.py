"""saxonyhub.geomap: organisations grouped into places on the map of Saxony."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from saxonyhub.geomap import MARKER_HIT, PLACE_RADIUS, WIDTH, SaxonyMap

SAXONY = SaxonyMap.from_file(
    Path(__file__).resolve().parents[2] / "data" / "geo" / "saxony.geojson"
)


def org(id_: str, city: str, lat: float, lon: float, precision: str = "city") -> SimpleNamespace:
    coordinates = SimpleNamespace(lat=lat, lon=lon, precision=precision)
    return SimpleNamespace(id=id_, city=city, coordinates=coordinates)


def test_one_city_is_one_place_with_its_organisations_sorted():
    items = [org("zeta", "Leipzig", 51.34, 12.37), org("alpha", "Leipzig", 51.34, 12.37)]
    (place,) = SAXONY.places(items)
    assert [i.id for i in place.items] == ["alpha", "zeta"]
    assert place.cities == ("Leipzig",) and place.id == "place-leipzig"


def test_neighbouring_cities_join_the_larger_place():
    dresden = [org(f"d{i}", "Dresden", 51.0504, 13.7373) for i in range(3)]
    radebeul = [org("r", "Radebeul", 51.1066, 13.6600)]  # about 8 km away
    chemnitz = [org("c", "Chemnitz", 50.8278, 12.9214)]
    places = SAXONY.places(radebeul + chemnitz + dresden)
    assert [p.cities for p in places] == [("Dresden", "Radebeul"), ("Chemnitz",)]
    assert (places[0].x, places[0].y) == SAXONY.project(13.7373, 51.0504)


def test_sites_without_a_city_centre_meet_at_their_mean_position():
    items = [org("a", "Leipzig", 51.30, 12.30, "site"), org("b", "Leipzig", 51.40, 12.40, "site")]
    (place,) = SAXONY.places(items)
    assert (place.x, place.y) == SAXONY.project(12.35, 51.35)


def test_places_are_far_enough_apart_for_their_touch_targets():
    # Touch targets may touch but not cover each other's centre.
    assert PLACE_RADIUS > MARKER_HIT
    assert 2 * MARKER_HIT / WIDTH * 340 >= 24  # a 24 px target on a 375 px phone (340 px map)


@pytest.mark.parametrize(
    ("city", "slug"), [("Görlitz", "place-goerlitz"), ("Halle (Saale)", "place-halle-saale")]
)
def test_place_ids_are_ascii_anchors(city: str, slug: str):
    (place,) = SAXONY.places([org("x", city, 51.15, 14.98)])
    assert place.id == slug
