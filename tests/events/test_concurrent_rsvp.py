import threading

import pytest
from django.db import connection

from events.models import Registration, Status
from events.services import RegistrationError, registration_create
from tests.events.builders import make_gathering
from tests.membership.cast import pro_member


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (set DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_rsvps_never_pass_the_capacity():
    event = make_gathering(capacity=3)
    people = [pro_member(f"racer{n}") for n in range(8)]
    outcomes: list[str] = []
    barrier = threading.Barrier(len(people))

    def rsvp(user) -> None:
        try:
            barrier.wait()
            outcomes.append(registration_create(event=event, user=user).registration.status)
        except RegistrationError as error:
            outcomes.append(error.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=rsvp, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Registration.objects.filter(event=event, status=Status.CONFIRMED).count() == 3
    assert Registration.objects.filter(event=event, status=Status.WAITLISTED).count() == 5
    assert sorted(outcomes) == sorted([Status.CONFIRMED] * 3 + [Status.WAITLISTED] * 5)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (set DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_one_member_clicking_twice_at_once_gets_one_registration():
    event = make_gathering(capacity=3)
    alice = pro_member("alice")
    barrier = threading.Barrier(2)

    def rsvp() -> None:
        try:
            barrier.wait()
            registration_create(event=event, user=alice)
        finally:
            connection.close()

    threads = [threading.Thread(target=rsvp) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Registration.objects.filter(event=event, user=alice).count() == 1
