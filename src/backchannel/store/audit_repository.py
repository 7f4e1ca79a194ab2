"""The audit log's rows. Callers own the transaction, so an entry commits with its change.

Appending takes the chain head's row lock first (`UPDATE audit_head SET count = count + 1`),
so two writers on PostgreSQL queue instead of claiming the same number, and SQLite takes
its write lock before anything is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from backchannel.domain.audit import AuditEntry, ChainHead
from backchannel.store import tables

HEAD_ID = 1


def claim_next(conn: Connection) -> ChainHead | None:
    """Lock the chain head for this transaction and give it as it was before: the new
    entry's number is `count + 1`. None when the head row is gone (a tampered log)."""
    t = tables.audit_head
    bumped = conn.execute(update(t).where(t.c.id == HEAD_ID).values(count=t.c.count + 1)).rowcount
    if bumped != 1:
        return None
    count, digest = conn.execute(select(t.c.count, t.c.hash).where(t.c.id == HEAD_ID)).one()
    return ChainHead(count=int(count) - 1, hash=str(digest))


def append(conn: Connection, entry: AuditEntry) -> None:
    """Insert the entry and move the head's hash to it (after `claim_next`)."""
    conn.execute(
        insert(tables.audit_entry).values(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            subject=entry.subject,
            details=entry.details,
            prev_hash=entry.prev_hash,
            hash=entry.hash,
        )
    )
    t = tables.audit_head
    conn.execute(update(t).where(t.c.id == HEAD_ID).values(hash=entry.hash))


def load_head(conn: Connection) -> ChainHead | None:
    t = tables.audit_head
    row = conn.execute(select(t.c.count, t.c.hash).where(t.c.id == HEAD_ID)).first()
    return None if row is None else ChainHead(count=int(row[0]), hash=str(row[1]))


def _entry(row: Mapping[Any, Any]) -> AuditEntry:
    # str() everywhere: a tampered row may hold a number where text belongs.
    return AuditEntry(
        seq=int(row["seq"]),
        at=str(row["at"]),
        actor=str(row["actor"]),
        action=str(row["action"]),
        subject=str(row["subject"]),
        details=str(row["details"]),
        prev_hash=str(row["prev_hash"]),
        hash=str(row["hash"]),
    )


def load_entries(
    conn: Connection, *, last: int | None = None, action: str | None = None
) -> tuple[AuditEntry, ...]:
    """Entries in chain order; only the `last` N when given, only one action when given."""
    t = tables.audit_entry
    query = select(t)
    if action is not None:
        query = query.where(t.c.action == action)
    if last is not None:
        query = query.order_by(t.c.seq.desc()).limit(last)
        rows = list(conn.execute(query).mappings())[::-1]
    else:
        rows = list(conn.execute(query.order_by(t.c.seq)).mappings())
    return tuple(_entry(r) for r in rows)


def last_seq(conn: Connection) -> int:
    """The highest entry number stored (0 for an empty log)."""
    found = conn.execute(select(func.max(tables.audit_entry.c.seq))).scalar_one_or_none()
    return int(found or 0)
