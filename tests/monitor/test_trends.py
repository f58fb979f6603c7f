def test_a_pro_member_compares_entities_in_one_chart(client, alice, lead):
    client.force_login(alice)
    response = client.get("/monitor/trends/", {"entities": "Iran, Russia, Belarus"})
    html = response.content.decode()
    assert response.status_code == 200
    # One line per entity in each of the two drawings (wide and narrow), with a key naming each.
    assert html.count("<polyline") == 6
    assert html.count('<svg class="chart chart--wide"') == 1 and html.count('<svg class="chart chart--narrow"') == 1


def test_trends_download_as_csv(client, alice, lead):
    client.force_login(alice)
    response = client.get("/monitor/trends/", {"entities": "Iran, Russia", "format": "csv"})
    first = response.content.decode().splitlines()[0]
    assert first == "week_start,Iran,Russia"


def test_more_than_five_entities_are_refused_with_a_message(client, alice, lead):
    client.force_login(alice)
    response = client.get("/monitor/trends/", {"entities": "Iran, Russia, Belarus, Ukraine, Syria, Iraq"})
    assert response.status_code == 400
    assert "at most 5" in response.content.decode()


def test_an_unknown_entity_is_named_in_the_error(client, alice, registry):
    client.force_login(alice)
    response = client.get("/monitor/trends/", {"entities": "Iran, Atlantis"})
    assert response.status_code == 400
    assert "Atlantis" in response.content.decode()


def test_trends_are_for_pro_members(client, charlie, registry):
    client.force_login(charlie)
    assert client.get("/monitor/trends/", {"entities": "Iran"}).status_code == 403
