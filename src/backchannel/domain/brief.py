"""The neutral evidence brief's records: map features, timeline, legal register, figures.

Each source of evidence carries its *origin*: the code of the party it comes from, or
``NEUTRAL`` for a neutral body, or ``""`` when the file does not say. The brief lists every
source with its origin, and the neutrality linter checks the list's balance.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError

NEUTRAL = "neutral"
MAX_NAME = 160
MAX_TEXT = 1200
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


class GeometryKind(enum.StrEnum):
    POINT = "point"
    LINE = "line"
    AREA = "area"


# Layers the map knows how to draw; any other layer name is drawn by its geometry kind.
KNOWN_LAYERS: dict[str, GeometryKind] = {
    "corridor": GeometryKind.LINE,
    "road": GeometryKind.LINE,
    "river": GeometryKind.LINE,
    "frontline": GeometryKind.LINE,
    "crossing": GeometryKind.POINT,
    "town": GeometryKind.POINT,
    "district": GeometryKind.AREA,
    "control": GeometryKind.AREA,
}


@dataclass(frozen=True, slots=True)
class MapStyle:
    """Optional style properties of a feature (the simplestyle names used by GeoJSON tools)."""

    stroke: str | None = None
    stroke_width: float | None = None
    fill: str | None = None
    fill_opacity: float | None = None
    marker_color: str | None = None


@dataclass(frozen=True, slots=True)
class MapFeature:
    """One named feature of a map layer; `geometry` is its GeoJSON geometry as JSON text."""

    layer: str
    name: str
    kind: GeometryKind
    geometry: str
    style: MapStyle = MapStyle()
    party: str = ""  # areas of control: the party said to control it
    source: str = ""
    origin: str = ""
    as_of: date | None = None

    def __post_init__(self) -> None:
        v.text(self.name, "name", max_len=MAX_NAME)
        v.text(self.layer, "layer", max_len=40)

    def geometry_mapping(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.geometry)
        return loaded


@dataclass(frozen=True, slots=True)
class PartyView:
    """How one party describes an event, in its own words."""

    party: str
    words: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    day: date
    event: str
    source: str
    origin: str = ""
    views: tuple[PartyView, ...] = ()
    month_only: bool = False  # the date is known to the month

    def __post_init__(self) -> None:
        v.text(self.event, "event", max_len=MAX_TEXT)
        v.text(self.source, "source", max_len=MAX_NAME)

    def when(self) -> str:
        """'3 March 2026', or 'March 2026' for a date known to the month."""
        month = _MONTHS[self.day.month - 1]
        if self.month_only:
            return f"{month} {self.day.year}"
        return f"{self.day.day} {month} {self.day.year}"


class LegalKind(enum.StrEnum):
    TREATY = "treaty"
    CUSTOMARY = "customary"
    SOFT_LAW = "soft law"
    DOMESTIC = "domestic"
    AGREEMENT = "agreement"
    RESOLUTION = "resolution"


@dataclass(frozen=True, slots=True)
class LegalProvision:
    """One line of the legal register: an obligation in plain words and why it matters here."""

    instrument: str
    provision: str
    obligation: str
    relevance: str
    kind: LegalKind = LegalKind.TREATY

    def __post_init__(self) -> None:
        v.text(self.instrument, "instrument", max_len=300)
        v.text(self.provision, "provision", max_len=MAX_NAME)
        v.text(self.obligation, "obligation", max_len=MAX_TEXT)
        v.text(self.relevance, "relevance", max_len=MAX_TEXT)


@dataclass(frozen=True, slots=True)
class Figure:
    """People affected, in need and reached in one district and sector (None: not given)."""

    adm1: str
    sector: str
    day: date
    affected: int | None = None
    in_need: int | None = None
    reached: int | None = None
    source: str = ""
    origin: str = ""

    def __post_init__(self) -> None:
        v.text(self.adm1, "adm1", max_len=MAX_NAME)
        v.text(self.sector, "sector", max_len=MAX_NAME)
        for name, value in (
            ("affected", self.affected),
            ("in_need", self.in_need),
            ("reached", self.reached),
        ):
            if value is not None and value < 0:
                raise BadInputError(f"{value} is below 0", field=name)

    def coverage(self) -> float | None:
        """Reached as a share of those in need, when both are known."""
        if self.reached is None or not self.in_need:
            return None
        return self.reached / self.in_need


@dataclass(frozen=True, slots=True)
class Source:
    """A source of evidence the brief cites, where it comes from and what it supports."""

    name: str
    origin: str  # a party code, NEUTRAL, or "" when not stated
    used_for: tuple[str, ...] = ()


def collect_sources(
    features: tuple[MapFeature, ...],
    timeline: tuple[TimelineEntry, ...],
    figures: tuple[Figure, ...],
) -> tuple[Source, ...]:
    """Every named source once, in order of first use, with the sections it supports."""
    found: dict[tuple[str, str], list[str]] = {}
    for section, items in (
        ("map", [(f.source, f.origin) for f in features]),
        ("timeline", [(t.source, t.origin) for t in timeline]),
        ("humanitarian data", [(f.source, f.origin) for f in figures]),
    ):
        for name, origin in items:
            if not name:
                continue
            used = found.setdefault((name, origin), [])
            if section not in used:
                used.append(section)
    return tuple(Source(name, origin, tuple(used)) for (name, origin), used in found.items())
