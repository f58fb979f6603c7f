"""The SMTP transport hands over ready-made messages itself; what arrives is what was built."""

import pytest

from newsletters.transport import Outgoing, PermanentFailure, SMTPTransport


def outgoing(to_email: str, raw: bytes) -> Outgoing:
    return Outgoing(
        from_email="Newsdesk Briefings <briefings@news.example.com>",
        to_email=to_email,
        to_name="",
        subject="s",
        reply_to="",
        headers={},
        html="",
        text="",
        raw=raw,
    )


RAW = b"Subject: s\r\nTo: zoe@example.org\r\n\r\nfirst line\r\n.starts with a dot\r\n.\r\nlast line\r\n"


@pytest.fixture
def transport(smtp_server):
    sender = SMTPTransport(host=smtp_server.host, port=smtp_server.port)
    yield sender
    sender.close()


def test_lines_starting_with_a_dot_arrive_intact_and_the_envelope_sender_is_the_bare_address(smtp_server, transport):
    transport.send(outgoing("zoe@example.org", RAW))
    [received] = smtp_server.messages
    assert received.mail_from == "briefings@news.example.com"
    assert received.rcpt_tos == ["zoe@example.org"]
    assert received.raw.replace(b"\r\n", b"\n") == RAW.replace(b"\r\n", b"\n")


def test_a_refused_recipient_fails_alone_and_the_connection_carries_on(smtp_server, transport):
    smtp_server.refuse["gone@example.org"] = (550, "no such mailbox")
    with pytest.raises(PermanentFailure) as refused:
        transport.send(outgoing("gone@example.org", RAW))
    assert refused.value.code == 550 and refused.value.suppress
    transport.send(outgoing("zoe@example.org", RAW))
    assert [m.rcpt_tos for m in smtp_server.messages] == [["zoe@example.org"]]


def test_an_address_smtplib_must_quote_still_goes_through(smtp_server, transport):
    transport.send(outgoing('"zoe smith"@example.org', RAW))
    assert smtp_server.messages[0].rcpt_tos == ['"zoe smith"@example.org']
