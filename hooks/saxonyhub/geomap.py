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

WIDTH = 1000.0
PADDING = 12.0


@dataclass(frozen=True)
class Area:
    name: str
    kind: str  # "state" or "district"
    path: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    item: Any


class SaxonyMap:
    """Projection and shapes for one map; build it once per build and reuse it."""

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

    def markers(self, items: list[Any]) -> list[Marker]:
        """One marker per item. Items placed at the same point (city centre) are spread on a
        small spiral around it, so that each stays visible and clickable."""
        by_point: dict[tuple[float, float], list[Any]] = {}
        for item in items:
            by_point.setdefault(
                self.project(item.coordinates.lon, item.coordinates.lat), []
            ).append(item)
        markers = []
        for (x, y), group in by_point.items():
            for index, item in enumerate(group):
                dx, dy = _spiral(index)
                markers.append(Marker(round(x + dx, 1), round(y + dy, 1), item))
        return markers


def _spiral(index: int, step: float = 15.0) -> tuple[float, float]:
    """Offsets on a Vogel spiral: the n-th point at radius step*sqrt(n), golden angle apart."""
    if index == 0:
        return 0.0, 0.0
    radius = step * math.sqrt(index)
    angle = index * math.pi * (3 - math.sqrt(5))
    return radius * math.cos(angle), radius * math.sin(angle)
