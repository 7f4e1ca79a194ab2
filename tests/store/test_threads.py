"""One open workspace serves many threads at once (the web server runs up to 40).

SQLAlchemy's default pool for SQLCipher (SingletonThreadPool) closed connections other
threads were still using once more than five threads had one: the process died with
SIGSEGV. These tests crash the run if that comes back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, func, select

from backchannel.services.workspace import Workspace
from backchannel.store import approvals_repository, engine, tables

THREADS = 24  # more than the five connections that broke the old pool
ROUNDS = 10
NOW = datetime(2027, 1, 18, 9, 0)


def in_threads(work: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def run(k: int) -> None:
        start.wait()
        try:
            work(k)
        except BaseException as error:  # reported by the caller's assert
            errors.append(error)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def approvals(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(tables.gate_approval)).scalar_one())


class TestManyThreads:
    """Reads and read-then-write transactions from many threads all succeed, and every
    write is kept (on SQLCipher and on PostgreSQL)."""

    def test_reads(self, any_store: Workspace) -> None:
        def work(_k: int) -> None:
            for _ in range(ROUNDS):
                with any_store.read() as conn:
                    assert 0 == approvals(conn)

        assert [] == in_threads(work)

    def test_read_then_write(self, any_store: Workspace) -> None:
        def work(k: int) -> None:
            for i in range(ROUNDS):
                with any_store.begin() as conn:
                    approvals(conn)
                    approvals_repository.add_approval(conn, f"f-{k}-{i}", "brief.pdf", "ok", NOW)

        assert [] == in_threads(work)
        with any_store.read() as conn:
            assert THREADS * ROUNDS == approvals(conn)

    def test_the_pool_keeps_a_connection_per_thread(self, any_store: Workspace) -> None:
        """No connection is opened and closed again under load (a SQLCipher connection
        derives its key when it opens, about 0.1 s)."""
        pool = any_store.engine.pool
        assert "QueuePool" == type(pool).__name__
        assert engine.POOL_CONNECTIONS == pool.size() + max(0, pool._max_overflow)
