import pytest

from tests.membership.cast import pro_member, verified_user
from tests.pro.builders import make_memo, make_report

MEMO_SECRET = "Belarusian lines could assemble Shaheds within a year."
REPORT_SECRET = "Deliveries tripled in three quarters."


@pytest.fixture
def alice(db):
    return pro_member("alice")


@pytest.fixture
def dora(db):
    return verified_user("dora")


@pytest.fixture
def memo(db):
    return make_memo(secret=MEMO_SECRET)


@pytest.fixture
def report(db):
    return make_report(secret=REPORT_SECRET)
