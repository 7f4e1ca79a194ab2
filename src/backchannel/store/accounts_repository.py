"""Accounts and web sessions. Callers own the transaction (one per use case)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from backchannel.domain.accounts import Account, Role
from backchannel.store import tables


@dataclass(frozen=True, slots=True)
class StoredSession:
    handle: str
    csrf: str
    created_at: datetime
    expires_at: datetime


def _account(row: Mapping[Any, Any]) -> Account:
    return Account(
        handle=row["handle"],
        role=Role(row["role"]),
        candidate=row["candidate_id"],
        interlocutor=row["interlocutor"],
        active=bool(row["active"]),
        language=row.get("language"),
    )


def add_account(conn: Connection, account: Account, password_hash: str, now: datetime) -> None:
    conn.execute(
        insert(tables.account).values(
            handle=account.handle,
            password_hash=password_hash,
            role=account.role.value,
            candidate_id=account.candidate,
            interlocutor=account.interlocutor,
            active=account.active,
            created_at=now,
            language=account.language,
        )
    )


def load_account(conn: Connection, handle: str) -> tuple[Account, str] | None:
    """The account and its password hash, or None."""
    t = tables.account
    row = conn.execute(select(t).where(t.c.handle == handle)).mappings().first()
    return None if row is None else (_account(row), str(row["password_hash"]))


def load_accounts(conn: Connection) -> tuple[Account, ...]:
    t = tables.account
    return tuple(_account(r) for r in conn.execute(select(t).order_by(t.c.handle)).mappings())


def update_account(conn: Connection, account: Account) -> None:
    """Role, links and whether it is active (the handle is the key)."""
    t = tables.account
    conn.execute(
        update(t)
        .where(t.c.handle == account.handle)
        .values(
            role=account.role.value,
            candidate_id=account.candidate,
            interlocutor=account.interlocutor,
            active=account.active,
            language=account.language,
        )
    )


def set_password_hash(conn: Connection, handle: str, password_hash: str) -> None:
    t = tables.account
    conn.execute(update(t).where(t.c.handle == handle).values(password_hash=password_hash))


# --- sessions -------------------------------------------------------------------------------


def add_session(
    conn: Connection, token_hash: str, handle: str, csrf: str, now: datetime, expires: datetime
) -> None:
    conn.execute(
        insert(tables.web_session).values(
            token_hash=token_hash, handle=handle, csrf=csrf, created_at=now, expires_at=expires
        )
    )


def load_session(conn: Connection, token_hash: str) -> StoredSession | None:
    t = tables.web_session
    row = conn.execute(select(t).where(t.c.token_hash == token_hash)).mappings().first()
    if row is None:
        return None
    return StoredSession(row["handle"], row["csrf"], row["created_at"], row["expires_at"])


def delete_session(conn: Connection, token_hash: str) -> None:
    t = tables.web_session
    conn.execute(delete(t).where(t.c.token_hash == token_hash))


def delete_sessions_of(conn: Connection, handle: str) -> int:
    """End every session of an account (after a role or password change)."""
    t = tables.web_session
    return int(conn.execute(delete(t).where(t.c.handle == handle)).rowcount)


def delete_expired(conn: Connection, now: datetime) -> int:
    t = tables.web_session
    return int(conn.execute(delete(t).where(t.c.expires_at <= now)).rowcount)
