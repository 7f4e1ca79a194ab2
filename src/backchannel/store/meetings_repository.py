"""Meetings, their rounds, what was captured in them, and anonymous ratings.

Queries on one open connection; callers own the transaction (one per use case). Nothing
here stores a person: ratings arrive with the rater already replaced by a pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from backchannel.domain.capture import (
    TEST_FIELDS,
    ConsequenceTest,
    Framing,
    FramingKind,
    ItemKind,
    MeetingCapture,
    PackageRecord,
    PackageStep,
    PartyItem,
)
from backchannel.domain.dialogue import Meeting
from backchannel.domain.meetings import Agenda, MoveKind, RoundMove
from backchannel.domain.options import Option, Package, Rating
from backchannel.domain.rounds import Round, RoundName
from backchannel.domain.steps import Step, StepStatus
from backchannel.store import mapping, tables

# --- meetings and their agenda ----------------------------------------------------------------


def load_meetings(conn: Connection) -> tuple[Meeting, ...]:
    t = tables.meeting
    return tuple(
        mapping.meeting_record(r) for r in conn.execute(select(t).order_by(t.c.number)).mappings()
    )


def add_meeting(conn: Connection, meeting: Meeting) -> None:
    conn.execute(
        insert(tables.meeting).values(
            number=meeting.number, starts=meeting.starts, days=meeting.days, venue=meeting.venue
        )
    )


def save_agenda(conn: Connection, number: int, agenda: Agenda) -> None:
    t = tables.meeting_timebox
    conn.execute(delete(t).where(t.c.meeting == number))
    conn.execute(
        insert(t),
        [{"meeting": number, "round": r.name.value, "minutes": r.minutes} for r in agenda.rounds],
    )


def load_agenda(conn: Connection, number: int) -> Agenda | None:
    """The stored timeboxes, or None when the meeting keeps the default agenda."""
    t = tables.meeting_timebox
    rows = conn.execute(select(t).where(t.c.meeting == number)).mappings().all()
    if not rows:
        return None
    minutes = {RoundName(r["round"]): int(r["minutes"]) for r in rows}
    return Agenda(tuple(Round(name, minutes[name]) for name in RoundName))


# --- the order of rounds ----------------------------------------------------------------------


def add_move(conn: Connection, number: int, move: RoundMove) -> None:
    t = tables.round_move
    seq = _next(conn, t, t.c.meeting == number)
    conn.execute(
        insert(t).values(
            meeting=number,
            seq=seq,
            kind=move.kind.value,
            to_round=None if move.to is None else move.to.value,
            reason=move.reason,
            at=move.at,
        )
    )


def load_moves(conn: Connection, number: int) -> tuple[RoundMove, ...]:
    t = tables.round_move
    rows = conn.execute(select(t).where(t.c.meeting == number).order_by(t.c.seq)).mappings()
    return tuple(
        RoundMove(
            kind=MoveKind(r["kind"]),
            to=None if r["to_round"] is None else RoundName(r["to_round"]),
            at=r["at"],
            reason=r["reason"],
        )
        for r in rows
    )


def started_meetings(conn: Connection) -> tuple[int, ...]:
    col = tables.round_move.c.meeting
    return tuple(conn.execute(select(col).distinct().order_by(col)).scalars())


# --- capture ----------------------------------------------------------------------------------


def _next(conn: Connection, table: Table, *where: Any) -> int:
    found = conn.execute(select(func.max(table.c.seq)).where(*where)).scalar_one_or_none()
    return int(found or 0) + 1


def _codes(conn: Connection, column: Any) -> tuple[str, ...]:
    return tuple(conn.execute(select(column).order_by(column)).scalars())


def add_framing(conn: Connection, number: int, framing: Framing) -> None:
    conn.execute(
        insert(tables.framing).values(
            meeting=number, kind=framing.kind.value, text=framing.text, party=framing.party
        )
    )


def add_item(conn: Connection, number: int, item: PartyItem) -> None:
    t = tables.party_item
    conn.execute(
        insert(t).values(
            code=item.code,
            meeting=number,
            seq=_next(conn, t),
            party=item.party,
            kind=item.kind.value,
            text=item.text,
        )
    )


def item_codes(conn: Connection) -> tuple[str, ...]:
    return _codes(conn, tables.party_item.c.code)


def add_option(conn: Connection, number: int, option: Option) -> None:
    t = tables.meeting_option
    conn.execute(
        insert(t).values(
            code=option.code,
            meeting=number,
            seq=_next(conn, t),
            title=option.title,
            description=option.description,
            serves=mapping.join(option.serves),
        )
    )


def option_codes(conn: Connection) -> tuple[str, ...]:
    return _codes(conn, tables.meeting_option.c.code)


def load_options(conn: Connection) -> tuple[tuple[int, Option], ...]:
    """Every option of the dialogue with the meeting it was first captured in."""
    t = tables.meeting_option
    return tuple(
        (int(r["meeting"]), _option(r))
        for r in conn.execute(select(t).order_by(t.c.seq)).mappings()
    )


def save_test(conn: Connection, number: int, test: ConsequenceTest) -> bool:
    """Store a test; a second test of the option for the party in one meeting replaces the
    first. True when it was new."""
    t = tables.consequence_test
    key = (t.c.meeting == number, t.c.option == test.option, t.c.party == test.party)
    values = {name: getattr(test, name).strip() for name in TEST_FIELDS}
    values["questions"] = "\n".join(test.questions)
    if conn.execute(select(t.c.seq).where(*key)).first() is not None:
        conn.execute(update(t).where(*key).values(**values))
        return False
    conn.execute(
        insert(t).values(
            meeting=number, option=test.option, party=test.party, seq=_next(conn, t), **values
        )
    )
    return True


def add_package(conn: Connection, number: int, record: PackageRecord) -> None:
    t = tables.option_package
    conn.execute(
        insert(t).values(
            code=record.code,
            meeting=number,
            seq=_next(conn, t),
            title=record.package.title,
            options=mapping.join(record.package.options),
        )
    )


def package_codes(conn: Connection) -> tuple[str, ...]:
    return _codes(conn, tables.option_package.c.code)


def step_ids(conn: Connection) -> tuple[str, ...]:
    return _codes(conn, tables.package_step.c.id)


def next_position(conn: Connection, package: str) -> int:
    t = tables.package_step
    found = conn.execute(
        select(func.max(t.c.position)).where(t.c.package == package)
    ).scalar_one_or_none()
    return int(found or 0) + 1


def add_step(conn: Connection, number: int, item: PackageStep) -> None:
    s = item.step
    conn.execute(
        insert(tables.package_step).values(
            id=s.id,
            package=item.package,
            meeting=number,
            position=item.position,
            what=s.what,
            who=s.who,
            due=s.when,
            how=s.how,
            test=s.test,
            status=s.status.value,
        )
    )


def _option(r: Mapping[Any, Any]) -> Option:
    return Option(
        code=r["code"],
        title=r["title"],
        description=r["description"],
        serves=mapping.split(r["serves"]),
    )


def _rows(conn: Connection, table: Table, number: int, *order: Any) -> Iterable[Any]:
    return conn.execute(select(table).where(table.c.meeting == number).order_by(*order)).mappings()


def load_capture(conn: Connection, number: int) -> MeetingCapture:
    """Everything captured in meeting `number`, in capture order."""
    t = tables
    return MeetingCapture(
        meeting=number,
        framings=tuple(
            Framing(FramingKind(r["kind"]), r["text"], r["party"])
            for r in _rows(conn, t.framing, number, t.framing.c.id)
        ),
        items=tuple(
            PartyItem(r["code"], r["party"], ItemKind(r["kind"]), r["text"])
            for r in _rows(conn, t.party_item, number, t.party_item.c.seq)
        ),
        options=tuple(
            _option(r) for r in _rows(conn, t.meeting_option, number, t.meeting_option.c.seq)
        ),
        tests=tuple(
            ConsequenceTest(
                option=r["option"],
                party=r["party"],
                gains=r["gains"],
                costs=r["costs"],
                risks=r["risks"],
                spoilers=r["spoilers"],
                feasibility=r["feasibility"],
                verification=r["verification"],
                questions=tuple(q for q in r["questions"].split("\n") if q.strip()),
            )
            for r in _rows(conn, t.consequence_test, number, t.consequence_test.c.seq)
        ),
        packages=tuple(
            PackageRecord(r["code"], Package(r["title"], mapping.split(r["options"])))
            for r in _rows(conn, t.option_package, number, t.option_package.c.seq)
        ),
        steps=tuple(
            PackageStep(
                r["package"],
                int(r["position"]),
                Step(
                    id=r["id"],
                    what=r["what"],
                    who=r["who"],
                    when=r["due"],
                    how=r["how"],
                    test=r["test"],
                    status=StepStatus(r["status"]),
                ),
            )
            for r in _rows(
                conn, t.package_step, number, t.package_step.c.package, t.package_step.c.position
            )
        ),
    )


def load_history(conn: Connection, up_to: int) -> tuple[MeetingCapture, ...]:
    """The captures of every meeting numbered up to `up_to`, in order."""
    return tuple(load_capture(conn, m.number) for m in load_meetings(conn) if m.number <= up_to)


# --- ratings ----------------------------------------------------------------------------------


def load_salt(conn: Connection) -> str | None:
    return conn.execute(select(tables.rater_salt.c.salt)).scalar_one_or_none()


def save_salt(conn: Connection, salt: str, now: datetime) -> None:
    conn.execute(insert(tables.rater_salt).values(id=1, salt=salt, created_at=now))


def replace_ratings(conn: Connection, number: int, ratings: Sequence[Rating]) -> int:
    """Replace the meeting's ratings; each `rater` must already be a pseudonym."""
    t = tables.rating
    conn.execute(delete(t).where(t.c.meeting == number))
    if ratings:
        conn.execute(
            insert(t),
            [
                {
                    "meeting": number,
                    "option": r.option,
                    "pseudonym": r.rater,
                    "party": r.party,
                    "score": r.score,
                }
                for r in ratings
            ],
        )
    return len(ratings)


def load_ratings(
    conn: Connection,
    number: int,
    *,
    released: bool = False,
    option: str | None = None,
    party: str | None = None,
) -> tuple[Rating, ...]:
    """A meeting's ratings as they stand, or their released copy (domain/release.py), all
    of them or one party's ratings of one option."""
    t = tables.released_rating if released else tables.rating
    where = [t.c.meeting == number]
    if option is not None:
        where.append(t.c.option == option)
    if party is not None:
        where.append(t.c.party == party)
    rows = conn.execute(select(t).where(*where).order_by(t.c.option, t.c.pseudonym)).mappings()
    return tuple(Rating(r["option"], r["pseudonym"], r["party"], int(r["score"])) for r in rows)


def rated_meetings(conn: Connection) -> tuple[int, ...]:
    col = tables.rating.c.meeting
    return tuple(conn.execute(select(col).distinct().order_by(col)).scalars())
