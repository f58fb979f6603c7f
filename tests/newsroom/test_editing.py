import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.models import ArticlePage
from newsroom.roles import EDITORS, JOURNALISTS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _article_form(**overrides):
    data = {
        "title": "Editors can write stories",
        "slug": "editors-can-write-stories",
        "dek": "A standfirst written in the admin.",
        "kind": "news",
        "hero_caption": "",
        "hero_credit": "",
        "hero_alt": "",
        "access": "free",
        "body": streamfield([("paragraph", rich_text("<p>Body written by an editor.</p>"))]),
        "related_links": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def journalist(db):
    user = UserFactory(username="jo", is_staff=False)
    user.groups.add(Group.objects.get(name=JOURNALISTS))
    return user


def test_the_two_newsroom_roles_exist_with_page_permissions():
    editors = Group.objects.get(name=EDITORS)
    journalists = Group.objects.get(name=JOURNALISTS)
    codenames = set(editors.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert "publish_page" not in set(journalists.page_permissions.values_list("permission__codename", flat=True))


def test_an_editor_creates_and_publishes_an_article_in_the_admin(client, site, bob):
    client.force_login(bob)
    url = f"/admin/pages/add/newsroom/articlepage/{site.security.pk}/"
    response = client.post(url, _article_form(**{"action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="editors-can-write-stories")
    assert article.live
    assert article.published_at is not None
    assert "Body written by an editor." in client.get(article.url).content.decode()


def test_missing_fields_come_back_as_form_errors_not_a_crash(client, site, bob):
    client.force_login(bob)
    url = f"/admin/pages/add/newsroom/articlepage/{site.security.pk}/"
    response = client.post(url, _article_form(dek="", title=""))
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="editors-can-write-stories").exists()


def test_a_journalist_may_save_a_draft_but_not_publish(client, site, journalist):
    client.force_login(journalist)
    url = f"/admin/pages/add/newsroom/articlepage/{site.security.pk}/"
    response = client.post(url, _article_form())
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="editors-can-write-stories")
    assert not article.live
    assert not Page.objects.get(pk=article.pk).permissions_for_user(journalist).can_publish()


def test_an_editor_can_preview_a_draft(client, site, bob):
    client.force_login(bob)
    url = f"/admin/pages/add/newsroom/articlepage/{site.security.pk}/preview/"
    response = client.post(url, _article_form())
    assert response.status_code == 200
    assert response.json()["is_valid"] is True
    preview = client.get(url)
    assert "Body written by an editor." in preview.content.decode()


def test_previewing_an_edit_of_a_live_story_shows_the_draft(client, site, bob):
    from tests.factories import ArticleFactory

    story = ArticleFactory(parent=site.security, title="Live story")
    assert "Second paragraph." in client.get(story.url).content.decode()
    client.force_login(bob)
    assert "Second paragraph." in client.get(story.url).content.decode()
    url = f"/admin/pages/{story.pk}/edit/preview/"
    form = _article_form(title="Live story", slug=story.slug)
    form.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Draft wording.</p>"))])}))
    assert client.post(url, form).json()["is_valid"] is True
    preview = client.get(url).content.decode()
    assert "Draft wording." in preview
    assert "Second paragraph." not in preview
