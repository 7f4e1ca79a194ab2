"""`backchannel ripeness record/show/indicators`: Zartman's ripe moment, with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit
from backchannel.domain.indicators import Indicators
from backchannel.domain.ripeness import Element
from backchannel.i18n import gettext, ngettext
from backchannel.readers.dialogue_files import read_ripeness
from backchannel.services import ripeness as ripeness_service
from backchannel.services.ripeness import RipenessView

ripeness_app = typer.Typer(
    help=(
        "Is the moment ripe? Per party: hurting, stalemate, precipice, a way out and valid "
        "spokespersons, each scored 0-3 with evidence; indicators from conflict event data."
    ),
    no_args_is_help=True,
)
root.add_typer(ripeness_app, name="ripeness")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@ripeness_app.command("record")
def record(
    ctx: typer.Context,
    from_file: Annotated[
        Path, typer.Option("--from", help="A ripeness.toml with one [[assessment]] per party.")
    ],
) -> None:
    """Record assessments (earlier ones are kept as history)."""
    assessments = read_ripeness(from_file)
    with ref(ctx).open() as ws:
        n = ripeness_service.record_assessments(ws, assessments)
    # TRANSLATORS: %(parties)s lists the party codes assessed.
    said = ngettext(
        "Recorded %(num)s assessment(s): %(parties)s.",
        "Recorded %(num)s assessment(s): %(parties)s.",
        n,
    )
    typer.echo(said % {"num": n, "parties": ", ".join(a.party for a in assessments)})


def view_json(view: RipenessView) -> dict[str, object]:
    r = view.reading
    return {
        "reading": r.reading.value,
        "reasons": list(r.reasons),
        "would_change": list(r.would_change),
        "parties": [
            {
                "party": a.party,
                "assessed_on": a.assessed_on.isoformat(),
                "indicators_seen": list(a.indicators_seen),
                "scores": {
                    s.element.value: {
                        "score": s.score,
                        "evidence": s.evidence,
                        "confidence": s.confidence.value,
                    }
                    for s in a.scores
                },
            }
            for a in view.assessments
        ],
    }


def show_view(view: RipenessView, console: Console) -> None:
    table = Table(title=gettext("Ripeness by party (0 absent .. 3 strong)"))
    # TRANSLATORS: a column heading of the ripeness table (the other columns are the five
    # elements, in English, then "Indicators seen").
    table.add_column(gettext("Party"))
    for e in Element:
        table.add_column(e.value.replace("_", " "), justify="center")
    table.add_column(gettext("Indicators seen"))
    # TRANSLATORS: in place of an empty list (of places, parties, indicators seen): one word
    # that fits any of them.
    nothing = gettext("none")
    for a in view.assessments:
        table.add_row(
            a.party,
            *(f"{a.score(e).score} ({a.score(e).confidence.value[0]})" for e in Element),
            ", ".join(a.indicators_seen) or nothing,
        )
    console.print(table)
    r = view.reading
    # TRANSLATORS: before the reading of the moment, which stays in English (ripe, ripening,
    # not ripe).
    reading = escape(gettext("Reading:"))
    console.print(f"{reading} [bold]{r.reading.value.replace('_', ' ')}[/bold]")
    for reason in r.reasons:
        console.print(f"  - {reason}")
    if r.would_change:
        console.print(gettext("What would change it:"))
        for item in r.would_change:
            console.print(f"  - {item}")


@ripeness_app.command("show")
def show(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Show the latest assessment of each party and the reading, with its reasons."""
    with ref(ctx).open() as ws:
        view = ripeness_service.ripeness_view(ws)
    emit(view_json(view), json_out, lambda c: show_view(view, c))


def indicators_json(found: Indicators) -> dict[str, object]:
    return {
        "summary": list(found.summary),
        "fatality_trend": [
            {
                "dyad": list(t.dyad),
                "direction": t.direction,
                "recent_change": t.recent_change,
                "months": dict(t.months),
            }
            for t in found.trends
        ],
        "front_line_stability": [
            {
                "side": s.side,
                "label": s.label,
                "recent_shift_km": s.recent_shift_km,
                "periods": dict(s.periods),
            }
            for s in found.stability
        ],
    }


@ripeness_app.command("indicators")
def indicators(
    ctx: typer.Context,
    events: Annotated[
        Path | None,
        typer.Option(help="Import this events CSV first (UCDP GED or ACLED layout)."),
    ] = None,
    chart: Annotated[
        Path | None, typer.Option(help="Write the indicators chart here (PNG).")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Fatality trend per pair of sides and front-line stability, from event data."""
    with ref(ctx).open() as ws:
        if events is not None:
            table = ripeness_service.import_events(ws, events)
            if not json_out:
                # TRANSLATORS: %(layout)s is UCDP or ACLED, the two layouts of event data.
                said = ngettext(
                    "Imported %(num)s events from %(file)s (%(layout)s layout).",
                    "Imported %(num)s events from %(file)s (%(layout)s layout).",
                    len(table.events),
                )
                values = {
                    "num": len(table.events),
                    "file": events.name,
                    "layout": table.layout.upper(),
                }
                typer.echo(said % values)
        found = ripeness_service.indicators(ws, chart)

    def human(console: Console) -> None:
        for line in found.summary:
            console.print(f"- {line}")
        if chart is not None:
            console.print(gettext("Chart: %(path)s") % {"path": chart})

    emit(indicators_json(found), json_out, human)
