import datetime as dt
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from core.access import Access
from newsletters.briefings import draft_findings
from newsletters.models import Issue, IssueItem, Newsletter
from newsletters.rendering import issue_items, prepare_issue, sample_personal
from newsletters.services import issue_draft
from tests import factories
from tests.newsletters.conftest import recently

pytestmark = pytest.mark.django_db

NOTE = "<p>Minsk could become a <b>second drone workshop</b> for Moscow.</p>"


def rendered(issue: Issue, *, pro: bool = False) -> tuple[str, str]:
    prepared = prepare_issue(issue, variants=(pro,))
    return prepared.personalise(pro=pro, **sample_personal(issue))


def sent_issue(newsletter: Newsletter, started_at: dt.datetime) -> Issue:
    issue = Issue.objects.create(newsletter=newsletter, subject="Earlier", status=Issue.Status.SENT)
    Issue.objects.filter(pk=issue.pk).update(started_at=started_at)
    return issue


def test_the_desks_first_screen_offers_a_new_issue_for_every_briefing(client, bob, security):
    client.force_login(bob)
    page = client.get("/admin/newsletters/issue/").content.decode()
    for briefing in Newsletter.objects.filter(is_active=True):
        assert f'aria-label="New issue of {escape(briefing.name)}"' in page
    response = client.post("/admin/newsletters/issue/draft/", {"newsletter": security.pk})
    issue = Issue.objects.get(newsletter=security)
    assert response.status_code == 302 and response["Location"].endswith(f"/issue/{issue.pk}/desk/")


def test_an_empty_draft_says_why_and_offers_to_look_further_back(client, bob, site, security):
    last = timezone.make_aware(dt.datetime(2026, 11, 21, 18, 0))
    sent_issue(security, last)
    older = factories.ArticleFactory(parent=site.security, title="Older pact", published_at=last - dt.timedelta(days=2))
    client.force_login(bob)
    response = client.post("/admin/newsletters/issue/draft/", {"newsletter": security.pk}, follow=True)
    page = response.content.decode()
    assert "No Security stories since the last issue on 21 Nov." in page
    assert "Look further back" in page and 'name="days" value="30"' in page

    issue = Issue.objects.filter(newsletter=security, status="draft").get()
    widened = client.post(f"/admin/newsletters/issue/{issue.pk}/redraft/", {"days": "30"}, follow=True)
    assert [i.article for i in issue.items.all()] == [older]
    assert "Found 1 Security story in the last 30 days." in widened.content.decode()


def test_a_bad_window_is_a_clear_400(client, bob, security, security_story):
    issue = issue_draft(newsletter=security)
    client.force_login(bob)
    assert client.post(f"/admin/newsletters/issue/{issue.pk}/redraft/", {"days": "a week"}).status_code == 400


def test_the_findings_count_in_the_right_plural(site, security, security_story):
    issue = issue_draft(newsletter=security)
    assert draft_findings(issue).startswith("Found 1 Security story ")
    factories.ArticleFactory(parent=site.security, title="Second", published_at=recently())
    issue_draft(newsletter=security, issue=issue)
    assert draft_findings(issue).startswith("Found 2 Security stories ")


def test_the_note_sits_above_the_link_in_html_and_text(security, security_story):
    issue = issue_draft(newsletter=security)
    IssueItem.objects.filter(issue=issue).update(note=NOTE)
    html, text = rendered(issue)
    [item] = issue_items(issue, pro=False)
    url = item.url
    assert url.startswith("https://news.example.com/")
    assert "Why it matters:" in html and "<b>second drone workshop</b>" in html
    assert html.index("second drone workshop") < html.index(f'href="{url}"')
    assert "Why it matters: Minsk could become a second drone workshop for Moscow." in text
    assert text.index("second drone workshop") < text.index(url)


def test_intro_sections_and_sign_off_are_written_into_the_email(site, security, security_story):
    second = factories.ArticleFactory(parent=site.security, title="Militias regroup", published_at=recently())
    issue = issue_draft(newsletter=security)
    issue.intro = "Good evening. Two stories from Minsk and Baghdad."
    issue.sign_off = "Back tomorrow. — The security desk"
    issue.save()
    issue.items.filter(article=second).update(heading="Next up")
    html, text = rendered(issue)
    for part in (issue.intro, "Next up", "Back tomorrow. — The security desk"):
        assert part in html
    assert html.index("Good evening") < html.index(security_story.title) < html.index("Back tomorrow")
    assert "NEXT UP" in text and text.index("NEXT UP") < text.index("Militias regroup")
    assert text.index("Militias regroup") < text.index("Back tomorrow")


def test_the_briefing_name_appears_once_in_the_masthead(security, security_story):
    issue = issue_draft(newsletter=security)
    html, _ = rendered(issue)
    masthead = re.search(r'<td class="masthead".*?</td>', html, re.S)
    assert masthead is not None and masthead.group(0).count("Security Briefing") == 1


def test_pro_items_stay_a_teaser_for_free_readers_whatever_the_note(site, security):
    factories.ArticleFactory(
        parent=site.security, title="Inside the drone plant", access=Access.PRO, published_at=recently()
    )
    issue = issue_draft(newsletter=security)
    IssueItem.objects.filter(issue=issue).update(note=NOTE)
    free_html, free_text = rendered(issue, pro=False)
    pro_html, _ = rendered(issue, pro=True)
    assert "PRO members read the full story" in free_html and "second drone workshop" in free_html
    assert "PRO members read the full story" not in pro_html
    assert "Second paragraph." not in free_text


def test_a_redraft_keeps_the_notes_the_editor_wrote(security, security_story):
    issue = issue_draft(newsletter=security)
    IssueItem.objects.filter(issue=issue).update(note=NOTE, heading="Top story")
    issue_draft(newsletter=security, issue=issue)
    [item] = issue.items.all()
    assert item.note == NOTE and item.heading == "Top story"


def test_the_desk_lists_items_with_their_notes_in_the_right_plural(client, bob, security, security_story):
    issue = issue_draft(newsletter=security)
    IssueItem.objects.filter(issue=issue).update(note=NOTE)
    client.force_login(bob)
    page = client.get(f"/admin/newsletters/issue/{issue.pk}/desk/").content.decode()
    assert "In this issue: 1 item" in page and "second drone workshop" in page
    assert "1 articles" not in page
