"""The curated timeline CSV: what happened when, who reports it, and how each party puts it.

    date,event,source,party_view[,origin]
    2025-03-14,Fighting closes the road,Monitoring group,"A: security operation; B: attack",neutral

- `date`: `2025-03-14`, or `2025-03` when only the month is known;
- `event`: what happened, in neutral words (the linter reads it);
- `source`: who reports it (an organisation, never a person);
- `party_view` (may be empty): how parties describe the same event, `;`-separated items
  `PARTY: their words`, where PARTY is a party code from the dialogue;
- `origin` (optional column): where the source comes from, a party code or `neutral`.

Rows are numbered as a spreadsheet shows them (header = row 1).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from backchannel.domain.brief import MAX_NAME, MAX_TEXT, PartyView, TimelineEntry
from backchannel.domain.errors import BadInputError
from backchannel.readers._csvfile import CsvRow, read_rows, split_list

FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_ENTRIES = 500
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_VIEW = re.compile(r"^(?P<party>[A-Za-z0-9][A-Za-z0-9._-]{0,63})\s*:\s*(?P<words>\S.*)$", re.S)


def parse_day(value: str, *, file: str, row: int, field: str = "date") -> tuple[date, bool]:
    """(day, month_only) from `2025-03-14` or `2025-03`; a BadInputError otherwise."""
    found = _DAY.match(value) or _MONTH.match(value)
    day = None
    if found:
        parts = [int(p) for p in found.groups()]
        try:
            day = date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
        except ValueError:
            day = None
    if day is None:
        raise BadInputError(
            f"'{value[:30]}' is not a date (expected 2025-03-14, or 2025-03 for a month)",
            file=file,
            row=row,
            field=field,
        )
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInputError(
            f"{value} is outside {FIRST_YEAR}..{LAST_YEAR}", file=file, row=row, field=field
        )
    return day, found is not None and found.re is _MONTH


def _views(row: CsvRow, file: str) -> tuple[PartyView, ...]:
    views = []
    seen: set[str] = set()
    for item in split_list(row.get("party_view")):
        found = _VIEW.match(item)
        if not found:
            raise BadInputError(
                f"'{item[:40]}' is not 'PARTY: their words' (for example 'A: security operation')",
                file=file,
                row=row.number,
                field="party_view",
            )
        party, words = found["party"], " ".join(found["words"].split()).strip("\"'\u201c\u201d ")
        if party in seen:
            raise BadInputError(
                f"party {party} is given twice", file=file, row=row.number, field="party_view"
            )
        seen.add(party)
        if len(words) > MAX_NAME:
            raise BadInputError(
                f"{party}'s words are longer than {MAX_NAME} characters",
                file=file,
                row=row.number,
                field="party_view",
            )
        views.append(PartyView(party, words))
    return tuple(views)


def _entry(row: CsvRow, file: str) -> TimelineEntry:
    day, month_only = parse_day(row.get("date"), file=file, row=row.number)
    for field, limit in (("event", MAX_TEXT), ("source", MAX_NAME)):
        value = row.get(field)
        if not value:
            raise BadInputError("is empty", file=file, row=row.number, field=field)
        if len(value) > limit:
            raise BadInputError(
                f"is longer than {limit} characters", file=file, row=row.number, field=field
            )
    try:
        return TimelineEntry(
            day=day,
            event=" ".join(row.get("event").split()),
            source=" ".join(row.get("source").split()),
            origin=row.get("origin"),
            views=_views(row, file),
            month_only=month_only,
        )
    except BadInputError as error:
        raise error.located(file=file, row=row.number) from None


def read_timeline(path: Path) -> tuple[TimelineEntry, ...]:
    """Every entry of a timeline CSV in date order, or a BadInputError for the first bad cell."""
    _columns, rows = read_rows(
        path, ("date", "event", "source", "party_view"), optional=("origin",)
    )
    entries = [_entry(row, path.name) for row in rows]
    if not entries:
        raise BadInputError("has a header but no entries", file=path.name, row=2)
    if len(entries) > MAX_ENTRIES:
        raise BadInputError(f"has more than {MAX_ENTRIES} entries", file=path.name)
    return tuple(sorted(entries, key=lambda e: e.day))
