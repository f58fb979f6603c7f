import datetime as dt

import pytest
from django.utils import timezone

from newsletters.models import Delivery, Issue, Subscription, Suppression
from newsletters.services import issue_draft, issue_schedule
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(security, security_story):
    return issue_draft(newsletter=security)


def send_url(issue: Issue) -> str:
    return f"/admin/newsletters/issue/{issue.pk}/send/"


def test_sending_asks_first_with_the_real_number_of_recipients(client, bob, issue, security):
    make_subscribers(security, 4)
    [left] = make_subscribers(security, 1, prefix="left")
    Subscription.objects.filter(subscriber=left).update(status=Subscription.Status.UNSUBSCRIBED)
    [bounced] = make_subscribers(security, 1, prefix="bounced")
    Suppression.objects.create(email=bounced.email, reason=Suppression.Reason.BOUNCED)
    client.force_login(bob)
    page = client.get(send_url(issue)).content.decode()
    assert "Send to 4 subscribers of Security Briefing now?" in page
    assert 'name="typed"' not in page  # a short list needs no typing
    assert Issue.objects.get(pk=issue.pk).status == "draft" and not Delivery.objects.exists()


def test_one_recipient_is_one_subscriber(client, bob, issue, security):
    make_subscribers(security, 1)
    client.force_login(bob)
    assert "Send to 1 subscriber of Security Briefing now?" in client.get(send_url(issue)).content.decode()


def test_a_post_without_the_confirmation_sends_nothing(client, bob, issue, security):
    make_subscribers(security, 2)
    client.force_login(bob)
    response = client.post(send_url(issue))
    assert response.status_code == 400
    assert Issue.objects.get(pk=issue.pk).status == "draft" and not Delivery.objects.exists()


def test_a_list_over_a_thousand_needs_the_briefings_name_typed(
    client, bob, issue, security, django_capture_on_commit_callbacks
):
    make_subscribers(security, 1001)
    client.force_login(bob)
    page = client.get(send_url(issue)).content.decode()
    assert "Send to 1,001 subscribers of Security Briefing now?" in page and 'name="typed"' in page

    wrong = client.post(send_url(issue), {"confirm": "on", "typed": "Gulf Briefing"})
    assert wrong.status_code == 400 and "nothing was sent" in wrong.content.decode()
    assert client.post(send_url(issue), {"confirm": "on"}).status_code == 400
    assert Issue.objects.get(pk=issue.pk).status == "draft" and not Delivery.objects.exists()

    with django_capture_on_commit_callbacks(execute=False):
        right = client.post(send_url(issue), {"confirm": "on", "typed": "  security briefing "})
    assert right.status_code == 302
    assert Issue.objects.get(pk=issue.pk).status == "sending"
    assert Delivery.objects.filter(issue=issue).count() == 1001


def test_an_issue_already_sending_is_not_offered_again(client, bob, issue):
    Issue.objects.filter(pk=issue.pk).update(status="sending")
    client.force_login(bob)
    response = client.get(send_url(issue), follow=True)
    assert "already been sent" in response.content.decode()


def test_a_scheduled_send_can_be_cancelled_until_it_starts(client, bob, issue):
    issue_schedule(issue=issue, when=timezone.now() + dt.timedelta(hours=2))
    client.force_login(bob)
    desk = client.get(f"/admin/newsletters/issue/{issue.pk}/desk/").content.decode()
    assert "Cancel the scheduled send" in desk
    client.post(f"/admin/newsletters/issue/{issue.pk}/unschedule/")
    issue.refresh_from_db()
    assert issue.status == "draft" and issue.scheduled_for is None


def test_a_send_that_has_started_can_no_longer_be_cancelled(client, bob, issue):
    issue_schedule(issue=issue, when=timezone.now() + dt.timedelta(hours=2))
    Issue.objects.filter(pk=issue.pk).update(status="sending")
    client.force_login(bob)
    response = client.post(f"/admin/newsletters/issue/{issue.pk}/unschedule/", follow=True)
    assert "no longer cancelled" in response.content.decode()
    assert Issue.objects.get(pk=issue.pk).status == "sending"


def test_outsiders_cannot_see_the_count(client, charlie, issue):
    client.force_login(charlie)
    assert client.get(send_url(issue)).status_code in (302, 403)
