import pytest
from django.test import Client
from playwright.sync_api import expect

from monitor import discovery
from monitor.models import SuggestedEntity
from monitor.registry import registry_seed
from tests.factories import ArticleFactory, UserFactory, build_site, paragraphs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING),
]


def test_an_editor_approves_a_suggested_name_and_sees_it_on_the_story_and_its_entity_page(browser, live_server):
    site = build_site()
    registry_seed()
    story = ArticleFactory(
        parent=site.security,
        title="Syria's police to be reorganised",
        body=paragraphs(
            "Interior minister Anas Qattawi visited Homs on Tuesday.",
            "Qattawi said the police would be reorganised before the summer.",
        ),
    )
    assert SuggestedEntity.objects.filter(name="Anas Qattawi").exists()

    # Signing in is not what this test is about: plant the editor's session.
    editor = UserFactory(username="desk", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(editor)
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/admin/monitor/suggestions/")
    row = page.locator("tr", has_text="Anas Qattawi")
    expect(row.get_by_text("Interior minister Anas Qattawi visited Homs on Tuesday.")).to_be_visible()
    expect(row.get_by_label("Kind of Anas Qattawi")).to_have_value("person")
    row.get_by_role("button", name="Approve Anas Qattawi").click()
    expect(page.get_by_text("“Anas Qattawi” added to the registry")).to_be_visible()
    expect(page.locator('tr[data-suggestion="Anas Qattawi"]')).to_have_count(0)

    page.goto(live_server.url + story.url)
    link = page.get_by_role("link", name="Anas Qattawi").first
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", name="Anas Qattawi").first).to_be_visible()
    expect(page.get_by_role("link", name="Syria's police to be reorganised").first).to_be_visible()
    context.close()
