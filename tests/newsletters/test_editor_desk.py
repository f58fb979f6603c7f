import pytest

from newsletters.models import Delivery, Issue
from newsletters.services import issue_draft
from tests import factories
from tests.newsletters.conftest import make_subscribers, recently

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(security, security_story):
    return issue_draft(newsletter=security)


def test_draft_from_articles_takes_the_new_stories_of_the_newsletters_sections_only(site, security, security_story):
    gulf_story = factories.ArticleFactory(parent=site.gulf, title="Gulf shipping", published_at=recently())
    issue = issue_draft(newsletter=security)
    titles = [i.article.title for i in issue.items.order_by("sort_order")]
    assert titles == [security_story.title] and gulf_story.title not in titles
    assert issue.subject == f"Security Briefing: {security_story.title}"


def test_draft_follows_the_newsletters_topics_across_sections(site, security):
    tagged = factories.ArticleFactory(
        parent=site.gulf, title="Drone parts via Dubai", topics=[site.iran], published_at=recently()
    )
    security.topics.set([site.iran])
    assert [i.article for i in issue_draft(newsletter=security).items.all()] == [tagged]


def test_the_desk_shows_counts_previews_and_actions_to_editors(client, bob, issue):
    client.force_login(bob)
    response = client.get(f"/admin/newsletters/issue/{issue.pk}/desk/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Draft from articles", "Send a test to me", "Schedule", "Send now…"):
        assert label in html
    preview = client.get(f"/admin/newsletters/issue/{issue.pk}/preview/html/")
    assert issue.items.first().article.title in preview.content.decode()
    assert "style-src 'unsafe-inline'" in preview["Content-Security-Policy"]
    text = client.get(f"/admin/newsletters/issue/{issue.pk}/preview/text/").content.decode()
    assert text.startswith("Subject: Security Briefing")


def test_outsiders_cannot_open_the_desk_or_send(client, charlie, issue):
    client.force_login(charlie)
    assert client.get(f"/admin/newsletters/issue/{issue.pk}/desk/").status_code in (302, 403)
    assert client.post(f"/admin/newsletters/issue/{issue.pk}/send/").status_code in (302, 403)
    assert Issue.objects.get(pk=issue.pk).status == "draft"


def test_an_editor_sends_a_test_to_themselves_through_real_smtp(client, bob, issue, smtp_server):
    client.force_login(bob)
    client.post(f"/admin/newsletters/issue/{issue.pk}/test/")
    [received] = smtp_server.wait_for(bob.email)
    assert received.message["Subject"].startswith("[Test] Security Briefing")
    assert not Delivery.objects.exists()


def test_send_now_freezes_the_ledger_and_sends(
    client, bob, issue, security, smtp_server, django_capture_on_commit_callbacks
):
    make_subscribers(security, 3)
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsletters/issue/{issue.pk}/send/", {"confirm": "on"})
    issue.refresh_from_db()
    assert issue.status == "sent" and len(smtp_server.messages) == 3
    html = client.get(f"/admin/newsletters/issue/{issue.pk}/desk/").content.decode()
    assert "Delivered" in html


def test_scheduling_in_the_past_is_refused_with_a_message(client, bob, issue):
    client.force_login(bob)
    response = client.post(f"/admin/newsletters/issue/{issue.pk}/schedule/", {"when": "2001-01-01T08:00"}, follow=True)
    assert "in the future" in response.content.decode()
    assert Issue.objects.get(pk=issue.pk).status == "draft"


def test_pause_and_resume(client, bob, issue):
    Issue.objects.filter(pk=issue.pk).update(status="sending")
    client.force_login(bob)
    client.post(f"/admin/newsletters/issue/{issue.pk}/pause/")
    assert Issue.objects.get(pk=issue.pk).status == "paused"
    client.post(f"/admin/newsletters/issue/{issue.pk}/resume/")
    assert Issue.objects.get(pk=issue.pk).status in ("sending", "sent")


def test_the_issue_list_and_edit_form_open(client, bob, issue):
    client.force_login(bob)
    assert client.get("/admin/newsletters/issue/").status_code == 200
    assert client.get(f"/admin/newsletters/issue/edit/{issue.pk}/").status_code == 200
    assert client.get("/admin/newsletters/newsletter/").status_code == 200
