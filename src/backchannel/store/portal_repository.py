"""One participant's ratings, written one at a time from the portal.

The rater is already a pseudonym (services/meeting_ratings.pseudonym); nothing here sees
an account or a candidate id. Callers own the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from backchannel.domain.options import Rating
from backchannel.store import tables


def save_rating(conn: Connection, number: int, rating: Rating) -> bool:
    """Store a rating, replacing this rater's earlier rating of the option: True if new.

    One upsert statement, so two taps on the same option at once cannot collide on the
    unique key (a delete-then-insert did, on PostgreSQL).
    """
    t = tables.rating
    key = (t.c.meeting == number, t.c.option == rating.option, t.c.pseudonym == rating.rater)
    existed = conn.execute(select(t.c.score).where(*key)).first() is not None
    make_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = make_insert(t).values(
        meeting=number,
        option=rating.option,
        pseudonym=rating.rater,
        party=rating.party,
        score=rating.score,
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[t.c.meeting, t.c.option, t.c.pseudonym],
            set_={"party": stmt.excluded.party, "score": stmt.excluded.score},
        )
    )
    return not existed


def scores_of(conn: Connection, number: int, pseudonym: str) -> dict[str, int]:
    """option code -> score, for one rater in one meeting."""
    t = tables.rating
    rows = conn.execute(
        select(t.c.option, t.c.score).where(t.c.meeting == number, t.c.pseudonym == pseudonym)
    )
    return {str(option): int(score) for option, score in rows}


def release(
    conn: Connection, number: int, groups: set[tuple[str, str]], current: Sequence[Rating]
) -> None:
    """Replace the released copy of each (option, party) group by its current ratings."""
    t = tables.released_rating
    for option, party in sorted(groups):
        rows = [
            {"meeting": number, "option": r.option, "pseudonym": r.rater, "party": r.party,
             "score": r.score}
            for r in current
            if (r.option, r.party) == (option, party)
        ]  # fmt: skip
        raters = [row["pseudonym"] for row in rows]
        # The group's old copy, and any rater of it released under another party before
        # (an import that corrected a party): one released rating per rater and option.
        conn.execute(
            delete(t).where(
                t.c.meeting == number,
                t.c.option == option,
                or_(t.c.party == party, t.c.pseudonym.in_(raters)),
            )
        )
        if rows:
            conn.execute(insert(t), rows)
