"""The kind of a name the registry lacks, read from the words around it (text written for these tests)."""

import pytest

from monitor import discovery

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _kinds(text, tagger):
    return {s.text: s.kind for s in discovery.analyse(text, tagger).suggestions}


def test_a_name_before_a_weapon_noun_is_a_weapon_even_with_adjectives_between(tagger):
    text = "The navy fired the Kargal anti-ship missile off Sinop on Thursday, officials said."
    assert _kinds(text, tagger)["Kargal"] == "weapon"


def test_a_name_after_a_weapon_noun_and_a_comma_is_a_weapon(tagger):
    text = "The army paraded its new battle tank, the Toyan, through the capital on Sunday."
    assert _kinds(text, tagger)["Toyan"] == "weapon"


def test_an_airliner_after_its_maker_is_not_a_weapon(tagger):
    text = "Pegasus Airlines will lease ten more Airbus A321neo jets for its summer schedule."
    assert _kinds(text, tagger).get("A321neo") != "weapon"


def test_an_apposition_names_a_company(tagger):
    text = "Workers at Petkim, the petrochemicals producer, went on strike over pay in Izmir."
    assert _kinds(text, tagger)["Petkim"] == "company"


def test_names_listed_after_lenders_such_as_are_companies(tagger):
    text = "State lenders such as Ovabank and Karsbank raised their deposit rates on Monday."
    kinds = _kinds(text, tagger)
    assert kinds["Ovabank"] == "company"
    assert kinds["Karsbank"] == "company"


def test_a_name_before_a_field_noun_or_after_near_is_a_place(tagger):
    text = "Output from the Tunarya gas field rose by a third. Engineers near Filyos said a second pipe was ready."
    kinds = _kinds(text, tagger)
    assert kinds["Tunarya"] == "place"
    assert kinds["Filyos"] == "place"


def test_a_clause_after_a_comma_is_not_an_apposition(tagger):
    text = "Police made arrests in Iranshahr, the judiciary's Mizan news agency said on Friday."
    assert _kinds(text, tagger)["Iranshahr"] == "place"


def test_a_companys_first_word_alone_joins_its_full_name(tagger):
    text = "Perseus Airlines raised its fares on Monday. Perseus said fuel costs had doubled since spring."
    names = {s.text: (s.name, s.kind) for s in discovery.analyse(text, tagger).suggestions}
    assert names["Perseus"] == ("Perseus Airlines", "company")


def test_emirates_is_the_airline_only_where_the_story_is_about_flying(tagger):
    flying = "Emirates added a third daily flight to Baku, where passengers had waited for months."
    tagged = [(f.text, f.name) for f in discovery.analyse(flying, tagger).entities]
    assert ("Emirates", "Emirates airline") in tagged
    politics = "Envoys from across the Emirates met in Fujairah to discuss water tariffs."
    assert all(f.name != "Emirates airline" for f in discovery.analyse(politics, tagger).entities)


def test_of_and_a_country_after_a_company_say_where_it_is_from(tagger):
    text = "Kazatomprom signed a supply deal with Northbeam Uranium of Canada on Tuesday in Astana."
    analysis = discovery.analyse(text, tagger)
    assert "Northbeam Uranium" in {s.text for s in analysis.suggestions}
    assert ("Canada", "country") in {(f.text, f.kind) for f in analysis.entities}


def test_a_title_word_that_names_a_body_stays_in_its_name(tagger):
    text = "Lawyers said the Supreme Court in Tehran would hear the appeal next month."
    assert _kinds(text, tagger).get("Supreme Court") == "organisation"


def test_a_name_after_rapper_or_lawyer_is_a_person(tagger):
    text = "Relatives of rapper Saman Yasin said his lawyer Babak Paknia had not been allowed to see him."
    kinds = _kinds(text, tagger)
    assert kinds["Saman Yasin"] == "person"
    assert kinds["Babak Paknia"] == "person"


def test_a_name_before_a_mine_or_deposit_noun_is_a_place(tagger):
    text = "The state took over the Jerooy gold mine last year, officials in Bishkek said."
    assert _kinds(text, tagger)["Jerooy"] == "place"


def test_a_one_word_name_from_a_country_is_a_company(tagger):
    text = "The contract went to Salini of Italy, which will start digging in spring near Dushanbe."
    assert _kinds(text, tagger)["Salini"] == "company"


def test_an_apposition_overrules_the_models_person_label(tagger):
    text = "Output rose at Uzbekneftegaz Trading, the state gas company, as exports to China resumed."
    assert _kinds(text, tagger)["Uzbekneftegaz Trading"] == "company"


def test_a_person_described_in_an_apposition_stays_a_person(tagger):
    text = "Dilshod Karimov, a former executive at the firm, said the deal had been rushed."
    assert _kinds(text, tagger)["Dilshod Karimov"] == "person"


def test_an_airliners_model_name_is_not_offered(tagger):
    text = "AJet will lease twenty Boeing 737 MAX jets from next year, the carrier said."
    assert "MAX" not in _kinds(text, tagger)
