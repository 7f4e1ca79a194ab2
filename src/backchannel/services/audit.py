"""The audit log (DESIGN.md invariant 6): record who did what, and check nothing was changed.

Other use cases call `record` with their own connection, inside their own transaction,
so the entry commits with the change it describes or not at all:

    with ws.begin() as conn:
        repository.add_something(conn, ...)
        audit.record(conn, actor="facilitator", action=Action.EXPORT, subject="non-paper.pdf")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Connection

from backchannel.domain.audit import (
    Anchor,
    AuditDraft,
    AuditEntry,
    AuditReport,
    ChainHead,
    audit_draft,
    chain,
    verify_chain,
)
from backchannel.domain.errors import WorkspaceError
from backchannel.services import _clock
from backchannel.services.workspace import Workspace
from backchannel.store import audit_repository

_TAMPERED = "the audit log was changed outside backchannel: run 'backchannel audit verify'"


def record(
    target: Workspace | Connection,
    actor: str,
    action: str,
    subject: str = "",
    details: Mapping[str, object] | None = None,
    now: datetime | None = None,
) -> AuditEntry:
    """Append one entry: `actor` did `action` to `subject`, with `details`.

    `actor` is a role or account handle ("facilitator", "cli"), never a person's name;
    `subject` names a thing (a document file name, a candidate id); `details` is a small
    JSON object without secrets. Given a Workspace, the entry gets its own transaction;
    given a Connection, it joins the caller's. Raises ValueError for a malformed entry
    (before anything is written) and WorkspaceError when the log was tampered with.
    """
    draft = audit_draft(now or _clock.now(), actor, action, subject, details)
    if isinstance(target, Workspace):
        with target.begin() as conn:
            return _append(conn, draft)
    return _append(target, draft)


def _append(conn: Connection, draft: AuditDraft) -> AuditEntry:
    head = audit_repository.claim_next(conn)
    if head is None:
        raise WorkspaceError(f"{_TAMPERED} (its chain head is missing)")
    if audit_repository.last_seq(conn) > head.count:
        raise WorkspaceError(f"{_TAMPERED} (it holds entries its chain head does not know)")
    entry = chain(draft, head)
    audit_repository.append(conn, entry)
    return entry


def _snapshot(ws: Workspace) -> tuple[ChainHead | None, tuple[AuditEntry, ...]]:
    """The head and the entries as one consistent picture: read the head before and after
    the entries, and read again if a writer moved it in between."""
    with ws.read() as conn:
        for _ in range(5):
            before = audit_repository.load_head(conn)
            found = audit_repository.load_entries(conn)
            if audit_repository.load_head(conn) == before:
                return before, found
    raise WorkspaceError("the audit log kept changing while it was read; try again")


def verify(ws: Workspace, anchors: Sequence[Anchor] = ()) -> AuditReport:
    """Recompute every hash and link, compare the end with the chain head and `anchors`."""
    head, found = _snapshot(ws)
    return verify_chain(found, head, anchors)


def entries(
    ws: Workspace, *, last: int | None = None, action: str | None = None
) -> tuple[AuditEntry, ...]:
    """The entries in chain order (only the `last` N, or one action, when asked)."""
    with ws.read() as conn:
        return audit_repository.load_entries(conn, last=last, action=action)
