"""Locator maps: a small SVG per story showing the countries and places it is about.

Shapes come from newsroom/data/region.json (Natural Earth, public domain, cut to the
region by `manage.py build_region_map`); place coordinates from newsroom/data/places.json.
Countries come from the story's country topics; places from any provider registered
with `register_place_provider` (the entity registry, which sits in a higher layer,
registers one), so this module needs nothing above the newsroom.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
from django.core.cache import cache as shared_cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lib.page_cache import generation

Point = tuple[float, float]
Ring = list[Point]

DATA = Path(__file__).parent / "data"
REGION_FILE = DATA / "region.json"
PLACES_FILE = DATA / "places.json"
# west, south, east, north: North Africa to Central Asia, the Horn of Africa to Moscow.
BBOX = (-18.0, 3.0, 78.0, 62.0)
WIDTH, HEIGHT = 800, 450
MIN_SPAN = 18.0  # degrees of longitude: a small country still shows its neighbours
GIANT = 400.0  # square degrees: a country this big (Russia) is shown but does not set the frame

PlaceProvider = Callable[[Any], Iterable[str]]
_place_providers: list[PlaceProvider] = []


def register_place_provider(provider: PlaceProvider) -> None:
    """`provider(article)` returns names of places the story mentions."""
    if provider not in _place_providers:
        _place_providers.append(provider)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    label: Point
    rings: tuple[tuple[Point, ...], ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Place:
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class LocatorMap:
    svg: SafeString
    alt: str


@cache
def region() -> dict[str, Country]:
    data = json.loads(REGION_FILE.read_text())
    return {
        c["code"]: Country(
            code=c["code"],
            name=c["name"],
            label=tuple(c["label"]),  # type: ignore[arg-type]
            rings=tuple(tuple(tuple(p) for p in ring) for ring in c["rings"]),  # type: ignore[misc]
        )
        for c in data["countries"]
    }


@cache
def places() -> dict[str, Place]:
    data = json.loads(PLACES_FILE.read_text())
    return {name.casefold(): Place(name=name, lon=lon, lat=lat) for name, (lat, lon) in data["places"].items()}


# Names our topics use that pycountry spells differently.
_COUNTRY_ALIASES = {"palestine": "PS", "turkey": "TR", "syria": "SY", "iran": "IR", "russia": "RU"}


def country_code(name: str) -> str | None:
    key = name.strip().casefold()
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None


def place_names(article: Any) -> list[str]:
    names: list[str] = []
    for provider in _place_providers:
        names += [n for n in provider(article) if n not in names]
    return names


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def alt_text(countries: list[Country], marked: list[Place]) -> str:
    text = f"Map: {_join([c.name for c in countries])} highlighted" if countries else "Map"
    if marked:
        text += f", with {_join([p.name for p in marked])} marked"
    return text + "."


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _view(countries: list[Country], marked: list[Place]) -> tuple[float, float, float, float]:
    framing = [c.bounds for c in countries if _area(c.bounds) < GIANT] or [c.bounds for c in countries]
    boxes = framing + [(p.lon, p.lat, p.lon, p.lat) for p in marked]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    mid_lat = (south + north) / 2
    squeeze = math.cos(math.radians(mid_lat))
    span_x = max((east - west) * 1.25, MIN_SPAN)
    span_y = max((north - south) * 1.25, MIN_SPAN * 0.5)
    # Fit to WIDTH:HEIGHT in projected units (longitude shrinks with latitude).
    if span_x * squeeze / span_y < WIDTH / HEIGHT:
        span_x = span_y * (WIDTH / HEIGHT) / squeeze
    else:
        span_y = span_x * squeeze * HEIGHT / WIDTH
    # Centre on the story, then slide the frame back inside the shapes we ship.
    cx = min(max((west + east) / 2, BBOX[0] + span_x / 2), BBOX[2] - span_x / 2)
    cy = min(max((south + north) / 2, BBOX[1] + span_y / 2), BBOX[3] - span_y / 2)
    return cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def locator_map(country_names: Iterable[str], place_list: Iterable[str] = ()) -> LocatorMap | None:
    """The map for these countries and places, or None when none of them is on our map."""
    shapes = region()
    codes = [code for code in dict.fromkeys(country_code(n) for n in country_names) if code in shapes]
    chosen = [shapes[code] for code in codes]  # type: ignore[index]
    marked = [places()[n.casefold()] for n in dict.fromkeys(place_list) if n.casefold() in places()]
    if not chosen and not marked:
        return None
    view = _view(chosen, marked)
    west, south, east, north = view
    sx, sy = WIDTH / (east - west), HEIGHT / (north - south)

    def xy(lon: float, lat: float) -> str:
        return f"{(lon - west) * sx:.1f},{(north - lat) * sy:.1f}"

    def path(country: Country) -> str:
        return "".join("M" + "L".join(xy(*p) for p in ring) + "Z" for ring in country.rings)

    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" class="map__sea"/>']
    for country in shapes.values():
        if country.code not in codes and _overlaps(country.bounds, view):
            parts.append(f'<path class="map__land" d="{path(country)}"/>')
    for country in chosen:
        parts.append(f'<path class="map__focus" d="{path(country)}"/>')
    dots = [tuple(float(v) for v in xy(p.lon, p.lat).split(",")) for p in marked]
    for country in chosen:
        x, y = (float(v) for v in xy(*country.label).split(","))
        if any(abs(x - dx) < 60 and abs(y - dy) < 24 for dx, dy in dots):
            y += 28  # keep the country's name clear of a marked place
        parts.append(
            f'<text class="map__label" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{escape(country.name)}</text>'
        )
    for place in marked:
        x, y = (float(v) for v in xy(place.lon, place.lat).split(","))
        parts.append(f'<circle class="map__dot" cx="{x:.1f}" cy="{y:.1f}" r="6"/>')
        parts.append(f'<text class="map__place" x="{x + 10:.1f}" y="{y + 5:.1f}">{escape(place.name)}</text>')
    alt = alt_text(chosen, marked)
    svg = (
        f'<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(alt)}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )
    # Safe: built from escaped names and numbers only.
    return LocatorMap(svg=mark_safe(svg), alt=alt)


MAX_PLACES = 4
CACHE_SECONDS = 3600


@lru_cache(maxsize=1024)
def _drawn(countries: tuple[str, ...], place_list: tuple[str, ...]) -> LocatorMap | None:
    """Drawing is pure and costs milliseconds: each process draws a map once, and a
    page built after publishing (with the shared cache dropped) reuses it."""
    return locator_map(countries, place_list)


def article_map(article: Any) -> LocatorMap | None:
    """The story's map from its country topics and the places it names; cached per story."""
    key = f"newsroom:map:{article.pk}:{generation()}" if getattr(article, "pk", None) else None
    found = shared_cache.get(key) if key else None
    if found is None:
        countries = [t.title for t in article.topic_list if t.kind == "country"]
        found = _drawn(tuple(countries), tuple(place_names(article)[:MAX_PLACES])) or False
        if key:
            shared_cache.set(key, found, CACHE_SECONDS)
    return found if isinstance(found, LocatorMap) else None
