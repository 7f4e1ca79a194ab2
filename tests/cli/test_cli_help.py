"""Every command a facilitator can run explains itself in --help."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.main import get_command
from typer.testing import CliRunner

from backchannel.cli.app import app


def all_commands() -> list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]]:
    root = get_command(app)
    out: list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]] = []

    def walk(prefix: str, command: object) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in sorted(subs.items()):
                out.append((f"{prefix} {name}".strip(), sub))
                walk(f"{prefix} {name}", sub)

    walk("", root)
    return out


README = Path(__file__).resolve().parents[2] / "README.md"


class TestReadme:
    """Every command group and command a user can type is in README's command table."""

    def test_every_top_level_command_is_documented(self) -> None:
        text = README.read_text(encoding="utf-8")
        top = sorted({name.split()[0] for name, _ in all_commands()})
        missing = [name for name in top if f"`backchannel {name}" not in text]
        assert [] == missing


class TestHelpTexts:
    """A command without help text fails the suite."""

    def test_every_command_has_help(self) -> None:
        missing = [name for name, cmd in all_commands() if not (cmd.help or "").strip()]
        assert [] == missing

    def test_every_command_answers_help(self) -> None:
        runner = CliRunner()
        for name, _cmd in all_commands():
            result = runner.invoke(app, [*name.split(), "--help"])
            assert 0 == result.exit_code, name
            assert "Usage" in result.output, name

    def test_the_contract_commands_exist(self) -> None:
        names = {name for name, _ in all_commands()}
        assert {
            "init",
            "dialogue show",
            "scope check",
            "scope set",
            "ripeness record",
            "ripeness show",
            "ripeness indicators",
            "demo",
        } <= names
