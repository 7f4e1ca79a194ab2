"""A candidate pool from a .csv or .xlsx file in the candidates layout of DESIGN.md."""

from __future__ import annotations

from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate
from backchannel.readers.candidates import read_candidates


def read_pool(path: Path) -> tuple[Candidate, ...]:
    """The candidates of a .csv or .xlsx file (openpyxl loads only for .xlsx)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_candidates(path)
    if suffix == ".xlsx":
        from backchannel.readers.candidates_xlsx import read_candidates_xlsx

        return read_candidates_xlsx(path)
    raise BadInputError("expected a candidates file ending in .csv or .xlsx", file=path.name)
