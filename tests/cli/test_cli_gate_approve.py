"""`backchannel gate approve`: approvals need a well-formed id and a reason."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw"}


class TestApprove:
    """An approval is recorded once and audited; a malformed id is bad input."""

    def test_approve_then_again(self, tmp_path: Path) -> None:
        ws = str(tmp_path / "d.bch")
        assert 0 == runner.invoke(app, ["-w", ws, "init", "--title", "T"], env=ENV).exit_code
        args = ["-w", ws, "gate", "approve", "0123456789ab", "--document", "brief.pdf"]
        first = runner.invoke(app, [*args, "--reason", "public figure"], env=ENV)
        assert 0 == first.exit_code, first.output
        assert "recorded in the audit trail" in first.output
        again = runner.invoke(app, [*args, "--reason", "public figure"], env=ENV)
        assert "already approved" in again.output
        shown = runner.invoke(app, ["-w", ws, "audit", "show", "--json"], env=ENV)
        assert "gate.approve" in shown.output

    def test_bad_id(self, tmp_path: Path) -> None:
        ws = str(tmp_path / "d.bch")
        runner.invoke(app, ["-w", ws, "init", "--title", "T"], env=ENV)
        result = runner.invoke(
            app,
            ["-w", ws, "gate", "approve", "nope", "--document", "x.pdf", "--reason", "r"],
            env=ENV,
        )
        assert 2 == result.exit_code
        assert "finding" in result.output
