"""The participant portal: propose an option and rate options, anonymously, during a meeting.

A participant account is linked to a candidate id on the roster. A rating is stored under
that participant's salted pseudonym and party (as `ratings import` stores a file's rows),
so the support ranking counts it, and nothing stored or audited links it to the account.
Proposing an option goes through the same capture as the rapporteur's, gate included: the
option carries no author.

Rating is open while the active meeting is in the options, consequences or packaging
round; proposing while it is in the options round.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from sqlalchemy import Connection

from backchannel.domain import meetings as rules
from backchannel.domain.capture import check_party
from backchannel.domain.errors import BadInputError
from backchannel.domain.meetings import Progress
from backchannel.domain.options import Option, Rating
from backchannel.domain.rounds import RoundName
from backchannel.i18n import N_
from backchannel.services import _clock
from backchannel.services.meeting_ratings import pseudonym, release_changed
from backchannel.services.meetings import capture_option, party_codes
from backchannel.services.workspace import Workspace
from backchannel.store import brief_repository, repository
from backchannel.store import meetings_repository as meetings_repo
from backchannel.store import portal_repository as repo

RATING_ROUNDS = (RoundName.OPTIONS, RoundName.CONSEQUENCES, RoundName.PACKAGING)


SCORE_LABELS: Mapping[int, str] = {
    -2: N_("strongly against"),
    -1: N_("against"),
    0: N_("neutral"),
    1: N_("for"),
    2: N_("strongly for"),
}


@dataclass(frozen=True, slots=True)
class PortalView:
    """What one participant sees: the active meeting, its options, their own scores."""

    party: str
    on_roster: bool
    meeting: int | None
    state: str
    rating_open: bool
    proposing_open: bool
    options: tuple[Option, ...]
    my_scores: Mapping[str, int]
    brief_copy: str | None  # the code of their numbered copy of the brief, once issued
    closed_because: str


@dataclass(frozen=True, slots=True)
class _Active:
    number: int | None
    progress: Progress


def _active(conn: Connection) -> _Active:
    started = meetings_repo.started_meetings(conn)
    if not started:
        return _Active(None, Progress())
    number = started[-1]
    return _Active(number, rules.replay(meetings_repo.load_moves(conn, number)))


def _salt(conn: Connection) -> str:
    salt = meetings_repo.load_salt(conn)
    if salt is None:
        salt = secrets.token_hex(32)
        meetings_repo.save_salt(conn, salt, _clock.now())
    return salt


def ensure_salt(ws: Workspace) -> None:
    """Make the workspace's rater salt now, so that concurrent first ratings do not race."""
    with ws.begin() as conn:
        _salt(conn)


def _why_closed(active: _Active) -> str:
    if active.number is None:
        return N_("No meeting has started yet.")
    if active.progress.finished:
        return f"Meeting {active.number} is finished; rating closed with it."
    return (
        f"Meeting {active.number} is {active.progress.describe()}; rating opens in the "
        "options round."
    )


def _rating_open(active: _Active) -> bool:
    return active.number is not None and active.progress.current in RATING_ROUNDS


def portal_view(ws: Workspace, candidate: str) -> PortalView:
    with ws.read() as conn:
        pool = {c.id: c for c in repository.load_candidates(conn)}
        on_roster = candidate in repository.roster_ids(conn)
        active = _active(conn)
        options: tuple[Option, ...] = ()
        scores: dict[str, int] = {}
        if active.number is not None:
            options = tuple(o for m, o in meetings_repo.load_options(conn) if m == active.number)
            salt = meetings_repo.load_salt(conn)
            if salt is not None:
                scores = repo.scores_of(conn, active.number, pseudonym(salt, candidate))
        copy = brief_repository.copy_codes(conn).get(candidate)
    found = pool.get(candidate)
    open_ = _rating_open(active) and on_roster
    return PortalView(
        party=found.party if found else "",
        on_roster=on_roster,
        meeting=active.number,
        state=active.progress.describe(),
        rating_open=open_,
        proposing_open=on_roster and active.progress.current is RoundName.OPTIONS,
        options=options,
        my_scores=scores,
        brief_copy=copy[0] if copy else None,
        closed_because="" if open_ else _why_closed(active),
    )


def _check_on_roster(conn: Connection, candidate: str) -> str:
    """The participant's party; refuses anyone not on the roster."""
    if candidate not in repository.roster_ids(conn):
        raise BadInputError("only participants on the roster rate or propose options")
    party = next(c.party for c in repository.load_candidates(conn) if c.id == candidate)
    check_party(party, party_codes(conn))
    return party


# SQLite lets one writer in at a time, and a writer that finds the file busy sleeps before
# it tries again (up to 100 ms a try): fifty participants rating at once queue far better
# behind a lock in this process than behind SQLite's back-off (web bench burst: p95 1.9 s
# without it, 0.9 s with it). A server database takes concurrent writers as they come.
_SQLITE_WRITER = threading.Lock()


def _one_writer(ws: Workspace) -> AbstractContextManager[object]:
    return _SQLITE_WRITER if ws.engine.dialect.name == "sqlite" else nullcontext()


def rate_option(ws: Workspace, candidate: str, option: str, score: int) -> bool:
    """Rate one option of the active meeting (again, to change it): True for a first rating."""
    with _one_writer(ws), ws.begin() as conn:
        party = _check_on_roster(conn, candidate)
        active = _active(conn)
        if not _rating_open(active) or active.number is None:
            raise BadInputError(_why_closed(active), field="option")
        known = {o.code for m, o in meetings_repo.load_options(conn) if m == active.number}
        if option not in known:
            raise BadInputError(
                f"'{option[:40]}' is not an option of meeting {active.number}", field="option"
            )
        rating = Rating(option, pseudonym(_salt(conn), candidate), party, score)
        first = repo.save_rating(conn, active.number, rating)
        release_changed(conn, active.number, option=option, party=party)
        return first


def propose_option(ws: Workspace, candidate: str, title: str, description: str = "") -> Option:
    """Add an option in the options round, through the gate, with no author."""
    with ws.begin() as conn:
        _check_on_roster(conn, candidate)
        active = _active(conn)
        if active.progress.current is not RoundName.OPTIONS:
            raise BadInputError(
                "options are proposed during the options round; "
                + (_why_closed(active) if active.number is None else active.progress.describe()),
                field="title",
            )
        return capture_option(conn, title.strip(), description=description.strip())
