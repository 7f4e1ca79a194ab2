"""Engines for the three places a workspace can live: SQLCipher (default), SQLite, PostgreSQL.

The passphrase goes into SQLCipher's `PRAGMA key` through SQLAlchemy's pysqlcipher dialect;
the engine's URL masks it, and no error built here mentions it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from backchannel.domain.errors import WorkspaceError


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def sqlcipher_engine(path: Path, passphrase: str) -> Engine:
    if not passphrase:
        raise WorkspaceError("an encrypted workspace needs a passphrase")
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    engine = create_engine(url)
    _enable_sqlite_foreign_keys(engine)
    return engine


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    _enable_sqlite_foreign_keys(engine)
    return engine


def url_engine(url: str) -> Engine:
    """A server database (PostgreSQL) given by URL."""
    return create_engine(url, pool_pre_ping=True)


def check_readable(engine: Engine, path: Path, *, encrypted: bool) -> None:
    """Touch the file so that a wrong passphrase fails here with a one-line error."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except (DatabaseError, OperationalError):
        engine.dispose()
        if encrypted:
            raise WorkspaceError(
                f"{path.name}: wrong passphrase, or not an encrypted backchannel workspace"
            ) from None
        raise WorkspaceError(
            f"{path.name}: not a plain SQLite workspace (it may be encrypted: "
            "open it without --insecure)"
        ) from None
