"""/pro/ sells all five products with the price as a card, and keeps payment set-up notes to staff."""

from typing import Any

import pytest
from django.test import Client

from tests.factories import UserFactory, build_site

pytestmark = pytest.mark.django_db


def test_the_pro_page_sells_five_products_and_shows_the_price_as_a_card(client: Client, settings) -> None:
    settings.STRIPE_SECRET_KEY = ""
    build_site()
    body = client.get("/pro/").content.decode()
    for product in ("Memos", "Trend Reports", "Live Video Q&amp;A", "Special Events", "Monitor"):
        assert f">{product}</a></h3>" in body, product
    card = body.split('class="pro-price"')[1].split("</div>")[0]
    assert "<strong>$25</strong>" in card and "$300 a year" in card and "First week free" in card
    assert "payment is not switched on" not in body


def test_staff_see_that_online_payment_is_off(client: Client, settings) -> None:
    settings.STRIPE_SECRET_KEY = ""
    build_site()
    staff: Any = UserFactory(is_staff=True)
    client.force_login(staff)
    assert "payment is not switched on" in client.get("/pro/").content.decode()
