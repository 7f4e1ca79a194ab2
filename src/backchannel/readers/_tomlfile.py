"""Reading a user's TOML file with errors that name the file, line and key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from backchannel.domain.errors import BadInputError
from backchannel.readers._csvfile import read_text

MAX_BYTES = 5 * 1024 * 1024


def load_toml(path: Path) -> dict[str, Any]:
    text = read_text(path, max_bytes=MAX_BYTES)
    try:
        return parse(text, path.name)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line .*\)$", "", str(error))
        raise BadInputError(f"not valid TOML: {reason}", file=path.name, row=line) from None


def parse(text: str, file: str) -> dict[str, Any]:
    """`tomllib.loads`, with hostile input as bad input rather than a crash: lists nested
    thousands deep and numbers of thousands of digits. A TOMLDecodeError passes through
    for the caller to place on its line."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise BadInputError(
            "not valid TOML: lists or tables nested too deeply", file=file
        ) from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError as error:  # int("9" * 5000): more digits than Python converts
        raise BadInputError(f"not valid TOML: {error}", file=file) from None


def table(data: dict[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise BadInputError("must be a table", file=file, field=key)
    return value


def string(data: dict[str, Any], key: str, file: str, *, required: bool = True) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise BadInputError("is missing", file=file, field=key)
        return ""
    if not isinstance(value, str):
        raise BadInputError("must be text in quotes", file=file, field=key)
    return value


def strings(data: dict[str, Any], key: str, file: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadInputError('must be a list of texts, like ["a", "b"]', file=file, field=key)
    return tuple(value)


def integer(data: dict[str, Any], key: str, file: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if value is None:
        raise BadInputError("is missing", file=file, field=key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadInputError("must be a whole number", file=file, field=key)
    return value
