"""Signed-in readers' pages come from one cached copy per audience (free member,
PRO member), with the personal parts rendered for each request."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import Client

from core.access import Access
from lib import page_cache
from tests.clients import signed_in_client
from tests.factories import ArticleFactory, UserFactory, paragraphs
from tests.membership.cast import pro_member, verified_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

PRO_SENTENCE = "Only PRO members may read this member-cache sentinel."
FREE_SENTENCE = "Signed-in readers may read this account-cache sentinel."


def _tokenless(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


def _stories(site):
    pro_story = ArticleFactory(
        parent=site.security, title="A memo for PRO", access=Access.PRO, body=paragraphs("Teaser.", PRO_SENTENCE)
    )
    free_story = ArticleFactory(
        parent=site.gulf, title="A story for members", access=Access.REGISTERED, body=paragraphs("Lead.", FREE_SENTENCE)
    )
    return pro_story, free_story


def test_a_members_second_view_comes_from_the_cache(site):
    story = ArticleFactory(parent=site.security, title="Cached for members")
    reader = signed_in_client(verified_user("freya"))
    first, second = reader.get(story.url), reader.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "Cached for members" in second.content.decode()
    # The same page, but for the CSRF token, which is masked afresh for every response.
    assert _tokenless(second.content) == _tokenless(first.content)


def test_a_free_member_never_gets_the_pro_copy_and_a_pro_member_never_the_free_one(site):
    pro_story, _ = _stories(site)
    free_reader, pro_reader = signed_in_client(verified_user("freya")), signed_in_client(pro_member("pablo"))
    for path in (pro_story.url, "/", site.security.url):
        # PRO first, so a wrongly shared copy would hand its paid text to the free member.
        assert pro_reader.get(path).status_code == 200
    paid = pro_reader.get(pro_story.url)
    assert paid["X-Page-Cache"] == "hit"
    assert PRO_SENTENCE in paid.content.decode()
    for path in (pro_story.url, "/", site.security.url):
        page = free_reader.get(path).content.decode()
        assert PRO_SENTENCE not in page
        assert "masthead__account" in page
    assert free_reader.get(pro_story.url)["X-Page-Cache"] == "hit"
    assert PRO_SENTENCE not in free_reader.get(pro_story.url).content.decode()
    # And the other way round: the free member's copy (with its offer box) is not the PRO member's.
    cache_cleared_story = ArticleFactory(
        parent=site.security, title="Second memo", access=Access.PRO, body=paragraphs("Teaser.", PRO_SENTENCE)
    )
    assert PRO_SENTENCE not in free_reader.get(cache_cleared_story.url).content.decode()
    assert PRO_SENTENCE in pro_reader.get(cache_cleared_story.url).content.decode()


def test_the_account_menu_shows_the_pro_badge_only_to_pro_members(site):
    story = ArticleFactory(parent=site.security)
    pro_reader, free_reader = signed_in_client(pro_member("pablo")), signed_in_client(verified_user("freya"))
    menu = re.compile(
        r'<summary><span class="account-menu__name">[^<]*</span> <span class="badge badge--pro">PRO</span>'
    )
    assert menu.search(pro_reader.get(story.url).content.decode())
    assert not menu.search(free_reader.get(story.url).content.decode())
    anonymous = Client().get(story.url).content.decode()
    assert "account-links__signin" in anonymous and "account-menu" not in anonymous


def test_one_member_never_sees_another_members_address(site):
    story = ArticleFactory(parent=site.security)
    first = signed_in_client(verified_user("annabel", email="annabel.first@example.com"))
    second = signed_in_client(verified_user("bertrand", email="bertrand.second@example.com"))
    assert "annabel.first@example.com" in first.get(story.url).content.decode()
    assert "annabel.first@example.com" in first.get("/").content.decode()
    for path in (story.url, "/"):
        page = second.get(path)
        assert page["X-Page-Cache"] == "hit"
        html = page.content.decode()
        assert "annabel.first@example.com" not in html
        # Their own address is filled into the newsletter form, per request.
        assert 'value="bertrand.second@example.com"' in html


def test_a_page_showing_a_readers_own_name_outside_a_fragment_is_not_stored(site):
    ArticleFactory(parent=site.security, title="Zebulon Quartermaine leaves the ministry")
    reader = signed_in_client(verified_user("zq", first_name="Zebulon", last_name="Quartermaine"))
    assert "X-Page-Cache" not in reader.get("/")
    assert "X-Page-Cache" not in reader.get("/")
    other = signed_in_client(verified_user("freya"))
    assert other.get("/")["X-Page-Cache"] == "miss"


def test_publishing_refreshes_members_cached_pages(site):
    ArticleFactory(parent=site.security, title="Older story")
    reader = signed_in_client(pro_member("pablo"))
    assert "Older story" in reader.get("/").content.decode()
    assert reader.get("/")["X-Page-Cache"] == "hit"
    ArticleFactory(parent=site.gulf, title="Breaking story")
    home = reader.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert "Breaking story" in home.content.decode()


def test_signed_in_pages_stay_private_for_browsers_and_proxies(site):
    story = ArticleFactory(parent=site.security)
    reader = signed_in_client(verified_user("freya"))
    for response in (reader.get(story.url), reader.get(story.url)):
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]


def test_the_sign_out_button_on_a_cached_page_carries_the_readers_own_csrf_token(site):
    story = ArticleFactory(parent=site.security)
    signed_in_client(verified_user("warmer")).get(story.url)
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(verified_user("freya"))
    page = reader.get(story.url)
    assert page["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    signed_out = reader.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302
    assert "_auth_user_id" not in reader.session


def test_a_message_waiting_for_the_reader_shows_on_a_cached_page(site, rf):
    story = ArticleFactory(parent=site.security)
    reader_user = verified_user("freya")
    signed_in_client(verified_user("warmer")).get(story.url)
    reader = signed_in_client(reader_user)
    # As the sign-in or a form would leave it: a message in the messages cookie.
    storage = CookieStorage(rf.get("/"))
    reader.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Your briefings are on their way.")])
    page = reader.get(story.url)
    assert page["X-Page-Cache"] == "hit"
    assert "Your briefings are on their way." in page.content.decode()
    assert "Your briefings are on their way." not in reader.get(story.url).content.decode()


def test_editors_pages_are_never_cached(site, bob):
    story = ArticleFactory(parent=site.security)
    editor = signed_in_client(bob)
    editor.get(story.url)
    assert "X-Page-Cache" not in editor.get(story.url)


def test_pages_that_did_not_opt_in_are_not_cached_for_members(site):
    reader = signed_in_client(verified_user("freya"))
    reader.get("/newsletters/")
    assert "X-Page-Cache" not in reader.get("/newsletters/")
    assert "X-Page-Cache" not in reader.get("/account/")


def test_the_cached_parts_hold_no_personal_fragment_text(site, rf):
    story = ArticleFactory(parent=site.security)
    signed_in_client(verified_user("annabel", email="annabel.first@example.com")).get(story.url)
    stored = cache.get(page_cache._key(rf.get(story.url), "registered"))
    assert stored is not None
    shared = "".join(part for part in stored[2] if isinstance(part, str))
    assert "annabel" not in shared
    assert "csrfmiddlewaretoken" not in shared
    assert "<!--personal:" not in shared


def test_free_accounts_and_outsiders_share_the_registered_copy(site):
    story = ArticleFactory(parent=site.security)
    signed_in_client(UserFactory(username="charlie")).get(story.url)
    assert signed_in_client(verified_user("freya")).get(story.url)["X-Page-Cache"] == "hit"


def test_an_editor_by_group_alone_is_never_served_a_shared_page(site):
    # Not staff: the Editors group's admin permission is what makes them an editor.
    from django.contrib.auth.models import Group

    story = ArticleFactory(parent=site.security)
    editor = verified_user("greta")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = signed_in_client(editor)
    client.get(story.url)
    assert "X-Page-Cache" not in client.get(story.url)
    reader = signed_in_client(verified_user("henrik"))
    reader.get(story.url)
    assert reader.get(story.url)["X-Page-Cache"] == "hit"


def test_pro_members_share_the_clip_form_but_each_sees_their_own_books(site, rf):
    from monitor.models import BriefingFolder

    story = ArticleFactory(parent=site.security, body=paragraphs("Convoys of tankers waited at the harbour mouth."))
    first, second = pro_member("ingrid"), pro_member("jonas")
    BriefingFolder.objects.create(owner=first, name="Ingrid's harbour book")
    BriefingFolder.objects.create(owner=second, name="Jonas on shipping")
    signed_in_client(first).get(story.url)
    page = signed_in_client(second).get(story.url)
    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    assert 'value="Convoys of tankers waited at the harbour mouth."' in html
    assert "Jonas on shipping" in html and "Ingrid&#x27;s harbour book" not in html
    stored = "".join(p for p in cache.get(page_cache._key(rf.get(story.url), "pro"))[2] if isinstance(p, str))
    assert 'id="clip-passage"' in stored and "harbour book" not in stored and "shipping" not in stored
