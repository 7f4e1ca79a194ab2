"""Follow-up over the horizon: where each step stands, the 30/60/90-day reviews, status changes."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.followup import (
    Standing,
    Tracked,
    board,
    change_status,
    label,
    parse_status,
    standing,
)
from backchannel.domain.steps import Step, StepStatus

START = date(2027, 1, 18)


def step(sid: str, when: date, status: StepStatus = StepStatus.PLANNED) -> Step:
    return Step(sid, "Open the crossing.", "Gov-A Access Committee", when, "An order.",
                "The order is signed.", status)  # fmt: skip


def tracked(*steps: Step, meeting: int = 1) -> list[Tracked]:
    return [Tracked(s, "pkg", meeting) for s in steps]


class TestStanding:
    """An open step is late once its day has passed, due within two weeks, else open."""

    @pytest.mark.parametrize(
        ("today", "expected"),
        [
            (date(2027, 2, 1), Standing.OPEN),
            (date(2027, 2, 5), Standing.DUE),
            (date(2027, 2, 19), Standing.DUE),
            (date(2027, 2, 20), Standing.LATE),
        ],
    )
    def test_open_steps(self, today: date, expected: Standing) -> None:
        assert expected == standing(step("s1", date(2027, 2, 19)), today)

    @pytest.mark.parametrize(
        ("status", "expected"),
        [(StepStatus.DONE, Standing.DONE), (StepStatus.DROPPED, Standing.DROPPED)],
    )
    def test_closed_steps_are_never_late(self, status: StepStatus, expected: Standing) -> None:
        assert expected == standing(step("s1", date(2027, 1, 20), status), date(2027, 3, 1))

    def test_under_way_is_still_open(self) -> None:
        late = step("s1", date(2027, 1, 20), StepStatus.UNDER_WAY)
        assert Standing.LATE == standing(late, date(2027, 3, 1))


class TestBoard:
    """The board lists steps by day and reviews each meeting's steps at 30, 60, 90 days."""

    def test_lines_and_descriptions(self) -> None:
        b = board(
            tracked(step("s2", date(2027, 3, 15)), step("s1", date(2027, 1, 29))),
            {1: START},
            date(2027, 2, 10),
        )
        assert ["s1", "s2"] == [line.step.id for line in b.lines]
        assert ["late by 12 day(s)", "33 day(s) to go"] == [line.describe() for line in b.lines]
        assert ["s1"] == [line.step.id for line in b.with_standing(Standing.LATE)]

    def test_reviews_cover_the_steps_due_since_the_last(self) -> None:
        steps = tracked(
            step("s1", date(2027, 1, 29), StepStatus.DONE),
            step("s2", date(2027, 2, 19)),
            step("s3", date(2027, 3, 15)),
        )
        b = board(steps, {1: START}, date(2027, 3, 1))
        assert [(30, date(2027, 2, 17)), (60, date(2027, 3, 19)), (90, date(2027, 4, 18))] == [
            (r.day, r.on) for r in b.reviews
        ]
        assert [("s1",), ("s2", "s3"), ()] == [r.steps for r in b.reviews]
        assert [(), ("s2", "s3"), ()] == [r.still_open for r in b.reviews]
        assert [True, False, False] == [r.past for r in b.reviews]
        assert b.next_review is not None and 60 == b.next_review.day

    def test_each_meeting_has_its_own_reviews(self) -> None:
        steps = tracked(step("a", date(2027, 2, 1))) + tracked(
            step("b", date(2027, 3, 20)), meeting=2
        )
        b = board(steps, {1: START, 2: date(2027, 2, 22)}, date(2027, 2, 1))
        assert [(1, 30), (1, 60), (1, 90), (2, 30), (2, 60), (2, 90)] == [
            (r.meeting, r.day) for r in b.reviews
        ]
        assert ("b",) == b.reviews[3].steps

    def test_open_steps(self) -> None:
        steps = tracked(step("s1", START, StepStatus.DONE), step("s2", START, StepStatus.UNDER_WAY))
        assert ["s2"] == [line.step.id for line in board(steps, {1: START}, START).open_steps]

    def test_a_meeting_without_a_start(self) -> None:
        with pytest.raises(BadInputError, match="meeting 1 has no start date"):
            board(tracked(step("s1", START)), {}, START)


class TestStatusChange:
    """A change must change something; a dropped step says why."""

    def test_a_change(self) -> None:
        change = change_status(step("s1", START), StepStatus.UNDER_WAY, date(2027, 1, 25))
        assert ("s1", StepStatus.UNDER_WAY, date(2027, 1, 25), "") == (
            change.step,
            change.status,
            change.on,
            change.note,
        )

    def test_the_same_status(self) -> None:
        with pytest.raises(BadInputError, match="already planned"):
            change_status(step("s1", START), StepStatus.PLANNED, START)

    def test_dropping_needs_a_reason(self) -> None:
        with pytest.raises(BadInputError, match="say why step s1 is dropped") as caught:
            change_status(step("s1", START), StepStatus.DROPPED, START, "  ")
        assert "note" == caught.value.field
        change = change_status(step("s1", START), StepStatus.DROPPED, START, "overtaken")
        assert "overtaken" == change.note

    @pytest.mark.parametrize("text", ["under_way", "Under way", "under-way", " UNDER WAY "])
    def test_parse(self, text: str) -> None:
        assert StepStatus.UNDER_WAY == parse_status(text)
        assert "under way" == label(parse_status(text))

    def test_parse_rejects(self) -> None:
        with pytest.raises(BadInputError, match="planned, under_way, done or dropped"):
            parse_status("finished")
