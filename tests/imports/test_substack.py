"""A Substack export folder: posts with their HTML files, and the subscriber list."""

from __future__ import annotations

import pytest

from core.access import Access
from imports.substack import substack_import
from newsletters.models import Newsletter, Subscriber
from newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_substack_export_brings_posts_and_subscribers(site, tmp_path):
    Newsletter.objects.get_or_create(slug="security", defaults={"name": "Security", "description": "x"})
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts.csv").write_text(
        "post_id,post_date,is_published,email_sent_at,type,audience,title,subtitle\n"
        "101.minsk-deal,2023-08-21T10:00:00.000Z,true,,newsletter,only_paid,Minsk deal,Why it matters\n"
        "102.draft,,false,,newsletter,everyone,Draft,\n"
    )
    (tmp_path / "posts" / "101.minsk-deal.html").write_text("<p>Open part.</p><script>x()</script><p>Paid part.</p>")
    (tmp_path / "email_list.acme.csv").write_text(
        "email,active_subscription,expiry,plan,email_disabled,created_at\n"
        "free@example.com,false,,,false,2022-01-01T00:00:00.000Z\n"
        "payer@example.com,true,2024-01-01,yearly,false,2022-02-01T00:00:00.000Z\n"
    )
    report = substack_import(folder=tmp_path, section=site.gulf, newsletter_slug="security")
    assert not report.errors, report.errors
    story = ArticlePage.objects.get(title="Minsk deal")
    assert story.access == Access.PRO and story.dek == "Why it matters" and story.slug == "minsk-deal"
    assert "script" not in str(story.body.raw_data)
    assert Subscriber.objects.get(email="free@example.com").subscriptions.get().newsletter.slug == "security"
    assert substack_import(folder=tmp_path, section=site.gulf, newsletter_slug="security").created == 0
