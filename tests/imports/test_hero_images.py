"""Featured images named in an export become the stories' hero images: fetched once each, checked, reported."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_httpserver import HTTPServer
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

import imports.images
from imports.ghost import ghost_import
from imports.images import FetchError, image_fetch
from imports.models import ImportedItem
from imports.wordpress import wordpress_import
from newsroom.models import ArticlePage
from tests.imports.conftest import jpeg_bytes, png_bytes
from tests.imports.samples import ghost_export, write_ghost, write_wxr, wxr_attachment, wxr_item

pytestmark = pytest.mark.django_db


def _requests_for(httpserver: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == path)


def _wxr(tmp_path, httpserver: HTTPServer, posts: list[tuple[int, int]], attachments: dict[int, str]):  # type: ignore[no-untyped-def]
    items = [wxr_attachment(900 + n, httpserver.url_for(path), caption=f"Caption {n}.", alt=f"Alt {n}")
             for n, path in attachments.items()]  # fmt: skip
    items += [wxr_item(n, thumbnail=900 + a) for n, a in posts]
    return write_wxr(tmp_path / "wp.xml", items, attachment=False)


def test_a_wordpress_featured_image_is_fetched_once_and_becomes_the_hero(
    site, tmp_path, httpserver, django_capture_on_commit_callbacks
):
    picture = png_bytes((64, 36))
    httpserver.expect_request("/uploads/convoy.png").respond_with_data(picture, content_type="image/png")
    path = _wxr(tmp_path, httpserver, [(1, 1), (2, 1)], {1: "/uploads/convoy.png"})

    with django_capture_on_commit_callbacks(execute=True):
        report = wordpress_import(path=path, section=site.gulf)

    assert report.created == 2 and not report.errors, report.errors
    assert _requests_for(httpserver, "/uploads/convoy.png") == 1  # two stories, one picture, one fetch
    first, second = ArticlePage.objects.filter(slug__in=["old-story-1", "old-story-2"]).order_by("slug")
    assert first.hero_image_id is not None and first.hero_image_id == second.hero_image_id
    image = Image.objects.get(pk=first.hero_image_id)
    assert (image.width, image.height) == (64, 36) and image.file.read() == picture
    assert (first.hero_caption, first.hero_alt) == ("Caption 1.", "Alt 1")
    # What an editor opens (the latest revision) has the hero too, so publishing it again keeps it.
    assert first.get_latest_revision_as_object().hero_image_id == image.pk
    assert ImportedItem.objects.get(kind="image").object_id == image.pk
    assert report.counts["hero images set"] == 2 and report.counts["images fetched"] == 1
    assert Client().get(first.url).status_code == 200
    # The image's usage lists both stories, as if an editor had chosen it for each.
    users = set(ReferenceIndex.get_references_to(image).values_list("object_id", flat=True))
    assert users == {str(first.pk), str(second.pk)}

    again = wordpress_import(path=path, section=site.gulf)
    assert (again.created, again.errors) == (0, [])
    assert _requests_for(httpserver, "/uploads/convoy.png") == 1 and Image.objects.count() == 1


def test_a_ghost_feature_image_brings_its_caption_and_alt_text(site, tmp_path, httpserver):
    httpserver.expect_request("/content/images/dusk.jpg").respond_with_data(jpeg_bytes(), content_type="image/jpeg")
    post = {
        "id": "p9", "title": "Dusk", "slug": "dusk", "html": "<p>Text.</p>", "status": "published",
        "feature_image": "__GHOST_URL__/content/images/dusk.jpg",
        "feature_image_caption": 'Tehran at dusk. Photo: <a href="https://x.example">Reza</a>',
        "feature_image_alt": "The skyline under an orange sky",
    }  # fmt: skip
    path = write_ghost(tmp_path / "ghost.json", ghost_export(posts=[post], members=[]))

    report = ghost_import(path=path, section=site.gulf, site_url=httpserver.url_for("/"))

    assert not report.errors, report.errors
    story = ArticlePage.objects.get(slug="dusk")
    assert story.hero_image is not None and story.hero_image.file.name.endswith(".jpg")
    assert story.hero_caption == "Tehran at dusk. Photo: Reza"
    assert story.hero_alt == "The skyline under an orange sky"


def test_images_that_cannot_be_had_are_reported_per_story_and_the_stories_still_go_in(site, tmp_path, httpserver):
    httpserver.expect_request("/gone.jpg").respond_with_data("Not found", status=404)
    httpserver.expect_request("/page.jpg").respond_with_data("<html>hello</html>", content_type="text/html")
    httpserver.expect_request("/fake.png").respond_with_data(b"not a picture at all", content_type="image/png")
    httpserver.expect_request("/ok.png").respond_with_data(png_bytes(), content_type="image/png")
    files = {1: "/gone.jpg", 2: "/page.jpg", 3: "/fake.png", 4: "/ok.png"}
    path = _wxr(tmp_path, httpserver, [(n, n) for n in files], files)

    report = wordpress_import(path=path, section=site.gulf)

    assert report.created == 4
    assert len(report.errors) == 3, report.errors
    problems = "\n".join(report.errors)
    assert "“Old story 1”" in problems and "404" in problems
    assert "text/html, not an image" in problems
    assert "not an image that can be read" in problems
    heroes = dict(ArticlePage.objects.filter(slug__startswith="old-story").values_list("slug", "hero_image"))
    assert [slug for slug, image in sorted(heroes.items()) if image] == ["old-story-4"]
    assert report.counts["hero images not imported"] == 3


def test_a_second_run_fetches_what_failed_and_leaves_an_edited_story_alone(site, tmp_path, httpserver):
    httpserver.expect_ordered_request("/late.png").respond_with_data("busy", status=503)
    path = _wxr(tmp_path, httpserver, [(1, 1), (2, 1)], {1: "/late.png"})
    first = wordpress_import(path=path, section=site.gulf)
    assert len(first.errors) == 2 and "503" in first.errors[0]
    edited = ArticlePage.objects.get(slug="old-story-2")
    edited.hero_caption = "Chosen by the desk: no picture."
    edited.save_revision().publish()

    httpserver.expect_request("/late.png").respond_with_data(png_bytes(), content_type="image/png")
    second = wordpress_import(path=path, section=site.gulf)

    assert (second.created, second.errors) == (0, [])
    assert ArticlePage.objects.get(slug="old-story-1").hero_image_id is not None
    assert ArticlePage.objects.get(slug="old-story-2").hero_image_id is None


def test_no_images_and_dry_runs_fetch_nothing(site, tmp_path, httpserver):
    httpserver.expect_request("/uploads/a.png").respond_with_data(png_bytes(), content_type="image/png")
    path = _wxr(tmp_path, httpserver, [(1, 1)], {1: "/uploads/a.png"})
    dry = wordpress_import(path=path, section=site.gulf, dry_run=True)
    assert dry.counts["hero images named (a dry run fetches none)"] == 1
    out = StringIO()
    call_command("import_wordpress", str(path), "--section=gulf", "--no-images", stdout=out)
    assert "1 new" in out.getvalue()
    assert not httpserver.log and not Image.objects.exists()
    assert ArticlePage.objects.get(slug="old-story-1").hero_caption == "Caption 1."


def test_a_file_larger_than_the_cap_is_refused(settings, httpserver):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024 * 1024
    big = b"\x89PNG" + b"0" * (1024 * 1024 + 10)
    httpserver.expect_request("/big.png").respond_with_data(big, content_type="image/png")
    with pytest.raises(FetchError, match="larger than 1 MB"):
        image_fetch(httpserver.url_for("/big.png"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.png", "/content/images/a.png"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        imports.images.image_fetch(url)
