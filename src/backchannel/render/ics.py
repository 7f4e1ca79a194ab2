"""Calendar files (RFC 5545) with icalendar: one all-day event per step or review.

Each event has a stable UID, so importing a newer `steps.ics` updates the events already
in a calendar instead of adding them twice; a dropped step stays as a cancelled event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

PRODID = "-//backchannel//steps//EN"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    uid: str
    day: date
    summary: str
    description: str
    categories: tuple[str, ...] = ()
    cancelled: bool = False


def calendar_bytes(entries: Sequence[CalendarEntry], *, name: str, stamp: datetime) -> bytes:
    """The calendar of `entries`; `stamp` (when it was made) is each event's DTSTAMP."""
    from icalendar import Calendar, Event  # loaded when a calendar is written

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    when = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", when)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        if entry.categories:
            event.add("categories", list(entry.categories))
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
