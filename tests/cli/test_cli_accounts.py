"""`backchannel accounts` and `backchannel serve` on a real encrypted workspace."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import open_workspace

runner = CliRunner()
MAIN = "from backchannel.cli.app import main; main()"
ENV = {"BACKCHANNEL_PASSPHRASE": "pw", "BACKCHANNEL_ACCOUNT_PASSWORD": "a long enough password"}


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Path:
    path = tmp_path / "d.bch"
    opened = open_workspace(path, "pw", create=True)
    dialogue_service.init_dialogue(opened, read_dialogue(demo_dir / "dialogue.toml"))
    opened.close()
    return path


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws), *args], env=ENV)
    return result.exit_code, result.output


class TestAccountsCommands:
    """Add, list and change accounts; bad input exits 2 with one line."""

    def test_add_and_list(self, ws: Path) -> None:
        added = run(ws, "accounts", "add", "lead", "--role", "facilitator")
        listed = run(ws, "accounts", "list", "--json")
        assert (0, "Added lead (facilitator).") == (added[0], added[1].strip())
        assert [{"handle": "lead", "role": "facilitator", "candidate": None,
                 "interlocutor": None, "active": True, "language": None}] == json.loads(
            listed[1])  # fmt: skip

    def test_language(self, ws: Path) -> None:
        run(ws, "accounts", "add", "lead", "--role", "facilitator")
        code, out = run(ws, "accounts", "language", "lead", "ar")
        listed = json.loads(run(ws, "accounts", "list", "--json")[1])
        assert (0, "ar") == (code, listed[0]["language"])
        bad = run(ws, "accounts", "language", "lead", "klingon")
        assert 2 == bad[0] and "unknown language 'klingon'" in bad[1]
        run(ws, "accounts", "language", "lead", "browser")
        assert None is json.loads(run(ws, "accounts", "list", "--json")[1])[0]["language"]

    def test_role(self, ws: Path) -> None:
        run(ws, "accounts", "add", "lead", "--role", "facilitator")
        run(ws, "accounts", "add", "office", "--role", "observer")
        code, out = run(
            ws, "accounts", "role", "office", "interlocutor", "--interlocutor", "a-access"
        )
        assert (0, "office is now interlocutor.") == (code, out.strip())

    def test_bad_role(self, ws: Path) -> None:
        code, out = run(ws, "accounts", "add", "lead", "--role", "chair")
        assert (2, True) == (code, "is not a role" in out)

    def test_short_password(self, ws: Path) -> None:
        result = runner.invoke(
            app,
            ["-w", str(ws), "accounts", "add", "lead", "--role", "facilitator"],
            env={**ENV, "BACKCHANNEL_ACCOUNT_PASSWORD": "short"},
        )
        assert (2, "short" in result.output) == (result.exit_code, False)

    def test_disable_and_enable(self, ws: Path) -> None:
        run(ws, "accounts", "add", "lead", "--role", "facilitator")
        run(ws, "accounts", "add", "office", "--role", "observer")
        disabled = run(ws, "accounts", "disable", "office")
        listed = json.loads(run(ws, "accounts", "list", "--json")[1])
        assert (0, [True, False]) == (disabled[0], [a["active"] for a in listed])

    def test_unlock_clears_failed_logins(self, ws: Path) -> None:
        from backchannel.services import login_throttle

        run(ws, "accounts", "add", "lead", "--role", "facilitator")
        opened = open_workspace(ws, "pw")
        try:
            for n in range(12):
                login_throttle.failed(opened, "lead", f"198.51.100.{n}", None)
            slowed = login_throttle.retry_after(opened, "lead", "192.0.2.1", None)
            code, out = run(ws, "accounts", "unlock", "lead")
            after = login_throttle.retry_after(opened, "lead", "192.0.2.1", None)
        finally:
            opened.close()
        assert (True, 0, 0) == (slowed > 0, code, after)
        assert "lead can log in again from any device." == out.strip()
        assert 2 == run(ws, "accounts", "unlock", "nobody")[0]


class TestServe:
    """`serve` refuses a workspace nobody can log in to; `serve --demo` serves the demo."""

    def test_no_facilitator(self, ws: Path) -> None:
        code, out = run(ws, "serve", "--port", "1")
        assert (2, True) == (code, "no facilitator account yet" in out)

    @pytest.mark.slow
    def test_demo(self, tmp_path: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "BACKCHANNEL_HOME": str(tmp_path), "MPLCONFIGDIR": str(tmp_path)}
        env.pop("BACKCHANNEL_PASSPHRASE", None)
        server = subprocess.Popen(
            [sys.executable, "-c", MAIN, "serve", "--demo", "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            text=True,
        )
        try:
            health = None
            for _ in range(240):
                time.sleep(0.25)
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as r:
                        health = json.loads(r.read())
                        break
                except OSError:
                    if server.poll() is not None:
                        break
        finally:
            server.terminate()
            out, _ = server.communicate(timeout=30)
        logins = re.findall(r"^  (\S+)\s+\S+\s+(\w+):", out, flags=re.MULTILINE)
        assert {"status": "ok"} == health, out
        assert {"facilitator", "rapporteur", "participant", "interlocutor", "observer"} == {
            role for _h, role in logins
        }
        assert (tmp_path / "demo" / "workspace.bch").exists()
