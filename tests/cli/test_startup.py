"""Every command loads only what it uses: the commands a rapporteur runs by the dozen
(`--help`, `scope check`, `gate scan`, `capture`) never load the charting, solving, web,
Word, typesetting or calendar libraries, nor Alembic when the workspace needs no migration
(bench/startup_bench.py prints what each costs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backchannel.services import meetings
from backchannel.services.workspace import open_workspace

HEAVY = ("matplotlib", "ortools", "fastapi", "docx", "typst", "icalendar", "alembic")
# Runs the command as the `backchannel` script does, then names the heavy libraries loaded.
PROBE = f"""
import atexit, sys
HEAVY = {HEAVY!r}
atexit.register(lambda: sys.stderr.write(
    "\\nLOADED " + ",".join(m for m in HEAVY if m in sys.modules) + "\\n"))
sys.argv = ["backchannel", *sys.argv[1:]]
from backchannel.cli.app import main
main()
"""


def loaded(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED ")][-1]
    return done.returncode, [m for m in line.removeprefix("LOADED ").split(",") if m]


@pytest.fixture
def in_options_round(tmp_path: Path, demo: Path, demo_passphrase: str) -> Path:
    """A copy of the demo workspace with meeting 2 open in its options round."""
    path = tmp_path / "w.bch"
    shutil.copyfile(demo / "workspace.bch", path)
    ws = open_workspace(path, demo_passphrase)
    try:
        meetings.start_round(ws)
        meetings.next_round(ws)
        meetings.next_round(ws)
    finally:
        ws.close()
    return path


def test_help_loads_nothing_heavy() -> None:
    assert (0, []) == loaded("--help")


def test_scope_check_loads_nothing_heavy() -> None:
    text = "Agree humanitarian access triggers for the Sarn corridor within 90 days."
    assert (0, []) == loaded("scope", "check", "--text", text)


def test_gate_scan_loads_nothing_heavy(tmp_path: Path, demo_dir: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Les participants ont discuté des convois, sans nommer personne.\n")
    code, heavy = loaded("gate", "scan", str(notes), "--roster", str(demo_dir / "candidates.csv"))
    assert (0, []) == (code, heavy)


def test_capture_loads_nothing_heavy(in_options_round: Path, demo_passphrase: str) -> None:
    code, heavy = loaded(
        "-w",
        str(in_options_round),
        "capture",
        "option",
        "Publier le calendrier des passages un mois à l'avance",
        env={"BACKCHANNEL_PASSPHRASE": demo_passphrase},
    )
    assert (0, []) == (code, heavy)


def test_a_chart_still_loads_what_it_needs(
    tmp_path: Path, in_options_round: Path, demo_passphrase: str
) -> None:
    """The probe can see a heavy library: a command that draws loads matplotlib."""
    code, heavy = loaded(
        "-w",
        str(in_options_round),
        "ripeness",
        "indicators",
        "--chart",
        str(tmp_path / "indicators.png"),
        env={"BACKCHANNEL_PASSPHRASE": demo_passphrase},
    )
    assert (0, ["matplotlib"]) == (code, heavy)
