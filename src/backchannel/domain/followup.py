"""Following steps up over the 90-day horizon (Saunders: a dialogue is a series of meetings,
and what one leaves open is carried into the next).

Each step is planned, under way, done or dropped. Counted from the start of the meeting
that agreed them, its steps are reviewed at 30, 60 and 90 days; each review looks at the
steps that fall due since the review before. Given `today`, an open step (planned or under
way) is late once its day has passed, and due when its day is at most two weeks away.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError
from backchannel.domain.steps import Step, StepStatus

REVIEW_DAYS = (30, 60, 90)
DUE_WITHIN_DAYS = 14
OPEN = (StepStatus.PLANNED, StepStatus.UNDER_WAY)


class Standing(enum.StrEnum):
    """Where a step stands on a given day."""

    LATE = "late"
    DUE = "due"
    OPEN = "open"  # open and not due within two weeks
    DONE = "done"
    DROPPED = "dropped"


def label(status: StepStatus) -> str:
    """`under_way` -> `under way`."""
    return status.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Tracked:
    """A step with the package and meeting it comes from."""

    step: Step
    package: str
    meeting: int


@dataclass(frozen=True, slots=True)
class BoardLine:
    tracked: Tracked
    standing: Standing
    days_left: int  # days until the step's day; negative once it has passed

    @property
    def step(self) -> Step:
        return self.tracked.step

    def describe(self) -> str:
        if self.standing is Standing.LATE:
            return f"late by {-self.days_left} day(s)"
        if self.standing is Standing.DUE:
            return "due today" if self.days_left == 0 else f"due in {self.days_left} day(s)"
        if self.standing is Standing.OPEN:
            return f"{self.days_left} day(s) to go"
        return self.standing.value


@dataclass(frozen=True, slots=True)
class Review:
    """The review `day` days after the start of `meeting`: the steps due since the review
    before it, and which of them are still open."""

    meeting: int
    day: int
    on: date
    past: bool
    steps: tuple[str, ...]
    still_open: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Board:
    today: date
    lines: tuple[BoardLine, ...]
    reviews: tuple[Review, ...]

    def with_standing(self, *standing: Standing) -> tuple[BoardLine, ...]:
        return tuple(line for line in self.lines if line.standing in standing)

    def with_status(self, status: StepStatus) -> tuple[BoardLine, ...]:
        return tuple(line for line in self.lines if line.step.status is status)

    @property
    def open_steps(self) -> tuple[BoardLine, ...]:
        return tuple(line for line in self.lines if line.step.status in OPEN)

    @property
    def next_review(self) -> Review | None:
        return min((r for r in self.reviews if not r.past), key=lambda r: r.on, default=None)


def standing(step: Step, today: date, due_within: int = DUE_WITHIN_DAYS) -> Standing:
    if step.status is StepStatus.DONE:
        return Standing.DONE
    if step.status is StepStatus.DROPPED:
        return Standing.DROPPED
    left = (step.when - today).days
    if left < 0:
        return Standing.LATE
    return Standing.DUE if left <= due_within else Standing.OPEN


def board(
    tracked: Sequence[Tracked],
    starts: Mapping[int, date],
    today: date,
    *,
    review_days: Sequence[int] = REVIEW_DAYS,
    due_within: int = DUE_WITHIN_DAYS,
) -> Board:
    """The follow-up board on `today`: every step by its day, and the reviews of each
    meeting that agreed steps (`starts` gives each meeting's first day)."""
    days = sorted(review_days)
    for day in days:
        v.positive(day, "review day")
    lines = tuple(
        BoardLine(t, standing(t.step, today, due_within), (t.step.when - today).days)
        for t in sorted(tracked, key=lambda t: (t.step.when, t.meeting, t.package, t.step.id))
    )
    reviews: list[Review] = []
    for meeting in sorted({t.meeting for t in tracked}):
        if meeting not in starts:
            raise BadInputError(f"meeting {meeting} has no start date", field="meeting")
        start = starts[meeting]
        mine = [t.step for t in tracked if t.meeting == meeting]
        previous: date | None = None
        for n, day in enumerate(days):
            on = start + timedelta(days=day)
            last = n == len(days) - 1
            due = [
                s
                for s in sorted(mine, key=lambda s: (s.when, s.id))
                if (previous is None or s.when > previous) and (s.when <= on or last)
            ]
            reviews.append(
                Review(
                    meeting=meeting,
                    day=day,
                    on=on,
                    past=on < today,
                    steps=tuple(s.id for s in due),
                    still_open=tuple(s.id for s in due if s.status in OPEN),
                )
            )
            previous = on
    return Board(today, lines, tuple(reviews))


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A step moved to `status` on `on`, with a note (required when it is dropped)."""

    step: str
    status: StepStatus
    on: date
    note: str = ""


def change_status(step: Step, status: StepStatus, on: date, note: str = "") -> StatusChange:
    """Check one change of status: it must change something, and a dropped step says why
    (the next meeting starts from it)."""
    note = v.text(note, "note", max_len=1000, required=False)
    if status is step.status:
        raise BadInputError(f"step {step.id} is already {label(status)}", field="status")
    if status is StepStatus.DROPPED and not note:
        raise BadInputError(
            f"say why step {step.id} is dropped (--note): the next meeting starts from it",
            field="note",
        )
    return StatusChange(step.id, status, on, note)


def parse_status(value: str) -> StepStatus:
    """`under_way`, `under way` or `under-way` (any case) as a StepStatus."""
    cleaned = "_".join(value.strip().lower().replace("-", " ").split())
    try:
        return StepStatus(cleaned)
    except ValueError:
        raise BadInputError(
            f"'{value[:30]}' is not a status: planned, under_way, done or dropped",
            field="status",
        ) from None
