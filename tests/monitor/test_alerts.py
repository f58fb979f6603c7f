import io

import pytest
from django.core import mail
from django.core.management import call_command

from monitor.models import Alert, AlertDelivery
from tests.factories import paragraphs


@pytest.fixture
def alert(client, alice, registry):
    client.force_login(alice)
    response = client.post(
        "/monitor/alerts/", {"name": "Drones", "words": "drone", "entities": "Iran", "frequency": "instant"}
    )
    assert response.status_code == 302
    return Alert.objects.get(user=alice)


def test_a_matching_article_is_emailed_as_it_happens(alert, site, publish):
    publish(parent=site.security, title="Iran shows a new drone", body=paragraphs("The drone flew."))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert "Iran shows a new drone" in message.subject
    assert "List-Unsubscribe" in message.extra_headers


def test_an_article_that_does_not_match_sends_nothing(alert, site, publish):
    publish(parent=site.security, title="Iraq shows a new drone", body=paragraphs("The drone flew."))
    assert mail.outbox == []


def test_republishing_never_alerts_twice(alert, site, publish, django_capture_on_commit_callbacks):
    article = publish(parent=site.security, title="Iran shows a new drone", body=paragraphs("A drone."))
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert len(mail.outbox) == 1


def test_a_daily_alert_waits_for_the_digest(alert, site, publish):
    Alert.objects.filter(pk=alert.pk).update(frequency=Alert.Frequency.DAILY)
    publish(parent=site.security, title="Iran shows a new drone", body=paragraphs("A drone."))
    assert mail.outbox == []
    out = io.StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "Sent 1 alert digest(s) covering 1 article(s)" in out.getvalue()
    assert len(mail.outbox) == 1
    call_command("send_alert_digests", "--force", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_the_emailed_link_stops_the_alert_without_signing_in(alert, client, site, publish):
    client.logout()
    assert client.get(f"/monitor/alerts/{alert.token}/leave/").status_code == 200
    alert.refresh_from_db()
    assert alert.is_active  # a GET (mail scanners) changes nothing
    client.post(f"/monitor/alerts/{alert.token}/leave/")
    alert.refresh_from_db()
    assert not alert.is_active
    publish(parent=site.security, title="Iran shows a new drone", body=paragraphs("A drone."))
    assert mail.outbox == []


def test_an_alert_needs_a_criterion_and_known_entities(client, alice, registry):
    client.force_login(alice)
    empty = client.post("/monitor/alerts/", {"name": "Nothing", "frequency": "instant"})
    assert empty.status_code == 400
    unknown = client.post("/monitor/alerts/", {"name": "X", "entities": "Atlantis", "frequency": "instant"})
    assert "Atlantis" in unknown.content.decode()
    assert not Alert.objects.exists()


def test_alerts_are_for_pro_members(client, charlie, registry):
    client.force_login(charlie)
    assert client.get("/monitor/alerts/").status_code == 403
    assert not AlertDelivery.objects.exists()
