"""Password checks on their own small pool, beside the one pages and ratings share.

argon2 is built to be slow and to take memory: 50 logins as a meeting opens (or an
attacker's storm of wrong ones) used to hold every thread of the page pool, so /healthz
and every rating waited tens of seconds. Here at most `workers` checks run at once (one
per two cores), at most `waiting` queue behind them; past that a login is told to wait a
few seconds (503 with Retry-After) instead of hanging.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

T = TypeVar("T")


class BusyError(Exception):
    """Too many logins are waiting for a password check."""


class PasswordChecks:
    def __init__(self, workers: int | None = None, waiting: int = 200) -> None:
        self.workers = workers or max(1, (os.cpu_count() or 2) // 2)
        self.waiting = waiting
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="password-check")
        self._queued = 0

    async def run(self, check: Callable[..., T], *args: object) -> T:
        """`check(*args)` on the password pool; BusyError when the queue is full."""
        if self._queued >= self.workers + self.waiting:
            raise BusyError
        self._queued += 1  # the event loop's thread only: no lock needed
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, partial(check, *args))
        finally:
            self._queued -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
