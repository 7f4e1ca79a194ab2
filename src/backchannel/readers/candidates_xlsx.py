"""The candidates layout of DESIGN.md from an Excel workbook (.xlsx).

The same columns, rules and errors as the CSV (backchannel.readers.candidates): the sheet
named `candidates` if there is one, else the first sheet; row 1 is the header and rows are
numbered as the spreadsheet shows them.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate
from backchannel.readers._archive import check_zip
from backchannel.readers._csvfile import CsvRow
from backchannel.readers.candidates import COLUMNS, REQUIRED, candidates_from_rows

MAX_BYTES = 50 * 1024 * 1024
MAX_CELL = 100_000
#: Sheet rows read, empty ones included: a pool is a few thousand people.
MAX_ROWS = 20_000
#: Distinct texts in the workbook (openpyxl holds them all in memory at once).
MAX_SHARED_STRINGS = 60_000


def read_candidates_xlsx(path: Path) -> tuple[Candidate, ...]:
    """Every candidate in the workbook, or a BadInputError for the first bad cell."""
    _check_file(path)
    return candidates_from_xlsx(path.read_bytes(), path.name)


def candidates_from_xlsx(data: bytes, name: str) -> tuple[Candidate, ...]:
    """The same from the workbook's bytes (an upload), opened in memory only, after its
    container is checked for bombs (readers/_archive.py)."""
    if len(data) > MAX_BYTES:
        raise BadInputError(f"is larger than {MAX_BYTES // (1024 * 1024)} MB", file=name)
    if not data.startswith(b"PK"):
        raise BadInputError("is not an Excel workbook (.xlsx)", file=name)
    check_zip(data, name)
    _check_shared_strings(data, name)
    try:
        with warnings.catch_warnings():
            # Workbooks from other tools often lack styles or carry extensions openpyxl
            # does not read; neither matters for the values.
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise BadInputError("is not an Excel workbook (.xlsx)", file=name) from None
    try:
        sheets = book.worksheets
        if not sheets:
            raise BadInputError("has no sheets", file=name)
        sheet = next((s for s in sheets if s.title.strip().lower() == "candidates"), sheets[0])
        values = sheet.iter_rows(values_only=True)
        try:
            return candidates_from_rows(_rows(values, name), name)
        finally:
            values.close()  # releases the sheet's file inside the workbook, even on an error
    finally:
        book.close()


def _check_shared_strings(data: bytes, name: str) -> None:
    """Refuse a workbook with more distinct texts than a pool can have, before openpyxl
    reads them all into memory."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = next(
            (i for i in archive.infolist() if i.filename.lower() == "xl/sharedstrings.xml"), None
        )
        if part is None:
            return
        count, tail = 0, b""
        with archive.open(part) as member:
            while chunk := member.read(1 << 16):
                window = tail + chunk
                count += window.count(b"<si>") + window.count(b"<si ")
                count -= tail.count(b"<si>") + tail.count(b"<si ")
                tail = window[-3:]
                if count > MAX_SHARED_STRINGS:
                    raise BadInputError(
                        f"holds more than {MAX_SHARED_STRINGS:,} distinct texts; "
                        "a candidate pool has far fewer",
                        file=name,
                    )


def _check_file(path: Path) -> None:
    if not path.exists():
        raise BadInputError("no such file", file=str(path))
    if path.is_dir():
        raise BadInputError("is a folder, not a file", file=str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadInputError(
            f"is {size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB",
            file=path.name,
        )


def _rows(values: Iterator[tuple[Any, ...]], name: str) -> Iterator[CsvRow]:
    """The header check of the CSV reader, then one CsvRow per non-empty sheet row."""
    try:
        header = [_cell(v, name, 1).lower() for v in next(values)]
    except StopIteration:
        raise BadInputError("is empty: expected a header row", file=name, row=1) from None
    while header and not header[-1]:
        header.pop()
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadInputError(
            f"missing column(s): {', '.join(missing)}", file=name, row=1, field=missing[0]
        )
    dupes = sorted({c for c in header if c and header.count(c) > 1})
    if dupes:
        raise BadInputError(f"column appears twice: {dupes[0]}", file=name, row=1, field=dupes[0])
    known = set(COLUMNS)
    for number, record in enumerate(values, 2):
        if number > MAX_ROWS:
            raise BadInputError(
                f"has more than {MAX_ROWS:,} rows (empty ones count too); "
                "delete the empty rows below the pool and save it again",
                file=name,
                row=number,
            )
        cells = [_cell(v, name, number) for v in record]
        if not any(cells):
            continue
        extra = [i for i, c in enumerate(cells) if c and i >= len(header)]
        if extra:
            raise BadInputError(
                f"has a value in column {extra[0] + 1} but the header has {len(header)}",
                file=name,
                row=number,
            )
        values_by_column = {h: c for h, c in zip(header, cells, strict=False) if h in known}
        yield CsvRow(number, values_by_column)


def _cell(value: object, name: str, row: int) -> str:
    """A cell as the text a CSV would hold: whole numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    text = str(value).strip()
    if len(text) > MAX_CELL:
        raise BadInputError(f"a cell is longer than {MAX_CELL} characters", file=name, row=row)
    return text
