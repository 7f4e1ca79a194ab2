"""Failed logins slow later ones (domain/throttle.py), counted in the store so the limits
hold across restarts and across server processes on one PostgreSQL. A device that logged
in before carries a cookie token; its attempts meet only its own counter."""

from __future__ import annotations

import secrets
from datetime import timedelta

from backchannel.domain.throttle import Policy
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.accounts import token_hash
from backchannel.services.workspace import Workspace
from backchannel.store import throttle_repository as repo

POLICY = Policy()


def known_device(ws: Workspace, handle: str, token: str | None) -> str | None:
    """The hash of the device's token when it logged in to `handle` before, else None."""
    if not token or len(token) > 128 or not handle:
        return None
    found = token_hash(token)
    with ws.read() as conn:
        return found if repo.is_known_device(conn, found, handle[:64]) else None


def retry_after(
    ws: Workspace, handle: str, address: str, device: str | None, policy: Policy = POLICY
) -> int:
    """Whole seconds until an attempt for `handle` from here may be checked (0: now)."""
    now = _clock.now()
    counters = policy.counters(handle, address, device)
    with ws.read() as conn:
        stored = repo.load_counters(conn, [c.key for c in counters])
    wait = 0.0
    for counter in counters:
        if counter.key in stored:
            failures, last_at = stored[counter.key]
            wait = max(wait, policy.wait(failures, counter.free, last_at, now))
    return int(wait + 0.999)


def failed(
    ws: Workspace, handle: str, address: str, device: str | None, policy: Policy = POLICY
) -> None:
    now = _clock.now()
    counters = policy.counters(handle, address, device)
    with ws.begin() as conn:
        repo.prune(conn, now - timedelta(seconds=policy.window))
        stored = repo.load_counters(conn, [c.key for c in counters])
        for counter in counters:
            known = stored.get(counter.key)
            fresh = known is None or not policy.live(known[1], now)
            repo.count_failure(conn, counter.key, now, fresh)


def succeeded(
    ws: Workspace, handle: str, address: str, device: str | None, policy: Policy = POLICY
) -> str:
    """Clears this place's counter for the handle; a new device token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _clock.now()
    with ws.begin() as conn:
        repo.forget(conn, [policy.counters(handle, address, device)[0].key])
        if device is not None:
            repo.forget_device(conn, device)  # one row per device: its new token replaces it
        repo.remember_device(conn, token_hash(token), handle, now)
    return token


def unlock(ws: Workspace, handle: str, actor: str = "cli") -> int:
    """Forget every failed login of `handle` (the recovery path when someone elsewhere keeps
    guessing); audited. How many counters were cleared."""
    with ws.begin() as conn:
        cleared = repo.forget_handle(conn, handle)
        audit_service.record(
            conn, actor=actor, action="login.unlocked", subject=handle, now=_clock.now()
        )
    return cleared
