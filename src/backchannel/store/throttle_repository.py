"""Failed-login counters and known devices (domain/throttle.py). Callers own the
transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, or_, select, update

from backchannel.store import tables


def load_counters(conn: Connection, keys: Iterable[str]) -> dict[str, tuple[int, datetime]]:
    t = tables.login_throttle
    rows = conn.execute(select(t).where(t.c.key.in_(list(keys)))).mappings()
    return {r["key"]: (int(r["failures"]), r["last_at"]) for r in rows}


def count_failure(conn: Connection, key: str, now: datetime, fresh: bool) -> None:
    """One more failure for `key` (or the first, when `fresh`: its old ones have expired)."""
    t = tables.login_throttle
    if fresh:
        conn.execute(delete(t).where(t.c.key == key))
        conn.execute(insert(t).values(key=key, failures=1, last_at=now))
        return
    conn.execute(update(t).where(t.c.key == key).values(failures=t.c.failures + 1, last_at=now))


def forget(conn: Connection, keys: Iterable[str]) -> None:
    t = tables.login_throttle
    conn.execute(delete(t).where(t.c.key.in_(list(keys))))


def forget_handle(conn: Connection, handle: str) -> int:
    """Every counter of one handle (the facilitator's recovery path); how many there were."""
    t = tables.login_throttle
    found = conn.execute(
        delete(t).where(
            or_(
                t.c.key == f"h:{handle}",
                t.c.key.startswith(f"p:{handle}|", autoescape=True),
                t.c.key.startswith(f"d:{handle}|", autoescape=True),
            )
        )
    )
    return int(found.rowcount or 0)


def prune(conn: Connection, before: datetime) -> None:
    t = tables.login_throttle
    conn.execute(delete(t).where(t.c.last_at < before))


def is_known_device(conn: Connection, token_hash: str, handle: str) -> bool:
    t = tables.known_device
    row = conn.execute(
        select(t.c.handle).where(t.c.token_hash == token_hash, t.c.handle == handle)
    ).first()
    return row is not None


def remember_device(conn: Connection, token_hash: str, handle: str, now: datetime) -> None:
    t = tables.known_device
    conn.execute(insert(t).values(token_hash=token_hash, handle=handle, last_at=now))
    # Devices unused for half a year are forgotten, and an account keeps its 200 latest:
    # enough that a room logging in with one account cannot push out the facilitator's own.
    conn.execute(delete(t).where(t.c.handle == handle, t.c.last_at < now - timedelta(days=183)))
    kept = select(t.c.token_hash).where(t.c.handle == handle).order_by(t.c.last_at.desc())
    old = [r[0] for r in conn.execute(kept.offset(200))]
    if old:
        conn.execute(delete(t).where(t.c.token_hash.in_(old)))


def forget_device(conn: Connection, token_hash: str) -> None:
    t = tables.known_device
    conn.execute(delete(t).where(t.c.token_hash == token_hash))
