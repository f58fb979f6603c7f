"""Rebuild newsroom/data/region.json, the country shapes locator maps are drawn from.

The source is Natural Earth's admin-0 countries (public domain) as packaged in the
npm package world-atlas (TopoJSON). Only the region and its neighbours are kept,
cut to a box and simplified, so the shipped file stays small.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pycountry
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from newsroom.maps import BBOX, REGION_FILE, Point, Ring

SOURCE = Path("node_modules/world-atlas/countries-50m.json")
TOLERANCE = 0.06  # degrees; about 6 km, below what a 800 px regional map can show


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman clipping of a ring to the box (west, south, east, north)."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    points = ring
    for inside, cross in edges:
        if not points:
            break
        result: Ring = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    return points


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if distance > worst:
                worst, worst_at = distance, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area_and_centroid(ring: Ring) -> tuple[float, Point]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, ring[0]
    return abs(area / 2), (cx / (3 * area), cy / (3 * area))


def country_code(geometry: dict[str, Any]) -> str | None:
    country = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3))
    return country.alpha_2 if country else None


def region_countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = country_code(geometry)
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry.get("type"), []
        )
        rings = []
        for polygon in polygons:
            outer = clip(ring_points(polygon[0], arcs), BBOX)  # holes are too small to show
            outer = simplify([*outer, outer[0]], TOLERANCE)[:-1] if outer else []
            if len(outer) >= 3 and area_and_centroid(outer)[0] > 0.02:
                rings.append([(round(x, 2), round(y, 2)) for x, y in outer])
        if code and rings:
            largest = max(rings, key=lambda r: area_and_centroid(r)[0])
            label = area_and_centroid(largest)[1]
            name = geometry["properties"]["name"]
            countries.append(
                {"code": code, "name": name, "label": [round(label[0], 2), round(label[1], 2)], "rings": rings}
            )
    return sorted(countries, key=lambda c: c["code"])


class Command(BaseCommand):
    help = "Rebuild newsroom/data/region.json from world-atlas (Natural Earth) after `npm ci`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", type=Path, default=Path(settings.BASE_DIR) / SOURCE)

    def handle(self, *args: Any, source: Path, **options: Any) -> None:
        topology = json.loads(source.read_text())
        countries = region_countries(topology)
        data = {
            "source": "Natural Earth 1:50m admin-0 countries, via the npm package world-atlas 2.0.2",
            "licence": "Public domain (Natural Earth); world-atlas is ISC-licensed",
            "bbox": list(BBOX),
            "countries": countries,
        }
        REGION_FILE.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        points = sum(len(r) for c in countries for r in c["rings"])
        self.stdout.write(f"Wrote {REGION_FILE.name}: {len(countries)} countries, {points} points.")
