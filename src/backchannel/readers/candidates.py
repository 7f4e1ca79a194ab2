"""The candidates CSV (also the roster format) of DESIGN.md.

id,name,aliases,party,category,gender,affiliation,title,channels,available,conflicts,priority
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate, Category
from backchannel.readers._csvfile import CsvRow, decode_text, read_rows, rows_of_text, split_list

COLUMNS = (
    "id",
    "name",
    "aliases",
    "party",
    "category",
    "gender",
    "affiliation",
    "title",
    "channels",
    "available",
    "conflicts",
    "priority",
)
REQUIRED = ("id", "name", "party", "category")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def candidate_from_row(row: CsvRow, file: str) -> Candidate:
    """One candidate from one row; errors name the file, row and field."""

    def bad(message: str, field: str) -> BadInputError:
        return BadInputError(message, file=file, row=row.number, field=field)

    for field in REQUIRED:
        if not row.get(field):
            raise bad("is empty", field)
    category = row.get("category").lower()
    if category not in {c.value for c in Category}:
        raise bad(
            f"'{category[:40]}' is not a category ({', '.join(c.value for c in Category)})",
            "category",
        )
    available_raw = row.get("available").lower() or "yes"
    if available_raw not in _YES | _NO:
        raise bad(f"'{available_raw[:20]}' is not yes or no", "available")
    priority_raw = row.get("priority") or "0"
    try:
        priority = int(priority_raw)
    except ValueError:
        raise bad(f"'{priority_raw[:20]}' is not a whole number from 0 to 10", "priority") from None
    try:
        return Candidate(
            id=row.get("id"),
            name=row.get("name"),
            party=row.get("party"),
            category=Category(category),
            gender=row.get("gender"),
            affiliation=row.get("affiliation"),
            title=row.get("title"),
            aliases=split_list(row.get("aliases")),
            channels=split_list(row.get("channels")),
            conflicts=split_list(row.get("conflicts")),
            available=available_raw in _YES,
            priority=priority,
        )
    except BadInputError as error:
        raise error.located(file=file, row=row.number) from None


def candidates_from_rows(rows: Iterable[CsvRow], file: str) -> tuple[Candidate, ...]:
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        cand = candidate_from_row(row, file)
        if cand.id in seen:
            raise BadInputError(
                f"id '{cand.id}' already used on row {seen[cand.id]}",
                file=file,
                row=row.number,
                field="id",
            )
        seen[cand.id] = row.number
        out.append(cand)
    if not out:
        raise BadInputError("has a header but no candidates", file=file, row=2)
    return tuple(out)


def read_candidates(path: Path) -> tuple[Candidate, ...]:
    """Every candidate in a candidates CSV, or a BadInputError for the first bad cell."""
    _columns, rows = read_rows(path, REQUIRED, optional=COLUMNS)
    return candidates_from_rows(rows, path.name)


def candidates_from_csv(data: bytes, name: str) -> tuple[Candidate, ...]:
    """The same from a CSV's bytes (an upload, kept in memory)."""
    _columns, rows = rows_of_text(decode_text(data, name), name, REQUIRED, optional=COLUMNS)
    return candidates_from_rows(rows, name)
