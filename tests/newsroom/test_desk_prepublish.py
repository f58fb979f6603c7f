"""Pre-publish checks on the article form, the override kept in the history, and slugs from any script."""

import pytest
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.models import ArticlePage
from newsroom.slugs import slug_for
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    data = {
        "title": "Iran and Belarus sign a defence pact",
        "slug": "iran-and-belarus-sign-a-defence-pact",
        "dek": "The two allies of Russia sign a memorandum in Tehran.",
        "kind": "analysis",
        "hero_caption": "",
        "hero_credit": "",
        "hero_alt": "",
        "access": "free",
        "body": streamfield([("paragraph", rich_text("<p>Body written by an editor.</p>"))]),
        "related_links": inline_formset([]),
        "publish_anyway": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def add_url(site):
    return f"/admin/pages/add/newsroom/articlepage/{site.security.pk}/"


PRO_BODY = streamfield([("paragraph", rich_text("<p>First.</p>")), ("paragraph", rich_text("<p>Second.</p>"))])


def test_a_pro_story_without_a_teaser_marker_is_refused_with_a_clear_list(client, bob, add_url):
    client.force_login(bob)
    response = client.post(add_url, article_form(access="pro", body=PRO_BODY))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This story cannot be published yet" in page and "Teaser ends here" in page
    assert not ArticlePage.objects.filter(live=True).exists()


def test_a_hero_without_alternative_text_and_an_empty_why_it_matters_are_refused(client, bob, add_url):
    client.force_login(bob)
    body = streamfield([("paragraph", rich_text("<p>Body.</p>")), ("why_it_matters", {"body": rich_text("")})])
    response = client.post(add_url, article_form(hero_image=make_image().pk, body=body))
    page = response.content.decode()
    assert "alternative text for the hero image" in page and "Why it matters" in page
    assert not ArticlePage.objects.filter(live=True).exists()


def test_once_fixed_the_story_publishes(client, bob, add_url):
    client.force_login(bob)
    body = streamfield(
        [
            ("paragraph", rich_text("<p>First.</p>")),
            ("teaser_end", ""),
            ("why_it_matters", {"body": rich_text("<p>Minsk may build Shaheds.</p>")}),
        ]
    )
    response = client.post(
        add_url, article_form(access="pro", body=body, hero_image=make_image().pk, hero_alt="Two presidents")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticlePage.objects.get(slug="iran-and-belarus-sign-a-defence-pact").live


def test_an_editor_may_publish_anyway_and_the_reason_is_kept_in_the_history(client, bob, add_url):
    client.force_login(bob)
    reason = "Breaking news: the teaser marker follows in ten minutes"
    response = client.post(add_url, article_form(access="pro", body=PRO_BODY, publish_anyway=reason))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="iran-and-belarus-sign-a-defence-pact")
    assert article.live
    entry = PageLogEntry.objects.get(page=article, action="newsroom.publish_anyway")
    assert entry.data["reason"] == reason and entry.revision_id == article.live_revision_id
    history = client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert "Published despite pre-publish checks" in history or reason in history


def test_a_draft_may_be_saved_with_the_checks_failing(client, bob, add_url):
    client.force_login(bob)
    form = article_form(access="pro", body=PRO_BODY)
    form.pop("action-publish")
    assert client.post(add_url, form).status_code == 302
    assert not ArticlePage.objects.get(slug="iran-and-belarus-sign-a-defence-pact").live


def test_the_browsers_lossy_slug_is_replaced_by_one_that_keeps_the_dash(client, bob, add_url):
    client.force_login(bob)
    client.post(add_url, article_form(title="Kirkuk–Ceyhan pipeline reopens", slug="kirkukceyhan-pipeline-reopens"))
    assert ArticlePage.objects.filter(slug="kirkuk-ceyhan-pipeline-reopens", live=True).exists()


def test_a_slug_the_editor_chose_is_kept(client, bob, add_url):
    client.force_login(bob)
    client.post(add_url, article_form(title="Kirkuk–Ceyhan pipeline reopens", slug="pipeline"))
    assert ArticlePage.objects.filter(slug="pipeline").exists()


def test_an_arabic_headline_gets_a_transliterated_slug_when_the_browser_gives_none(client, bob, add_url):
    client.force_login(bob)
    response = client.post(add_url, article_form(title="خط أنابيب كركوك", slug=""))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticlePage.objects.filter(slug="kht-nbyb-krkwk").exists()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kirkuk–Ceyhan pipeline", "kirkuk-ceyhan-pipeline"),  # en dash
        ("Iran—Belarus pact", "iran-belarus-pact"),  # em dash
        ("كركوك", "krkwk"),  # Arabic
        ("ירושלים", "yrvslym"),  # Hebrew
        ("تهران و پکن", "thrn-w-pkn"),  # Persian (پ and ک are Persian letters)
        ("Kırıkkale’de İş Görüşmesi", "kirikkalede-is-gorusmesi"),  # Turkish dotless i, İ, ş, ğ, ü
    ],
)
def test_slugs_keep_word_breaks_and_transliterate_each_script(title, slug):
    assert slug_for(title) == slug
