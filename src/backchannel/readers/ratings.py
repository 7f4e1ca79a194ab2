"""The ratings CSV: `option,rater,party,score`, one anonymous rating a row.

`rater` is a salted pseudonym (never a name), `party` the rater's party, `score` a whole
number from -2 (strongly against) to +2 (strongly for).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import SCORES, Rating
from backchannel.readers._csvfile import CsvRow, read_rows

COLUMNS = ("option", "rater", "party", "score")
_SCORE_TEXT = {str(s): s for s in SCORES} | {f"+{s}": s for s in SCORES if s > 0}


def rating_from_row(row: CsvRow, file: str) -> Rating:
    """One rating from one row; errors name the file, row and field."""
    for field in COLUMNS:
        if not row.get(field):
            raise BadInputError("is empty", file=file, row=row.number, field=field)
    raw = row.get("score")
    score = _SCORE_TEXT.get(raw)
    if score is None:
        raise BadInputError(
            f"'{raw[:20]}' is not a score: give a whole number from -2 to +2",
            file=file,
            row=row.number,
            field="score",
        )
    try:
        return Rating(
            option=row.get("option"), rater=row.get("rater"), party=row.get("party"), score=score
        )
    except BadInputError as error:
        raise error.located(file=file, row=row.number) from None


def ratings_from_rows(rows: Iterable[CsvRow], file: str) -> tuple[Rating, ...]:
    """Every rating; a rater may rate an option once and belongs to one party."""
    first_row: dict[tuple[str, str], int] = {}
    party_of: dict[str, tuple[str, int]] = {}
    out = []
    for row in rows:
        rating = rating_from_row(row, file)
        key = (rating.option, rating.rater)
        if key in first_row:
            raise BadInputError(
                f"this rater already rated option '{rating.option}' on row {first_row[key]}",
                file=file,
                row=row.number,
                field="rater",
            )
        first_row[key] = row.number
        party, where = party_of.setdefault(rating.rater, (rating.party, row.number))
        if party != rating.party:
            raise BadInputError(
                f"this rater has another party on row {where}; a rater belongs to one party",
                file=file,
                row=row.number,
                field="party",
            )
        out.append(rating)
    if not out:
        raise BadInputError("has a header but no ratings", file=file, row=2)
    return tuple(out)


def read_ratings(path: Path) -> tuple[Rating, ...]:
    """Every rating in a ratings CSV, or a BadInputError for the first bad cell."""
    _columns, rows = read_rows(path, COLUMNS)
    return ratings_from_rows(rows, path.name)
