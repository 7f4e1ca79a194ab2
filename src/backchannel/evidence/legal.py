"""The legal register: the rules that bind the parties on the problem, in plain words.

TOML (`*.toml`), one table per provision::

    [[provision]]
    instrument = "Additional Protocol II to the Geneva Conventions (1977)"
    provision = "Article 18(2)"
    kind = "treaty"            # treaty | customary | agreement | domestic | soft law
    obligation = "Relief actions of an exclusively humanitarian and impartial nature ..."
    relevance = "Convoys through the corridor are relief actions in this sense ..."

or CSV (any other name) with the columns `instrument,provision,obligation,relevance[,kind]`.
The order of the file is the order of the brief's table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backchannel.domain.brief import LegalKind, LegalProvision
from backchannel.domain.errors import BadInputError
from backchannel.readers._csvfile import read_rows
from backchannel.readers._tomlfile import load_toml

MAX_PROVISIONS = 200
FIELDS = ("instrument", "provision", "obligation", "relevance")


def _kind(value: str, file: str, row: int | None, field: str) -> LegalKind:
    cleaned = " ".join(value.replace("_", " ").casefold().split()) or LegalKind.TREATY.value
    try:
        return LegalKind(cleaned)
    except ValueError:
        raise BadInputError(
            f"'{value[:30]}' is not one of: {', '.join(k.value for k in LegalKind)}",
            file=file,
            row=row,
            field=field,
        ) from None


def _provision(
    values: dict[str, str], kind: LegalKind, file: str, row: int | None, where: str
) -> LegalProvision:
    for name in FIELDS:
        if not values.get(name, "").strip():
            raise BadInputError("is missing or empty", file=file, row=row, field=f"{where}{name}")
    try:
        return LegalProvision(
            instrument=" ".join(values["instrument"].split()),
            provision=" ".join(values["provision"].split()),
            obligation=" ".join(values["obligation"].split()),
            relevance=" ".join(values["relevance"].split()),
            kind=kind,
        )
    except BadInputError as error:
        prefixed = BadInputError(error.message, field=f"{where}{error.field or ''}")
        raise prefixed.located(file=file, row=row) from None


def _from_toml(path: Path) -> list[LegalProvision]:
    data = load_toml(path)
    file = path.name
    items: Any = data.get("provision")
    if not isinstance(items, list) or not items:
        raise BadInputError("has no [[provision]] tables", file=file, field="provision")
    out = []
    for number, item in enumerate(items, 1):
        where = f"provision {number} "
        if not isinstance(item, dict):
            raise BadInputError("must be a table", file=file, field=where.strip())
        for key, value in item.items():
            if not isinstance(value, str):
                raise BadInputError("must be text in quotes", file=file, field=f"{where}{key}")
        unknown = sorted(set(item) - {*FIELDS, "kind"})
        if unknown:
            raise BadInputError(
                f"unknown key(s): {', '.join(unknown)}", file=file, field=f"{where}{unknown[0]}"
            )
        kind = _kind(item.get("kind", ""), file, None, f"{where}kind")
        out.append(_provision(item, kind, file, None, where))
    return out


def _from_csv(path: Path) -> list[LegalProvision]:
    _columns, rows = read_rows(path, FIELDS, optional=("kind",))
    file = path.name
    return [
        _provision(
            {name: row.get(name) for name in FIELDS},
            _kind(row.get("kind"), file, row.number, "kind"),
            file,
            row.number,
            "",
        )
        for row in rows
    ]


def read_legal(path: Path) -> tuple[LegalProvision, ...]:
    """The register's provisions in file order, or a BadInputError naming the first problem."""
    provisions = _from_toml(path) if path.suffix.lower() == ".toml" else _from_csv(path)
    if not provisions:
        raise BadInputError("has no provisions", file=path.name)
    if len(provisions) > MAX_PROVISIONS:
        raise BadInputError(f"has more than {MAX_PROVISIONS} provisions", file=path.name)
    return tuple(provisions)
