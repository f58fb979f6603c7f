import io

from django.core.management import call_command

from monitor.models import ArticleEntity, Entity


def test_the_demo_lead_story_is_tagged_and_iran_is_named_with_belarus_and_russia(db, client):
    call_command("load_demo", stdout=io.StringIO())
    lead = ArticleEntity.objects.filter(entity__slug="viktor-khrenin").first()
    assert lead is not None
    names = set(
        ArticleEntity.objects.filter(article=lead.article, removed=False).values_list("entity__name", flat=True)
    )
    assert {"Iran", "Belarus", "Russia", "Ukraine", "United States", "IRNA", "SAIPA", "Tatarstan"} <= names
    html = client.get(lead.article.url).content.decode()
    # One list of what the story is about: Iran as its topic, the names Monitor found as entities.
    assert 'href="/topics/iran/"' in html and 'href="/monitor/saipa/"' in html
    from monitor.queries import co_mentions

    ranked = co_mentions(Entity.objects.get(slug="iran"), limit=50)
    co = [c.entity.name for c in ranked]
    assert "Belarus" in co and "Russia" in co
    # Ranked by the number of stories naming both.
    assert [c.articles for c in ranked] == sorted((c.articles for c in ranked), reverse=True)
