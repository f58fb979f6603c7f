import re

import pytest

from newsletters.models import Subscription
from newsletters.services import subscriber_for_user
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(security, gulf):
    [subscriber] = make_subscribers(security, 1)
    return subscriber


def active(subscriber):
    return set(
        Subscription.objects.filter(subscriber=subscriber, status="active").values_list("newsletter__slug", flat=True)
    )


def test_the_manage_page_shows_the_current_choices_without_an_account(client, subscriber):
    html = client.get(f"/newsletters/manage/{subscriber.token}/").content.decode()
    assert subscriber.email in html
    checked = re.findall(r'<input[^>]*value="([a-z-]+)"[^>]*checked', html)
    assert checked == ["security"]


def test_ticking_and_unticking_saves_the_choices(client, subscriber):
    response = client.post(f"/newsletters/manage/{subscriber.token}/", {"newsletters": ["gulf", "iraq"]})
    assert response.status_code == 302
    assert active(subscriber) == {"gulf", "iraq"}


def test_leaving_everything_is_one_button(client, subscriber):
    client.post(f"/newsletters/manage/{subscriber.token}/", {"newsletters": ["security"], "leave_all": "1"})
    assert active(subscriber) == set()


def test_an_unknown_manage_token_is_a_404(client, subscriber):
    assert client.get("/newsletters/manage/not-a-real-token/").status_code == 404


def test_a_signed_in_member_manages_newsletters_from_their_account(client, charlie, security):
    client.force_login(charlie)
    response = client.post("/newsletters/account/", {"newsletters": ["security"]})
    assert response.status_code == 302
    subscriber = subscriber_for_user(user=charlie)
    assert active(subscriber) == {"security"} and subscriber.user == charlie
    assert client.get("/newsletters/account/").status_code == 200


def test_the_account_page_asks_anonymous_visitors_to_sign_in(client):
    assert client.get("/newsletters/account/").status_code == 302


def test_saving_choices_leaves_newsletters_no_longer_offered_alone(client, subscriber, security):
    from newsletters.models import Newsletter

    retired = Newsletter.objects.get(slug="iraq")
    Subscription.objects.create(subscriber=subscriber, newsletter=retired, status="active")
    Newsletter.objects.filter(pk=retired.pk).update(is_active=False)
    client.post(f"/newsletters/manage/{subscriber.token}/", {"newsletters": ["gulf"]})
    assert active(subscriber) == {"gulf", "iraq"}
