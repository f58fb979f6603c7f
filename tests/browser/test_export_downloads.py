"""An editor allowed to download stories signs in, finds Download exports and gets the file."""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from tests.factories import ArticleFactory, UserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_downloads_the_stories_from_the_admin(page, live_server, tmp_path):
    site = build_site()
    ArticleFactory(parent=site.security, title="Convoys cross at dawn")
    editor = UserFactory(username="export-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    exports = Group.objects.create(name="Archive exports")
    exports.permissions.add(Permission.objects.get(content_type__app_label="imports", codename="export_articles"))
    editor.groups.add(exports)
    page.set_default_timeout(60_000)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + "/admin/imports/exports/")
    expect(page.get_by_role("heading", name="Download exports")).to_be_visible()
    expect(page.get_by_role("link", name="Members and subscribers (CSV)")).to_have_count(0)
    shots = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"exports-{width}.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Stories (JSON)").click()
    stories = json.loads(Path(download.value.path()).read_text())
    assert "Convoys cross at dawn" in [s["title"] for s in stories]
