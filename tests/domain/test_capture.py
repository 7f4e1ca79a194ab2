"""Capture records per round: none holds a person; the party-by-item map; the checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from backchannel.domain import capture as cap
from backchannel.domain.capture import (
    ConsequenceTest,
    Framing,
    FramingKind,
    ItemKind,
    MeetingCapture,
    PackageStep,
    PartyItem,
)
from backchannel.domain.errors import BadInputError
from backchannel.domain.meetings import RoundMove
from backchannel.domain.options import Option, Package, Rating
from backchannel.domain.rounds import Contribution, RoundName
from backchannel.domain.steps import Step

PERSON_WORDS = (
    "name", "person", "people", "participant", "candidate", "author", "speaker", "rater_id",
    "email", "phone", "user", "member", "delegate", "attendee", "said_by", "by_whom",
)  # fmt: skip
# `Step.who` names the office or body that acts (DESIGN.md: what, who, when, how, test);
# `Rating.rater` holds a salted pseudonym, never a person. The gate checks every text.
ALLOWED = {("Step", "who"), ("Rating", "rater")}


def person_fields(record_type: type) -> list[str]:
    return [
        f
        for f in cap.record_fields(record_type)
        if (record_type.__name__, f) not in ALLOWED and any(w in f.lower() for w in PERSON_WORDS)
    ]


class TestNoPersonFields:
    """No record of the rounds has a field for a person; a record may carry a party."""

    @pytest.mark.parametrize(
        "record_type",
        [
            *cap.CAPTURE_RECORDS,
            MeetingCapture,
            Option,
            Package,
            Step,
            Rating,
            Contribution,
            RoundMove,
        ],
        ids=lambda t: t.__name__,
    )
    def test_record_fields(self, record_type: type) -> None:
        assert [] == person_fields(record_type)

    def test_the_check_sees_a_person_field(self) -> None:
        @dataclass(frozen=True)
        class Minute:
            text: str
            speaker_name: str

        assert ["speaker_name"] == person_fields(Minute)

    def test_every_round_has_a_record(self) -> None:
        assert set(RoundName) == set(cap.RECORD_ROUND.values())


class TestRecords:
    """Each record checks its own fields."""

    def test_framing_needs_text_and_a_valid_party(self) -> None:
        with pytest.raises(BadInputError) as caught:
            Framing(FramingKind.STATEMENT, "   ")
        assert "text" == caught.value.field
        with pytest.raises(BadInputError):
            Framing(FramingKind.REFRAMING, "x", party="party A!")
        assert "B" == Framing(FramingKind.REFRAMING, "needs, not positions", "B").party

    def test_item_kinds_split_into_interests_and_constraints(self) -> None:
        assert {ItemKind.LEGAL, ItemKind.POLITICAL, ItemKind.OPERATIONAL} == {
            k for k in ItemKind if k.is_constraint
        }
        assert "red line" == ItemKind.RED_LINE.label

    def test_a_consequence_test_needs_something(self) -> None:
        with pytest.raises(BadInputError, match="at least one of"):
            ConsequenceTest("o1", "A")
        only_question = ConsequenceTest("o1", "A", questions=("Who verifies?",))
        assert () == only_question.answers()

    def test_answers_in_the_order_of_the_form(self) -> None:
        test = ConsequenceTest("o1", "A", verification=" logs ", gains="water", risks="")
        assert (("gains", "water"), ("verification", "logs")) == test.answers()

    def test_a_step_position_is_positive(self) -> None:
        s = Step("s1", "what", "the platform", date(2027, 2, 1), "how", "test")
        with pytest.raises(BadInputError):
            PackageStep("p1", 0, s)


def item(code: str, party: str, kind: ItemKind = ItemKind.INTEREST) -> PartyItem:
    return PartyItem(code, party, kind, f"text of {code}")


class TestInterestsMap:
    """Parties across, kinds down; columns in the dialogue's order, then any other party."""

    def test_cells(self) -> None:
        imap = cap.interests_map(
            [item("i1", "B"), item("i2", "A", ItemKind.FEAR), item("i3", "A"), item("i4", "Z")],
            parties=("A", "B", "H"),
        )
        assert ("A", "B", "H", "Z") == imap.parties
        assert ["i3"] == [i.code for i in imap.cell(ItemKind.INTEREST, "A")]
        assert ["i2"] == [i.code for i in imap.cell(ItemKind.FEAR, "A")]
        assert () == imap.cell(ItemKind.LEGAL, "H")
        assert 4 == imap.size

    def test_served_by(self) -> None:
        options = [Option("o1", "one", serves=("i1", "i2")), Option("o2", "two", serves=("i1",))]
        assert {"i1": ("o1", "o2"), "i2": ("o1",)} == cap.served_by(options)


class TestChecks:
    """References must point to what the dialogue holds."""

    def test_party(self) -> None:
        cap.check_party("A", ("A", "B"))
        cap.check_party("X", ())  # a dialogue without parties names none to check against
        cap.check_party(None, ("A",))
        with pytest.raises(BadInputError, match="not a party"):
            cap.check_party("X", ("A", "B"))

    def test_serves(self) -> None:
        cap.check_serves(Option("o1", "t", serves=("i1",)), ["i1", "i2"])
        with pytest.raises(BadInputError, match="i9") as caught:
            cap.check_serves(Option("o1", "t", serves=("i1", "i9")), ["i1"])
        assert "serves" == caught.value.field

    def test_next_code(self) -> None:
        assert "i1" == cap.next_code("i", [])
        assert "i12" == cap.next_code("i", ["i2", "i11", "x40", "inline"])

    def test_sequence_warnings(self) -> None:
        def ps(n: int, sid: str, day: int) -> PackageStep:
            return PackageStep(
                "p1", n, Step(sid, "w", "the platform", date(2027, 2, day), "h", "t")
            )

        assert () == cap.sequence_warnings([ps(1, "s1", 1), ps(2, "s2", 1), ps(3, "s3", 9)])
        found = cap.sequence_warnings([ps(2, "s2", 1), ps(1, "s1", 5)])
        assert ["step s2 comes after s1 in package p1 but is due earlier (1 Feb before 5 Feb)"] == (
            list(found)
        )
