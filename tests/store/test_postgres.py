"""Server mode: a workspace in a PostgreSQL database given by URL (docs/server-mode.md).

What the shared tests (any_store) cannot show: how a URL is read, how a failure to reach or
use the server is reported (one line, never the password), that several processes can open
a new database at once, and that the schema uses PostgreSQL's own types and guards.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from backchannel.domain.dialogue import Dialogue
from backchannel.domain.errors import WorkspaceError
from backchannel.services import audit
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import Workspace, open_url
from backchannel.store import migrate

pytestmark = pytest.mark.postgres

SECRET = "zebra-Battery-7041"
T0 = datetime(2027, 1, 18, 9, 0)


def with_password(url: str, **changes: object) -> str:
    return make_url(url).set(password=SECRET, **changes).render_as_string(hide_password=False)


def refused(url: str) -> str:
    """The message open_url gives for `url`, checked to be one line without the secret."""
    with pytest.raises(WorkspaceError) as caught:
        open_url(url)
    message = str(caught.value)
    assert [message] == message.splitlines()
    assert SECRET not in message
    assert SECRET.lower() not in message.lower()
    return message


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def ws(pg_store_url: str) -> Iterator[Workspace]:
    opened = open_url(pg_store_url)
    yield opened
    opened.close()


class TestOpenUrl:
    """`postgresql://` and `postgres://` open a database with psycopg 3 and build its schema;
    the workspace names the server without its password."""

    @pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
    def test_schemes(self, pg_store_url: str, scheme: str) -> None:
        url = scheme + "://" + pg_store_url.split("://", 1)[1]
        ws = open_url(url)
        assert ("psycopg", migrate.head()) == (ws.engine.driver, migrate.current(ws.engine))
        ws.close()

    def test_location_names_the_server_without_the_password(self, pg_store_url: str) -> None:
        parsed = make_url(pg_store_url)
        ws = open_url(with_password(pg_store_url))  # the test server trusts any password
        assert f"postgres@127.0.0.1:{parsed.port}/{parsed.database}" == ws.location
        assert SECRET not in repr(ws.engine.url)
        ws.close()

    def test_opening_again_keeps_the_data(self, pg_store_url: str) -> None:
        first = open_url(pg_store_url)
        dialogue_service.init_dialogue(first, Dialogue(title="Sarn corridor access"))
        first.close()
        again = open_url(pg_store_url)
        assert "Sarn corridor access" == dialogue_service.get_dialogue(again).title
        again.close()


class TestOpenUrlErrors:
    """A bad URL, an unreachable server, a missing database or a missing right: one line
    that names user@host:port/database and never the password."""

    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("nonsense", "not a database URL"),
            (f"postgresql://u:{SECRET}@127.0.0.1:notaport/db", "not a database URL"),
            (f"mysql://u:{SECRET}@127.0.0.1/db", "mysql:// is not a PostgreSQL URL"),
            (f"sqlite:///{SECRET}.db", "sqlite:// is not a PostgreSQL URL"),
            (f"postgresql://u:{SECRET}@127.0.0.1:5432", "names no database"),
        ],
    )
    def test_bad_url(self, url: str, expected: str) -> None:
        assert expected in refused(url)

    def test_unreachable_server(self) -> None:
        port = closed_port()
        message = refused(f"postgresql://dialogue:{SECRET}@127.0.0.1:{port}/dialogues")
        assert message.startswith(f"dialogue@127.0.0.1:{port}/dialogues: cannot open the database")
        assert "refused" in message

    def test_missing_database(self, pg_url: str) -> None:
        message = refused(with_password(pg_url, database="no_such_dialogues"))
        assert 'database "no_such_dialogues" does not exist' in message

    def test_a_password_the_server_repeats_is_blotted_out(self, pg_url: str) -> None:
        """The server's message quotes the database name; here it equals the password."""
        message = refused(with_password(pg_url, database=SECRET))
        assert 'database "***" does not exist' in message
        assert message.startswith("postgres@127.0.0.1:")

    def test_a_schema_that_does_not_exist(self, pg_url: str) -> None:
        url = make_url(pg_url).update_query_dict({"options": "-csearch_path=no_such_schema"})
        message = refused(url.render_as_string(hide_password=False))
        assert message.endswith(
            "cannot build the schema: no schema has been selected to create in "
            "(create the schema the URL's search_path names)"
        )

    def test_a_user_who_may_not_build_the_schema(self, pg_url: str, pg_admin: Engine) -> None:
        role, schema = f"bc_guest_{uuid.uuid4().hex[:8]}", f"bc_locked_{uuid.uuid4().hex[:8]}"
        with pg_admin.connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(text(f"CREATE SCHEMA {schema}"))
            # Like PostgreSQL 15's `public` for anyone but the database's owner.
            conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
        try:
            url = make_url(pg_url).set(username=role, password=SECRET)
            url = url.update_query_dict({"options": f"-csearch_path={schema}"})
            message = refused(url.render_as_string(hide_password=False))
            assert f"{role}@127.0.0.1" in message
            assert "cannot build the schema: permission denied for schema" in message
            assert message.endswith(
                "(the user must own the database (createdb -O USER) or the schema)"
            )
        finally:
            with pg_admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                conn.execute(text(f"DROP ROLE {role}"))


# Each process sleeps until the same moment, then opens the database: the first to take
# the lock builds the schema. Without the lock most of them fail with a duplicate key.
_OPEN_AT = """
import sys, time
from backchannel.services.workspace import open_url
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
open_url(sys.argv[1]).close()
"""


class TestConcurrentFirstOpen:
    """Several processes opening a new database at once take turns: one builds the schema,
    the others find it built (a PostgreSQL advisory lock around the migrations)."""

    @pytest.mark.slow
    def test_processes_open_a_new_database_together(self, pg_store_url: str) -> None:
        at = str(time.time() + 4.0)
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_AT, pg_store_url, at],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(4)
        ]
        outcomes = [(p.communicate(timeout=120)[0], p.returncode) for p in procs]
        assert [("", 0)] * 4 == outcomes
        ws = open_url(pg_store_url)
        assert migrate.head() == migrate.current(ws.engine)
        with ws.read() as conn:
            assert 1 == conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one()
        ws.close()


class TestAuditGuardsOnTheServer:
    """The audit triggers exist on PostgreSQL and refuse TRUNCATE too, as integrity errors."""

    def test_triggers(self, ws: Workspace) -> None:
        with ws.read() as conn:
            names = conn.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
                    " AND tgrelid = 'audit_entry'::regclass ORDER BY tgname"
                )
            ).scalars()
            assert ["audit_entry_no_change", "audit_entry_no_truncate"] == list(names)

    @pytest.mark.parametrize(
        "statement",
        [
            "UPDATE audit_entry SET actor = 'observer'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
        ],
    )
    def test_refused(self, ws: Workspace, statement: str) -> None:
        audit.record(ws, "facilitator", "export", "non-paper.pdf", now=T0)
        with pytest.raises(IntegrityError, match="append-only"), ws.begin() as conn:
            conn.execute(text(statement))
        assert ["facilitator"] == [e.actor for e in audit.entries(ws)]
        assert audit.verify(ws).intact


class TestNativeTypes:
    """Booleans, dates, timestamps and floats are PostgreSQL's own types; ids the store
    numbers come from a sequence, ids the code numbers do not."""

    def _column(self, ws: Workspace, table: str, column: str) -> tuple[str, str | None]:
        with ws.read() as conn:
            row = conn.execute(
                text(
                    "SELECT data_type, column_default FROM information_schema.columns"
                    " WHERE table_schema = current_schema()"
                    " AND table_name = :t AND column_name = :c"
                ),
                {"t": table, "c": column},
            ).one()
        return str(row[0]), row[1]

    @pytest.mark.parametrize(
        ("table", "column", "expected"),
        [
            ("candidate", "available", "boolean"),
            ("brief_timeline", "month_only", "boolean"),
            ("meeting", "starts", "date"),
            ("consent", "recorded_at", "timestamp without time zone"),
            ("event", "latitude", "double precision"),
            ("candidate", "name", "character varying"),
            ("charter", "text", "text"),
        ],
    )
    def test_types(self, ws: Workspace, table: str, column: str, expected: str) -> None:
        assert expected == self._column(ws, table, column)[0]

    @pytest.mark.parametrize(
        ("table", "column", "numbered_by_the_store"),
        [
            ("ripeness_assessment", "id", True),
            ("consent", "id", True),
            ("brief_feature", "id", True),
            ("audit_entry", "seq", False),
            ("meeting", "number", False),
            ("charter", "version", False),
        ],
    )
    def test_numbering(
        self, ws: Workspace, table: str, column: str, numbered_by_the_store: bool
    ) -> None:
        default = self._column(ws, table, column)[1] or ""
        assert numbered_by_the_store == default.startswith("nextval(")


class TestSeveralDialoguesInOneDatabase:
    """A schema per dialogue (`?options=-csearch_path=NAME`) keeps dialogues apart in one
    database: each has its own tables, audit log and chain."""

    def test_two_schemas(self, pg_store_url: str, pg_admin: Engine) -> None:
        other = f"bc_other_{uuid.uuid4().hex[:8]}"
        with pg_admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {other}"))
        try:
            url = make_url(pg_store_url).update_query_dict({"options": f"-csearch_path={other}"})
            first = open_url(pg_store_url)
            second = open_url(url.render_as_string(hide_password=False))
            dialogue_service.init_dialogue(first, Dialogue(title="Sarn corridor access"))
            dialogue_service.init_dialogue(second, Dialogue(title="Halvik water sharing"))
            audit.record(first, "cli", "login", now=T0)
            titles = [dialogue_service.get_dialogue(w).title for w in (first, second)]
            assert ["Sarn corridor access", "Halvik water sharing"] == titles
            assert ([1], []) == ([e.seq for e in audit.entries(first)], list(audit.entries(second)))
            first.close()
            second.close()
        finally:
            with pg_admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {other} CASCADE"))
