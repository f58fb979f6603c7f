import csv
import io


def test_irans_page_lists_belarus_and_russia_among_co_mentions(client, alice, lead):
    client.force_login(alice)
    response = client.get("/monitor/iran/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/monitor/iran/with/belarus/"' in html
    assert 'href="/monitor/iran/with/russia/"' in html
    assert "<svg" in html and 'role="img"' in html
    assert "<table" in html


def test_a_co_mention_link_lists_the_stories_naming_both(client, alice, lead):
    client.force_login(alice)
    html = client.get("/monitor/iran/with/belarus/").content.decode()
    assert lead.title in html


def test_a_pro_member_downloads_weekly_counts_as_csv(client, alice, lead):
    client.force_login(alice)
    response = client.get("/monitor/iran/mentions.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["week_start", "entity", "stories"]
    assert sum(int(r[2]) for r in rows[1:]) == 1


def test_a_visitor_sees_a_teaser_and_no_csv(client, charlie, lead):
    client.force_login(charlie)
    html = client.get("/monitor/iran/").content.decode()
    assert "Keep reading with PRO" in html or "PRO members see the full coverage" in html
    assert "mentions.csv" not in html
    assert client.get("/monitor/iran/mentions.csv").status_code == 403


def test_an_unknown_entity_is_a_404(client, registry):
    assert client.get("/monitor/no-such-thing/").status_code == 404


def test_an_enormous_entity_search_is_refused_clearly(client, registry):
    response = client.get("/monitor/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()


def test_the_entity_chart_is_the_sites_one_chart_partial_with_its_numbers(client, alice, lead):
    client.force_login(alice)
    html = client.get("/monitor/iran/").content.decode()
    assert 'class="chart-figure"' in html
    assert "Data for “Stories naming Iran, per week”" in html
    assert "<summary>Show the numbers</summary>" in html


def test_an_entity_no_story_names_yet_says_so_instead_of_an_empty_chart(client, alice, lead):
    client.force_login(alice)
    html = client.get("/monitor/kandahar/").content.decode()
    assert "No story names Kandahar yet." in html
    assert "Set an alert to hear of the first one" in html
    assert 'class="chart-figure"' not in html
    assert "mentions.csv" not in html
    # It says so once: no empty timeline repeats it.
    assert "Coverage timeline" not in html
    assert "No stories here yet." not in html
    # The page of an entity the story names keeps its chart.
    assert 'class="chart-figure"' in client.get("/monitor/iran/").content.decode()
