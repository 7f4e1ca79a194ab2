"""Accounts of the browser workbench: roles, passwords (argon2id), logins and web sessions.

Every change to an account (added, role changed, password set, disabled) and every login,
good or bad, goes into the audit trail with the account's handle as the actor. Nothing in
the trail links an account to a candidate id, and nothing records a participant's ratings.

A session is a random token in an HttpOnly cookie; the workspace keeps only its SHA-256,
with the session's CSRF token and its expiry, so a copy of the workspace does not let
anyone in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection

from backchannel import i18n
from backchannel.domain.accounts import Account, Role, check_link, check_password
from backchannel.domain.errors import BackchannelError, BadInputError, NotFoundError
from backchannel.gate import Gate
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace
from backchannel.store import accounts_repository as repo
from backchannel.store import repository

SESSION_HOURS = 12
# argon2id at OWASP's current recommendation (Password Storage Cheat Sheet: m = 19 MiB,
# t = 2, p = 1): about 20 ms and 19 MiB a check, so a room logging in at once stays within a
# laptop's memory. Hashes made with other parameters (argon2-cffi's defaults, RFC 9106's
# 64 MiB) still verify and are rehashed at the next login.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class LoginError(BackchannelError):
    """A wrong handle or password: one message for both, so handles cannot be probed."""


@dataclass(frozen=True, slots=True)
class WebSession:
    """A logged-in browser: the account, the CSRF token its forms carry, and the expiry."""

    account: Account
    csrf: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str  # goes into the cookie; only its hash is stored
    session: WebSession


def hash_password(password: str) -> str:
    check_password(password)
    return _HASHER.hash(password)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked for an unknown handle, so it costs what a real check costs (one argon2, not
    a hash and a check) and the timing does not tell which handles exist."""
    return _HASHER.hash(secrets.token_urlsafe(16))


def token_hash(token: str) -> str:
    """What the store keeps of a cookie token (a session's, a known device's)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- accounts -------------------------------------------------------------------------------


def _check_links(conn: Connection, account: Account) -> None:
    if account.candidate is not None:
        pool = {c.id for c in repository.load_candidates(conn)}
        if account.candidate not in pool:
            raise BadInputError(
                f"no candidate with id '{account.candidate[:64]}'", field="candidate"
            )
    if account.interlocutor is not None:
        dialogue = repository.load_dialogue(conn)
        codes = {i.code for i in dialogue.interlocutors} if dialogue else set()
        if account.interlocutor not in codes:
            raise BadInputError(
                f"no interlocutor with code '{account.interlocutor[:64]}'", field="interlocutor"
            )


def _check_not_a_name(conn: Connection, handle: str) -> None:
    """The audit trail cannot forget: a handle that names someone in the pool is refused."""
    pool = repository.load_candidates(conn)
    if not pool:
        return
    words = handle.replace(".", " ").replace("_", " ").replace("-", " ")
    parts = words.split()
    # As notes would write it: whole, capitalised, each part alone, and with the initials
    # dotted (n.haddad is "N. Haddad", the initial and family name of someone in the pool).
    readings = {words, words.title(), ". ".join(p.title() for p in parts)}
    readings |= {p.title() for p in parts if len(p) >= 3}
    gate = Gate(pool)
    if any(f.participant is not None for w in readings for f in gate.scan(w)):
        raise BadInputError(
            "a handle must not name a person (the audit trail keeps it for good): "
            "choose one like 'participant-07' or 'rapporteur-2'",
            field="handle",
        )


def _load(conn: Connection, handle: str) -> tuple[Account, str]:
    found = repo.load_account(conn, handle)
    if found is None:
        raise NotFoundError(f"no account '{handle[:64]}'")
    return found


def _active_facilitators(conn: Connection) -> set[str]:
    return {a.handle for a in repo.load_accounts(conn) if a.role is Role.FACILITATOR and a.active}


def _keep_a_facilitator(conn: Connection, before: Account, after: Account) -> None:
    if (
        before.role is Role.FACILITATOR
        and before.active
        and not (after.role is Role.FACILITATOR and after.active)
    ):
        if _active_facilitators(conn) == {before.handle}:
            raise BadInputError(
                f"'{before.handle}' is the last active facilitator: add another first",
                field="role",
            )


def add_account(
    ws: Workspace,
    handle: str,
    role: Role,
    password: str,
    *,
    candidate: str | None = None,
    interlocutor: str | None = None,
    actor: str = "cli",
) -> Account:
    """Add an account; a participant names their candidate id, an interlocutor their code."""
    account = Account(handle, role, candidate or None, interlocutor or None)
    hashed = hash_password(password)  # slow on purpose: before the transaction
    with ws.begin() as conn:
        if repo.load_account(conn, handle) is not None:
            raise BadInputError(f"an account '{handle}' already exists", field="handle")
        _check_links(conn, account)
        _check_not_a_name(conn, handle)
        repo.add_account(conn, account, hashed, _clock.now())
        audit_service.record(
            conn,
            actor=actor,
            action="account.add",
            subject=handle,
            details={"role": role.value},
            now=_clock.now(),
        )
    return account


def list_accounts(ws: Workspace) -> tuple[Account, ...]:
    with ws.read() as conn:
        return repo.load_accounts(conn)


def get_account(ws: Workspace, handle: str) -> Account:
    with ws.read() as conn:
        return _load(conn, handle)[0]


def change_role(
    ws: Workspace,
    handle: str,
    role: Role,
    *,
    candidate: str | None = None,
    interlocutor: str | None = None,
    actor: str = "cli",
) -> Account:
    """Give an account another role (audited as `role.change`); its sessions end."""
    check_link(role, candidate or None, interlocutor or None)
    with ws.begin() as conn:
        before = _load(conn, handle)[0]
        after = replace(
            before, role=role, candidate=candidate or None, interlocutor=interlocutor or None
        )
        _check_links(conn, after)
        _keep_a_facilitator(conn, before, after)
        if after == before:
            return after
        repo.update_account(conn, after)
        repo.delete_sessions_of(conn, handle)
        audit_service.record(
            conn,
            actor=actor,
            action="role.change",
            subject=handle,
            details={"from": before.role.value, "to": after.role.value},
            now=_clock.now(),
        )
    return after


def set_active(ws: Workspace, handle: str, active: bool, actor: str = "cli") -> Account:
    """Disable an account (its sessions end) or enable it again; audited."""
    with ws.begin() as conn:
        before = _load(conn, handle)[0]
        after = replace(before, active=active)
        _keep_a_facilitator(conn, before, after)
        if after == before:
            return after
        repo.update_account(conn, after)
        repo.delete_sessions_of(conn, handle)
        audit_service.record(
            conn,
            actor=actor,
            action="account.enable" if active else "account.disable",
            subject=handle,
            now=_clock.now(),
        )
    return after


def set_language(ws: Workspace, handle: str, language: str | None) -> Account:
    """The language the account reads the workbench and the portal in, wherever it logs in
    (None: the browser's). A preference: its sessions go on, and it is not audited."""
    if language is not None and language not in i18n.LANGUAGES:
        known = ", ".join(i18n.LANGUAGES)
        raise BadInputError(f"unknown language {language!r}: use one of {known}", field="language")
    with ws.begin() as conn:
        before = _load(conn, handle)[0]
        after = replace(before, language=language)
        if after != before:
            repo.update_account(conn, after)
    return after


def set_password(ws: Workspace, handle: str, password: str, actor: str = "cli") -> None:
    """Set a new password; the account's sessions end. Audited without the password."""
    hashed = hash_password(password)
    with ws.begin() as conn:
        _load(conn, handle)
        repo.set_password_hash(conn, handle, hashed)
        repo.delete_sessions_of(conn, handle)
        audit_service.record(
            conn, actor=actor, action="account.password", subject=handle, now=_clock.now()
        )


# --- logging in -----------------------------------------------------------------------------


def authenticate(ws: Workspace, handle: str, password: str) -> Account:
    """The account, when the password is right and the account active; audited either way."""
    with ws.read() as conn:
        found = repo.load_account(conn, handle) if len(handle) <= 64 else None
    stored = found[1] if found else _dummy_hash()
    try:
        ok = _HASHER.verify(stored, password) and found is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or found is None or not found[0].active:
        known = found is not None
        audit_service.record(
            ws,
            actor=handle if known else "unknown",
            action="login.failed",
            subject="web",
            details={"reason": "disabled" if known and ok else "wrong handle or password"},
        )
        raise LoginError("wrong handle or password")
    account, stored = found
    rehash = _HASHER.check_needs_rehash(stored)
    new_hash = _HASHER.hash(password) if rehash else None
    with ws.begin() as conn:
        if new_hash is not None:
            repo.set_password_hash(conn, handle, new_hash)
        audit_service.record(
            conn,
            actor=handle,
            action="login",
            subject="web",
            details={"role": account.role.value},
            now=_clock.now(),
        )
    return account


def open_session(ws: Workspace, account: Account, hours: int = SESSION_HOURS) -> NewSession:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = _clock.now()
    expires = now + timedelta(hours=hours)
    with ws.begin() as conn:
        repo.delete_expired(conn, now)
        repo.add_session(conn, token_hash(token), account.handle, csrf, now, expires)
    return NewSession(token, WebSession(account, csrf, expires))


def session_of(ws: Workspace, token: str) -> WebSession | None:
    """The live session of a cookie token, or None (unknown, expired, or account disabled)."""
    if not token or len(token) > 128:
        return None
    with ws.read() as conn:
        stored = repo.load_session(conn, token_hash(token))
        if stored is None or stored.expires_at <= _clock.now():
            return None
        found = repo.load_account(conn, stored.handle)
    if found is None or not found[0].active:
        return None
    return WebSession(found[0], stored.csrf, stored.expires_at)


def close_session(ws: Workspace, token: str, actor: str | None = None) -> None:
    with ws.begin() as conn:
        repo.delete_session(conn, token_hash(token))
        if actor is not None:
            audit_service.record(
                conn, actor=actor, action="logout", subject="web", now=_clock.now()
            )


# --- the demo's logins ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoLogin:
    handle: str
    role: Role
    password: str
    note: str


def add_demo_accounts(ws: Workspace, password: str | None = None) -> tuple[DemoLogin, ...]:
    """One account per role for the demo dialogue; one participant per party (the first
    roster member of that party who consented), and the first interlocutor. Each gets its
    own random password unless `password` is given."""
    with ws.read() as conn:
        pool = {c.id: c for c in repository.load_candidates(conn)}
        roster = repository.roster_ids(conn)
        dialogue = repository.load_dialogue(conn)
    if dialogue is None:
        raise NotFoundError(f"{ws.location} holds no dialogue yet")
    from backchannel.services.ground_rules import consent_view

    missing = set(consent_view(ws).missing)
    plan: list[tuple[str, Role, str | None, str | None, str]] = [
        ("facilitator", Role.FACILITATOR, None, None, "everything"),
        ("rapporteur", Role.RAPPORTEUR, None, None, "captures points in the rounds"),
    ]
    for party in dialogue.parties:
        member = next((i for i in roster if pool[i].party == party.code and i not in missing), None)
        if member is not None:
            plan.append(
                (
                    f"participant-{party.code.lower()}",
                    Role.PARTICIPANT,
                    member,
                    None,
                    f"a participant of party {party.code} ({member})",
                )
            )
    if dialogue.interlocutors:
        first = dialogue.interlocutors[0]
        plan.append(
            (
                "interlocutor",
                Role.INTERLOCUTOR,
                None,
                first.code,
                f"reads only the aide-memoire copy for {first.code}",
            )
        )
    plan.append(("observer", Role.OBSERVER, None, None, "reads the non-paper"))
    out = []
    for handle, role, candidate, interlocutor, note in plan:
        secret = password or secrets.token_urlsafe(12)
        add_account(
            ws, handle, role, secret, candidate=candidate, interlocutor=interlocutor, actor="demo"
        )
        out.append(DemoLogin(handle, role, secret, note))
    return tuple(out)
