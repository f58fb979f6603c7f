"""Locator maps are drawn on the server from shipped Natural Earth shapes, with a text alternative."""

import json
from typing import Any

import pytest
from django.test import Client

from newsroom import maps
from tests.factories import ArticleFactory, TopicFactory, build_site, make_image


def test_the_shipped_shapes_name_their_source_and_cover_the_region() -> None:
    data = json.loads(maps.REGION_FILE.read_text())
    assert "Natural Earth" in data["source"] and "ublic domain" in data["licence"]
    assert {"IR", "BY", "RU", "UA", "IL", "PS", "SA", "TR", "IQ", "EG"} <= set(maps.region())
    assert (maps.DATA / "README.md").exists()


def test_a_map_highlights_the_countries_and_marks_the_places_with_a_text_alternative() -> None:
    found = maps.locator_map(["Iran", "Belarus"], ["Tehran", "Nowhere-on-earth"])
    assert found is not None
    assert found.alt == "Map: Iran and Belarus highlighted, with Tehran marked."
    assert found.svg.count('class="map__focus"') == 2
    assert 'role="img"' in found.svg and f'aria-label="{found.alt}"' in found.svg
    assert found.svg.count('class="map__dot"') == 1


def test_countries_off_the_map_are_left_out_and_nothing_known_draws_nothing() -> None:
    found = maps.locator_map(["United States", "Israel"])
    assert found is not None and found.alt == "Map: Israel highlighted."
    assert maps.locator_map(["Atlantis"]) is None


@pytest.mark.django_db
def test_a_story_without_a_photo_gets_its_map_and_a_story_with_one_keeps_the_photo(client: Client) -> None:
    site = build_site()
    belarus = TopicFactory(parent=site.topics, title="Belarus", slug="belarus", kind="country")
    mapped: Any = ArticleFactory(parent=site.security, title="Minsk and Tehran", slug="mapped")
    mapped.topics.set([site.iran, belarus])
    mapped.save_revision().publish()
    body = client.get(mapped.url).content.decode()
    assert 'aria-label="Map: Iran and Belarus highlighted."' in body

    photo: Any = ArticleFactory(parent=site.security, title="Photo", slug="photo", hero_image=make_image("Raisi"))
    photo.hero_credit = "Photo: Office of the President"
    photo.topics.set([site.iran])
    photo.save_revision().publish()
    body = client.get(photo.url).content.decode()
    assert '<svg class="map"' not in body and "Photo: Office of the President" in body
