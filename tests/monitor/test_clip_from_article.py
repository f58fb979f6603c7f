from monitor.models import BriefingFolder, Clip
from tests.monitor.conftest import LEAD_PARAGRAPHS


def test_a_pro_member_clips_a_paragraph_from_the_form_under_the_story(client, alice, lead):
    client.force_login(alice)
    older = BriefingFolder.objects.create(owner=alice, name="Older book")
    recent = BriefingFolder.objects.create(owner=alice, name="Gulf drones")
    Clip.objects.create(folder=recent, title="Earlier", url="https://example.com/a")
    page = client.get(lead.url).content.decode()
    assert 'id="clip-heading"' in page and "js/monitor_clip.js" in page
    # The last-used book is chosen; every paragraph the member may read is offered.
    assert f'<option value="{recent.pk}" selected>Gulf drones</option>' in page
    assert f'<option value="{older.pk}">' in page
    assert 'value="They also discussed the war in Ukraine.' in page
    response = client.post(
        f"/monitor/clip/{lead.pk}/",
        {"passage": LEAD_PARAGRAPHS[1], "folder": recent.pk, "return_to": "article"},
    )
    assert response.status_code == 302 and response["Location"].startswith(lead.url)
    clip = recent.clips.get(passage=LEAD_PARAGRAPHS[1])
    # The citation travels with the clip.
    assert clip.title == lead.title and clip.url.endswith(lead.url) and clip.published_at == lead.published_at
    assert "Clipped to “Gulf drones”." in client.get(lead.url).content.decode()


def test_the_clip_button_posts_a_selection_and_gets_json(client, alice, lead):
    client.force_login(alice)
    book = BriefingFolder.objects.create(owner=alice, name="Belarus")
    selection = "Belarus is a close ally of Russia"
    response = client.post(
        f"/monitor/clip/{lead.pk}/", {"passage": selection, "folder": book.pk}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"ok": True, "folder": "Belarus", "url": book.get_absolute_url()}
    assert book.clips.get().passage == selection
    invented = client.post(
        f"/monitor/clip/{lead.pk}/",
        {"passage": "Belarus will join NATO", "folder": book.pk},
        HTTP_ACCEPT="application/json",
    )
    assert invented.status_code == 400 and "not in this article" in invented.json()["errors"][0]
    assert book.clips.count() == 1


def test_readers_without_pro_get_no_clip_form(client, lead):
    assert 'id="clip-heading"' not in client.get(lead.url).content.decode()
    assert client.post(f"/monitor/clip/{lead.pk}/", {"passage": "", "new_folder": "x"}).status_code == 403
    assert not Clip.objects.exists()
