"""Suggestions reach readers before review only when their fitted confidence clears the reader threshold."""

import io
import json
import math

import pytest
from django.core.management import call_command

from monitor import discovery
from monitor.models import ArticleEntity, Entity, SuggestedEntity
from monitor.registry import seed_entries
from monitor.tagger import Tagger
from tests.factories import UserFactory, paragraphs

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)

KHATTAB = (
    "Interior minister Anas Qattawi visited Homs on Tuesday. Qattawi said the police would be reorganised.",
    "Officials from Sonarmine met executives in Tunis, the state news agency said.",
)


def _confidences(text: str) -> dict[str, float]:
    analysis = discovery.analyse(text, Tagger(seed_entries()))
    return {s.text: s.confidence for s in analysis.suggestions}


def test_the_shipped_confidence_model_covers_every_feature_and_a_threshold_in_range():
    model = discovery.confidence_model()
    assert set(discovery.FEATURES) <= set(model["weights"]) <= set(discovery.TERMS)
    assert 0.5 <= model["reader_threshold"] < 1
    assert model["dev_readers_out_of_fold"]["precision"] >= 0.97
    # A logistic regression: the confidence of no features at all is the sigmoid of the bias.
    assert discovery.confidence((0.0,) * len(discovery.FEATURES)) == round(1 / (1 + math.exp(-model["bias"])), 3)


def test_the_confidence_tells_a_named_minister_from_a_stray_capitalised_word():
    confidences = _confidences(" ".join(KHATTAB))
    threshold = discovery.confidence_model()["reader_threshold"]
    assert confidences["Anas Qattawi"] >= threshold
    assert confidences["Qattawi"] >= threshold  # the surname joins the full name
    # The model missed "Sonarmine"; it is offered to editors, too unsure for readers.
    assert confidences["Sonarmine"] < threshold


def test_tag_text_shows_readers_no_suggestion_below_the_threshold(registry, monkeypatch, settings):
    text = " ".join(KHATTAB)
    confidences = _confidences(text)
    # A threshold between the two: the minister is shown, the stray word is not.
    settings.MONITOR_READER_THRESHOLD = (confidences["Sonarmine"] + confidences["Qattawi"]) / 2
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out = io.StringIO()
    call_command("tag_text", stdout=out)
    result = json.loads(out.getvalue())
    shown = {e["text"] for e in result["entities"]}
    assert {"Homs", "Anas Qattawi", "Qattawi"} <= shown
    assert "Sonarmine" not in shown
    for suggestion in result["suggestions"]:
        is_shown = any(e["start"] == suggestion["start"] and e["end"] == suggestion["end"] for e in result["entities"])
        assert is_shown == (suggestion["confidence"] >= settings.MONITOR_READER_THRESHOLD)
    for entity in result["entities"]:
        assert set(entity) == {"name", "kind", "start", "end", "text"}


def test_a_story_with_only_unsure_names_shows_readers_none_of_them(client, site, registry, publish, settings):
    top = max(_confidences(" ".join(KHATTAB)).values())
    assert top < 1.0
    settings.MONITOR_READER_THRESHOLD = (top + 1.0) / 2  # above every suggestion in this story
    story = publish(parent=site.security, title="Police reform", body=paragraphs(*KHATTAB))
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    assert row.status == SuggestedEntity.Status.PENDING
    assert not Entity.objects.filter(name__in=["Anas Qattawi", "Sonarmine"]).exists()
    assert not ArticleEntity.objects.filter(article=story, entity__name="Anas Qattawi").exists()
    assert "/monitor/anas-qattawi/" not in client.get(story.url).content.decode()


def test_a_confident_name_reaches_readers_at_once_and_stays_in_the_queue(
    client, site, registry, publish, django_capture_on_commit_callbacks, settings
):
    settings.MONITOR_READER_THRESHOLD = "fitted"
    story = publish(parent=site.security, title="Police reform", body=paragraphs(*KHATTAB))
    row = SuggestedEntity.objects.get(name="Anas Qattawi")
    assert row.status == SuggestedEntity.Status.PUBLISHED
    entity = Entity.objects.get(name="Anas Qattawi")
    assert entity.kind == "person"
    assert ArticleEntity.objects.get(article=story, entity=entity).mention_count == 2
    assert f'href="{entity.get_absolute_url()}"' in client.get(story.url).content.decode()
    # Later stories that name it are tagged with it and counted in the queue.
    second = publish(parent=site.security, title="Qattawi in Hama", body=paragraphs("Anas Qattawi went to Hama."))
    assert ArticleEntity.objects.filter(article=second, entity=entity).exists()
    row.refresh_from_db()
    assert row.occurrences == 2
    # The unsure name does not.
    assert SuggestedEntity.objects.get(name="Sonarmine").status == SuggestedEntity.Status.PENDING
    assert not Entity.objects.filter(name="Sonarmine").exists()

    # Editors still review it; rejecting it takes it away from readers.
    editor = UserFactory(username="editor", is_staff=True, is_superuser=True)
    client.force_login(editor)
    queue = client.get("/admin/monitor/suggestions/").content.decode()
    assert "shown to readers" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/monitor/suggestions/", {"suggestion": row.pk, "action": "reject"})
    row.refresh_from_db()
    assert row.status == SuggestedEntity.Status.DISMISSED
    assert not Entity.objects.filter(name="Anas Qattawi").exists()
    assert not ArticleEntity.objects.filter(article=story, entity__name="Anas Qattawi").exists()
