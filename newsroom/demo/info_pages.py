"""The outlet's own pages: About, Contact, Privacy and Terms, as editors first find them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InfoText:
    slug: str
    title: str
    intro: str
    body: str  # rich text HTML


ABOUT = InfoText(
    slug="about",
    title="About Newsdesk",
    intro="Newsdesk reports on the Middle East for readers who need to understand it, not just follow it.",
    body=(
        "<p>Our correspondents cover security, politics, business and technology across the Gulf, "
        "Iran, Iraq, Israel, Palestine and Turkey, and the powers that compete for influence there. "
        "We publish news when something happens and analysis when a pattern is worth explaining.</p>"
        "<h2>What we publish</h2>"
        "<ul><li><b>News, analysis and explainers</b>, most of them free to read.</li>"
        "<li><b>Free newsletters</b>: a morning minute, an evening briefing and weekly briefings by "
        "country and theme.</li>"
        "<li><b>PRO</b>, for professionals who brief others: memos, trend reports, live Q&amp;A with "
        "our journalists, small in-person events and Monitor, our index of who and what the news "
        "mentions.</li></ul>"
        "<h2>How we work</h2>"
        "<p>We name our sources where we can and say why when we cannot. We correct mistakes "
        "openly, at the foot of the story, with the date of the change. Advertisers and sponsors "
        "never see a story before it is published.</p>"
    ),
)

CONTACT = InfoText(
    slug="contact",
    title="Contact us",
    intro="Tips, corrections, membership questions: here is who reads what you send.",
    body=(
        "<h2>The newsroom</h2>"
        '<p>Story ideas and tips: <a href="mailto:tips@newsdesk.example">tips@newsdesk.example</a>. '
        "Read by the duty editor every day of the week.</p>"
        "<h2>Corrections</h2>"
        "<p>If we got something wrong, write to "
        '<a href="mailto:corrections@newsdesk.example">corrections@newsdesk.example</a> with the '
        "story's address and what should change. We answer within two working days.</p>"
        "<h2>Membership and PRO</h2>"
        "<p>Questions about your account, a team plan or an invoice: "
        '<a href="mailto:pro@newsdesk.example">pro@newsdesk.example</a>.</p>'
        "<h2>Newsletters</h2>"
        "<p>Every briefing has a link at the bottom to change or stop what you receive. If something "
        'does not work, write to <a href="mailto:newsletters@newsdesk.example">'
        "newsletters@newsdesk.example</a>.</p>"
    ),
)

PRIVACY = InfoText(
    slug="privacy",
    title="Privacy",
    intro="What we keep about you, why, and how to take it back.",
    body=(
        "<h2>What we keep</h2>"
        "<ul><li>Your email address and, if you give them, your name and organisation.</li>"
        "<li>Which newsletters you receive, and when you confirmed each one.</li>"
        "<li>If you are a PRO member, your plan and billing history. Card details stay with our "
        "payment provider; we never see them.</li></ul>"
        "<h2>What we do not do</h2>"
        "<p>We do not sell or rent your details. Our pages carry no advertising trackers and no "
        "third-party scripts. We count how often each story is read, without cookies and without "
        "knowing who read it.</p>"
        "<h2>Your rights</h2>"
        "<p>From your account page you can download everything we hold about you, sign out on every "
        "device and delete your account. Deleting it removes your details at once; invoices are "
        "kept only as long as tax law requires.</p>"
        '<p>Questions: <a href="mailto:privacy@newsdesk.example">privacy@newsdesk.example</a>.</p>'
    ),
)

TERMS = InfoText(
    slug="terms",
    title="Terms of use",
    intro="The rules for reading, sharing and subscribing.",
    body=(
        "<h2>Reading and sharing</h2>"
        "<p>You may link to any story and quote short passages with credit to Newsdesk. Republishing "
        "whole stories needs our written permission.</p>"
        "<h2>Accounts</h2>"
        "<p>A free account is for one person. Keep your sign-in to yourself; we may close accounts "
        "that are shared or used to copy our work in bulk.</p>"
        "<h2>PRO membership</h2>"
        "<p>PRO costs $25 a month, billed once a year ($300). The first week is free, and you can "
        "cancel at any time before it ends without being charged. After that you can cancel "
        "whenever you like and keep PRO until the end of the year you paid for.</p>"
        "<p>Team plans follow the same terms for each seat; the team's administrator decides who "
        "holds a seat.</p>"
        "<h2>Changes</h2>"
        "<p>If these terms change in a way that matters to you, we will tell members by email at "
        "least 30 days before.</p>"
    ),
)

INFO_PAGES = (ABOUT, CONTACT, PRIVACY, TERMS)
