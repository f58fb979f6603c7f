import pytest

from newsletters.models import Consent, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def signup(client, email="dana@example.org", newsletters=("security", "gulf"), **extra):
    data = {"email": email, "newsletters": list(newsletters), "source": "article signup", **extra}
    return client.post("/newsletters/subscribe/", data, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Test browser")


def test_signing_up_records_pending_subscriptions_and_consent_and_sends_one_confirmation(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, name="Dana")
    assert response.status_code == 302 and response["Location"] == "/newsletters/subscribe/check-your-inbox/"
    subscriber = Subscriber.objects.get(email="dana@example.org")
    assert subscriber.name == "Dana"
    assert set(subscriber.subscriptions.values_list("newsletter__slug", "status")) == {
        ("security", "pending"),
        ("gulf", "pending"),
    }
    consent = Consent.objects.filter(subscriber=subscriber, action="requested").first()
    assert (consent.source, consent.ip, consent.user_agent) == ("article signup", "203.0.113.9", "Test browser")
    [email] = smtp_server.wait_for("dana@example.org")
    assert "Security Briefing" in email.text and "/newsletters/confirm/" in email.text


def test_a_duplicate_signup_makes_no_duplicate_rows_and_no_second_email(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    with django_capture_on_commit_callbacks(execute=True):
        signup(client, email=" DANA@Example.org ")
    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 2
    assert len(smtp_server.to("dana@example.org")) == 1


@pytest.mark.parametrize(
    "email",
    [
        "not-an-email",
        "dana@",
        "a@b@c.org",
        "dana@example.org\r\nBcc: victim@example.org",
        "x" * 300 + "@example.org",
        "",
    ],
)
def test_malformed_or_hostile_addresses_get_a_clear_message_and_a_400(client, smtp_server, email):
    response = signup(client, email=email)
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not smtp_server.messages


def test_choosing_no_briefing_or_an_unknown_one_is_a_400(client):
    assert "Tick at least one briefing" in signup(client, newsletters=()).content.decode()
    assert signup(client, newsletters=("no-such-thing",)).status_code == 400
    assert not Subscriber.objects.exists()


def test_a_bot_filling_the_hidden_field_is_told_the_same_but_nothing_is_stored(client, smtp_server):
    response = signup(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(client, smtp_server):
    first = signup(client)
    again = signup(client)
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]


def test_the_signup_block_on_an_article_is_a_form_with_the_briefings_to_tick(client, security_story):
    html = client.get(security_story.url).content.decode()
    assert 'action="/newsletters/subscribe/"' in html
    for slug in ("takeaway", "middle-east-minute", "daily-briefing", "security", "iraq"):
        assert f'value="{slug}"' in html
    assert "more than 50,000 people" in html


def test_the_newsletters_page_lists_the_ten_briefings_with_cadence_and_sample(client):
    html = client.get("/newsletters/").content.decode()
    for name in ("The Takeaway &amp; Week in Review", "Middle East Minute", "Daily Briefing", "Iraq Briefing"):
        assert name in html
    assert "Daily, mornings" in html and "Daily, evenings" in html
    assert "/newsletters/security/sample/" in html


def test_too_many_signups_from_one_address_are_refused_with_a_429(client, settings):
    for n in range(20):
        assert signup(client, email=f"reader{n}@example.org").status_code == 302
    assert signup(client, email="one-more@example.org").status_code == 429


def test_a_signed_in_member_finds_their_address_already_in_the_signup_block(client, charlie, security_story):
    client.force_login(charlie)
    html = client.get(security_story.url).content.decode()
    assert f'value="{charlie.email}"' in html


def test_the_signup_block_sets_no_cookie_so_article_pages_stay_cacheable(client, security_story):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).get(security_story.url)
    assert 'action="/newsletters/subscribe/"' in response.content.decode()
    assert not response.cookies


def test_signing_up_works_without_a_session_or_csrf_cookie(security, smtp_server):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/newsletters/subscribe/", {"email": "new@example.org", "newsletters": ["security"]}
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="new@example.org").exists()


def _signup_via(client, email: str, *, remote: str, forwarded: str | None = None):
    data = {"email": email, "newsletters": ["security"], "source": "article signup"}
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client.post("/newsletters/subscribe/", data, REMOTE_ADDR=remote, **extra)


def test_readers_behind_one_trusted_proxy_have_separate_limits(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.5"
    for n in range(20):
        assert _signup_via(client, f"a{n}@example.org", remote=proxy, forwarded="198.51.100.1").status_code == 302
    assert _signup_via(client, "a-more@example.org", remote=proxy, forwarded="198.51.100.1").status_code == 429
    # Another reader behind the same proxy is not blocked by the first one's signups.
    assert _signup_via(client, "b0@example.org", remote=proxy, forwarded="198.51.100.2").status_code == 302
    # Only the proxy's own entry is trusted: a client-supplied one in front of it changes nothing.
    spoofed = "203.0.113.66, 198.51.100.1"
    assert _signup_via(client, "a-spoof@example.org", remote=proxy, forwarded=spoofed).status_code == 429


def test_behind_a_trusted_proxy_consent_records_the_readers_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _signup_via(client, "dana@example.org", remote="10.0.0.5", forwarded="198.51.100.7")
    assert Consent.objects.get(subscriber__email="dana@example.org", action="requested").ip == "198.51.100.7"


def test_a_spoofed_forwarded_for_does_not_reset_the_limit_without_trusted_proxies(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(20):
        response = _signup_via(client, f"r{n}@example.org", remote="203.0.113.9", forwarded=f"198.51.100.{n}")
        assert response.status_code == 302
    assert _signup_via(client, "more@example.org", remote="203.0.113.9", forwarded="192.0.2.200").status_code == 429
    consent = Consent.objects.filter(subscriber__email="r3@example.org").first()
    assert consent is not None and consent.ip == "203.0.113.9"


def test_ipv6_readers_are_counted_per_network_so_rotating_addresses_does_not_help(client):
    for n in range(20):
        assert _signup_via(client, f"v{n}@example.org", remote=f"2001:db8:1:2::{n + 1:x}").status_code == 302
    assert _signup_via(client, "v-more@example.org", remote="2001:db8:1:2:ffff::1").status_code == 429
    assert _signup_via(client, "other@example.org", remote="2001:db8:1:3::1").status_code == 302


def test_a_request_that_bypassed_the_declared_proxies_is_counted_by_its_socket_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = _signup_via(client, "dana@example.org", remote="203.0.113.9", forwarded="198.51.100.7")
    assert response.status_code == 302
    assert Consent.objects.get(subscriber__email="dana@example.org", action="requested").ip == "203.0.113.9"
