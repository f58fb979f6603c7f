"""The article page knows its reader: share links, time, one list of topics, and an offer
box that asks anonymous readers to sign up, free members to upgrade, and PRO members nothing."""

from typing import Any

import pytest
from django.test import Client

from core.access import Access
from tests.factories import ArticleFactory, build_site
from tests.membership.cast import pro_member, verified_user

pytestmark = pytest.mark.django_db


def _offer(body: str) -> str:
    return body.split('class="offer"')[1].split("</aside>")[0] if 'class="offer"' in body else ""


def test_a_pro_story_offers_sign_in_to_visitors_upgrade_to_members_and_nothing_to_pro(client: Client) -> None:
    site = build_site()
    story: Any = ArticleFactory(parent=site.security, title="Paid", slug="paid", access=Access.PRO)
    visitor = _offer(client.get(story.url).content.decode())
    assert "Start your free week" in visitor and "Sign in" in visitor
    client.force_login(verified_user("farah"))
    member = _offer(client.get(story.url).content.decode())
    assert "Upgrade to PRO" in member and "Sign in" not in member
    client.force_login(pro_member("priya"))
    assert _offer(client.get(story.url).content.decode()) == ""


def test_a_free_story_ends_with_share_links_a_time_and_the_free_vs_pro_comparison(client: Client) -> None:
    site = build_site()
    story: Any = ArticleFactory(parent=site.security, title="Free story", slug="free-story")
    story.topics.set([site.iran])
    story.save_revision().publish()
    body = client.get(story.url).content.decode()
    for label in ("Email", "X", "LinkedIn", "WhatsApp", "Link to copy"):
        assert f">{label}</a>" in body
    assert '<script src="https://' not in body
    assert " UTC</time>" in body
    assert "Free or PRO: what you get" in body
    assert body.count(">Iran</a>") == 1
    client.force_login(pro_member("priya"))
    assert "Free or PRO: what you get" not in client.get(story.url).content.decode()
