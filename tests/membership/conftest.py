import pytest

from tests.membership.cast import lapsed_member, pro_member, verified_user
from tests.membership.stripe_fake import WEBHOOK_SECRET, StripeFake


@pytest.fixture
def alice(db):
    """A PRO member (complimentary)."""
    return pro_member("alice")


@pytest.fixture
def dora(db):
    """A free member with a verified address."""
    return verified_user("dora")


@pytest.fixture
def lapsed(db):
    """A former PRO member."""
    return lapsed_member("lapsed")


@pytest.fixture
def stripe_fake(httpserver, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    return StripeFake(httpserver)
