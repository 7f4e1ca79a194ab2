"""A workspace is an encrypted SQLCipher file that only its passphrase opens, or a
PostgreSQL database; both are built by the same migrations and keep a write all or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from backchannel.domain.dialogue import Dialogue
from backchannel.domain.errors import WorkspaceError
from backchannel.domain.people import Candidate, Category
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import Workspace, open_workspace
from backchannel.store import migrate, repository, tables

NAME = "Ngozi Adébáyọ̀-Okonkwo"


def a_candidate() -> Candidate:
    return Candidate(
        id="c001",
        name=NAME,
        party="A",
        category=Category.COMMUNITY_VOICE,
        gender="F",
        affiliation="Halvik Women's Water Committee",
        aliases=("Mama Ngozi",),
    )


class TestEncryption:
    """No name is readable in the file's bytes, and only the passphrase opens it."""

    def test_names_are_not_in_the_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        ws = open_workspace(path, "correct horse", create=True)
        dialogue_service.init_dialogue(ws, Dialogue(title="Sarn corridor access"))
        dialogue_service.save_candidates(ws, [a_candidate()])
        ws.close()
        raw = path.read_bytes()
        for needle in (NAME, "Ngozi", "Okonkwo", "Mama Ngozi", "Halvik", "Sarn corridor"):
            assert needle.encode("utf-8") not in raw
        assert not raw.startswith(b"SQLite format 3")

    def test_only_its_owner_can_read_the_file(self, tmp_path: Path) -> None:
        """0600 like the documents, whatever the umask; the journal takes the same mode."""
        path = tmp_path / "d.bch"
        ws = open_workspace(path, "correct horse", create=True)
        dialogue_service.save_candidates(ws, [a_candidate()])
        modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
        ws.close()
        assert 0o600 == modes["d.bch"]
        assert {0o600} == set(modes.values())

    def test_the_right_passphrase_reads_it_back(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        ws = open_workspace(path, "correct horse", create=True)
        dialogue_service.save_candidates(ws, [a_candidate()])
        ws.close()
        again = open_workspace(path, "correct horse")
        assert [NAME] == [c.name for c in dialogue_service.list_candidates(again)]
        again.close()

    def test_a_wrong_passphrase_is_refused_without_echo(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        open_workspace(path, "correct horse", create=True).close()
        with pytest.raises(WorkspaceError) as caught:
            open_workspace(path, "battery staple")
        assert "wrong passphrase" in str(caught.value)
        assert "battery" not in str(caught.value)

    def test_plain_sqlite_cannot_read_it(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        open_workspace(path, "pw", create=True).close()
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()

    def test_insecure_is_plain_sqlite(self, tmp_path: Path) -> None:
        path = tmp_path / "plain.bch"
        open_workspace(path, None, create=True).close()
        assert path.read_bytes().startswith(b"SQLite format 3")

    def test_an_encrypted_file_opened_insecure_says_so(self, tmp_path: Path) -> None:
        path = tmp_path / "d.bch"
        open_workspace(path, "pw", create=True).close()
        with pytest.raises(WorkspaceError, match="may be encrypted"):
            open_workspace(path, None)

    def test_a_missing_workspace_is_not_created_silently(self, tmp_path: Path) -> None:
        with pytest.raises(WorkspaceError, match="backchannel init"):
            open_workspace(tmp_path / "none.bch", "pw")
        assert not (tmp_path / "none.bch").exists()


class TestMigrations:
    """Alembic builds the schema, and upgrades a workspace made by an older version (on
    SQLCipher and on PostgreSQL)."""

    def test_new_workspace_is_at_head(self, any_store: Workspace) -> None:
        assert migrate.head() == migrate.current(any_store.engine)
        names = set(inspect(any_store.engine).get_table_names())
        assert set(tables.metadata.tables) <= names

    def test_the_newest_file_is_alembics_head(self) -> None:
        """Opening a workspace at the newest revision skips Alembic by the file names: they
        must name the same revision Alembic would reach."""
        assert migrate.head() == migrate.newest_shipped()

    def test_upgrade_keeps_existing_data(self, open_store: Callable[..., Workspace]) -> None:
        old = open_store(revision="0001")
        assert "0001" == migrate.current(old.engine)
        assert "ripeness_assessment" not in inspect(old.engine).get_table_names()
        with old.begin() as conn:  # the columns of 0001, as the code of then wrote them
            conn.execute(
                text(
                    "INSERT INTO dialogue (id, title, convenor, created_at) "
                    "VALUES (1, 'Older dialogue', '', :at)"
                ),
                {"at": datetime(2026, 1, 1)},
            )
            conn.execute(text("INSERT INTO party (code, name) VALUES ('A', 'Side A')"))
        old.close()

        upgraded = open_store()
        assert migrate.head() == migrate.current(upgraded.engine)
        assert "ripeness_assessment" in inspect(upgraded.engine).get_table_names()
        assert "Older dialogue" == dialogue_service.get_dialogue(upgraded).title

    def test_every_migration_goes_down_and_up_again(self, any_store: Workspace) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
        with any_store.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert {"alembic_version"} >= set(inspect(any_store.engine).get_table_names())
        migrate.upgrade(any_store.engine)
        assert migrate.head() == migrate.current(any_store.engine)
        assert set(tables.metadata.tables) <= set(inspect(any_store.engine).get_table_names())

    def test_schema_matches_the_tables_module(self, any_store: Workspace) -> None:
        insp = inspect(any_store.engine)
        for name, table in tables.metadata.tables.items():
            assert {c.name for c in table.columns} == {c["name"] for c in insp.get_columns(name)}

    def test_insecure_schema_matches_too(self, tmp_path: Path) -> None:
        ws = open_workspace(tmp_path / "d.bch", None, create=True)
        insp = inspect(ws.engine)
        for name, table in tables.metadata.tables.items():
            assert {c.name for c in table.columns} == {c["name"] for c in insp.get_columns(name)}
        ws.close()


class TestOneTransaction:
    """A failing write leaves nothing behind (on SQLCipher and on PostgreSQL)."""

    def test_rollback_on_error(self, any_store: Workspace) -> None:
        with pytest.raises(RuntimeError), any_store.begin() as conn:
            repository.upsert_candidates(conn, [a_candidate()])
            raise RuntimeError("half way")
        with any_store.read() as conn:
            assert 0 == conn.execute(text("SELECT count(*) FROM candidate")).scalar_one()

    def test_reimport_updates_instead_of_duplicating(self, any_store: Workspace) -> None:
        assert (1, 0) == dialogue_service.save_candidates(any_store, [a_candidate()])
        assert (0, 1) == dialogue_service.save_candidates(any_store, [a_candidate()])
        assert 1 == len(dialogue_service.list_candidates(any_store))


def test_meeting_dates_round_trip(any_store: Workspace) -> None:
    from backchannel.domain.dialogue import Meeting

    dialogue_service.init_dialogue(
        any_store, Dialogue(title="T", meetings=(Meeting(1, date(2027, 1, 18), 2, "Port Idris"),))
    )
    assert date(2027, 1, 18) == dialogue_service.get_dialogue(any_store).meetings[0].starts
