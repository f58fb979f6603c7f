from monitor.models import Entity
from monitor.services import article_tag_remove
from monitor.tagging import article_tag
from tests.factories import paragraphs


def test_an_editor_removing_a_tag_updates_the_cached_story_at_once(
    client, site, registry, publish, django_capture_on_commit_callbacks
):
    article = publish(parent=site.security, title="Drones over the Gulf", body=paragraphs("Iran and Oman talked."))
    with django_capture_on_commit_callbacks(execute=True):
        article_tag(article=article)
    assert 'href="/monitor/oman/"' in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article_tag_remove(article=article, entity=Entity.objects.get(slug="oman"))
    assert 'href="/monitor/oman/"' not in client.get(article.url).content.decode()
