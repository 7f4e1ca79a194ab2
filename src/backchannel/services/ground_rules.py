"""Pillar 3's record: the versioned charter and each participant's consent to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from backchannel.domain.charter import DEFAULT_CHARTER, Charter, without_consent
from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.people import Consent
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace
from backchannel.store import ground_rules_repository as charters
from backchannel.store import repository


@dataclass(frozen=True, slots=True)
class ConsentView:
    charter: Charter
    consents: tuple[Consent, ...]
    roster: tuple[str, ...]
    missing: tuple[str, ...]


def adopt_charter(ws: Workspace, text: str | None = None, actor: str = "cli") -> Charter:
    """Adopt a new version of the charter (the default text when none is given).

    Consents given to earlier versions stay on record but no longer count as consent to the
    current charter: each participant must consent again.
    """
    with ws.begin() as conn:
        charter = charters.add_charter(conn, text or DEFAULT_CHARTER, _clock.today())
        audit_service.record(
            conn,
            actor=actor,
            action="charter.adopt",
            subject=f"charter v{charter.version}",
            details={},
            now=_clock.now(),
        )
    return charter


def current_charter(ws: Workspace) -> Charter:
    with ws.read() as conn:
        found = charters.latest_charter(conn)
    if found is None:
        raise NotFoundError("no charter yet: adopt one with 'backchannel charter adopt'")
    return found


def record_consent(
    ws: Workspace,
    candidate: str,
    how: str,
    given_on: date | None = None,
    actor: str = "cli",
) -> Consent:
    """Record that `candidate` consented to the current charter, and audit it."""
    with ws.begin() as conn:
        charter = charters.latest_charter(conn)
        if charter is None:
            raise NotFoundError("no charter yet: adopt one with 'backchannel charter adopt'")
        known = {c.id for c in repository.load_candidates(conn)}
        if candidate not in known:
            raise BadInputError(f"no candidate with id '{candidate[:64]}'", field="candidate")
        if charters.has_consent(conn, candidate, charter.version):
            raise BadInputError(
                f"{candidate} has already consented to charter v{charter.version}",
                field="candidate",
            )
        consent = Consent(
            candidate=candidate,
            charter_version=charter.version,
            given_on=given_on or _clock.today(),
            how=how,
        )
        charters.add_consent(conn, consent, _clock.now())
        audit_service.record(
            conn,
            actor=actor,
            action="consent",
            subject=candidate,
            details={"charter_version": charter.version, "how": how},
            now=_clock.now(),
        )
    return consent


def consent_view(ws: Workspace) -> ConsentView:
    charter = current_charter(ws)
    with ws.read() as conn:
        given = charters.consents(conn)
        roster = repository.roster_ids(conn)
    return ConsentView(
        charter=charter,
        consents=given,
        roster=roster,
        missing=without_consent(roster, charter.version, given),
    )
