"""Error pages look like the site (masthead, sections) and say what to do next."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from config import urls as site_urls
from newsroom.models import SectionPage

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def _broken_database(request: HttpRequest) -> HttpResponse:
    SectionPage.objects.count()  # the database is down: this raises
    return HttpResponse("unreachable")


# The site's own URLs and error handlers, plus views that fail on purpose.
urlpatterns = [
    path("test-errors/forbidden/", _forbidden),
    path("test-errors/broken/", _broken),
    path("test-errors/broken-database/", _broken_database),
    *site_urls.urlpatterns,
]
# Whatever the site sets, else Django's defaults (as Django itself would use).
handler400 = getattr(site_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(site_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(site_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(site_urls, "handler500", "django.views.defaults.server_error")


def _looks_like_the_site(body: str) -> None:
    assert '<header class="masthead"' in body
    assert 'class="masthead__brand" href="/">Newsdesk</a>' in body
    assert '<nav class="site-nav' in body
    assert '<footer class="site-footer"' in body


def test_a_bad_request_is_a_400_that_names_the_problem(client, site):
    response = client.get("/gulf/", {"page": "²"})
    assert response.status_code == 400
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "We couldn’t read that address" in body
    assert "“page” must be a whole number" in body
    assert 'action="/search/"' in body and 'href="/">Go to the home page' in body
    assert ">Gulf</a>" in body  # the sections, from the live site


def test_a_refusal_is_a_403_that_offers_sign_in(client, site):
    response = client.get("/test-errors/forbidden/")
    assert response.status_code == 403
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "You can’t open this page" in body
    assert 'href="/accounts/login/?next=/test-errors/forbidden/">sign in again</a>' in body


def test_a_form_refused_by_the_csrf_check_explains_how_to_send_it_again(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/link/", {"email": "reader@example.com"}, HTTP_REFERER="http://testserver/accounts/link/"
    )
    assert response.status_code == 403
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "We couldn’t accept that form" in body
    assert '<a href="http://testserver/accounts/link/">Go back to the form</a> and reload the page.' in body
    assert "sign in again" in body
    assert "CSRF verification failed" not in body


def test_the_csrf_page_never_links_back_to_another_site(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/link/", {"email": "x@example.com"}, HTTP_REFERER="https://evil.example/form")
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()


def test_a_missing_page_is_a_404_with_search(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "We can’t find that page" in body
    assert 'action="/search/"' in body


def test_a_server_error_is_a_500_that_looks_like_the_site(site, django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/test-errors/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "Something went wrong on our side" in body
    assert "reload the page" in body


def test_the_500_page_renders_when_the_database_is_down(site):
    client = Client(raise_request_exception=False)
    down = OperationalError("could not connect to server")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=down):
        response = client.get("/test-errors/broken-database/")
    assert response.status_code == 500
    body = response.content.decode()
    _looks_like_the_site(body)
    assert "Something went wrong on our side" in body


def test_the_500_page_survives_its_own_template_failing(site):
    client = Client(raise_request_exception=False)
    with mock.patch("lib.errors.loader.get_template", side_effect=RuntimeError("no templates")):
        response = client.get("/test-errors/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body and 'href="/"' in body
