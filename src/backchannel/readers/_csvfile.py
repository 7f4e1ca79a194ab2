"""Reading a user's CSV safely: size limit, encoding, header check, row numbers.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from backchannel.domain.errors import BadInputError

MAX_BYTES = 200 * 1024 * 1024
MAX_FIELD = 100_000


@dataclass(frozen=True, slots=True)
class CsvRow:
    number: int
    values: dict[str, str]

    def get(self, field: str) -> str:
        return self.values.get(field, "").strip()


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 with a clear error."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInputError("no such file", file=str(path)) from None
    except OSError as error:
        raise BadInputError(f"cannot read it ({error.strerror})", file=str(path)) from None
    if path.is_dir():
        raise BadInputError("is a folder, not a file", file=str(path))
    if size > max_bytes:
        raise BadInputError(
            f"is {size // (1024 * 1024)} MB; the limit is {max_bytes // (1024 * 1024)} MB",
            file=name,
        )
    return decode_text(path.read_bytes(), name)


def decode_text(raw: bytes, name: str) -> str:
    """Bytes of a CSV (a file, an upload) as text, with the same errors as read_text."""
    if b"\x00" in raw[:4096]:
        raise BadInputError("looks like a binary file, not a CSV text file", file=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BadInputError(
            "is not UTF-8 text (save it as 'CSV UTF-8' from your spreadsheet)",
            file=name,
            row=line,
        ) from None


def _delimiter(text: str) -> str:
    """',' or, when the header has none, the ';' Excel writes in French, Spanish and Russian
    settings, or a tab."""
    first = text.split("\n", 1)[0]
    if "," in first:
        return ","
    return ";" if ";" in first else "\t" if "\t" in first else ","


def read_rows(
    path: Path, required: Sequence[str], *, optional: Sequence[str] = ()
) -> tuple[list[str], Iterator[CsvRow]]:
    """Check the header has every required column, then yield rows with their numbers."""
    return rows_of_text(read_text(path), path.name, required, optional=optional)


def rows_of_text(
    text: str, name: str, required: Sequence[str], *, optional: Sequence[str] = ()
) -> tuple[list[str], Iterator[CsvRow]]:
    """read_rows on a CSV's text already in memory (`name` for the errors)."""
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise BadInputError("is empty: expected a header row", file=name, row=1) from None
    except csv.Error as error:
        raise BadInputError(f"unreadable header ({error})", file=name, row=1) from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in columns]
    if missing:
        raise BadInputError(
            f"missing column(s): {', '.join(missing)}", file=name, row=1, field=missing[0]
        )
    dupes = sorted({c for c in columns if c and columns.count(c) > 1})
    if dupes:
        raise BadInputError(f"column appears twice: {dupes[0]}", file=name, row=1, field=dupes[0])

    def rows() -> Iterator[CsvRow]:
        number = 1
        try:
            for record in reader:
                number = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                if len(record) > len(columns):
                    raise BadInputError(
                        f"has {len(record)} cells but the header has {len(columns)}",
                        file=name,
                        row=number,
                    )
                yield CsvRow(number, dict(zip(columns, record, strict=False)))
        except csv.Error as error:
            raise BadInputError(f"malformed CSV ({error})", file=name, row=number + 1) from None

    return columns, rows()


def split_list(value: str) -> tuple[str, ...]:
    """A `;`-separated cell as a tuple of trimmed, non-empty items."""
    return tuple(item.strip() for item in value.split(";") if item.strip())
