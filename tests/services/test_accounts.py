"""Accounts: argon2 passwords, audited changes and logins, sessions that end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backchannel.domain.accounts import Role
from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.readers.candidates import read_candidates
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import accounts
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import Workspace, open_workspace

PASSWORD = "a long enough password"


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Iterator[Workspace]:
    found = open_workspace(tmp_path / "d.bch", "pw", create=True)
    dialogue_service.init_dialogue(found, read_dialogue(demo_dir / "dialogue.toml"))
    dialogue_service.save_candidates(found, read_candidates(demo_dir / "candidates.csv"))
    yield found
    found.close()


class TestAddAccount:
    """An account keeps an argon2id hash, never the password; adding it is audited."""

    def test_hash(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD, actor="cli")
        with ws.read() as conn:
            stored = conn.exec_driver_sql("SELECT password_hash FROM account").scalar_one()
        assert (True, False) == (stored.startswith("$argon2id$"), PASSWORD in stored)

    def test_audited(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD, actor="cli")
        last = audit_service.entries(ws, last=1)[0]
        assert ("cli", "account.add", "lead", '{"role":"facilitator"}') == (
            last.actor,
            last.action,
            last.subject,
            last.details,
        )

    def test_twice(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        with pytest.raises(BadInputError):
            accounts.add_account(ws, "lead", Role.OBSERVER, PASSWORD)

    def test_unknown_candidate(self, ws: Workspace) -> None:
        with pytest.raises(BadInputError) as caught:
            accounts.add_account(ws, "p1", Role.PARTICIPANT, PASSWORD, candidate="c999")
        assert "candidate" == caught.value.field

    def test_unknown_interlocutor(self, ws: Workspace) -> None:
        with pytest.raises(BadInputError) as caught:
            accounts.add_account(ws, "i1", Role.INTERLOCUTOR, PASSWORD, interlocutor="nobody")
        assert "interlocutor" == caught.value.field

    @pytest.mark.parametrize(
        "handle", ["nadia.haddad", "umm-nabil", "tariq_al-mansouri", "n.haddad", "haddad-2"]
    )
    def test_a_handle_that_names_a_person(self, ws: Workspace, handle: str) -> None:
        with pytest.raises(BadInputError) as caught:
            accounts.add_account(ws, handle, Role.OBSERVER, PASSWORD)
        assert ("handle", False) == (caught.value.field, "Haddad" in str(caught.value))

    @pytest.mark.parametrize("handle", ["rapporteur-2", "participant-07", "observer.b"])
    def test_a_handle_that_names_a_role(self, ws: Workspace, handle: str) -> None:
        accounts.add_account(ws, handle, Role.OBSERVER, PASSWORD)


class TestLogin:
    """The right password lets an active account in; every attempt is audited."""

    def test_right_and_wrong(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        found = accounts.authenticate(ws, "lead", PASSWORD)
        with pytest.raises(accounts.LoginError):
            accounts.authenticate(ws, "lead", "not the password")
        with pytest.raises(accounts.LoginError):
            accounts.authenticate(ws, "Somebody Unknown", PASSWORD)
        actions = [(e.actor, e.action) for e in audit_service.entries(ws, last=3)]
        assert (
            "lead",
            [("lead", "login"), ("lead", "login.failed"), ("unknown", "login.failed")],
        ) == (
            found.handle,
            actions,
        )


class TestSessions:
    """A session lives until it expires, is closed, or its account changes."""

    def test_open_and_close(self, ws: Workspace) -> None:
        account = accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        opened = accounts.open_session(ws, account)
        live = accounts.session_of(ws, opened.token)
        accounts.close_session(ws, opened.token)
        assert (account, None) == (
            live.account if live else None,
            accounts.session_of(ws, opened.token),
        )

    def test_expired(self, ws: Workspace) -> None:
        account = accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        opened = accounts.open_session(ws, account, hours=0)
        assert accounts.session_of(ws, opened.token) is None

    def test_password_change_ends_sessions(self, ws: Workspace) -> None:
        account = accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        opened = accounts.open_session(ws, account)
        accounts.set_password(ws, "lead", "another long password")
        assert accounts.session_of(ws, opened.token) is None
        assert "lead" == accounts.authenticate(ws, "lead", "another long password").handle


class TestRoles:
    """A role change is audited, and never leaves the dialogue without a facilitator."""

    def test_change(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        accounts.add_account(ws, "helper", Role.OBSERVER, PASSWORD)
        changed = accounts.change_role(
            ws, "helper", Role.PARTICIPANT, candidate="c002", actor="lead"
        )
        last = audit_service.entries(ws, last=1)[0]
        assert ("c002", "lead", "role.change") == (changed.candidate, last.actor, last.action)
        assert "c002" not in last.details

    def test_last_facilitator(self, ws: Workspace) -> None:
        accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
        with pytest.raises(BadInputError):
            accounts.change_role(ws, "lead", Role.OBSERVER)
        with pytest.raises(BadInputError):
            accounts.set_active(ws, "lead", False)

    def test_unknown(self, ws: Workspace) -> None:
        with pytest.raises(NotFoundError):
            accounts.change_role(ws, "ghost", Role.OBSERVER)


class TestDemoAccounts:
    """The demo gets one account per role and one participant per party with consent."""

    def test_demo(self, tmp_path: Path, demo_dir: Path) -> None:
        from backchannel.services.demo import build_demo

        result = build_demo(tmp_path / "demo", "pw")
        ws = open_workspace(result.workspace, "pw")
        logins = accounts.add_demo_accounts(ws)
        roles = {login.role for login in logins}
        participants = [a for a in accounts.list_accounts(ws) if a.role is Role.PARTICIPANT]
        ws.close()
        assert (set(Role), 4) == (roles, len(participants))
        assert len({login.password for login in logins}) == len(logins)
