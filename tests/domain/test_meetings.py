"""The agenda, the order of rounds, time against timeboxes, and carry-over between meetings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from backchannel.domain import meetings as m
from backchannel.domain.capture import (
    ConsequenceTest,
    MeetingCapture,
    PackageRecord,
    PackageStep,
)
from backchannel.domain.errors import BadInputError
from backchannel.domain.meetings import Agenda, MoveKind, Progress, RoundMove
from backchannel.domain.options import Option, Package
from backchannel.domain.rounds import ROUND_ORDER, Round, RoundName
from backchannel.domain.steps import Step, StepStatus

T0 = datetime(2027, 1, 18, 9, 30)
FRAMING, INTERESTS, OPTIONS, CONSEQUENCES, PACKAGING = ROUND_ORDER


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def through(*names: RoundName) -> Progress:
    """A meeting moved forward, one round each 60 minutes, until it reaches the last name."""
    progress = m.start(Progress(), at(0))
    for n in range(1, ROUND_ORDER.index(names[-1]) + 1):
        progress = m.advance(progress, at(60 * n))
    return progress


class TestAgenda:
    """A two-day meeting has sensible timeboxes for the five rounds, and they can be edited."""

    def test_two_day_defaults(self) -> None:
        agenda = m.default_agenda()
        assert ROUND_ORDER == tuple(r.name for r in agenda.rounds)
        assert [120, 180, 180, 150, 90] == [r.minutes for r in agenda.rounds]
        assert 2 * m.MINUTES_PER_DAY == agenda.total_minutes

    def test_scaled_to_the_days_in_quarter_hours(self) -> None:
        one_day = m.default_agenda(1)
        assert [60, 90, 90, 75, 45] == [r.minutes for r in one_day.rounds]
        three = m.default_agenda(3)
        assert all(r.minutes % 15 == 0 for r in three.rounds)
        assert 1080 == three.total_minutes

    def test_one_timebox_edited(self) -> None:
        agenda = m.default_agenda().with_timebox(OPTIONS, 240)
        assert 240 == agenda.minutes(OPTIONS)
        assert 120 == agenda.minutes(FRAMING)

    def test_rounds_out_of_order_are_refused(self) -> None:
        with pytest.raises(BadInputError, match="five rounds in order"):
            Agenda(
                (
                    Round(INTERESTS, 60),
                    Round(FRAMING, 60),
                    Round(OPTIONS, 60),
                    Round(CONSEQUENCES, 60),
                    Round(PACKAGING, 60),
                )
            )
        with pytest.raises(BadInputError):
            Agenda((Round(FRAMING, 60),))

    def test_schedule_places_rounds_on_days(self) -> None:
        slots = m.default_agenda().schedule()
        assert [(1, 1), (1, 1), (1, 2), (2, 2), (2, 2)] == [
            (s.first_day, s.last_day) for s in slots
        ]

    def test_warns_when_the_rounds_do_not_fit_the_days(self) -> None:
        agenda = m.default_agenda().with_timebox(INTERESTS, 400)
        found = m.agenda_warnings(agenda, days=2)
        assert 1 == len(found)
        assert "add a day" in found[0]
        assert () == m.agenda_warnings(m.default_agenda(), days=2)

    def test_warns_when_consequences_are_squeezed(self) -> None:
        agenda = m.default_agenda().with_timebox(CONSEQUENCES, 60)
        assert any("consequence testing" in w for w in m.agenda_warnings(agenda, days=2))


class TestRoundOrder:
    """Rounds move forward one at a time, or back with a recorded reason."""

    def test_forward_through_all_five_then_finished(self) -> None:
        progress = m.start(Progress(), at(0))
        seen = [progress.current]
        for n in range(1, 5):
            progress = m.advance(progress, at(n))
            seen.append(progress.current)
        assert list(ROUND_ORDER) == seen
        progress = m.advance(progress, at(9))
        assert progress.finished
        assert progress.current is None
        assert "finished" == progress.describe()

    def test_nothing_moves_before_start_or_after_finish(self) -> None:
        with pytest.raises(BadInputError, match="not started"):
            m.advance(Progress(), at(0))
        finished = m.advance(through(PACKAGING), at(999))
        with pytest.raises(BadInputError, match="finished"):
            m.advance(finished, at(1000))
        with pytest.raises(BadInputError, match="already started"):
            m.start(finished, at(1000))

    def test_back_needs_a_reason(self) -> None:
        with pytest.raises(BadInputError) as caught:
            m.go_back(through(CONSEQUENCES), "  ", at(500))
        assert "reason" == caught.value.field

    def test_back_goes_to_the_round_before_and_records_why(self) -> None:
        progress = m.go_back(through(CONSEQUENCES), "an interest nobody named", at(500))
        assert OPTIONS is progress.current
        assert (RoundMove(MoveKind.BACK, OPTIONS, at(500), "an interest nobody named"),) == (
            progress.backs()
        )

    def test_back_to_a_named_earlier_round(self) -> None:
        assert INTERESTS is m.go_back(through(PACKAGING), "why", at(500), to=INTERESTS).current

    def test_back_cannot_go_forward_or_before_framing(self) -> None:
        with pytest.raises(BadInputError, match="not before"):
            m.go_back(through(INTERESTS), "why", at(500), to=PACKAGING)
        with pytest.raises(BadInputError, match="first round"):
            m.go_back(through(FRAMING), "why", at(500))

    def test_back_reopens_a_finished_meeting(self) -> None:
        finished = m.advance(through(PACKAGING), at(400))
        assert PACKAGING is m.go_back(finished, "the package lacked a test", at(500)).current

    def test_a_move_cannot_be_earlier_than_the_last(self) -> None:
        with pytest.raises(BadInputError, match="earlier"):
            m.advance(through(INTERESTS), at(5))

    def test_pause_and_resume_stay_in_the_round(self) -> None:
        paused = m.pause(through(OPTIONS), at(200))
        assert paused.paused
        assert OPTIONS is paused.current
        with pytest.raises(BadInputError, match="already paused"):
            m.pause(paused, at(201))
        resumed = m.resume(paused, at(900))
        assert not resumed.paused
        with pytest.raises(BadInputError, match="not paused"):
            m.resume(resumed, at(901))

    def test_replay_accepts_what_the_rules_made(self) -> None:
        progress = m.go_back(m.pause(through(CONSEQUENCES), at(250)), "why", at(900))
        assert progress == m.replay(progress.moves)

    def test_replay_refuses_a_tampered_sequence(self) -> None:
        moves = list(through(OPTIONS).moves)
        moves[2] = RoundMove(MoveKind.NEXT, PACKAGING, moves[2].at)  # skips three rounds
        with pytest.raises(BadInputError, match="does not follow"):
            m.replay(moves)


class TestCaptureInItsRound:
    """A point is captured in the round it belongs to, and the error says how to get there."""

    def test_the_current_round_accepts(self) -> None:
        m.check_capture(through(OPTIONS), OPTIONS)

    def test_a_later_round_says_next(self) -> None:
        with pytest.raises(BadInputError, match="'round next'"):
            m.check_capture(through(INTERESTS), CONSEQUENCES)

    def test_an_earlier_round_says_back(self) -> None:
        with pytest.raises(BadInputError, match="'round back --reason"):
            m.check_capture(through(CONSEQUENCES), INTERESTS)

    def test_not_started_or_finished_is_refused(self) -> None:
        with pytest.raises(BadInputError, match="not started"):
            m.check_capture(Progress(), FRAMING)
        with pytest.raises(BadInputError, match="finished"):
            m.check_capture(m.advance(through(PACKAGING), at(999)), PACKAGING)


class TestRoundTimes:
    """Time in a round runs from entering it to the next move; pauses do not count."""

    def test_minutes_and_entries(self) -> None:
        progress = m.go_back(through(CONSEQUENCES), "why", at(200))  # back to options at 200
        progress = m.advance(progress, at(230))
        times = {t.name: t for t in m.round_times(m.default_agenda(), progress, until=at(260))}
        assert 60 == times[FRAMING].spent
        assert 60 + 30 == times[OPTIONS].spent
        assert 2 == times[OPTIONS].entered
        assert 20 + 30 == times[CONSEQUENCES].spent
        assert 0 == times[PACKAGING].entered

    def test_a_pause_is_not_counted(self) -> None:
        progress = m.resume(m.pause(through(INTERESTS), at(90)), at(90 + 900))
        progress = m.advance(progress, at(90 + 900 + 45))
        times = {t.name: t for t in m.round_times(m.default_agenda(), progress)}
        assert 30 + 45 == times[INTERESTS].spent
        assert 1 == times[INTERESTS].entered

    def test_over_the_timebox(self) -> None:
        progress = m.advance(m.start(Progress(), at(0)), at(150))
        framing = m.round_times(m.default_agenda(), progress)[0]
        assert (120, 150, 30) == (framing.planned, framing.spent, framing.over)


def option(code: str) -> Option:
    return Option(code, f"Option {code}")


def step(sid: str, status: StepStatus = StepStatus.PLANNED) -> Step:
    return Step(
        sid,
        "convene the technical call",
        "the platform",
        date(2027, 2, 1),
        "by phone",
        "both sides confirm",
        status,
    )


class TestLeftOpen:
    """What one meeting leaves open is where the next one starts (sustained dialogue)."""

    def first(self) -> MeetingCapture:
        return MeetingCapture(
            meeting=1,
            options=(option("o1"), option("o2")),
            tests=(
                ConsequenceTest("o1", "A", gains="g", questions=("Who verifies?",)),
                ConsequenceTest("o1", "B", gains="g"),
                ConsequenceTest("o2", "A", gains="g"),
            ),
            packages=(PackageRecord("p1", Package("first", ("o1",))),),
            steps=(
                PackageStep("p1", 1, step("s1")),
                PackageStep("p1", 2, step("s2", StepStatus.DONE)),
                PackageStep("p1", 3, step("s3", StepStatus.UNDER_WAY)),
            ),
        )

    def test_untested_questions_and_steps(self) -> None:
        left = m.left_open([self.first()], ("A", "B"))
        assert [("o2", ("B",))] == [(u.option.code, u.missing) for u in left.untested]
        assert [("o1", "A", "Who verifies?", 1)] == [
            (q.option, q.party, q.text, q.meeting) for q in left.questions
        ]
        assert ["s1", "s3"] == [f.step.id for f in left.steps]
        assert not left.empty

    def test_a_later_test_settles_the_question_and_the_option(self) -> None:
        second = MeetingCapture(
            meeting=2,
            tests=(
                ConsequenceTest("o1", "A", gains="answered: the platform verifies"),
                ConsequenceTest("o2", "B", costs="c", questions=("Which threshold?",)),
            ),
        )
        left = m.left_open([second, self.first()], ("A", "B"))  # order of meetings, not input
        assert () == left.untested
        assert [("o2", "B", "Which threshold?", 2)] == [
            (q.option, q.party, q.text, q.meeting) for q in left.questions
        ]

    def test_without_parties_any_test_counts(self) -> None:
        left = m.left_open(
            [
                MeetingCapture(
                    1,
                    options=(option("o1"), option("o2")),
                    tests=(ConsequenceTest("o1", "A", gains="g"),),
                )
            ],
            (),
        )
        assert [("o2", ())] == [(u.option.code, u.missing) for u in left.untested]

    def test_nothing_captured_leaves_nothing_open(self) -> None:
        assert m.left_open([MeetingCapture(1)], ("A",)).empty
