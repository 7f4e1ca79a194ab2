"""Humanitarian figures from an HXL-tagged CSV, read with libhxl.

HXL (the Humanitarian Exchange Language) puts a row of hashtags under the header::

    District,Sector,People affected,People in need,People reached,As of
    #adm1+name,#sector,#affected,#inneed,#reached,#date
    Halvik,Health,52000,38000,21000,2026-11-30

Needed: `#adm1`, `#sector`, `#inneed` and `#date`; `#affected` and `#reached` may be left out.
Where a tag has several columns (`#inneed+f`, `#inneed+m`, `#inneed+total`) the total is used:
the column without attributes, or with `+total`, `+ind` or `+people`. Optional `#meta+source`
and `#meta+origin` (a party code or `neutral`) say where each row comes from. Numbers may
have thousands separators (`38,000`); an empty cell means "not known".

Errors name the row as a spreadsheet shows it (header = row 1, hashtags = row 2).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import hxl
from hxl.input import HXLTagsNotFoundException

from backchannel.domain.brief import MAX_NAME, Figure
from backchannel.domain.errors import BadInputError
from backchannel.evidence.timeline import parse_day
from backchannel.readers._csvfile import read_text

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
TOTAL_ATTRIBUTES = frozenset({"total", "ind", "people", "num", "name", "code", "reported"})
NEEDED = ("#adm1", "#sector", "#inneed", "#date")


def _pick(columns: Sequence[hxl.Column], tag: str, file: str, *, prefer: str = "") -> int | None:
    """The index of the column that holds the total for `tag`, or None if there is none."""
    matches = [i for i, c in enumerate(columns) if c.tag == tag]
    if not matches:
        return None
    if prefer:
        for i in matches:
            if prefer in columns[i].attributes:
                return i
    totals = [i for i in matches if set(columns[i].attributes) <= TOTAL_ATTRIBUTES]
    if not totals:
        shown = ", ".join(columns[i].display_tag for i in matches)
        raise BadInputError(
            f"has only broken-down {tag} columns ({shown}); "
            f"add a total column ({tag} or {tag}+total)",
            file=file,
            row=2,
            field=tag,
        )
    return totals[0]


def _meta(columns: Sequence[hxl.Column], attribute: str) -> int | None:
    for i, c in enumerate(columns):
        if c.tag == "#meta" and attribute in c.attributes:
            return i
    return None


def _number(value: str, file: str, row: int, field: str) -> int | None:
    cleaned = value.strip().replace(",", "").replace(" ", "").replace("\u202f", "")
    if not cleaned:
        return None
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isdigit() or not cleaned.isascii():
        raise BadInputError(
            f"'{value[:20]}' is not a whole number of 0 or more", file=file, row=row, field=field
        )
    return int(cleaned)


def read_figures(path: Path) -> tuple[Figure, ...]:
    """Every row of an HXL-tagged CSV as a Figure, or a BadInputError for the first bad cell."""
    file = path.name
    text = read_text(path, max_bytes=MAX_BYTES)
    if text.lstrip().startswith(("{", "[")):
        raise BadInputError("is JSON; give the figures as an HXL-tagged CSV", file=file)
    try:
        dataset = hxl.data(hxl.make_input(io.BytesIO(text.encode("utf-8")), hxl.InputOptions()))
        columns = list(dataset.columns)
        rows = [(r.source_row_number + 1, list(r.values)) for r in dataset]
    except HXLTagsNotFoundException:
        raise BadInputError(
            "has no HXL hashtag row: add a row of hashtags under the header "
            "(#adm1, #sector, #affected, #inneed, #reached, #date)",
            file=file,
        ) from None
    except hxl.HXLException as error:
        raise BadInputError(f"cannot be read as HXL ({error})", file=file) from None
    where = {
        tag: _pick(columns, tag, file, prefer="name" if tag == "#adm1" else "") for tag in NEEDED
    }
    missing = [tag for tag, index in where.items() if index is None]
    if missing:
        raise BadInputError(
            f"has no {', '.join(missing)} column", file=file, row=2, field=missing[0]
        )
    optional = {tag: _pick(columns, tag, file) for tag in ("#affected", "#reached")}
    source, origin = _meta(columns, "source"), _meta(columns, "origin")

    def cell(values: list[str | None], index: int | None) -> str:
        if index is None or index >= len(values):
            return ""
        return " ".join(str(values[index] or "").split())

    figures: list[Figure] = []
    seen: dict[tuple[str, str, object], int] = {}
    for number, values in rows:
        if not any(str(v or "").strip() for v in values):
            continue
        adm1, sector = cell(values, where["#adm1"]), cell(values, where["#sector"])
        for tag, value in (("#adm1", adm1), ("#sector", sector)):
            if not value:
                raise BadInputError("is empty", file=file, row=number, field=tag)
            if len(value) > MAX_NAME:
                raise BadInputError(
                    f"is longer than {MAX_NAME} characters", file=file, row=number, field=tag
                )
        day, _month = parse_day(cell(values, where["#date"]), file=file, row=number, field="#date")
        key = (adm1.casefold(), sector.casefold(), day)
        if key in seen:
            raise BadInputError(
                f"{adm1} / {sector} on {day.isoformat()} is already given on row {seen[key]}",
                file=file,
                row=number,
            )
        seen[key] = number
        figures.append(
            Figure(
                adm1=adm1,
                sector=sector,
                day=day,
                affected=_number(cell(values, optional["#affected"]), file, number, "#affected"),
                in_need=_number(cell(values, where["#inneed"]), file, number, "#inneed"),
                reached=_number(cell(values, optional["#reached"]), file, number, "#reached"),
                source=cell(values, source)[:MAX_NAME],
                origin=cell(values, origin)[:64],
            )
        )
    if not figures:
        raise BadInputError("has hashtags but no figures", file=file, row=3)
    if len(figures) > MAX_ROWS:
        raise BadInputError(f"has more than {MAX_ROWS} rows", file=file)
    return tuple(figures)


def latest(figures: Sequence[Figure]) -> tuple[Figure, ...]:
    """The most recent figure of each district and sector, in the order they first appear."""
    newest: dict[tuple[str, str], Figure] = {}
    for f in figures:
        key = (f.adm1.casefold(), f.sector.casefold())
        if key not in newest or f.day > newest[key].day:
            newest[key] = f
    return tuple(newest.values())
