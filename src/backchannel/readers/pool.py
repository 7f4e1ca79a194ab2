"""A candidate pool from a .csv or .xlsx file in the candidates layout of DESIGN.md."""

from __future__ import annotations

from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate
from backchannel.readers.candidates import candidates_from_csv, read_candidates


def read_pool(path: Path) -> tuple[Candidate, ...]:
    """The candidates of a .csv or .xlsx file (openpyxl loads only for .xlsx)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_candidates(path)
    if suffix == ".xlsx":
        from backchannel.readers.candidates_xlsx import read_candidates_xlsx

        return read_candidates_xlsx(path)
    raise BadInputError("expected a candidates file ending in .csv or .xlsx", file=path.name)


def pool_from_upload(name: str, data: bytes) -> tuple[Candidate, ...]:
    """The candidates of an uploaded file, read from memory: an upload never touches the
    disk in clear. `name` (the browser's file name) picks the reader and names the errors."""
    base = Path(name.replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    shown = base if len(base) <= 80 else base[:60] + "…" + base[-12:]
    if suffix == ".csv":
        return candidates_from_csv(data, shown)
    if suffix == ".xlsx":
        from backchannel.readers.candidates_xlsx import candidates_from_xlsx

        return candidates_from_xlsx(data, shown)
    raise BadInputError("expected a candidates file ending in .csv or .xlsx", file=shown)
