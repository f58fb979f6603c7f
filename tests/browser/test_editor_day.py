"""An editor's day in the admin, pressing the real buttons: a story whose authors, topics and
entities are found with the choosers' search boxes, stopped by a pre-publish check, fixed and
published; then the Daily Briefing drafted, annotated, previewed, tested and sent through the
confirmation, arriving with the editor's note above the link."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from monitor.models import ArticleEntity, Entity
from newsletters.models import Newsletter
from newsroom.models import ArticlePage
from tests.browser.doors import security_briefing_with_story
from tests.factories import UserFactory
from tests.newsletters.conftest import make_subscribers
from tests.smtp import smtp_server  # noqa: F401  (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Minsk could become a second workshop for the drones Russia fires at Ukraine."


@pytest.fixture
def desk(live_server, settings, smtp_server):  # noqa: F811
    # The edit pages' presence pings and autosave would write to the test's shared in-memory
    # SQLite while a form is being saved ("table is locked"); the buttons are what is tested here.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    story, _security = security_briefing_with_story(settings, live_server.url)
    editor = UserFactory(username="desk-editor", is_staff=True, email="desk@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    daily = Newsletter.objects.get(slug="daily-briefing")
    make_subscribers(daily, 2)
    Entity.objects.create(kind="country", name="Turkey", slug="turkey")
    Entity.objects.create(kind="company", name="Turkish Petroleum", slug="turkish-petroleum")
    return story, editor, daily


def test_an_editor_publishes_a_checked_story_then_writes_and_sends_the_daily_briefing(
    page,
    live_server,
    desk,
    smtp_server,  # noqa: F811
):
    story, editor, _daily = desk
    page.set_default_timeout(30_000)

    # Signs in through the admin's sign-in page.
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Stories today")).to_be_visible()

    # A PRO story, its byline, topic and entity found by searching: no teaser marker, so it is stopped.
    page.get_by_role("link", name="Security", exact=True).first.click()
    page.wait_for_url("**/admin/pages/add/newsroom/articlepage/**")
    page.locator("#id_title").fill("Kirkuk–Ceyhan pipeline reopens")
    page.locator("#id_dek").fill("Oil flows again from Iraq to the Turkish coast.")
    page.locator("#id_access").select_option("pro")
    expect(page.locator("select#id_authors, select#id_topics")).to_have_count(0)  # no Ctrl-click lists
    choose(page, "id_authors", "repor", "Dana Reporter")
    choose(page, "id_topics", "ira", "Iran")
    choose(page, "id_entities", "turk", "Turkey", among=2)
    publish(page)
    expect(page.get_by_text("This story cannot be published yet")).to_be_visible()
    expect(page.get_by_text("Teaser ends here").first).to_be_visible()
    expect(page.get_by_role("button", name="Remove Dana Reporter")).to_be_visible()  # choices kept

    # Fixed: the editor inserts the "Teaser ends here" marker in the body, and it publishes,
    # with a slug that keeps the dash.
    body = page.locator("[data-contentpath='body']").first
    body.locator(".c-sf-add-button").first.click()
    page.locator("[role=option], .w-combobox__option").filter(has_text=re.compile("^Teaser ends here$")).first.click()
    publish(page)
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/?$"))
    article = ArticlePage.objects.get(title__startswith="Kirkuk")
    assert article.live and article.slug == "kirkuk-ceyhan-pipeline-reopens"
    assert [block.block_type for block in article.body] == ["teaser_end"]
    assert [a.title for a in article.authors.all()] == ["Dana Reporter"]
    assert [t.title for t in article.topics.all()] == ["Iran"]
    tag = ArticleEntity.objects.get(article=article, entity__slug="turkey")
    assert not tag.removed and tag.source == ArticleEntity.Source.EDITOR

    # Drafts the Daily Briefing from the desk's first screen.
    page.goto(live_server.url + "/admin/newsletters/issue/")
    page.get_by_role("button", name="New issue of Daily Briefing").click()
    page.wait_for_url("**/desk/")
    expect(page.get_by_text(re.compile(r"Found 2 stories")).first).to_be_visible()
    found = re.search(r"/issue/(\d+)/desk/", page.url)
    assert found
    issue_pk = int(found.group(1))

    # Writes a note on the story from this morning.
    page.get_by_role("link", name=re.compile("Write: notes")).click()
    index = next(n for n in range(10) if page.input_value(f"#id_items-{n}-article") == str(story.pk))
    field = page.locator(f"#id_items-{index}-note").locator("xpath=ancestor::*[contains(@class,'w-field__input')][1]")
    editor_box = field.locator("[contenteditable=true]").first
    editor_box.click()
    editor_box.type(NOTE)
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_items-{index}-note")).to_have_value(re.compile("second workshop"))
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/desk/")
    expect(page.get_by_text(NOTE).first).to_be_visible()

    # Previews it as a reader will see it.
    preview = page.context.new_page()
    preview.goto(f"{live_server.url}/admin/newsletters/issue/{issue_pk}/preview/html/")
    expect(preview.get_by_text(NOTE)).to_be_visible()
    preview.close()

    # Sends a test to themself.
    page.get_by_role("button", name=re.compile("Send a test to me")).click()
    [test_copy] = smtp_server.wait_for(editor.email)
    assert NOTE in test_copy.text

    # Sends to the list through the confirmation.
    page.get_by_role("link", name="Send now…").click()
    expect(page.get_by_role("heading", name="Send to 2 subscribers of Daily Briefing now?")).to_be_visible()
    page.get_by_role("button", name="Send to 2 subscribers").click()
    page.wait_for_url("**/desk/")

    received = smtp_server.wait_for("reader0@example.org")[-1]
    story_url = live_server.url + story.url
    assert NOTE in received.text and received.text.index(NOTE) < received.text.index(story_url)
    assert received.html.index("second workshop") < received.html.index(f'href="{story_url}"')


def choose(page, field_id: str, query: str, name: str, among: int = 1) -> None:
    """Type part of a name in a chooser's search box and pick the match, as an editor does."""
    page.locator(f"#{field_id}").fill(query)
    results = page.locator(f"#{field_id}-results").get_by_role("option")
    expect(results).to_have_count(among)
    results.filter(has_text=name).first.click()
    expect(page.get_by_role("button", name=f"Remove {name}")).to_be_visible()


def publish(page) -> None:
    """Open the footer's action menu and press Publish, as an editor does."""
    footer = page.locator("footer")
    publish_button = footer.locator('button[name="action-publish"]')
    if not publish_button.is_visible():
        footer.get_by_role("button", name=re.compile("More actions", re.I)).click()
    publish_button.click()
