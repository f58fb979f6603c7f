import io

import pytest
from docx import Document
from pptx import Presentation

from monitor.models import BriefingFolder, Clip
from tests.membership.cast import live_team

PASSAGE_1 = "They also discussed the war in Ukraine."
PASSAGE_2 = "In March Lukashenko visited Tehran and met President Ebrahim Raisi and Supreme Leader Ali Khamenei."


@pytest.fixture
def folder(client, alice, lead):
    client.force_login(alice)
    client.post(f"/monitor/clip/{lead.pk}/", {"new_folder": "Iran and Belarus", "passage": PASSAGE_1, "note": "Key"})
    folder = BriefingFolder.objects.get(owner=alice)
    client.post(f"/monitor/clip/{lead.pk}/", {"folder": folder.pk, "passage": PASSAGE_2})
    return folder


def test_two_passages_are_clipped_into_a_folder(folder):
    assert list(folder.clips.values_list("passage", flat=True)) == [PASSAGE_1, PASSAGE_2]


def test_the_docx_export_opens_and_cites_every_clip(client, folder, lead):
    response = client.get(f"/monitor/briefings/{folder.token}/export/docx/")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert PASSAGE_1 in text and PASSAGE_2 in text
    assert text.count("Source: ") == 2
    assert lead.title in text


def test_the_pptx_export_has_one_slide_per_clip(client, folder, lead):
    response = client.get(f"/monitor/briefings/{folder.token}/export/pptx/")
    deck = Presentation(io.BytesIO(response.content))
    slides = list(deck.slides)
    assert len(slides) == 3  # cover + two clips
    texts = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides[1:]]
    for text in texts:
        assert lead.title in text and "Source: Newsdesk" in text and "http" in text


@pytest.mark.pdf
def test_the_pdf_export_is_a_pdf(client, folder):
    response = client.get(f"/monitor/briefings/{folder.token}/export/pdf/")
    assert response.content.startswith(b"%PDF")


def test_an_empty_folder_cannot_be_exported(client, alice, registry):
    client.force_login(alice)
    folder = BriefingFolder.objects.create(owner=alice, name="Empty")
    response = client.get(f"/monitor/briefings/{folder.token}/export/docx/")
    assert response.status_code == 409
    assert "has no clips" in response.content.decode()


def test_a_passage_not_in_the_article_is_refused(client, alice, lead):
    client.force_login(alice)
    response = client.post(f"/monitor/clip/{lead.pk}/", {"new_folder": "X", "passage": "Words never written."})
    assert response.status_code == 400
    assert not Clip.objects.exists()


def _team_with(admin, member):

    from membership.services import seat_add

    team = live_team(admin, stripe_subscription_id="sub_team_books")
    seat_add(team=team, user=member, how="admin")
    return team


def test_a_shared_link_shows_the_folder_read_only_to_the_team_and_dies_with_it(client, folder, alice, charlie):
    client.post(f"/monitor/briefings/{folder.token}/share/")
    folder.refresh_from_db()
    _team_with(alice, charlie)
    client.force_login(charlie)
    response = client.get(f"/monitor/shared/{folder.share_token}/")
    assert response.status_code == 200
    assert PASSAGE_1 in response.content.decode()
    assert "Remove clip" not in response.content.decode()
    token = folder.share_token
    folder.delete()
    gone = client.get(f"/monitor/shared/{token}/")
    assert gone.status_code == 404
    assert "deleted" in gone.content.decode()


def test_a_shared_link_opens_nothing_for_anyone_outside_the_team(client, folder, charlie):
    client.post(f"/monitor/briefings/{folder.token}/share/")
    folder.refresh_from_db()
    for url in (f"/monitor/shared/{folder.share_token}/", f"/monitor/shared/{folder.share_token}/export/docx/"):
        client.logout()
        anonymous = client.get(url)
        assert anonymous.status_code == 403
        assert PASSAGE_1.encode() not in anonymous.content
        client.force_login(charlie)
        outsider = client.get(url)
        assert outsider.status_code == 403
        assert PASSAGE_1.encode() not in outsider.content
        assert "Shared with a team" in outsider.content.decode()


def test_another_member_cannot_open_someone_elses_folder(client, folder):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="dave", is_staff=True))
    assert client.get(f"/monitor/briefings/{folder.token}/").status_code == 404


def test_exports_name_the_outlet_from_its_settings(client, folder, lead):
    from core.models import OutletSettings

    outlet = OutletSettings.load()
    outlet.name = "Gulf Ledger"
    outlet.save()
    document = Document(io.BytesIO(client.get(f"/monitor/briefings/{folder.token}/export/docx/").content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Briefing book from Gulf Ledger" in text
    assert "Newsdesk" not in text
