"""The model stage on text written for these tests (not the held-out set)."""

import pytest

from monitor import discovery

pytestmark = pytest.mark.skipif(not discovery.model_available(), reason=discovery.MODEL_MISSING)


def _suggested(text, tagger):
    return [(s.text, s.name, s.kind) for s in discovery.analyse(text, tagger).suggestions]


def _tagged(text, tagger):
    return [(f.text, f.name) for f in discovery.analyse(text, tagger).entities]


def test_an_unknown_minister_becomes_a_person_suggestion_with_its_sentence_and_a_confidence(tagger):
    text = "Prices rose in Homs. Interior minister Anas Qattawi visited the city on Tuesday."
    (suggestion,) = [s for s in discovery.analyse(text, tagger).suggestions if s.kind == "person"]
    assert (suggestion.name, suggestion.text) == ("Anas Qattawi", "Anas Qattawi")
    assert suggestion.sentence == "Interior minister Anas Qattawi visited the city on Tuesday."
    assert 0 < suggestion.confidence <= 1
    assert text[suggestion.start : suggestion.end] == "Anas Qattawi"
    # Homs is in the registry: a tag, not a suggestion.
    assert ("Homs", "Homs") in _tagged(text, tagger)


def test_a_later_surname_and_a_title_join_the_full_name(tagger):
    text = (
        "Interior minister Anas Qattawi visited Homs. Qattawi said the police would be reorganised, "
        "and Mr Qattawi later met tribal leaders."
    )
    people = [(text_, name) for text_, name, kind in _suggested(text, tagger) if kind == "person"]
    assert people == [("Anas Qattawi", "Anas Qattawi"), ("Qattawi", "Anas Qattawi"), ("Qattawi", "Anas Qattawi")]


def test_the_arabic_article_folds(tagger):
    text = (
        "Sheikh Hamdan bin Rashid Al Muhairbi opened the fair on Sunday. Later, el-Muhairbi met investors from Japan."
    )
    suggested = _suggested(text, tagger)
    assert ("el-Muhairbi", "Hamdan bin Rashid Al Muhairbi", "person") in suggested
    assert discovery.fold("al-Sharaa") == discovery.fold("el-Sharaa") == discovery.fold("Sharaa")
    assert discovery.fold("President Ahmed al-Sharaa") == discovery.fold("Ahmed el-Sharaa")


def test_an_acronym_defined_in_brackets_joins_its_expansion(tagger):
    text = (
        "The Kurdistan Regional Government (KRG) said on Monday it had paid salaries. "
        "The KRG also asked for more money."
    )
    suggested = _suggested(text, tagger)
    assert suggested.count(("KRG", "Kurdistan Regional Government", "organisation")) == 2
    assert ("Kurdistan Regional Government", "Kurdistan Regional Government", "organisation") in suggested


def test_a_country_inside_an_airline_or_an_agency_is_not_the_country(tagger):
    text = "Turkish Airlines added flights, the Saudi Press Agency said. Turkish officials and Saudi diplomats agreed."
    tagged = _tagged(text, tagger)
    assert [t for t in tagged if t[0] == "Turkish"] == [("Turkish", "Turkey")]  # the officials, not the airline
    assert [t for t in tagged if t[0] == "Saudi"] == [("Saudi", "Saudi Arabia")]  # the diplomats, not the agency
    assert ("Saudi Press Agency", "Saudi Press Agency", "organisation") in _suggested(text, tagger)


def test_a_us_state_is_not_the_country(tagger):
    text = "The company opened a plant in Atlanta, Georgia, last year."
    assert "Georgia" not in [t[0] for t in _tagged(text, tagger)]
    assert ("Georgia", "Georgia") in _tagged("Protesters filled the streets of Georgia's capital, Tbilisi.", tagger)


def test_gulf_investors_and_brent_prices_are_not_names(tagger):
    text = "Gulf investors bought bonds on Monday as Brent prices rose above 80 dollars a barrel."
    assert _suggested(text, tagger) == []
    assert all(kind != "weapon" for *_, kind in _suggested(text, tagger))


def test_a_new_missile_is_a_weapons_system(tagger):
    text = "The group said it fired a Toufan-3 missile at the port overnight."
    assert ("Toufan-3", "Toufan-3", "weapon") in _suggested(text, tagger)


def test_the_model_is_loaded_once_per_process():
    assert discovery.nlp() is discovery.nlp()
    assert "ner" in discovery.nlp().pipe_names


def test_batched_analysis_matches_one_at_a_time(tagger):
    texts = ["Interior minister Anas Qattawi visited Homs.", "The Kurdistan Regional Government (KRG) paid salaries."]
    batched = list(discovery.analyse_many(texts, tagger, batch_size=2))
    assert [a.suggestions for a in batched] == [discovery.analyse(t, tagger).suggestions for t in texts]


def test_a_surname_in_the_headline_joins_the_full_name_given_in_the_body(tagger):
    text = "Qattawi tours the north\n\nInterior minister Anas Qattawi went to Aleppo on Monday."
    people = [(text_, name) for text_, name, kind in _suggested(text, tagger) if kind == "person"]
    assert people == [("Qattawi", "Anas Qattawi"), ("Anas Qattawi", "Anas Qattawi")]


def test_a_registry_place_inside_a_longer_name_gives_way_to_that_name(tagger):
    text = (
        "Shares on the Borsa Istanbul fell on Monday. A tanker was hit in the Gulf of Mukalla. "
        "The UN Support Mission in Libya urged calm, and the Egyptian General Refining Corporation raised prices."
    )
    tagged = [t for t, _ in _tagged(text, tagger)]
    for inside in ("Istanbul", "Mukalla", "Libya", "Egyptian"):
        assert inside not in tagged
    suggested = {(t, k) for t, _, k in _suggested(text, tagger)}
    assert ("Gulf of Mukalla", "place") in suggested
    assert ("Egyptian General Refining Corporation", "company") in suggested
    # "Borsa Istanbul" and "UN Support Mission in Libya" are in the registry themselves, whole.
    assert "Borsa Istanbul" in tagged
    assert "UN Support Mission in Libya" in tagged


def test_a_country_named_next_to_a_title_or_in_a_plain_sentence_stays_the_country(tagger):
    text = "Iraqi Oil Minister Hayan Abdul-Sattar met Saudi officials. Protests in Iran continued."
    tagged = [t for t, _ in _tagged(text, tagger)]
    assert {"Iraqi", "Saudi", "Iran"} <= set(tagged)
    assert ("Hayan Abdul-Sattar", "person") in {(t, k) for t, _, k in _suggested(text, tagger)}


def test_a_designation_hides_the_country_in_it_and_a_missed_name_is_still_offered(tagger):
    text = "The group fired a Palestine-5 missile. Officials from Sonarmine met executives in Tarhouz on Sunday."
    assert "Palestine" not in [t for t, _ in _tagged(text, tagger)]
    suggestions = {s.text: s for s in discovery.analyse(text, tagger).suggestions}
    assert suggestions["Palestine-5"].kind == "weapon"
    # The model misses these one-word names; editors still see them, readers do not.
    assert suggestions["Sonarmine"].kind == "company"
    assert suggestions["Tarhouz"].kind == "place"
    assert not suggestions["Sonarmine"].shown_to_readers
    assert "Sunday" not in suggestions


def test_a_name_other_stories_were_suggested_under_with_the_same_kind_is_surer(tagger):
    text = "Interior minister Anas Qattawi visited Homs on Tuesday."
    asked = []

    def seen(pairs):
        asked.append(pairs)
        return {pair: 2 for pair in pairs if pair == ("anas qattawi", "person")}

    def qattawi(analysis):
        return next(s for s in analysis.suggestions if s.name == "Anas Qattawi")

    alone = qattawi(discovery.analyse(text, tagger))
    again = qattawi(discovery.analyse(text, tagger, seen=seen))
    assert again.confidence > alone.confidence
    assert ("anas qattawi", "person") in asked[0]
    # Named elsewhere as something else: no surer.
    other = qattawi(discovery.analyse(text, tagger, seen=lambda pairs: {("anas qattawi", "company"): 3}))
    assert other.confidence == alone.confidence
