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
