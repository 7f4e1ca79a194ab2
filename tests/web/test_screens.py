"""The facilitator's screens: what each shows, and what each form changes."""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.domain.steps import StepStatus
from backchannel.services import accounts, meetings, outputs
from backchannel.services import audit as audit_service
from backchannel.services import roster as roster_service
from backchannel.services import scope as scope_service
from backchannel.services.ripeness import ripeness_view
from backchannel.services.workspace import Workspace


def _post(client: Any, kit: Any, path: str, data: dict[str, Any], **kw: Any) -> Any:
    return client.post(path, data={**data, "csrf": kit.session_csrf(client)}, **kw)


def _statement(client: Any, kit: Any, text: str) -> Any:
    """Capture a framing statement as the console does (over HTMX)."""
    data = {"kind": "statement", "text": text}
    return _post(client, kit, "/meeting/capture/framing", data, headers={"HX-Request": "true"})


class TestDashboard:
    """Every pillar has a card with its state."""

    def test_cards(self, as_role: Any) -> None:
        html = as_role("facilitator").get("/").text
        titles = ["Tight scope", "Ripeness", "Roster, mix and consent", "Rounds",
                  "Evidence brief", "Steps due", "Documents"]  # fmt: skip
        assert [] == [t for t in titles if t not in html]
        assert "Reading: ripening" in html
        assert "1 without consent to charter v1" in html

    def test_other_roles_go_home(self, as_role: Any) -> None:
        response = as_role("rapporteur").get("/", follow_redirects=False)
        assert "/meeting" == response.headers["location"]


class TestScope:
    """The scope form saves; the linter speaks as you type."""

    def test_save(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        response = _post(
            client,
            kit,
            "/scope",
            {"problem": "Build a comprehensive and lasting peace in the region.",
             "places": "", "horizon_days": "90", "parties": ["A", "B"]},
        )  # fmt: skip
        saved = scope_service.get_scope(web_ws)
        assert saved is not None
        assert ("Scope saved." in response.text, ("A", "B")) == (True, saved.parties)
        assert "broad" in response.text

    def test_live_lint_is_a_fragment(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        response = _post(
            client,
            kit,
            "/scope/check",
            {"problem": "Build a comprehensive and lasting peace in the region."},
            headers={"HX-Request": "true"},
        )
        assert ("<html" in response.text, "broad" in response.text) == (False, True)

    def test_a_bad_horizon_is_named(self, as_role: Any, kit: Any) -> None:
        response = _post(
            as_role("facilitator"), kit, "/scope", {"problem": "x y z", "horizon_days": "soon"}
        )
        assert (400, "horizon_days" in response.text) == (response.status_code, True)

    def test_record_an_assessment(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        data = {"party": "B", "assessed_on": "2026-12-10"}
        for element in ("hurting", "stalemate", "precipice", "way_out", "spokespersons"):
            data |= {f"{element}.score": "3", f"{element}.evidence": "seen"}
            data[f"{element}.confidence"] = "high"
        response = _post(as_role("facilitator"), kit, "/ripeness", data, follow_redirects=False)
        latest = {a.party: a for a in ripeness_view(web_ws).assessments}
        assert (303, 3) == (response.status_code, latest["B"].scores[3].score)

    def test_the_indicators_chart(self, as_role: Any) -> None:
        response = as_role("facilitator").get("/ripeness/indicators.png")
        assert (200, b"\x89PNG") == (response.status_code, response.content[:4])


class TestRoster:
    """The optimizer, its explanations, and each change re-checked and audited."""

    def test_select(self, as_role: Any, kit: Any) -> None:
        html = _post(as_role("facilitator"), kit, "/roster/select", {}).text
        assert "Chose 16 of 36 available candidates" in html

    def test_rules_that_cannot_hold_are_explained(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        rules = "[size]\nmin = 12\nmax = 16\n\n[party.A]\nmin = 12\n"
        saved = _post(client, kit, "/roster/rules", {"rules": rules}, follow_redirects=False)
        html = _post(client, kit, "/roster/select", {}).text
        assert (303, "Rules that cannot all hold" in html) == (saved.status_code, True)

    def test_bad_rules_name_the_field(self, as_role: Any, kit: Any) -> None:
        response = _post(as_role("facilitator"), kit, "/roster/rules", {"rules": "[size\n"})
        assert (400, "mix-rules.toml" in response.text) == (response.status_code, True)

    def test_remove_and_consent(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/roster/remove", {"candidate": "c001"})
        _post(client, kit, "/roster/consent", {"candidate": "c036", "how": "email"})
        view = roster_service.roster_view(web_ws)
        last = audit_service.entries(web_ws, last=2)
        assert ("c001" in view.ids, (), ["facilitator", "facilitator"]) == (
            False,
            view.without_consent,
            [e.actor for e in last],
        )


class TestMeetingConsole:
    """The console moves the meeting on and captures points, through the gate."""

    def test_start_and_capture(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        facilitator, rapporteur = as_role("facilitator"), as_role("rapporteur")
        _post(facilitator, kit, "/meeting/round", {"action": "start"})
        response = _post(
            rapporteur,
            kit,
            "/meeting/capture/framing",
            {"kind": "statement", "text": "Convoys wait because nobody knows the rules."},
            headers={"HX-Request": "true"},
        )
        view = meetings.meeting_view(web_ws)
        assert (2, "framing", 200) == (
            view.meeting.number,
            view.progress.current,
            response.status_code,
        )
        assert ("Statement captured." in response.text, "<html" in response.text) == (True, False)

    def test_a_point_that_names_a_participant_is_refused(
        self, as_role: Any, kit: Any, web_ws: Workspace
    ) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/meeting/round", {"action": "start"})
        response = _post(
            client,
            kit,
            "/meeting/capture/framing",
            {"kind": "statement", "text": "Tariq al-Mansouri says the crossing must close."},
            headers={"HX-Request": "true"},
        )
        assert (400, "Mansouri" in response.text, 0) == (
            response.status_code,
            False,
            len(meetings.meeting_view(web_ws).capture.framings),
        )

    @pytest.mark.parametrize(
        "text, word",
        [
            ("قال طارق المنصوري إن المعبر يجب أن يغلق.", "المنصوري"),
            ("Тарик аль-Мансури считает, что переход надо закрыть.", "Мансури"),
        ],
    )
    def test_a_point_in_arabic_or_cyrillic_that_names_a_participant_is_refused(
        self, as_role: Any, kit: Any, web_ws: Workspace, text: str, word: str
    ) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/meeting/round", {"action": "start"})
        response = _statement(client, kit, text)
        assert (400, word in response.text, 0) == (
            response.status_code,
            False,
            len(meetings.meeting_view(web_ws).capture.framings),
        )

    def test_an_arabic_point_keeps_its_own_direction(self, as_role: Any, kit: Any) -> None:
        """The capture fields take the direction of what is typed, and a point in Arabic is
        shown bidi-isolated in the English page (its full stop stays at its end)."""
        client = as_role("rapporteur")
        _post(as_role("facilitator"), kit, "/meeting/round", {"action": "start"})
        point = "تنتظر القوافل عند الجسر لأن أحدا لا يعرف القواعد."
        assert 200 == _statement(client, kit, point).status_code
        html = client.get("/meeting").text
        assert f"<bdi>{point}</bdi>" in html
        assert '<textarea id="f-text" name="text" required dir="auto">' in html

    def test_going_back_needs_a_reason(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/meeting/round", {"action": "start"})
        _post(client, kit, "/meeting/round", {"action": "next"})
        response = _post(client, kit, "/meeting/round", {"action": "back", "reason": ""})
        assert (400, "reason" in response.text) == (response.status_code, True)

    def test_the_timer_counts_the_open_round(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/meeting/round", {"action": "start"})
        html = client.get("/meeting", headers={"HX-Request": "true"}).text
        assert ('data-seconds-left="7200"' in html, 'data-running="true"' in html) == (True, True)

    def test_the_projector_shows_options_without_authors(self, as_role: Any) -> None:
        html = as_role("facilitator").get("/meeting/projector").text
        assert ("Cholera trigger on figures verified" in html, "c0" in html) == (True, False)


class TestFollowUp:
    """A step moves on from the board, audited."""

    def test_move_a_step(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        response = _post(
            client, kit, "/followup/s1/status", {"status": "under_way"}, follow_redirects=False
        )
        board = outputs.follow_up(web_ws).board
        moved = [line.step.id for line in board.with_status(StepStatus.UNDER_WAY)]
        assert (303, ["s1"], "facilitator") == (
            response.status_code,
            moved,
            audit_service.entries(web_ws, last=1)[0].actor,
        )


class TestAccounts:
    """Accounts are added and changed from the browser; each change is audited."""

    def test_add_and_change_role(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        _post(client, kit, "/accounts",
              {"handle": "participant-07", "role": "participant", "password": "p" * 14,
               "candidate": "c002"})  # fmt: skip
        _post(client, kit, "/accounts/participant-07/role", {"role": "observer"})
        found = accounts.get_account(web_ws, "participant-07")
        last = audit_service.entries(web_ws, last=1)[0]
        assert ("observer", None) == (found.role.value, found.candidate)
        assert ("facilitator", "role.change", '{"from":"participant","to":"observer"}') == (
            last.actor,
            last.action,
            last.details,
        )

    def test_a_handle_that_names_someone_is_refused(self, as_role: Any, kit: Any) -> None:
        response = _post(
            as_role("facilitator"),
            kit,
            "/accounts",
            {"handle": "nadia.haddad", "role": "observer", "password": "p" * 14},
        )
        assert (400, "must not name a person" in response.text) == (response.status_code, True)

    def test_the_last_facilitator_stays(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        response = _post(client, kit, "/accounts/facilitator/role", {"role": "observer"})
        assert (400, "facilitator") == (
            response.status_code,
            accounts.get_account(web_ws, "facilitator").role.value,
        )


class TestAuditPage:
    """The audit page says when the trail was edited outside backchannel."""

    def test_intact(self, as_role: Any) -> None:
        assert "The chain is intact" in as_role("facilitator").get("/audit").text

    def test_an_edited_entry_shows(self, as_role: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        with web_ws.begin() as conn:  # someone with the file and its passphrase, by hand
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
            conn.exec_driver_sql("UPDATE audit_entry SET actor = 'someone' WHERE seq = 2")
        html = client.get("/audit").text
        assert ("changed outside backchannel" in html, "entry 2 edited" in html) == (True, True)
