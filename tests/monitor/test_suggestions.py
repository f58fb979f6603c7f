"""Suggested entities: recorded on publish, ranked, approved, merged or rejected by editors."""

import io
import json

import pytest
from django.core.management import call_command

from monitor import discovery
from monitor.models import ArticleEntity, Entity, SuggestedEntity
from monitor.registry import registry_tagger
from monitor.tagging import article_tag, article_text, text_analyse
from tests.factories import UserFactory, paragraphs

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)

KHATTAB = (
    "Interior minister Anas Qattawi visited Homs on Tuesday. Qattawi said the police would be reorganised.",
    "Residents said electricity cuts had lasted for several hours.",
)
KRG = ("The Kurdistan Regional Government (KRG) paid salaries on Monday. The KRG asked Baghdad for more money.",)


@pytest.fixture(autouse=True)
def _reviewed_only(settings):
    """These tests are about the editors' queue and the default: nothing reaches readers before review."""
    settings.MONITOR_READER_THRESHOLD = ""


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_staff=True, is_superuser=True)


@pytest.fixture
def qattawi_story(site, registry, publish):
    return publish(parent=site.security, title="Syria's police to be reorganised", body=paragraphs(*KHATTAB))


def _queue(client):
    return client.get("/admin/monitor/suggestions/")


def test_publishing_a_story_records_its_unknown_names_once_each(qattawi_story):
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    assert row.kind == "person"
    assert row.status == SuggestedEntity.Status.PENDING
    assert row.sentence.startswith("Interior minister Anas Qattawi visited Homs")
    assert 0 < row.confidence <= 1
    assert list(row.articles.all()) == [qattawi_story]
    assert row.occurrences == 1
    # Retagging the same story does not count it twice.
    article_tag(article=qattawi_story)
    row.refresh_from_db()
    assert row.occurrences == 1
    # Homs is known: no suggestion for it.
    assert not SuggestedEntity.objects.filter(name="Homs").exists()


def test_the_queue_ranks_by_how_many_stories_name_a_suggestion(client, editor, site, registry, publish, qattawi_story):
    publish(
        parent=site.security, title="Qattawi in Hama", body=paragraphs("Interior minister Anas Qattawi went to Hama.")
    )
    publish(parent=site.security, title="Salaries in Erbil", body=paragraphs(*KRG))
    assert SuggestedEntity.objects.get(name="Anas Qattawi").occurrences == 2
    client.force_login(editor)
    page = _queue(client).content.decode()
    assert page.index("Anas Qattawi") < page.index("Kurdistan Regional Government")
    assert "also: KRG" in page


def test_approving_creates_the_entity_with_its_aliases_and_retags_its_stories(
    client, editor, qattawi_story, django_capture_on_commit_callbacks
):
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "approve", "kind": "person"}, follow=True
        )
    assert "added to the registry" in response.content.decode()
    entity = Entity.objects.get(name="Anas Qattawi")
    assert entity.kind == "person"
    assert {"Anas Qattawi", "Qattawi"} <= set(entity.aliases.values_list("text", flat=True))
    tag = ArticleEntity.objects.get(article=qattawi_story, entity=entity)
    assert tag.mention_count == 2  # the full name and the later surname
    row.refresh_from_db()
    assert (row.status, row.entity) == (SuggestedEntity.Status.APPROVED, entity)
    # It shows on its entity page at once, with the story.
    page = client.get(entity.get_absolute_url()).content.decode()
    assert "Syria&#x27;s police to be reorganised" in page or "Syria's police to be reorganised" in page


def test_merging_adds_the_forms_as_aliases_of_an_existing_entity(
    client, editor, site, registry, publish, django_capture_on_commit_callbacks
):
    story = publish(parent=site.security, title="Salaries in Erbil", body=paragraphs(*KRG))
    target = Entity.objects.create(kind="organisation", name="Kurdistan government", slug="kurdistan-government")
    row = SuggestedEntity.objects.get(name="Kurdistan Regional Government")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "merge", "into": "kurdistan-government"}
        )
    assert {"Kurdistan Regional Government", "KRG"} <= set(target.aliases.values_list("text", flat=True))
    assert target.aliases.get(text="KRG").case_sensitive
    assert ArticleEntity.objects.get(article=story, entity=target).mention_count == 3
    row.refresh_from_db()
    assert row.status == SuggestedEntity.Status.MERGED


def test_merging_into_an_unknown_entity_says_so_and_changes_nothing(client, editor, qattawi_story):
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    client.force_login(editor)
    response = client.post(
        "/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "merge", "into": "No Such Thing"}, follow=True
    )
    assert "Name one existing entity" in response.content.decode()
    row.refresh_from_db()
    assert row.status == SuggestedEntity.Status.PENDING


def test_a_rejected_name_is_never_suggested_again(client, editor, site, publish, qattawi_story, monkeypatch):
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    client.force_login(editor)
    client.post("/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "reject"})
    row.refresh_from_db()
    assert row.status == SuggestedEntity.Status.DISMISSED
    publish(parent=site.security, title="Qattawi again", body=paragraphs("Minister Anas Qattawi spoke in Hama."))
    row.refresh_from_db()
    assert (row.status, row.occurrences) == (SuggestedEntity.Status.DISMISSED, 1)
    assert 'data-suggestion="Anas Qattawi"' not in _queue(client).content.decode()
    monkeypatch.setattr("sys.stdin", io.StringIO("Minister Anas Qattawi spoke in Hama."))
    out = io.StringIO()
    call_command("tag_text", stdout=out)
    assert "Anas Qattawi" not in [s["name"] for s in json.loads(out.getvalue())["suggestions"]]


def test_only_editors_act_on_the_queue_and_a_missing_kind_is_refused(client, editor, qattawi_story):
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    reader = UserFactory(username="reader", is_staff=True)
    client.force_login(reader)
    client.post("/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "approve", "kind": "person"})
    assert not Entity.objects.filter(name="Anas Qattawi").exists()
    client.force_login(editor)
    response = client.post(
        "/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "approve", "kind": "planet"}, follow=True
    )
    assert response.status_code == 200
    assert "Choose what kind of entity it is." in response.content.decode()
    assert not Entity.objects.filter(name="Anas Qattawi").exists()
    assert client.post("/admin/monitor/suggestions/", {"suggestion": "x", "action": "reject"}).status_code == 404


def test_tag_text_adds_suggestions_with_a_confidence(registry, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(" ".join(KHATTAB)))
    out = io.StringIO()
    call_command("tag_text", stdout=out)
    result = json.loads(out.getvalue())
    assert [e["name"] for e in result["entities"] if e["name"] == "Homs"] == ["Homs"]
    people = [s for s in result["suggestions"] if s["name"] == "Anas Qattawi"]
    assert [s["text"] for s in people] == ["Anas Qattawi", "Qattawi"]
    assert set(people[0]) == {"name", "kind", "start", "end", "text", "confidence"}
    assert all(0 < s["confidence"] <= 1 and s["kind"] == "person" for s in people)
    for entity in result["entities"]:
        assert set(entity) == {"name", "kind", "start", "end", "text"}


def test_retagging_the_archive_in_batches_records_suggestions_and_tags(qattawi_story):
    SuggestedEntity.objects.all().delete()
    ArticleEntity.objects.all().delete()
    out = io.StringIO()
    call_command("retag_articles", "--batch", "5", stdout=out)
    assert "Retagged 1 article(s)" in out.getvalue()
    assert SuggestedEntity.objects.get(name="Anas Qattawi").occurrences == 1
    assert ArticleEntity.objects.filter(article=qattawi_story, entity__name="Homs").exists()


def _qattawi_confidence(text, **kwargs):
    return next(s.confidence for s in text_analyse(text, **kwargs).suggestions if s.name == "Anas Qattawi")


def test_a_name_other_stories_were_suggested_under_is_surer_and_a_story_never_counts_itself(
    site, registry, publish, qattawi_story
):
    text = article_text(qattawi_story)
    new = next(s.confidence for s in discovery.analyse(text, registry_tagger()).suggestions if s.name == "Anas Qattawi")
    # The queue holds the name from this story only: retagging it, the name is as new as ever.
    assert _qattawi_confidence(text, article_id=qattawi_story.pk) == new
    second = publish(
        parent=site.security, title="Qattawi in Hama", body=paragraphs("Interior minister Anas Qattawi went to Hama.")
    )
    # Another story named him: surer.
    assert _qattawi_confidence(text, article_id=qattawi_story.pk) > new
    assert set(SuggestedEntity.objects.get(name="Anas Qattawi").articles.all()) == {qattawi_story, second}
