"""MIX.toml, the mix rules of a dialogue (see docs/mix-rules.md).

Every error names the file, the line (as `row`) and the dotted rule (as `field`), for
example `MIX.toml, row 4, field 'party.A.max': must be a whole number, not str '5'`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.mix import MixRules, check_rules_against_pool, rules_from_toml
from backchannel.domain.people import Candidate
from backchannel.readers import _tomlfile
from backchannel.readers._csvfile import read_text
from backchannel.readers._tomlfile import MAX_BYTES

_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def read_mix_rules(path: Path, pool: Sequence[Candidate] | None = None) -> MixRules:
    """The rules of a MIX.toml; with a pool, people rules must name candidates in it."""
    text = read_text(path, max_bytes=MAX_BYTES)
    try:
        data = _tomlfile.parse(text, path.name)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line .*\)$", "", str(error))
        field = _name_at(text, line) if line else None
        raise BadInputError(
            f"not valid TOML: {reason}", file=path.name, row=line, field=field
        ) from None
    try:
        rules = rules_from_toml(data)
        if pool is not None:
            check_rules_against_pool(rules, pool)
    except BadInputError as error:
        line = _line_of(text, error.field) if error.field else None
        raise error.located(file=path.name, row=line) from None
    return rules


def _path(dotted: str) -> list[str]:
    return [p.strip("\"'") for p in _PART.findall(dotted)]


def _keys(text: str) -> list[tuple[int, str, bool]]:
    """(line number, dotted path, is a table header) for every header and key line."""
    out = []
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            table = _path(header.group(1))
            out.append((number, ".".join(table), True))
        elif key := _KEY.match(line):
            out.append((number, ".".join([*table, *_path(key.group(1))]), False))
    return out


def _line_of(text: str, dotted: str) -> int | None:
    """The line that defines the dotted rule, or the closest enclosing key or table."""
    best: tuple[int, int] | None = None  # (length of the matched path, line)
    for number, path, _header in _keys(text):
        if path and (dotted == path or dotted.startswith(path + ".")):
            if best is None or len(path) > best[0]:
                best = (len(path), number)
    if best is None:
        return None
    rest = dotted[best[0] + 1 :]
    if rest:  # an item of a list written over several lines: find its own line
        lines = text.splitlines()
        for number in range(best[1], min(best[1] + 200, len(lines) + 1)):
            if f'"{rest}"' in lines[number - 1] or f"'{rest}'" in lines[number - 1]:
                return number
    return best[1]


def _name_at(text: str, line: int) -> str | None:
    """The dotted name of the key (or table) on or just above a line."""
    found = None
    for number, path, _header in _keys(text):
        if number > line:
            break
        found = path
    return found or None
