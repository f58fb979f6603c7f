"""With an ESP that merges per-recipient data, an issue goes out in API calls of many recipients."""

import pytest

from newsletters.models import Delivery, Issue, SendWorker, Subscription
from newsletters.sending import issue_recover, issue_run
from newsletters.services import issue_draft, issue_send_start
from tests.fake_esp import FakeEsp
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def esp(settings):
    with FakeEsp() as fake:
        settings.EMAIL_BACKEND = "anymail.backends.sendgrid.EmailBackend"
        settings.ANYMAIL = {"SENDGRID_API_KEY": "test-key", "SENDGRID_API_URL": fake.api_url}
        settings.NEWSLETTER_ESP_BATCH_SIZE = 4
        yield fake


@pytest.fixture
def ready_issue(security, security_story):
    make_subscribers(security, 10)
    return issue_draft(newsletter=security)


def _substituted(personalization: dict, body: str) -> str:
    for field, value in personalization["substitutions"].items():
        body = body.replace(field, value)
    return body


def test_an_issue_goes_out_in_calls_of_at_most_the_batch_size_each_recipient_once(esp, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    report = issue_run(issue_id=ready_issue.pk)
    assert report.sent == 10 and report.finished
    assert esp.calls == 3  # 4 + 4 + 2
    assert all(len(p["personalizations"]) <= 4 for p in esp.payloads)
    assert sorted(esp.recipients()) == sorted(f"reader{n}@example.org" for n in range(10))
    ready_issue.refresh_from_db()
    assert ready_issue.status == Issue.Status.SENT
    ids = list(Delivery.objects.values_list("esp_message_id", flat=True))
    assert all(ids) and len(set(ids)) == 10


def test_each_recipient_gets_their_own_greeting_links_and_unsubscribe_header(esp, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    payload = esp.payloads[0]
    html = next(c["value"] for c in payload["content"] if c["type"] == "text/html")
    text = next(c["value"] for c in payload["content"] if c["type"] == "text/plain")
    assert "Hello Reader" not in html  # the shared body holds merge fields, not anyone's name
    assert payload["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for personalization in payload["personalizations"]:
        email = personalization["to"][0]["email"]
        subscription = Subscription.objects.get(subscriber__email=email)
        name = subscription.subscriber.name
        assert f"Hello {name}," in _substituted(personalization, html)
        assert f"Hello {name}," in _substituted(personalization, text)
        unsubscribe = f"https://news.example.com/newsletters/unsubscribe/{subscription.token}/"
        assert unsubscribe in _substituted(personalization, text)
        assert personalization["headers"]["List-Unsubscribe"].startswith(f"<{unsubscribe}>")
        delivery = Delivery.objects.get(email=email)
        assert personalization["headers"]["Message-ID"].startswith(f"<{delivery.pk}.")
        assert personalization["custom_args"]["delivery"] == str(delivery.pk)


def test_a_name_with_markup_is_escaped_in_the_html_but_not_in_the_text(esp, security, security_story):
    [subscriber] = make_subscribers(security, 1)
    subscriber.name = "Tom & <b>Jerry</b>"
    subscriber.save()
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    report = issue_run(issue_id=issue.pk)
    assert report.sent == 1, (report, list(Delivery.objects.values("state", "error")))
    [personalization] = esp.payloads[0]["personalizations"]
    html = next(c["value"] for c in esp.payloads[0]["content"] if c["type"] == "text/html")
    assert "Hello Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;," in _substituted(personalization, html)
    text = esp.payloads[0]["content"][0]["value"]
    assert "Hello Tom & <b>Jerry</b>," in _substituted(personalization, text)


def test_a_provider_outage_queues_the_whole_call_again_and_the_next_run_sends_it(esp, ready_issue, settings):
    settings.NEWSLETTER_RETRY_SECONDS = 3600
    esp.fail_with = [503]
    issue_send_start(issue=ready_issue, enqueue=False)
    first = issue_run(issue_id=ready_issue.pk, wait_for_retries=0)
    assert first.retried == 4 and first.sent == 6
    assert Delivery.objects.filter(state=Delivery.State.QUEUED, attempts=1).count() == 4
    Delivery.objects.filter(state=Delivery.State.QUEUED).update(next_attempt_at=None)  # the back-off has passed
    second = issue_run(issue_id=ready_issue.pk)
    assert second.sent == 4 and second.finished
    assert sorted(esp.recipients()) == sorted(f"reader{n}@example.org" for n in range(10))


def test_a_bad_request_fails_that_call_without_retrying_it(esp, ready_issue):
    esp.fail_with = [400]
    issue_send_start(issue=ready_issue, enqueue=False)
    report = issue_run(issue_id=ready_issue.pk)
    assert report.failed == 4 and report.sent == 6
    assert Delivery.objects.filter(state=Delivery.State.FAILED).count() == 4


def test_a_worker_that_died_mid_call_has_that_call_resent_and_reported_as_possible_duplicates(esp, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    dead = SendWorker.objects.create(issue=ready_issue, hostname="elsewhere", pid=1)
    SendWorker.objects.filter(pk=dead.pk).update(heartbeat_at="2000-01-01T00:00:00Z")
    in_flight = list(Delivery.objects.order_by("pk")[:4])
    Delivery.objects.filter(pk__in=[d.pk for d in in_flight]).update(state=Delivery.State.SENDING, worker=dead)
    recovery = issue_recover(issue_id=ready_issue.pk)
    assert sorted(recovery.unknown) == sorted(d.email for d in in_flight)
    report = issue_run(issue_id=ready_issue.pk)
    assert report.finished and report.sent == 10
    assert set(Delivery.objects.filter(possible_duplicate=True).values_list("email", flat=True)) == {
        d.email for d in in_flight
    }


def test_pro_members_and_free_readers_go_out_in_separate_calls_with_their_own_body(esp, security, site):
    from core.access import Access
    from newsletters.models import Subscriber
    from tests.factories import ArticleFactory
    from tests.membership.cast import pro_member
    from tests.newsletters.conftest import recently

    ArticleFactory(parent=site.security, title="Open story", published_at=recently())
    ArticleFactory(parent=site.security, title="Members' story", access=Access.PRO, published_at=recently())
    make_subscribers(security, 2)
    alice = pro_member("alice")
    subscriber = Subscriber.objects.create(email=alice.email, name="Alice")
    Subscription.objects.create(subscriber=subscriber, newsletter=security, status=Subscription.Status.ACTIVE)
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    assert issue_run(issue_id=issue.pk).sent == 3
    by_recipients = {
        tuple(sorted(to["email"] for p in payload["personalizations"] for to in p["to"])): payload
        for payload in esp.payloads
    }
    assert set(by_recipients) == {("reader0@example.org", "reader1@example.org"), (alice.email,)}
    pro_html = by_recipients[(alice.email,)]["content"][1]["value"]
    free_html = by_recipients[("reader0@example.org", "reader1@example.org")]["content"][1]["value"]
    assert pro_html != free_html


def test_a_batch_hands_anymail_its_recipients_without_the_email_parser_and_keeps_their_names(
    esp, security, security_story, monkeypatch
):
    import anymail.utils

    subscribers = make_subscribers(security, 3)
    subscribers[0].name = "Smith, Jane"
    subscribers[0].save()
    subscribers[1].name = "Zoë\r\nBcc: victim@example.org"
    subscribers[1].save()
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)

    parsed: list[str] = []
    real = anymail.utils.getaddresses

    def watched(addresses):
        parsed.extend(addresses)
        return real(addresses)

    monkeypatch.setattr(anymail.utils, "getaddresses", watched)
    assert issue_run(issue_id=issue.pk).sent == 3
    assert not [address for address in parsed if "@example.org" in address]  # only the sender's was parsed
    to = {p["to"][0]["email"]: p["to"][0].get("name") for p in esp.payloads[0]["personalizations"]}
    assert to[subscribers[0].email] == "Smith, Jane"
    assert to[subscribers[1].email] == "Zoë Bcc: victim@example.org"  # no line break reaches a header
    assert len(to) == 3


def test_html_merge_fields_are_sent_only_where_escaping_changes_a_value(esp, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    fields = {field for p in esp.payloads[0]["personalizations"] for field in p["substitutions"]}
    assert fields == {"-greeting-", "-email-", "-manage_url-", "-unsubscribe_url-"}
