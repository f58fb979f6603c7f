import pytest

from tests.events.builders import make_gathering, make_qa
from tests.membership.cast import pro_member


@pytest.fixture
def erin(db):
    return pro_member("erin")


@pytest.fixture
def frank(db):
    return pro_member("frank")


@pytest.fixture
def qa(db):
    return make_qa()


@pytest.fixture
def gathering(db):
    return make_gathering()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): …` runs what the block queued for after the commit (emails, tasks)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
