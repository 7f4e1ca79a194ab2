"""Small checks shared by the records; each raises BadInputError naming the field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from backchannel.domain.errors import BadInputError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def text(value: str, field: str, *, max_len: int = 4000, required: bool = True) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise BadInputError("must not be empty", field=field)
    if len(cleaned) > max_len:
        raise BadInputError(f"is longer than {max_len} characters", field=field)
    return cleaned


def ident(value: str, field: str) -> str:
    if not _ID.match(value):
        raise BadInputError(
            f"'{value[:40]}' is not a valid id (letters, digits, '.', '_' or '-', up to 64)",
            field=field,
        )
    return value


def choice(value: str, allowed: Iterable[str], field: str) -> str:
    options = tuple(allowed)
    if value not in options:
        raise BadInputError(f"'{value[:40]}' is not one of: {', '.join(options)}", field=field)
    return value


def int_range(value: int, low: int, high: int, field: str) -> int:
    if not low <= value <= high:
        raise BadInputError(f"{value} is outside {low}..{high}", field=field)
    return value


def positive(value: int, field: str) -> int:
    if value <= 0:
        raise BadInputError(f"{value} must be a positive number", field=field)
    return value


def iso_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BadInputError(
            f"'{value[:40]}' is not a date (expected YYYY-MM-DD)", field=field
        ) from None
