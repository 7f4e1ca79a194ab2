"""Gate findings approved as intended."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select

from backchannel.store import tables


def approved_ids(conn: Connection) -> frozenset[str]:
    return frozenset(conn.execute(select(tables.gate_approval.c.finding_id)).scalars())


def add_approval(
    conn: Connection, finding_id: str, document: str, reason: str, now: datetime
) -> bool:
    """Record an approval; False when this finding was approved already."""
    t = tables.gate_approval
    if conn.execute(select(t.c.finding_id).where(t.c.finding_id == finding_id)).first():
        return False
    conn.execute(
        insert(t).values(finding_id=finding_id, document=document, reason=reason, approved_at=now)
    )
    return True
