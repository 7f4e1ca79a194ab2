"""Ripeness indicators from conflict event data: fatality trend and front-line stability.

Zartman's ripe moment needs a *hurting stalemate*; event data can show an assessor two things.

**Fatality trend** (does it hurt more or less?). A dyad is the unordered pair of sides of an
event, sorted by name; one-sided violence keeps its "Civilians" side, an event with no second
side is paired with ``NO_SIDE``. Fatalities are summed per calendar month and zero-filled over
the whole period (the first event's month to the month of ``as_of``). ``recent_change`` compares
the last six months with the six before, as a fraction (-0.45 = fell 45%); a series shorter than
twelve months compares its two most recent halves, a single month has no change (``None``,
"flat"). When the earlier window has no fatalities the fraction is undefined (``None``; 0.0 if
neither window has any) and the direction is "rising" if the recent window has enough. The
direction is "rising" or "falling" only when the change is at least ``CHANGE_THRESHOLD`` (25%)
*and* at least ``MIN_CHANGE_DEATHS`` (5) deaths, so that 3 against 2 deaths stays "flat". When
``as_of`` is given and is not the last day of its month, that month is partial: it is shown in
``months`` but left out of the comparison.

**Front-line stability** (is it a stalemate?). Each event a side takes part in marks a place
where it is active, snapped to a ``CELL_DEGREES`` cell (0.1 degree, about 11 km) and counted by
events, not fatalities, so one massacre does not outweigh a season of shelling. The *shift*
between two consecutive active quarters of a side is

    chamfer(earlier, later) - mean(spacing(earlier), spacing(later)), floored at 0

where the chamfer distance is the symmetric mean nearest distance (for every event of one
quarter, the great-circle distance to the nearest place of the other, averaged, both ways, then
averaged) and the spacing of a quarter is the mean distance from each of its events to the
nearest other event of the same quarter. The chamfer distance of two samples of the same unmoved
front is about their spacing, so the difference is near 0 for a frozen front even when its
events are sparse (single quarters of 3 events can still spike), and close to the distance
gained or lost when the front moves (a little under it when events are few). Unlike the shift of
a centroid it stays near 0 for a side on two fixed fronts whose relative intensity changes, and
it grows when a side opens or leaves a theatre. A quarter without events for the side is skipped
(the next active quarter is compared with the last active one). ``recent_shift_km`` is the mean
of the last two shifts (about six months); the label is "stable" below ``STABLE_KM`` (15 km per
quarter), "volatile" from ``VOLATILE_KM`` (60 km), "shifting" in between. Sides named
"Civilians..." are victims, not fronts, and are left out, as are sides active in a single
quarter. When one of the quarters behind it has fewer than ``FEW_EVENTS`` (10) events the
summary says to read the figure with care.
"""

from __future__ import annotations

import bisect
import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from backchannel.domain.errors import BadInputError

INDICATOR_NAMES = ("fatality_trend", "front_line_stability")

NO_SIDE = "(no second side)"
WINDOW_MONTHS = 6
CHANGE_THRESHOLD = 0.25
MIN_CHANGE_DEATHS = 5
CELL_DEGREES = 0.1
STABLE_KM = 15.0
VOLATILE_KM = 60.0
FEW_EVENTS = 10
RECENT_SHIFTS = 2
SUMMARY_LIMIT = 5
EARTH_RADIUS_KM = 6371.0088

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")


@dataclass(frozen=True, slots=True)
class Event:
    """One conflict event, whatever layout it came from."""

    source_id: str
    day: date
    side_a: str
    side_b: str
    adm_1: str
    latitude: float
    longitude: float
    fatalities: int

    def __post_init__(self) -> None:
        if not self.side_a.strip():
            raise BadInputError("must not be empty", field="side_a")
        for field, limit in (("source_id", 64), ("side_a", 200), ("side_b", 200), ("adm_1", 200)):
            if len(getattr(self, field)) > limit:
                raise BadInputError(f"is longer than {limit} characters", field=field)
        if not (math.isfinite(self.latitude) and -90.0 <= self.latitude <= 90.0):
            raise BadInputError(f"{self.latitude} is outside -90..90", field="latitude")
        if not (math.isfinite(self.longitude) and -180.0 <= self.longitude <= 180.0):
            raise BadInputError(f"{self.longitude} is outside -180..180", field="longitude")
        if self.fatalities < 0:
            raise BadInputError(f"{self.fatalities} is below 0", field="fatalities")

    @property
    def dyad(self) -> tuple[str, str]:
        """The unordered pair of sides, sorted; a missing second side is ``NO_SIDE``."""
        if not self.side_b.strip():
            return (self.side_a, NO_SIDE)
        first, second = sorted((self.side_a, self.side_b))
        return (first, second)


@dataclass(frozen=True, slots=True)
class DyadTrend:
    """Monthly fatalities for one unordered pair of sides."""

    dyad: tuple[str, str]
    months: tuple[tuple[str, int], ...]  # ("2025-01", 42), zero-filled
    recent_change: float | None
    direction: str  # "rising" | "falling" | "flat"
    partial_last: bool = False  # the last month is still running on ``as_of``

    @property
    def total(self) -> int:
        return sum(count for _month, count in self.months)


@dataclass(frozen=True, slots=True)
class SideStability:
    """How far the places where one side is active move from quarter to quarter."""

    side: str
    periods: tuple[tuple[str, float], ...]  # ("2025-Q2", km moved since last active quarter)
    recent_shift_km: float | None
    label: str  # "stable" | "shifting" | "volatile"
    fewest_events: int = 0  # fewest events in one of the quarters behind recent_shift_km


@dataclass(frozen=True, slots=True)
class Indicators:
    trends: tuple[DyadTrend, ...]  # most fatalities in the last year first
    stability: tuple[SideStability, ...]  # most events first
    summary: tuple[str, ...]


def compute_indicators(events: Sequence[Event], *, as_of: date | None = None) -> Indicators:
    """Fatality trend per dyad and front-line stability per side, up to ``as_of``.

    Events after ``as_of`` are ignored (an assessment cannot see the future); without
    ``as_of`` the data's last day is used.
    """
    if not events:
        raise BadInputError("no events", field="events")
    if as_of is not None:
        kept = [e for e in events if e.day <= as_of]
        if not kept:
            raise BadInputError(f"no events on or before {as_of.isoformat()}", field="events")
    else:
        kept = list(events)
    first = min(e.day for e in kept)
    last = max(e.day for e in kept)
    end = as_of if as_of is not None else last
    partial = as_of is not None and as_of.day < calendar.monthrange(as_of.year, as_of.month)[1]

    trends = _trends(kept, first, end, partial)
    stability = _stability(kept)
    return Indicators(
        trends=trends,
        stability=stability,
        summary=_summary(kept, first, last, trends, stability, _quarter(end)),
    )


# --- fatality trend -----------------------------------------------------------------------


def _month(day: date) -> tuple[int, int]:
    return (day.year, day.month)


def _month_range(start: date, end: date) -> list[tuple[int, int]]:
    year, month = _month(start)
    out = []
    while (year, month) <= _month(end):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _trends(
    events: Iterable[Event], first: date, end: date, partial: bool
) -> tuple[DyadTrend, ...]:
    months = _month_range(first, end)
    per_dyad: dict[tuple[str, str], Counter[tuple[int, int]]] = defaultdict(Counter)
    for event in events:
        per_dyad[event.dyad][_month(event.day)] += event.fatalities
    trends = []
    for dyad, counts in per_dyad.items():
        series = [counts.get(m, 0) for m in months]
        change, direction = _direction(series[:-1] if partial else series)
        labels = tuple((f"{y:04d}-{m:02d}", n) for (y, m), n in zip(months, series, strict=True))
        trends.append(DyadTrend(dyad, labels, change, direction, partial))
    trends.sort(key=lambda t: (-sum(n for _m, n in t.months[-12:]), -t.total, t.dyad))
    return tuple(trends)


def _windows(series: Sequence[int]) -> tuple[int, int, int]:
    """(window length, fatalities in the recent window, in the window before)."""
    width = min(WINDOW_MONTHS, len(series) // 2)
    if width == 0:
        return (0, 0, 0)
    return (width, sum(series[-width:]), sum(series[-2 * width : -width]))


def _direction(series: Sequence[int]) -> tuple[float | None, str]:
    width, recent, before = _windows(series)
    if width == 0:
        return (None, "flat")
    if before == 0:
        rising = recent >= MIN_CHANGE_DEATHS
        return (0.0 if recent == 0 else None, "rising" if rising else "flat")
    change = (recent - before) / before
    if abs(change) >= CHANGE_THRESHOLD and abs(recent - before) >= MIN_CHANGE_DEATHS:
        return (change, "rising" if change > 0 else "falling")
    return (change, "flat")


# --- front-line stability -----------------------------------------------------------------


def _quarter(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def _cell(event: Event) -> tuple[float, float]:
    """Centre of the CELL_DEGREES cell holding the event."""
    row = math.floor(event.latitude / CELL_DEGREES)
    col = math.floor(event.longitude / CELL_DEGREES)
    lat = min(90.0, (row + 0.5) * CELL_DEGREES)
    lon = min(180.0, (col + 0.5) * CELL_DEGREES)
    return (round(lat, 6), round(lon, 6))


def _is_front_side(side: str) -> bool:
    return side != NO_SIDE and bool(side.strip()) and not side.lower().startswith("civilians")


def _stability(events: Iterable[Event]) -> tuple[SideStability, ...]:
    cells: dict[str, dict[str, Counter[tuple[float, float]]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    event_count: Counter[str] = Counter()
    for event in events:
        quarter, cell = _quarter(event.day), _cell(event)
        for side in set(event.dyad):
            if _is_front_side(side):
                cells[side][quarter][cell] += 1
                event_count[side] += 1
    out = []
    for side, by_quarter in cells.items():
        quarters = sorted(by_quarter)
        if len(quarters) < 2:
            continue
        periods = tuple(
            (later, round(shift_km(by_quarter[earlier], by_quarter[later]), 1))
            for earlier, later in zip(quarters, quarters[1:], strict=False)
        )
        recent_values = [km for _q, km in periods[-RECENT_SHIFTS:]]
        recent = round(sum(recent_values) / len(recent_values), 1)
        seen = min(by_quarter[q].total() for q in quarters[-RECENT_SHIFTS - 1 :])
        out.append(SideStability(side, periods, recent, _stability_label(recent), seen))
    out.sort(key=lambda s: (-event_count[s.side], s.side))
    return tuple(out)


def _stability_label(km: float) -> str:
    if km < STABLE_KM:
        return "stable"
    return "volatile" if km >= VOLATILE_KM else "shifting"


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class _Places:
    """Event-weighted places, sorted by latitude for a nearest-neighbour sweep."""

    def __init__(self, counts: Counter[tuple[float, float]]) -> None:
        self.counts = counts
        self.points = sorted(counts)
        self.lats = [p[0] for p in self.points]
        self.radians = [
            (math.radians(lat), math.radians(lon), math.cos(math.radians(lat)))
            for lat, lon in self.points
        ]

    def nearest_km(self, place: tuple[float, float], *, other_than_itself: bool = False) -> float:
        """Great-circle distance to the nearest place. Walks out from ``place``'s latitude,
        comparing haversine terms, and stops once the latitude term alone is no better."""
        lat, lon = math.radians(place[0]), math.radians(place[1])
        cos_lat = math.cos(lat)
        best = math.inf
        start = bisect.bisect_left(self.lats, place[0])
        for step in (-1, 1):
            index = start if step == 1 else start - 1
            while 0 <= index < len(self.points):
                p_lat, p_lon, p_cos = self.radians[index]
                lat_term = math.sin((p_lat - lat) / 2) ** 2
                if lat_term >= best:
                    break
                if not (other_than_itself and self.points[index] == place):
                    h = lat_term + cos_lat * p_cos * math.sin((p_lon - lon) / 2) ** 2
                    best = min(best, h)
                index += step
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, best)))

    def mean_nearest_km(self, target: _Places) -> float:
        """Event-weighted mean distance from each event here to the nearest place in target."""
        total = sum(target.nearest_km(p) * n for p, n in self.counts.items())
        return total / self.counts.total()

    def spacing_km(self) -> float | None:
        """Event-weighted mean distance from each event to the nearest *other* event here
        (0 for an event sharing its cell); None for a single event."""
        if self.counts.total() < 2:
            return None
        total = 0.0
        for place, n in self.counts.items():
            if n == 1:
                total += self.nearest_km(place, other_than_itself=True)
        return total / self.counts.total()


def shift_km(earlier: Counter[tuple[float, float]], later: Counter[tuple[float, float]]) -> float:
    """How far (km) the event-weighted places ``later`` lie from ``earlier``, beyond noise.

    The symmetric mean nearest distance between the two sets (a chamfer distance), less the
    mean spacing of events within each set (what the chamfer distance shows for two samples of
    the same unmoved front), floored at 0.
    """
    before, after = _Places(earlier), _Places(later)
    chamfer = (after.mean_nearest_km(before) + before.mean_nearest_km(after)) / 2
    spacings = [s for s in (before.spacing_km(), after.spacing_km()) if s is not None]
    baseline = sum(spacings) / len(spacings) if spacings else 0.0
    return max(0.0, chamfer - baseline)


# --- plain sentences ----------------------------------------------------------------------

_MONTHS = "January February March April May June July August September October November December"


def _long_date(day: date) -> str:
    return f"{day.day} {_MONTHS.split()[day.month - 1]} {day.year}"


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _trend_sentence(trend: DyadTrend) -> str:
    series = [n for _m, n in trend.months][: -1 if trend.partial_last else None]
    width, recent, before = _windows(series)
    if trend.dyad[1] == NO_SIDE:
        where = f"in events of {trend.dyad[0]} with no second side"
    else:
        where = f"between {trend.dyad[0]} and {trend.dyad[1]}"
    if width == 0:
        return f"Fatalities {where}: {trend.total:,}, too short a period to show a trend."
    span = "the last month" if width == 1 else f"the last {_count(width)} months"
    if recent == 0 and before == 0:
        return f"No fatalities {where} in {span} or the {_count(width)} before."
    if before == 0:
        return f"Fatalities {where} rose from none to {recent:,} in {span}."
    if recent == 0:
        return f"Fatalities {where} fell from {before:,} to none in {span}."
    figures = f"({recent:,}, against {before:,} in the {_count(width)} before)"
    percent = round(abs(trend.recent_change or 0.0) * 100)
    verb = {"falling": f"fell {percent}%", "rising": f"rose {percent}%"}.get(
        trend.direction, "held roughly steady"
    )
    return f"Fatalities {where} {verb} in {span} {figures}."


def _stability_sentence(item: SideStability, current_quarter: str) -> str:
    last_quarter = item.periods[-1][0]
    year, q = int(current_quarter[:4]), int(current_quarter[-1])
    previous = f"{year - 1:04d}-Q4" if q == 1 else f"{year:04d}-Q{q - 1}"
    notes = []
    if last_quarter < previous:
        notes.append(f"last active in {last_quarter}")
    shifts = min(RECENT_SHIFTS, len(item.periods))
    if item.fewest_events < FEW_EVENTS:
        few = item.fewest_events
        notes.append(f"a quarter with only {few} event{'' if few == 1 else 's'}: read with care")
    over = "since its previous active quarter" if shifts == 1 else "over its last two quarters"
    return (
        f"The area where {item.side} is active moved {item.recent_shift_km or 0.0:.0f} km per "
        f"quarter on average {over}: {item.label}" + (f" ({'; '.join(notes)})." if notes else ".")
    )


def _summary(
    events: Sequence[Event],
    first: date,
    last: date,
    trends: Sequence[DyadTrend],
    stability: Sequence[SideStability],
    current_quarter: str,
) -> tuple[str, ...]:
    deaths = sum(e.fatalities for e in events)
    sentences = [
        f"{len(events):,} event{'s' if len(events) != 1 else ''} from {_long_date(first)} to "
        f"{_long_date(last)}, {deaths:,} fatalit{'ies' if deaths != 1 else 'y'}, "
        f"{len(trends)} pair{'s' if len(trends) != 1 else ''} of sides."
    ]
    sentences += [_trend_sentence(t) for t in trends[:SUMMARY_LIMIT]]
    if len(trends) > SUMMARY_LIMIT:
        sentences.append(f"{len(trends) - SUMMARY_LIMIT} other pair(s) of sides not summarised.")
    sentences += [_stability_sentence(s, current_quarter) for s in stability[:SUMMARY_LIMIT]]
    if len(stability) > SUMMARY_LIMIT:
        sentences.append(f"{len(stability) - SUMMARY_LIMIT} other side(s) not summarised.")
    if not stability:
        sentences.append(
            "No side was active in two or more quarters: front-line movement cannot be measured."
        )
    return tuple(sentences)
