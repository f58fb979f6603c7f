"""The header, footer and favicon every reader page shares."""

import pytest
from django.test import Client

from newsroom.models import InfoPage
from tests.factories import add_page, build_site
from tests.membership.cast import pro_member, verified_user

pytestmark = pytest.mark.django_db


def test_the_header_offers_newsletters_and_every_pro_product(client: Client) -> None:
    build_site()
    body = client.get("/").content.decode()
    header = body[: body.index("<main")]
    for href in ("/newsletters/", "/pro/memos/", "/pro/reports/", "/pro/events/", "/monitor/"):
        assert f'href="{href}"' in header, href
    assert '<details class="phone-menu">' in header
    assert "Sign in" in header and "Sign out" not in header


def test_the_account_menu_names_the_reader_and_offers_sign_out(client: Client) -> None:
    build_site()
    client.force_login(verified_user("farah"))
    header = client.get("/").content.decode().split("<main")[0]
    assert "Sign out" in header and "Upgrade to PRO" in header and ">Sign in<" not in header
    client.force_login(pro_member("priya"))
    header = client.get("/").content.decode().split("<main")[0]
    assert "Briefing books" in header and "Upgrade to PRO" not in header


def test_an_unpublished_information_page_is_not_in_the_footer(client: Client) -> None:
    site = build_site()
    add_page(site.home, InfoPage(title="About us", slug="about", intro="Who we are."))
    add_page(site.home, InfoPage(title="Careers", slug="careers"), publish=False)
    body = client.get("/").content.decode()
    footer = body[body.index('<footer class="site-footer"') :]
    assert 'href="/about/">About us</a>' in footer
    assert "Careers" not in footer


def test_the_favicon_is_served_as_svg_with_an_ico_fallback(client: Client) -> None:
    build_site()
    body = client.get("/").content.decode()
    assert 'rel="icon"' in body and "favicon.svg" in body and "favicon-32.png" in body
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".ico")
