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
    text = "The plant will sell power to the National Power Grid of Kyrgyzstan under a 20-year contract."
    assert "National Power Grid of Kyrgyzstan" in [name for name, _ in _suggested(text, tagger)]
    assert "Kyrgyzstan" not in [f[0] for f in _tagged(text, tagger)]


def test_a_persons_trade_in_an_apposition_makes_them_a_person_whatever_their_employer(tagger):
    text = "A Revolutionary Court sentenced Niloufar Rahimi, a reporter for the reformist daily Bahar, to two years."
    assert ("Niloufar Rahimi", "person") in _suggested(text, tagger)


def test_a_party_named_for_two_ideals_and_a_chamber_for_two_trades_run_on_over_and(tagger):
    text = (
        "Mohamud will run under his new Unity and Renewal Party (URP) in March. "
        "Losses mount, said a director of the Tajik-Afghan Chamber of Commerce and Industry."
    )
    names = [name for name, _ in _suggested(text, tagger)]
    assert "Unity and Renewal Party" in names
    assert "Tajik-Afghan Chamber of Commerce and Industry" in names


def test_a_time_zone_after_a_time_is_no_name_and_does_not_open_one(tagger):
    text = "14:05 EAT — Troops retook the town. 1115 PKT: Zarghun Refining jumps 6% after the regulator's ruling."
    names = [name for name, _ in _suggested(text, tagger)]
    assert "EAT" not in names and not [n for n in names if n.startswith("PKT")]


def test_the_arabic_article_written_in_lower_case_still_matches_a_registry_place(tagger):
    text = "Residents of the al-Hol camp in Hasakah waited for food deliveries."
    assert ("al-Hol", "place", "Al-Hol") in _tagged(text, tagger)


def test_a_name_based_somewhere_is_a_business_not_a_person(tagger):
    text = "Ibrahima Sarr, a mining lawyer at Dakar-based Sahel Juris Partners, said the code was unclear."
    assert ("Sahel Juris Partners", "company") in _suggested(text, tagger)


def test_justice_before_a_judges_name_is_a_title(tagger):
    text = "A two-member bench headed by Justice Tariq Hameed Lodhi said the bureau had erred."
    assert ("Tariq Hameed Lodhi", "person") in _suggested(text, tagger)


def test_two_firms_joined_by_and_are_two_names_and_one_named_for_two_trades_is_one(tagger):
    text = (
        "WEDNESDAY: Poulina Group Holding and Carthage Cement report half-year results. "
        "Shares in Almalyk Mining and Metallurgical Company fell."
    )
    names = [name for name, _ in _suggested(text, tagger)]
    assert "Poulina Group Holding" in names and "Carthage Cement" in names
    assert "Almalyk Mining and Metallurgical Company" in names


def test_a_firms_name_at_a_sentences_start_is_offered_to_editors(tagger):
    text = '"Tabarka Cement is the one to watch," said a broker in Tunis.'
    assert "Tabarka Cement" in [name for name, _ in _suggested(text, tagger)]


def test_an_acronym_a_story_defines_means_its_name_there_not_the_registrys_other_entity(tagger):
    # The registry gives "CBE" to the Commercial Bank of Ethiopia; this story defines it otherwise.
    text = "CAIRO — The Central Bank of Egypt (CBE) held rates on Thursday. CBE officials said inflation was easing."
    assert not [f for f in _tagged(text, tagger) if f[0] == "CBE"]
    suggested = discovery.analyse(text, tagger).suggestions
    assert [s.name for s in suggested if s.text == "CBE"] == ["Central Bank of Egypt", "Central Bank of Egypt"]
