import io
import json

from django.core.management import call_command


def test_tag_text_prints_each_mention_as_json(registry, monkeypatch):
    text = "Iranian engineers met Putin in Moscow."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out = io.StringIO()
    call_command("tag_text", stdout=out)
    entities = json.loads(out.getvalue())["entities"]
    assert entities[0] == {"name": "Iran", "kind": "country", "start": 0, "end": 7, "text": "Iranian"}
    assert [e["name"] for e in entities] == ["Iran", "Vladimir Putin", "Moscow"]


def test_retag_articles_reports_what_it_did(lead):
    out = io.StringIO()
    call_command("retag_articles", stdout=out)
    assert "Retagged 1 article(s)" in out.getvalue()
