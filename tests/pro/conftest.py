import pytest

from tests.pro.builders import make_memo, make_report

MEMO_SECRET = "Belarusian lines could assemble Shaheds within a year."
REPORT_SECRET = "Deliveries tripled in three quarters."


@pytest.fixture
def memo(db):
    return make_memo(secret=MEMO_SECRET)


@pytest.fixture
def report(db):
    return make_report(secret=REPORT_SECRET)
