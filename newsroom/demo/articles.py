"""The demo edition's content, written for Newsdesk, as plain Python data.

Every sentence here is original. Events are real 2023 news used loosely; no
quotation is put in a real person's mouth.

A body is a tuple of items. A plain string is one or more paragraphs separated
by blank lines (the loader escapes the text, so write `&` and quotes freely);
`why(...)`, `know(...)`, `heading(...)` and `TEASER` mark the special blocks.
In `know`, each blank-line-separated chunk becomes one bullet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

THEME = "theme"
COUNTRY = "country"
FREE = "free"
REGISTERED = "registered"
PRO = "pro"

DEMO_CREDIT = "Illustration: Newsdesk demo image"

HOME_STRAPLINE = "News and intelligence on the Middle East"


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    description: str
    colour: str  # hex, used for the section's generated pictures


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class Author:
    slug: str
    name: str
    role: str
    bio: str
    colour: str
    social_handle: str = ""

    @property
    def initials(self) -> str:
        return "".join(word[0] for word in self.name.split()[:2]).upper()


# A special body block: its kind and its text.
Block = tuple[str, str]
BodyItem = str | Block


def why(text: str) -> Block:
    return ("why_it_matters", text)


def know(text: str) -> Block:
    return ("know_more", text)


def heading(text: str) -> Block:
    return ("heading", text)


TEASER: Block = ("teaser_end", "")


def paragraphs(text: str) -> list[str]:
    """Split on blank lines and join each chunk's lines into one line of text."""
    return [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def at(day: str, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A UTC publication time from an ISO date, e.g. at("2023-08-21")."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Article:
    slug: str
    section: str
    title: str
    dek: str
    published: dt.datetime
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    image_label: str
    caption: str
    body: tuple[BodyItem, ...]
    access: str = FREE
    credit: str = DEMO_CREDIT


SECTIONS: tuple[Section, ...] = (
    Section(
        "security",
        "Security",
        "Wars, weapons and the alliances behind them, from drone supply chains to the region's front lines.",
        "#8b1e2d",
    ),
    Section(
        "gulf",
        "Gulf",
        "Politics, money and diplomacy in Saudi Arabia, the UAE, Qatar, Kuwait, Bahrain and Oman.",
        "#a86a12",
    ),
    Section(
        "iran",
        "Iran",
        "Iran's politics, economy and foreign relations, read from inside and outside the country.",
        "#1f6f50",
    ),
    Section(
        "israel",
        "Israel",
        "Israel's government, courts, security and society, and its ties with its neighbours.",
        "#1f4e8c",
    ),
    Section(
        "palestine",
        "Palestine",
        "Life, politics and conflict in Gaza, the West Bank and East Jerusalem.",
        "#3d6b35",
    ),
    Section(
        "turkey",
        "Turkey",
        "Turkey's elections, economy and an assertive foreign policy that reaches from Syria to the Caucasus.",
        "#b03a2e",
    ),
    Section(
        "iraq",
        "Iraq",
        "Iraq's governments, oil, water and the armed groups that shape its politics.",
        "#6b4c9a",
    ),
    Section(
        "business-tech",
        "Business & Tech",
        "Energy, markets, trade and technology across the Middle East and the companies betting on it.",
        "#0e6b78",
    ),
)

COUNTRIES: tuple[tuple[str, str], ...] = (
    ("iran", "Iran"),
    ("belarus", "Belarus"),
    ("russia", "Russia"),
    ("ukraine", "Ukraine"),
    ("united-states", "United States"),
    ("saudi-arabia", "Saudi Arabia"),
    ("uae", "UAE"),
    ("qatar", "Qatar"),
    ("israel", "Israel"),
    ("turkey", "Turkey"),
    ("iraq", "Iraq"),
    ("syria", "Syria"),
    ("lebanon", "Lebanon"),
    ("egypt", "Egypt"),
    ("jordan", "Jordan"),
    ("oman", "Oman"),
    ("kuwait", "Kuwait"),
    ("bahrain", "Bahrain"),
    ("yemen", "Yemen"),
    ("palestine", "Palestine"),
)

THEMES: tuple[Topic, ...] = (
    Topic(
        "russia-ukraine-war",
        "Russia–Ukraine war",
        THEME,
        "How the war in Ukraine reaches into the Middle East: drones, oil, grain and shifting alliances.",
    ),
    Topic(
        "israel-hamas-war", "Israel–Hamas war", THEME, "The war in Gaza that began on 7 October 2023 and its spillover."
    ),
    Topic("drones", "Drones", THEME, "Who builds, sells and flies unmanned aircraft across the region."),
    Topic("energy", "Energy", THEME, "Oil, gas, power grids and the transition away from fossil fuels."),
    Topic("diplomacy", "Diplomacy", THEME, "Deals, mediations, summits and the quiet channels between rivals."),
    Topic("shipping", "Shipping", THEME, "The sea lanes of the Gulf, the Red Sea and the eastern Mediterranean."),
    Topic("elections", "Elections", THEME, "Votes, campaigns and results across the region."),
)

TOPICS: tuple[Topic, ...] = (
    *THEMES,
    *(Topic(slug, title, COUNTRY, f"Coverage of {title}.") for slug, title in COUNTRIES),
)

AUTHORS: tuple[Author, ...] = (
    Author(
        "nadia-karimi",
        "Nadia Karimi",
        "Security correspondent",
        "Nadia Karimi covers defence, arms transfers and the wars that shape the region. "
        "Before joining Newsdesk she spent eight years reporting on the Caucasus and Central Asia.",
        "#8b1e2d",
        "nadiakarimi_nd",
    ),
    Author(
        "tom-whitlock",
        "Tom Whitlock",
        "Gulf editor",
        "Tom Whitlock runs Newsdesk's coverage of the Gulf monarchies from Dubai. "
        "He has written about oil markets, sovereign wealth and Gulf diplomacy for more than a decade.",
        "#a86a12",
    ),
    Author(
        "leyla-aydin",
        "Leyla Aydın",
        "Turkey correspondent",
        "Leyla Aydın reports on Turkish politics, the economy and foreign policy from Istanbul. "
        "She previously worked as an economics reporter covering the lira and the central bank.",
        "#b03a2e",
    ),
    Author(
        "omar-haddad",
        "Omar Haddad",
        "Iraq and Levant correspondent",
        "Omar Haddad writes about Iraq, Syria and Lebanon, with a focus on energy, water and armed groups. "
        "He divides his time between Baghdad, Erbil and Beirut.",
        "#6b4c9a",
    ),
    Author(
        "miriam-sela",
        "Miriam Sela",
        "Israel and Palestine correspondent",
        "Miriam Sela covers Israeli politics and the Israeli–Palestinian conflict from Jerusalem. "
        "She has reported on four Israeli elections and the long fight over the country's courts.",
        "#1f4e8c",
    ),
    Author(
        "daniel-reyes",
        "Daniel Reyes",
        "Business & Tech editor",
        "Daniel Reyes edits Newsdesk's business and technology coverage, from sovereign funds to start-ups. "
        "He was previously a markets reporter in London and Singapore.",
        "#0e6b78",
    ),
)

LEAD_SLUG = "iran-belarus-sign-defence-memorandum"

LEAD_STORY = Article(
    slug=LEAD_SLUG,
    section="security",
    title="Iran and Belarus sign defence pact as Tehran draws closer to Russia's main ally",
    dek=(
        "A memorandum signed by the two defence ministers in Tehran adds a military strand to a partnership "
        "that already covers cars, trade and, reportedly, drones."
    ),
    published=at("2023-08-21"),
    authors=("nadia-karimi",),
    topics=("iran", "russia-ukraine-war", "belarus", "russia", "ukraine", "united-states"),
    image_label="Tehran, 13 March 2023",
    caption=(
        "Belarusian President Alexander Lukashenko and Iranian President Ebrahim Raisi meet in Tehran, 13 March 2023."
    ),
    credit="Illustration: Newsdesk demo image (stands in for a news photo)",
    body=(
        """
        Iran and Belarus signed a memorandum of understanding on military cooperation in Tehran on Monday,
        tying the Islamic Republic more closely to the government in Minsk, Moscow's most dependable partner
        in Europe.

        The document was signed by Iran's defence minister, Brig. Gen. Mohammad Reza Ashtiani, and the visiting
        Belarusian defence minister, Gen. Viktor Khrenin. Iran's state news agency, IRNA, reported the signing,
        and the Belarus defence ministry confirmed it in a post on its social media channels.

        Neither government released the text of the memorandum or said what it commits the two armed forces
        to do. According to the Iranian report, the two ministers also discussed the war in Ukraine.

        Belarus has stood by Russia throughout that war. Its president, Alexander Lukashenko, is one of Vladimir
        Putin's closest allies, and Minsk depends heavily on Moscow for money, energy and security.

        Iran, for its part, has been sending Russia Shahed one-way attack drones, often called suicide drones,
        since 2022, and the military relationship between Tehran and Moscow has deepened since then. A formal
        defence link with Belarus extends that relationship to a third capital.

        The agreement follows months of growing contact. In March 2023 Mr Lukashenko travelled to Tehran, where
        he met President Ebrahim Raisi and the Supreme Leader, Ayatollah Ali Khamenei, and the two governments
        signed several cooperation agreements.

        Trade has followed. In May the Iranian carmaker SAIPA announced a three-year deal worth $497 million to
        export vehicles to Belarus, one of the largest commercial contracts between the two countries.

        The same month, according to Ukraine's National Resistance Center, a group of Iranian engineers visited
        Belarus on a trip organised by Russia to study whether Shahed drones could be produced there. Building
        the drones in Belarus would spare Russia the long logistics of shipping them from Iran.

        Belarus would not be the only site. The Financial Times reported in July 2023 that Iran was helping
        Russia build a drone factory in Tatarstan, and in June the United States accused Iran of supplying
        materials for a drone plant east of Moscow.
        """,
        why(
            """
            The memorandum gives a formal shape to a triangle linking Tehran, Minsk and Moscow. Each side gains
            something: Russia a deeper supply of drones, Belarus a new arms and trade partner while under Western
            sanctions, and Iran a foothold in Europe and more weight in its dealings with Moscow.

            If Shahed production does move to Belarus, drones would reach Russian forces without the long route
            from Iran, making the supply harder for Ukraine and its Western backers to trace and disrupt.
            """
        ),
        know(
            """
            March 2023: Alexander Lukashenko visits Tehran and meets Ebrahim Raisi and Ali Khamenei; several
            cooperation agreements are signed.

            May 2023: SAIPA announces a three-year, $497 million deal to export vehicles to Belarus.

            May 2023: Iranian engineers visit Belarus, on a trip organised by Russia, to look at producing Shahed
            drones there, according to Ukraine's National Resistance Center.

            June 2023: the United States accuses Iran of supplying materials for a drone plant east of Moscow.

            July 2023: the Financial Times reports that Iran is helping Russia build a drone factory in Tatarstan.

            21 August 2023: the defence ministers of Iran and Belarus sign a memorandum of understanding in Tehran.
            """
        ),
    ),
)

ARTICLES: tuple[Article, ...] = (LEAD_STORY,)
