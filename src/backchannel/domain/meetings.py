"""A meeting's agenda, the order of its rounds, and what it leaves open for the next.

The five rounds run in order: framing, interests, options, consequences, packaging
(Kelman's problem-solving workshop). A meeting moves forward one round at a time; it may
go back to an earlier round, and then the reason is recorded (the room found that the
options rest on an interest nobody had named, say). After packaging the meeting is
finished; going back reopens it, again with a reason.

A dialogue is a series of meetings (Saunders' sustained dialogue): what one meeting leaves
open (options not yet tested for every party, consequence questions nobody could answer,
steps to follow up) is where the next one starts.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from backchannel.domain import _validate as v
from backchannel.domain.capture import MeetingCapture
from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Option
from backchannel.domain.rounds import ROUND_ORDER, Round, RoundName
from backchannel.domain.steps import Step, StepStatus

# A two-day meeting: about six working hours a day once openings, breaks and meals are
# taken out. Interests and options take longest; packaging needs the room rested.
DEFAULT_MINUTES: Mapping[RoundName, int] = {
    RoundName.FRAMING: 120,
    RoundName.INTERESTS: 180,
    RoundName.OPTIONS: 180,
    RoundName.CONSEQUENCES: 150,
    RoundName.PACKAGING: 90,
}
DEFAULT_DAYS = 2
MINUTES_PER_DAY = 360
_STEP = 15  # timeboxes are whole quarters of an hour


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a round falls in the meeting: its first and last day (1-based)."""

    name: RoundName
    minutes: int
    first_day: int
    last_day: int


@dataclass(frozen=True, slots=True)
class Agenda:
    """The five rounds in order, each with its timebox in minutes."""

    rounds: tuple[Round, ...]

    def __post_init__(self) -> None:
        if tuple(r.name for r in self.rounds) != ROUND_ORDER:
            raise BadInputError(
                "an agenda has the five rounds in order: " + ", ".join(ROUND_ORDER),
                field="rounds",
            )

    def minutes(self, name: RoundName) -> int:
        return next(r.minutes for r in self.rounds if r.name is name)

    @property
    def total_minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)

    def with_timebox(self, name: RoundName, minutes: int) -> Agenda:
        """The same agenda with one round's timebox changed."""
        return Agenda(tuple(Round(r.name, minutes) if r.name is name else r for r in self.rounds))

    def schedule(self, minutes_per_day: int = MINUTES_PER_DAY) -> tuple[Slot, ...]:
        """Each round's day(s) when the rounds follow one another, `minutes_per_day` a day."""
        v.positive(minutes_per_day, "minutes per day")
        out, start = [], 0
        for r in self.rounds:
            end = start + r.minutes
            out.append(
                Slot(
                    r.name,
                    r.minutes,
                    start // minutes_per_day + 1,
                    (end - 1) // minutes_per_day + 1,
                )
            )
            start = end
        return tuple(out)


def default_agenda(days: int = DEFAULT_DAYS) -> Agenda:
    """The two-day defaults, scaled to `days` and kept to whole quarters of an hour."""
    v.int_range(days, 1, 14, "meeting days")
    return Agenda(
        tuple(
            Round(
                name, max(_STEP, round(DEFAULT_MINUTES[name] * days / DEFAULT_DAYS / _STEP) * _STEP)
            )
            for name in ROUND_ORDER
        )
    )


def agenda_warnings(
    agenda: Agenda, days: int, minutes_per_day: int = MINUTES_PER_DAY
) -> tuple[str, ...]:
    """What a facilitator should hear about the timeboxes of a meeting of `days` days."""
    out = []
    capacity = days * minutes_per_day
    if agenda.total_minutes > capacity:
        out.append(
            f"the rounds take {_hours(agenda.total_minutes)} but {days} day(s) hold about "
            f"{_hours(capacity)} of work: shorten a round or add a day"
        )
    if agenda.minutes(RoundName.CONSEQUENCES) < agenda.minutes(RoundName.OPTIONS) // 2:
        out.append(
            "consequence testing has less than half the time of option design: options that "
            "are not tested against each party's interests travel badly"
        )
    return tuple(out)


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


# --- the order of rounds ------------------------------------------------------------------------


class MoveKind(enum.StrEnum):
    START = "start"
    NEXT = "next"
    BACK = "back"
    FINISH = "finish"
    PAUSE = "pause"  # the room breaks (for the night): time until the next move does not count
    RESUME = "resume"


@dataclass(frozen=True, slots=True)
class RoundMove:
    """One move of a meeting: into round `to` (None when it finishes), and why if back."""

    kind: MoveKind
    to: RoundName | None
    at: datetime
    reason: str = ""

    def __post_init__(self) -> None:
        if (self.kind is MoveKind.FINISH) != (self.to is None):
            raise BadInputError("only finishing a meeting leaves every round", field="to")
        if self.kind is MoveKind.BACK:
            v.text(self.reason, "reason", max_len=1000)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a meeting is: not started, in a round, or finished; and how it got there."""

    moves: tuple[RoundMove, ...] = ()

    @property
    def started(self) -> bool:
        return bool(self.moves)

    @property
    def finished(self) -> bool:
        return bool(self.moves) and self.moves[-1].kind is MoveKind.FINISH

    @property
    def current(self) -> RoundName | None:
        return self.moves[-1].to if self.moves else None

    @property
    def paused(self) -> bool:
        return bool(self.moves) and self.moves[-1].kind is MoveKind.PAUSE

    def describe(self) -> str:
        if not self.started:
            return "not started"
        if self.finished:
            return "finished"
        where = f"in round {ROUND_ORDER.index(self.current) + 1} of 5, {self.current}"
        return where + (" (paused)" if self.paused else "")

    def backs(self) -> tuple[RoundMove, ...]:
        return tuple(m for m in self.moves if m.kind is MoveKind.BACK)


def _after(progress: Progress, move: RoundMove) -> Progress:
    if progress.moves and move.at < progress.moves[-1].at:
        raise BadInputError("a move cannot be earlier than the one before it", field="at")
    return replace(progress, moves=(*progress.moves, move))


def start(progress: Progress, at: datetime) -> Progress:
    """Open the first round, framing."""
    if progress.started:
        raise BadInputError(
            f"the meeting has already started ({progress.describe()})", field="round"
        )
    return _after(progress, RoundMove(MoveKind.START, ROUND_ORDER[0], at))


def advance(progress: Progress, at: datetime) -> Progress:
    """Move to the next round; after packaging, the meeting is finished."""
    current = _current(progress)
    index = ROUND_ORDER.index(current)
    if index + 1 == len(ROUND_ORDER):
        return _after(progress, RoundMove(MoveKind.FINISH, None, at))
    return _after(progress, RoundMove(MoveKind.NEXT, ROUND_ORDER[index + 1], at))


def go_back(progress: Progress, reason: str, at: datetime, to: RoundName | None = None) -> Progress:
    """Return to an earlier round (the one before, unless `to` says which), with a reason."""
    if not progress.started:
        raise BadInputError("the meeting has not started: run 'round start'", field="round")
    if progress.finished:
        target = to or ROUND_ORDER[-1]
    else:
        index = ROUND_ORDER.index(_current(progress))
        if index == 0:
            raise BadInputError(
                "framing is the first round: there is no round before it", field="round"
            )
        target = to or ROUND_ORDER[index - 1]
        if ROUND_ORDER.index(target) >= index:
            raise BadInputError(
                f"'{target}' is not before the current round '{ROUND_ORDER[index]}': "
                "going forward is 'round next'",
                field="to",
            )
    return _after(progress, RoundMove(MoveKind.BACK, target, at, reason))


def pause(progress: Progress, at: datetime) -> Progress:
    """The room breaks (for the night, say): the time until the next move is not counted."""
    current = _current(progress)
    if progress.paused:
        raise BadInputError("the meeting is already paused: 'round resume'", field="round")
    return _after(progress, RoundMove(MoveKind.PAUSE, current, at))


def resume(progress: Progress, at: datetime) -> Progress:
    """The room is back in the round it paused in."""
    current = _current(progress)
    if not progress.paused:
        raise BadInputError("the meeting is not paused", field="round")
    return _after(progress, RoundMove(MoveKind.RESUME, current, at))


def replay(moves: Sequence[RoundMove]) -> Progress:
    """Check a stored sequence of moves by playing it again from the start."""
    progress = Progress()
    for move in moves:
        if move.kind is MoveKind.START:
            progress = start(progress, move.at)
        elif move.kind is MoveKind.BACK:
            progress = go_back(progress, move.reason, move.at, move.to)
        elif move.kind is MoveKind.PAUSE:
            progress = pause(progress, move.at)
        elif move.kind is MoveKind.RESUME:
            progress = resume(progress, move.at)
        else:
            progress = advance(progress, move.at)
        if progress.moves[-1] != move:
            raise BadInputError(f"the stored move into '{move.to}' does not follow", field="to")
    return progress


def _current(progress: Progress) -> RoundName:
    if not progress.started:
        raise BadInputError("the meeting has not started: run 'round start'", field="round")
    if progress.current is None:
        raise BadInputError(
            "the meeting is finished; 'round back --reason ...' reopens it", field="round"
        )
    return progress.current


def check_capture(progress: Progress, round_name: RoundName) -> None:
    """Points of a round are captured while the meeting is in that round."""
    current = _current(progress)
    if current is not round_name:
        here, there = ROUND_ORDER.index(current), ROUND_ORDER.index(round_name)
        how = "'round next'" if there > here else "'round back --reason ...'"
        raise BadInputError(
            f"this is captured in round '{round_name}', and the meeting is in round "
            f"'{current}': move there with {how} first",
            field="round",
        )


@dataclass(frozen=True, slots=True)
class RoundTime:
    """A round's timebox, the minutes it has taken, and how often the room entered it."""

    name: RoundName
    planned: int
    spent: int
    entered: int

    @property
    def over(self) -> int:
        return max(0, self.spent - self.planned)


def round_times(
    agenda: Agenda, progress: Progress, until: datetime | None = None
) -> tuple[RoundTime, ...]:
    """Minutes spent in each round: between moves, and in the open round until `until`.

    Time after a pause is not counted until the next move; a round is entered by a start,
    next or back move (not by resuming it)."""
    spent = dict.fromkeys(ROUND_ORDER, 0.0)
    entered = dict.fromkeys(ROUND_ORDER, 0)
    moves = progress.moves
    for index, move in enumerate(moves):
        if move.to is None or move.kind is MoveKind.PAUSE:
            continue
        if move.kind is not MoveKind.RESUME:
            entered[move.to] += 1
        end = moves[index + 1].at if index + 1 < len(moves) else until
        if end is not None and end > move.at:
            spent[move.to] += (end - move.at).total_seconds() / 60
    return tuple(
        RoundTime(r.name, r.minutes, round(spent[r.name]), entered[r.name]) for r in agenda.rounds
    )


# --- what a meeting leaves open -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UntestedOption:
    """An option not yet tested against the interests of every party."""

    option: Option
    meeting: int
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A consequence question the room could not answer: from the latest test of its option
    for its party, so testing the option again for that party settles or restates it."""

    option: str
    party: str
    text: str
    meeting: int


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A step of a package that is neither done nor dropped."""

    package: str
    step: Step
    meeting: int


@dataclass(frozen=True, slots=True)
class LeftOpen:
    untested: tuple[UntestedOption, ...] = ()
    questions: tuple[OpenQuestion, ...] = ()
    steps: tuple[FollowUp, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.untested or self.questions or self.steps)


_OPEN = (StepStatus.PLANNED, StepStatus.UNDER_WAY)


def left_open(history: Sequence[MeetingCapture], parties: Sequence[str]) -> LeftOpen:
    """What the meetings in `history` (in order) leave for the next one.

    An option is tested when every party (of `parties`; with none, any test) has a
    consequence test of it; each later test of an option for a party replaces the earlier
    one, with its questions.
    """
    first_seen: dict[str, tuple[Option, int]] = {}
    latest: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {}
    follow: list[FollowUp] = []
    for capture in sorted(history, key=lambda c: c.meeting):
        for option in capture.options:
            first_seen.setdefault(option.code, (option, capture.meeting))
        for test in capture.tests:
            latest[(test.option, test.party)] = (capture.meeting, test.questions)
        follow.extend(
            FollowUp(s.package, s.step, capture.meeting)
            for s in sorted(capture.steps, key=lambda s: (s.package, s.position))
            if s.step.status in _OPEN
        )
    untested = []
    for code, (option, meeting) in first_seen.items():
        tested = {party for (opt, party) in latest if opt == code}
        missing = tuple(p for p in parties if p not in tested) if parties else ()
        if (parties and missing) or (not parties and not tested):
            untested.append(UntestedOption(option, meeting, missing))
    questions = tuple(
        OpenQuestion(option, party, text, meeting)
        for (option, party), (meeting, texts) in latest.items()
        for text in texts
    )
    return LeftOpen(tuple(untested), questions, tuple(follow))
