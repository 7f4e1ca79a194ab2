"""The one place services read the clock, so tests can pass their own `now`."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def today() -> date:
    return now().date()
