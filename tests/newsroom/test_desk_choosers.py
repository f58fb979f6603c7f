"""Choosers with search for a story's authors, topics and entities on the article form."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from monitor.models import Alias, ArticleEntity, Entity
from newsroom.models import ArticlePage, TopicPage
from tests.factories import ArticleFactory, AuthorFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(site):
    iraq = TopicFactory(parent=site.topics, title="Iraq", slug="iraq", kind=TopicPage.Kind.COUNTRY)
    pipelines = TopicFactory(parent=site.topics, title="Pipelines", slug="pipelines")
    writer = AuthorFactory(parent=site.authors, title="Lina Haddad", slug="lina-haddad", role="Energy correspondent")
    turkey = Entity.objects.create(kind="country", name="Turkey", slug="turkey")
    Alias.objects.create(entity=turkey, text="Türkiye")
    botas = Entity.objects.create(kind="company", name="BOTAŞ", slug="botas")
    return {"iraq": iraq, "pipelines": pipelines, "writer": writer, "turkey": turkey, "botas": botas}


def search(client, name, q):
    response = client.get(f"/admin/newsroom/choose/{name}/", {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


def test_each_chooser_finds_by_part_of_a_name(client, bob, site, cast):
    client.force_login(bob)
    assert [r["label"] for r in search(client, "authors", "hadd")] == ["Lina Haddad"]
    assert search(client, "authors", "hadd")[0]["detail"] == "Energy correspondent"
    assert [r["label"] for r in search(client, "topics", "IRA")] == ["Iran", "Iraq"]
    assert search(client, "topics", "ira")[1] == {"id": cast["iraq"].pk, "label": "Iraq", "detail": "Country"}
    assert [r["label"] for r in search(client, "entities", "türk")] == ["Turkey"]  # by an alias
    assert search(client, "entities", "") == []


def test_an_unknown_chooser_is_a_404_and_readers_cannot_search(client, bob, charlie, cast):
    client.force_login(charlie)
    assert client.get("/admin/newsroom/choose/authors/", {"q": "lina"}).status_code in (302, 403)
    client.force_login(bob)
    assert client.get("/admin/newsroom/choose/passwords/", {"q": "x"}).status_code == 404


def test_the_form_shows_search_boxes_with_the_chosen_items_not_every_option(client, bob, site, cast):
    story = ArticleFactory(parent=site.security, title="Kirkuk oil", topics=[cast["iraq"]], authors=[cast["writer"]])
    ArticleEntity.objects.create(article=story, entity=cast["turkey"], source="tagger")
    client.force_login(bob)
    page = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert 'placeholder="Search authors…"' in page
    assert 'placeholder="Search entities…"' in page
    assert f'<input type="hidden" name="topics" value="{cast["iraq"].pk}">' in page
    assert f'<input type="hidden" name="entities" value="{cast["turkey"].pk}">' in page
    assert 'aria-label="Remove Lina Haddad"' in page
    assert "<select" not in page.split('id="id_authors"')[0].rsplit("nd-chooser", 1)[-1]
    assert "Pipelines" not in page  # not chosen, so not listed
    assert "js/admin_chooser.js" in page


def form(story, **overrides):
    data = {
        "title": story.title,
        "slug": story.slug,
        "dek": story.dek or "A standfirst.",
        "kind": "news",
        "hero_caption": "",
        "hero_credit": "",
        "hero_alt": "",
        "access": "free",
        "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
        "related_links": inline_formset([]),
        "publish_anyway": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_saving_keeps_the_chosen_authors_topics_and_entities(client, bob, site, cast):
    story = ArticleFactory(parent=site.security, title="Kirkuk oil", topics=[cast["iraq"]])
    ArticleEntity.objects.create(article=story, entity=cast["turkey"], source="tagger")
    client.force_login(bob)
    data = form(story)
    data["authors"] = [str(cast["writer"].pk)]
    data["topics"] = [str(cast["iraq"].pk), str(cast["pipelines"].pk)]
    data["entities"] = [str(cast["botas"].pk)]  # Turkey removed, BOTAŞ added
    data["entities__shown"] = f"ids:{cast['turkey'].pk}"
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    draft = story.get_latest_revision_as_object()
    assert {t.title for t in draft.topics.all()} == {"Iraq", "Pipelines"}
    assert [a.title for a in draft.authors.all()] == ["Lina Haddad"]
    tags = {t.entity.name: (t.removed, t.source) for t in ArticleEntity.objects.filter(article=story)}
    assert tags == {"Turkey": (True, "tagger"), "BOTAŞ": (False, "editor")}


def test_a_form_without_the_entity_chooser_leaves_the_tags_alone(client, bob, site, cast):
    story = ArticleFactory(parent=site.security, title="Kirkuk oil")
    ArticleEntity.objects.create(article=story, entity=cast["turkey"], source="tagger")
    client.force_login(bob)
    response = client.post(f"/admin/pages/{story.pk}/edit/", form(story))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ArticleEntity.objects.filter(article=story, removed=False).count() == 1


def test_a_tag_found_after_the_form_was_opened_is_not_removed_by_saving_it(client, bob, site, cast):
    story = ArticleFactory(parent=site.security, title="Kirkuk oil")
    client.force_login(bob)
    data = form(story)
    data["entities__shown"] = "ids:"  # the form showed no tags...
    ArticleEntity.objects.create(article=story, entity=cast["turkey"], source="tagger")  # ...then the tagger ran
    assert client.post(f"/admin/pages/{story.pk}/edit/", data).status_code == 302
    assert ArticleEntity.objects.filter(article=story, removed=False).count() == 1


def test_an_unknown_id_is_a_form_error_not_a_500(client, bob, site, cast):
    story = ArticleFactory(parent=site.security, title="Kirkuk oil")
    client.force_login(bob)
    data = form(story)
    data["topics"] = ["999999"]
    data["entities"] = ["nonsense"]
    data["entities__shown"] = "ids:"
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ArticlePage.objects.get(pk=story.pk).has_unpublished_changes
