"""How failed logins slow further attempts, without handing anyone a lock-out.

Three counters, each a growing delay rather than a lock: after `free` failures within the
window, the next attempt waits 1 s, then 2, 4, ... up to `longest` seconds.

- a handle *with the device or address* it is tried from (3 free): guessing one account
  from one place slows quickly;
- a handle from *unknown* devices (10 free): guessing from many addresses slows too, but a
  device that logged in to this account before is not slowed by it, so an attacker elsewhere
  cannot keep the facilitator out;
- an address, for unknown devices (100 free): a venue's shared address holds a room of
  first logins, and no known device is slowed by its neighbours' typos.

Counters forget a failure `window` seconds after the last one. No I/O here: the service
keeps the counters in the store (services/login_throttle.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Counter:
    key: str
    free: int


@dataclass(frozen=True, slots=True)
class Policy:
    pair_free: int = 3
    handle_free: int = 10
    address_free: int = 100
    window: float = 900.0
    longest: float = 900.0

    def counters(self, handle: str, address: str, device: str | None) -> tuple[Counter, ...]:
        """The counters one attempt meets: `device` is the known device's hash, or None."""
        handle = handle[:64]
        if device is not None:
            return (Counter(f"d:{handle}|{device}", self.pair_free),)
        return (
            Counter(f"p:{handle}|{address[:64]}", self.pair_free),
            Counter(f"h:{handle}", self.handle_free),
            Counter(f"a:{address[:64]}", self.address_free),
        )

    def live(self, last_at: datetime, now: datetime) -> bool:
        """Whether a counter's failures still count."""
        return now - last_at < timedelta(seconds=self.window)

    def wait(self, failures: int, free: int, last_at: datetime, now: datetime) -> float:
        """Seconds until the next attempt may be checked (0: now)."""
        if failures < free or not self.live(last_at, now):
            return 0.0
        delay = min(2.0 ** (failures - free), self.longest)
        return max(0.0, (last_at + timedelta(seconds=delay) - now).total_seconds())
