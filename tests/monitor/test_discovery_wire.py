"""The model stage on wire copy: datelines, ranks, acronyms, compound names (text written for these tests)."""

import pytest

from monitor import discovery

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _suggested(text, tagger):
    return [(s.text, s.kind) for s in discovery.analyse(text, tagger).suggestions]


def _tagged(text, tagger):
    return [f.text for f in discovery.analyse(text, tagger).entities]


def test_a_dateline_in_capitals_is_the_place_the_story_was_filed_from(tagger):
    text = "KALATAR, Pakistan — Traders shut their shops on Monday. Officials said the market would reopen."
    assert ("KALATAR", "place") in _suggested(text, tagger)
    assert "Pakistan" in _tagged(text, tagger)


def test_a_capitalised_word_after_the_datelines_dash_opens_a_sentence(tagger):
    text = "MARIB, Yemen — Negotiators met tribal elders on Sunday."
    assert [s for s in _suggested(text, tagger) if s[0] == "Negotiators"] == []


def test_a_rank_the_registry_does_not_list_is_a_title_not_a_name(tagger):
    text = "The navy said Rear Admiral Faisal Qureshi would command the new flotilla from Ormara."
    suggested = _suggested(text, tagger)
    assert ("Faisal Qureshi", "person") in suggested
    assert not [s for s in suggested if "Admiral" in s[0]]


def test_an_acronym_without_brackets_takes_the_kind_of_the_name_it_abbreviates(tagger):
    text = (
        "Gunmen from the Sindhudesh Revolutionary Army attacked a bridge near Larkana. "
        "The SRA has threatened foreign contractors before."
    )
    assert ("SRA", "organisation") in _suggested(text, tagger)


def test_a_registry_movement_inside_a_name_joined_by_an_urdu_connective_is_not_the_movement(tagger):
    text = "Police arrested members of the Tehreek-e-Taliban Swat network in Mingora."
    assert "Taliban" not in _tagged(text, tagger)
    assert ("Tehreek-e-Taliban Swat", "organisation") in _suggested(text, tagger)


def test_words_that_name_no_one_thing_after_and_are_part_of_the_name_before_them(tagger):
    text = "The frigates will be built by Gwadar Shipyard and Engineering Works, the navy said."
    suggested = _suggested(text, tagger)
    assert ("Gwadar Shipyard and Engineering Works", "company") in suggested
    assert not [s for s in suggested if s[0] == "Engineering Works"]


def test_a_lower_case_port_of_is_not_part_of_the_place(tagger):
    text = "Drones struck the port of Hodeidah overnight, residents said."
    assert "Hodeidah" in _tagged(text, tagger)
    assert not [s for s in _suggested(text, tagger) if "port" in s[0]]


def test_fighters_after_a_groups_name_are_people_and_after_a_designation_aircraft(tagger):
    text = "Ansar al-Sunna fighters ambushed a convoy, and the air force sent two JF-23 fighters."
    suggested = _suggested(text, tagger)
    assert not [s for s in suggested if s[0].startswith("Ansar") and s[1] == "weapon"]
    assert ("JF-23", "weapon") in suggested


def test_registry_places_that_open_a_banks_name_are_part_of_it(tagger):
    text = "Depositors queued outside branches of Cairo Amman Bank on Tuesday, a witness said."
    assert "Cairo" not in _tagged(text, tagger)
    assert ("Cairo Amman Bank", "company") in _suggested(text, tagger)


def test_a_country_inside_a_newspapers_name_is_not_the_country(tagger):
    text = "The talks had stalled, the Times of Israel reported on Sunday."
    assert "Israel" not in _tagged(text, tagger)
    assert ("Times of Israel", "company") in _suggested(text, tagger)


def test_a_meeting_named_after_a_city_is_neither_the_city_nor_an_entity(tagger):
    text = "Ministers spoke at the Doha Forum about shipping."
    assert "Doha" not in _tagged(text, tagger)
    assert _suggested(text, tagger) == []


def test_a_place_that_is_a_persons_surname_in_the_story_is_that_person_later(tagger):
    text = "Company president Elchin Najaf signed the deal in Baku. Najaf said gas would flow by 2028."
    assert "Najaf" not in _tagged(text, tagger)
    later = text.rindex("Najaf")
    assert [s.name for s in discovery.analyse(text, tagger).suggestions if s.start == later] == ["Elchin Najaf"]


def test_a_possessive_ends_a_name_before_a_demonym(tagger):
    text = "The bank completed its purchase of HSBC's Omani business in 2023."
    assert "Omani" in _tagged(text, tagger)


def test_a_dateline_of_two_words_is_one_place_and_the_word_after_its_dash_opens_a_sentence(tagger):
    text = "PANAMA CITY — Shipping agents said canal traffic was normal."
    suggested = _suggested(text, tagger)
    assert ("PANAMA CITY", "place") in suggested
    assert not [s for s in suggested if s[0] == "Shipping"]


def test_a_commercial_bank_named_after_its_country_is_a_company_and_a_state_bank_an_organisation(tagger):
    text = (
        "Depositors at the Commercial Bank of Eritrea queued on Monday, and the State Bank of Eritrea "
        "said it would lend to it."
    )
    suggested = _suggested(text, tagger)
    assert ("Commercial Bank of Eritrea", "company") in suggested
    assert ("State Bank of Eritrea", "organisation") in suggested


def test_the_noun_saying_what_a_name_is_stays_out_of_it(tagger):
    text = "HAIFA — Cybersecurity company Zorvix hired 200 engineers this year."
    assert _suggested(text, tagger) == [("Zorvix", "company")]


def test_an_apposition_naming_an_association_makes_an_organisation(tagger):
    text = "Insurers raised premiums, said a director at GAMCO, the tanker owners' association."
    assert ("GAMCO", "organisation") in _suggested(text, tagger)


def test_a_local_officials_title_is_not_part_of_the_name(tagger):
    text = (
        "A local official, Prefect Issa Konate Dembele, said villagers had fled. "
        "Agency Commissioner Halima Warsame agreed."
    )
    suggested = _suggested(text, tagger)
    assert ("Issa Konate Dembele", "person") in suggested
    assert not [s for s in suggested if s[0].startswith(("Prefect", "Commissioner"))]


def test_a_bank_named_for_two_countries_is_one_name(tagger):
    text = "The loan was arranged by Bank of Oman and Yemen, the lender said on Monday."
    assert ("Bank of Oman and Yemen", "company") in _suggested(text, tagger)
    assert "Yemen" not in _tagged(text, tagger)


def test_a_french_name_runs_on_over_its_small_words(tagger):
    text = (
        "Niger's state miner Société de Recherche et d'Exploitation des Gisements du Niger (SOREGIN) "
        "signed a deal on Friday."
    )
    names = [s[0] for s in _suggested(text, tagger)]
    assert "Société de Recherche et d'Exploitation des Gisements du Niger" in names
    assert "Niger" not in _tagged(text, tagger)[1:]


def test_a_month_in_a_dateline_and_a_plan_or_law_are_no_names(tagger):
    text = (
        "SOUSSE, Nov 4 - More than 200 farmers protested on Tuesday. Officials said the Coastal Water "
        "Security Plan 2035 and the Irrigation Reform Law would protect them."
    )
    assert _suggested(text, tagger) == []


def test_a_ship_named_after_something_else_is_neither(tagger):
    text = "The drones flew from the amphibious assault ship TCG Anadolu, the navy said."
    assert "Anadolu" not in _tagged(text, tagger)


def test_a_crude_grade_and_a_benchmark_average_name_no_place(tagger):
    text = "Basrah Medium loaded at a premium to the Oman/Dubai average, while Iran Heavy slipped."
    assert _tagged(text, tagger) == []
    assert [s for s in _suggested(text, tagger) if s[1] != "company"] == []


def test_a_body_of_a_nations_members_runs_on_past_the_demonym(tagger):
    text = "The Order of Moroccan Architects said on Thursday that fees would rise."
    assert ("Order of Moroccan Architects", "organisation") in _suggested(text, tagger)
    assert "Moroccan" not in _tagged(text, tagger)


def test_a_tournament_a_trade_fair_and_a_portfolio_are_no_names(tagger):
    text = (
        "Minister of State for Water Affairs Karim Haddad said the team would play in the Arabian Gulf Cup. "
        "Drones were shown at the Saharexpo fair."
    )
    assert "Arabian Gulf" not in _tagged(text, tagger)
    assert [s[0] for s in _suggested(text, tagger)] == ["Karim Haddad"]


def test_a_surname_that_is_also_the_town_named_before_it_leaves_the_town_alone(tagger):
    text = (
        "The firm will build a plant in the city of Kozluk. Aylin Kozluk, head of the chamber of industry, "
        "welcomed it. Kozluk said 900 jobs would follow."
    )
    first = text.index("Kozluk")
    assert not [s for s in discovery.analyse(text, tagger).suggestions if s.start == first and s.kind == "person"]


def test_a_firms_name_runs_on_over_and_to_another_line_of_its_business(tagger):
    text = (
        "The contract went to Zubara Engineering and Drilling Services, while Halwan Capital and Wealth "
        "Advisory arranged the loan."
    )
    names = [s[0] for s in _suggested(text, tagger)]
    assert "Zubara Engineering and Drilling Services" in names
    assert "Halwan Capital and Wealth Advisory" in names


def test_a_body_named_after_a_king_keeps_the_title_and_what_it_is_of(tagger):
    text = "Researchers at the King Faisal Foundation for Heritage and Archives catalogued the letters."
    assert ("King Faisal Foundation for Heritage and Archives", "organisation") in _suggested(text, tagger)


def test_a_national_programme_is_a_plan_but_a_un_programme_a_body(tagger):
    text = (
        "Funds from the National Programme for Rural Water Supply and Irrigation were cut, the UN "
        "Development Programme said."
    )
    names = [s[0] for s in _suggested(text, tagger)]
    assert not [n for n in names if n.startswith("National Programme")]
    assert "UN Development Programme" in names


def test_a_ministry_and_the_country_it_belongs_to_are_one_name(tagger):
    text = "The Ministry of Foreign Affairs of Azerbaijan summoned the envoy."
    assert ("Ministry of Foreign Affairs of Azerbaijan", "organisation") in _suggested(text, tagger)
    assert "Azerbaijan" not in _tagged(text, tagger)


def test_a_portfolio_of_several_words_before_minister_is_no_name(tagger):
    text = "Energy and Water Resources Minister Jamshed Qodirov said the dam would be finished in 2029."
    assert [s[0] for s in _suggested(text, tagger)] == ["Jamshed Qodirov"]


def test_a_gulf_family_name_after_the_given_names_joins_them(tagger):
    text = "Chief executive Yousif Khalil Al Marzooq said the bank would expand."
    assert ("Yousif Khalil Al Marzooq", "person") in _suggested(text, tagger)


def test_a_known_place_after_for_is_where_a_cargo_is_bound(tagger):
    text = "The tanker loaded fuel oil at Ajman for Singapore on Tuesday."
    assert {"Ajman", "Singapore"} <= set(_tagged(text, tagger))


def test_a_hyphenated_rank_a_turkish_feast_and_a_forces_helicopters(tagger):
    text = (
        "Lieutenant-Colonel Oumar Sissoko said the convoy left before Kurban Bayramı, and Kenya "
        "Defence Forces helicopters flew the wounded out."
    )
    suggested = _suggested(text, tagger)
    assert ("Oumar Sissoko", "person") in suggested
    assert ("Kenya Defence Forces", "organisation") in suggested
    assert not [s for s in suggested if s[0].startswith(("Lieutenant", "Kurban"))]


def test_a_body_named_for_two_places_and_a_plan_named_for_a_country(tagger):
    text = "The Royal Commission for Jubail and Yanbu backed the Uzbekistan 2030 Strategy."
    assert ("Royal Commission for Jubail and Yanbu", "organisation") in _suggested(text, tagger)
    assert _tagged(text, tagger) == []


def test_a_language_in_a_list_a_quoted_title_and_a_declaration_are_no_names(tagger):
    text = (
        'Classes are taught in Karakalpak, Uzbek and English. The film "Don\'t Sell Dreams" opened the '
        "festival, and the Samarkand Declaration was signed."
    )
    assert _tagged(text, tagger) == []
    suggested = [s[0] for s in _suggested(text, tagger)]
    assert "Karakalpak" not in suggested
    assert "Don't Sell Dreams" not in suggested
    assert not [s for s in suggested if "Samarkand" in s]


def test_the_pakistani_talibans_other_spellings_are_the_same_group(tagger):
    text = "Fighters of the Tehrik-e-Taliban Pakistan (TTP) attacked a checkpoint."
    assert [(f.name, f.text) for f in discovery.analyse(text, tagger).entities] == [
        ("Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan"),
        ("Tehreek-e-Taliban Pakistan", "TTP"),
    ]
