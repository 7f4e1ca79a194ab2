"""`backchannel audit verify/show` on a real encrypted workspace."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.services import audit
from backchannel.services.workspace import open_workspace

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw"}
T0 = datetime(2026, 3, 2, 9, 0, 0)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A workspace with three entries, written through the service as other commands do."""
    path = tmp_path / "d.bch"
    opened = open_workspace(path, "pw", create=True)
    audit.record(opened, "cli", "consent", "c001", {"charter_version": 1}, T0)
    audit.record(opened, "facilitator", "gate.approve", "non-paper.pdf", {"finding": 2}, T0)
    audit.record(opened, "facilitator", "export", "non-paper.pdf", {"copies": 3}, T0)
    opened.close()
    return path


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws), *args], env=ENV)
    return result.exit_code, result.output


def tamper(path: Path, statement: str) -> None:
    opened = open_workspace(path, "pw")
    with opened.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        conn.exec_driver_sql(statement)
    opened.close()


class TestVerify:
    """Exit 0 when intact; exit 1 with one line naming the first broken entry."""

    def test_intact(self, ws: Path) -> None:
        code, out = run(ws, "audit", "verify")
        assert 0 == code, out
        assert out.startswith("Audit log intact: 3 entries.")
        assert "--anchor 3:" in out

    def test_intact_json(self, ws: Path) -> None:
        code, out = run(ws, "audit", "verify", "--json")
        data = json.loads(out)
        assert (0, True, 3, None) == (code, data["intact"], data["entries"], data["finding"])
        assert 64 == len(data["head"]["hash"])

    def test_empty(self, tmp_path: Path) -> None:
        path = tmp_path / "new.bch"
        open_workspace(path, "pw", create=True).close()
        assert (0, "Audit log intact: no entries yet.\n") == run(path, "audit", "verify")

    def test_an_edited_entry(self, ws: Path) -> None:
        tamper(ws, "UPDATE audit_entry SET actor = 'observer' WHERE seq = 2")
        code, out = run(ws, "audit", "verify")
        assert 1 == code
        assert "Audit log broken: entry 2 edited: its content no longer matches its hash.\n" == out

    def test_a_removed_last_entry_json(self, ws: Path) -> None:
        tamper(ws, "DELETE FROM audit_entry WHERE seq = 3")
        code, out = run(ws, "audit", "verify", "--json")
        finding = json.loads(out)["finding"]
        assert (1, 3, "removed") == (code, finding["seq"], finding["breach"])

    def test_anchor_from_the_output_is_accepted(self, ws: Path) -> None:
        _, out = run(ws, "audit", "verify")
        anchor = out.split("--anchor ")[1].strip().rstrip(".")
        code, out = run(ws, "audit", "verify", "--anchor", anchor)
        assert 0 == code
        assert out.startswith("Audit log intact: 3 entries, agreeing with 1 anchor.")
        code, out = run(ws, "audit", "verify", "--anchor", "3:000000000000")
        assert 1 == code
        assert "entry 3 edited" in out

    def test_bad_anchor_is_bad_input(self, ws: Path) -> None:
        code, out = run(ws, "audit", "verify", "--anchor", "three")
        assert 2 == code
        assert "--anchor" in out and "SEQ:HASH" in out

    def test_wrong_passphrase(self, ws: Path) -> None:
        result = runner.invoke(
            app, ["-w", str(ws), "audit", "verify"], env={"BACKCHANNEL_PASSPHRASE": "nope"}
        )
        assert 2 == result.exit_code
        assert "wrong passphrase" in result.output
        assert "nope" not in result.output


class TestShow:
    """Entries are listed oldest first, as a table or as JSON."""

    def test_json(self, ws: Path) -> None:
        code, out = run(ws, "audit", "show", "--json")
        data = json.loads(out)
        assert 0 == code
        assert [1, 2, 3] == [e["seq"] for e in data]
        assert {"copies": 3} == data[2]["details"]
        assert data[1]["hash"] == data[2]["prev_hash"]

    def test_last_and_action(self, ws: Path) -> None:
        _, out = run(ws, "audit", "show", "--last", "1", "--json")
        assert ["export"] == [e["action"] for e in json.loads(out)]
        _, out = run(ws, "audit", "show", "--action", "consent", "--json")
        assert ["c001"] == [e["subject"] for e in json.loads(out)]

    def test_table(self, ws: Path) -> None:
        code, out = run(ws, "audit", "show")
        assert 0 == code
        assert "gate.approve" in out and "copies=3" in out and "2026-03-02T09:00:00Z" in out

    def test_nothing_yet(self, tmp_path: Path) -> None:
        path = tmp_path / "new.bch"
        open_workspace(path, "pw", create=True).close()
        assert (0, "No audit entries yet.\n") == run(path, "audit", "show")
