"""Descriptors that single out fewer than k participants are findings of kind descriptor."""

from __future__ import annotations

import pytest

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate


def person(pid: str, party: str, gender: str, title: str, category: str) -> Candidate:
    return Candidate(
        id=pid,
        name=f"Person {pid.upper()}",
        party=party,
        category=Category(category),
        gender=gender,
        title=title,
    )


ROOM = (
    person("d1", "A", "M", "retired brigadier general", "authoritative_proxy"),
    person("d2", "B", "M", "retired major general", "authoritative_proxy"),
    person("d3", "B", "F", "water engineer", "technical_expert"),
    person("d4", "B", "M", "water engineer", "technical_expert"),
    person("d5", "neutral", "F", "hydrologist", "technical_expert"),
    person("d6", "A", "F", "tribal elder", "community_voice"),
)


def kinds(text: str, k: int = 2) -> list[tuple[str, str | None]]:
    return [(f.kind, f.participant) for f in Gate(ROOM, k=k).scan(text) if f.kind == "descriptor"]


class TestDescriptors:
    """A combination of party, gender, rank or role that fits fewer than k participants."""

    def test_rank_and_party_fitting_one(self) -> None:
        assert [("descriptor", "d2")] == kinds("Then the retired general from party B spoke.")

    def test_rank_fitting_two_is_not_a_finding(self) -> None:
        assert [] == kinds("Then the retired general spoke.")

    def test_k_three_reports_a_pair(self) -> None:
        assert [("descriptor", "d1")] == kinds("Then the retired general spoke.", k=3)

    def test_gender_and_role(self) -> None:
        assert [("descriptor", "d3")] == kinds("The female engineer argued for filters.")

    def test_gender_and_party(self) -> None:
        assert [("descriptor", "d6")] == kinds("The woman from party A argued.")

    def test_only(self) -> None:
        assert [("descriptor", "d5")] == kinds("The only woman from the neutral side spoke.")

    def test_one_word_roster_title_is_a_title(self) -> None:
        found = Gate(ROOM).scan("The hydrologist objected.")
        assert [("The hydrologist", "title", "d5")] == [
            (f.text, f.kind, f.participant) for f in found
        ]

    def test_one_word_title_with_a_party_is_a_descriptor(self) -> None:
        assert [("descriptor", "d5")] == kinds("The hydrologist from the neutral side objected.")

    def test_party_letter_must_be_upper_case(self) -> None:
        assert [] == kinds("The woman from a village argued.")

    @pytest.mark.parametrize(
        "text",
        [
            "The general mood was calm.",
            "A retired general from party C spoke.",
            "The man at the checkpoint was unarmed.",
            "The engineer spoke.",
        ],
    )
    def test_not_descriptors(self, text: str) -> None:
        assert [] == kinds(text)

    def test_span_covers_the_phrase(self) -> None:
        text = "Then the retired general from party B spoke."
        (found,) = Gate(ROOM).scan(text)
        assert "the retired general from party B" == found.text
