"""Planning a send finds its PRO readers in a fixed number of queries, however many there are."""

import pytest

from newsletters.services import _pro_addresses
from tests.membership.cast import lapsed_member, pro_member, verified_user

pytestmark = pytest.mark.django_db


def test_pro_addresses_take_one_query_for_any_number_of_members(django_assert_max_num_queries):
    members = [pro_member(f"member{n}") for n in range(12)]
    lapsed_member("lapsed")
    verified_user("free")
    with django_assert_max_num_queries(1):
        addresses = _pro_addresses()
    assert addresses == {m.email.lower() for m in members}
