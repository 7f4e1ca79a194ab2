"""The command line's own messages in the language of `backchannel --lang`.

Each test runs a command with `--lang fr` and expects exactly what the catalogs say, so it
passes before the French is written; the last assertion of each (marked "needs the
catalogs") checks that the French is not the English, and waits for the translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel import i18n
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import open_workspace

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw", "BACKCHANNEL_ACCOUNT_PASSWORD": "a long enough password"}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """`--lang` activates a language for the rest of the thread: leave English behind."""
    yield
    i18n.activate("en")


def say(lang: str, message: str, **values: object) -> str:
    """`message` as the catalog of `lang` has it, with its values."""
    with i18n.speaking(lang):
        return i18n.gettext(message) % values if values else i18n.gettext(message)


def say_n(lang: str, singular: str, plural: str, n: int, **values: object) -> str:
    with i18n.speaking(lang):
        return i18n.ngettext(singular, plural, n) % values


def run(*args: str) -> tuple[int, str, str]:
    from backchannel.cli.app import app

    result = runner.invoke(app, ["--lang", "fr", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Path:
    path = tmp_path / "d.bch"
    opened = open_workspace(path, "pw", create=True)
    dialogue_service.init_dialogue(opened, read_dialogue(demo_dir / "dialogue.toml"))
    opened.close()
    return path


def test_accounts_add_and_enable(ws: Path) -> None:
    added = run("-w", str(ws), "accounts", "add", "lead", "--role", "facilitator")
    enabled = run("-w", str(ws), "accounts", "enable", "lead")
    said = say("fr", "Added %(handle)s (%(role)s).", handle="lead", role="facilitator")
    assert (0, said + "\n") == added[:2]
    assert (0, say("fr", "%(handle)s is enabled.", handle="lead") + "\n") == enabled[:2]
    assert (
        say("en", "%(handle)s is enabled.", handle="lead") != enabled[1].strip()
    )  # needs the catalogs


STEPS = (
    "id,what,who,when,how,test\n"
    'c1,"Circulate a one-page list of three triggers.",Gov-A Access Committee,2027-01-29,'
    '"Sent to both liaison offices.","Both offices return written comments by 12 February."\n'
    'v2,"Open Dorran on Tuesdays.",Gov-A Access Committee,2027-09-01,"A written order.",'
    '"The order is signed."\n'
)


def test_steps_check_summary(tmp_path: Path) -> None:
    steps = tmp_path / "steps.csv"
    steps.write_text(STEPS, encoding="utf-8")
    code, out, _err = run("steps", "check", str(steps), "--start", "2027-01-18")
    findings = say_n("fr", "%(num)s finding(s)", "%(num)s finding(s)", 1, num=1)
    summary = "%(flagged)s of %(total)s step(s) flagged (%(findings)s)."
    expected = say_n("fr", summary, summary, 1, flagged=1, total=2, findings=findings)
    head = say("fr", "step %(step)s, %(field)s", step="v2", field="when")
    lines = out.splitlines()
    assert (1, expected) == (code, lines[-1])
    assert lines[0].startswith(f"{head}: ")
    english = "1 of 2 step(s) flagged (1 finding(s))."
    assert english != lines[-1]  # needs the catalogs


def test_scope_check_human_output() -> None:
    tight = run("scope", "check", "--text", "Agree access triggers at Dorran within 60 days")
    broad = run("scope", "check", "--text", "Peace and justice for the whole region")
    clean = (
        say("fr", "Tight scope:")
        + " "
        + say("fr", "one problem, a place, a horizon within 90 days.")
    )
    assert (0, clean + "\n") == tight[:2]
    assert 1 == broad[0]
    assert say("fr", "This mandate blocks.") == broad[1].splitlines()[-1]
    assert "This mandate blocks." != broad[1].splitlines()[-1]  # needs the catalogs


def test_demo_last_line(tmp_path: Path) -> None:
    code, out, _err = run("demo", str(tmp_path / "demo"))
    lines = out.splitlines()
    built = say("fr", "Demo dialogue built in %(folder)s/", folder=tmp_path / "demo")
    assert (0, built) == (code, lines[0])
    assert say("fr", "Every document passed the non-attribution gate.") == lines[-1]
    assert "Every document passed the non-attribution gate." != lines[-1]  # needs the catalogs
