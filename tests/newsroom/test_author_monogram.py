import pytest

from newsroom.templatetags.newsroom_tags import monogram

pytestmark = pytest.mark.django_db


def test_an_author_without_a_photo_gets_their_initials_not_a_grey_box(client, site):
    page = client.get("/authors/dana-reporter/").content.decode()
    assert '<span class="monogram monogram--large" aria-hidden="true">DR</span>' in page
    assert "author-head__photo" not in page
    index = client.get("/authors/").content.decode()
    assert '<span class="monogram" aria-hidden="true">DR</span>' in index


def test_the_monogram_takes_the_first_and_last_initials():
    assert monogram("Dana Reporter") == "DR"
    assert monogram("Omar al-Hassan Farouk") == "OF"
    assert monogram("Cher") == "C"
    assert monogram("Ömer Çelik") == "ÖÇ"
    assert monogram("  ") == ""
