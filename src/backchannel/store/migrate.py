"""Run Alembic migrations on a workspace's connection, programmatically.

Alembic (and Mako, Pygments with it) loads only when a schema must change: opening a
workspace already at the newest revision reads its `alembic_version` row and goes on,
which spares every command a third of a second of start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

_MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    rev = ScriptDirectory.from_config(_config()).get_current_head()
    assert rev is not None  # noqa: S101 - the package always ships migrations
    return rev


def newest_shipped() -> str:
    """The newest revision the package ships, from its file names (`0014_name.py`: each
    revision's id is its number and they run in one line), known without Alembic."""
    return max(p.name.split("_", 1)[0] for p in (_MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def current(engine: Engine) -> str | None:
    """The revision the workspace is at (None: a new one), read without Alembic."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:  # no such table yet: a new workspace
        return None
    return None if found is None else str(found)


# Any fixed number: the key of the PostgreSQL advisory lock that serialises migrations.
_MIGRATION_LOCK = 0x6263_6863  # "bchc"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction.

    On PostgreSQL, processes that open the same database at once (several web workers, the
    CLI beside the server) take turns: the first builds the schema, the others find it done.
    """
    if revision == "head" and current(engine) == newest_shipped():
        return  # already there
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
