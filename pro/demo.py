"""The PRO library of the demo edition: two memos and a trend report with charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wagtail.rich_text import RichText

from newsroom.models import HomePage
from pro.models import MemoPage, ProductIndexPage, TrendReportPage

MEMOS: list[dict[str, Any]] = [
    {
        "title": "Minsk joins Tehran’s drone pipeline",
        "slug": "minsk-joins-tehrans-drone-pipeline",
        # Two days after the memorandum it reads.
        "published_at": dt.datetime(2023, 8, 23, 9, 0, tzinfo=dt.UTC),
        "dek": "What the Iran–Belarus defence memorandum signals for Russia’s supply of attack drones.",
        "bottom_line": (
            "<p>The memorandum signed in Tehran on 21 August 2023 by Brig. Gen. Mohammad Reza Ashtiani and "
            "Gen. Viktor Khrenin gives a name to cooperation already under way. Its terms are unpublished; "
            "its direction is not: Belarus is positioning itself as a nearer workshop for Iranian drone designs "
            "that Russia uses in Ukraine.</p>"
        ),
        "judgements": [
            "Assembly of Shahed-type drones in Belarus would shorten Russia’s supply line from Iran.",
            "Tehran gains a second European partner that shares its exposure to Western sanctions.",
            "Neither capital will publish details; evidence will come from trade data and satellite imagery.",
        ],
        "watch": [
            "Further visits by Iranian engineers to Belarusian plants.",
            "Progress at the drone factory reported in Tatarstan.",
            "Belarusian imports of Iranian vehicles under the SAIPA contract as a channel for dual-use goods.",
        ],
        "sources": [
            ("IRNA report on the signing, 21 August 2023", ""),
            ("Belarusian defence ministry statement on social media, August 2023", ""),
            ("Financial Times on the Tatarstan drone plant, July 2023", ""),
        ],
    },
    {
        "title": "Lukashenko in Tehran: the agreements behind the handshakes",
        "slug": "lukashenko-in-tehran",
        # "Five months on" from the March 2023 visit.
        "published_at": dt.datetime(2023, 8, 25, 9, 0, tzinfo=dt.UTC),
        "dek": "Reading the March 2023 visit as the opening of a broader partnership.",
        "bottom_line": (
            "<p>President Alexander Lukashenko’s March 2023 meetings with President Ebrahim Raisi and Supreme "
            "Leader Ali Khamenei produced several cooperation agreements. Five months on, the defence track is "
            "the one that moved fastest.</p>"
        ),
        "judgements": [
            "The visit set the political frame that the August defence memorandum filled in.",
            "Trade deals, such as SAIPA’s $497 million vehicle export contract, give cover and cash flow.",
        ],
        "watch": ["A return visit by Iran’s president to Minsk.", "New air links between the two capitals."],
        "sources": [("Presidential press services of Iran and Belarus, March 2023", "")],
    },
]

# After the third quarter it charts, and after the July and August 2023 events it discusses.
REPORT_PUBLISHED_AT = dt.datetime(2023, 10, 12, 9, 0, tzinfo=dt.UTC)
REPORT_TABLE = "Quarter, Drones reported launched\nQ4 2022, 610\nQ1 2023, 420\nQ2 2023, 780\nQ3 2023, 1100"


def _index(home: HomePage) -> ProductIndexPage:
    index = ProductIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=ProductIndexPage(title="PRO library", slug="library"))
        index.save_revision().publish()
    return index


def _publish(parent: ProductIndexPage, page: Any) -> None:
    """Publish as of the page's own date, so the library reads as of the day each item ran."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=page.published_at, last_published_at=page.published_at
    )


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    home = HomePage.objects.first()
    if home is None:
        return []
    index = _index(home)
    for memo in MEMOS:
        if MemoPage.objects.filter(slug=memo["slug"]).exists():
            continue
        _publish(
            index,
            MemoPage(
                title=memo["title"],
                slug=memo["slug"],
                published_at=memo["published_at"],
                dek=memo["dek"],
                bottom_line=memo["bottom_line"],
                key_judgements=[("judgement", j) for j in memo["judgements"]],
                what_to_watch=[("item", w) for w in memo["watch"]],
                sources=[("source", {"title": t, "url": u}) for t, u in memo["sources"]],
            ),
        )
    if not TrendReportPage.objects.filter(slug="the-drone-corridor").exists():
        _publish(
            index,
            TrendReportPage(
                title="The drone corridor: Iran, Russia and Belarus",
                slug="the-drone-corridor",
                published_at=REPORT_PUBLISHED_AT,
                dek="How a supply line of one-way attack drones is turning into a production network.",
                body=[
                    ("heading", "From shipments to factories"),
                    (
                        "paragraph",
                        RichText(
                            "<p>Since 2022 Iran has supplied Shahed one-way attack drones to Russia. In 2023 the "
                            "relationship moved towards production: a plant in Tatarstan, reported by the Financial "
                            "Times in July, and a visit by Iranian engineers to Belarus in May, organised by Russia, "
                            "to study building the drones there.</p>"
                        ),
                    ),
                    (
                        "table_chart",
                        {
                            "title": "Illustrative drone launches reported per quarter",
                            "unit": "drones (illustrative demo figures)",
                            "data": REPORT_TABLE,
                        },
                    ),
                    ("heading", "What our coverage shows"),
                    (
                        "mentions_chart",
                        {"title": "Newsdesk stories naming Iran and Belarus", "entities": "Iran, Belarus", "weeks": 26},
                    ),
                ],
            ),
        )
    return []
