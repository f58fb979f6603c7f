import pytest

from events.models import Registration
from tests.events.builders import make_gathering

pytestmark = pytest.mark.django_db


def test_only_invited_addresses_may_rsvp(client, alice, erin):
    event = make_gathering(slug="closed-door", invitation_only=True, invited_emails="Alice@Example.com\nother@x.org")
    client.force_login(erin)
    response = client.post(f"/pro/events/{event.slug}/register/")
    assert response.status_code == 403
    assert b"by invitation only" in response.content
    client.force_login(alice)
    assert client.post(f"/pro/events/{event.slug}/register/").status_code == 302
    assert list(Registration.objects.values_list("user__username", flat=True)) == ["alice"]


def test_a_team_invitation_admits_its_seats(client, erin, frank):
    from membership.models import Plan, Seat, Team

    team = Team.objects.create(name="Gulf Analytics", admin=erin, plan=Plan.objects.first(), seats=3)
    Seat.objects.create(team=team, user=frank)
    event = make_gathering(slug="team-event", invitation_only=True, invited_team=team)
    client.force_login(frank)
    assert client.post(f"/pro/events/{event.slug}/register/").status_code == 302
    client.force_login(erin)  # admin without a seat is not on the list
    assert client.post(f"/pro/events/{event.slug}/register/").status_code == 403


def test_a_member_not_on_the_list_sees_why_instead_of_the_button(client, erin):
    event = make_gathering(slug="closed", invitation_only=True, invited_emails="someone@else.org")
    client.force_login(erin)
    body = client.get(f"/pro/events/{event.slug}/").content.decode()
    assert "by invitation only" in body
    assert ">RSVP</button>" not in body
