"""`backchannel scope check/set/show`: the contract of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
TIGHT = (
    "Agree humanitarian access triggers for the Sarn corridor that both sides can verify "
    "within 90 days."
)
BROAD = "Build a comprehensive and lasting peace in the region."


def check(*args: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["scope", "check", *args, "--json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}


class TestScopeCheck:
    """Stateless: JSON with ok and findings; exit 1 when a finding blocks; 2 on bad input."""

    def test_tight(self) -> None:
        code, data = check("--text", TIGHT)
        assert 0 == code
        assert data["ok"] is True
        assert [] == [f for f in data["findings"] if f["severity"] == "block"]  # type: ignore[union-attr]

    def test_broad_blocks(self) -> None:
        code, data = check("--text", BROAD)
        assert 1 == code
        assert data["ok"] is False
        kinds = {f["kind"] for f in data["findings"]}  # type: ignore[union-attr]
        assert "broad" in kinds
        for f in data["findings"]:  # type: ignore[union-attr]
            assert set(f) == {"kind", "severity", "message"}
            assert f["severity"] in {"block", "warn"}

    def test_horizon_over_90_blocks(self) -> None:
        code, data = check("--text", TIGHT.replace(" within 90 days", ""), "--horizon-days", "180")
        assert 1 == code
        assert "horizon" in {f["kind"] for f in data["findings"]}  # type: ignore[union-attr]

    def test_negative_horizon_is_bad_input(self) -> None:
        result = runner.invoke(app, ["scope", "check", "--text", TIGHT, "--horizon-days", "-5"])
        assert 2 == result.exit_code
        assert "horizon" in result.output
        assert "Traceback" not in result.output


class TestScopeSet:
    """The scope record is stored in the workspace and linted with its own fields."""

    def test_set_from_file_and_show(self, tmp_path: Path, demo_dir: Path) -> None:
        ws = tmp_path / "d.bch"
        env = {"BACKCHANNEL_PASSPHRASE": "pw"}
        assert 0 == runner.invoke(app, ["-w", str(ws), "init", "--title", "T"], env=env).exit_code
        result = runner.invoke(
            app, ["-w", str(ws), "scope", "set", "--from", str(demo_dir / "scope.toml")], env=env
        )
        assert 0 == result.exit_code, result.output
        shown = runner.invoke(app, ["-w", str(ws), "scope", "show", "--json"], env=env)
        data = json.loads(shown.stdout)
        assert "Sarn corridor" in data["places"]
        assert 90 == data["horizon_days"]

    def test_negative_horizon_in_file_names_file_and_field(self, tmp_path: Path) -> None:
        ws = tmp_path / "d.bch"
        env = {"BACKCHANNEL_PASSPHRASE": "pw"}
        runner.invoke(app, ["-w", str(ws), "init", "--title", "T"], env=env)
        bad = tmp_path / "scope.toml"
        bad.write_text(
            'problem = "Agree access triggers for the Sarn corridor."\nhorizon_days = -5\n'
        )
        result = runner.invoke(app, ["-w", str(ws), "scope", "set", "--from", str(bad)], env=env)
        assert 2 == result.exit_code
        assert "scope.toml" in result.output
        assert "horizon_days" in result.output
        shown = runner.invoke(app, ["-w", str(ws), "scope", "show", "--json"], env=env)
        assert 2 == shown.exit_code  # nothing was written
