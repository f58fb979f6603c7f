"""Names read from the words around them: long names with a country inside, benchmarks, banks,
numbered fields, kin and travel, lists (text written for these tests)."""

import pytest

from monitor import discovery

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _analyse(text, tagger):
    return discovery.analyse(text, tagger)


def _tags(text, tagger):
    return {f.text for f in _analyse(text, tagger).entities}


def _kinds(text, tagger):
    return {s.text: s.kind for s in _analyse(text, tagger).suggestions}


def test_opec_plus_is_tagged_with_its_plus_sign(tagger):
    text = "Kazakhstan promised to respect its OPEC+ quota from next month."
    spans = {(f.text, f.end) for f in _analyse(text, tagger).entities}
    assert ("OPEC+", text.index("+") + 1) in spans


def test_a_city_quoted_as_a_price_benchmark_is_not_the_city(tagger):
    text = "Cargoes for May sold at a premium over Dubai quotes, brokers in Singapore said."
    assert "Dubai" not in _tags(text, tagger)
    assert "Singapore" in _tags(text, tagger)


def test_a_name_after_a_discount_to_is_a_benchmark_not_a_company(tagger):
    text = "Basrah Heavy traded at a discount to Brent for the third week, dealers said."
    assert "Brent" not in _kinds(text, tagger)


def test_a_country_after_society_of_is_part_of_the_name(tagger):
    text = "Lawyers at the Law Society of Kenya filed a petition against the lease on Monday."
    assert "Kenya" not in _tags(text, tagger)
    assert _kinds(text, tagger).get("Law Society of Kenya") == "organisation"


def test_a_central_bank_named_of_the_republic_of_a_country_is_one_organisation(tagger):
    text = "The lira slid until the Central Bank of the Republic of Turkey sold dollars on Friday."
    assert "Turkey" not in _tags(text, tagger)
    assert _kinds(text, tagger).get("Central Bank of the Republic of Turkey") == "organisation"


def test_countries_joined_by_a_hyphen_inside_a_company_name_are_not_the_countries(tagger):
    text = "Freight on the Ethiopia-Djibouti Railway rose by a third, its managers said in a report."
    tags = _tags(text, tagger)
    assert "Ethiopia" not in tags and "Djibouti" not in tags
    assert _kinds(text, tagger).get("Ethiopia-Djibouti Railway") == "company"


def test_a_hyphenated_pair_of_countries_alone_stays_two_countries(tagger):
    text = "Veterans of the Iran-Iraq war marched in Basra on Sunday."
    tags = _tags(text, tagger)
    assert "Iran" in tags and "Iraq" in tags


def test_a_known_company_and_a_group_word_after_it_name_the_group(tagger):
    text = "Pilots said the Emirates Group would hire 4,000 cabin crew for its new airport in Dubai."
    assert "Emirates" not in _tags(text, tagger)
    assert _kinds(text, tagger).get("Emirates Group") == "company"


def test_a_place_named_after_a_king_keeps_the_title(tagger):
    text = "Passengers were stranded at King Fahd International Airport after a power cut on Monday."
    assert _kinds(text, tagger).get("King Fahd International Airport") == "place"


def test_analysts_at_a_name_work_for_a_company_not_in_a_place(tagger):
    text = "Growth will slow next year, according to analysts at Sterling Chartered in a note."
    assert _kinds(text, tagger).get("Sterling Chartered") == "company"


def test_a_banque_is_a_lender_unless_it_is_the_central_bank(tagger):
    kinds = _kinds("Depositors queued outside Banque Wadi while the Banque de France froze transfers.", tagger)
    assert kinds.get("Banque Wadi") == "company"
    assert kinds.get("Banque de France") == "organisation"
    kinds = _kinds("Lenders such as Banque du Delta borrowed from the Banque d'Algerie overnight.", tagger)
    assert kinds.get("Banque du Delta") == "company"


def test_bank_of_a_country_is_its_central_bank_and_bank_of_a_continent_a_lender(tagger):
    kinds = _kinds("The Bank of Algeria held rates while the Bank of Asia opened branches in Fes.", tagger)
    assert kinds.get("Bank of Algeria") == "organisation"
    assert kinds.get("Bank of Asia") == "company"


def test_a_name_the_model_splits_in_two_is_joined(tagger):
    text = "In Dodoma, President Samia Suluhu Hassan opened the new railway station on Friday."
    names = {s.text for s in _analyse(text, tagger).suggestions}
    assert "Samia Suluhu Hassan" in names
    assert "Samia Suluhu" not in names


def test_a_number_after_a_field_or_block_is_part_of_its_name(tagger):
    kinds = _kinds("Drilling in Block 9 resumed, and pumping at Majnoon East 3 doubled last month.", tagger)
    assert "Block 9" in kinds
    assert "Block" not in kinds


def test_a_number_before_a_count_is_not_part_of_a_name(tagger):
    text = "Fighting near Rubayah 12 people dead, according to a medic, before the truce."
    assert not any(name.endswith(" 12") for name in _kinds(text, tagger))


def test_a_name_after_siege_of_is_a_place(tagger):
    text = "He commanded a unit at the siege of Dankalo and later taught history in the capital."
    assert _kinds(text, tagger).get("Dankalo") == "place"


def test_a_name_before_the_word_project_is_a_place(tagger):
    text = "Delays hit the Hammond Tarrow project again, the ministry said."
    assert _kinds(text, tagger).get("Hammond Tarrow") == "place"


def test_kin_before_a_name_make_it_a_person(tagger):
    text = "He is survived by his widow, Meron Gebreyes, and by three daughters in Asmara."
    assert _kinds(text, tagger).get("Meron Gebreyes") == "person"


def test_an_apposition_naming_an_occupation_makes_a_person(tagger):
    text = "Their son, Haroun Adam, a surgeon in Kassala, said the family had left Omdurman in June."
    assert _kinds(text, tagger).get("Haroun Adam") == "person"


def test_flights_to_a_name_make_it_a_place(tagger):
    text = "The airline will start flights to Nyakuru and Entebbe in the spring, its chief said."
    kinds = _kinds(text, tagger)
    assert kinds.get("Nyakuru") == "place"


def test_a_name_listed_beside_known_companies_is_a_company(tagger):
    text = "Licences went to Eni, Petrovald and Shell in the second round, the ministry said."
    assert _kinds(text, tagger).get("Petrovald") == "company"


def test_a_person_listed_beside_a_company_stays_a_person(tagger):
    text = "The deal was signed by its chief executive, Rachid Hamidouche, and Eni's Claudio Descalzi in Rome."
    assert _kinds(text, tagger).get("Rachid Hamidouche") == "person"


def test_a_one_word_name_with_a_capital_inside_is_a_company(tagger):
    text = "Engineers from PowerGenix began work on the plant near Mombasa last week."
    assert _kinds(text, tagger).get("PowerGenix") == "company"


def test_a_regional_word_opening_a_company_name_is_part_of_it(tagger):
    text = "Royalties paid by Jordan Phosphate Mines Company and Arab Gypsum Company rose last year."
    kinds = _kinds(text, tagger)
    assert "Arab Gypsum Company" in kinds
    assert "Gypsum Company" not in kinds


def test_a_name_after_chips_or_bonds_is_a_company(tagger):
    text = "Bonds of the state miner rallied while Zentrix chips were banned from export."
    assert _kinds(text, tagger).get("Zentrix") == "company"


def test_a_project_name_keeps_its_kind_when_an_apposition_calls_it_a_railway(tagger):
    text = "Ministers discussed the Sahel Corridor Road, a railway and motorway to the coast, in Niamey."
    assert _kinds(text, tagger).get("Sahel Corridor Road") == "place"


def test_a_one_word_name_whose_kind_is_only_the_models_guess_is_marked_so(tagger):
    text = "Shares in the group slipped on the Dalmar after the results."
    suggestions = {s.text: s for s in _analyse(text, tagger).suggestions}
    guess = dict(zip(discovery.FEATURES, suggestions["Dalmar"].features, strict=True))["guess"]
    assert guess == 1.0


def test_a_name_that_speaks_is_marked_so(tagger):
    text = "“Nobody is paid when the fields shut,” said Omar Belhaj, an adviser to the bank."
    suggestions = {s.text: s for s in _analyse(text, tagger).suggestions}
    assert dict(zip(discovery.FEATURES, suggestions["Omar Belhaj"].features, strict=True))["speaks"] == 1.0


def test_languages_feasts_and_scriptures_are_not_offered(tagger):
    text = "Before Ramadan the imam read the Quran in Arabic and then in Farsi to the crowd in Herat."
    names = set(_kinds(text, tagger))
    assert not names & {"Ramadan", "Quran", "Arabic", "Farsi"}


def test_a_ship_named_after_its_type_is_not_offered(tagger):
    text = "The tanker Sea Falcon was seized near Hormuz by the navy on Friday."
    assert "Sea Falcon" not in _kinds(text, tagger)


def test_a_military_operation_is_not_offered(tagger):
    text = "The frigate joined Operation Aspides to escort ships through the strait."
    assert not any(name.startswith("Operation") for name in _kinds(text, tagger))


def test_capitals_in_a_title_case_headline_are_not_offered(tagger):
    text = "Oil Prices Climb As Tensions Rise In The Strait, Traders Say."
    assert _kinds(text, tagger) == {}


def test_clergy_scholars_and_members_of_parliament_are_titles(tagger):
    kinds = _kinds("Archbishop Youssef Soueif and MP Marwa Mahmoud visited the camp near Tyre.", tagger)
    assert kinds.get("Youssef Soueif") == "person"
    assert kinds.get("Marwa Mahmoud") == "person"
    assert "Archbishop Youssef Soueif" not in kinds


def test_a_given_name_joins_a_family_name_opened_by_a_particle(tagger):
    text = "He spent two years in prison under Maaouiya Ould Taya and later taught in Nouakchott."
    assert _kinds(text, tagger).get("Maaouiya Ould Taya") == "person"


def test_a_given_name_the_model_left_out_joins_the_name_after_it(tagger):
    text = "Officials said they would keep the memorandum signed by his predecessor, Musa Bihi Warfaa."
    names = _kinds(text, tagger)
    assert names.get("Musa Bihi Warfaa") == "person"
    assert "Bihi Warfaa" not in names


def test_a_name_after_a_title_and_a_comma_is_a_person(tagger):
    text = "Somaliland's new president, Abdirahman Mohamed Warsame, visited Berbera on Monday."
    assert _kinds(text, tagger).get("Abdirahman Mohamed Warsame") == "person"


def test_an_aircraft_designation_alone_is_a_weapon(tagger):
    text = "Talks on F-35s with Washington had not resumed, the minister said."
    assert _kinds(text, tagger).get("F-35s") == "weapon"


def test_georgia_beside_another_us_state_is_not_the_country(tagger):
    text = "Voters in Georgia and Arizona will decide the election, pollsters said."
    assert "Georgia" not in _tags(text, tagger)


def test_a_company_word_after_a_country_heads_a_name_opened_by_republic(tagger):
    text = "The Islamic Republic of Iran Cargo Lines said two vessels were delayed."
    assert _kinds(text, tagger).get("Islamic Republic of Iran Cargo Lines") == "company"


def test_an_editor_at_a_name_works_for_a_company_not_in_a_place(tagger):
    text = "“He never asked permission,” said Ahmed Salem, now an editor at Sahara Medias."
    assert _kinds(text, tagger).get("Sahara Medias") == "company"


def test_reporters_in_a_name_are_in_a_place(tagger):
    text = "Reporters in Kassirab said the road to the border had been closed since Monday."
    assert _kinds(text, tagger).get("Kassirab") == "place"


def test_an_acronym_described_as_an_owner_is_not_a_person(tagger):
    text = "QIA, its owner, will not inject capital into the airline this year."
    assert _kinds(text, tagger).get("QIA") != "person"


def test_a_brand_shaped_word_after_a_known_company_names_its_unit(tagger):
    text = "Qatar Airways Cargo had overtaken Emirates SkyCargo by volume, the carrier said."
    assert "Emirates" not in _tags(text, tagger)
    assert _kinds(text, tagger).get("Emirates SkyCargo") == "company"


def test_a_brand_that_starts_with_a_business_word_is_not_joined_to_the_name_before(tagger):
    text = "The utility signed contracts with China Energy Engineering and PowerNile for three plants."
    names = set(_kinds(text, tagger))
    assert "China Energy Engineering and Power" not in names
    assert "PowerNile" in names


def test_names_leading_a_market_move_are_companies(tagger):
    text = "Dubai's index gained 1.1 percent, led by Wasleen and Salik, while Taqa fell 2 percent."
    kinds = _kinds(text, tagger)
    assert kinds.get("Wasleen") == "company"
    assert kinds.get("Salik") == "company"


def test_a_coalition_led_by_a_name_does_not_make_it_a_company(tagger):
    text = "Forces led by Hemedti withdrew from the town of Um Rawaba, residents said."
    assert _kinds(text, tagger).get("Hemedti") != "company"


def test_a_freight_rate_to_a_port_does_not_make_the_port_a_company(tagger):
    text = "Freight rates from Shanghai to Rotterdam fell 8 percent this week, brokers said."
    assert _kinds(text, tagger).get("Rotterdam") == "place"


def test_a_name_after_central_bank_and_a_comma_is_an_organisation(tagger):
    text = "Somaliland's central bank, Bank of Somaliland, cut its key rate to 2.5 percent on Tuesday."
    assert _kinds(text, tagger).get("Bank of Somaliland") == "organisation"


def test_a_body_named_for_two_causes_runs_past_and(tagger):
    text = "The Egyptian Commission for Rights and Freedoms said the trial had lasted 14 minutes."
    assert "Egyptian" not in _tags(text, tagger)
    assert _kinds(text, tagger).get("Egyptian Commission for Rights and Freedoms") == "organisation"


def test_a_body_named_for_a_cause_does_not_swallow_a_person_after_and(tagger):
    text = "Officials of the Council for Reconstruction and Ahmed Haddad visited the port on Monday."
    assert not any(name.endswith("Ahmed Haddad") and name != "Ahmed Haddad" for name in _kinds(text, tagger))


def test_a_person_named_after_the_company_they_run_is_not_the_company(tagger):
    text = "The deal was signed by the chief executive of Modon Holding, Bill O'Regan, on Sunday."
    kinds = _kinds(text, tagger)
    assert kinds.get("Modon Holding") == "company"
    assert kinds.get("Bill O'Regan") == "person"


def test_a_national_bank_is_a_central_bank_only_where_that_is_the_central_banks_name(tagger):
    kinds = _kinds(
        "National Bank of Bahrain and Bank of Palestine arranged the loan, while the National Bank of "
        "Ethiopia let the birr float.",
        tagger,
    )
    assert kinds.get("National Bank of Bahrain") == "company"
    assert kinds.get("Bank of Palestine") == "company"
    assert kinds.get("National Bank of Ethiopia") == "organisation"


def test_a_state_broadcaster_is_an_organisation_and_a_submarine_cable_no_weapon(tagger):
    kinds = _kinds(
        "The state broadcaster IRIB said the Black Sea submarine power cable would reach Romania by 2029.", tagger
    )
    assert kinds.get("IRIB") == "organisation"
    assert kinds.get("Black Sea") != "weapon"


def test_a_trans_route_is_a_place_and_an_executive_at_a_name_works_for_a_company(tagger):
    kinds = _kinds(
        "Donors met in Tashkent to finance the Trans-Turkmen Railway. Leyla Aliyeva, an executive at Azerenerkom, "
        "said the grid was ready.",
        tagger,
    )
    assert kinds.get("Trans-Turkmen Railway") == "place"
    assert kinds.get("Azerenerkom") == "company"


def test_universities_and_a_states_institutions_are_organisations(tagger):
    kinds = _kinds(
        "He taught at Sharif University of Technology, told the Senate of Pakistan about the deal, and the "
        "Ministry of Energy and Mines sent condolences. Mansour began her career at Corvabank in Cairo.",
        tagger,
    )
    assert kinds.get("Sharif University of Technology") == "organisation"
    assert kinds.get("Senate of Pakistan") == "organisation"
    assert kinds.get("Ministry of Energy and Mines") == "organisation"
    assert kinds.get("Corvabank") == "company"


def test_a_noun_only_a_business_is_called_outweighs_a_two_word_persons_shape(tagger):
    kinds = _kinds(
        "The state utility Barqi Kuhiston confirmed the tariff, and the royal holding company Al Mada bought a "
        "stake. His rival Ahmed Hassan Ali said nothing.",
        tagger,
    )
    assert kinds.get("Barqi Kuhiston") == "company"
    assert kinds.get("Al Mada") == "company"
    assert kinds.get("Ahmed Hassan Ali") == "person"


def test_directions_and_crossings_before_a_name_make_it_a_place(tagger):
    kinds = _kinds(
        "Convoys reached Tawila, a town west of El Fadeem, while patrols stepped up off Khasrab and the "
        "corridor runs across Vardunik. Work on the Qosh Kalan canal goes on.",
        tagger,
    )
    for name in ("El Fadeem", "Khasrab", "Vardunik", "Qosh Kalan"):
        assert kinds.get(name) == "place", name


def test_a_place_before_based_and_a_label_before_a_name(tagger):
    text = (
        "Profile: Tamaz Gelashvili, the shipping magnate, bought two more ships. Farrukh Nazarov, an analyst at "
        "the Navrabad-based Sughd Policy Centre, said the contract, priced partly off Brent, was generous."
    )
    kinds = _kinds(text, tagger)
    assert kinds.get("Tamaz Gelashvili") == "person"
    assert kinds.get("Navrabad") == "place"
    assert "Brent" not in kinds


def test_a_banque_centrale_lends_unless_it_is_a_countrys(tagger):
    kinds = _kinds(
        "The loan came from Banque Centrale Agricole, and the Banque Centrale de Tunisie held its rate.", tagger
    )
    assert kinds.get("Banque Centrale Agricole") == "company"
    assert kinds.get("Banque Centrale de Tunisie") == "organisation"
