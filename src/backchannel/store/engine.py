"""Engines for the three places a workspace can live: SQLCipher (default), SQLite, PostgreSQL.

The passphrase goes into SQLCipher's `PRAGMA key` through SQLAlchemy's pysqlcipher dialect;
the engine's URL masks it, and no error built here mentions it. The same holds for a
PostgreSQL password: errors name the server as `user@host:port/database` (`where`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError
from sqlalchemy.pool import QueuePool

from backchannel.domain.errors import WorkspaceError


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


# Connections a workspace engine may hold: as many as the threads the web server runs at
# once (Starlette's thread pool: 40).
POOL_CONNECTIONS = 40
# How long a write waits for another connection's write to finish (SQLite's default of 5 s
# failed logins when 50 participants logged in at once on two busy cores).
BUSY_TIMEOUT_SECONDS = 30.0


# SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512 over the passphrase and the 16-byte salt
# that opens the file, 256,000 rounds, a 256-bit key.
KDF_ROUNDS = 256_000
SALT_BYTES = 16


def raw_key(path: Path, passphrase: str) -> str | None:
    """SQLCipher's raw-key form (x'key salt') of the passphrase for the file at `path`, or
    None when the file has no salt yet. Deriving the key once here, instead of in every
    connection the pool opens (about 0.1 s of CPU each), is what lets 50 logins at once
    not queue behind 40 key derivations. A wrong passphrase gives a wrong key, refused
    by the file's page HMAC exactly as before."""
    try:
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError:
        return None
    if len(salt) < SALT_BYTES:
        return None
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32)
    return f"x'{key.hex()}{salt.hex()}'"


def _create_encrypted(path: Path, passphrase: str) -> None:
    """Make the empty encrypted file (its header holds the salt) with the passphrase."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
        conn.execute("CREATE TABLE backchannel_created (x)")
        conn.execute("DROP TABLE backchannel_created")
        conn.commit()
    finally:
        conn.close()


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def sqlcipher_engine(path: Path, passphrase: str) -> Engine:
    if not passphrase:
        raise WorkspaceError("an encrypted workspace needs a passphrase")
    if not path.exists() or path.stat().st_size == 0:
        _create_encrypted(path, passphrase)  # into the empty 0600 file the workspace made
    key = raw_key(path, passphrase) or passphrase
    url = URL.create("sqlite+pysqlcipher", password=key, database=str(path))
    # SQLAlchemy's pysqlcipher dialect defaults to SingletonThreadPool, which closes a
    # connection another thread is still using once more than five threads have one: the
    # web server's thread pool crashed the process (SIGSEGV). A QueuePool hands each thread
    # its own connection, as pysqlite does for files (tests/store/test_threads.py). Opening
    # a connection derives the key (about 0.1 s), so the pool keeps as many as the web
    # server has threads instead of opening and closing overflow connections.
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=POOL_CONNECTIONS,
        max_overflow=0,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    _quiet_sqlcipher(engine)
    _enable_sqlite_foreign_keys(engine)
    return engine


def _quiet_sqlcipher(engine: Engine) -> None:
    """SQLCipher writes its own lines to the terminal when a page fails its check ("ERROR
    CORE sqlcipher_page_cipher: hmac check failed"): a wrong passphrase showed three of
    them before the one line backchannel gives. The error still comes back as an error."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.close()


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    _enable_sqlite_foreign_keys(engine)
    return engine


# `postgresql://` means psycopg 3 here (SQLAlchemy's default driver, psycopg2, is not used).
_POSTGRESQL_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}
_URL_FORM = "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
CONNECT_TIMEOUT_SECONDS = 10


def postgresql_url(url: str) -> URL:
    """Parse a server URL; WorkspaceError (without the URL, which may hold a password)
    unless it names a PostgreSQL database."""
    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError):
        raise WorkspaceError(f"not a database URL: give {_URL_FORM}") from None
    if parsed.drivername not in _POSTGRESQL_SCHEMES:
        raise WorkspaceError(
            f"{parsed.drivername}:// is not a PostgreSQL URL: give {_URL_FORM} "
            "(a workspace file is opened with --workspace)"
        )
    if not parsed.database:
        raise WorkspaceError(f"the URL names no database: give {_URL_FORM}")
    return parsed.set(drivername="postgresql+psycopg")


def where(url: URL) -> str:
    """`user@host:port/database`: the server named without password or options."""
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{user}{url.host or 'localhost'}{port}/{url.database}"


def url_engine(url: str) -> Engine:
    """A server database (PostgreSQL) given by URL."""
    parsed = postgresql_url(url)
    connect_args: dict[str, object] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    # Up to one connection per web server thread (40): 10 kept, the rest opened under load.
    return create_engine(
        parsed,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=POOL_CONNECTIONS - 10,
        connect_args=connect_args,
    )


# What to do about the server's commonest refusals (docs/server-mode.md).
_HINTS = {
    "no schema has been selected to create in": "create the schema the URL's search_path names",
    "permission denied for": "the user must own the database (createdb -O USER) or the schema",
}


def server_error(engine: Engine, error: DBAPIError, doing: str) -> WorkspaceError:
    """A one-line error for a failure talking to the server: the driver's first line and
    a hint, with the password (if it somehow appears) blotted out."""
    lines = str(error.orig).strip().splitlines()
    reason = " ".join(lines[0].removeprefix("connection failed: ").split()) if lines else ""
    hint = next((f" ({h})" for found, h in _HINTS.items() if found in reason), "")
    message = f"{where(engine.url)}: {doing}: {reason or type(error.orig).__name__}{hint}"
    password = engine.url.password
    if password:
        for form in {str(password), quote(str(password), safe="")}:
            message = message.replace(form, "***")
    return WorkspaceError(message)


def check_reachable(engine: Engine) -> None:
    """Connect once, so that a wrong host, port, user or database fails here, in one line."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
    except DBAPIError as error:
        engine.dispose()
        raise server_error(engine, error, "cannot open the database") from None


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
