"""Events CSV in the UCDP GED or the ACLED column layout, detected from the header.

UCDP GED (Georeferenced Event Dataset)::

    id,year,type_of_violence,side_a,side_b,date_start,date_end,latitude,longitude,adm_1,
    best,low,high,...

ACLED::

    event_id_cnty,event_date,event_type,actor1,actor2,admin1,latitude,longitude,fatalities,...

Column names are matched without regard to case; other columns are ignored. Every error names
the file, the row (header = row 1) and the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import Event
from backchannel.readers._csvfile import CsvRow, read_rows

UCDP = "ucdp"
ACLED = "acled"
LAYOUT_NAMES = {UCDP: "UCDP GED", ACLED: "ACLED"}
REQUIRED = {
    UCDP: ("id", "side_a", "side_b", "date_start", "latitude", "longitude", "best"),
    ACLED: ("event_date", "actor1", "latitude", "longitude", "fatalities"),
}
MAX_NAME = 300
# Event data starts after 1945 (UCDP 1989, ACLED 1997); the bounds also keep a typo such as
# 0025 from making a monthly series of two thousand years.
FIRST_YEAR, LAST_YEAR = 1900, 2100

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$")
_WHOLE = re.compile(r"^\d+(?:\.0*)?$")
_MONTHS = {
    name: number
    for number, full in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
    for name in (full, full[:3])
}


@dataclass(frozen=True, slots=True)
class EventTable:
    layout: str  # "ucdp" | "acled"
    events: tuple[Event, ...]
    file: str

    @property
    def layout_name(self) -> str:
        return LAYOUT_NAMES[self.layout]

    def source_note(self) -> str:
        """The line a chart or brief prints under figures drawn from this table."""
        count = len(self.events)
        return f"Source: events CSV ({self.layout_name} layout), {count:,} event" + (
            "" if count == 1 else "s"
        )


def detect_layout(columns: Sequence[str], file: str) -> str:
    """``"ucdp"`` or ``"acled"`` from a header; a BadInputError (field "header") otherwise."""
    present = {c.strip().lower() for c in columns}
    matches = [layout for layout, needed in REQUIRED.items() if present.issuperset(needed)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise BadInputError(
            "has the columns of both the UCDP GED and the ACLED layout; keep one set",
            file=file,
            row=1,
            field="header",
        )
    needs = "; ".join(
        f"{LAYOUT_NAMES[layout]} needs {', '.join(needed)} "
        f"(missing: {', '.join(c for c in needed if c not in present)})"
        for layout, needed in REQUIRED.items()
    )
    raise BadInputError(f"is not a known events layout. {needs}", file=file, row=1, field="header")


def read_events(path: Path) -> EventTable:
    """Every event of an events CSV, or a BadInputError for the first bad cell."""
    columns, rows = read_rows(path, ())
    file = path.name
    layout = detect_layout(columns, file)
    id_column = "id" if layout == UCDP else _acled_id_column(columns)
    convert = _ucdp_event if layout == UCDP else _acled_event
    seen: dict[str, int] = {}
    events = []
    for row in rows:
        event = convert(_Row(row, file), id_column)
        if event.source_id in seen:
            raise BadInputError(
                f"id '{event.source_id[:40]}' already used on row {seen[event.source_id]}",
                file=file,
                row=row.number,
                field=id_column,
            )
        seen[event.source_id] = row.number
        events.append(event)
    if not events:
        raise BadInputError("has a header but no events", file=file, row=2)
    return EventTable(layout=layout, events=tuple(events), file=file)


def _acled_id_column(columns: Sequence[str]) -> str:
    for name in ("event_id_cnty", "data_id"):
        if name in columns:
            return name
    return ""


# --- one row --------------------------------------------------------------------------------


class _Row:
    """Typed access to one row's cells; every failure names file, row and field."""

    def __init__(self, row: CsvRow, file: str) -> None:
        self.row = row
        self.file = file

    def bad(self, message: str, field: str) -> BadInputError:
        return BadInputError(message, file=self.file, row=self.row.number, field=field)

    def text(self, field: str, *, required: bool = True) -> str:
        value = self.row.get(field)
        if required and not value:
            raise self.bad("is empty", field)
        if len(value) > MAX_NAME:
            raise self.bad(f"is longer than {MAX_NAME} characters", field)
        return value

    def whole(self, field: str, *, required: bool = True) -> int | None:
        value = self.row.get(field)
        if not value and not required:
            return None
        if not _WHOLE.match(value):
            raise self.bad(f"'{value[:20]}' is not a whole number of 0 or more", field)
        return int(value.split(".")[0])

    def coordinate(self, field: str, limit: float) -> float:
        value = self.row.get(field)
        try:
            number = float(value)
        except ValueError:
            raise self.bad(f"'{value[:20]}' is not a number", field) from None
        if not (math.isfinite(number) and -limit <= number <= limit):
            raise self.bad(f"{value[:20]} is outside -{limit:g}..{limit:g}", field)
        return number

    def day(self, field: str) -> date:
        value = self.row.get(field)
        iso = _ISO.match(value)
        named = _DAY_MONTH_YEAR.match(value)
        day = None
        try:
            if iso:
                day = date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif named and named[2].lower() in _MONTHS:
                day = date(int(named[3]), _MONTHS[named[2].lower()], int(named[1]))
        except ValueError:
            pass
        if day is None:
            raise self.bad(
                f"'{value[:30]}' is not a date (expected 2025-01-03 or 03 January 2025)", field
            )
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise self.bad(f"{day.isoformat()} is outside {FIRST_YEAR}..{LAST_YEAR}", field)
        return day


def _event(
    cells: _Row, source_id: str, day: date, sides: tuple[str, str], adm_1: str, fatalities: int
) -> Event:
    try:
        return Event(
            source_id=source_id,
            day=day,
            side_a=sides[0],
            side_b=sides[1],
            adm_1=adm_1,
            latitude=cells.coordinate("latitude", 90.0),
            longitude=cells.coordinate("longitude", 180.0),
            fatalities=fatalities,
        )
    except BadInputError as error:
        raise error.located(file=cells.file, row=cells.row.number) from None


def _ucdp_event(cells: _Row, id_column: str) -> Event:
    source_id = cells.text(id_column)
    best = cells.whole("best") or 0
    low = cells.whole("low", required=False)
    high = cells.whole("high", required=False)
    if low is not None and low > best:
        raise cells.bad(f"low estimate {low} is above the best estimate {best}", "low")
    if high is not None and high < best:
        raise cells.bad(f"high estimate {high} is below the best estimate {best}", "high")
    day = cells.day("date_start")
    if cells.row.get("date_end") and cells.day("date_end") < day:
        raise cells.bad("is before date_start", "date_end")
    sides = (cells.text("side_a"), cells.text("side_b"))
    return _event(cells, source_id, day, sides, cells.text("adm_1", required=False), best)


def _acled_event(cells: _Row, id_column: str) -> Event:
    source_id = cells.text(id_column) if id_column else f"row {cells.row.number}"
    day = cells.day("event_date")
    sides = (cells.text("actor1"), cells.text("actor2", required=False))
    fatalities = cells.whole("fatalities") or 0
    adm_1 = cells.text("admin1", required=False)
    return _event(cells, source_id, day, sides, adm_1, fatalities)
