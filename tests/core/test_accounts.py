"""One answer to which addresses a reader has proved: membership and newsletters both ask it."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from core.accounts import owns_verified_address, verified_addresses
from tests.membership.cast import verified_user

pytestmark = pytest.mark.django_db


def test_only_verified_addresses_count_whatever_their_case():
    dora = verified_user("dora", email="Dora@Example.com")
    EmailAddress.objects.create(user=dora, email="dora@unproved.example", verified=False)
    assert verified_addresses(dora) == {"dora@example.com"}
    assert owns_verified_address(dora, "DORA@example.com")
    assert not owns_verified_address(dora, "dora@unproved.example")


def test_anonymous_readers_have_no_addresses():
    assert verified_addresses(AnonymousUser()) == set()
