"""An SVG map of Saxony from data/geo/saxony.geojson: projection, outline paths and markers.

Coordinates become SVG user units in a plain equirectangular projection scaled by cos(latitude),
which is accurate enough for an overview of one federal state. Path data is geometry, not
markup; the SVG elements themselves are written by overrides/fragments/map/*.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Place names become ids of SVG elements: "Görlitz" -> "goerlitz".
_UMLAUTS: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
WIDTH = 1000.0
PADDING = 12.0
# Places closer than this (SVG units, about 10 km) share one marker: on a 375 px phone the map is
# ~340 px wide, and a marker's 24 px touch target (MARKER_HIT) covers ~70 units.
PLACE_RADIUS = 40.0
MARKER_HIT = 36.0


@dataclass(frozen=True)
class Area:
    name: str
    kind: str  # "state" or "district"
    path: str


@dataclass(frozen=True)
class Place:
    """One marker on the map: the items of one city, or of neighbouring cities (closer than
    PLACE_RADIUS), at the position of the city with the most items."""

    x: float
    y: float
    cities: tuple[str, ...]
    items: tuple[Any, ...]

    @property
    def id(self) -> str:
        """Anchor of the place's list on the page (ASCII, from the main city's name)."""
        return "place-" + _slug(self.cities[0])

    @property
    def label_right(self) -> bool:
        """City labels go to the right of the marker unless that runs off the map."""
        return self.x < WIDTH - 160


class SaxonyMap:
    """Projection and shapes for one map; build it once per build and reuse it."""

    hit_radius = MARKER_HIT

    def __init__(self, geojson: dict[str, Any]) -> None:
        self.features = geojson["features"]
        self.attribution = geojson.get("attribution", "")
        points = [
            p
            for f in self.features
            for poly in f["geometry"]["coordinates"]
            for ring in poly
            for p in ring
        ]
        self.min_lon = min(p[0] for p in points)
        self.max_lat = max(p[1] for p in points)
        mid_lat = (min(p[1] for p in points) + self.max_lat) / 2
        self.x_scale = math.cos(math.radians(mid_lat))
        span = (max(p[0] for p in points) - self.min_lon) * self.x_scale
        self.scale = (WIDTH - 2 * PADDING) / span
        self.height = (self.max_lat - min(p[1] for p in points)) * self.scale + 2 * PADDING

    @classmethod
    def from_file(cls, path: Path) -> SaxonyMap:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.min_lon) * self.x_scale * self.scale + PADDING
        y = (self.max_lat - lat) * self.scale + PADDING
        return round(x, 1), round(y, 1)

    def areas(self) -> list[Area]:
        """The state outline last, so it is drawn on top of the district borders."""
        areas = [
            Area(f["properties"]["name"], f["properties"]["kind"], self._path(f))
            for f in self.features
        ]
        return sorted(areas, key=lambda a: a.kind == "state")

    def _path(self, feature: dict[str, Any]) -> str:
        parts = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                xy = [self.project(lon, lat) for lon, lat in ring]
                parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in xy) + "Z")
        return "".join(parts)

    def places(self, items: list[Any]) -> list[Place]:
        """Items grouped into places: first by city, then neighbouring cities into the place of
        the larger one. Largest place first; the order is stable for the same data."""
        by_city: dict[str, list[Any]] = {}
        for item in items:
            by_city.setdefault(item.city, []).append(item)
        cities = sorted(by_city.items(), key=lambda entry: (-len(entry[1]), entry[0]))
        groups: list[tuple[tuple[float, float], list[str], list[Any]]] = []
        for city, members in cities:
            point = self._centre(members)
            for centre, names, grouped in groups:
                if math.dist(centre, point) < PLACE_RADIUS:
                    names.append(city)
                    grouped.extend(members)
                    break
            else:
                groups.append((point, [city], list(members)))
        return [
            Place(x, y, tuple(names), tuple(sorted(grouped, key=lambda item: item.id)))
            for (x, y), names, grouped in groups
        ]

    def _centre(self, members: list[Any]) -> tuple[float, float]:
        """A city's position: its centre where an entry gives it, else the mean of its sites."""
        centres = [m for m in members if m.coordinates.precision == "city"] or members
        lon = sum(m.coordinates.lon for m in centres) / len(centres)
        lat = sum(m.coordinates.lat for m in centres) / len(centres)
        return self.project(lon, lat)


def _slug(name: str) -> str:
    folded = name.lower().translate(str.maketrans(_UMLAUTS))
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in folded).split())
