"""Step status and the register of numbered aide-mémoire copies.

Queries on one open connection; callers own the transaction. The register names an
interlocutor by its code (an office), never a person.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from backchannel.domain.fingerprint import Slot, make_slot
from backchannel.domain.followup import StatusChange
from backchannel.domain.steps import StepStatus
from backchannel.store import tables


@dataclass(frozen=True, slots=True)
class CopyRecord:
    """One numbered copy: its code, edition, recipient office, number and fingerprint."""

    code: str
    edition: str
    interlocutor: str
    number: int
    issued_at: datetime
    slots: tuple[Slot, ...]


def slots_json(slots: Sequence[Slot]) -> str:
    return json.dumps([[s.key, list(s.variants)] for s in slots], ensure_ascii=False)


def slots_from_json(text: str) -> tuple[Slot, ...]:
    """The stored slots; one that a newer backchannel can no longer tell apart is left out
    (it could not be read in a text anyway)."""
    found = (make_slot(key, variants) for key, variants in json.loads(text))
    return tuple(slot for slot in found if slot is not None)


def _copy(r: Mapping[Any, Any]) -> CopyRecord:
    return CopyRecord(
        code=r["code"],
        edition=r["edition"],
        interlocutor=r["interlocutor"],
        number=int(r["number"]),
        issued_at=r["issued_at"],
        slots=slots_from_json(r["slots"]),
    )


def load_copies(conn: Connection, edition: str | None = None) -> tuple[CopyRecord, ...]:
    """Every copy in the register (of one edition when given), by edition and number."""
    t = tables.aide_memoire_copy
    query = select(t).order_by(t.c.edition, t.c.number)
    if edition is not None:
        query = query.where(t.c.edition == edition)
    return tuple(_copy(r) for r in conn.execute(query).mappings())


def add_copy(conn: Connection, record: CopyRecord) -> None:
    conn.execute(
        insert(tables.aide_memoire_copy).values(
            code=record.code,
            edition=record.edition,
            interlocutor=record.interlocutor,
            number=record.number,
            issued_at=record.issued_at,
            slots=slots_json(record.slots),
        )
    )


def update_slots(conn: Connection, code: str, slots: Sequence[Slot]) -> None:
    """A copy rendered again keeps its code and number; its wordings follow the text."""
    t = tables.aide_memoire_copy
    conn.execute(update(t).where(t.c.code == code).values(slots=slots_json(slots)))


def copy_codes(conn: Connection) -> frozenset[str]:
    t = tables.aide_memoire_copy
    return frozenset(conn.execute(select(t.c.code)).scalars())


def set_step_status(conn: Connection, change: StatusChange, now: datetime) -> bool:
    """Record a change of status and make it the step's current one; False if no such step."""
    step = tables.package_step
    done = conn.execute(
        update(step).where(step.c.id == change.step).values(status=change.status.value)
    )
    if done.rowcount == 0:
        return False
    conn.execute(
        insert(tables.step_status).values(
            step=change.step,
            status=change.status.value,
            on_day=change.on,
            note=change.note,
            recorded_at=now,
        )
    )
    return True


def status_history(conn: Connection, step_id: str | None = None) -> tuple[StatusChange, ...]:
    """Every recorded change of status (of one step when given), oldest first."""
    t = tables.step_status
    query = select(t).order_by(t.c.id)
    if step_id is not None:
        query = query.where(t.c.step == step_id)
    return tuple(
        StatusChange(r["step"], StepStatus(r["status"]), r["on_day"], r["note"])
        for r in conn.execute(query).mappings()
    )
