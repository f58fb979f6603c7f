"""/newsletters/ is one form: a tick box on each briefing card; after a bad submit the errors
are summarised at the top of the form, which takes the focus, and the ticks are kept."""

import pytest

pytestmark = pytest.mark.django_db


def test_each_briefing_card_has_a_tick_box_inside_the_one_form(client):
    html = client.get("/newsletters/").content.decode()
    assert html.count("<form") - html.count('role="search"') == 1
    form = html[html.index('class="signup-form newsletters-form"') :]
    for slug in ("takeaway", "middle-east-minute", "security", "iraq"):
        assert f'name="newsletters" value="{slug}" id="pick-{slug}"' in form
        assert f'<label for="pick-{slug}"' in form


def test_an_empty_submit_summarises_the_errors_first_and_moves_the_focus_there(client):
    response = client.post("/newsletters/subscribe/", {"email": "", "source": "newsletters page"})
    assert response.status_code == 400
    html = response.content.decode()
    form = html[html.index('class="signup-form newsletters-form"') :]
    summary_at = form.index('class="error-summary"')
    assert summary_at < form.index('name="newsletters"')
    summary = form[summary_at : form.index("</div>", summary_at)]
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert "Tick at least one briefing" in summary and 'href="#id_email"' in summary
    assert 'action="/newsletters/subscribe/#signup-errors"' in html


def test_a_bad_address_keeps_the_briefings_ticked(client):
    data = {"email": "not-an-address", "newsletters": ["security", "gulf"], "source": "newsletters page"}
    html = client.post("/newsletters/subscribe/", data).content.decode()
    assert 'value="security" id="pick-security" checked' in html
    assert 'value="gulf" id="pick-gulf" checked' in html
    assert 'value="iraq" id="pick-iraq">' in html
