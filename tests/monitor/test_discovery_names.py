"""Whole names from split or run-on spans, and registry names in headlines and with punctuation (text written
for these tests; the names are invented unless the registry is what is tested)."""

import pytest

from monitor import discovery
from monitor.registry import seed_entries, seed_others
from monitor.tagger import Tagger

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _suggested(text, tagger):
    return [(s.text, s.kind) for s in discovery.analyse(text, tagger).suggestions]


def _tagged(text, tagger):
    return [(f.text, f.kind) for f in discovery.analyse(text, tagger).entities]


def test_a_given_name_the_model_left_out_joins_the_persons_name(tagger):
    text = "A Puntland official, Mahad Jibril Yusuf, said Garowe was not bound by the port deal."
    suggested = _suggested(text, tagger)
    assert ("Mahad Jibril Yusuf", "person") in suggested
    assert not [name for name, _ in suggested if name in {"Mahad", "Jibril Yusuf"}]


def test_a_sentences_first_word_does_not_join_a_name_after_it(tagger):
    text = "The judges retired at noon. Justice Saima Rafique Dawar then read the order to the court."
    names = [name for name, _ in _suggested(text, tagger)]
    assert "Saima Rafique Dawar" in names
    assert "Justice Saima Rafique Dawar" not in names


def test_sultan_before_a_given_name_is_a_title(tagger):
    text = "Sultan Haitham bin Tariq al-Mahri opened the new container port at Sohar on Sunday."
    assert ("Haitham bin Tariq al-Mahri", "person") in _suggested(text, tagger)


def test_a_designation_of_letters_after_a_hyphen_is_part_of_a_weapons_name(tagger):
    text = "The army took delivery of the Kalkan-O air-defence system and a second Kalkan-A+ battery."
    suggested = _suggested(text, tagger)
    assert ("Kalkan-O", "weapon") in suggested
    assert ("Kalkan-A+", "weapon") in suggested


def test_a_chairperson_is_a_title_before_a_persons_name(tagger):
    text = "Commission chairperson Roselyn Adhiambo Wekesa said the police had ignored court orders."
    assert ("Roselyn Adhiambo Wekesa", "person") in _suggested(text, tagger)


def test_a_body_named_on_a_country_ends_before_on(tagger):
    text = "The envoy briefs the UN Security Council on Yemen, where detentions of aid workers continue."
    assert ("UN Security Council", "organisation") in _tagged(text, tagger)
    assert ("Yemen", "country") in _tagged(text, tagger)
    assert not [name for name, _ in _suggested(text, tagger) if "Yemen" in name]


def test_the_words_the_model_read_before_a_registry_name_open_the_body(tagger):
    text = "The exiled Islamic Renewal Party of Tajikistan, banned since 2015, said the vote was rigged."
    assert ("Islamic Renewal Party of Tajikistan", "organisation") in _suggested(text, tagger)


def test_a_headline_in_title_case_joins_no_registry_name_into_a_longer_one(tagger):
    text = "Kurdish Teachers Go Unpaid As Erbil And Baghdad Trade Blame. Public employees have waited three months."
    assert ("Baghdad", "place") in _tagged(text, tagger)
    assert not [name for name, _ in _suggested(text, tagger) if "Baghdad" in name]


def test_an_alias_with_an_apostrophe_before_a_space_matches_as_written():
    tagger = Tagger(seed_entries())
    text = "The Kurdistan Workers' Party (PKK) said it would lay down its weapons."
    first = tagger.tag(text)[0]
    assert (first.text, first.name) == ("Kurdistan Workers' Party", "Kurdistan Workers' Party")


def test_a_place_named_with_its_country_to_tell_it_apart_is_matched_by_its_aliases_only():
    tripoli = next(e for e in seed_others() if e.name == "Tripoli (Libya)")
    assert [a.text for a in tripoli.aliases] == ["Tripoli"]
    tagger = Tagger(seed_entries())
    tags = [(f.text, f.kind) for f in tagger.tag("TRIPOLI, Libya — Libyan forces said the airport at Mitiga reopened.")]
    assert ("TRIPOLI", "place") in tags
    assert ("Libya", "country") in tags


def test_a_capitalised_alias_word_written_in_lower_case_is_not_that_name():
    tagger = Tagger(seed_entries())
    tags = [(f.text, f.name) for f in tagger.tag("Gulf air forces bought drones, and Gulf Air cut its flights.")]
    assert tags == [("Gulf Air", "Gulf Air")]
    # What a place or body is may follow in lower case; the model stage cuts it off.
    assert [f.text for f in tagger.tag("Shelling reached the Litani river again.")] == ["Litani river"]
