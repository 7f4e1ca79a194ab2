"""The dialogue's mix rules (one row of MIX.toml text) and single changes to the roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from backchannel.store import tables


@dataclass(frozen=True, slots=True)
class StoredRules:
    """The MIX.toml text as the facilitator wrote it, and when it was set."""

    text: str
    set_at: datetime


def save_mix_rules(conn: Connection, text: str, now: datetime) -> None:
    t = tables.mix_rules
    if conn.execute(select(t.c.id)).first() is None:
        conn.execute(insert(t).values(id=1, text=text, set_at=now))
    else:
        conn.execute(update(t).values(text=text, set_at=now))


def load_mix_rules(conn: Connection) -> StoredRules | None:
    row = conn.execute(select(tables.mix_rules)).mappings().first()
    return None if row is None else StoredRules(text=row["text"], set_at=row["set_at"])


def add_participant(conn: Connection, candidate_id: str) -> bool:
    """Put a candidate on the roster; False when they are on it already."""
    t = tables.participant
    if conn.execute(select(t.c.candidate_id).where(t.c.candidate_id == candidate_id)).first():
        return False
    conn.execute(insert(t).values(candidate_id=candidate_id))
    return True


def remove_participant(conn: Connection, candidate_id: str) -> bool:
    """Take a candidate off the roster; False when they were not on it."""
    t = tables.participant
    result = conn.execute(delete(t).where(t.c.candidate_id == candidate_id))
    return bool(result.rowcount)
