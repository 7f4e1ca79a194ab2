"""The login throttle's rule: growing delays, never a lock that others can hold shut."""

from __future__ import annotations

from datetime import datetime, timedelta

from backchannel.domain.throttle import Policy

NOW = datetime(2026, 12, 7, 9, 0, 0)
POLICY = Policy()


def test_free_failures_then_a_doubling_delay_up_to_the_longest() -> None:
    waits = [POLICY.wait(n, 3, NOW, NOW) for n in (2, 3, 4, 5, 13, 40)]
    assert [0.0, 1.0, 2.0, 4.0, 900.0, 900.0] == waits


def test_the_delay_runs_from_the_last_failure_and_the_window_forgets() -> None:
    assert 0.0 == POLICY.wait(5, 3, NOW, NOW + timedelta(seconds=4))
    assert 0.0 == POLICY.wait(40, 3, NOW, NOW + timedelta(seconds=901))


def test_a_known_device_meets_only_its_own_counter() -> None:
    known = POLICY.counters("facilitator", "203.0.113.9", "d3adbeef")
    unknown = POLICY.counters("facilitator", "203.0.113.9", None)
    assert ["d:facilitator|d3adbeef"] == [c.key for c in known]
    assert ["p:facilitator|203.0.113.9", "h:facilitator", "a:203.0.113.9"] == [
        c.key for c in unknown
    ]
