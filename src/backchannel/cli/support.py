"""`backchannel support`: which options have support across the parties (stateless)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.output import emit, warn
from backchannel.domain.support import PLAIN, OptionSupport
from backchannel.i18n import N_, gettext, ngettext
from backchannel.services.support import BRIDGING, SupportReport, support_from_file

# TRANSLATORS: in a party's column of the support table: too few raters to show a mean.
TOO_FEW = N_("too few to show")


class Method(StrEnum):
    plain = PLAIN
    bridging = BRIDGING


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def option_json(o: OptionSupport) -> dict[str, object]:
    return {
        "option": o.option,
        "n": o.n,
        "mean": _num(o.mean),
        "by_party": {party: round(mean, 3) for party, mean in o.by_party},
        "withheld": list(o.withheld),
        "support": _num(o.support),
        "rank": o.rank,
    }


def report_json(report: SupportReport) -> dict[str, object]:
    return {
        "method": report.table.method,
        "k": report.table.k,
        "raters": report.raters,
        "ratings": report.ratings,
        "options": [option_json(o) for o in report.table.options],
        "notes": list(report.notes),
    }


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def show_report(report: SupportReport, console: Console) -> None:
    table = report.table
    parties = sorted(
        {p for o in table.options for p, _ in o.by_party}
        | {p for o in table.options for p in o.withheld}
    )
    # TRANSLATORS: column headings of the support table: the score of the plain method
    # (the lowest party mean), or of the bridging method (Community Notes' term).
    score_name = gettext("support") if table.method == PLAIN else gettext("bridging")
    # TRANSLATORS: %(method)s stays in English: plain or bridging.
    title = ngettext(
        "Support across parties (%(method)s, %(raters)s raters)",
        "Support across parties (%(method)s, %(raters)s raters)",
        report.raters,
    )
    grid = Table(title=title % {"method": table.method, "raters": report.raters})
    # TRANSLATORS: column headings of the support table: the option's rank, the option, the
    # mean of its ratings ("n", the number of ratings, stays as it is).
    headings = (gettext("rank"), gettext("option"), "n", gettext("mean"), score_name)
    for n, heading in enumerate((*headings, *parties)):
        grid.add_column(heading, justify="left" if n == 1 else "right", no_wrap=True)
    too_few = gettext(TOO_FEW)
    for o in table.options:
        means = o.party_means()
        cells = [
            _cell(means[p]) if p in means else (too_few if p in o.withheld else "") for p in parties
        ]
        grid.add_row(str(o.rank), o.option, str(o.n), _cell(o.mean), _cell(o.support), *cells)
    console.print(grid)
    if table.method == PLAIN:
        said = gettext(
            "Support is the lowest party mean: an option is only as strong as its support in "
            "the least convinced party. Parties with fewer than %(k)s raters of an option "
            "are not shown and do not enter its support."
        )
        console.print(said % {"k": table.k})
    else:
        console.print(
            gettext(
                "Bridging is each option's intercept after a one-factor model of raters and "
                "options: the support its ratings show once viewpoint is accounted for."
            )
        )


@root.command(
    "support",
    help=(
        "Rank options by support across the parties, from a ratings CSV "
        "(option,rater,party,score with scores -2..+2). Stateless. Party figures from fewer "
        "than 3 raters are withheld."
    ),
)
def support(
    ratings: Annotated[
        Path,
        typer.Option("--ratings", help="Ratings CSV: option,rater,party,score (-2..+2)."),
    ],
    method: Annotated[
        Method,
        typer.Option(
            "--method",
            help=(
                "plain: lowest party mean (any room). bridging: matrix-factorisation intercept "
                "in the manner of Community Notes (hundreds of raters or more)."
            ),
        ),
    ] = Method.plain,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Rank options by cross-party support. Exit 2 on bad input."""
    report = support_from_file(ratings, method.value)
    if not json_out:
        for note in report.notes:
            warn(note)
    emit(report_json(report), json_out, lambda c: show_report(report, c))
