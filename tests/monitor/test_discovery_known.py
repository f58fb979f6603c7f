"""Registry names read in context: acronyms of known bodies, a company's arm in a country, crude grades,
a weapon's designation beside its name; and kinds and names the model gets wrong (text written for these
tests; names are invented unless the registry is what is tested)."""

import pytest

from monitor import discovery

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _suggested(text, tagger):
    return [(s.text, s.kind) for s in discovery.analyse(text, tagger).suggestions]


def _tagged(text, tagger):
    return [(f.text, f.kind, f.name) for f in discovery.analyse(text, tagger).entities]


def test_an_acronym_in_brackets_after_a_registry_name_is_that_entity_everywhere(tagger):
    text = (
        "Engineers from the Basra Oil Company (BOC) reopened two wells at Majnoon on Sunday. "
        "BOC said output would recover by March."
    )
    tagged = _tagged(text, tagger)
    assert tagged.count(("BOC", "company", "Basra Oil Company")) == 2
    assert not [s for s in _suggested(text, tagger) if s[0] == "BOC"]


def test_an_acronym_with_small_letters_joins_its_expansion(tagger):
    text = "The Andean Development Bank (AnDB) will lend $300 million, and AnDB staff arrive in Quito next week."
    suggested = _suggested(text, tagger)
    assert ("AnDB", "organisation") in suggested
    assert ("Andean Development Bank", "organisation") in suggested


def test_a_lender_owned_by_many_states_is_an_organisation_not_a_company(tagger):
    text = "The Arab Infrastructure Investment Bank signed a loan of 200 million euros for the Tunis metro."
    assert ("Arab Infrastructure Investment Bank", "organisation") in _suggested(text, tagger)


def test_a_name_that_ends_on_a_particle_goes_on_to_the_family_name(tagger):
    text = "Defence lawyer Rima Abi Saab told the court that her client had broken no law."
    suggested = _suggested(text, tagger)
    assert ("Rima Abi Saab", "person") in suggested
    assert not [f for f in _tagged(text, tagger) if f[0] == "Saab"]  # the family, not the Swedish arms maker


def test_sultan_after_a_title_is_a_given_name(tagger):
    text = "The port operator's chairman Sultan Khalid bin Rashed said volumes rose 9 percent in the quarter."
    assert ("Sultan Khalid bin Rashed", "person") in _suggested(text, tagger)


def test_a_registry_company_and_a_country_after_it_name_the_companys_arm_there(tagger):
    text = "Shares in Safaricom Ethiopia fell after the regulator delayed its mobile-money licence."
    assert ("Safaricom Ethiopia", "company") in _suggested(text, tagger)
    tagged = [f[0] for f in _tagged(text, tagger)]
    assert "Safaricom" not in tagged and "Ethiopia" not in tagged


def test_a_crude_grade_named_after_a_pipeline_is_not_its_operator(tagger):
    text = "CPC Blend traded at a wider discount to Brent after storms closed the Novorossiysk terminal."
    assert "CPC" not in [f[0] for f in _tagged(text, tagger)]


def test_a_capitalised_article_at_a_sentence_start_is_not_part_of_a_registry_name(tagger):
    text = "The Associated Press reported the strike first, citing two officials in Aden."
    assert ("Associated Press", "company", "Associated Press") in _tagged(text, tagger)


def test_a_weapons_designation_and_its_name_side_by_side_are_one_mention(tagger):
    text = "The army received six AH-64E Apache helicopters from Boeing on Tuesday."
    weapons = [f for f in _tagged(text, tagger) if f[1] == "weapon"]
    assert [f[0] for f in weapons] == ["AH-64E Apache"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Analysts at Zarqa Horizon Risk expect more pressure on the currency next month.", "Zarqa Horizon Risk"),
        ("The radar will be built by Kestrel Defence under a licence signed on Monday.", "Kestrel Defence"),
        ("Premiums rose to 0.7% of hull value, brokers at Marlowe Hartigan said on Friday.", "Marlowe Hartigan"),
    ],
)
def test_a_name_with_a_firms_word_is_a_company_not_a_person(tagger, text, name):
    assert (name, "company") in _suggested(text, tagger)


def test_a_name_written_unlike_its_longest_alias_is_still_found_by_a_shorter_one(tagger):
    # The registry's canonical name opens with "The"; written "the ...", its alias without the article matches.
    text = "Investors want the Sovereign Fund of Egypt to take a larger stake in the port."
    assert ("Sovereign Fund of Egypt", "company", "The Sovereign Fund of Egypt") in _tagged(text, tagger)


def test_a_credit_rating_is_no_name(tagger):
    text = "Fitch affirmed the lender at BB+ with a stable outlook and kept the kingdom at B-plus."
    names = [name for name, _ in _suggested(text, tagger)]
    assert "BB" not in names and "B-plus" not in names


def test_a_body_the_model_cut_before_of_and_a_country_ends_with_the_country(tagger):
    text = "The plant will sell power to the Northern Power Grid of Kyrgyzstan under a 20-year contract."
    assert "Northern Power Grid of Kyrgyzstan" in [name for name, _ in _suggested(text, tagger)]
    assert "Kyrgyzstan" not in [f[0] for f in _tagged(text, tagger)]


def test_a_persons_trade_in_an_apposition_makes_them_a_person_whatever_their_employer(tagger):
    text = "A Revolutionary Court sentenced Niloufar Rahimi, a reporter for the reformist daily Bahar, to two years."
    assert ("Niloufar Rahimi", "person") in _suggested(text, tagger)
