import datetime as dt

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from monitor.registry import registry_seed, seed_entries
from monitor.tagger import Tagger
from tests.factories import ArticleFactory, UserFactory, paragraphs

LEAD_PARAGRAPHS = [
    "Iran's defence minister, Brig. Gen. Mohammad Reza Ashtiani, and his Belarusian counterpart, Gen. Viktor "
    "Khrenin, signed a memorandum of understanding in Tehran on Monday, the state news agency IRNA reported.",
    "They also discussed the war in Ukraine. Belarus is a close ally of Russia, and Alexander Lukashenko speaks "
    "often with Vladimir Putin.",
    "In March Lukashenko visited Tehran and met President Ebrahim Raisi and Supreme Leader Ali Khamenei.",
    "In May the Iranian carmaker SAIPA agreed to export vehicles to Belarus, and Iranian engineers looked at "
    "producing Shahed drones there, Ukraine's National Resistance Center said.",
    "The Financial Times reported that Iran is helping Russia build a drone plant in Tatarstan; the United States "
    "said a plant east of Moscow was planned.",
]


@pytest.fixture
def registry(db):
    registry_seed()


@pytest.fixture
def alice(db):
    """A PRO member (staff count as PRO until memberships exist)."""
    return UserFactory(username="alice", is_staff=True, email="alice@example.com")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish an article the way an editor does, running what publishing enqueues."""

    def _publish(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return ArticleFactory(**kwargs)

    return _publish


@pytest.fixture
def lead(site, registry, publish):
    return publish(
        parent=site.security,
        title="Iran and Belarus sign a defence memorandum in Tehran",
        slug="iran-belarus-defence-mou",
        dek="The two allies of Moscow agreed to deepen military cooperation.",
        body=[
            *paragraphs(*LEAD_PARAGRAPHS[:3]),
            ("why_it_matters", {"body": RichText(f"<p>{LEAD_PARAGRAPHS[3]}</p>")}),
            ("know_more", {"body": RichText(f"<p>{LEAD_PARAGRAPHS[4]}</p>")}),
        ],
        published_at=timezone.now() - dt.timedelta(days=1),
    )


@pytest.fixture(scope="module")
def tagger():
    """The dictionary stage built from the registry's seed files (no database)."""
    return Tagger(seed_entries())
