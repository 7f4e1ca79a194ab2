"""One participant's ratings, written one at a time from the portal.

The rater is already a pseudonym (services/meeting_ratings.pseudonym); nothing here sees
an account or a candidate id. Callers own the transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, select
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
