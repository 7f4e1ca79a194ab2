"""`backchannel ripeness record/show/indicators`: Zartman's ripe moment, with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit
from backchannel.domain.indicators import Indicators
from backchannel.domain.ripeness import Element
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
    typer.echo(f"Recorded {n} assessment(s): {', '.join(a.party for a in assessments)}.")


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
    table = Table(title="Ripeness by party (0 absent .. 3 strong)")
    table.add_column("Party")
    for e in Element:
        table.add_column(e.value.replace("_", " "), justify="center")
    table.add_column("Indicators seen")
    for a in view.assessments:
        table.add_row(
            a.party,
            *(f"{a.score(e).score} ({a.score(e).confidence.value[0]})" for e in Element),
            ", ".join(a.indicators_seen) or "none",
        )
    console.print(table)
    r = view.reading
    console.print(f"Reading: [bold]{r.reading.value.replace('_', ' ')}[/bold]")
    for reason in r.reasons:
        console.print(f"  - {reason}")
    if r.would_change:
        console.print("What would change it:")
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
                typer.echo(
                    f"Imported {len(table.events)} events from {events.name} "
                    f"({table.layout.upper()} layout)."
                )
        found = ripeness_service.indicators(ws, chart)

    def human(console: Console) -> None:
        for line in found.summary:
            console.print(f"- {line}")
        if chart is not None:
            console.print(f"Chart: {chart}")

    emit(indicators_json(found), json_out, human)
