"""`backchannel select`: pillar 2, the roster from a pool and mix rules, without a workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from backchannel.cli.app import app as root
from backchannel.cli.output import (
    EXIT_BLOCKED,
    conflicting,
    emit,
    err_console,
    exit_with,
    roster_title,
    styled,
    warning_label,
)
from backchannel.domain.mix import DEFAULT_TIME_LIMIT
from backchannel.i18n import N_, gettext

if TYPE_CHECKING:
    from backchannel.services.selection import SelectionResult


def result_json(result: SelectionResult) -> dict[str, object]:
    return {
        "status": result.status,
        "roster": [c.id for c in result.roster],
        "priority": result.priority,
        "conflicts": list(result.conflicts),
        "explanation": result.explanation,
        "warnings": list(result.warnings),
        "optimal": result.optimal,
    }


# TRANSLATORS: the column headings of the roster `backchannel select` chooses.
SELECT_COLUMNS = (N_("id"), N_("party"), N_("category"), N_("gender"), N_("affiliation"))


def show_result(result: SelectionResult, console: Console) -> None:
    if result.status == "ok":
        table = Table(title=roster_title(len(result.roster)), title_justify="left")
        for column in SELECT_COLUMNS:
            table.add_column(gettext(column))
        for c in result.roster:
            cells = (c.id, c.party, str(c.category), c.gender, c.affiliation)
            table.add_row(*(Text(v) for v in cells))
        console.print(table)
        console.print(result.explanation, markup=False)
    else:
        console.print(result.explanation, markup=False)
        console.print(conflicting(result.conflicts), markup=False)
    for warning in result.warnings:
        console.print(f"{styled(warning_label(), 'yellow')} {warning}")


@root.command(
    "select",
    help=(
        "Choose the roster from a candidate pool (CSV or XLSX) and mix rules (MIX.toml): "
        "the people with the highest total priority who meet every rule, proven best. "
        "When no roster can meet the rules, name the rules that conflict and say why. "
        "Exit 0 with a roster, 1 when the rules cannot all hold, 2 on bad input."
    ),
)
def select(
    pool: Annotated[
        Path,
        typer.Option(
            "--pool", help="The candidate pool: a candidates CSV or XLSX.", show_default=False
        ),
    ],
    rules: Annotated[
        Path, typer.Option("--rules", help="The mix rules (MIX.toml).", show_default=False)
    ],
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", min=0.1, help="Seconds the solver may take at most."),
    ] = DEFAULT_TIME_LIMIT,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Choose the roster from a pool and mix rules, without a workspace."""
    from backchannel.services.selection import select_from_files

    if not json_out and err_console.is_terminal:
        with err_console.status(gettext("Choosing the roster...")):
            result = select_from_files(pool, rules, time_limit=time_limit)
    else:
        result = select_from_files(pool, rules, time_limit=time_limit)
    emit(result_json(result), json_out, lambda c: show_result(result, c))
    exit_with(0 if result.status == "ok" else EXIT_BLOCKED)
