import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_home_and_article_render(client, site):
    article = ArticleFactory(parent=site.security, title="Iran and Belarus sign a pact", topics=[site.iran])
    home = client.get("/")
    assert home.status_code == 200
    assert b"Iran and Belarus sign a pact" in home.content
    page = client.get(article.url)
    assert page.status_code == 200
    assert b"The standfirst of iran and belarus sign a pact." in page.content
