"""Leaving restricted pages out of a listing must not walk the page table once per row listed."""

from __future__ import annotations

import pytest
from django.db import connection

from newsroom.models import InfoPage, without_view_restrictions

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_restriction_check_looks_pages_up_by_key_instead_of_scanning_them():
    query = without_view_restrictions(InfoPage.objects.live().filter(in_footer=True)).order_by("path")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        # With table statistics (as after ANALYZE or PRAGMA optimize on a live site), SQLite's
        # choice of plan is the one a large archive gets.
        cursor.execute("ANALYZE")
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    page_scans = [
        step
        for step in plan
        if step.startswith("SCAN")
        and ("sqlite_autoindex_wagtailcore_page" in step or step.split()[1] == "wagtailcore_page")
    ]
    # The one scan of the page table is the listing itself; inside the per-row check, pages are
    # only searched by primary key (with a join, SQLite scanned every page for every row: minutes
    # for a footer over 100,000 stories).
    assert len(page_scans) == 1, plan
    assert any("INTEGER PRIMARY KEY" in step for step in plan), plan
