"""Imports from WordPress, Ghost and Mailchimp: once, cleaned, with clear reports on bad input."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect

from core.access import Access
from core.entitlement import user_is_pro
from imports.articles import BadExport
from imports.ghost import ghost_import
from imports.mailchimp import mailchimp_import
from imports.models import ImportedItem
from imports.wordpress import wordpress_import
from newsletters.models import Consent, Newsletter, Subscriber, Subscription
from newsroom.models import ArticlePage, AuthorPage, TopicPage
from tests.imports.samples import ghost_export, write_ghost, write_mailchimp, write_wxr, wxr_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_newsletter(db):
    return Newsletter.objects.get_or_create(
        slug="security", defaults={"name": "Security Briefing", "description": "x"}
    )[0]


def test_a_wordpress_export_brings_posts_pages_authors_topics_dates_and_redirects(site, tmp_path):
    path = write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2, type="page", title="About us", slug="about"),
                                           wxr_item(3, status="draft")])  # fmt: skip
    report = wordpress_import(path=path, section=site.gulf)
    assert report.created == 2 and not report.errors
    story = ArticlePage.objects.get(title="Old story 1")
    assert story.get_parent().slug == "security"  # its category names one of our sections
    assert story.live and story.dek == "Why old story 1 matters."
    assert story.published_at.isoformat().startswith("2022-05-11T09:30")
    assert [a.title for a in story.authors.all()] == ["Hana Haddad"]
    assert [t.slug for t in story.topics.all()] == ["drones"]
    assert [b.block_type for b in story.body] == ["paragraph", "heading", "paragraph"]
    assert story.hero_caption == "Trucks queue at Astara, 2 May 2023."
    assert Redirect.objects.get(old_path="/2022/05/old-story-1").redirect_page.pk == story.pk
    assert not ArticlePage.objects.filter(title="Old story 3").exists()
    assert AuthorPage.objects.filter(title="Hana Haddad").count() == 1


def test_running_an_import_twice_changes_nothing(site, tmp_path):
    path = write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)])
    wordpress_import(path=path, section=site.gulf)
    before = (ArticlePage.objects.count(), Redirect.objects.count(), ImportedItem.objects.count())
    again = wordpress_import(path=path, section=site.gulf)
    assert again.created == 0 and again.skipped == 2
    assert (ArticlePage.objects.count(), Redirect.objects.count(), ImportedItem.objects.count()) == before


def test_a_dry_run_reports_and_saves_nothing(site, tmp_path):
    path = write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)])
    count = ArticlePage.objects.count()
    report = wordpress_import(path=path, section=site.gulf, dry_run=True)
    assert report.created == 2 and "Dry run" in report.summary()
    assert ArticlePage.objects.count() == count and not ImportedItem.objects.exists()


def test_a_truncated_export_is_refused_before_anything_is_written(site, tmp_path):
    path = write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)], close=False)
    path.write_text(path.read_text()[:-200])
    count = ArticlePage.objects.count()
    with pytest.raises(BadExport, match="not a complete WordPress export"):
        wordpress_import(path=path, section=site.gulf)
    assert ArticlePage.objects.count() == count
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_wordpress", str(path), stdout=StringIO())


def test_a_bad_item_is_reported_and_the_rest_imported(site, tmp_path):
    bad = wxr_item(2).replace("2022-05-12 09:30:00", "yesterday at noon")
    report = wordpress_import(path=write_wxr(tmp_path / "wp.xml", [wxr_item(1), bad, wxr_item(3)]), section=site.gulf)
    assert report.created == 2
    assert len(report.errors) == 1 and "Old story 2" in report.errors[0] and "date" in report.errors[0]


def test_scripts_and_event_handlers_never_reach_a_story(site, tmp_path):
    html = (
        '<p onclick="steal()">Hi <a href="javascript:alert(1)">there</a></p>'
        "<script>alert(2)</script><img src=x onerror=alert(3)>"
    )
    wordpress_import(path=write_wxr(tmp_path / "wp.xml", [wxr_item(1, html=html)]), section=site.gulf)
    stored = str(ArticlePage.objects.get(title="Old story 1").body.raw_data)
    for bad in ("onclick", "javascript:", "<script", "alert(2)", "onerror"):
        assert bad not in stored
    assert "Hi" in stored


def test_the_command_prints_a_report(site, tmp_path):
    out = StringIO()
    call_command("import_wordpress", str(write_wxr(tmp_path / "wp.xml", [wxr_item(1)])), "--section=gulf", stdout=out)
    assert "1 new" in out.getvalue()


def test_a_ghost_export_brings_posts_with_access_tags_and_members(site, tmp_path, security_newsletter):
    report = ghost_import(path=write_ghost(tmp_path / "ghost.json"), section=site.gulf)
    assert not report.errors, report.errors
    public = ArticlePage.objects.get(slug="ghost-public-story")
    paid = ArticlePage.objects.get(slug="ghost-paid-story")
    assert public.access == Access.FREE and paid.access == Access.PRO
    assert public.hero_caption == "Tehran at dusk." and public.dek == "A free piece."
    assert [t.slug for t in public.topics.all()] == ["iran"]  # the internal tag stays out
    assert [a.title for a in paid.authors.all()] == ["Omar Nasser"]
    assert "script" not in str(public.body.raw_data) and "onclick" not in str(public.body.raw_data)
    assert not ArticlePage.objects.filter(slug="draft").exists()
    reader = Subscriber.objects.get(email="reader@example.com")
    assert reader.subscriptions.get().newsletter == security_newsletter
    assert Consent.objects.filter(subscriber=reader, action=Consent.Action.IMPORTED).count() == 1
    comped = Subscriber.objects.get(email="comped@example.com")
    assert comped.user is not None and user_is_pro(comped.user)
    assert Subscriber.objects.filter(email="payer@example.com").exists()
    assert any("paid members" in what for what in report.counts)
    assert ghost_import(path=write_ghost(tmp_path / "ghost.json"), section=site.gulf).created == 0


def test_malformed_ghost_json_is_refused_before_anything_is_written(site, tmp_path):
    path = tmp_path / "ghost.json"
    path.write_text(write_ghost(tmp_path / "ok.json").read_text()[:-40])
    with pytest.raises(BadExport, match="not a complete Ghost export"):
        ghost_import(path=path, section=site.gulf)
    assert not ImportedItem.objects.exists()


def test_duplicate_member_emails_make_one_subscriber(site, tmp_path, security_newsletter):
    members = [
        {"id": "a", "email": "twin@example.com", "status": "free"},
        {"id": "b", "email": "TWIN@example.com", "status": "free"},
        {"id": "c", "email": "not an email", "status": "free"},
    ]
    report = ghost_import(
        path=write_ghost(tmp_path / "g.json", ghost_export(posts=[], members=members)), section=site.gulf
    )
    assert Subscriber.objects.filter(email="twin@example.com").count() == 1
    assert len(report.errors) == 1 and "not an email" in report.errors[0]


def test_a_mailchimp_audience_joins_one_newsletter_with_consent_dates(tmp_path, security_newsletter):
    report = mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=security_newsletter)
    assert report.created == 2 and report.skipped == 1  # the repeated address
    one = Subscriber.objects.get(email="mc.one@example.com")
    assert one.name == "Mira Saleh"
    subscription = Subscription.objects.get(subscriber=one)
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.confirmed_at.isoformat().startswith("2022-03-01T10:05")
    again = mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=security_newsletter)
    assert again.created == 0 and Subscription.objects.count() == 2


def test_a_mailchimp_import_never_resubscribes_someone_who_left(tmp_path, security_newsletter):
    mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=security_newsletter)
    Subscription.objects.filter(subscriber__email="mc.two@example.com").update(status=Subscription.Status.UNSUBSCRIBED)
    ImportedItem.objects.all().delete()  # as if a different export of the same audience
    mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=security_newsletter)
    assert Subscription.objects.get(subscriber__email="mc.two@example.com").status == Subscription.Status.UNSUBSCRIBED


def test_a_csv_without_the_email_column_is_refused(tmp_path, security_newsletter):
    path = tmp_path / "x.csv"
    path.write_text("name,address\nA,B\n")
    with pytest.raises(BadExport, match="Email Address"):
        mailchimp_import(path=path, newsletter=security_newsletter)


def test_topics_made_by_an_import_are_live_pages(site, tmp_path):
    wordpress_import(path=write_wxr(tmp_path / "wp.xml", [wxr_item(1)]), section=site.gulf)
    assert TopicPage.objects.get(slug="drones").live
