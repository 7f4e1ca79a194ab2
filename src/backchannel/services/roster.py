"""Pillar 2 inside a dialogue's workspace: the candidate pool, the mix rules and the roster.

Every change to the roster is saved, audited (candidate ids, never names) and re-checked:
the mix rules (`check_roster`) and the method's editorial warnings. A broken rule does not
stop a facilitator's change; it is reported, and shown wherever the roster is shown, as is
every participant without consent to the current charter.

OR-Tools loads only when a command needs it (`selection` imports it); openpyxl only for .xlsx.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from backchannel.domain.charter import without_consent
from backchannel.domain.dialogue import Dialogue
from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.mix import (
    MixRules,
    RuleKind,
    Violation,
    check_roster,
    editorial_warnings,
)
from backchannel.domain.mix import rules_from_toml as parse_rules
from backchannel.domain.people import Candidate, Consent
from backchannel.readers import _tomlfile
from backchannel.readers._csvfile import read_text
from backchannel.readers._tomlfile import MAX_BYTES
from backchannel.readers.mix_rules import read_mix_rules
from backchannel.readers.pool import pool_from_upload, read_pool
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.dialogue import get_dialogue
from backchannel.services.workspace import Workspace
from backchannel.store import ground_rules_repository as charters
from backchannel.store import repository
from backchannel.store import roster_repository as rosters

MAX_AUDIT_IDS = 500  # an audit entry holds at most 16,000 characters of details
STORED_RULES = "the stored mix rules"
_NO_POOL = "no candidates yet: import them with 'backchannel candidates import FILE'"


@dataclass(frozen=True, slots=True)
class RulesInForce:
    """The dialogue's mix rules, or the defaults (size 10 to 16) when none were set."""

    rules: MixRules
    text: str | None
    set_at: datetime | None

    @property
    def defaults(self) -> bool:
        return self.text is None


@dataclass(frozen=True, slots=True)
class RosterView:
    """The roster, re-checked: broken rules, editorial warnings and missing consent."""

    dialogue: Dialogue
    participants: tuple[Candidate, ...]
    rules: RulesInForce
    violations: tuple[Violation, ...]
    warnings: tuple[str, ...]
    charter_version: int | None  # None: no charter adopted yet
    consents: dict[str, Consent]  # participant id -> consent to the current charter
    without_consent: tuple[str, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.participants)

    def consent_note(self, candidate_id: str) -> str:
        """'v2, 10 Jan 2027 (signed form)', or why there is no consent to the current charter."""
        if self.charter_version is None:
            return "no charter adopted yet"
        given = self.consents.get(candidate_id)
        if given is None:
            return f"NO consent to charter v{self.charter_version}"
        return f"v{given.charter_version}, {given.given_on.isoformat()} ({given.how})"


@dataclass(frozen=True, slots=True)
class RosterChange:
    """What one change did (`changed` is False when nothing was written) and the re-check."""

    action: str
    changed: bool
    view: RosterView
    explanation: str = ""
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# --- the candidate pool ---------------------------------------------------------------------


def import_candidates(ws: Workspace, path: Path, actor: str = "cli") -> tuple[int, int]:
    """Read and check the whole CSV or XLSX first, then add new candidates and update known
    ones (by id) in one transaction, audited with counts only: (added, updated)."""
    return _import_pool(ws, read_pool(path), actor)


def import_candidates_upload(ws: Workspace, name: str, data: bytes, actor: str) -> tuple[int, int]:
    """import_candidates on an uploaded file's bytes, read in memory (never on disk)."""
    return _import_pool(ws, pool_from_upload(name, data), actor)


def _import_pool(ws: Workspace, pool: tuple[Candidate, ...], actor: str) -> tuple[int, int]:
    with ws.begin() as conn:
        added, updated = repository.upsert_candidates(conn, pool)
        audit_service.record(
            conn,
            actor=actor,
            action="candidates.import",
            subject="candidate pool",
            details={"added": added, "updated": updated},
            now=_clock.now(),
        )
    return added, updated


def list_pool(ws: Workspace) -> tuple[tuple[Candidate, ...], frozenset[str]]:
    """Every candidate (by id) and the ids on the roster."""
    with ws.read() as conn:
        return repository.load_candidates(conn), frozenset(repository.roster_ids(conn))


# --- mix rules ------------------------------------------------------------------------------


def set_rules(ws: Workspace, path: Path, actor: str = "cli") -> tuple[MixRules, tuple[str, ...]]:
    """Check a MIX.toml against the pool, then keep its text as the dialogue's rules.

    Returns the rules and the likely slips (a rule naming a party nobody belongs to).
    """
    from backchannel.services.selection import pool_warnings

    text = read_text(path, max_bytes=MAX_BYTES)
    with ws.read() as conn:
        pool = repository.load_candidates(conn)
    if not pool:
        raise NotFoundError(_NO_POOL)
    rules = read_mix_rules(path, pool)
    if parse_text(text) != rules:  # the file changed between the two reads
        raise BadInputError("changed while it was read; try again", file=path.name)
    with ws.begin() as conn:
        rosters.save_mix_rules(conn, text, _clock.now())
        audit_service.record(
            conn,
            actor=actor,
            action="rules.set",
            subject="mix rules",
            details={"rules": len(rules.rules)},
            now=_clock.now(),
        )
    return rules, pool_warnings(pool, rules)


def parse_text(text: str) -> MixRules:
    """Mix rules from stored MIX.toml text (checked when it was set)."""
    try:
        return parse_rules(_tomlfile.parse(text, STORED_RULES))
    except tomllib.TOMLDecodeError as error:
        raise BadInputError(f"not valid TOML: {error}", file=STORED_RULES) from None
    except BadInputError as error:
        raise error.located(file=STORED_RULES) from None


def current_rules(ws: Workspace) -> RulesInForce:
    with ws.read() as conn:
        stored = rosters.load_mix_rules(conn)
    if stored is None:
        return RulesInForce(parse_rules({}), None, None)
    return RulesInForce(parse_text(stored.text), stored.text, stored.set_at)


# --- the roster -----------------------------------------------------------------------------


def roster_view(ws: Workspace) -> RosterView:
    """The roster with every rule, editorial warning and consent checked."""
    dialogue = get_dialogue(ws)
    rules = current_rules(ws)
    with ws.read() as conn:
        pool = {c.id: c for c in repository.load_candidates(conn)}
        ids = repository.roster_ids(conn)
        charter = charters.latest_charter(conn)
        given = charters.consents(conn)
    participants = tuple(pool[i] for i in ids)
    version = charter.version if charter else None
    current = {c.candidate: c for c in given if c.charter_version == version}
    return RosterView(
        dialogue=dialogue,
        participants=participants,
        rules=rules,
        violations=check_roster(participants, rules.rules),
        warnings=editorial_warnings(participants, rules.rules, dialogue.interlocutors),
        charter_version=version,
        consents={i: current[i] for i in ids if i in current},
        without_consent=ids if version is None else without_consent(ids, version, given),
    )


def select_roster(
    ws: Workspace, *, time_limit: float | None = None, actor: str = "cli"
) -> RosterChange:
    """Run the optimizer on the dialogue's pool and rules and store the roster it chooses.

    When no roster meets every rule the stored roster is left as it was, and the change
    carries the conflicting rules and the plain-words explanation (`changed` is False).
    """
    from backchannel.domain.mix import DEFAULT_TIME_LIMIT
    from backchannel.services.selection import select

    rules = current_rules(ws)
    with ws.read() as conn:
        pool = repository.load_candidates(conn)
    if not pool:
        raise NotFoundError(_NO_POOL)
    result = select(pool, rules.rules, time_limit=time_limit or DEFAULT_TIME_LIMIT)
    if result.status != "ok":
        return RosterChange(
            action="roster.select",
            changed=False,
            view=roster_view(ws),
            explanation=result.explanation,
            conflicts=result.conflicts,
            notes=result.warnings,
        )
    ids = [c.id for c in result.roster]
    with ws.begin() as conn:
        repository.set_roster(conn, ids)
        audit_service.record(
            conn,
            actor=actor,
            action="roster.select",
            subject="roster",
            details={
                "roster": ids[:MAX_AUDIT_IDS],
                "size": len(ids),
                "priority": result.priority,
                "optimal": result.optimal,
                "rules": "defaults" if rules.defaults else "mix rules",
            },
            now=_clock.now(),
        )
    view = roster_view(ws)
    pool_notes = tuple(w for w in result.warnings if w not in view.warnings)
    return RosterChange("roster.select", True, view, result.explanation, notes=pool_notes)


def add_participant(ws: Workspace, candidate_id: str, actor: str = "cli") -> RosterChange:
    """Put one candidate on the roster (saved even when a rule then breaks: it is reported)."""
    return _change(ws, candidate_id, adding=True, actor=actor)


def remove_participant(ws: Workspace, candidate_id: str, actor: str = "cli") -> RosterChange:
    """Take one participant off the roster (saved even when a rule then breaks)."""
    return _change(ws, candidate_id, adding=False, actor=actor)


def _change(ws: Workspace, candidate_id: str, *, adding: bool, actor: str) -> RosterChange:
    action = "roster.add" if adding else "roster.remove"
    shown = candidate_id[:64]
    with ws.begin() as conn:
        known = {c.id for c in repository.load_candidates(conn)}
        if candidate_id not in known:
            raise BadInputError(f"no candidate with id '{shown}'", field="candidate")
        if adding:
            changed = rosters.add_participant(conn, candidate_id)
        else:
            changed = rosters.remove_participant(conn, candidate_id)
        if changed:
            audit_service.record(
                conn, actor=actor, action=action, subject=candidate_id, now=_clock.now()
            )
    if changed:
        note = f"{shown} {'added to' if adding else 'removed from'} the roster"
    else:
        note = f"{shown} is {'already' if adding else 'not'} on the roster: nothing changed"
    return RosterChange(action, changed, roster_view(ws), note)


# --- the channels to Track I, for `roster show` and the roster report ----------------------


@dataclass(frozen=True, slots=True)
class Reach:
    """An interlocutor (or another channel) and the participants with a channel to it."""

    channel: str
    party: str | None
    through: tuple[str, ...]
    required: bool
    interlocutor: bool  # one of the dialogue's interlocutors


def reach_of(view: RosterView) -> tuple[Reach, ...]:
    """Each interlocutor and who reaches it; then required channels that are no
    interlocutor of the dialogue, and the other channels participants hold."""
    required = {r.subject for r in view.rules.rules.of(RuleKind.CHANNEL_REQUIRED)}
    out = []
    seen: set[str] = set()
    for i in view.dialogue.interlocutors:
        names = {i.name, i.code}
        through = tuple(c.id for c in view.participants if names & set(c.channels))
        out.append(Reach(i.name, i.party, through, bool(names & required), True))
        seen |= names
    held = {ch for c in view.participants for ch in c.channels}
    for channel in sorted((required | held) - seen):
        through = tuple(c.id for c in view.participants if channel in c.channels)
        out.append(Reach(channel, None, through, channel in required, False))
    return tuple(out)
