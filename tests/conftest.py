"""Shared fixtures: every test runs with its own app home and no passphrase in the env."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BACKCHANNEL_HOME", str(home))
    monkeypatch.setenv("MPLCONFIGDIR", str(home / "mpl"))
    monkeypatch.delenv("BACKCHANNEL_PASSPHRASE", raising=False)
    monkeypatch.delenv("BACKCHANNEL_WORKSPACE", raising=False)
    yield


@pytest.fixture
def demo_dir() -> Path:
    return DEMO
