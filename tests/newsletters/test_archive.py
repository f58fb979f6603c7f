import pytest
from django.utils import timezone

from core.access import Access
from newsletters.models import Issue
from newsletters.services import issue_draft
from tests import factories
from tests.newsletters.conftest import recently

pytestmark = pytest.mark.django_db

SECRET = "The premium paragraph nobody without PRO may read."


@pytest.fixture
def pro_story(site):
    return factories.ArticleFactory(
        parent=site.security,
        title="A PRO memo on drone supply chains",
        access=Access.PRO,
        body=factories.paragraphs("The public opening of the memo.", SECRET),
        published_at=recently(),
    )


@pytest.fixture
def sent_issue(security, security_story, pro_story):
    issue = issue_draft(newsletter=security)
    Issue.objects.filter(pk=issue.pk).update(status="sent", started_at=timezone.now())
    issue.refresh_from_db()
    return issue


def test_a_sent_issue_has_a_public_page_with_pro_items_as_teasers(client, sent_issue, pro_story):
    html = client.get(f"/newsletters/security/issues/{sent_issue.number}/").content.decode()
    assert pro_story.title in html and "The public opening of the memo." in html
    assert SECRET not in html
    assert "PRO members read the full story" in html


def test_drafts_have_no_public_page(client, security, security_story):
    issue = issue_draft(newsletter=security)
    assert client.get(f"/newsletters/security/issues/{issue.number}/").status_code == 404


def test_the_rss_feed_lists_sent_issues_without_premium_text(client, sent_issue, pro_story):
    response = client.get("/newsletters/security/feed/")
    body = response.content.decode()
    assert response.status_code == 200 and "application/rss+xml" in response["Content-Type"]
    assert sent_issue.subject in body and SECRET not in body


def test_the_newsletter_page_lists_past_issues_and_a_sample(client, sent_issue):
    html = client.get("/newsletters/security/").content.decode()
    assert sent_issue.subject in html and "/newsletters/security/feed/" in html
    assert client.get("/newsletters/security/sample/")["Location"] == sent_issue.get_absolute_url()


def test_a_sample_is_drafted_from_recent_stories_when_nothing_was_sent(client, security, security_story):
    html = client.get("/newsletters/security/sample/").content.decode()
    assert security_story.title in html


def test_an_unknown_newsletter_is_a_404(client, db):
    assert client.get("/newsletters/no-such-thing/").status_code == 404
    assert client.get("/newsletters/no-such-thing/feed/").status_code == 404


def test_emails_show_pro_items_in_full_only_to_pro_recipients(smtp_server, security, security_story, pro_story, bob):
    from allauth.account.models import EmailAddress

    from newsletters.models import Subscriber, Subscription
    from newsletters.sending import issue_run
    from newsletters.services import issue_send_start

    # bob is staff, so PRO; his address counts once it is verified.
    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    for email in ("free@example.org", bob.email):
        subscriber = Subscriber.objects.create(email=email)
        Subscription.objects.create(subscriber=subscriber, newsletter=security, status="active")
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    issue_run(issue_id=issue.pk)
    free = smtp_server.to("free@example.org")[0]
    pro = smtp_server.to(bob.email)[0]
    assert "PRO members read the full story" in free.text and SECRET not in free.text + free.html
    assert "PRO members read the full story" not in pro.text


def test_an_unverified_address_of_a_pro_account_gets_the_free_variant(
    smtp_server, security, security_story, pro_story, bob
):
    from newsletters.models import Subscriber, Subscription
    from newsletters.sending import issue_run
    from newsletters.services import issue_send_start

    subscriber = Subscriber.objects.create(email=bob.email)
    Subscription.objects.create(subscriber=subscriber, newsletter=security, status="active")
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    issue_run(issue_id=issue.pk)
    assert "PRO members read the full story" in smtp_server.to(bob.email)[0].text
