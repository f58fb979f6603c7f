import pytest

from tests.membership.stripe_fake import WEBHOOK_SECRET, StripeFake


@pytest.fixture
def stripe_fake(httpserver, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    return StripeFake(httpserver)
