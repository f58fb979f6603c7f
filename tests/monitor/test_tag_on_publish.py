from monitor.models import ArticleEntity, Entity, Mention
from monitor.services import article_tag_add, article_tag_remove
from monitor.tagging import article_tag, article_text


def _names(article):
    return {
        t.entity.name for t in ArticleEntity.objects.filter(article=article, removed=False).select_related("entity")
    }


def test_publishing_the_lead_story_tags_its_entities(lead):
    names = _names(lead)
    for expected in [
        "Iran",
        "Belarus",
        "Russia",
        "Ukraine",
        "United States",
        "Mohammad Reza Ashtiani",
        "Viktor Khrenin",
        "Alexander Lukashenko",
        "Ebrahim Raisi",
        "Ali Khamenei",
        "Vladimir Putin",
        "IRNA",
        "SAIPA",
        "Financial Times",
        "Tehran",
        "Tatarstan",
        "Moscow",
        "Shahed drones",
        "National Resistance Center",
    ]:
        assert expected in names, expected


def test_each_mention_is_stored_with_its_position_in_the_text(lead):
    text = article_text(lead)
    mentions = list(Mention.objects.filter(article=lead))
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_country_adjective_names_the_country(lead):
    iran = Entity.objects.get(slug="iran")
    assert Mention.objects.filter(article=lead, entity=iran, text="Iranian").exists()


def test_an_editors_removal_and_addition_survive_retagging(lead):
    russia = Entity.objects.get(slug="russia")
    hezbollah = Entity.objects.get(slug="hezbollah")
    article_tag_remove(article=lead, entity=russia)
    article_tag_add(article=lead, entity=hezbollah)
    article_tag(article=lead)
    names = _names(lead)
    assert "Russia" not in names
    assert "Hezbollah" in names


def test_a_draft_is_not_tagged(site, registry, publish):
    draft = publish(parent=site.security, title="Iran draft", publish=False)
    assert not ArticleEntity.objects.filter(article=draft).exists()
