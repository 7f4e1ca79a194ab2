"""`--db postgresql://...`: the same commands on a real PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
pytestmark = pytest.mark.postgres


class TestServerMode:
    """A dialogue can be set up and read on PostgreSQL from the command line alone."""

    def test_init_scope_and_show(self, pg_store_url: str, demo_dir: Path) -> None:
        db = ["--db", pg_store_url]
        result = runner.invoke(app, [*db, "init", "--from", str(demo_dir / "dialogue.toml")])
        assert 0 == result.exit_code, result.output
        result = runner.invoke(app, [*db, "scope", "set", "--from", str(demo_dir / "scope.toml")])
        assert 0 == result.exit_code, result.output
        shown = runner.invoke(app, [*db, "dialogue", "show", "--json"])
        assert 0 == shown.exit_code, shown.output
        data = json.loads(shown.stdout)
        assert "Humanitarian access triggers in the Sarn corridor" == data["title"]
        assert data["scope"].startswith("Agree humanitarian access triggers")

    def test_unreachable_server_is_one_line(self) -> None:
        result = runner.invoke(
            app, ["--db", "postgresql://u:hunter2secret@127.0.0.1:1/x", "dialogue", "show"]
        )
        assert 2 == result.exit_code
        assert "hunter2secret" not in result.output
        assert "Traceback" not in result.output
