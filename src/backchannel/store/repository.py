"""Queries on one open connection. Callers own the transaction (one per use case)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from backchannel.domain.dialogue import Dialogue
from backchannel.domain.indicators import Event
from backchannel.domain.people import Candidate
from backchannel.domain.ripeness import PartyAssessment
from backchannel.domain.scope import Scope
from backchannel.store import mapping, tables


def save_dialogue(conn: Connection, dialogue: Dialogue, now: datetime) -> None:
    existing = conn.execute(select(tables.dialogue.c.id)).first()
    values = {
        "title": dialogue.title,
        "convenor": dialogue.convenor,
        "languages": ",".join(dialogue.languages),
        "bilingual": dialogue.bilingual,
    }
    if existing is None:
        conn.execute(insert(tables.dialogue).values(id=1, created_at=now, **values))
    else:
        conn.execute(update(tables.dialogue).values(**values))
    for p in dialogue.parties:
        _upsert(conn, tables.party, "code", {"code": p.code, "name": p.name})
    for i in dialogue.interlocutors:
        _upsert(
            conn,
            tables.interlocutor,
            "code",
            {"code": i.code, "name": i.name, "party": i.party},
        )
    for m in dialogue.meetings:
        _upsert(
            conn,
            tables.meeting,
            "number",
            {"number": m.number, "starts": m.starts, "days": m.days, "venue": m.venue},
        )


def load_dialogue(conn: Connection) -> Dialogue | None:
    row = conn.execute(select(tables.dialogue)).mappings().first()
    if row is None:
        return None
    return Dialogue(
        title=row["title"],
        convenor=row["convenor"],
        languages=tuple(lang for lang in row["languages"].split(",") if lang),
        bilingual=bool(row["bilingual"]),
        parties=tuple(
            mapping.party_record(r)
            for r in conn.execute(select(tables.party).order_by(tables.party.c.code)).mappings()
        ),
        interlocutors=tuple(
            mapping.interlocutor_record(r)
            for r in conn.execute(
                select(tables.interlocutor).order_by(tables.interlocutor.c.code)
            ).mappings()
        ),
        meetings=tuple(
            mapping.meeting_record(r)
            for r in conn.execute(
                select(tables.meeting).order_by(tables.meeting.c.number)
            ).mappings()
        ),
    )


def _upsert(conn: Connection, table: Any, key: str, values: dict[str, Any]) -> None:
    found = conn.execute(select(table.c[key]).where(table.c[key] == values[key])).first()
    if found is None:
        conn.execute(insert(table).values(**values))
    else:
        conn.execute(update(table).where(table.c[key] == values[key]).values(**values))


def upsert_candidates(conn: Connection, candidates: Iterable[Candidate]) -> tuple[int, int]:
    """Insert new candidates and update known ones by id: (added, updated)."""
    known = set(conn.execute(select(tables.candidate.c.id)).scalars())
    added = updated = 0
    for cand in candidates:
        row = mapping.candidate_row(cand)
        if cand.id in known:
            conn.execute(
                update(tables.candidate).where(tables.candidate.c.id == cand.id).values(**row)
            )
            updated += 1
        else:
            conn.execute(insert(tables.candidate).values(**row))
            added += 1
    return added, updated


def load_candidates(conn: Connection) -> tuple[Candidate, ...]:
    rows = conn.execute(select(tables.candidate).order_by(tables.candidate.c.id)).mappings()
    return tuple(mapping.candidate_record(r) for r in rows)


def set_roster(conn: Connection, ids: Sequence[str]) -> None:
    conn.execute(delete(tables.participant))
    if ids:
        conn.execute(insert(tables.participant), [{"candidate_id": i} for i in ids])


def roster_ids(conn: Connection) -> tuple[str, ...]:
    col = tables.participant.c.candidate_id
    return tuple(conn.execute(select(col).order_by(col)).scalars())


def count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def save_scope(conn: Connection, scope: Scope, now: datetime) -> None:
    values = {**mapping.scope_row(scope), "updated_at": now}
    if conn.execute(select(tables.scope.c.id)).first() is None:
        conn.execute(insert(tables.scope).values(id=1, **values))
    else:
        conn.execute(update(tables.scope).values(**values))


def load_scope(conn: Connection) -> Scope | None:
    row = conn.execute(select(tables.scope)).mappings().first()
    return None if row is None else mapping.scope_record(row)


def add_assessment(conn: Connection, a: PartyAssessment, now: datetime) -> int:
    result = conn.execute(
        insert(tables.ripeness_assessment).values(
            party=a.party,
            assessed_on=a.assessed_on,
            indicators_seen=mapping.join(a.indicators_seen),
            recorded_at=now,
        )
    )
    new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(
        insert(tables.ripeness_score),
        [
            {
                "assessment_id": new_id,
                "element": s.element.value,
                "score": s.score,
                "evidence": s.evidence,
                "confidence": s.confidence.value,
            }
            for s in a.scores
        ],
    )
    return new_id


def latest_assessments(conn: Connection) -> tuple[PartyAssessment, ...]:
    """The most recent assessment of each party (by date, then by when it was recorded)."""
    t = tables.ripeness_assessment
    rows = conn.execute(select(t).order_by(t.c.party, t.c.assessed_on, t.c.id)).mappings().all()
    latest: dict[str, Any] = {}
    for row in rows:
        latest[row["party"]] = row
    out = []
    for party in sorted(latest):
        row = latest[party]
        scores = (
            conn.execute(
                select(tables.ripeness_score)
                .where(tables.ripeness_score.c.assessment_id == row["id"])
                .order_by(tables.ripeness_score.c.element)
            )
            .mappings()
            .all()
        )
        out.append(mapping.assessment_record(row, scores))
    return tuple(out)


def replace_events(conn: Connection, layout: str, events: Sequence[Event]) -> int:
    """Replace the stored events with a new import (one transaction, owned by the caller)."""
    conn.execute(delete(tables.event))
    if events:
        conn.execute(
            insert(tables.event),
            [
                {
                    "source_id": e.source_id,
                    "layout": layout,
                    "day": e.day,
                    "side_a": e.side_a,
                    "side_b": e.side_b,
                    "adm_1": e.adm_1,
                    "latitude": e.latitude,
                    "longitude": e.longitude,
                    "fatalities": e.fatalities,
                }
                for e in events
            ],
        )
    return len(events)


def load_events(conn: Connection) -> tuple[Event, ...]:
    t = tables.event
    rows = conn.execute(select(t).order_by(t.c.day, t.c.id)).mappings()
    return tuple(
        Event(
            source_id=r["source_id"],
            day=r["day"],
            side_a=r["side_a"],
            side_b=r["side_b"],
            adm_1=r["adm_1"],
            latitude=r["latitude"],
            longitude=r["longitude"],
            fatalities=r["fatalities"],
        )
        for r in rows
    )


def events_layout(conn: Connection) -> str | None:
    """The layout ("ucdp" or "acled") of the stored events, if any."""
    return conn.execute(select(tables.event.c.layout).limit(1)).scalar_one_or_none()
