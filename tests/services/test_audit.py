"""The audit log on a real SQLCipher workspace and a real PostgreSQL database: recording,
transactions, and tampering."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from backchannel.domain.audit import GENESIS, Anchor, Breach, ChainHead
from backchannel.domain.errors import WorkspaceError
from backchannel.services import audit
from backchannel.services.workspace import Workspace, open_workspace
from backchannel.store import audit_repository, migrate

T0 = datetime(2026, 3, 2, 9, 0, 0)


@pytest.fixture
def ws(any_store: Workspace) -> Workspace:
    return any_store


def fill(ws: Workspace, n: int) -> None:
    for i in range(n):
        audit.record(
            ws,
            "facilitator",
            "export",
            f"non-paper-{i + 1}.pdf",
            {"copy": i + 1},
            T0 + timedelta(minutes=i),
        )


def tamper(ws: Workspace, *statements: str) -> None:
    """What someone with the passphrase can do: drop the guards, then change rows."""
    with ws.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
        for statement in statements:
            conn.exec_driver_sql(statement)


def broken_at(ws: Workspace) -> tuple[int | None, Breach]:
    report = audit.verify(ws)
    assert report.finding is not None, "tampering was not detected"
    return report.finding.seq, report.finding.breach


class TestRecord:
    """Entries are numbered 1..n, chained, and read back exactly as written."""

    def test_round_trip(self, ws: Workspace) -> None:
        first = audit.record(ws, "cli", "consent", "c001", {"charter_version": 1}, T0)
        second = audit.record(ws, "facilitator", "gate.approve", "non-paper.pdf", None, T0)
        assert (first, second) == audit.entries(ws)
        assert (1, GENESIS, 2, first.hash) == (
            first.seq,
            first.prev_hash,
            second.seq,
            second.prev_hash,
        )
        assert {"charter_version": 1} == audit.entries(ws)[0].details_object()
        assert "2026-03-02T09:00:00Z" == audit.entries(ws)[0].at

    def test_verify_an_intact_log(self, ws: Workspace) -> None:
        fill(ws, 5)
        report = audit.verify(ws)
        assert (True, 5) == (report.intact, report.count)
        assert audit.entries(ws)[-1].hash == report.head_hash

    def test_empty_log_is_intact(self, ws: Workspace) -> None:
        report = audit.verify(ws)
        assert (True, 0, GENESIS) == (report.intact, report.count, report.head_hash)

    def test_the_clock_is_read_when_no_time_is_given(self, ws: Workspace) -> None:
        entry = audit.record(ws, "cli", "login")
        assert entry.at.endswith("Z")
        assert datetime.fromisoformat(entry.at[:-1]).year >= 2025

    def test_last_and_action_filters(self, ws: Workspace) -> None:
        fill(ws, 4)
        audit.record(ws, "cli", "consent", "c002", now=T0)
        assert [4, 5] == [e.seq for e in audit.entries(ws, last=2)]
        assert [5] == [e.seq for e in audit.entries(ws, action="consent")]


class TestOneTransactionWithTheChange:
    """Given a connection, the entry commits or rolls back with the caller's change."""

    def test_rolls_back_with_the_caller(self, ws: Workspace) -> None:
        with pytest.raises(RuntimeError), ws.begin() as conn:
            audit.record(conn, "cli", "export", "brief.pdf", now=T0)
            raise RuntimeError("the export failed half way")
        assert () == audit.entries(ws)
        assert 1 == audit.record(ws, "cli", "export", "brief.pdf", now=T0).seq
        assert audit.verify(ws).intact

    def test_commits_with_the_caller(self, ws: Workspace) -> None:
        with ws.begin() as conn:
            audit.record(conn, "cli", "export", "a.pdf", now=T0)
            audit.record(conn, "cli", "export", "b.pdf", now=T0)
        assert ["a.pdf", "b.pdf"] == [e.subject for e in audit.entries(ws)]

    def test_a_refused_entry_writes_nothing(self, ws: Workspace) -> None:
        with ws.begin() as conn:
            with pytest.raises(ValueError, match="must not hold secrets"):
                audit.record(conn, "cli", "login", "", {"password": "hunter2"}, T0)
            audit.record(conn, "cli", "login", "", {"ok": True}, T0)
        assert [1] == [e.seq for e in audit.entries(ws)]
        assert audit.verify(ws).intact

    def test_writers_in_threads_get_distinct_numbers(self, ws: Workspace) -> None:
        errors: list[BaseException] = []

        def write(k: int) -> None:
            try:
                for i in range(10):
                    audit.record(ws, f"web:p{k}", "login", "", {"i": i}, T0)
            except BaseException as error:  # reported by the assert below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [] == errors
        assert list(range(1, 41)) == [e.seq for e in audit.entries(ws)]
        assert audit.verify(ws).intact


class TestAppendOnlyGuards:
    """The database itself refuses UPDATE and DELETE on entries."""

    def test_update_refused(self, ws: Workspace) -> None:
        fill(ws, 2)
        with pytest.raises(IntegrityError, match="append-only"), ws.begin() as conn:
            conn.execute(text("UPDATE audit_entry SET actor = 'observer' WHERE seq = 1"))
        assert "facilitator" == audit.entries(ws)[0].actor

    def test_delete_refused(self, ws: Workspace) -> None:
        fill(ws, 2)
        with pytest.raises(IntegrityError, match="append-only"), ws.begin() as conn:
            conn.execute(text("DELETE FROM audit_entry"))
        assert 2 == len(audit.entries(ws))


class TestTamperingIsDetected:
    """With the guards dropped by hand, `verify` still names the first broken entry."""

    def test_an_edited_row(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(ws, "UPDATE audit_entry SET subject = 'other.pdf' WHERE seq = 2")
        assert (2, Breach.EDITED) == broken_at(ws)

    def test_edited_details(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(ws, """UPDATE audit_entry SET details = '{"copy":99}' WHERE seq = 4""")
        assert (4, Breach.EDITED) == broken_at(ws)

    def test_a_deleted_middle_row(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(ws, "DELETE FROM audit_entry WHERE seq = 3")
        assert (3, Breach.REMOVED) == broken_at(ws)

    def test_a_deleted_last_row(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(ws, "DELETE FROM audit_entry WHERE seq = 5")
        assert (5, Breach.REMOVED) == broken_at(ws)

    def test_a_deleted_head(self, ws: Workspace) -> None:
        fill(ws, 2)
        tamper(ws, "DELETE FROM audit_head")
        assert (None, Breach.REMOVED) == broken_at(ws)

    def test_swapped_numbers(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(
            ws,
            "UPDATE audit_entry SET seq = 100 WHERE seq = 2",
            "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
            "UPDATE audit_entry SET seq = 3 WHERE seq = 100",
        )
        assert (2, Breach.REORDERED) == broken_at(ws)

    def test_a_row_added_by_hand(self, ws: Workspace) -> None:
        fill(ws, 3)
        tamper(
            ws,
            "INSERT INTO audit_entry (seq, at, actor, action, subject, details, prev_hash, hash)"
            " SELECT 4, at, actor, action, subject, details, hash, hash FROM audit_entry"
            " WHERE seq = 3",
        )
        assert (4, Breach.INSERTED) == broken_at(ws)

    def test_later_entries_keep_the_evidence(self, ws: Workspace) -> None:
        fill(ws, 5)
        tamper(ws, "DELETE FROM audit_entry WHERE seq = 5")
        audit.record(ws, "cli", "export", "after.pdf", now=T0)
        assert [1, 2, 3, 4, 6] == [e.seq for e in audit.entries(ws)]
        assert (5, Breach.REMOVED) == broken_at(ws)

    def test_a_full_rewrite_needs_an_anchor(self, ws: Workspace) -> None:
        """Someone who deletes the last entry and winds the head back passes the chain
        check; an anchor noted earlier outside the workspace catches it."""
        fill(ws, 5)
        noted = Anchor(5, audit.verify(ws).head_hash[:12])
        fourth = audit.entries(ws)[3].hash
        tamper(
            ws,
            "DELETE FROM audit_entry WHERE seq = 5",
            f"UPDATE audit_head SET count = 4, hash = '{fourth}'",
        )
        assert audit.verify(ws).intact
        report = audit.verify(ws, [noted])
        assert report.finding is not None
        assert (5, Breach.REMOVED) == (report.finding.seq, report.finding.breach)


class TestRefusesToWriteOnATamperedLog:
    """Recording on a log whose head was changed stops with a one-line error."""

    def test_missing_head(self, ws: Workspace) -> None:
        fill(ws, 1)
        tamper(ws, "DELETE FROM audit_head")
        with pytest.raises(WorkspaceError, match="audit verify"):
            audit.record(ws, "cli", "export", "x.pdf", now=T0)

    def test_unknown_entries(self, ws: Workspace) -> None:
        fill(ws, 2)
        tamper(ws, "UPDATE audit_head SET count = 1")
        with pytest.raises(WorkspaceError, match="does not know"):
            audit.record(ws, "cli", "export", "x.pdf", now=T0)
        assert 2 == len(audit.entries(ws))


class TestMigration:
    """0003 adds the log to a workspace made before it existed."""

    def test_upgrade_from_0002(self, open_store: Callable[..., Workspace]) -> None:
        old = open_store(revision="0002")
        assert "0002" == migrate.current(old.engine)
        old.close()
        upgraded = open_store()
        with upgraded.read() as conn:
            assert ChainHead(0, GENESIS) == audit_repository.load_head(conn)
        entry = audit.record(upgraded, "cli", "login", now=T0)
        assert (1, GENESIS) == (entry.seq, entry.prev_hash)
        assert audit.verify(upgraded).intact

    def test_insecure_workspace_too(self, tmp_path: Path) -> None:
        plain = open_workspace(tmp_path / "plain.bch", None, create=True)
        audit.record(plain, "cli", "login", now=T0)
        assert audit.verify(plain).intact
        plain.close()
