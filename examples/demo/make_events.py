"""Write the demo's synthetic event table, events.csv, in the UCDP GED column layout.

Every event is invented: the country (Sarnland), its places and its armed actors are
fictional. The table tells one story for the ripeness indicators and the brief's charts:

- fatalities peak in early 2025 (an offensive and a counter-offensive) and fall toward a
  costly stalemate in 2026 that still kills people every month (a mutually hurting stalemate);
- the front line swings west and east along the Sarn corridor in 2025 and freezes near
  Halvik in 2026, so the places where each side is active move a lot, then stabilise.

About three events in four are state-based (the government against the Velmar Authority);
the rest are non-state (the Authority against a splinter militia in Upper Sarn) and
one-sided violence against civilians. The side names are the party names of dialogue.toml.

Run from anywhere; the output is the same on every run (fixed seed, standard library only):

    python examples/demo/make_events.py [OUT.csv]
"""

from __future__ import annotations

import csv
import math
import random
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20250101
COUNTRY = "Sarnland (fictional)"
REGION = "Africa"
SPLINTER = "Upper Sarn Brigades"
CIVILIANS = "Civilians"
COLUMNS = [
    "id",
    "relid",
    "year",
    "active_year",
    "type_of_violence",
    "conflict_name",
    "dyad_name",
    "side_a",
    "side_b",
    "source_article",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
]

# Events per month, January 2025 to November 2026 (23 months, 500 events).
EVENTS_PER_MONTH = (
    (36, 44, 46, 38, 30, 34, 28, 22, 20, 22, 18, 16)  # 2025: offensives, then exhaustion
    + (15, 14, 14, 13, 13, 12, 13, 12, 12, 14, 14)  # 2026: stalemate
)
# Mean deaths per event, same months.
MEAN_DEATHS = (8.0, 10.0, 10.0, 9.0, 7.0, 8.0, 6.0, 5.0, 5.0, 4.5, 4.0, 4.0) + (
    3.5,
    3.5,
    3.5,
    3.4,
    3.4,
    3.3,
    3.4,
    3.3,
    3.3,
    3.5,
    3.6,
)
# Longitude of the front line across the corridor: a push west toward Qadira, a
# counter-offensive east toward Velmar, then a freeze near Halvik (41.0).
FRONT_LONGITUDE = (
    40.95,
    40.75,
    40.60,
    40.70,
    40.90,
    41.20,
    41.40,
    41.30,
    41.10,
    40.95,
    41.05,
    40.98,
) + (41.00, 41.01, 40.99, 41.00, 41.00, 41.01, 41.00, 40.99, 41.00, 41.00, 41.01)
CORRIDOR_LATITUDE = 14.72


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    adm_1: str
    latitude: float
    longitude: float


PLACES = (
    Place("Qadira", "Qadira province", 14.78, 40.30),
    Place("Ashtar", "Qadira province", 14.95, 40.70),
    Place("Tamsa", "Qadira province", 14.50, 40.55),
    Place("Lower Sarn", "Sarn Valley province", 14.35, 40.90),
    Place("Halvik", "Sarn Valley province", 14.72, 41.00),
    Place("Dorran crossing", "Sarn Valley province", 14.62, 41.22),
    Place("Bir Salah", "Sarn Valley province", 14.42, 41.45),
    Place("Upper Sarn", "Upper Sarn province", 15.18, 41.15),
    Place("Kerem", "Upper Sarn province", 15.05, 41.55),
    Place("Velmar", "Velmar province", 14.70, 41.70),
)


@dataclass(frozen=True, slots=True)
class Event:
    kind: int  # 1 state-based, 2 non-state, 3 one-sided
    side_a: str
    side_b: str
    start: date
    end: date
    date_prec: int
    clarity: int
    latitude: float
    longitude: float
    deaths: tuple[int, int, int, int]  # side a, side b, civilians, unknown
    low: int
    high: int

    @property
    def best(self) -> int:
        return sum(self.deaths)


def party_names(dialogue: Path) -> tuple[str, str]:
    """The names of parties A and B in dialogue.toml."""
    data = tomllib.loads(dialogue.read_text(encoding="utf-8"))
    names = {str(p["code"]): str(p["name"]) for p in data["parties"]}
    return names["A"], names["B"]


def month_start(index: int) -> date:
    return date(2025 + index // 12, index % 12 + 1, 1)


def days_in_month(first: date) -> int:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (following - first).days


def nearest(latitude: float, longitude: float) -> Place:
    return min(PLACES, key=lambda p: math.hypot(p.latitude - latitude, p.longitude - longitude))


def clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def split_deaths(rng: random.Random, best: int, shares: tuple[float, ...]) -> list[int]:
    """`best` deaths shared at random among the four death columns."""
    counts = [0, 0, 0, 0]
    for _ in range(best):
        counts[rng.choices(range(4), weights=shares)[0]] += 1
    return counts


def make_event(rng: random.Random, month: int, government: str, authority: str) -> Event:
    first = month_start(month)
    stalemate = first.year >= 2026
    front = FRONT_LONGITUDE[month]
    spread = 0.04 if stalemate else 0.14
    roll = rng.random()
    if roll < 0.75:
        kind, side_a, side_b = 1, government, authority
        latitude = rng.gauss(CORRIDOR_LATITUDE, 0.08 if stalemate else 0.22)
        longitude = rng.gauss(front, spread)
        shares: tuple[float, ...] = (0.42, 0.42, 0.08, 0.08)
    elif roll < 0.87:
        kind, side_a, side_b = 2, authority, SPLINTER
        latitude = rng.gauss(15.15, 0.08)
        longitude = rng.gauss(41.30, 0.12)
        shares = (0.45, 0.45, 0.05, 0.05)
    else:
        kind, side_b = 3, CIVILIANS
        if rng.random() < 0.5:
            side_a, longitude = government, rng.gauss(front + 0.15, spread)
        else:
            side_a, longitude = authority, rng.gauss(front - 0.15, spread)
        latitude = rng.gauss(CORRIDOR_LATITUDE, 0.08 if stalemate else 0.2)
        shares = (0.0, 0.0, 1.0, 0.0)
    start = first + timedelta(days=rng.randrange(days_in_month(first)))
    date_prec = rng.choices((1, 2, 3), weights=(7, 2, 1))[0]
    end = start + timedelta(days=0 if date_prec == 1 else rng.randint(1, 6))
    end = min(end, date(2026, 11, 30))
    mean = MEAN_DEATHS[month]
    best = 1 + int(rng.expovariate(1 / (mean - 1)))
    deaths = split_deaths(rng, best, shares)
    return Event(
        kind=kind,
        side_a=side_a,
        side_b=side_b,
        start=start,
        end=end,
        date_prec=date_prec,
        clarity=1 if rng.random() < 0.9 else 2,
        latitude=round(clip(latitude, 14.0, 15.5), 4),
        longitude=round(clip(longitude, 40.0, 42.0), 4),
        deaths=(deaths[0], deaths[1], deaths[2], deaths[3]),
        low=max(1, best - rng.randint(0, best // 3)),
        high=best + rng.randint(0, max(1, best // 2)),
    )


def make_events(government: str, authority: str, seed: int = SEED) -> list[Event]:
    """Every event of the story, in date order."""
    # Synthetic demo data, not a secret: a seeded, reproducible generator is the point.
    rng = random.Random(seed)  # noqa: S311
    events = [
        make_event(rng, month, government, authority)
        for month, count in enumerate(EVENTS_PER_MONTH)
        for _ in range(count)
    ]
    return sorted(events, key=lambda e: (e.start, e.kind, e.longitude))


def conflict_name(event: Event) -> str:
    if event.kind == 1:
        return "Sarnland: Velmar"
    return f"{event.side_a} - {event.side_b}"


def rows(events: list[Event]) -> list[dict[str, object]]:
    """The events as GED rows; `active_year` is 1 when the dyad reached 25 deaths that year."""
    dyad_year: defaultdict[tuple[str, str, int], int] = defaultdict(int)
    for event in events:
        dyad_year[(event.side_a, event.side_b, event.start.year)] += event.best
    codes = {1: "001", 2: "002", 3: "003"}
    out: list[dict[str, object]] = []
    for number, event in enumerate(events, 1):
        place = nearest(event.latitude, event.longitude)
        close = math.hypot(place.latitude - event.latitude, place.longitude - event.longitude)
        year = event.start.year
        out.append(
            {
                "id": number,
                "relid": f"SRN-{year}-{event.kind}-{codes[event.kind]}-{number}",
                "year": year,
                "active_year": int(dyad_year[(event.side_a, event.side_b, year)] >= 25),
                "type_of_violence": event.kind,
                "conflict_name": conflict_name(event),
                "dyad_name": f"{event.side_a} - {event.side_b}",
                "side_a": event.side_a,
                "side_b": event.side_b,
                "source_article": f"Synthetic demo report {number:04d} (no real source)",
                "where_coordinates": f"{place.name} {'town' if close < 0.05 else 'area'}",
                "adm_1": place.adm_1,
                "adm_2": f"{place.name} district",
                "latitude": f"{event.latitude:.4f}",
                "longitude": f"{event.longitude:.4f}",
                "country": COUNTRY,
                "region": REGION,
                "event_clarity": event.clarity,
                "date_prec": event.date_prec,
                "date_start": event.start.isoformat(),
                "date_end": event.end.isoformat(),
                "deaths_a": event.deaths[0],
                "deaths_b": event.deaths[1],
                "deaths_civilians": event.deaths[2],
                "deaths_unknown": event.deaths[3],
                "best": event.best,
                "high": event.high,
                "low": event.low,
            }
        )
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE / "events.csv"
    government, authority = party_names(HERE / "dialogue.toml")
    events = make_events(government, authority)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(events))
    print(f"wrote {len(events)} events to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
