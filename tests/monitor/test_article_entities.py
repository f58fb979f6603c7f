from core.access import Access
from monitor.tagging import article_tag
from tests.factories import paragraphs


def test_the_lead_story_shows_its_entities_as_links(client, lead):
    html = client.get(lead.url).content.decode()
    assert 'href="/monitor/iran/"' in html
    assert 'href="/monitor/belarus/"' in html
    assert 'href="/monitor/alexander-lukashenko/"' in html
    assert "In this story" in html


def test_a_premium_story_lists_only_entities_from_its_public_part(client, site, registry, publish):
    article = publish(
        parent=site.security,
        title="Iran weighs its options",
        access=Access.PRO,
        body=paragraphs("Tehran is watching closely.", "Hezbollah and the Houthis are the secret of this story."),
    )
    article_tag(article=article)
    html = client.get(article.url).content.decode()
    assert 'href="/monitor/iran/"' in html
    assert "/monitor/hezbollah/" not in html
    assert "/monitor/houthis/" not in html
