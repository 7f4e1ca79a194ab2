"""Charter versions and consents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, func, insert, select

from backchannel.domain.charter import Charter
from backchannel.domain.people import Consent
from backchannel.store import tables


def latest_charter(conn: Connection) -> Charter | None:
    t = tables.charter
    row = conn.execute(select(t).order_by(t.c.version.desc()).limit(1)).mappings().first()
    if row is None:
        return None
    return Charter(version=row["version"], text=row["text"], adopted_on=row["adopted_on"])


def add_charter(conn: Connection, text: str, adopted_on: date) -> Charter:
    t = tables.charter
    current = conn.execute(select(func.max(t.c.version))).scalar_one_or_none() or 0
    charter = Charter(version=current + 1, text=text, adopted_on=adopted_on)
    conn.execute(insert(t).values(version=charter.version, text=text, adopted_on=adopted_on))
    return charter


def add_consent(conn: Connection, consent: Consent, now: datetime) -> None:
    conn.execute(
        insert(tables.consent).values(
            candidate_id=consent.candidate,
            charter_version=consent.charter_version,
            given_on=consent.given_on,
            how=consent.how,
            recorded_at=now,
        )
    )


def has_consent(conn: Connection, candidate: str, version: int) -> bool:
    t = tables.consent
    found = conn.execute(
        select(t.c.id).where(t.c.candidate_id == candidate, t.c.charter_version == version)
    ).first()
    return found is not None


def consents(conn: Connection) -> tuple[Consent, ...]:
    t = tables.consent
    rows = conn.execute(select(t).order_by(t.c.candidate_id, t.c.charter_version)).mappings()
    return tuple(
        Consent(
            candidate=r["candidate_id"],
            charter_version=r["charter_version"],
            given_on=r["given_on"],
            how=r["how"],
        )
        for r in rows
    )
