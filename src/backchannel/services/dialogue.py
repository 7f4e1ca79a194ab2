"""Creating a dialogue and seeing where it stands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from backchannel.domain.dialogue import Dialogue
from backchannel.domain.errors import WorkspaceError
from backchannel.domain.people import Candidate
from backchannel.domain.scope import Scope
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace
from backchannel.store import repository, tables


@dataclass(frozen=True, slots=True)
class DialogueSummary:
    dialogue: Dialogue
    candidates: int
    participants: int
    scope: Scope | None
    assessments: int
    events: int


def init_dialogue(ws: Workspace, dialogue: Dialogue) -> None:
    with ws.begin() as conn:
        if repository.load_dialogue(conn) is not None:
            raise WorkspaceError(f"{ws.location} already holds a dialogue")
        repository.save_dialogue(conn, dialogue, _clock.now())


def update_dialogue(ws: Workspace, dialogue: Dialogue) -> None:
    with ws.begin() as conn:
        repository.save_dialogue(conn, dialogue, _clock.now())


def set_languages(
    ws: Workspace, languages: Sequence[str], bilingual: bool, actor: str = "cli"
) -> Dialogue:
    """Record the working languages (the first is the one documents are filed under) and
    whether the non-paper also goes out as one two-column text in the first two; audited."""
    with ws.begin() as conn:
        found = repository.load_dialogue(conn)
        if found is None:
            raise WorkspaceError(f"{ws.location} holds no dialogue yet: run 'backchannel init'")
        changed = replace(found, languages=tuple(languages), bilingual=bilingual)
        repository.save_dialogue(conn, changed, _clock.now())
        audit_service.record(
            conn,
            actor=actor,
            action="dialogue.languages",
            subject=",".join(changed.languages) or "-",
            details={"bilingual": bilingual},
            now=_clock.now(),
        )
    return changed


def get_dialogue(ws: Workspace) -> Dialogue:
    with ws.read() as conn:
        found = repository.load_dialogue(conn)
    if found is None:
        raise WorkspaceError(f"{ws.location} holds no dialogue yet: run 'backchannel init'")
    return found


def summarise(ws: Workspace) -> DialogueSummary:
    dialogue = get_dialogue(ws)
    with ws.read() as conn:
        return DialogueSummary(
            dialogue=dialogue,
            candidates=repository.count(conn, tables.candidate),
            participants=repository.count(conn, tables.participant),
            scope=repository.load_scope(conn),
            assessments=repository.count(conn, tables.ripeness_assessment),
            events=repository.count(conn, tables.event),
        )


def save_candidates(ws: Workspace, candidates: Sequence[Candidate]) -> tuple[int, int]:
    """Add new candidates and update known ones in one transaction: (added, updated)."""
    with ws.begin() as conn:
        return repository.upsert_candidates(conn, candidates)


def list_candidates(ws: Workspace) -> tuple[Candidate, ...]:
    with ws.read() as conn:
        return repository.load_candidates(conn)
