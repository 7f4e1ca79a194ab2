"""Pillar 1: one solvable problem, a place, the parties, and next steps within 90 days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.scope import Scope
from backchannel.domain.scope_lint import ScopeFinding, lint_scope
from backchannel.services import _clock
from backchannel.services.workspace import Workspace
from backchannel.store import repository


def check_scope(text: str, horizon_days: int | None = None) -> tuple[ScopeFinding, ...]:
    """Lint a mandate as written, without a workspace."""
    if horizon_days is not None and horizon_days <= 0:
        raise BadInputError(
            f"{horizon_days} is not a horizon: give a number of days above zero",
            field="horizon-days",
        )
    return lint_scope(text, horizon_days, today=_clock.today())


def lint_record(scope: Scope) -> tuple[ScopeFinding, ...]:
    """Lint a stored scope: its places and horizon fields count as stated."""
    findings = lint_scope(scope.problem, scope.horizon_days, today=_clock.today())
    if scope.places:
        findings = tuple(f for f in findings if f.kind != "no_place")
    return findings


def set_scope(ws: Workspace, scope: Scope) -> tuple[ScopeFinding, ...]:
    """Save the scope (replacing the previous one) and return what the linter says of it."""
    with ws.begin() as conn:
        repository.save_scope(conn, scope, _clock.now())
    return lint_record(scope)


def update_scope(ws: Workspace, **changes: object) -> tuple[Scope, tuple[ScopeFinding, ...]]:
    with ws.read() as conn:
        current = repository.load_scope(conn)
    if current is None:
        if "problem" not in changes:
            raise NotFoundError("no scope yet: give the problem statement with --problem")
        current = Scope(problem=str(changes["problem"]))
    scope = replace(current, **changes)  # type: ignore[arg-type]
    return scope, set_scope(ws, scope)


def get_scope(ws: Workspace) -> Scope | None:
    with ws.read() as conn:
        return repository.load_scope(conn)


def horizon_end(ws: Workspace) -> date | None:
    """The last day of the horizon, counted from the first meeting."""
    with ws.read() as conn:
        scope = repository.load_scope(conn)
        dialogue = repository.load_dialogue(conn)
    if scope is None or dialogue is None or dialogue.first_meeting is None:
        return None
    return scope.horizon_ends(dialogue.first_meeting.starts)
