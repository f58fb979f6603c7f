"""The demo's PRO library is dated as of the stories it discusses: no item published years after
the events it treats as current."""

import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone

from events.models import Event
from newsroom.models import ArticlePage
from pro.models import MemoPage, TrendReportPage


def test_demo_memos_and_reports_are_dated_with_the_stories_they_discuss(db, client):
    call_command("load_demo", stdout=io.StringIO())
    latest_story = max(a.date for a in ArticlePage.objects.live())
    lead = (
        ArticlePage.objects.get(slug="iran-belarus-defence-mou")
        if ArticlePage.objects.filter(slug="iran-belarus-defence-mou").exists()
        else None
    )
    products = [*MemoPage.objects.live(), *TrendReportPage.objects.live()]
    assert len(products) == 3
    for page in products:
        assert page.date.year == 2023, (page.title, page.date)
        assert page.date <= latest_story + dt.timedelta(days=30)
        assert page.first_published_at == page.date
    memo = MemoPage.objects.get(slug="minsk-joins-tehrans-drone-pipeline")
    assert memo.date.date() >= dt.date(2023, 8, 21)  # after the memorandum it reads
    if lead is not None:
        assert memo.date >= lead.date
    # The listing shows the same date, written the site's one way.
    assert "23 Aug 2023" in client.get("/pro/memos/").content.decode()
    # An event in the past is dated in the past it discusses; upcoming ones name 2023 as history.
    past = Event.objects.get(slug="lukashenko-visit-live-qa")
    assert past.starts_at.year == 2023 and past.starts_at < timezone.now()
    upcoming = Event.objects.get(slug="drone-pipeline-live-qa")
    assert upcoming.starts_at > timezone.now() and "2023" in upcoming.teaser
