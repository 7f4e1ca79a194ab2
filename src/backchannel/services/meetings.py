"""Meetings of a dialogue: the agenda, the order of rounds, capture without attribution and
what one meeting leaves open for the next.

Which meeting a command works on, unless it names one: the latest meeting that has
started ("the active meeting"). `round start` opens the earliest meeting that has not
started, once the one before it is finished.

Every captured text passes the non-attribution gate against the candidate pool before it
is stored: a point that names a participant (a name, alias, affiliation, title or a
descriptor that fits one person) is refused, and the message says which field and what
kind of finding, never the text. Documents are gated again on the way out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import Connection

from backchannel.domain import capture as cap
from backchannel.domain import meetings as rules
from backchannel.domain.capture import (
    ConsequenceTest,
    Framing,
    ItemKind,
    MeetingCapture,
    PackageRecord,
    PackageStep,
    PartyItem,
)
from backchannel.domain.day_text import read_day
from backchannel.domain.dialogue import Meeting
from backchannel.domain.errors import BadInputError, BlockingFindingError, NotFoundError
from backchannel.domain.meetings import Agenda, LeftOpen, Progress, RoundTime
from backchannel.domain.options import Option, Package
from backchannel.domain.people import Candidate
from backchannel.domain.rounds import RoundName
from backchannel.domain.steps import Step
from backchannel.gate import Gate
from backchannel.services import _clock
from backchannel.services.workspace import Workspace
from backchannel.store import meetings_repository as repo
from backchannel.store import repository


@dataclass(frozen=True, slots=True)
class MeetingView:
    """One meeting: its agenda and timeboxes, where it stands, what was captured, and what
    earlier meetings left open for it and it leaves open for the next."""

    meeting: Meeting
    agenda: Agenda
    default_agenda: bool
    progress: Progress
    times: tuple[RoundTime, ...]
    capture: MeetingCapture
    parties: tuple[str, ...]
    carried_in: LeftOpen
    left_open: LeftOpen
    warnings: tuple[str, ...]


Target = Workspace | Connection


@contextmanager
def transaction(target: Target) -> Iterator[Connection]:
    """The caller's connection (its transaction), or a new transaction on a workspace."""
    if isinstance(target, Connection):
        yield target
    else:
        with target.begin() as conn:
            yield conn


# --- which meeting ----------------------------------------------------------------------------


def party_codes(conn: Connection) -> tuple[str, ...]:
    """The dialogue's party codes, in its order."""
    dialogue = repository.load_dialogue(conn)
    return () if dialogue is None else tuple(p.code for p in dialogue.parties)


def _meeting(conn: Connection, number: int) -> Meeting:
    for m in repo.load_meetings(conn):
        if m.number == number:
            return m
    raise NotFoundError(f"no meeting {number}: add one with 'backchannel meeting new'")


def active_number(conn: Connection, number: int | None) -> int:
    """`number` if that meeting exists, else the latest meeting that has started."""
    if number is not None:
        return _meeting(conn, number).number
    started = repo.started_meetings(conn)
    if not started:
        raise NotFoundError("no meeting has started: run 'backchannel round start'")
    return started[-1]


def _progress(conn: Connection, number: int) -> Progress:
    return rules.replay(repo.load_moves(conn, number))


def _to_start(conn: Connection, number: int | None) -> int:
    if number is not None:
        return _meeting(conn, number).number
    started = set(repo.started_meetings(conn))
    waiting = [m.number for m in repo.load_meetings(conn) if m.number not in started]
    if not waiting:
        raise NotFoundError("every meeting has started: add one with 'backchannel meeting new'")
    if started and not _progress(conn, max(started)).finished:
        last = max(started)
        raise NotFoundError(
            f"meeting {last} is {_progress(conn, last).describe()}: finish it with "
            "'round next' after packaging, or give --meeting"
        )
    return waiting[0]


def _agenda(conn: Connection, meeting: Meeting) -> tuple[Agenda, bool]:
    stored = repo.load_agenda(conn, meeting.number)
    return (rules.default_agenda(meeting.days), True) if stored is None else (stored, False)


# --- meetings and their agenda ----------------------------------------------------------------


def new_meeting(
    ws: Workspace,
    starts: date,
    *,
    days: int = rules.DEFAULT_DAYS,
    venue: str = "",
    timeboxes: Mapping[RoundName, int] | None = None,
) -> MeetingView:
    """Add the next meeting of the dialogue, with the default agenda for its days and any
    timeboxes given. It starts from what the meetings before it left open."""
    with ws.begin() as conn:
        if repository.load_dialogue(conn) is None:
            raise NotFoundError(f"{ws.location} holds no dialogue yet: run 'backchannel init'")
        number = max((m.number for m in repo.load_meetings(conn)), default=0) + 1
        meeting = Meeting(number=number, starts=starts, days=days, venue=venue)
        agenda = rules.default_agenda(days)
        for name, minutes in (timeboxes or {}).items():
            agenda = agenda.with_timebox(name, minutes)
        repo.add_meeting(conn, meeting)
        repo.save_agenda(conn, number, agenda)
    return meeting_view(ws, number)


def set_timebox(ws: Workspace, name: RoundName, minutes: int, number: int | None = None) -> Agenda:
    """Change one round's timebox (of the active meeting unless `number` is given)."""
    with ws.begin() as conn:
        meeting = _meeting(conn, _active_or_first(conn, number))
        agenda = _agenda(conn, meeting)[0].with_timebox(name, minutes)
        repo.save_agenda(conn, meeting.number, agenda)
    return agenda


def _active_or_first(conn: Connection, number: int | None) -> int:
    if number is not None or repo.started_meetings(conn):
        return active_number(conn, number)
    meetings = repo.load_meetings(conn)
    if not meetings:
        raise NotFoundError("the dialogue has no meeting yet: run 'backchannel meeting new'")
    return meetings[0].number


def meeting_view(
    ws: Workspace, number: int | None = None, now: datetime | None = None
) -> MeetingView:
    """A meeting (the active one, else the first) with what it carried in and leaves open."""
    with ws.read() as conn:
        meeting = _meeting(conn, _active_or_first(conn, number))
        agenda, default = _agenda(conn, meeting)
        progress = _progress(conn, meeting.number)
        parties = party_codes(conn)
        history = repo.load_history(conn, meeting.number)
    capture = next(c for c in history if c.meeting == meeting.number)
    until = None if progress.finished or progress.paused else (now or _clock.now())
    warnings = list(rules.agenda_warnings(agenda, meeting.days))
    for package in capture.packages:
        warnings.extend(cap.sequence_warnings(capture.steps_of(package.code)))
    return MeetingView(
        meeting=meeting,
        agenda=agenda,
        default_agenda=default,
        progress=progress,
        times=rules.round_times(agenda, progress, until),
        capture=capture,
        parties=parties,
        carried_in=rules.left_open([c for c in history if c.meeting < meeting.number], parties),
        left_open=rules.left_open(history, parties),
        warnings=tuple(warnings),
    )


def meeting_numbers(ws: Workspace) -> tuple[int, ...]:
    """The meetings that have started, in order."""
    with ws.read() as conn:
        return repo.started_meetings(conn)


# --- the order of rounds ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoundState:
    meeting: int
    progress: Progress


def _move(
    ws: Target,
    number: int | None,
    change: Callable[[Progress, datetime], Progress],
    at: datetime | None,
    *,
    starting: bool = False,
) -> RoundState:
    when = at or _clock.now()
    with transaction(ws) as conn:
        target = _to_start(conn, number) if starting else active_number(conn, number)
        after = change(_progress(conn, target), when)
        repo.add_move(conn, target, after.moves[-1])
    return RoundState(target, after)


def start_round(ws: Target, number: int | None = None, at: datetime | None = None) -> RoundState:
    """Open framing, the first round, of the next meeting that has not started."""
    return _move(ws, number, rules.start, at, starting=True)


def next_round(ws: Target, number: int | None = None, at: datetime | None = None) -> RoundState:
    """Move the active meeting to its next round; after packaging it is finished."""
    return _move(ws, number, rules.advance, at)


def back_round(
    ws: Target,
    reason: str,
    *,
    to: RoundName | None = None,
    number: int | None = None,
    at: datetime | None = None,
) -> RoundState:
    """Go back to an earlier round (the one before unless `to`), recording why."""
    return _move(ws, number, lambda p, when: rules.go_back(p, reason, when, to), at)


def pause_round(ws: Target, number: int | None = None, at: datetime | None = None) -> RoundState:
    """The room breaks: time until the next move does not count against the timebox."""
    return _move(ws, number, rules.pause, at)


def resume_round(ws: Target, number: int | None = None, at: datetime | None = None) -> RoundState:
    return _move(ws, number, rules.resume, at)


# --- capture ----------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _gate(pool: tuple[Candidate, ...]) -> Gate:
    return Gate(pool)


def check_attribution(conn: Connection, texts: Mapping[str, str]) -> None:
    """Refuse a capture whose text points to a participant; never repeat the text."""
    pool = repository.load_candidates(conn)
    if not pool:
        return
    gate = _gate(pool)
    for field, text in texts.items():
        for finding in gate.scan(text):
            if finding.participant is not None:
                raise BlockingFindingError(
                    f"field '{field}' points to a participant (a {finding.kind}); nothing was "
                    "saved. Capture points without attribution: the room, or a party, never "
                    "a person, an organisation they belong to or a title only they hold."
                )


@contextmanager
def _capturing(
    ws: Target, number: int | None, round_name: RoundName
) -> Iterator[tuple[Connection, int, tuple[str, ...]]]:
    with transaction(ws) as conn:
        target = active_number(conn, number)
        rules.check_capture(_progress(conn, target), round_name)
        yield conn, target, party_codes(conn)


def capture_framing(ws: Target, framing: Framing, number: int | None = None) -> Framing:
    """The problem as the room states it, or a reframing (framing round)."""
    with _capturing(ws, number, RoundName.FRAMING) as (conn, target, parties):
        cap.check_party(framing.party, parties)
        check_attribution(conn, {"text": framing.text})
        repo.add_framing(conn, target, framing)
    return framing


def capture_item(
    ws: Target,
    party: str,
    kind: ItemKind,
    text: str,
    *,
    code: str | None = None,
    number: int | None = None,
) -> PartyItem:
    """An interest, fear, red line or constraint of one party (interests round)."""
    with _capturing(ws, number, RoundName.INTERESTS) as (conn, target, parties):
        taken = repo.item_codes(conn)
        item = PartyItem(code or cap.next_code("i", taken), party, kind, text)
        if item.code in taken:
            raise BadInputError(f"item {item.code} is already captured", field="code")
        cap.check_party(party, parties)
        check_attribution(conn, {"text": text})
        repo.add_item(conn, target, item)
    return item


def capture_option(
    ws: Target,
    title: str,
    *,
    code: str | None = None,
    description: str = "",
    serves: Sequence[str] = (),
    number: int | None = None,
) -> Option:
    """An option, generated without commitment, and the interests it serves (options round)."""
    with _capturing(ws, number, RoundName.OPTIONS) as (conn, target, _parties_):
        taken = repo.option_codes(conn)
        option = Option(code or cap.next_code("o", taken), title, description, tuple(serves))
        if option.code in taken:
            raise BadInputError(f"option {option.code} is already captured", field="code")
        cap.check_serves(option, repo.item_codes(conn))
        check_attribution(conn, {"title": title, "description": description})
        repo.add_option(conn, target, option)
    return option


def capture_consequence(ws: Target, test: ConsequenceTest, number: int | None = None) -> bool:
    """An option tested against one party's interests (consequences round). A second test
    of the same option for the same party in a meeting replaces the first: True if new."""
    with _capturing(ws, number, RoundName.CONSEQUENCES) as (conn, target, parties):
        cap.check_option_known(test.option, repo.option_codes(conn))
        cap.check_party(test.party, parties)
        texts = dict(test.answers())
        texts.update({f"question {n}": q for n, q in enumerate(test.questions, 1)})
        check_attribution(conn, texts)
        return repo.save_test(conn, target, test)


def capture_package(
    ws: Target, code: str, title: str, options: Sequence[str], number: int | None = None
) -> PackageRecord:
    """Options chosen together for relay to Track I (packaging round)."""
    with _capturing(ws, number, RoundName.PACKAGING) as (conn, target, _parties_):
        record = PackageRecord(code, Package(title, tuple(options)))
        if code in repo.package_codes(conn):
            raise BadInputError(f"package {code} is already captured", field="package")
        known = repo.option_codes(conn)
        for option in record.package.options:
            cap.check_option_known(option, known, field="options")
        check_attribution(conn, {"title": title})
        repo.add_package(conn, target, record)
    return record


def due_day(text: str) -> date:
    """The day a step is due, as the room writes it (2027-03-15, 15 March, « 15 mars
    2027 », « ١٥ آذار ٢٠٢٧ »); a day without a year is the next one from today."""
    due = read_day(text, _clock.today())
    if due is None:
        raise BadInputError(
            f"'{text.strip()[:30]}' is not a day: write the day it is due, e.g. 2027-03-15 or "
            "15 March 2027",
            field="when",
        )
    return due


def capture_step(
    ws: Target,
    package: str,
    *,
    what: str,
    who: str,
    when: date,
    how: str,
    test: str,
    step_id: str | None = None,
    number: int | None = None,
) -> PackageStep:
    """The next step in a package's sequence, with what, who, when, how and its test."""
    with _capturing(ws, number, RoundName.PACKAGING) as (conn, target, _parties_):
        if package not in repo.package_codes(conn):
            raise BadInputError(f"'{package[:40]}' is not a captured package", field="package")
        taken = repo.step_ids(conn)
        step = Step(step_id or cap.next_code("s", taken), what, who, when, how, test)
        if step.id in taken:
            raise BadInputError(f"step {step.id} is already captured", field="id")
        check_attribution(conn, {"what": what, "who": who, "how": how, "test": test})
        item = PackageStep(package, repo.next_position(conn, package), step)
        repo.add_step(conn, target, item)
    return item
