import io

import pytest
from django.core import mail
from django.test import Client
from docx import Document
from playwright.sync_api import expect
from pptx import Presentation

from monitor.registry import registry_seed
from tests.factories import ArticleFactory, build_site, paragraphs
from tests.membership.cast import pro_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSAGE_1 = "Iranian engineers visited Belarus to study drone production."
PASSAGE_2 = "The plant would spare Russia the long haul from Iran."


def _signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(accept_downloads=True)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_pro_member_sets_an_alert_gets_the_email_and_exports_clips(browser, live_server):
    site = build_site()
    registry_seed()
    member = pro_member("priya")
    context, page = _signed_in(browser, live_server, member)

    # An alert on Belarus, as it happens.
    page.goto(live_server.url + "/monitor/alerts/")
    page.get_by_label("Name").fill("Belarus watch")
    page.get_by_label("Entities").fill("Belarus")
    page.get_by_label("As it happens").check()
    page.get_by_role("button", name="Save alert").click()
    assert "Belarus watch" in page.content()

    # An editor publishes a story that names Belarus; the alert email arrives.
    story = ArticleFactory(
        parent=site.security,
        title="Drone plant plans in Belarus",
        body=paragraphs(PASSAGE_1, PASSAGE_2),
    )
    alerts = [m for m in mail.outbox if member.email in m.to]
    assert alerts, "no alert email reached the member"
    assert "Drone plant plans in Belarus" in alerts[-1].body
    assert story.full_url in alerts[-1].body or story.url in alerts[-1].body

    # Two passages clipped into a new briefing book from the story page.
    page.goto(live_server.url + story.url)
    expect(page.get_by_role("link", name="Belarus").first).to_be_visible()
    page.get_by_role("link", name="Paste a passage and add a note").click()
    page.get_by_label("New briefing book name").fill("Drones in Belarus")
    page.get_by_label("Passage").fill(PASSAGE_1)
    page.get_by_role("button", name="Clip").click()
    page.goto(live_server.url + f"/monitor/clip/{story.pk}/")
    page.get_by_label("Folder", exact=True).select_option(label="Drones in Belarus")
    page.get_by_label("Passage").fill(PASSAGE_2)
    page.get_by_role("button", name="Clip").click()

    page.goto(live_server.url + "/monitor/briefings/")
    page.get_by_role("link", name="Drones in Belarus").click()
    with page.expect_download() as word:
        page.get_by_role("link", name="Word").click()
    document = Document(io.BytesIO(open(word.value.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert PASSAGE_1 in text and PASSAGE_2 in text
    assert "Drone plant plans in Belarus" in text

    with page.expect_download() as slides:
        page.get_by_role("link", name="PowerPoint").click()
    deck = Presentation(io.BytesIO(open(slides.value.path(), "rb").read()))
    deck_text = "\n".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
    )
    assert len(deck.slides) >= 2
    assert PASSAGE_1 in deck_text and PASSAGE_2 in deck_text
    context.close()
