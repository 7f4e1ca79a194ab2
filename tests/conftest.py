"""Shared fixtures: every test runs with its own app home and no passphrase in the env; store
and service tests get their workspace on SQLCipher and on PostgreSQL (`any_store`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from backchannel.services.workspace import Workspace, open_url, open_workspace

REPO = Path(__file__).resolve().parents[1]
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")  # short vowels, shadda, tatweel
_ARABIC_RUN = re.compile("[\u0620-\u064a\u066e-\u06d3]+(?: [\u0620-\u064a\u066e-\u06d3]+)*")


def _flat(text: str) -> str:
    return " ".join(_BIDI_MARKS.sub("", text).split())


def _missing_from_pdf(path: Path, phrases: Iterable[str]) -> list[str]:
    """The phrases a reader would not find in the text copied out of the PDF. Latin and
    Cyrillic as pypdf reads them; Arabic as poppler's pdftotext does (it puts right-to-left
    lines in reading order, pypdf leaves them as drawn), by its runs of words: the letters
    in order, without the short vowels (poppler moves them), the spaces (it splits a word
    where a letter does not join the next: "أبر يل") and the digits and punctuation around
    them (it reorders those at a run's ends)."""
    from pypdf import PdfReader

    drawn = _flat("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))
    read = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    arabic = "".join(_HARAKAT.sub("", _BIDI_MARKS.sub("", read.stdout.decode("utf-8"))).split())
    missing = []
    for phrase in phrases:
        runs = _ARABIC_RUN.findall(_flat(_HARAKAT.sub("", phrase)))
        found = all(r.replace(" ", "") in arabic for r in runs) if runs else _flat(phrase) in drawn
        if not found:
            missing.append(phrase)
    return missing


@pytest.fixture(scope="session")
def missing_from_pdf() -> Callable[[Path, Iterable[str]], list[str]]:
    return _missing_from_pdf


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


DEMO_PASSPHRASE = "demo fixture passphrase"


@pytest.fixture(scope="session")
def demo_passphrase() -> str:
    return DEMO_PASSPHRASE


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `backchannel demo OUTDIR` writes, built once for the whole run (it is among the
    slowest fixtures). Read it, never write into it: copy `workspace.bch` first to change it."""
    from backchannel.services.demo import build_demo

    out = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as env:
        home = tmp_path_factory.mktemp("demo-home")
        env.setenv("BACKCHANNEL_HOME", str(home))
        env.setenv("MPLCONFIGDIR", str(home / "mpl"))
        env.delenv("BACKCHANNEL_PASSPHRASE", raising=False)
        env.delenv("BACKCHANNEL_LANG", raising=False)
        build_demo(out, DEMO_PASSPHRASE, lang="en")
    return out


@pytest.fixture
def demo_copy(tmp_path: Path, demo: Path, demo_passphrase: str) -> Iterator[Workspace]:
    """A copy of the demo's workspace, open, for a test that changes it."""
    copy = tmp_path / "w.bch"
    shutil.copyfile(demo / "workspace.bch", copy)
    opened = open_workspace(copy, demo_passphrase)
    yield opened
    opened.close()


# --- the two stores: an encrypted SQLCipher file and a PostgreSQL database ----------------------
# `make test` runs pytest inside scripts/pg-test-server.sh, which starts a throwaway PostgreSQL
# server and sets BACKCHANNEL_TEST_PG_URL. Without it the PostgreSQL tests fail (never skip);
# to leave them out on purpose, deselect them: `pytest -m "not postgres"` (refused under CI).

PG_URL_ENV = "BACKCHANNEL_TEST_PG_URL"
STORE_PASSPHRASE = "store-test-passphrase"
_NO_SERVER = (
    f"{PG_URL_ENV} is not set, so there is no PostgreSQL server for this test. Run `make test` "
    "(it starts one), or `bash scripts/pg-test-server.sh run -- .venv/bin/pytest ...`; to leave "
    "the PostgreSQL tests out on purpose, deselect them: -m 'not postgres'."
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"postgres: needs the PostgreSQL server that `make test` starts ({PG_URL_ENV})",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses the server, so that `-m "not postgres"` leaves out exactly
    those; under CI that deselection is refused."""
    for item in items:
        if "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
    if os.environ.get("CI", "").lower() == "true" and "postgres" in (config.option.markexpr or ""):
        raise pytest.UsageError("CI runs the PostgreSQL tests: do not deselect them with -m")


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The URL of the test server's database (trust login on 127.0.0.1)."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        pytest.fail(_NO_SERVER, pytrace=False)
    return url


@pytest.fixture(scope="session")
def pg_admin(pg_url: str) -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the test server as its superuser, for CREATE/DROP."""
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as error:
        engine.dispose()
        pytest.fail(
            f"{PG_URL_ENV} is set but its server does not answer: {error.orig}", pytrace=False
        )
    yield engine
    engine.dispose()


@pytest.fixture
def pg_store_url(pg_url: str, pg_admin: Engine) -> Iterator[str]:
    """The URL of a fresh, empty schema on the test server, dropped after the test.

    A schema rather than a database: as isolated for the store (its search_path holds only
    that schema, so tables, the audit trigger function and Alembic's version all land in
    it) and ten times faster to make. The same URL form hosts several dialogues in one
    database (docs/server-mode.md)."""
    name = f"bc_test_{uuid.uuid4().hex[:16]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={name}"})
    yield url.render_as_string(hide_password=False)
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))


@pytest.fixture(
    params=["sqlcipher", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def open_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[..., Workspace]]:
    """Opens this test's workspace (made on first open) on each backend in turn: a SQLCipher
    file in tmp_path, or a fresh PostgreSQL schema. `open_store(revision="0002")` stops
    the schema at an older revision; every workspace it opened is closed afterwards."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_store_url")

        def opener(revision: str = "head") -> Workspace:
            return open_url(url, revision=revision)
    else:
        path = tmp_path / "store.bch"

        def opener(revision: str = "head") -> Workspace:
            return open_workspace(path, STORE_PASSPHRASE, create=True, revision=revision)

    opened: list[Workspace] = []

    def open_and_track(revision: str = "head") -> Workspace:
        ws = opener(revision)
        opened.append(ws)
        return ws

    yield open_and_track
    for ws in opened:
        ws.close()


@pytest.fixture
def any_store(open_store: Callable[..., Workspace]) -> Workspace:
    """An open workspace at the newest schema, on SQLCipher and on PostgreSQL in turn."""
    return open_store()
