"""Schemathesis runs the published OpenAPI schema against a live server: no 5xx, no schema violations."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from api.keys import api_key_create
from core.access import Access
from tests.factories import ArticleFactory, paragraphs
from tests.membership.cast import pro_member

pytestmark = pytest.mark.django_db(transaction=True)
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


def _schemathesis(live_server, *extra: str) -> subprocess.CompletedProcess[str]:
    binary = Path(sys.executable).with_name("schemathesis")
    command = [str(binary), "run", f"{live_server.url}/api/v1/openapi.json", "--checks", CHECKS,
               "--max-examples", "8", "--workers", "1", "--generation-deterministic",
               "--suppress-health-check", "all", "--request-timeout", "30", *extra]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_HOOKS": ""}
    return subprocess.run(command, capture_output=True, text=True, timeout=900, env=env, check=False)


@pytest.fixture
def content(site):
    ArticleFactory(
        parent=site.security,
        access=Access.PRO,
        topics=[site.iran],
        authors=[site.reporter],
        published_at=timezone.now() - dt.timedelta(hours=1),
        body=[*paragraphs("Open teaser.", "Paid part."), ("heading", "Next")],
    )
    ArticleFactory(parent=site.gulf)


@pytest.mark.parametrize("with_key", [False, True], ids=["anonymous", "pro_key"])
def test_the_api_meets_its_own_schema(live_server, content, settings, with_key):
    settings.API_KEY_RATE_LIMIT = 100_000
    extra: list[str] = []
    if with_key:
        _, raw = api_key_create(owner=pro_member("schemer"), name="Schemathesis")
        extra = ["--header", f"Authorization: Bearer {raw}"]
    result = _schemathesis(live_server, *extra)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # It really exercised the operations (a run that tested nothing would also exit 0).
    tested = re.search(r"Tested: (\d+)", result.stdout)
    cases = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert tested and int(tested.group(1)) >= 14, result.stdout[-3000:]
    assert cases and int(cases.group(1)) > 100 and cases.group(1) == cases.group(2), result.stdout[-3000:]
