"""`backchannel ripeness record/show/indicators` on a real encrypted workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw"}
UCDP_HEADER = (
    "id,year,type_of_violence,side_a,side_b,date_start,date_end,latitude,longitude,"
    "adm_1,best,low,high"
)


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Path:
    path = tmp_path / "d.bch"
    result = runner.invoke(
        app, ["-w", str(path), "init", "--from", str(demo_dir / "dialogue.toml")], env=ENV
    )
    assert 0 == result.exit_code, result.output
    return path


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws), *args], env=ENV)
    return result.exit_code, result.output


class TestRecordAndShow:
    """Assessments are recorded per party and read as ripe, ripening or not ripe."""

    def test_record_then_show(self, ws: Path, demo_dir: Path) -> None:
        code, out = run(ws, "ripeness", "record", "--from", str(demo_dir / "ripeness.toml"))
        assert 0 == code, out
        code, out = run(ws, "ripeness", "show", "--json")
        data = json.loads(out)
        assert data["reading"] in {"ripe", "ripening", "not_ripe"}
        assert ["A", "B", "H"] == [p["party"] for p in data["parties"]]
        assert data["reasons"]

    def test_bad_score_names_file_and_field(self, ws: Path, tmp_path: Path, demo_dir: Path) -> None:
        bad = tmp_path / "ripeness.toml"
        text = (demo_dir / "ripeness.toml").read_text(encoding="utf-8")
        bad.write_text(text.replace("score = 2", "score = 7", 1), encoding="utf-8")
        code, out = run(ws, "ripeness", "record", "--from", str(bad))
        assert 2 == code
        assert "ripeness.toml" in out
        assert "score" in out
        code, _ = run(ws, "ripeness", "show")
        assert 2 == code  # nothing recorded


class TestIndicators:
    """Events import in one transaction; bad rows are named and nothing is half-written."""

    def test_demo_events(self, ws: Path, demo_dir: Path, tmp_path: Path) -> None:
        chart = tmp_path / "chart.png"
        code, out = run(
            ws,
            "ripeness",
            "indicators",
            "--events",
            str(demo_dir / "events.csv"),
            "--chart",
            str(chart),
            "--json",
        )
        assert 0 == code, out
        data = json.loads(out)
        assert data["fatality_trend"]
        assert data["front_line_stability"]
        assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    def test_malformed_row(self, ws: Path, demo_dir: Path, tmp_path: Path) -> None:
        run(ws, "ripeness", "indicators", "--events", str(demo_dir / "events.csv"))
        bad = tmp_path / "events.csv"
        bad.write_text(
            UCDP_HEADER + "\n"
            "1,2025,1,Gov,Auth,2025-01-03,2025-01-03,14.5,40.5,Upper Sarn,3,3,3\n"
            "2,2025,1,Gov,Auth,2025-13-45,2025-01-03,14.5,40.5,Upper Sarn,3,3,3\n",
            encoding="utf-8",
        )
        code, out = run(ws, "ripeness", "indicators", "--events", str(bad), "--json")
        assert 2 == code
        assert "events.csv" in out and "row 3" in out and "date_start" in out
        code, out = run(ws, "dialogue", "show", "--json")
        assert 500 == json.loads(out)["events"]  # the earlier import is intact

    def test_unknown_layout(self, ws: Path, tmp_path: Path) -> None:
        bad = tmp_path / "weird.csv"
        bad.write_text("when,who,dead\n2025-01-01,x,3\n", encoding="utf-8")
        code, out = run(ws, "ripeness", "indicators", "--events", str(bad))
        assert 2 == code
        assert "weird.csv" in out
        assert "Traceback" not in out
