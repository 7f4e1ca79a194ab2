"""The command line's language: --lang, BACKCHANNEL_LANG, the locale, and a clear refusal."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app, language


@pytest.mark.parametrize(
    ("asked", "env", "expected"),
    [
        ("ar", {}, "ar"),
        ("fr-CA", {"LANG": "ru_RU.UTF-8"}, "fr"),
        (None, {"LANG": "ru_RU.UTF-8"}, "ru"),
        (None, {"LC_ALL": "es_CO.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language(
    monkeypatch: pytest.MonkeyPatch, asked: str | None, env: dict[str, str], expected: str
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert expected == language(asked)


def test_a_language_backchannel_does_not_have_is_refused() -> None:
    result = CliRunner().invoke(app, ["--lang", "xx", "gate", "--help"], env={})
    assert 2 == result.exit_code
    assert "'xx' is not one of en, fr, es, ru, ar" in result.output
