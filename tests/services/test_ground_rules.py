"""The charter is versioned; consent counts only for the version it was given to."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.people import Candidate, Category
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ground_rules
from backchannel.services.workspace import Workspace
from backchannel.store import repository


@pytest.fixture
def ws(any_store: Workspace) -> Workspace:
    ws = any_store
    dialogue_service.save_candidates(
        ws,
        [
            Candidate(id=f"c{i}", name=f"Person {i}", party="A", category=Category.TECHNICAL_EXPERT)
            for i in range(1, 4)
        ],
    )
    with ws.begin() as conn:
        repository.set_roster(conn, ["c1", "c2"])
    return ws


class TestCharter:
    """Adopting a charter makes a new version; the default text carries the ground rules."""

    def test_default_text(self, ws: Workspace) -> None:
        charter = ground_rules.adopt_charter(ws)
        assert 1 == charter.version
        assert "Chatham House Rule" in charter.text
        assert "Non-attribution" in charter.text
        assert "hypotheses" in charter.text

    def test_no_charter_yet(self, ws: Workspace) -> None:
        with pytest.raises(NotFoundError, match="charter adopt"):
            ground_rules.current_charter(ws)

    def test_versions_increase(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        assert 2 == ground_rules.adopt_charter(ws, "Revised rules.").version
        assert "Revised rules." == ground_rules.current_charter(ws).text


class TestConsent:
    """Participants without consent to the current charter are flagged."""

    def test_missing_then_given(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        assert ("c1", "c2") == ground_rules.consent_view(ws).missing
        ground_rules.record_consent(ws, "c1", "signed form", date(2027, 1, 10))
        assert ("c2",) == ground_rules.consent_view(ws).missing

    def test_new_version_needs_new_consent(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        ground_rules.record_consent(ws, "c1", "email")
        ground_rules.record_consent(ws, "c2", "email")
        assert () == ground_rules.consent_view(ws).missing
        ground_rules.adopt_charter(ws, "Version two.")
        assert ("c1", "c2") == ground_rules.consent_view(ws).missing

    def test_unknown_candidate(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        with pytest.raises(BadInputError, match="no candidate"):
            ground_rules.record_consent(ws, "c99", "email")

    def test_twice_is_refused(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        ground_rules.record_consent(ws, "c1", "email")
        with pytest.raises(BadInputError, match="already consented"):
            ground_rules.record_consent(ws, "c1", "email")

    def test_consent_is_audited(self, ws: Workspace) -> None:
        ground_rules.adopt_charter(ws)
        ground_rules.record_consent(ws, "c1", "in person")
        actions = [(e.action, e.subject) for e in audit_service.entries(ws)]
        assert ("consent", "c1") in actions
        assert audit_service.verify(ws).intact
