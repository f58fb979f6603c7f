import pytest
from django.utils import timezone

from newsletters.models import Delivery, Issue, Subscription, Suppression
from newsletters.sending import issue_run
from newsletters.services import issue_draft, issue_send_start, subscription_unsubscribe
from tests.newsletters.conftest import links_in, make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_issue(security, security_story):
    make_subscribers(security, 5)
    return issue_draft(newsletter=security)


def test_it_sends_each_confirmed_subscriber_exactly_once(smtp_server, ready_issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        recipients = issue_send_start(issue=ready_issue)
    assert recipients == 5
    assert sorted(r for m in smtp_server.messages for r in m.rcpt_tos) == [f"reader{n}@example.org" for n in range(5)]
    ready_issue.refresh_from_db()
    assert ready_issue.status == Issue.Status.SENT
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


def test_each_email_carries_one_click_unsubscribe_headers_and_a_unique_message_id(smtp_server, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    messages = [m.message for m in smtp_server.messages]
    assert len({m["Message-ID"] for m in messages}) == 5
    for received in smtp_server.messages:
        message = received.message
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        https, mailto = [p.strip(" <>") for p in message["List-Unsubscribe"].split(",")]
        assert https.startswith("https://news.example.com/newsletters/unsubscribe/")
        assert mailto.startswith("mailto:")
        token = https.rstrip("/").rsplit("/", 1)[1]
        subscription = Subscription.objects.get(token=token)
        assert subscription.subscriber.email == received.rcpt_tos[0]
        assert "security.newsletters." in message["List-Id"]
        assert b"\r\n" in received.raw and b"\n" not in received.raw.replace(b"\r\n", b"")


def test_the_email_is_personalised_and_links_come_from_site_url(smtp_server, ready_issue, security_story):
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    received = smtp_server.to("reader3@example.org")[0]
    assert "Hello Reader 3," in received.text
    assert "Hello Reader 3," in received.html
    assert security_story.title in received.html
    assert 'style="' in received.html  # CSS inlined for mail clients
    assert all(link.startswith("https://news.example.com") for link in links_in(received.text))
    manage = received.message.get_body(("plain",)).get_content()
    assert Subscription.objects.get(subscriber__email="reader3@example.org").subscriber.token in manage


def test_people_who_subscribe_after_sending_starts_are_not_added(smtp_server, ready_issue, security):
    issue_send_start(issue=ready_issue, enqueue=False)
    make_subscribers(security, 2, prefix="late")
    issue_run(issue_id=ready_issue.pk)
    assert not smtp_server.to("late0@example.org")
    assert Delivery.objects.filter(issue=ready_issue).count() == 5


def test_someone_who_leaves_mid_send_is_skipped_by_the_next_batch(smtp_server, ready_issue):
    issue_send_start(issue=ready_issue, enqueue=False)
    subscription = Subscription.objects.get(subscriber__email="reader4@example.org")
    subscription_unsubscribe(subscription=subscription, source="test")
    issue_run(issue_id=ready_issue.pk)
    assert not smtp_server.to("reader4@example.org")
    assert Delivery.objects.get(email="reader4@example.org").state == Delivery.State.SKIPPED


def test_a_permanent_refusal_fails_the_delivery_and_suppresses_the_address(smtp_server, ready_issue):
    smtp_server.refuse["reader1@example.org"] = (550, "5.1.1 No such user")
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    assert Delivery.objects.get(email="reader1@example.org").state == Delivery.State.FAILED
    assert Suppression.objects.filter(email="reader1@example.org", reason="rejected").exists()
    assert len(smtp_server.messages) == 4


def test_a_temporary_refusal_is_retried_until_it_goes_through(smtp_server, ready_issue, settings):
    settings.NEWSLETTER_RETRY_SECONDS = 600
    smtp_server.refuse["reader2@example.org"] = (451, "4.7.1 Try again later")
    issue_send_start(issue=ready_issue, enqueue=False)
    report = issue_run(issue_id=ready_issue.pk, wait_for_retries=0)
    delivery = Delivery.objects.get(email="reader2@example.org")
    assert delivery.state == Delivery.State.QUEUED and delivery.attempts == 1 and report.retried == 1
    assert delivery.next_attempt_at > timezone.now()
    assert Issue.objects.get(pk=ready_issue.pk).status == Issue.Status.SENDING
    del smtp_server.refuse["reader2@example.org"]
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())  # the backoff has passed
    issue_run(issue_id=ready_issue.pk)
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SENT
    assert Issue.objects.get(pk=ready_issue.pk).status == Issue.Status.SENT


def test_suppressed_addresses_never_receive_bulk_mail(smtp_server, ready_issue):
    Suppression.objects.create(email="reader0@example.org", reason="complained")
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    assert not smtp_server.to("reader0@example.org")
    assert Delivery.objects.filter(issue=ready_issue).count() == 4


def test_a_temporary_refusal_that_never_clears_fails_after_the_last_attempt(smtp_server, ready_issue, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    smtp_server.refuse["reader2@example.org"] = (421, "4.3.2 Busy")
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    delivery = Delivery.objects.get(email="reader2@example.org")
    assert (delivery.state, delivery.attempts) == (Delivery.State.FAILED, 3)
    assert not Suppression.objects.filter(email="reader2@example.org").exists()
    assert Issue.objects.get(pk=ready_issue.pk).status == Issue.Status.SENT


def test_a_paused_issue_sends_nothing_until_it_is_resumed(smtp_server, ready_issue, django_capture_on_commit_callbacks):
    from newsletters.services import issue_pause, issue_resume

    issue_send_start(issue=ready_issue, enqueue=False)
    issue_pause(issue=ready_issue)
    report = issue_run(issue_id=ready_issue.pk)
    assert report.status == Issue.Status.PAUSED and not smtp_server.messages
    with django_capture_on_commit_callbacks(execute=True):
        issue_resume(issue=ready_issue)
    assert len(smtp_server.messages) == 5
    assert Issue.objects.get(pk=ready_issue.pk).status == Issue.Status.SENT


def test_sending_an_issue_twice_is_refused(ready_issue):
    from newsletters.services import IssueStateError

    issue_send_start(issue=ready_issue, enqueue=False)
    with pytest.raises(IssueStateError):
        issue_send_start(issue=ready_issue, enqueue=False)


def test_an_issue_subject_arrives_as_typed_without_html_entities(smtp_server, ready_issue):
    ready_issue.subject = "Sweden's \"drone\" deal & the Gulf's <new> routes"
    ready_issue.save(update_fields=["subject"])
    issue_send_start(issue=ready_issue, enqueue=False)
    issue_run(issue_id=ready_issue.pk)
    subjects = {str(m.message["Subject"]).strip() for m in smtp_server.messages}
    assert subjects == {"Sweden's \"drone\" deal & the Gulf's <new> routes"}
