from newsletters.mime import Addressee, MessageBuilder
from tests.smtp import Received


def build(**overrides: str) -> bytes:
    builder = MessageBuilder(
        from_email="Newsdesk Briefings <briefings@news.example.com>",
        subject="Security Briefing — Iran and Belarus sign a défense pact",
        reply_to="desk@news.example.com",
        list_id="Security Briefing <security.newsletters.news.example.com>",
        unsubscribe_mailto="unsubscribe@news.example.com",
    )
    addressee = Addressee(
        email="zoe@example.org",
        name="Zoë\r\nBcc: victim@example.org",
        message_id="<1.abc@news.example.com>",
        unsubscribe_url="https://news.example.com/newsletters/unsubscribe/tok/",
        token="tok",
    )
    bodies = {
        "html": "<p>Hello Zoë,</p>\n<p>" + "Long line of text. " * 30 + "</p>\n.starts with a dot\n",
        "text": "Hello Zoë,\n\n" + "Long line of text. " * 30 + "\n.starts with a dot \n",
    }
    bodies.update(overrides)
    return builder.build(addressee, **bodies)


def test_the_message_parses_back_to_what_was_rendered():
    raw = build()
    message = Received("x", ["zoe@example.org"], raw)
    assert message.message["Subject"] == "Security Briefing — Iran and Belarus sign a défense pact"
    text = message.text.replace("\r\n", "\n")
    assert text.startswith("Hello Zoë,") and ".starts with a dot \n" in text
    assert "Long line of text. " * 30 in message.html


def test_every_line_ends_with_crlf_and_stays_under_the_smtp_limit():
    raw = build()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998


def test_a_name_cannot_inject_headers():
    raw = build()
    headers = raw.split(b"\r\n\r\n", 1)[0].decode()
    assert "\r\nBcc:" not in headers
    message = Received("x", ["zoe@example.org"], raw).message
    assert message["Bcc"] is None and message["To"].addresses[0].addr_spec == "zoe@example.org"


def test_one_click_headers_are_present():
    message = Received("x", ["zoe@example.org"], build()).message
    assert message["List-Unsubscribe"] == (
        "<https://news.example.com/newsletters/unsubscribe/tok/>, "
        "<mailto:unsubscribe@news.example.com?subject=unsubscribe%20tok>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == "<1.abc@news.example.com>"


def test_a_body_encoded_once_for_the_issue_decodes_to_each_recipients_own_text():
    from newsletters.mime import QuotedTemplate
    from newsletters.rendering import Compiled

    rendered = Compiled(
        "%%ND:greeting%%\n\n" + "Long line of text, défense. " * 12 + "%%ND:email%%\n"
        ".starts with a dot\n%%ND:unsubscribe_url%%"
    )
    values = {
        "greeting": "Hello Zoë,",
        "email": "zoe@example.org",
        "unsubscribe_url": "https://news.example.com/newsletters/unsubscribe/" + "t" * 80 + "/",
    }
    body = QuotedTemplate(rendered.parts).fill(values)
    assert max(len(line) for line in body.split(b"\r\n")) <= 76
    assert b"\n" not in body.replace(b"\r\n", b"")
    builder = MessageBuilder(
        from_email="briefings@news.example.com",
        subject="Security Briefing",
        reply_to="",
        list_id="Security Briefing <security.newsletters.news.example.com>",
        unsubscribe_mailto="unsubscribe@news.example.com",
    )
    addressee = Addressee("zoe@example.org", "Zoë", "<1.abc@news.example.com>", values["unsubscribe_url"], "tok")
    raw = builder.build_encoded(addressee, html=body, text=body)
    message = Received("x", ["zoe@example.org"], raw)
    assert message.text.replace("\r\n", "\n") == rendered.fill(values)
