"""`backchannel init` and `dialogue show`: passphrases, wrong passphrases, --insecure."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()


def init(path: Path, passphrase: str = "s3cret pass") -> None:
    result = runner.invoke(
        app,
        ["-w", str(path), "init", "--title", "Sarn corridor access"],
        env={"BACKCHANNEL_PASSPHRASE": passphrase},
    )
    assert 0 == result.exit_code, result.output


class TestInit:
    """A workspace is made once, with a passphrase from the environment or a prompt."""

    def test_init_then_show(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        init(path)
        result = runner.invoke(
            app,
            ["-w", str(path), "dialogue", "show", "--json"],
            env={"BACKCHANNEL_PASSPHRASE": "s3cret pass"},
        )
        assert 0 == result.exit_code
        assert '"title": "Sarn corridor access"' in result.output

    def test_prompt_without_echo(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        result = runner.invoke(
            app,
            ["-w", str(path), "init", "--title", "T"],
            input="typed secret\ntyped secret\n",
        )
        assert 0 == result.exit_code, result.output
        assert "typed secret" not in result.output
        assert "passphrase" in result.output.lower()

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        init(path)
        result = runner.invoke(
            app,
            ["-w", str(path), "init", "--title", "Other"],
            env={"BACKCHANNEL_PASSPHRASE": "x"},
        )
        assert 2 == result.exit_code
        assert "already exists" in result.output


class TestWrongPassphrase:
    """A wrong passphrase is one line on stderr and exit 2, never a traceback."""

    def test_wrong_passphrase(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        init(path)
        result = runner.invoke(
            app,
            ["-w", str(path), "dialogue", "show"],
            env={"BACKCHANNEL_PASSPHRASE": "not it at all"},
        )
        assert 2 == result.exit_code
        assert "wrong passphrase" in result.output
        assert "Traceback" not in result.output
        assert "not it at all" not in result.output
        assert 1 == len(result.output.strip().splitlines())

    def test_nothing_else_reaches_the_terminal(self, tmp_path: Path) -> None:
        """SQLCipher's own log lines (written below Python, so only a real process shows
        them) stay out: the person sees backchannel's one line."""
        import os
        import subprocess
        import sys

        path = tmp_path / "d.bch"
        init(path)
        done = subprocess.run(
            [sys.executable, "-c", "from backchannel.cli.app import main; main()"]
            + ["-w", str(path), "dialogue", "show"],
            capture_output=True,
            text=True,
            env={**os.environ, "BACKCHANNEL_PASSPHRASE": "not it at all"},
            timeout=60,
        )
        assert (2, "") == (done.returncode, done.stdout)
        assert [
            f"Error: {path.name}: wrong passphrase, or not an encrypted backchannel workspace"
        ] == done.stderr.strip().splitlines()

    def test_no_passphrase_and_no_terminal(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        init(path)
        result = runner.invoke(app, ["-w", str(path), "dialogue", "show"], input="")
        assert 2 == result.exit_code
        assert "BACKCHANNEL_PASSPHRASE" in result.output

    def test_missing_workspace(self, tmp_path: Path) -> None:
        result = runner.invoke(
            app,
            ["-w", str(tmp_path / "nope.bch"), "dialogue", "show"],
            env={"BACKCHANNEL_PASSPHRASE": "x"},
        )
        assert 2 == result.exit_code
        assert "backchannel init" in result.output


class TestInsecure:
    """--insecure opens plain SQLite, with a warning."""

    def test_warns(self, tmp_path: Path) -> None:
        path = tmp_path / "plain.bch"
        result = runner.invoke(app, ["-w", str(path), "--insecure", "init", "--title", "T"])
        assert 0 == result.exit_code, result.output
        assert "Warning" in result.output
        assert path.read_bytes().startswith(b"SQLite format 3")


class TestWorkingLanguages:
    """`dialogue languages` shows and sets the languages documents are written in."""

    def run(self, path: Path, *args: str) -> tuple[int, str]:
        result = runner.invoke(
            app, ["-w", str(path), *args], env={"BACKCHANNEL_PASSPHRASE": "s3cret pass"}
        )
        return result.exit_code, result.output

    def test_set_show_and_refuse(self, tmp_path: Path) -> None:
        import json

        path = tmp_path / "d.bch"
        init(path)
        assert (0, "none recorded") == (
            self.run(path, "dialogue", "languages")[0],
            self.run(path, "dialogue", "languages")[1][:13],
        )
        code, out = self.run(path, "dialogue", "languages", "ar", "en", "--bilingual")
        assert (0, "العربية, English; and a bilingual non-paper") == (code, out.strip())
        shown = json.loads(self.run(path, "dialogue", "show", "--json")[1])
        assert (["ar", "en"], True) == (shown["languages"], shown["bilingual"])
        code, out = self.run(path, "dialogue", "languages", "en", "de")
        assert 2 == code and "'de' is not a language" in out
        code, out = self.run(path, "dialogue", "languages", "fr", "--bilingual")
        assert 2 == code and "two working languages" in out
        kept = json.loads(self.run(path, "dialogue", "languages", "--json")[1])
        assert {"languages": ["ar", "en"], "bilingual": True} == kept
