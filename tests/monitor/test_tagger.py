def names(tagger, text):
    return [(f.name, f.text) for f in tagger.tag(text)]


def test_it_respects_word_boundaries(tagger):
    assert names(tagger, "Tirana and Iraqis") == [("Iraq", "Iraqis")]


def test_the_longest_match_wins(tagger):
    assert names(tagger, "the Strait of Hormuz") == [("Strait of Hormuz", "Strait of Hormuz")]


def test_diacritics_and_transliterations_name_the_same_person(tagger):
    assert names(tagger, "Erdoğan met Erdogan; Ibrahim Raisi is Ebrahim Raisi")[0][0] == "Recep Tayyip Erdoğan"
    assert {n for n, _ in names(tagger, "Ibrahim Raisi and Ebrahim Raisi")} == {"Ebrahim Raisi"}


def test_offsets_point_into_the_original_text_even_after_decomposed_accents(tagger):
    text = "Cafe\u0301 talk: Erdog\u0306an visited Tehran."
    for found in tagger.tag(text):
        assert text[found.start : found.end] == found.text
    assert [f.name for f in tagger.tag(text)] == ["Recep Tayyip Erdoğan", "Tehran"]


def test_jordan_the_country_is_not_a_persons_name(tagger):
    assert names(tagger, "Michael Jordan visited Jordan.") == [("Jordan", "Jordan")]


def test_acronyms_match_only_in_capitals(tagger):
    assert names(tagger, "Let us see what the US says.") == [("United States", "US")]


def test_an_ambiguous_alias_needs_context(tagger):
    assert names(tagger, "Amal went to school.") == []
    assert ("Amal Movement", "Amal") in names(tagger, "Amal, led by Nabih Berri, met in Lebanon.")


def test_common_words_are_not_proper_names(tagger):
    assert names(tagger, "a gallant and patriot effort") == []
