import datetime as dt
import re

import pytest
from django.utils import timezone

from newsletters.models import Newsletter, Subscriber, Subscription
from newsletters.setup import ensure_briefings
from tests import factories
from tests.smtp import smtp_server  # noqa: F401  (shared fixture)


@pytest.fixture(autouse=True)
def _newsletter_settings(settings):
    settings.SITE_URL = "https://news.example.com"
    settings.NEWSLETTER_SEND_THREADS = 1  # inline, inside the test's transaction
    settings.NEWSLETTER_RETRY_SECONDS = 0
    settings.NEWSLETTER_TRANSPORT = "auto"


@pytest.fixture
def security(db, site):
    ensure_briefings()  # transactional tests may run after a flush
    newsletter = Newsletter.objects.get(slug="security")
    newsletter.sections.set([site.security])
    return newsletter


@pytest.fixture
def gulf(db, site):
    ensure_briefings()
    newsletter = Newsletter.objects.get(slug="gulf")
    newsletter.sections.set([site.gulf])
    return newsletter


@pytest.fixture
def security_story(site):
    # An explicit date: the factory's sequence pushes later stories ever further back.
    return factories.ArticleFactory(
        parent=site.security, title="Iran and Belarus sign a defence pact", published_at=recently()
    )


def recently() -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=1)


def make_subscribers(newsletter: Newsletter, count: int, prefix: str = "reader") -> list[Subscriber]:
    subscribers = []
    for n in range(count):
        subscriber = Subscriber.objects.create(email=f"{prefix}{n}@example.org", name=f"Reader {n}")
        Subscription.objects.create(subscriber=subscriber, newsletter=newsletter, status=Subscription.Status.ACTIVE)
        subscribers.append(subscriber)
    return subscribers


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)
