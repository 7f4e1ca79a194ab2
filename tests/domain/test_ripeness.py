"""Zartman's ripeness: the records, and the reading with its reasons and advice."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.ripeness import (
    Confidence,
    Element,
    ElementScore,
    PartyAssessment,
    Reading,
    RipenessReading,
    read_ripeness,
)

DAY = date(2025, 3, 1)
RIPE = (3, 2, 1, 2, 2)  # hurting, stalemate, precipice, way out, spokespersons


def assess(
    party: str,
    scores: tuple[int, int, int, int, int],
    low: tuple[Element, ...] = (),
    on: date = DAY,
    evidence: str = "seen in the event data",
) -> PartyAssessment:
    return PartyAssessment(
        party,
        on,
        tuple(
            ElementScore(
                element,
                score,
                evidence if score else "",
                Confidence.LOW if element in low else Confidence.HIGH,
            )
            for element, score in zip(Element, scores, strict=True)
        ),
    )


def every_text(result: RipenessReading) -> str:
    lines = [*result.reasons, *result.would_change]
    for party in result.by_party:
        lines.extend(party.reasons)
    return "\n".join(lines)


class TestRecords:
    """The assessment records reject what cannot be read."""

    def test_score_outside_0_to_3(self) -> None:
        with pytest.raises(BadInputError) as raised:
            ElementScore(Element.HURTING, 4, "x")
        assert "hurting.score" == raised.value.field

    def test_missing_element(self) -> None:
        one = (ElementScore(Element.HURTING, 2, "x"),)
        with pytest.raises(BadInputError) as raised:
            PartyAssessment("A", DAY, one)
        assert "scores" == raised.value.field


class TestRipe:
    """Every party with a hurting stalemate, a way out and spokespersons: ripe."""

    def test_two_parties(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (2, 3, 0, 3, 3))])
        assert Reading.RIPE == result.reading
        assert [Reading.RIPE, Reading.RIPE] == [p.reading for p in result.by_party]
        assert result.reasons[0].startswith("Every party (Party A and Party B) perceives")
        assert "Convene soon" in result.would_change[0]

    def test_precipice_makes_up_one_point(self) -> None:
        result = read_ripeness([assess("A", (3, 1, 2, 2, 2)), assess("B", RIPE)])
        assert Reading.RIPE == result.reading
        assert "precipice (2/3) makes up for the missing point" in result.by_party[0].reasons[0]

    def test_parties_keep_their_order_and_codes(self) -> None:
        result = read_ripeness([assess("H", RIPE), assess("A", RIPE), assess("B", RIPE)])
        assert ["H", "A", "B"] == [p.party for p in result.by_party]


class TestRipening:
    """A hurting stalemate felt by two parties or more, with something else short."""

    def test_one_party_sees_no_way_out(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (3, 3, 0, 1, 2))])
        assert Reading.RIPENING == result.reading
        expected = [
            "Every party perceives a mutually hurting stalemate.",
            "Party B sees no way out.",
        ]
        assert expected == list(result.reasons)
        assert [Reading.RIPE, Reading.RIPENING] == [p.reading for p in result.by_party]
        assert any(
            c.startswith("Party B sees no way out: in the option round")
            for c in (result.would_change)
        )

    def test_no_party_sees_a_way_out(self) -> None:
        result = read_ripeness([assess("A", (3, 3, 0, 1, 2)), assess("B", (2, 2, 0, 0, 2))])
        assert Reading.RIPENING == result.reading
        assert "No party sees a way out." in result.reasons
        expected = (
            "No party sees a way out: design the first meeting's option round to build one "
            "(examples of face-saving formulas, phased and reversible steps, precedents from "
            "comparable cases)."
        )
        assert expected == result.would_change[0]

    def test_no_valid_spokesperson(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (3, 3, 0, 2, 1))])
        assert Reading.RIPENING == result.reading
        assert "Party B has no valid spokesperson." in result.reasons
        expected = (
            "Party B has no valid spokesperson in the room: seek an authoritative proxy with a "
            "channel to Party B's leadership (a mix rule can require one)."
        )
        assert expected in result.would_change

    def test_two_of_three_parties_feel_it(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", RIPE), assess("H", (1, 3, 0, 2, 2))])
        assert Reading.RIPENING == result.reading
        expected = "Party A and Party B perceive a mutually hurting stalemate; Party H not yet."
        assert expected == result.reasons[0]
        assert any("Party H does not feel the cost" in c for c in result.would_change)
        assert any("A looming catastrophe would tip Party H" in c for c in result.would_change)
        assert result.would_change[-1].startswith("Re-assess before each meeting")

    def test_low_confidence_softens_a_ripe_reading(self) -> None:
        low = (Element.WAY_OUT, Element.HURTING)
        result = read_ripeness([assess("A", RIPE, low=low), assess("B", RIPE)])
        assert Reading.RIPENING == result.reading
        assert Reading.RIPENING == result.by_party[0].reading
        assert (Element.HURTING, Element.WAY_OUT) == result.by_party[0].low_confidence
        assert any("reported as ripening, not ripe" in r for r in result.reasons)
        assert any(
            c.startswith("Confirm Party A's scores for hurting and way out")
            for c in (result.would_change)
        )

    def test_low_confidence_precipice_matters_only_when_it_makes_up(self) -> None:
        unused = read_ripeness([assess("A", RIPE, low=(Element.PRECIPICE,)), assess("B", RIPE)])
        used = read_ripeness(
            [assess("A", (3, 1, 2, 2, 2), low=(Element.PRECIPICE,)), assess("B", RIPE)]
        )
        assert Reading.RIPE == unused.reading
        assert Reading.RIPENING == used.reading


class TestNotRipe:
    """Fewer than two parties perceive a mutually hurting stalemate: not ripe."""

    def test_no_party_feels_it(self) -> None:
        result = read_ripeness([assess("A", (1, 1, 0, 2, 2)), assess("B", (0, 3, 0, 2, 2))])
        assert Reading.NOT_RIPE == result.reading
        assert "No party perceives a mutually hurting stalemate." == result.reasons[0]
        assert result.would_change[-1].startswith("Until then, keep any dialogue narrow")

    def test_only_one_party_feels_it(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (3, 0, 0, 2, 2))])
        assert Reading.NOT_RIPE == result.reading
        assert result.reasons[0].startswith("Only Party A perceives a mutually hurting")
        assert any("Party B still expects to gain" in c for c in result.would_change)

    def test_precipice_cannot_make_up_an_absent_element(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (0, 3, 3, 2, 2))])
        assert Reading.NOT_RIPE == result.reading
        assert "cannot make up for an element that is absent" in result.by_party[1].reasons[0]

    def test_weak_precipice_does_not_make_up(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", (3, 1, 1, 2, 2))])
        assert Reading.NOT_RIPE == result.reading

    def test_one_party_assessed(self) -> None:
        result = read_ripeness([assess("A", (3, 3, 3, 3, 3))])
        assert Reading.NOT_RIPE == result.reading
        assert result.reasons[0].startswith("Only Party A is assessed")
        assert "Assess the other parties before reading ripeness." == result.would_change[0]

    def test_low_confidence_is_reported_as_provisional(self) -> None:
        result = read_ripeness(
            [assess("A", (1, 1, 0, 2, 2), low=(Element.HURTING,)), assess("B", (0, 1, 0, 2, 2))]
        )
        assert any("treat this reading as provisional" in r for r in result.reasons)


class TestAssessmentsOverTime:
    """Each party's latest assessment counts; two on one day merge to the lower score."""

    def test_latest_assessment_wins(self) -> None:
        old = assess("B", (0, 0, 0, 0, 0), on=date(2025, 1, 1))
        result = read_ripeness([assess("A", RIPE), assess("B", RIPE), old])
        assert Reading.RIPE == result.reading

    def test_same_day_assessments_keep_the_lower_score(self) -> None:
        result = read_ripeness([assess("A", RIPE), assess("B", RIPE), assess("B", (3, 2, 1, 0, 2))])
        assert Reading.RIPENING == result.reading
        assert 2 == len(result.by_party)
        expected = (
            "Two assessments of Party B on 2025-03-01 differ on way out (2 and 0); "
            "the lower is used."
        )
        assert expected in result.reasons


class TestWording:
    """Plain sentences with party codes; evidence (which may name people) never appears."""

    def test_evidence_is_not_quoted(self) -> None:
        said = "Colonel Mirza told us so"
        result = read_ripeness([assess("A", RIPE, evidence=said), assess("B", (1, 1, 1, 1, 1))])
        assert "Mirza" not in every_text(result)

    def test_every_sentence_ends_with_a_full_stop(self) -> None:
        result = read_ripeness(
            [assess("A", (3, 1, 2, 1, 0), low=(Element.PRECIPICE,)), assess("B", (1, 1, 0, 1, 0))]
        )
        assert all(line.endswith(".") for line in every_text(result).splitlines())

    def test_no_assessment_is_bad_input(self) -> None:
        with pytest.raises(BadInputError) as raised:
            read_ripeness([])
        assert "assessments" == raised.value.field
