import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsletters.models import Consent, Subscriber, Subscription

pytestmark = pytest.mark.django_db

CSV = """email,name,newsletters,consent_date
ana@example.org,Ana,security;gulf,2023-05-01
not-an-email,Bad,security,2023-05-01
ben@example.org,Ben,no-such-letter,2023-05-01
cy@example.org,Cy,iraq,
dee@example.org,Dee,turkey,2023-06-02T09:30:00
"""


@pytest.fixture
def csv_file(tmp_path, security):
    path = tmp_path / "subscribers.csv"
    path.write_text(CSV)
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_subscribers", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_rows_are_imported_and_bad_ones_reported_with_line_numbers(csv_file):
    out, err = run(str(csv_file))
    assert "line 3:" in err and "line 4:" in err and "unknown newsletter" in err and "line 5:" in err
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"ana@example.org", "dee@example.org"}
    assert Subscription.objects.filter(status="active").count() == 3
    consent = Consent.objects.get(subscriber__email="dee@example.org")
    assert consent.action == "imported" and consent.at.date().isoformat() == "2023-06-02"
    assert "Imported 2 of 5 rows" in out and "3 rows with errors" in out


def test_a_dry_run_stores_nothing(csv_file):
    out, _ = run(str(csv_file), "--dry-run")
    assert "Dry run" in out and "2 new subscribers" in out
    assert not Subscriber.objects.exists()


def test_importing_twice_adds_nothing_and_never_resubscribes_someone_who_left(csv_file):
    run(str(csv_file))
    Subscription.objects.filter(subscriber__email="ana@example.org", newsletter__slug="gulf").update(
        status="unsubscribed"
    )
    out, _ = run(str(csv_file))
    assert "0 new subscribers" in out and "1 had unsubscribed" in out
    assert Subscription.objects.get(subscriber__email="ana@example.org", newsletter__slug="gulf").status == (
        "unsubscribed"
    )


def test_a_file_without_the_needed_columns_is_refused(tmp_path, db):
    path = tmp_path / "bad.csv"
    path.write_text("mail,who\nx@example.org,X\n")
    with pytest.raises(CommandError, match="columns"):
        run(str(path))


def test_export_writes_what_import_reads(csv_file, tmp_path):
    run(str(csv_file))
    target = tmp_path / "out.csv"
    call_command("export_subscribers", "--output", str(target), stdout=io.StringIO())
    lines = target.read_text().splitlines()
    assert lines[0] == "email,name,newsletters,consent_date,status"
    assert any(line.startswith("ana@example.org,Ana,security;gulf,2023-05-01") for line in lines)
    Subscriber.objects.all().delete()
    run(str(target))
    assert Subscription.objects.filter(status="active").count() == 3
