"""The scanner finds every usual form of a participant's name, and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate

# The `find` fixture (conftest.py): text -> Found, which answers covers/who/kind/texts.
Find = Callable[[str], Any]


class TestFullName:
    """A full name is one finding naming the participant."""

    def test_full_name(self, find: Find) -> None:
        found = find("Thandiwe Dlamini opened the session.")
        assert ["Thandiwe Dlamini"] == found.texts()
        assert "t04" == found.who("Thandiwe")

    def test_full_name_in_lower_case(self, find: Find) -> None:
        assert ["ewa kowalczyk"] == find("notes by ewa kowalczyk follow.").texts()

    def test_three_part_name_across_a_line_break(self, find: Find) -> None:
        assert ["Ahmad Shah\nPopalzai"] == find("Then Ahmad Shah\nPopalzai spoke.").texts()

    def test_kind_is_name(self, find: Find) -> None:
        assert "name" == find("Rustam Nazarov spoke.").kind("Rustam")


class TestSurname:
    """The surname alone, with or without an honorific, rank or initial."""

    @pytest.mark.parametrize(
        "text, part",
        [
            ("A proposal from Wardak was tabled.", "Wardak"),
            ("Wardak argued for a pause.", "Wardak"),
            ("Dr. Wardak argued for a pause.", "Dr. Wardak"),
            ("Col. Nazarov agreed.", "Col. Nazarov"),
            ("Brig. Gen. Tamimi agreed.", "Brig. Gen. Tamimi"),
            ("H.E. Amb. Adeyemi agreed.", "H.E. Amb. Adeyemi"),
            ("Minister Adeyemi agreed.", "Minister Adeyemi"),
            ("Sheikh Tamimi agreed.", "Sheikh Tamimi"),
            ("Ms Dlamini agreed.", "Ms Dlamini"),
            ("E. Kowalczyk agreed.", "E. Kowalczyk"),
            ("Yesterday Nazarov said the road was open.", "Nazarov"),
        ],
    )
    def test_surname_forms(self, find: Find, text: str, part: str) -> None:
        found = find(text)
        assert [part] == found.texts()

    def test_family_name_first_traditions(self, find: Find) -> None:
        found = find("Ms. Nguyen presented; Dr. Park agreed; Dr. Li abstained.")
        assert ["Ms. Nguyen", "Dr. Park", "Dr. Li"] == found.texts()

    def test_any_part_of_a_chain_is_a_surname(self, find: Find) -> None:
        found = find("Said Omar and Omar both appear; Popalzai too.")
        assert {"t10", "t13"} == {f.participant for f in found.findings}


class TestFirstName:
    """A given name alone is found where it is used as a name."""

    @pytest.mark.parametrize(
        "text, part",
        [
            ("According to Rustam, the road is open.", "Rustam"),
            ("Zarmina recalled the 2019 arrangement.", "Zarmina"),
            ("A proposal from Faith would let councils certify manifests.", "Faith"),
            ("Faith argued for youth quotas.", "Faith"),
            ("Faith's earlier work helped.", "Faith"),
            ("Faith and Rustam disagreed.", "Faith"),
            ("Mark cautioned that spoilers might test the convoy.", "Mark"),
            ("Ji-hoon offered a draft.", "Ji-hoon"),
            ("Jihoon offered a draft.", "Jihoon"),
            ("(Mark) asked for the annex.", "Mark"),
        ],
    )
    def test_used_as_a_name(self, find: Find, text: str, part: str) -> None:
        assert find(text).covers(part)

    @pytest.mark.parametrize(
        "text",
        [
            "They kept faith with the plan.",
            "We will mark the checkpoints.",
            "Many said the harvest would change the calculus.",
            "Faith in the process was low.",
            "Mark the checkpoints on the map.",
            "Said differently, the mandate is too broad.",
            "We walked in the park. Park that question for now.",
        ],
    )
    def test_ordinary_words_are_not_names(self, find: Find, text: str) -> None:
        assert [] == find(text).findings


class TestCapitals:
    """Names in capitals are found; ordinary words in capitals need a name position."""

    def test_surname_in_capitals(self, find: Find) -> None:
        assert ["WARDAK"] == find("WARDAK cautioned that spoilers might test it.").texts()

    def test_full_name_in_capitals(self, find: Find) -> None:
        assert ["LI NA"] == find("LI NA wrote the annex.").texts()

    def test_capitals_with_diacritics(self, find: Find) -> None:
        assert ["NGUYỄN"] == find("NGUYỄN argued for joint gauges.").texts()

    def test_ordinary_word_in_capitals_without_name_position(self, find: Find) -> None:
        assert [] == find("MARK THE MAP BEFORE THE CONVOY").findings


class TestPossessives:
    """Possessives are found; a bare apostrophe after s or z belongs to the name."""

    def test_apostrophe_s(self, find: Find) -> None:
        assert ["Kowalczyk"] == find("Kowalczyk's map was shared.").texts()

    def test_bare_apostrophe(self, find: Find) -> None:
        assert ["de la Cruz'"] == find("We used de la Cruz' map.").texts()

    def test_closing_quote_is_not_possessive(self, find: Find) -> None:
        assert ["Nazarov"] == find("He said 'Nazarov' twice.").texts()


class TestDiacritics:
    """Names are found with or without their diacritics."""

    def test_without_diacritics(self, find: Find) -> None:
        assert ["Nguyen Thi Lan"] == find("Nguyen Thi Lan presented.").texts()

    def test_combining_marks(self, find: Find) -> None:
        text = "Nguye\u0302\u0303n Thi\u0323 Lan presented."
        assert "t02" == find(text).who("Nguye")


class TestArabicArticle:
    """Al-, al, El-, joined and sun-letter forms of an Arabic surname."""

    @pytest.mark.parametrize(
        "form",
        ["Al-Tamimi", "al Tamimi", "El-Tamimi", "Altamimi", "at-Tamimi", "AL-TAMIMI", "Tamimi"],
    )
    def test_article_forms(self, find: Find, form: str) -> None:
        found = find(f"Later, {form} warned the group.")
        assert [form] == found.texts()
        assert "t01" == found.who(form)

    @pytest.mark.parametrize(
        "form", ["Abd al-Rahman", "Abdelrahman", "Abdul Rahman", "Abdulrahman", "Abderrahmane"]
    )
    def test_abd_compounds(self, find: Find, form: str) -> None:
        assert "t01" == find(f"Then {form} spoke.").who(form)


class TestVariants:
    """Spellings the roster does not list: families, rules, phonetic key, slips."""

    @pytest.mark.parametrize(
        "text, part, who",
        [
            ("Svetlana Bondar spoke first.", "Svetlana", "t08"),
            ("Ahmed Shah disagreed.", "Ahmed", "t13"),
            ("Col. Nazaroff agreed.", "Nazaroff", "t14"),
            ("Thandiwe Dhlamini agreed.", "Dhlamini", "t04"),
            ("Kovalczyk agreed.", "Kovalczyk", "t07"),
            ("Oluwaseun Adeyemmi proposed a pilot.", "Adeyemmi", "t05"),
            ("Zarmina Wradak proposed a pilot.", "Wradak", "t06"),
            ("Then Dr. Wrdak proposed a pilot.", "Wrdak", "t06"),
            ("Then Dr. Lwni proposed a pilot.", "Lwni", "t15"),
        ],
    )
    def test_variant_found(self, find: Find, text: str, part: str, who: str) -> None:
        assert who == find(text).who(part)

    def test_place_of_a_nisba_name_is_not_the_name(self) -> None:
        cand = Candidate(
            id="n1", name="Salim al-Karaki", party="A", category=Category.COMMUNITY_VOICE
        )
        found = Gate([cand]).scan("Salim al-Karaki came from Karak; Karaky too.")
        assert ["Salim al-Karaki", "Karaky"] == [f.text for f in found]

    def test_short_slip_needs_a_name_position(self, find: Find) -> None:
        assert [] == find("Lwni is not a word we know.").findings


class TestAliases:
    """Nicknames, kunyas and initials from the roster."""

    def test_nickname(self, find: Find) -> None:
        assert "t05" == find("Seun argued that the road must open.").who("Seun")

    def test_kunya_kind_is_alias(self, find: Find) -> None:
        assert "alias" == find("Abu Faris raised fuel.").kind("Abu Faris")

    def test_kunya_with_spellings(self, find: Find) -> None:
        assert "t01" == find("Abou Fares raised fuel.").who("Abou Fares")

    def test_initials_whole_upper_case_token(self, find: Find) -> None:
        found = find("JH: please circulate. The jh and JHX codes differ.")
        assert ["JH"] == found.texts()


class TestAffiliationsAndTitles:
    """Organisations, their acronyms and role titles from the roster."""

    def test_affiliation_name(self, find: Find) -> None:
        found = find("The Coastal Reconciliation Forum's paper helped.")
        assert "affiliation" == found.kind("Coastal")

    def test_acronym_in_brackets(self, find: Find) -> None:
        assert ["CRF"] == find("A note from the CRF was tabled.").texts()

    def test_acronym_from_initials(self, find: Find) -> None:
        assert ["NDMG"] == find("The NDMG gauges were read.").texts()

    def test_acronym_in_lower_case_is_not_one(self, find: Find) -> None:
        assert [] == find("the ndmg gauges were read.").findings

    def test_american_spelling(self, find: Find) -> None:
        assert find("The Baltic Mine Action Center wrote.").covers("Baltic")

    def test_title(self, find: Find) -> None:
        found = find("The demining coordinator and the cadastral surveyor met.")
        assert ["title", "title"] == [f.kind for f in found.findings]

    def test_title_without_former(self, find: Find) -> None:
        found = find("The deputy governor objected.")
        assert "t05" == found.who("deputy governor")


class TestOtherPeople:
    """People who are not on the roster are not participants."""

    @pytest.mark.parametrize(
        "text",
        [
            "The envoy, Ingrid Haugland, was not consulted.",
            "Mohammed Omar is not a participant.",
            "Mark Twain and Faith Hill were quoted.",
            "Nelson Lwin-Smith wrote to us.",
        ],
    )
    def test_not_reported_as_participants(self, find: Find, text: str) -> None:
        assert [] == [f for f in find(text).findings if f.participant]

    def test_short_part_glued_to_another_name(self, find: Find) -> None:
        assert [] == find("The envoy, Li-Wen Chou, was not consulted.").findings

    def test_long_surname_glued_to_a_word_is_still_the_surname(self, find: Find) -> None:
        assert ["Kowalczyk"] == find("The Kowalczyk-led survey helped.").texts()

    def test_misspelt_given_name_next_to_a_surname_is_the_same_person(self, find: Find) -> None:
        assert ["Zarmna Wardak"] == find("Then Zarmna Wardak spoke.").texts()

    def test_trailing_initial_is_the_same_person(self, find: Find) -> None:
        assert ["Rustam N."] == find("Then Rustam N. spoke.").texts()


class TestEmail:
    """A name inside an e-mail address is the whole address."""

    def test_address(self, find: Find) -> None:
        found = find("Mail k.okonjo@example.org today.")
        assert ["k.okonjo@example.org"] == found.texts()


class TestOutput:
    """Findings are sorted, never overlap, and their text is the slice they cover."""

    def test_sorted_non_overlapping_slices(self, gate: Gate) -> None:
        text = "Mr. Okonjo of the NDMG and Dr. Li Na; the water engineer, Mark Okonjo."
        findings = gate.scan(text)
        assert sorted(findings, key=lambda f: f.start) == findings
        assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))
        assert all(text[f.start : f.end] == f.text for f in findings)
