"""The model stage's spans: where a name starts and ends, and what is no name (text written for these tests)."""

import pytest

from monitor import discovery
from monitor.registry import seed_entries
from monitor.tagger import Tagger

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _suggested(text, tagger):
    return [(s.text, s.kind) for s in discovery.analyse(text, tagger).suggestions]


def _tagged(text, tagger):
    return [(f.text, f.kind) for f in discovery.analyse(text, tagger).entities]


def _texts(pairs):
    return [text for text, _ in pairs]


def test_a_time_zone_in_live_copy_is_no_organisation(tagger):
    text = (
        "08:15 GMT — Rockets hit a warehouse outside Tyre, civil defence officials said. "
        "09:30 GMT — The Lebanese army closed the coast road."
    )
    assert "GMT" not in _texts(_suggested(text, tagger))


def test_an_acronym_in_brackets_is_not_part_of_the_name_before_it(tagger):
    text = "The Volunteers for the Protection of the Nation (VPN) lost twelve men near Djibo, the army said."
    suggested = _suggested(text, tagger)
    assert ("Volunteers for the Protection of the Nation", "organisation") in suggested
    assert ("VPN", "organisation") in suggested
    assert not [name for name in _texts(suggested) if "(" in name]


def test_a_possessive_ending_is_not_part_of_a_name(tagger):
    text = "The US Treasury's Office of Foreign Assets Control on Tuesday named two money changers in Sulaymaniyah."
    suggested = _texts(_suggested(text, tagger))
    assert "US Treasury" in suggested
    assert not [name for name in suggested if name.endswith("'s")]


def test_an_amount_after_a_banks_name_is_not_part_of_it(tagger):
    text = "Profits rose at every big lender: Bank Yahav earned 1.4 billion shekels and Bank Massad 0.9 billion."
    names = _texts(_suggested(text, tagger))
    assert not [name for name in names if "billion" in name or any(c.isdigit() for c in name)]


def test_general_and_supreme_open_the_name_of_an_authority_rather_than_a_title(tagger):
    text = (
        "The General Maritime Transport Authority said the ferry would sail again on Monday, and "
        "the Supreme State Audit Prosecution opened an inquiry into the port's accounts."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "General Maritime Transport Authority" in suggested
    assert "Maritime Transport Authority" not in suggested
    assert "State Audit Prosecution" not in suggested


def test_a_portfolio_before_minister_is_not_a_name(tagger):
    text = (
        "In Amman, Tourism Minister Lina Annab said bookings had recovered, "
        "and Petroleum Minister Saleh Kharabsheh agreed."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "Tourism" not in suggested
    assert "Petroleum" not in suggested


def test_a_whole_companys_name_ends_before_of_and_the_city_it_is_from(tagger):
    text = "The contract went to Nakheel Marine Group of Dubai, which will dredge the channel by 2028."
    suggested = _suggested(text, tagger)
    assert ("Nakheel Marine Group", "company") in suggested
    assert ("Dubai", "place") in _tagged(text, tagger)


def test_a_central_banks_name_keeps_of_and_its_country(tagger):
    text = "Analysts expect the Central Bank of Kuwait to hold its rate on Tuesday."
    assert "Kuwait" not in _texts(_tagged(text, tagger))


def test_a_members_body_names_the_country_it_gathers_in(tagger):
    text = "The Federation of Chambers in Jordan asked the government to delay the new sales tax."
    assert "Jordan" not in _texts(_tagged(text, tagger))
    assert "Federation of Chambers in Jordan" in _texts(_suggested(text, tagger))


def test_countries_joined_by_hyphens_before_a_pipeline_name_the_line_not_the_countries(tagger):
    text = (
        "Work on the Iran-Afghanistan pipeline stopped again, Islamabad said, and the Oman-India pipeline "
        "is only a plan."
    )
    tagged = _texts(_tagged(text, tagger))
    assert "Iran" not in tagged and "Afghanistan" not in tagged and "Oman" not in tagged and "India" not in tagged
    suggested = _suggested(text, tagger)
    assert ("Iran-Afghanistan", "place") in suggested
    assert ("Oman-India", "place") in suggested


def test_a_known_drone_family_and_its_model_are_one_weapon(tagger):
    known = [f for f in Tagger(seed_entries()).tag("The army flew a Bayraktar over the border.") if f.kind == "weapon"]
    assert known, "the registry knows the Bayraktar family"
    text = "The navy will buy twelve Bayraktar TB7 drones for its new carrier."
    assert ("Bayraktar TB7", "weapon") in _suggested(text, tagger)
    assert "Bayraktar" not in _texts(_tagged(text, tagger))


def test_a_family_name_before_a_designation_is_part_of_the_weapon(tagger):
    text = "Rebels said they had downed three Songar AS-2 drones near Kidal."
    suggested = _suggested(text, tagger)
    assert ("Songar AS-2", "weapon") in suggested
    assert "Songar" not in _texts(suggested)


def test_a_family_name_shared_with_a_person_is_that_family_not_a_place(tagger):
    text = "The sanctions list names the brothers Ali Kazma and Hadi Kazma, who trade gold in Dubai."
    suggested = _suggested(text, tagger)
    assert ("Ali Kazma", "person") in suggested
    assert ("Hadi Kazma", "person") in suggested


def test_a_ship_named_after_a_warship_noun_is_no_weapon(tagger):
    text = "The frigate Carlo Bergamini shot down a drone over the Red Sea, the mission said."
    assert "Carlo Bergamini" not in _texts(_suggested(text, tagger))


def test_shipping_and_trading_houses_are_companies(tagger):
    text = "The ministry also listed Orkid Seaways and Parsian Tankers, both of Bandar Abbas."
    suggested = _suggested(text, tagger)
    assert ("Orkid Seaways", "company") in suggested
    assert ("Parsian Tankers", "company") in suggested


def test_an_acronym_in_another_language_still_stands_for_the_name_before_it(tagger):
    text = (
        "The Patriotic Salvation Movement (MPS) won 124 of 188 seats, the electoral board said. "
        "MPS leaders celebrated in N'Djamena."
    )
    suggested = _suggested(text, tagger)
    assert [kind for name, kind in suggested if name == "MPS"] == ["organisation", "organisation"]


def test_two_towns_joined_by_and_are_two_places(tagger):
    text = "Refugees crowded into camps around Odre and Abiche after the fighting in Darfur."
    suggested = _suggested(text, tagger)
    assert ("Odre", "place") in suggested and ("Abiche", "place") in suggested


def test_a_title_is_cut_from_a_registry_persons_name(tagger):
    tagged = _tagged("On Sunday King Abdullah II received the Iraqi prime minister in Amman.", tagger)
    assert ("Abdullah II", "person") in tagged
    assert "King Abdullah II" not in _texts(tagged)


def test_a_stock_index_is_no_company(tagger):
    text = "Egypt's EGX30 rose 0.8 percent, and the ADX index fell."
    assert "EGX30" not in _texts(_suggested(text, tagger))


def test_an_arabic_and_the_continues_a_groups_name(tagger):
    text = "Fighters loyal to Jama'at Nasr al-Din wal-Mujahidin attacked a checkpoint near Menaka."
    assert ("Jama'at Nasr al-Din wal-Mujahidin", "organisation") in _suggested(text, tagger)


def test_a_month_a_lone_title_and_a_fuel_are_no_names(tagger):
    text = (
        "Parties will register for November's council elections, Sheikh said, and exports of LNG from Ras Laffan rose."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "November" not in suggested and "Sheikh" not in suggested and "LNG" not in suggested


def test_a_feast_in_several_words_is_no_place(tagger):
    text = "The emir pardoned 410 prisoners ahead of Eid al-Fitr, the state news agency said."
    assert not [name for name in _texts(_suggested(text, tagger)) if name.startswith("Eid")]


def test_an_index_named_in_words_is_no_company(tagger):
    text = "The Muscat Securities Market All Share Index slipped 0.3 percent as Omantel fell."
    assert not [name for name in _texts(_suggested(text, tagger)) if name.endswith("Index")]


def test_a_warship_named_after_a_comma_is_a_ship(tagger):
    text = "A Greek frigate, the Hydra, escorted the convoy past Hodeidah, the mission said."
    assert "Hydra" not in _texts(_suggested(text, tagger))


def test_a_court_for_someone_keeps_what_it_is_for(tagger):
    text = "In 2011 the Special Court for the Clergy barred the preacher from teaching in Qom."
    assert ("Special Court for the Clergy", "organisation") in _suggested(text, tagger)


def test_a_mining_company_runs_on_past_and_to_its_complex(tagger):
    text = "The Kalmakir Mining and Metallurgical Complex will build a copper smelter near Angren, Tashkent said."
    assert ("Kalmakir Mining and Metallurgical Complex", "company") in _suggested(text, tagger)


def test_a_billionaire_in_an_apposition_is_a_person_whatever_company_follows(tagger):
    text = (
        "Prosecutors say he plotted with Ruben Vardanyan, an Armenian billionaire whose company "
        "owns the main power grid. Vardanyan denies it."
    )
    assert ("Ruben Vardanyan", "person") in _suggested(text, tagger)


def test_a_name_read_only_from_a_title_case_headline_is_not_offered(tagger):
    text = (
        "Iraq's Largest Opposition Bloc Re-elects Hamdani As Court Weighs Vote. BAGHDAD — Delegates met "
        "on Sunday to vote again."
    )
    assert not [name for name in _texts(_suggested(text, tagger)) if "Bloc" in name or "Court" in name]
    assert "Iraq" in _texts(_tagged(text, tagger))


def test_a_known_place_and_a_number_name_another_place(tagger):
    text = "Families returning from Syria are screened at the Jeddah 1 centre south of Mosul."
    assert "Jeddah" not in _texts(_tagged(text, tagger))
    assert ("Jeddah 1", "place") in _suggested(text, tagger)


def test_a_citys_crude_is_a_benchmark_and_a_countrys_crude_its_oil(tagger):
    tagged = _texts(_tagged("Dubai crude rose 40 cents, and buyers of Iranian crude paid less.", tagger))
    assert "Dubai" not in tagged
    assert "Iranian" in tagged


def test_a_makers_country_before_a_designation_stays_the_country(tagger):
    text = "Pakistan said it had bought Chinese J-19C fighters and would add more JF-23 Thunder jets at Kamra."
    suggested = _suggested(text, tagger)
    assert ("J-19C", "weapon") in suggested
    assert ("JF-23 Thunder", "weapon") in suggested
    assert "Chinese" in _texts(_tagged(text, tagger))


def test_general_before_a_makers_plural_name_is_the_maker(tagger):
    text = "The air force also signed for drones from General Aerotics, the ministry said."
    assert ("General Aerotics", "company") in _suggested(text, tagger)


def test_a_weapon_noun_in_a_registry_name_is_left_out(tagger):
    tagged = _tagged("The Guards paraded a Kheibar Shekan missile in Tehran on Sunday.", tagger)
    assert ("Kheibar Shekan", "weapon") in tagged


def test_a_registry_name_before_a_roman_numeral_is_a_weapons_model(tagger):
    text = "The army fired Fatah-VI rockets at the border posts, officials said."
    assert "Fatah" not in _texts(_tagged(text, tagger))
    assert ("Fatah-VI", "weapon") in _suggested(text, tagger)


def test_a_sovereign_fund_is_a_company_and_a_weekday_no_place(tagger):
    text = "The Sovereign Fund of Tunisia will sell a stake in the bank, the cabinet said on Thursday."
    suggested = _suggested(text, tagger)
    assert ("Sovereign Fund of Tunisia", "company") in suggested
    assert "Thursday" not in _texts(suggested)


def test_lawyer_before_a_name_is_an_occupation_not_part_of_it(tagger):
    assert ("Ayse Nur Kaplan", "person") in _suggested("Lawyer Ayse Nur Kaplan called the seizure unlawful.", tagger)


def test_a_known_group_opens_the_name_of_its_branch(tagger):
    text = "Separately, Islamic State Pamir Province claimed the bombing in the capital."
    assert ("Islamic State Pamir Province", "organisation") in _suggested(text, tagger)
    assert "Islamic State" not in _texts(_tagged(text, tagger))


def test_accounts_and_margins_at_a_name_are_a_companys(tagger):
    text = "Sabanci Holding blamed inflation accounting at Egebank for the loss."
    assert ("Egebank", "company") in _suggested(text, tagger)


def test_a_noun_after_a_known_name_is_not_part_of_it(tagger):
    text = (
        "Aid officials asked Cairo to reopen the Rafah crossing on Sunday. The semi-official Tasnim news agency "
        "said the talks had stalled, and the Israeli army said it had shelled a depot."
    )
    tagged = _tagged(text, tagger)
    assert ("Rafah", "place") in tagged
    assert "Rafah crossing" not in _texts(tagged)
    assert "Tasnim" in _texts(tagged)
    assert ("Israeli", "country") in tagged
    assert not [name for name in _texts(tagged) if name.endswith(("crossing", "agency", "army"))]


def test_a_leader_named_after_of_is_not_part_of_a_partys_name(tagger):
    text = (
        "The Kurdistan Democratic Party of Masoud Barzani boycotted the session, and the Lebanese Forces "
        "of Samir Geagea said they would not take part in any cabinet formed without them."
    )
    names = _texts(_suggested(text, tagger)) + _texts(_tagged(text, tagger))
    assert "Kurdistan Democratic Party" in names
    assert "Lebanese Forces" in names
    assert "Samir Geagea" in names
    assert not [name for name in names if " of " in name]


def test_a_country_before_for_ends_its_name(tagger):
    text = "Yerevan has turned to India for Kavakam rocket launchers and to France for Brennus howitzers."
    suggested = _suggested(text, tagger)
    assert ("Kavakam", "weapon") in suggested
    assert ("Brennus", "weapon") in suggested
    assert not [name for name in _texts(suggested) if " for " in name]


def test_plural_and_two_word_titles_are_not_part_of_a_name(tagger):
    text = (
        "The talks were led by Deputy Prime Ministers Mher Grigoryan and Shahin Mustafayev. "
        "Chief Justice Jassim Mohammed Abboud said the court would rule by May."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "Mher Grigoryan" in suggested
    assert "Jassim Mohammed Abboud" in suggested
    assert not [name for name in suggested if name.startswith(("Ministers", "Justice"))]


def test_a_place_named_after_a_king_is_a_place_not_the_king(tagger):
    text = "Contractors at King Salman Park were paid late, while flights from King Khalid International Airport grew."
    suggested = _suggested(text, tagger)
    assert ("King Salman Park", "place") in suggested
    assert ("King Khalid International Airport", "place") in suggested
    assert not [f for f in _tagged(text, tagger) if f[1] == "person"]


def test_a_drone_family_and_its_models_name_are_one_weapon(tagger):
    text = (
        "Niamey will buy more Bayraktar Savaşçı drones, and Baykar is offering the Bayraktar Kizilkurt to "
        "Gulf air forces; Russian units pair Orlan-10 drones with Bayraktar TB2 aircraft."
    )
    suggested = _suggested(text, tagger)
    assert ("Bayraktar Savaşçı", "weapon") in suggested
    assert ("Bayraktar Kizilkurt", "weapon") in suggested
    assert ("Bayraktar TB2", "weapon") in _tagged(text, tagger)
    assert not [name for name in _texts(suggested) if name.endswith("aircraft")]


def test_a_crude_blend_is_no_company(tagger):
    text = (
        "Oil from Kazakhstan leaves through the Caspian Transit Consortium (CTC) terminal. "
        "CTC Blend traded at a discount of $3 a barrel on Friday."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "CTC Blend" not in suggested
    assert suggested.count("CTC") == 1


def test_an_acronym_says_a_bodys_name_goes_on_past_in_the(tagger):
    text = (
        "The Coordinator of Government Activities in the Territories (COGAT) said 4,100 trucks entered "
        "in March. COGAT blamed the delays on inspections."
    )
    suggested = _suggested(text, tagger)
    assert ("Coordinator of Government Activities in the Territories", "organisation") in suggested
    assert ("Coordinator of Government Activities", "organisation") not in suggested


def test_a_bodys_name_runs_on_over_and_between_two_lines_of_business(tagger):
    text = (
        "The Ports and Free Zones Authority said traffic rose. Ships cut calls at Port Sudan, and the Ethiopian "
        "Shipping and Logistics Services Enterprise leans on rail. Oil and Gas Development Company Limited "
        "suspended output, while Chevron and Kuwait Crude Company signed a services deal."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "Ports and Free Zones Authority" in suggested
    assert "Ethiopian Shipping and Logistics Services Enterprise" in suggested
    assert "Oil and Gas Development Company Limited" in suggested
    assert "Kuwait Crude Company" in suggested
    assert not [name for name in suggested if name.startswith("Chevron and")]


def test_the_head_before_of_opens_a_bodys_name_and_an_apposition_title_makes_a_person(tagger):
    text = (
        "Deliveries are due by December, the Presidency of Naval Industries said. "
        "An Istanbul court adjourned the trial of Kerem Aydoğdu, a former district mayor of Beykoz."
    )
    suggested = _suggested(text, tagger)
    assert ("Presidency of Naval Industries", "organisation") in suggested
    assert ("Kerem Aydoğdu", "person") in suggested


def test_a_story_label_before_the_dash_is_no_dateline(tagger):
    for label in ("ANALYSIS", "WEEK AHEAD", "OBITUARY"):
        text = f"{label} — Turkmenistan is once again courting gas buyers in Europe, officials in Ashgabat said."
        names = _texts(_suggested(text, tagger)) + _texts(_tagged(text, tagger))
        assert label not in names
        assert "Turkmenistan" in names


def test_a_designation_before_a_weapons_name_is_part_of_it_and_a_possessive_company_keeps_its_s(tagger):
    text = (
        "The army received its first AH-80E Kaskari helicopters, and a 9M155 Streloy anti-tank missile hit a tank. "
        "Christie's raised its estimate after Sotheby's cancelled the sale."
    )
    suggested = _suggested(text, tagger)
    assert ("AH-80E Kaskari", "weapon") in suggested
    assert ("9M155 Streloy", "weapon") in suggested
    assert ("Christie's", "company") in suggested
    assert "Sotheby's" in _texts(suggested)


def test_a_full_stop_after_an_abbreviated_rank_does_not_cut_the_name_after_it(tagger):
    text = "Gen. Abdirizak Hassan Farah, a commander in the Somali National Army, said the town had been retaken."
    assert ("Abdirizak Hassan Farah", "person") in _suggested(text, tagger)


def test_the_makers_country_before_a_weapon_stays_the_country(tagger):
    text = (
        "The militants withdrew as Turkish Bayraktar TB2 drones flying from Mogadishu struck them, and Baku "
        "is finalising a purchase of the Israeli Keshet MX air-defence system."
    )
    tagged = _tagged(text, tagger)
    assert ("Turkish", "country") in tagged
    assert ("Bayraktar TB2", "weapon") in tagged
    assert ("Israeli", "country") in tagged
    assert ("Keshet MX", "weapon") in _suggested(text, tagger)


def test_a_lower_case_noun_the_model_took_into_a_name_is_left_out_and_a_list_opener_is_no_name(tagger):
    text = (
        "Crowds marched against the ruling Kartli Unity party on Sunday. He advised the Ministry of Oil on "
        "the Majnoon field deal. First, the Kurdistan Regional Government stopped paying."
    )
    suggested = _texts(_suggested(text, tagger))
    assert "Kartli Unity" in suggested
    assert "Ministry of Oil" in suggested
    assert not [name for name in suggested if name.endswith(" party") or " on the " in name]
    assert "First" not in suggested
