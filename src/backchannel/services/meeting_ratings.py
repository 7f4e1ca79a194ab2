"""Anonymous ratings of a meeting's options, stored as salted pseudonyms, and the support
across parties they show.

What the `rater` column of RATINGS.csv may hold (see docs/rounds.md):

- the id of a candidate in the workspace's pool (`c012`): the usual case, from a paper or
  online form that carried the participant's id. The row's party must be that candidate's
  party. The id is replaced by its pseudonym and never stored.
- a pseudonym this workspace made (`p-` and 16 hex digits): kept as it is, so a file
  exported from the workspace can be imported again.
- anything else (a code from another tool): treated as somebody's pseudonym there and
  pseudonymised again here, so that the stored form is always this workspace's pseudonym.

The pseudonym is `p-` + the first 16 hex digits of HMAC-SHA256(salt, rater), the salt 32
random bytes made once per workspace and kept in it. The same participant gets the same
pseudonym in every meeting; nobody without the workspace can link it to an id. Anyone who
can open the workspace can recompute it for every id in the pool, so the protection that
matters in documents is different: no rater is ever shown, and a party figure from fewer
than 3 raters is withheld.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from backchannel.domain.capture import check_party
from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.options import Option, Rating
from backchannel.domain.release import pending, to_release
from backchannel.domain.support import MIN_RATERS, PLAIN, check_one_rating_each
from backchannel.i18n import ngettext
from backchannel.readers._csvfile import read_rows
from backchannel.readers.ratings import COLUMNS, ratings_from_rows
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.meetings import active_number, party_codes
from backchannel.services.support import SupportReport, support_from_ratings
from backchannel.services.workspace import Workspace
from backchannel.store import meetings_repository as repo
from backchannel.store import portal_repository, repository

PSEUDONYM = re.compile(r"^p-[0-9a-f]{16}$")


def pseudonym(salt: str, rater: str) -> str:
    """This workspace's pseudonym of `rater` (a participant id, or another tool's code)."""
    digest = hmac.new(bytes.fromhex(salt), rater.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"p-{digest[:16]}"


@dataclass(frozen=True, slots=True)
class RatingsImport:
    """What an import stored: counts only, never a rater."""

    meeting: int
    ratings: int
    raters: int
    options: int
    from_ids: int
    replaced: int


def import_ratings(
    ws: Workspace, path: Path, number: int | None = None, actor: str = "cli"
) -> RatingsImport:
    """Replace the meeting's ratings with those in RATINGS.csv, all or nothing.

    Every row is checked first (score, option, party, one rating per rater and option); an
    error names the file, row and field but never the rater.
    """
    file = path.name
    _columns, found = read_rows(path, COLUMNS)
    rows = list(found)
    ratings = ratings_from_rows(rows, file)
    with ws.begin() as conn:
        target = active_number(conn, number)
        parties = party_codes(conn)
        pool = {c.id: c.party for c in repository.load_candidates(conn)}
        options = set(repo.option_codes(conn))
        salt = repo.load_salt(conn)
        if salt is None:
            salt = secrets.token_hex(32)
            repo.save_salt(conn, salt, _clock.now())
        stored, from_ids = [], 0
        for row, r in zip(rows, ratings, strict=True):
            if r.option not in options:
                raise BadInputError(
                    f"'{r.option[:40]}' is not a captured option",
                    file=file,
                    row=row.number,
                    field="option",
                )
            try:
                check_party(r.party, parties)
            except BadInputError as error:
                raise error.located(file=file, row=row.number) from None
            if r.rater in pool:
                if pool[r.rater] != r.party:
                    raise BadInputError(
                        "is not this participant's party in the candidate pool",
                        file=file,
                        row=row.number,
                        field="party",
                    )
                rater, from_ids = pseudonym(salt, r.rater), from_ids + 1
            else:
                rater = r.rater if PSEUDONYM.match(r.rater) else pseudonym(salt, r.rater)
            stored.append(Rating(r.option, rater, r.party, r.score))
        try:
            check_one_rating_each(stored)
        except BadInputError as error:
            raise BadInputError(
                f"{error.message} (a participant id and its pseudonym are the same rater)",
                file=file,
                field="rater",
            ) from None
        replaced = len(repo.load_ratings(conn, target))
        repo.replace_ratings(conn, target, stored)
        release_changed(conn, target)
        result = RatingsImport(
            meeting=target,
            ratings=len(stored),
            raters=len({r.rater for r in stored}),
            options=len({r.option for r in stored}),
            from_ids=from_ids,
            replaced=replaced,
        )
        audit_service.record(
            conn,
            actor=actor,
            action="ratings.import",
            subject=f"meeting {target}",
            details={"ratings": result.ratings, "raters": result.raters},
            now=_clock.now(),
        )
    return result


@dataclass(frozen=True, slots=True)
class MeetingSupport:
    """The support ranking of a meeting's stored ratings, with the options' titles."""

    meeting: int
    report: SupportReport
    titles: dict[str, str]
    #: Ratings not in the figures yet: a party's ratings of an option are released three
    #: changes at a time (domain/release.py).
    pending: int = 0


def release_changed(
    conn: Connection, number: int, *, option: str | None = None, party: str | None = None
) -> None:
    """Release again each (option, party) group of a meeting's ratings, or of one option
    and party, that has at least three new or changed ratings (domain/release.py)."""
    current = repo.load_ratings(conn, number, option=option, party=party)
    shown = repo.load_ratings(conn, number, released=True, option=option, party=party)
    portal_repository.release(conn, number, to_release(current, shown, MIN_RATERS), current)


def pending_note(count: int) -> str:
    """What the figures leave out, in the reader's language."""
    return ngettext(
        "%(num)s rating is not in these figures yet: a party's ratings of an option are "
        "shown three new or changed ratings at a time, so no two views give away one "
        "person's score.",
        "%(num)s ratings are not in these figures yet: a party's ratings of an option are "
        "shown three new or changed ratings at a time, so no two views give away one "
        "person's score.",
        count,
    ) % {"num": count}


def stored_support(
    ws: Workspace, number: int | None = None, method: str = PLAIN, *, k: int = MIN_RATERS
) -> MeetingSupport:
    """Rank the options rated in a meeting (the active one, or the latest with ratings)."""
    with ws.read() as conn:
        rated = repo.rated_meetings(conn)
        if number is None and rated:
            target = rated[-1]
        else:
            target = active_number(conn, number)
        current = repo.load_ratings(conn, target)
        ratings = repo.load_ratings(conn, target, released=True)
        titles = {o.code: o.title for _m, o in repo.load_options(conn)}
    if not current:
        raise NotFoundError(
            f"meeting {target} has no ratings: run 'backchannel ratings import RATINGS.csv'"
        )
    waiting = pending(current, ratings)
    if not ratings:
        raise NotFoundError(
            f"meeting {target} has {waiting} ratings, none shown yet: figures appear once "
            f"three raters of a party have rated an option"
        )
    return MeetingSupport(target, support_from_ratings(ratings, method, k=k), titles, waiting)


@dataclass(frozen=True, slots=True)
class OptionLine:
    """An option of the dialogue, where it came from, and how far it has been taken."""

    option: Option
    meeting: int
    tested_for: tuple[str, ...]
    ratings: int


def list_options(ws: Workspace) -> tuple[OptionLine, ...]:
    """Every option of the dialogue, with the parties it has been tested for and how many
    ratings it has in all meetings."""
    with ws.read() as conn:
        options = repo.load_options(conn)
        meetings = [m.number for m in repo.load_meetings(conn)]
        history = repo.load_history(conn, max(meetings, default=0))
        ratings = [r for m in repo.rated_meetings(conn) for r in repo.load_ratings(conn, m)]
    tested: dict[str, set[str]] = {}
    for capture in history:
        for t in capture.tests:
            tested.setdefault(t.option, set()).add(t.party)
    return tuple(
        OptionLine(
            option=option,
            meeting=meeting,
            tested_for=tuple(sorted(tested.get(option.code, ()))),
            ratings=sum(1 for r in ratings if r.option == option.code),
        )
        for meeting, option in options
    )
