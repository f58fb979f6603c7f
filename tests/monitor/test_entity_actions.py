from monitor.models import Alert, Entity, Follow
from monitor.queries import co_mentions
from tests.factories import paragraphs


def test_alert_me_creates_one_alert_on_the_entity_and_the_page_shows_it_is_set(client, alice, lead):
    client.force_login(alice)
    page = client.get("/monitor/belarus/").content.decode()
    assert "Alert me" in page and "Alert set" not in page
    response = client.post("/monitor/belarus/alert/")
    assert response.status_code == 302 and response["Location"] == "/monitor/belarus/"
    alert = Alert.objects.get(user=alice)
    assert [e.slug for e in alert.entities.all()] == ["belarus"] and alert.is_active
    page = client.get("/monitor/belarus/").content.decode()
    assert "Alert set" in page and "Alert me</button>" not in page
    client.post("/monitor/belarus/alert/")
    assert Alert.objects.filter(user=alice).count() == 1


def test_follow_lists_the_latest_stories_for_followed_entities_on_monitor_home(client, alice, lead, site, publish):
    client.force_login(alice)
    assert "Following" not in client.get("/monitor/belarus/").content.decode()
    client.post("/monitor/belarus/follow/")
    assert Follow.objects.filter(user=alice, entity__slug="belarus").exists()
    assert 'aria-pressed="true"' in client.get("/monitor/belarus/").content.decode()
    publish(parent=site.security, title="Minsk opens a drone school", body=paragraphs("Belarus trains drone crews."))
    home = client.get("/monitor/").content.decode()
    assert "Minsk opens a drone school" in home and lead.title in home
    client.post("/monitor/belarus/follow/")
    assert not Follow.objects.filter(user=alice).exists()
    assert "Minsk opens a drone school" not in client.get("/monitor/").content.decode()


def test_compare_opens_trends_with_the_entity_filled_in(client, alice, lead):
    client.force_login(alice)
    page = client.get("/monitor/iran/").content.decode()
    assert 'href="/monitor/trends/?entities=Iran"' in page
    trends = client.get("/monitor/trends/?entities=Iran").content.decode()
    assert 'value="Iran"' in trends and "<svg" in trends


def test_outsiders_cannot_set_alerts_or_follow(client, lead):
    assert client.post("/monitor/belarus/alert/").status_code == 403
    assert client.post("/monitor/belarus/follow/").status_code == 403
    assert not Alert.objects.exists() and not Follow.objects.exists()
    assert "Alert me" not in client.get("/monitor/belarus/").content.decode()


def test_co_mentions_are_ordered_by_shared_stories_with_the_count_shown(client, alice, lead, site, publish):
    iran = Entity.objects.get(slug="iran")
    # Three more stories name Iran with Iraq: Iraq now shares more stories with Iran than Belarus does.
    for n in range(3):
        publish(parent=site.security, title=f"Iraq story {n}", body=paragraphs("Iran and Iraq talk about trade."))
    ranked = co_mentions(iran)
    assert ranked[0].entity.slug == "iraq"
    counts = [item.articles for item in ranked]
    assert counts == sorted(counts, reverse=True)
    iraq = next(item for item in ranked if item.entity.slug == "iraq")
    assert iraq.articles >= 3
    client.force_login(alice)
    page = client.get("/monitor/iran/").content.decode()
    assert f"{iraq.articles} shared stories" in page


def test_entity_suggestions_are_json_for_pro_members_only(client, alice, lead):
    assert client.get("/monitor/entities.json?q=Bela").status_code == 403
    client.force_login(alice)
    response = client.get("/monitor/entities.json?q=Bela")
    assert response.status_code == 200
    names = [item["name"] for item in response.json()["results"]]
    assert "Belarus" in names
    assert client.get("/monitor/entities.json?q=B").json() == {"results": []}


def test_entity_fields_offer_autocomplete_and_unknown_names_get_a_clear_error(client, alice, lead):
    client.force_login(alice)
    page = client.get("/monitor/alerts/").content.decode()
    assert 'data-entity-autocomplete="/monitor/entities.json"' in page and "js/monitor.js" in page
    response = client.post("/monitor/alerts/", {"name": "Typos", "entities": "Iran, Belaruss", "frequency": "instant"})
    assert response.status_code == 400
    error = response.content.decode().split("We have no entity called", 1)[1].split("</span>", 1)[0]
    assert error.startswith(" “Belaruss”. Did you mean Belarus"), error
    assert not Alert.objects.exists()
