"""Opening a dialogue's workspace: an encrypted SQLCipher file, or a server database by URL.

A workspace is always brought to the newest schema when opened (Alembic migrations), so a
file made by an older backchannel keeps working.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from backchannel.domain.errors import WorkspaceError
from backchannel.store import engine as engines
from backchannel.store import migrate

SUFFIX = ".bch"


@dataclass(slots=True)
class Workspace:
    """An open workspace. `begin()` gives one transaction: all of it is written, or none."""

    engine: Engine
    location: str
    encrypted: bool

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(
    path: Path,
    passphrase: str | None,
    *,
    create: bool = False,
    revision: str = "head",
) -> Workspace:
    """Open (or with `create`, make) the workspace at `path`.

    `passphrase=None` means a plain SQLite file (the CLI's --insecure). A wrong passphrase
    raises WorkspaceError with a one-line message that never contains the passphrase.
    """
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder; give the workspace file (*{SUFFIX})")
    exists = path.exists()
    if not exists and not create:
        raise WorkspaceError(
            f"no workspace at {path}: create one with 'backchannel init', or give --workspace"
        )
    if not exists and not path.parent.exists():
        raise WorkspaceError(f"folder {path.parent} does not exist")
    if not exists:
        # Readable by its owner only, like the documents: SQLite would make it 0644 under
        # the usual umask, and its journal files take the database file's mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    encrypted = passphrase is not None
    engine = (
        engines.sqlcipher_engine(path, passphrase)
        if passphrase is not None
        else engines.sqlite_engine(path)
    )
    engines.check_readable(engine, path, encrypted=encrypted)
    migrate.upgrade(engine, revision)
    return Workspace(engine=engine, location=str(path), encrypted=encrypted)


def open_url(url: str, *, revision: str = "head") -> Workspace:
    """A workspace on a database server (PostgreSQL), for organisations with many dialogues.

    `url` is `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (docs/server-mode.md); the
    database must exist and belong to USER, who builds the schema in it on first open. A
    bad URL, an unreachable server, a refused login or a missing right raises
    WorkspaceError with one line that names `user@host:port/database`, never the password.
    """
    engine = engines.url_engine(url)
    engines.check_reachable(engine)
    try:
        migrate.upgrade(engine, revision)
    except DBAPIError as error:
        engine.dispose()
        raise engines.server_error(engine, error, "cannot build the schema") from None
    return Workspace(engine=engine, location=engines.where(engine.url), encrypted=False)
