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

# How each demo story is labelled on cards; stories not listed are news.
KINDS = {
    "why-gulf-states-build-layered-air-defences": "explainer",
    "what-a-saudi-israeli-deal-would-take": "analysis",
    "palestinian-authority-money-problem": "analysis",
    "abu-dhabi-falcon-models-gulf-ai": "analysis",
    "heat-drought-power-cuts-iraq-summer": "analysis",
    "iran-rial-record-low": "explainer",
    "turkish-inflation-holds-above-60-percent": "analysis",
    "iraq-unveils-development-road": "explainer",
    "saudi-arabia-buys-turkish-akinci-drones": "analysis",
    "iran-joins-shanghai-cooperation-organisation": "opinion",
}

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
    topics=("iran", "russia-ukraine-war", "drones", "belarus", "russia", "ukraine", "united-states"),
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

# Security -------------------------------------------------------------------

SECURITY: tuple[Article, ...] = (
    Article(
        slug="houthis-seize-cargo-ship-red-sea",
        section="security",
        title="Houthis seize a cargo ship in the Red Sea, turning Gaza war threats into action at sea",
        dek="The capture of a car carrier by Yemen's Houthi movement puts one of the world's busiest shipping lanes "
        "in the line of fire.",
        published=at("2023-11-20", 8, 30),
        authors=("nadia-karimi",),
        topics=("yemen", "shipping", "israel-hamas-war", "israel"),
        image_label="Southern Red Sea",
        caption="The southern Red Sea, where the car carrier was seized on 19 November 2023.",
        body=(
            """
            Yemen's Houthi movement seized a cargo ship in the southern Red Sea on Sunday, carrying out a threat to
            target vessels it links to Israel for as long as the war in Gaza continues.

            Footage released by the group showed armed men being lowered from a helicopter onto the deck of the
            Galaxy Leader, a car carrier, which was then steered towards the Yemeni coast. About two dozen crew
            members of several nationalities were on board; none of them was Israeli.

            Israel said the vessel was neither Israeli-owned nor Israeli-operated. Shipping records tie its owner to
            a company associated with an Israeli businessman; the ship was chartered to a Japanese operator and
            sailed under the flag of the Bahamas.

            The Houthis, who hold Yemen's capital, Sanaa, and much of the country's north, have fired missiles and
            drones towards Israel since October, most of them intercepted. The seizure marks a shift from long-range
            strikes to direct action against commercial traffic close to their own shores.
            """,
            why(
                """
                A large share of the trade between Asia and Europe passes through the Bab el-Mandeb strait and the
                Suez Canal. If insurers and shipping lines judge the route too risky, cargoes will have to sail
                around Africa instead, adding days and costs to every voyage.
                """
            ),
        ),
    ),
    Article(
        slug="attacks-on-us-forces-iraq-syria-multiply",
        section="security",
        title="Drone and rocket attacks on US forces in Iraq and Syria multiply as the Gaza war spreads",
        dek="Washington has struck back at sites it links to Iran's Revolutionary Guards, but the groups behind the "
        "attacks show little sign of stopping.",
        published=at("2023-10-27", 10),
        authors=("nadia-karimi", "omar-haddad"),
        topics=("iraq", "syria", "united-states", "iran", "drones", "israel-hamas-war"),
        image_label="Eastern Syria",
        caption="Desert near the Syrian–Iraqi border, where several US positions are located.",
        access=PRO,
        body=(
            """
            US troops in Iraq and Syria have come under repeated drone and rocket fire since mid-October, in attacks
            claimed by a coalition of armed groups aligned with Iran that say they are acting in response to the war
            in Gaza.

            Most of the attacks have caused little damage, and many drones were shot down before reaching their
            targets. But some service members have suffered minor injuries, and the tempo is higher than at any
            time in recent years.
            """,
            TEASER,
            """
            On Thursday night American aircraft struck two facilities in eastern Syria that the Pentagon said were
            used by Iran's Islamic Revolutionary Guard Corps and groups it backs. US officials described the strikes
            as narrowly tailored, meant to protect American personnel rather than to widen the conflict.

            The US keeps about 2,500 troops in Iraq and around 900 in Syria, mainly to support operations against
            the remnants of Islamic State. Their bases, spread across remote desert and the edges of towns, are hard
            to protect fully against cheap, low-flying drones.

            The pattern suggests a calibrated campaign: enough pressure to signal solidarity with Hamas and raise
            the cost of American support for Israel, but short of the kind of mass-casualty attack that would invite
            a much heavier response.
            """,
            why(
                """
                The attacks test whether Washington and Tehran can keep the Gaza war from turning into a wider
                regional conflict. For Iraq's government, which relies both on the US and on political parties close
                to the armed groups, every strike and counter-strike makes its balancing act harder.
                """
            ),
        ),
    ),
    Article(
        slug="saudi-arabia-buys-turkish-akinci-drones",
        section="security",
        title="Saudi Arabia signs for Turkish Akinci drones in Ankara's largest arms export",
        dek="The agreement, signed during President Erdoğan's Gulf tour, caps a sharp turnaround in relations "
        "between two former rivals.",
        published=at("2023-07-19", 11),
        authors=("leyla-aydin", "tom-whitlock"),
        topics=("saudi-arabia", "turkey", "drones"),
        image_label="Akinci",
        caption="A Turkish-built combat drone of the type covered by the agreement.",
        body=(
            """
            Saudi Arabia has agreed to buy Akinci combat drones from the Turkish manufacturer Baykar, in what the
            company described as the biggest export contract in the history of Turkey's defence industry.

            The deal was signed in Jeddah during a visit by President Recep Tayyip Erdoğan, the first stop on a tour
            of the Gulf that also took him to Qatar and the United Arab Emirates. Neither side disclosed its value.
            Baykar said it would include technology transfer and production in the kingdom.

            The Akinci is a larger, heavier relative of the Bayraktar TB2, the drone that made Baykar's name in
            conflicts from Libya to Ukraine. It can carry a wider range of munitions and stay airborne for more than
            a day.

            The sale would have been hard to imagine a few years ago. Relations between Ankara and Riyadh sank after
            the killing of the journalist Jamal Khashoggi at the Saudi consulate in Istanbul in 2018, and began to
            recover only in 2022, as Turkey, short of foreign currency, courted Gulf investment.
            """,
            why(
                """
                Gulf states want to buy weapons from more than one supplier and to build some of them at home.
                Turkish drones are cheaper than Western equivalents and come with fewer political conditions, and
                each sale deepens the economic ties that Ankara needs.
                """
            ),
        ),
    ),
    Article(
        slug="israel-hezbollah-trade-fire-lebanon-border",
        section="security",
        title="Israel and Hezbollah trade fire across the Lebanese border as fears grow of a second front",
        dek="Daily exchanges of rockets, anti-tank missiles and shellfire have emptied villages on both sides of "
        "the frontier.",
        published=at("2023-10-16", 15),
        authors=("omar-haddad", "miriam-sela"),
        topics=("lebanon", "israel", "israel-hamas-war", "iran"),
        image_label="Israel–Lebanon border",
        caption="Hills along the border between Israel and Lebanon.",
        body=(
            """
            Israel and Hezbollah have exchanged fire across the Lebanese border almost every day since 8 October,
            when the Iran-backed group fired at Israeli positions in a show of support for Hamas.

            The clashes have so far stayed within an unwritten set of limits: most strikes hit military posts and
            open ground within a few kilometres of the frontier. Both sides have still suffered losses, and
            civilians and journalists have been among those killed.

            Israel has ordered the evacuation of communities close to the border, and thousands of people in
            southern Lebanon have fled north. Schools in several border districts have closed.

            Hezbollah is far better armed than Hamas, with an arsenal that analysts estimate at well over 100,000
            rockets and missiles, some of them precision-guided. A full-scale war would threaten cities deep inside
            Israel and would probably bring devastating strikes on Lebanon, which is already in the fourth year of
            an economic collapse.
            """,
            know(
                """
                Hezbollah and Israel last fought a full war in 2006; it lasted 34 days.

                UN peacekeepers, known as UNIFIL, patrol the area between the border and the Litani river.
                """
            ),
        ),
    ),
    Article(
        slug="why-gulf-states-build-layered-air-defences",
        section="security",
        title="Why the Gulf states are racing to build layered air defences",
        dek="Years of drone and missile attacks have taught Riyadh and Abu Dhabi that expensive interceptors alone "
        "cannot protect oil plants and cities.",
        published=at("2023-04-12", 7),
        authors=("tom-whitlock", "nadia-karimi"),
        topics=("saudi-arabia", "uae", "drones", "yemen"),
        image_label="Air defence",
        caption="An air-defence radar site in the Gulf.",
        access=PRO,
        body=(
            """
            For much of the past decade, the most serious threat to the Gulf monarchies has come not from armies but
            from the sky. Drones and missiles launched from Yemen, and, Gulf governments say, from Iraq and Iran, have
            struck oil facilities, airports and cities.

            The attack on Saudi Aramco's plants at Abqaiq and Khurais in September 2019 briefly knocked out about
            half of the kingdom's oil output. In January 2022 a Houthi strike on Abu Dhabi killed three people near
            a fuel depot, a shock for a country that had long seen itself as insulated from the region's wars.
            """,
            TEASER,
            """
            Those episodes exposed a problem of cost. A Patriot interceptor costs millions of dollars; the drones it
            brings down can cost a few tens of thousands. Gulf militaries are now buying a mix of systems that match
            the weapon to the threat: long-range interceptors for ballistic missiles, shorter-range guns and missiles
            for drones, and electronic jamming that costs little per shot.

            They are also trying to connect their radars. Washington has long pushed for an integrated regional
            air-defence network, but Gulf capitals have been reluctant to share sensitive data with one another,
            let alone with Israel.

            The truce in Yemen, in place in some form since April 2022, has lowered the pressure. Few defence
            planners in the region assume it will last for ever.
            """,
            why(
                """
                Air defence has become the region's largest arms market. The choices Gulf states make now will shape
                whom they buy from, how closely they work with the US, and whether a shared regional shield ever
                emerges.
                """
            ),
        ),
    ),
)

# Gulf -----------------------------------------------------------------------

GULF: tuple[Article, ...] = (
    Article(
        slug="saudi-arabia-iran-restore-ties-china-deal",
        section="gulf",
        title="Saudi Arabia and Iran agree to restore relations in a deal brokered by China",
        dek="The two regional rivals will reopen their embassies within two months, seven years after cutting ties.",
        published=at("2023-03-10", 14),
        authors=("tom-whitlock",),
        topics=("saudi-arabia", "iran", "diplomacy"),
        image_label="Beijing talks",
        caption="Beijing, where the agreement between Saudi Arabia and Iran was announced.",
        body=(
            """
            Saudi Arabia and Iran agreed on Friday to restore diplomatic relations and reopen their embassies within
            two months, ending a seven-year rupture between the Gulf's two largest powers.

            The agreement was announced in Beijing after several days of talks hosted by China, in a joint statement
            by the three countries. It also revives a security cooperation accord the two sides signed in 2001 and
            an older agreement on trade and investment.

            Riyadh cut ties with Tehran in 2016, after protesters stormed Saudi diplomatic missions in Iran following
            the kingdom's execution of a prominent Shia cleric. Since then the two have backed opposing sides in
            conflicts from Yemen to Syria and Lebanon.

            Iraq and Oman had hosted several rounds of lower-level talks between the two sides since 2021, laying
            much of the groundwork. But the final deal came in Beijing, a sign of China's new willingness to act as
            a mediator in a region where the United States has long been the dominant outside power.
            """,
            why(
                """
                A working relationship between Riyadh and Tehran could lower the temperature in Yemen, where Saudi
                Arabia wants to end its war with the Iran-aligned Houthis. For China the deal is a diplomatic first in
                the Middle East; for Washington it is a reminder that its Gulf partners are hedging their bets.
                """
            ),
        ),
    ),
    Article(
        slug="saudi-arabia-extends-voluntary-oil-cut",
        section="gulf",
        title="Saudi Arabia extends its extra oil output cut to the end of the year",
        dek="The kingdom will keep pumping a million barrels a day below its target through December, betting that "
        "tighter supply will hold prices up.",
        published=at("2023-09-05", 15),
        authors=("tom-whitlock", "daniel-reyes"),
        topics=("saudi-arabia", "energy", "russia"),
        image_label="Oil output",
        caption="Oil storage tanks in Saudi Arabia's Eastern Province.",
        access=PRO,
        body=(
            """
            Saudi Arabia said on Tuesday that it would extend its voluntary cut of one million barrels a day in crude
            production until the end of December, keeping its output at about nine million barrels a day.

            The kingdom introduced the extra cut in July, on top of reductions agreed with its partners in the OPEC+
            group, and has renewed it month by month since. The energy ministry said the decision would be reviewed
            every month, leaving room to deepen the cut or unwind it.
            """,
            TEASER,
            """
            Russia announced on the same day that it would keep curbing its oil exports by 300,000 barrels a day until
            the end of the year. Brent crude rose above $90 a barrel after the announcements, its highest level since
            November 2022.

            The strategy is not cheap for Riyadh. Lower volumes have eaten into Saudi Aramco's earnings and slowed
            the kingdom's economy, which is expected to grow far more slowly this year than in 2022, when high prices
            made it one of the fastest-growing large economies in the world. The government appears willing to trade
            volume for price to fund its spending plans.
            """,
            why(
                """
                Saudi Arabia is acting as the market's swing producer largely on its own. The longer it holds back
                output, the more market share it cedes to rivals such as the United States, and the more its economy
                depends on prices staying high.
                """
            ),
        ),
    ),
    Article(
        slug="cop28-opens-dubai-loss-and-damage-fund",
        section="gulf",
        title="COP28 opens in Dubai with early agreement on a loss and damage fund",
        dek="Delegates approved the rules of a fund for climate-vulnerable countries on the first day, a rare quick "
        "win for the UN talks.",
        published=at("2023-11-30", 16),
        authors=("tom-whitlock",),
        topics=("uae", "energy", "diplomacy"),
        image_label="COP28, Dubai",
        caption="Expo City Dubai, the venue of the COP28 climate summit.",
        body=(
            """
            The UN climate summit in Dubai opened on Thursday with countries approving the rules for a fund to help
            poor nations cope with climate-related disasters, an issue that has divided negotiators for years.

            The United Arab Emirates, the host, and Germany each pledged $100 million to the fund, and other
            countries followed with smaller sums. Developing countries welcomed the quick start but noted that the
            early pledges fall far short of the losses they already face from floods, droughts and storms.

            The summit, known as COP28, is chaired by Sultan al-Jaber, the head of the Abu Dhabi National Oil
            Company. His appointment was criticised by environmental groups, who argued that an oil executive should
            not lead talks on cutting the use of fossil fuels.

            The hardest argument is still to come. Many countries want the final agreement to commit the world to
            phasing out fossil fuels, while major oil and gas producers are resisting. Tens of thousands of
            delegates, campaigners and business people have registered to attend.
            """,
            know(
                """
                COP stands for the Conference of the Parties to the UN Framework Convention on Climate Change.

                The loss and damage fund was agreed in principle at COP27 in Sharm el-Sheikh, Egypt, in 2022.

                COP28 is scheduled to run until 12 December.
                """
            ),
        ),
    ),
    Article(
        slug="cop28-ends-call-transition-away-fossil-fuels",
        section="gulf",
        title="COP28 ends with a first call to transition away from fossil fuels",
        dek="The final text stops short of a phase-out but names oil, gas and coal for the first time in three "
        "decades of climate talks.",
        published=at("2023-12-13", 14),
        authors=("tom-whitlock", "daniel-reyes"),
        topics=("uae", "energy", "saudi-arabia", "diplomacy"),
        image_label="COP28 deal",
        caption="The plenary hall at COP28 in Dubai.",
        access=REGISTERED,
        body=(
            """
            Nearly 200 countries at the climate summit in Dubai agreed on Wednesday to a text that calls for
            "transitioning away from fossil fuels in energy systems" so that the world reaches net zero emissions by
            2050.

            It is the first time a UN climate agreement has referred to moving away from all fossil fuels; earlier
            texts mentioned only coal. The talks ran a day beyond their scheduled close after an earlier draft,
            which avoided such language, was rejected by a large group of countries as too weak.
            """,
            TEASER,
            """
            The agreement also calls for tripling renewable energy capacity and doubling the rate of improvement in
            energy efficiency by 2030.

            Small island states and many European countries had pushed for a commitment to "phase out" fossil fuels.
            Saudi Arabia and other producers opposed such wording, arguing that the focus should be on cutting
            emissions rather than on particular fuels. The compromise leaves room for interpretation, including a
            role for "transitional fuels", widely read as natural gas.

            For the UAE the outcome is a diplomatic success after months of criticism over its choice of an oil
            executive to preside over the talks. The test will be whether it changes investment decisions, including
            those of Gulf national oil companies that are still expanding capacity.
            """,
            why(
                """
                For Gulf producers the deal signals that the long-term direction of policy runs against their main
                export. How quickly that signal reaches the market will shape the value of their reserves and the pace
                at which they diversify their economies.
                """
            ),
        ),
    ),
    Article(
        slug="kuwait-emir-sheikh-nawaf-dies",
        section="gulf",
        title="Kuwait's emir, Sheikh Nawaf al-Ahmad al-Sabah, dies at 86",
        dek="Crown Prince Sheikh Meshal al-Ahmad al-Sabah becomes ruler after two years in which he handled most "
        "day-to-day affairs of state.",
        published=at("2023-12-16", 13),
        authors=("tom-whitlock",),
        topics=("kuwait",),
        image_label="Kuwait City",
        caption="The skyline of Kuwait City.",
        body=(
            """
            Kuwait's ruler, Sheikh Nawaf al-Ahmad al-Sabah, died on Saturday at the age of 86, the royal court
            announced. He had been admitted to hospital in late November.

            Sheikh Nawaf became emir in September 2020 after the death of his half-brother, Sheikh Sabah al-Ahmad
            al-Sabah, who had steered Kuwait's foreign policy for decades. In 2021 he handed many of his duties to
            the crown prince, Sheikh Meshal al-Ahmad al-Sabah.

            The cabinet named Sheikh Meshal, who is 83, as the new emir. A former deputy chief of the National Guard
            who also ran the state security service for many years, he has been the country's most powerful official
            for the past two years.

            Kuwait, one of the world's largest oil exporters, has the most assertive elected parliament in the Gulf.
            Repeated stand-offs between the assembly and governments appointed by the ruling family have led to
            frequent dissolutions and elections, and have stalled economic reforms.
            """,
            know(
                """
                Kuwait held parliamentary elections in 2020, 2022 and June 2023.

                Under the constitution the new emir must name a crown prince, whose appointment must then be approved
                by the National Assembly.
                """
            ),
        ),
    ),
    Article(
        slug="qatar-mediation-gaza-truce-hostage-releases",
        section="gulf",
        title="Qatar's mediation produces a pause in Gaza and the first hostage releases",
        dek="A four-day truce brokered by Doha with Egypt and the United States is the first break in the fighting "
        "since 7 October.",
        published=at("2023-11-24", 10),
        authors=("tom-whitlock", "miriam-sela"),
        topics=("qatar", "egypt", "united-states", "israel", "palestine", "israel-hamas-war", "diplomacy"),
        image_label="Doha",
        caption="Doha, the Qatari capital, where much of the negotiation took place.",
        body=(
            """
            A truce between Israel and Hamas took effect in Gaza on Friday morning, the result of weeks of
            negotiations led by Qatar with support from Egypt and the United States.

            Under the agreement, Hamas is to free 50 women and children held hostage in Gaza over four days, in
            exchange for the release of 150 Palestinian women and minors held in Israeli prisons. The pause can be
            extended by a day for every ten additional hostages released, and more fuel and aid are to be allowed
            into the territory.

            Qatar hosts Hamas's political office in Doha, an arrangement it says was set up more than a decade ago
            in coordination with Washington to keep a channel open to the group. That link, long criticised in Israel
            and in the US Congress, has made the small Gulf state the indispensable go-between.

            Egypt, which borders Gaza and controls the Rafah crossing, played its own part in the talks and in
            receiving the released hostages and moving aid.
            """,
            why(
                """
                The deal shows the value of Qatar's unusual position as a US ally that can talk to Hamas, Iran and
                the Taliban. It also exposes Doha: if the truce collapses, critics in Israel and the US will ask again
                why Hamas's leaders are allowed to live there.
                """
            ),
        ),
    ),
)

# Iran -----------------------------------------------------------------------

IRAN: tuple[Article, ...] = (
    Article(
        slug="iran-frees-five-americans-funds-move-to-qatar",
        section="iran",
        title="Iran frees five Americans as $6bn in frozen funds moves to Qatar",
        dek="A prisoner exchange mediated by Qatar brings home dual nationals held in Tehran but leaves the wider "
        "dispute between Iran and the US unresolved.",
        published=at("2023-09-18", 12),
        authors=("nadia-karimi",),
        topics=("iran", "united-states", "qatar", "diplomacy"),
        image_label="Doha airport",
        caption="Doha's international airport, the first stop for the released Americans.",
        body=(
            """
            Five US citizens who had been held in Iran flew out of Tehran on Monday on a Qatari plane, completing a
            prisoner exchange between Iran and the United States that took months of indirect negotiation.

            In return, Washington agreed to release or drop charges against five Iranians held or accused in the US,
            and allowed the transfer of about $6 billion in Iranian oil revenue that had been frozen in South Korea
            to accounts in Qatar.

            US officials say the money can be spent only on humanitarian goods such as food and medicine, under the
            supervision of Qatari banks, and that Iran will not receive it in cash. Iranian officials describe the
            funds as their country's own money, to be used as Iran sees fit.

            The deal was criticised by Republicans in Congress, who argued that it rewards hostage-taking. The Biden
            administration says no American taxpayers' money is involved.
            """,
            know(
                """
                The funds had been blocked in South Korea under US sanctions and were converted into euros before
                being moved to Qatar.

                Two of the five Iranians chose to remain in the United States.
                """
            ),
        ),
    ),
    Article(
        slug="iran-tightens-security-mahsa-amini-anniversary",
        section="iran",
        title="Iran tightens security on the anniversary of Mahsa Amini's death",
        dek="A year after her death in police custody set off months of protest, the authorities are determined to "
        "prevent a repeat.",
        published=at("2023-09-16", 11),
        authors=("nadia-karimi",),
        topics=("iran",),
        image_label="Tehran",
        caption="A main square in central Tehran.",
        access=REGISTERED,
        body=(
            """
            Iran deployed large numbers of security forces in Tehran and in Kurdish cities on Saturday, the first
            anniversary of the death of Mahsa Amini, a 22-year-old Kurdish woman who died in the custody of the
            morality police.

            Her death, three days after she was detained for allegedly breaking the rules on women's dress, set off
            the most sustained protests the Islamic Republic had faced in years. Young women removed their headscarves
            in public, and chants against the clerical leadership spread from universities to small towns.
            """,
            TEASER,
            """
            The authorities responded with force. Human rights groups say more than 500 protesters were killed and
            thousands arrested, and several men have been executed after trials that rights groups condemned as
            unfair.

            Rights groups reported that Ms Amini's family had been warned against holding a memorial, and that
            activists and relatives of people killed during the protests had been detained in the weeks before the
            anniversary. Internet connections were disrupted in several areas.

            The protests have ebbed, but their mark is visible. Many women in big cities still go out without a
            headscarf, and parliament is debating a bill that would impose far tougher penalties for breaking the
            dress code.
            """,
            why(
                """
                The government has restored order but not consent. The gap between a young, urban population and
                the state's religious rules has not closed, and the dress-code bill could become a new source of
                confrontation.
                """
            ),
        ),
    ),
    Article(
        slug="iran-joins-shanghai-cooperation-organisation",
        section="iran",
        title="Iran becomes a full member of the Shanghai Cooperation Organisation",
        dek="Membership of the bloc led by China and Russia gives Tehran a diplomatic platform as its talks with the "
        "West stall.",
        published=at("2023-07-04", 15),
        authors=("nadia-karimi",),
        topics=("iran", "russia", "diplomacy"),
        image_label="SCO summit",
        caption="Flags of member states at a Shanghai Cooperation Organisation meeting.",
        body=(
            """
            Iran formally joined the Shanghai Cooperation Organisation on Tuesday, becoming the ninth full member of
            the security and economic grouping led by China and Russia.

            Its accession was confirmed at a summit held by video link and chaired by India, which holds the group's
            rotating presidency. Iran had been an observer for nearly two decades and was accepted in principle as a
            member in 2021.

            The SCO was founded in 2001 to handle border and security questions in Central Asia. It has since grown
            to include India and Pakistan and, with Iran, now spans much of the Eurasian landmass and a large share
            of the world's population.

            For Tehran the main value is political. Membership lets Iranian leaders argue that efforts to isolate
            the country have failed, and offers regular contact with Beijing, Moscow and the Central Asian states
            while negotiations over its nuclear programme are stalled.
            """,
            why(
                """
                The SCO has no mutual-defence clause and little economic machinery, so membership will not ease
                sanctions on its own. But it adds to a pattern: Iran's foreign policy is turning east, and its
                partners there are happy to give it a seat at the table.
                """
            ),
        ),
    ),
    Article(
        slug="iran-rial-record-low",
        section="iran",
        title="Iran's rial sinks to a record low as inflation and sanctions take their toll",
        dek="The currency's slide pushes up the price of almost everything, squeezing households already struggling "
        "with inflation near 50 percent.",
        published=at("2023-02-27", 8),
        authors=("nadia-karimi", "daniel-reyes"),
        topics=("iran",),
        image_label="Rial",
        caption="A currency exchange district in Tehran.",
        access=PRO,
        body=(
            """
            Iran's currency fell to a record low on the open market at the weekend, trading at around 600,000 rials
            to the US dollar, according to exchange dealers in Tehran and websites that track the rate.

            The rial has been under pressure since protests swept the country last autumn and hopes of reviving the
            2015 nuclear deal faded. Each new low pushes up the price of imported goods and of the many local products
            that depend on imported parts.
            """,
            TEASER,
            """
            Official figures put annual inflation at around 50 percent. The prices of meat, dairy products and rents
            have risen faster, and many families have cut back on basics.

            The central bank has tried to steady the market by selling hard currency at a lower official rate
            through a new government-run exchange centre. But access to that rate is limited, and demand for
            dollars, gold and gold coins has stayed strong as Iranians try to protect their savings.

            Little relief is in sight while oil exports remain constrained by sanctions and the government runs a
            budget deficit financed partly by borrowing from the banking system.
            """,
            why(
                """
                The rial is the most visible measure of how Iranians feel about their country's future. A falling
                currency erodes wages and savings, and economic anger was one of the forces behind the protests of
                2017, 2019 and 2022.
                """
            ),
        ),
    ),
    Article(
        slug="iran-withdraws-approval-for-un-nuclear-inspectors",
        section="iran",
        title="Iran withdraws approval for several UN nuclear inspectors",
        dek="The move further limits oversight of a programme that is enriching uranium close to weapons grade.",
        published=at("2023-09-19", 9),
        authors=("nadia-karimi",),
        topics=("iran", "united-states", "diplomacy"),
        image_label="Vienna",
        caption="The Vienna International Centre, home of the International Atomic Energy Agency.",
        body=(
            """
            Iran has withdrawn the accreditation of several experienced inspectors from the International Atomic
            Energy Agency, the UN nuclear watchdog said, a step the agency strongly criticised.

            Iran said the decision was a response to what it called political abuse of the agency by the United
            States and three European countries, Britain, France and Germany, which had criticised its lack of
            cooperation at the agency's board meeting the previous week.

            The agency's access in Iran has been shrinking since 2021, when Tehran stopped applying extra monitoring
            measures agreed under the 2015 nuclear deal. Surveillance cameras removed in 2022 have been only partly
            reinstalled.

            Meanwhile Iran continues to enrich uranium to up to 60 percent purity, a short technical step from the
            roughly 90 percent used in weapons. Iran denies seeking nuclear weapons and says its programme is
            peaceful.
            """,
            why(
                """
                Without inspectors who know its facilities well, the outside world's view of Iran's nuclear work
                grows blurrier just as its stockpile of highly enriched uranium grows. That uncertainty raises the
                risk of miscalculation by Israel, the United States or Iran itself.
                """
            ),
        ),
    ),
)

# Israel ---------------------------------------------------------------------

ISRAEL: tuple[Article, ...] = (
    Article(
        slug="knesset-passes-reasonableness-law",
        section="israel",
        title="Israel's parliament passes the first law of the judicial overhaul as protests swell",
        dek="The coalition voted to strip the Supreme Court of a key power over government decisions after "
        "opposition members walked out.",
        published=at("2023-07-24", 18),
        authors=("miriam-sela",),
        topics=("israel",),
        image_label="Knesset",
        caption="The Knesset, Israel's parliament, in Jerusalem.",
        body=(
            """
            Israel's parliament on Monday approved a law that stops courts from striking down decisions by the
            government and its ministers on the grounds that they are "unreasonable", the first major part of the
            governing coalition's plan to reshape the judiciary to become law.

            The measure passed by 64 votes to none after opposition members left the chamber in protest. Talks
            mediated by President Isaac Herzog to find a compromise had collapsed hours earlier.

            Tens of thousands of Israelis protested outside the Knesset in Jerusalem and in Tel Aviv, and police
            used water cannon to disperse some of the crowds. Protest leaders called for larger demonstrations.

            The coalition argues that unelected judges have too much power over elected officials. Opponents say
            the overhaul would remove one of the few checks on government in a country with no written constitution
            and no second chamber. Petitions against the law were filed at the Supreme Court within hours.
            """,
            know(
                """
                The reasonableness standard let judges overturn administrative decisions that fell far outside what
                a reasonable authority would decide.

                In January 2023 the court relied on it to rule that Aryeh Deri, a party leader convicted of tax
                offences, could not serve as a minister.
                """
            ),
        ),
    ),
    Article(
        slug="israeli-reservists-stop-volunteering",
        section="israel",
        title="Thousands of Israeli reservists say they will stop volunteering over the judicial plan",
        dek="Pilots, special forces and intelligence officers are among those warning that they will not report for "
        "duty if the overhaul passes.",
        published=at("2023-07-21", 12),
        authors=("miriam-sela", "nadia-karimi"),
        topics=("israel",),
        image_label="Reservists",
        caption="An Israeli air force base in the Negev desert.",
        body=(
            """
            More than a thousand air force reservists said on Friday that they would stop reporting for voluntary
            duty if the government pushed ahead with its plan to curb the power of the courts, adding to a wave of
            similar pledges across the Israeli military.

            Thousands of reservists from other units, including special forces, cyber and intelligence, have signed
            comparable letters in recent days. Many of them serve voluntarily, well beyond the age at which they are
            required to report.

            Reservists are the backbone of Israel's armed forces, and pilots in particular must train regularly to
            stay ready for combat. Senior commanders have reportedly warned ministers that a long boycott would
            soon erode readiness.

            Supporters of the overhaul accuse the protesters of using military service as political leverage, which
            they call dangerous in a country surrounded by enemies. The reservists reply that they volunteered to
            serve a democracy and that the overhaul would change the nature of the state.
            """,
            why(
                """
                The military has long been one of the few institutions that bridge Israel's political divides. A split
                running through its reserve units would affect its capacity to fight, and signal to Israel's
                adversaries that the country is weakened from within.
                """
            ),
        ),
    ),
    Article(
        slug="hamas-attack-southern-israel-war-declared",
        section="israel",
        title="Hamas attack on southern Israel kills hundreds; Israel declares war",
        dek="Gunmen crossed from Gaza into Israeli towns, kibbutzim and a music festival in the deadliest day in "
        "Israel's history.",
        published=at("2023-10-08", 7),
        authors=("miriam-sela", "nadia-karimi"),
        topics=("israel", "palestine", "israel-hamas-war"),
        image_label="Southern Israel",
        caption="Farmland near the boundary between Israel and the Gaza Strip.",
        body=(
            """
            Hamas fighters broke through the fence around the Gaza Strip on Saturday morning and attacked Israeli
            towns, kibbutzim, army posts and an open-air music festival, killing hundreds of people and taking many
            others back to Gaza as hostages.

            The assault began at dawn with a barrage of thousands of rockets, under cover of which gunmen crossed the
            boundary at dozens of points, some of them by paraglider. Fighting continued in several communities into
            the night as Israeli forces struggled to regain control.

            Israel's security cabinet formally declared war on Sunday. Israeli aircraft have struck hundreds of
            targets across Gaza, and Palestinian health officials have reported hundreds of deaths in the territory.

            The attack came on a Jewish holiday and almost exactly 50 years after the start of the 1973 war, which
            also took Israel by surprise. Questions are already being asked about how intelligence services long
            considered among the best in the world failed to detect preparations for an operation on this scale.
            """,
            know(
                """
                Hamas has controlled Gaza since 2007. Israel and Egypt have restricted movement into and out of the
                territory since then.

                Israel and Hamas fought wars in 2008–09, 2012, 2014 and 2021.
                """
            ),
        ),
    ),
    Article(
        slug="netanyahu-gantz-form-emergency-government",
        section="israel",
        title="Netanyahu and Gantz form an emergency government to run the war",
        dek="The centrist opposition leader joins a small war cabinet, setting aside months of bitter division over "
        "the judicial overhaul.",
        published=at("2023-10-11", 20),
        authors=("miriam-sela",),
        topics=("israel", "israel-hamas-war"),
        image_label="War cabinet",
        caption="Government offices in Jerusalem.",
        body=(
            """
            Prime Minister Benjamin Netanyahu and Benny Gantz, a former army chief who leads the centrist National
            Unity party, agreed on Wednesday to form an emergency government for the duration of the war with Hamas.

            A war cabinet will take the main decisions on the conduct of the fighting. Its members are Mr Netanyahu,
            Mr Gantz and the defence minister, Yoav Gallant, with observers including Gadi Eisenkot, another former
            chief of staff from Mr Gantz's party, and Ron Dermer, the strategic affairs minister.

            The two sides also agreed that the government would not pass laws or take decisions unrelated to the war
            while the arrangement lasts, which in effect freezes the contested overhaul of the judiciary. Yair Lapid,
            the leader of the opposition, did not join, although a seat was held open for him.

            The deal is the first formal cooperation between Mr Netanyahu and Mr Gantz since their previous unity
            government broke up in 2020. Many Israelis had demanded it after 7 October, when the divisions of the
            past year suddenly seemed a luxury the country could not afford.
            """,
            why(
                """
                Bringing Mr Gantz in broadens the legitimacy of decisions on the war, including a possible ground
                offensive in Gaza. It also puts some distance between war policy and the far-right ministers who had
                set much of the coalition's agenda.
                """
            ),
        ),
    ),
    Article(
        slug="what-a-saudi-israeli-deal-would-take",
        section="israel",
        title="What a Saudi–Israeli deal would take, and why it is still far off",
        dek="Washington is pushing for normalisation between its two main regional partners, but each side wants a "
        "price the others may not pay.",
        published=at("2023-09-22", 9),
        authors=("miriam-sela", "tom-whitlock"),
        topics=("israel", "saudi-arabia", "united-states", "palestine", "diplomacy"),
        image_label="Normalisation",
        caption="The Red Sea coast, which Israel and Saudi Arabia share with Egypt and Jordan.",
        access=PRO,
        body=(
            """
            Diplomatic relations between Saudi Arabia and Israel, unthinkable a decade ago, have become a central
            goal of US policy in the Middle East. Leaders in all three countries have said publicly this month that
            talks are under way.

            The outline of a deal is widely known. Saudi Arabia wants a formal defence commitment from the United
            States, help with a civilian nuclear programme that could include enriching uranium on its soil, and
            access to advanced American weapons. Israel wants recognition from the most important Arab and Muslim
            state. Washington hopes a deal would draw Riyadh away from China.
            """,
            TEASER,
            """
            The hardest part is the Palestinian question. Saudi Arabia has long said that normal relations require
            real steps towards a Palestinian state. Israel's government, the most right-wing in its history,
            includes parties that reject any such concession and want to expand settlements in the West Bank.

            The American side has constraints of its own. A defence treaty would need two-thirds of the Senate, where
            many Democrats are uneasy about closer security ties with Riyadh, and enrichment in Saudi Arabia worries
            non-proliferation experts.

            Time is short. With a US presidential election in November 2024, any agreement would probably have to be
            reached within months to pass Congress before the campaign takes over.
            """,
            why(
                """
                A Saudi–Israeli deal would redraw the region's alliances, much as the Abraham Accords did on a smaller
                scale in 2020. It would also reshape the Palestinian cause, which Arab states have long treated as a
                condition for recognising Israel.
                """
            ),
        ),
    ),
)

# Palestine ------------------------------------------------------------------

PALESTINE: tuple[Article, ...] = (
    Article(
        slug="israeli-forces-pull-out-of-jenin",
        section="palestine",
        title="Israeli forces pull out of Jenin after the largest West Bank operation in two decades",
        dek="Two days of raids and air strikes on the city's refugee camp left a dozen Palestinians and one Israeli "
        "soldier dead and thousands of residents displaced.",
        published=at("2023-07-05", 8),
        authors=("miriam-sela",),
        topics=("palestine", "israel", "drones"),
        image_label="Jenin",
        caption="Jenin, in the northern West Bank.",
        body=(
            """
            Israeli troops withdrew from the Jenin refugee camp in the occupied West Bank late on Tuesday, ending a
            two-day operation that the army said targeted armed groups that had made the camp their stronghold.

            Twelve Palestinians were killed, according to the Palestinian health ministry, and one Israeli soldier
            died. Israel said most of those killed were militants. Thousands of residents left the densely built
            camp during the fighting, and many returned to find homes damaged and roads torn up by armoured
            bulldozers.

            The army said it had destroyed weapons workshops and stores of explosives. It also used drones to strike
            targets from the air, a tactic rarely seen in the West Bank since the second intifada.

            Jenin has become the centre of a new generation of armed groups, many of whose members were born after
            the uprising of the early 2000s and have little connection to the established Palestinian factions. The
            Palestinian Authority, which nominally governs the city, has largely lost control there.
            """,
            why(
                """
                The operation may have weakened the groups for now, but similar raids over the past year have been
                followed by new recruits and new attacks. It also showed how little authority the Palestinian
                Authority still has in the northern West Bank.
                """
            ),
        ),
    ),
    Article(
        slug="first-aid-trucks-reach-gaza-through-rafah",
        section="palestine",
        title="First aid trucks reach Gaza through Rafah, a fraction of what is needed",
        dek="Twenty lorries of food, water and medicine crossed from Egypt after two weeks of siege; aid agencies "
        "say hundreds a day are required.",
        published=at("2023-10-22", 9),
        authors=("miriam-sela", "omar-haddad"),
        topics=("palestine", "egypt", "israel-hamas-war"),
        image_label="Rafah crossing",
        caption="The Rafah crossing between Egypt and the Gaza Strip.",
        body=(
            """
            The first humanitarian aid to reach Gaza since the start of the war entered the territory on Saturday,
            when 20 trucks crossed from Egypt through the Rafah border crossing.

            The convoy carried food, water and medical supplies. It did not include fuel, which Gaza's hospitals and
            water plants need to run their generators and which Israel has barred, arguing that Hamas would divert
            it for military use.

            Before the war about 500 trucks a day entered Gaza carrying goods of all kinds. UN agencies say the
            territory's 2.2 million people face acute shortages of water, food and medicine, and that a steady flow
            of aid, not a single convoy, is needed. Hundreds of trucks are still waiting on the Egyptian side.

            The opening followed days of diplomacy involving Egypt, Israel, the United States and the UN. Rafah is
            the only crossing into Gaza that Israel does not control, but aid cannot pass without its agreement, and
            Israel has insisted on inspecting the cargo.
            """,
            know(
                """
                Israel imposed a complete siege on Gaza on 9 October, cutting off electricity, food, fuel and water.

                Water supplies to parts of southern Gaza were partly restored on 15 October.
                """
            ),
        ),
    ),
    Article(
        slug="most-of-gaza-population-displaced",
        section="palestine",
        title="Most of Gaza's population has been forced from their homes, UN agencies say",
        dek="About 1.9 million people, roughly 85 percent of the territory's residents, are now displaced, many of "
        "them crowded into the southern city of Rafah.",
        published=at("2023-12-12", 10),
        authors=("miriam-sela",),
        topics=("palestine", "egypt", "israel-hamas-war"),
        image_label="Southern Gaza",
        caption="Tents and shelters in the southern Gaza Strip.",
        body=(
            """
            About 1.9 million people in Gaza, some 85 percent of the population, have been displaced since the war
            began on 7 October, according to UN estimates. Many have had to move several times as the fighting has
            shifted from the north of the territory to the south.

            The largest concentration is now in Rafah, on the border with Egypt, where UN shelters hold far more
            people than they were built for and families have put up tents in streets and open ground.

            Aid agencies warn of disease spreading in crowded conditions with little clean water, few working toilets
            and winter rain arriving. Most of Gaza's hospitals are no longer functioning, and those still open are
            overwhelmed.

            The seven-day truce that ended on 1 December brought a brief increase in deliveries. Since the fighting
            resumed the amount of aid entering has fallen again, and humanitarian groups say distributing it inside
            Gaza has become extremely difficult.
            """,
            why(
                """
                The scale of displacement raises questions that will outlast the war: where Gaza's people will live,
                who will rebuild, and whether those who fled the north will be allowed to return. Egypt has made clear
                that it will not accept a mass movement of Palestinians into Sinai.
                """
            ),
        ),
    ),
    Article(
        slug="palestinian-authority-money-problem",
        section="palestine",
        title="The Palestinian Authority's money problem is becoming a political one",
        dek="Withheld tax transfers, falling aid and a weak economy have left Ramallah paying partial salaries for "
        "well over a year.",
        published=at("2023-05-16", 8),
        authors=("miriam-sela", "daniel-reyes"),
        topics=("palestine", "israel"),
        image_label="Ramallah",
        caption="Ramallah, seat of the Palestinian Authority.",
        access=PRO,
        body=(
            """
            The Palestinian Authority has paid its civil servants only part of their salaries for well over a year,
            a sign of a fiscal crisis that threatens its ability to run schools, clinics and security services in the
            West Bank.

            The main problem is revenue that the authority does not control. Israel collects customs duties and other
            taxes on goods bound for Palestinian markets and transfers them each month. These clearance revenues make
            up the bulk of the authority's income, and Israel deducts sums it says match the payments the authority
            makes to the families of prisoners and of Palestinians killed while carrying out attacks.
            """,
            TEASER,
            """
            Foreign aid, once a large part of the budget, has fallen sharply over the past decade as donors have grown
            frustrated with the stalled peace process and turned to other crises. The authority has borrowed heavily
            from local banks and run up arrears with suppliers and the pension fund.

            The squeeze comes at a delicate moment. President Mahmoud Abbas is 87, there have been no national
            elections since 2006, and a new generation of armed groups is challenging the authority's control in the
            northern West Bank. Unpaid or underpaid security forces are unlikely to confront them.
            """,
            why(
                """
                Israel, the United States and Arab donors all say they want a functioning Palestinian Authority, not
                least because its security forces coordinate with Israel's. A financial collapse would leave a vacuum
                in the West Bank that armed groups would be quick to fill.
                """
            ),
        ),
    ),
    Article(
        slug="israel-advances-west-bank-settlement-plans",
        section="palestine",
        title="Israel advances plans for thousands of settlement homes in the West Bank",
        dek="The approvals, criticised by Washington and European governments, make 2023 a record year for "
        "settlement planning.",
        published=at("2023-06-27", 11),
        authors=("miriam-sela",),
        topics=("palestine", "israel", "united-states"),
        image_label="West Bank",
        caption="Hills in the central West Bank.",
        body=(
            """
            An Israeli planning body on Monday advanced plans for more than 5,000 homes in Jewish settlements in the
            occupied West Bank, the latest in a series of approvals that have made 2023 a record year for settlement
            planning.

            The decision follows a change to the approval process made by the government this month, which gives
            authority over key planning stages to Bezalel Smotrich, the finance minister, who also holds powers over
            civilian affairs in the West Bank and leads a pro-settler party.

            The United States said it was deeply troubled by the decision, and European governments also objected.
            Most of the world considers the settlements illegal under international law, which Israel disputes.

            Palestinians want the West Bank as the heart of a future state. About 500,000 Israelis now live in
            settlements there, not counting East Jerusalem, and each new neighbourhood makes a division of the land
            into two states harder to imagine.
            """,
            why(
                """
                Planning approvals take years to become homes, but they set the direction. Moving planning powers to a
                minister from the settler movement means fewer steps, and fewer chances for political brakes, between
                a plan and construction.
                """
            ),
        ),
    ),
)

# Turkey ---------------------------------------------------------------------

TURKEY: tuple[Article, ...] = (
    Article(
        slug="earthquakes-devastate-southern-turkey-northern-syria",
        section="turkey",
        title="Two powerful earthquakes devastate southern Turkey and northern Syria",
        dek="Thousands have been killed and thousands of buildings destroyed across a region that is home to "
        "millions, including many Syrian refugees.",
        published=at("2023-02-07", 7),
        authors=("leyla-aydin", "omar-haddad"),
        topics=("turkey", "syria"),
        image_label="Kahramanmaraş",
        caption="The province of Kahramanmaraş, near the epicentres of the two earthquakes.",
        body=(
            """
            Two powerful earthquakes struck southern Turkey and northern Syria on Monday, killing thousands of people
            and bringing down thousands of buildings across a wide area in the middle of winter.

            The first, of magnitude 7.8, hit before dawn near the city of Gaziantep, when most people were asleep. A
            second quake of magnitude 7.5 struck about nine hours later farther north, in the province of
            Kahramanmaraş, causing more destruction and hampering rescue work.

            Rescuers and residents dug through rubble through the night in freezing temperatures in cities including
            Antakya, Adıyaman, Malatya and Diyarbakır. In north-western Syria, held by opposition groups and home to
            millions of displaced people, rescue teams said they lacked heavy equipment and fuel.

            Turkey declared the highest level of emergency and appealed for international help, and dozens of
            countries sent search and rescue teams. Aid to opposition-held Syria was complicated because the only
            UN-approved crossing from Turkey, at Bab al-Hawa, was itself affected by the damage.
            """,
            why(
                """
                The quakes hit one of Turkey's poorer regions three months before national elections. How the state
                responds, and how quickly it rebuilds, will shape the vote, and revive questions about building
                standards that were widely flouted.
                """
            ),
        ),
    ),
    Article(
        slug="erdogan-wins-runoff-third-decade",
        section="turkey",
        title="Erdoğan wins the runoff to extend his rule into a third decade",
        dek="The president beat the opposition's Kemal Kılıçdaroğlu with about 52 percent of the vote, despite an "
        "economic crisis and the aftermath of February's earthquakes.",
        published=at("2023-05-29", 6),
        authors=("leyla-aydin",),
        topics=("turkey", "elections"),
        image_label="Ankara",
        caption="Ankara, Turkey's capital.",
        body=(
            """
            President Recep Tayyip Erdoğan won Turkey's presidential runoff on Sunday, taking about 52 percent of the
            vote against 48 percent for Kemal Kılıçdaroğlu, the candidate of a six-party opposition alliance.

            The result gives Mr Erdoğan, who has led Turkey as prime minister and then president since 2003, another
            five-year term. His party and its nationalist allies had already kept their majority in parliament in the
            first round of voting on 14 May.

            The opposition had hoped that soaring prices and anger over the state's response to the earthquakes would
            end his rule. Mr Kılıçdaroğlu came second in the first round, and his campaign struggled to win over
            nationalist voters in the two weeks before the runoff.

            Observers from the OSCE said voters had real alternatives but that the campaign was tilted in the
            president's favour, partly through one-sided media coverage. Markets will now watch whether Mr Erdoğan
            sticks with low interest rates despite inflation that peaked above 85 percent last year.
            """,
            why(
                """
                The result gives Mr Erdoğan a free hand until 2028 in foreign policy, from NATO enlargement to
                relations with Russia and the Gulf. The economy will decide how he uses it: Turkey needs foreign money,
                and investors want a return to conventional policies.
                """
            ),
        ),
    ),
    Article(
        slug="turkey-central-bank-raises-rates-to-15",
        section="turkey",
        title="Turkey's central bank raises rates to 15% in a first step back to orthodoxy",
        dek="The increase under the new governor, Hafize Gaye Erkan, was smaller than markets expected, and the "
        "lira fell further.",
        published=at("2023-06-22", 13),
        authors=("leyla-aydin", "daniel-reyes"),
        topics=("turkey",),
        image_label="Lira",
        caption="Istanbul's financial district.",
        access=PRO,
        body=(
            """
            Turkey's central bank raised its main interest rate from 8.5 percent to 15 percent on Thursday, its first
            increase in more than two years and a clear break with the low-rate policy that President Erdoğan had
            championed.

            It was the first rate decision under Hafize Gaye Erkan, a former Wall Street banker appointed governor
            after the May elections. The bank said it would tighten further, gradually, as needed to bring inflation
            down.
            """,
            TEASER,
            """
            Investors had expected a bigger move, with many forecasts at 20 percent or more, and the lira weakened to
            a record low against the dollar after the announcement.

            The decision is part of a wider turn in economic policy since the elections. Mr Erdoğan brought back
            Mehmet Şimşek, a former finance minister respected by foreign investors, to run the economy, and officials
            have signalled an end to measures that propped up the lira at great cost to the central bank's reserves.

            Inflation stood at nearly 40 percent in May, down from a peak above 85 percent last October but far above
            the bank's 5 percent target. It is likely to rise again as the weaker lira feeds into prices.
            """,
            why(
                """
                Turkey needs foreign capital to rebuild reserves and finance a large current-account deficit. Whether
                investors return depends on their believing that the shift to tighter policy will last, and on the
                president tolerating the slowdown it will bring.
                """
            ),
        ),
    ),
    Article(
        slug="turkish-committee-approves-sweden-nato",
        section="turkey",
        title="Turkish parliament committee approves Sweden's NATO membership",
        dek="The vote moves Stockholm a step closer to joining the alliance after 19 months of delay, though the "
        "full chamber must still ratify it.",
        published=at("2023-12-26", 16),
        authors=("leyla-aydin",),
        topics=("turkey", "united-states", "russia", "diplomacy"),
        image_label="NATO",
        caption="The Grand National Assembly of Turkey in Ankara.",
        body=(
            """
            A committee of the Turkish parliament approved Sweden's bid to join NATO on Tuesday, clearing one of the
            last hurdles to an accession that has been held up for more than a year and a half.

            The foreign affairs committee backed the accession protocol after a session lasting several hours. It now
            goes to the full General Assembly, where President Erdoğan's party and its allies have a majority. No
            date has been set for the vote.

            Sweden and Finland applied to join NATO together in May 2022, after Russia's full-scale invasion of
            Ukraine. Finland became a member in April 2023. Turkey held up Sweden's application, demanding that
            Stockholm take a harder line against groups Ankara considers terrorist, above all the Kurdistan
            Workers' Party, or PKK.

            Sweden has since tightened its anti-terrorism laws. Ankara has also linked the matter, at least
            informally, to its request to buy F-16 fighter jets from the United States, a sale that needs the
            approval of Congress. Hungary is the only other member yet to ratify.
            """,
            know(
                """
                All 31 NATO members must ratify a new member's accession.

                Turkey and Hungary ratified Finland's membership in March 2023.
                """
            ),
        ),
    ),
    Article(
        slug="turkish-inflation-holds-above-60-percent",
        section="turkey",
        title="Turkish inflation holds above 60 percent as rate rises take time to bite",
        dek="Prices rose 61 percent in the year to October, and the central bank expects the peak to come only "
        "next year.",
        published=at("2023-11-03", 10),
        authors=("leyla-aydin",),
        topics=("turkey", "elections"),
        image_label="Istanbul market",
        caption="A market in Istanbul.",
        body=(
            """
            Consumer prices in Turkey were 61.4 percent higher in October than a year earlier, official data showed
            on Friday, barely changed from September and well above the levels of early summer.

            Inflation had fallen to about 38 percent in June, helped by comparison with the very high price rises of
            a year earlier, but it climbed again after the lira lost much of its value and the government raised fuel
            taxes and value-added tax in July.

            The central bank has raised its main rate from 8.5 percent in June to 35 percent and has said it will
            keep tightening. It expects inflation to peak around the middle of next year before falling to about
            36 percent by the end of 2024.

            Households have been squeezed by rents and food prices in particular. Some independent economists argue
            that the official figures understate the true rate, a claim the statistics office rejects.
            """,
            why(
                """
                Turkey's turn to conventional economics will be judged by inflation. If prices do not slow next year,
                pressure to ease policy before it has worked will grow, especially with local elections due in March.
                """
            ),
        ),
    ),
)

# Iraq -----------------------------------------------------------------------

IRAQ: tuple[Article, ...] = (
    Article(
        slug="kurdish-oil-exports-halted-after-arbitration",
        section="iraq",
        title="Oil exports from Iraqi Kurdistan halted after an arbitration win for Baghdad",
        dek="A ruling that Turkey breached a 1973 treaty has shut a pipeline carrying about 450,000 barrels a day "
        "and cut off Erbil's main source of income.",
        published=at("2023-03-27", 9),
        authors=("omar-haddad", "daniel-reyes"),
        topics=("iraq", "turkey", "energy"),
        image_label="Ceyhan pipeline",
        caption="The oil terminal at Ceyhan on Turkey's Mediterranean coast.",
        access=PRO,
        body=(
            """
            Oil has stopped flowing through the pipeline from northern Iraq to the Turkish port of Ceyhan, after an
            international arbitration panel ruled that Turkey had breached a treaty with Iraq by letting the
            Kurdistan Regional Government export oil without Baghdad's consent.

            The case, brought by Iraq in 2014 at the International Chamber of Commerce in Paris, turned on a 1973
            pipeline agreement between the two countries. Turkey halted flows on 25 March after Baghdad informed it
            of the ruling.
            """,
            TEASER,
            """
            The pipeline had been carrying about 450,000 barrels a day, most of it from fields in the Kurdistan
            region and the rest from the federally controlled Kirkuk area. Oil sales are the main source of income
            for the regional government in Erbil, which pays hundreds of thousands of public salaries.

            Baghdad and Erbil are negotiating over how exports might resume under the control of Iraq's state oil
            marketer, SOMO. Foreign companies operating in the region have begun shutting in production as storage
            fills up.

            Turkey has said it is studying the ruling. Reports say it was ordered to pay Iraq about $1.5 billion in
            damages, a figure neither government has confirmed.
            """,
            why(
                """
                The shutdown hands Baghdad leverage it has sought for a decade over the Kurdish region's finances. It
                also removes a small but useful volume of crude from world markets at a time when OPEC+ is trying to
                keep supply tight.
                """
            ),
        ),
    ),
    Article(
        slug="iraq-unveils-development-road",
        section="iraq",
        title="Iraq unveils a $17bn plan for a road and rail link from the Gulf to Turkey",
        dek="The Development Road would connect the new Grand Faw port near Basra with the Turkish border and, "
        "Baghdad hopes, with Europe.",
        published=at("2023-05-28", 10),
        authors=("omar-haddad", "daniel-reyes"),
        topics=("iraq", "turkey", "shipping"),
        image_label="Grand Faw port",
        caption="The Faw peninsula in southern Iraq, site of the Grand Faw port.",
        body=(
            """
            Iraq presented plans on Saturday for a 1,200-kilometre road and railway line running from the Gulf to its
            border with Turkey, a project the government hopes will turn the country into a transit route between
            Asia and Europe.

            The scheme, called the Development Road, would start at the Grand Faw port, under construction on the
            Faw peninsula near Basra, and run north through Baghdad and Mosul to the Turkish frontier. Officials put
            its cost at about $17 billion and said it would be built in stages.

            The plans were presented to transport officials from neighbouring countries, including Turkey, Iran,
            Syria, Jordan and the Gulf states, at a meeting in Baghdad. Turkey has been the keenest supporter, seeing
            a shorter route for its trade with the Gulf.

            Many questions remain. Iraq has struggled to finish large infrastructure projects; the Faw port itself
            has been under construction for more than a decade. Financing will depend on attracting investors from
            the Gulf and beyond.
            """,
            why(
                """
                If it is built, the Development Road would give Iraq a source of income other than oil and tie it more
                closely to Turkey and the Gulf. It also enters a crowded field of rival trade corridors being planned
                across the region.
                """
            ),
        ),
    ),
    Article(
        slug="iraq-first-provincial-elections-in-a-decade",
        section="iraq",
        title="Iraq holds its first provincial elections in a decade",
        dek="Turnout was low after the influential cleric Moqtada al-Sadr urged his followers to stay away, leaving "
        "the field open to parties close to Iran.",
        published=at("2023-12-19", 8),
        authors=("omar-haddad",),
        topics=("iraq", "elections", "iran"),
        image_label="Provincial polls",
        caption="A polling station in Baghdad.",
        body=(
            """
            Iraqis voted on Monday to elect provincial councils for the first time since 2013, in a poll that will
            shape how billions of dollars in local budgets are spent.

            The election commission put turnout at about 41 percent of voters with up-to-date registration cards, a
            figure that would be much lower as a share of all eligible adults. Many Iraqis have lost faith that
            elections can change a political system they see as corrupt.

            Moqtada al-Sadr, the Shia cleric whose movement won the most seats in the 2021 parliamentary election,
            called for a boycott. His absence benefits the Coordination Framework, an alliance of Shia parties,
            several of them close to Iran, that dominates the government of Prime Minister Mohammed Shia al-Sudani.

            The councils were suspended in 2019 after mass protests that accused them of corruption and waste, and
            have now been restored. They choose provincial governors and oversee local spending. There was no voting
            in the three provinces of the Kurdistan region, which holds its own elections.
            """,
            why(
                """
                The results will show how much support the governing parties have outside Baghdad, and whether the
                Sadrists' boycott leaves them sidelined or simply waiting. Control of provincial budgets is also a
                source of patronage that parties use to keep their networks loyal.
                """
            ),
        ),
    ),
    Article(
        slug="iraq-revalues-dinar-dollar-curbs",
        section="iraq",
        title="Iraq revalues the dinar as US curbs on dollar transfers bite",
        dek="The central bank strengthened the official rate to 1,300 to the dollar after stricter rules on wire "
        "transfers opened a gap with the street rate.",
        published=at("2023-02-08", 9),
        authors=("omar-haddad", "daniel-reyes"),
        topics=("iraq", "united-states", "iran"),
        image_label="Dinar",
        caption="A currency exchange shop in Baghdad.",
        access=REGISTERED,
        body=(
            """
            Iraq's central bank set a new official exchange rate of 1,300 dinars to the US dollar on Tuesday,
            reversing part of a devaluation carried out in 2020, in an attempt to close a widening gap with the rate
            offered in exchange shops.

            The dinar had weakened sharply on the parallel market since November, when stricter controls on dollar
            transfers took effect. Under rules enforced by the Federal Reserve Bank of New York, which holds Iraq's
            oil revenue, Iraqi banks must now give detailed information about the final recipients of transfers
            through an online platform.
            """,
            TEASER,
            """
            US officials have said the aim is to stop dollars reaching sanctioned parties in Iran and Syria through
            Iraq's banking system. Many transfer requests have been rejected, and the supply of dollars at the
            central bank's daily auction has fallen.

            For ordinary Iraqis the result has been higher prices for imported goods, which make up much of what
            they buy. Protests were held in Baghdad last month, and the central bank governor was replaced.
            Revaluing the official rate will not on its own bring the street rate down if banks and traders still
            struggle to obtain dollars.
            """,
            why(
                """
                Iraq's economy runs on dollars from oil sales held in New York, which gives Washington great influence
                over its finances. How Baghdad handles the tighter rules will show how far it can balance its ties
                with the United States against those with Iran.
                """
            ),
        ),
    ),
    Article(
        slug="heat-drought-power-cuts-iraq-summer",
        section="iraq",
        title="Heat, drought and power cuts test Iraqis' patience in a brutal summer",
        dek="Temperatures above 50°C, shrinking rivers and an electricity grid that cannot keep up are combining "
        "into a crisis that returns every year.",
        published=at("2023-08-10", 8),
        authors=("omar-haddad",),
        topics=("iraq", "iran", "turkey", "energy"),
        image_label="Tigris",
        caption="The Tigris river in Baghdad.",
        body=(
            """
            Temperatures in Baghdad and southern Iraq have again passed 50 degrees Celsius this summer, and the
            electricity grid has buckled under demand from air conditioners, leaving many households with only a
            few hours of state power a day.

            Those who can afford it rely on private neighbourhood generators, which charge by the amp. Poorer families
            endure nights in heat that doctors say is dangerous for children, the elderly and the sick.

            Part of the shortage stems from Iraq's dependence on gas and electricity imported from Iran. Payments for
            that gas have been complicated by US sanctions on Iran, and supplies have been reduced when bills went
            unpaid. Iraq still burns off much of the gas from its own oilfields because it lacks the plants to
            capture it.

            Water is the other emergency. Flows in the Tigris and Euphrates have fallen after several years of low
            rainfall and the building of dams upstream in Turkey and Iran. In the south farmers have abandoned land
            as salty water pushes up from the Gulf into the Shatt al-Arab.
            """,
            why(
                """
                Summer power cuts have set off protests in Iraq before, most notably in Basra in 2018. The government
                has promised new power plants and gas projects, but few will be ready in time to change daily life
                soon.
                """
            ),
        ),
    ),
)

# Business & Tech -------------------------------------------------------------

BUSINESS_TECH: tuple[Article, ...] = (
    Article(
        slug="brics-invites-saudi-arabia-uae-egypt-iran",
        section="business-tech",
        title="BRICS invites Saudi Arabia, the UAE, Egypt and Iran to join the bloc",
        dek="Four of the six countries asked to become members from January are in the Middle East, a sign of the "
        "region's search for new partners.",
        published=at("2023-08-24", 16),
        authors=("daniel-reyes", "tom-whitlock"),
        topics=("saudi-arabia", "uae", "egypt", "iran", "russia", "diplomacy"),
        image_label="BRICS",
        caption="Johannesburg, host of the 2023 BRICS summit.",
        body=(
            """
            The BRICS group of emerging economies has invited six countries to become full members from 1 January
            2024, four of them from the Middle East: Saudi Arabia, the United Arab Emirates, Egypt and Iran. Argentina
            and Ethiopia were also invited.

            The decision was announced at the group's summit in Johannesburg. The bloc currently consists of Brazil,
            Russia, India, China and South Africa.

            For the Gulf states, membership is a way to hedge: they remain close security partners of the United
            States but want deeper ties with China and India, their biggest oil customers. Saudi officials said the
            kingdom would study the details before deciding.

            Egypt, heavily indebted and short of foreign currency, hopes membership will ease its access to finance,
            including from the New Development Bank, the lender set up by the group, which it joined this year. Iran,
            under Western sanctions, presents its invitation as proof that efforts to isolate it have failed.
            """,
            why(
                """
                An enlarged BRICS would include several of the world's biggest oil producers and consumers, adding
                weight to talk of trading in currencies other than the dollar. Whether the bloc can agree on much beyond
                summit statements is another matter, given the rivalries among its members.
                """
            ),
        ),
    ),
    Article(
        slug="abu-dhabi-falcon-models-gulf-ai",
        section="business-tech",
        title="Abu Dhabi's Falcon models put the Gulf on the AI map",
        dek="A government-funded lab has released one of the largest openly available language models, as the UAE "
        "spends heavily to become an AI power.",
        published=at("2023-09-07", 9),
        authors=("daniel-reyes",),
        topics=("uae", "united-states"),
        image_label="Falcon 180B",
        caption="Masdar City in Abu Dhabi, home to several of the emirate's research institutes.",
        access=PRO,
        body=(
            """
            The Technology Innovation Institute, a research centre funded by the Abu Dhabi government, has released
            Falcon 180B, a language model with 180 billion parameters that it describes as the largest openly
            available model of its kind.

            It follows Falcon 40B, which the institute published in May and soon made available royalty-free for
            research and commercial use. That model briefly topped a ranking of open models kept by the AI company
            Hugging Face.
            """,
            TEASER,
            """
            Unlike most leading models, which are kept private by the companies that build them, the Falcon models
            can be downloaded and adapted by anyone within the licence terms. That has won the institute attention
            among developers and researchers far beyond the Gulf.

            The UAE has made artificial intelligence a national priority. It appointed the world's first minister for
            AI in 2017, and companies backed by its sovereign wealth are buying large quantities of the chips needed
            to train such systems.

            The ambition brings scrutiny. The US government, worried about advanced technology reaching China, has
            tightened controls on exports of the most powerful AI chips, and Gulf buyers must now deal with
            Washington's concerns about their close commercial ties with Beijing.
            """,
            why(
                """
                AI is the Gulf's latest bet on diversifying away from oil, and one where money can buy a seat at the
                table quickly. How the UAE balances partnerships with American technology firms against its ties with
                China will decide how far it gets.
                """
            ),
        ),
    ),
    Article(
        slug="intel-25bn-chip-plant-israel",
        section="business-tech",
        title="Intel to invest $25bn in a new chip plant in southern Israel",
        dek="The largest investment by a foreign company in Israel's history comes as the tech sector frets over the "
        "government's judicial plans.",
        published=at("2023-06-19", 8),
        authors=("daniel-reyes", "miriam-sela"),
        topics=("israel", "united-states"),
        image_label="Kiryat Gat",
        caption="Kiryat Gat in southern Israel, where Intel already runs a chip factory.",
        body=(
            """
            Intel plans to invest $25 billion in a new chip factory in Kiryat Gat, in southern Israel, the Israeli
            government announced on Sunday, calling it the largest investment by an international company in the
            country's history.

            Under the agreement Intel will pay a tax rate of 7.5 percent, up from the 5 percent it pays now, and
            receive a government grant worth 12.8 percent of the investment. The plant is expected to open in 2027
            and operate until at least 2035.

            Intel has worked in Israel for almost 50 years and is one of its largest private employers and exporters.
            It already runs a factory at Kiryat Gat and research centres in Haifa, Jerusalem and elsewhere.

            The announcement gave the government some welcome news. Israel's technology industry, which accounts for
            a large share of its exports, has been among the loudest critics of the judicial overhaul, and some
            start-ups have moved money or staff abroad. Investment in Israeli tech firms has fallen sharply this
            year, although the slowdown is global.
            """,
            why(
                """
                Chipmaking is one of the few industries governments compete for with billions in subsidies. Intel's
                decision suggests that big multinationals see Israel's political turmoil as a manageable risk, and the
                government will cite it as evidence that warnings about the overhaul are overblown.
                """
            ),
        ),
    ),
    Article(
        slug="egypt-pound-slides-past-30",
        section="business-tech",
        title="Egypt's pound slides past 30 to the dollar as Cairo lets the currency float",
        dek="The currency has lost about half its value in less than a year, a condition of a new IMF loan that "
        "also demands a smaller role for the state in the economy.",
        published=at("2023-01-12", 8),
        authors=("daniel-reyes",),
        topics=("egypt", "russia-ukraine-war", "saudi-arabia", "uae", "qatar"),
        image_label="Cairo",
        caption="The Nile in central Cairo.",
        access=PRO,
        body=(
            """
            The Egyptian pound fell past 30 to the US dollar this week, having lost about half its value since March,
            as the central bank allowed the currency to move more freely in line with the terms of a new loan from
            the International Monetary Fund.

            The IMF approved a $3 billion, 46-month programme for Egypt in December. In exchange Cairo committed to a
            durably flexible exchange rate, a smaller footprint for state- and military-owned companies in the
            economy, and measures to protect the poor.
            """,
            TEASER,
            """
            Egypt has been hit hard by the rise in global interest rates and by the war in Ukraine, which pushed up
            the price of imported wheat and led foreign investors to pull billions of dollars out of Egyptian debt.
            Imports piled up at ports last year as banks rationed foreign currency.

            A weaker pound should help exporters and tourism and may draw investors back. But it raises the cost of
            living in a country where a large part of the population is poor or close to it, and where inflation
            already exceeds 20 percent.

            Gulf states, which have deposited billions of dollars at Egypt's central bank and pledged to buy state
            assets, are expected to provide much of the outside money Egypt needs. The pace of those asset sales will
            be an early test of the IMF programme.
            """,
            why(
                """
                Egypt is the Arab world's most populous country and a key partner for the Gulf, Europe and the United
                States. Its economic stability matters for migration, for trade through the Suez Canal and for the
                security of its neighbours, from Libya to Sudan and Gaza.
                """
            ),
        ),
    ),
    Article(
        slug="shipping-giants-divert-from-red-sea",
        section="business-tech",
        title="Shipping giants divert from the Red Sea as Houthi attacks escalate",
        dek="Container lines are sending ships around Africa, adding days and costs to voyages, while the US "
        "assembles a naval coalition.",
        published=at("2023-12-19", 9),
        authors=("daniel-reyes", "nadia-karimi"),
        topics=("shipping", "yemen", "egypt", "united-states", "israel-hamas-war"),
        image_label="Bab el-Mandeb",
        caption="The Bab el-Mandeb strait between Yemen and the Horn of Africa.",
        body=(
            """
            Several of the world's largest container shipping companies have paused voyages through the Red Sea after
            a series of missile and drone attacks on merchant vessels by Yemen's Houthi movement.

            Maersk, Hapag-Lloyd, MSC and CMA CGM are among the lines that have halted transits or rerouted ships
            around the Cape of Good Hope. The oil company BP has also paused tanker shipments through the area.

            The detour adds around ten days to a typical voyage between Asia and northern Europe, along with fuel and
            crew costs. Freight rates and insurance premiums for ships still using the route have risen sharply.

            The United States announced a multinational naval operation on Monday to protect commercial shipping in
            the southern Red Sea and the Gulf of Aden, with countries including Britain and Bahrain taking part.

            The Houthis say they are targeting ships connected to Israel, but several of the vessels attacked have
            had no clear link to the country. The group has said it will continue until Israel ends its war in Gaza.
            """,
            why(
                """
                By common estimates about 12 percent of world trade passes through the Suez Canal, which earns Egypt
                billions of dollars a year in fees. A long disruption would raise prices for goods in Europe, hurt
                Egypt's finances and test the ability of Western navies to keep sea lanes open.
                """
            ),
        ),
    ),
    Article(
        slug="aramco-quarterly-profit-falls",
        section="business-tech",
        title="Aramco's quarterly profit falls by more than a third as oil prices ease",
        dek="Saudi Arabia's state oil giant still earned about $30bn in three months and is adding a "
        "performance-linked payout for shareholders.",
        published=at("2023-08-08", 7),
        authors=("daniel-reyes", "tom-whitlock"),
        topics=("saudi-arabia", "energy"),
        image_label="Aramco results",
        caption="An oil processing plant in Saudi Arabia's Eastern Province.",
        body=(
            """
            Saudi Aramco reported net income of about $30 billion for the second quarter, down 38 percent from a year
            earlier, when prices soared after Russia's invasion of Ukraine.

            The drop reflects both lower oil prices and the kingdom's decision to cut production, which reduced the
            volumes Aramco sold. Even so, its earnings remain enormous by the standards of any other listed company.

            Aramco said it would pay a new performance-linked dividend on top of its regular base dividend, starting
            in the third quarter. The largest beneficiary is the Saudi state, which owns the vast majority of the
            company directly and through the Public Investment Fund, its sovereign wealth fund.

            Those payouts matter more as the government spends heavily on giga-projects such as Neom and as the
            budget has moved back into deficit with lower oil revenue. Aramco is also investing to raise its maximum
            production capacity to 13 million barrels a day by 2027.
            """,
            why(
                """
                Aramco is the financial engine of Saudi Arabia's plans to diversify away from oil. Each cut in output
                to support prices also cuts the cash available for that transformation.
                """
            ),
        ),
    ),
)

ARTICLES: tuple[Article, ...] = (
    LEAD_STORY,
    *SECURITY,
    *GULF,
    *IRAN,
    *ISRAEL,
    *PALESTINE,
    *TURKEY,
    *IRAQ,
    *BUSINESS_TECH,
)
