"""`backchannel scope set/show/check`: pillar 1, a tight scope."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.cells import cell_len
from rich.console import Console

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import EXIT_BLOCKED, emit, exit_with, styled
from backchannel.domain.scope_lint import ScopeFinding, scope_ok
from backchannel.i18n import gettext, ngettext
from backchannel.readers.dialogue_files import read_scope
from backchannel.services import scope as scope_service

scope_app = typer.Typer(
    help=(
        "Pillar 1: one solvable problem, a place, and tangible next steps within 90 days. "
        "Over-broad mandates kill momentum."
    ),
    no_args_is_help=True,
)
root.add_typer(scope_app, name="scope")


def findings_json(findings: Sequence[ScopeFinding]) -> dict[str, object]:
    return {
        "ok": scope_ok(findings),
        "findings": [
            {"kind": f.kind, "severity": f.severity, "message": f.message} for f in findings
        ],
    }


def show_findings(findings: Sequence[ScopeFinding], console: Console) -> None:
    if not findings:
        # TRANSLATORS: the scope linter's verdict, before what the mandate has.
        tight = styled(gettext("Tight scope:"), "green")
        console.print(f"{tight} " + gettext("one problem, a place, a horizon within 90 days."))
        return
    for f in findings:
        colour = "red" if f.severity == "block" else "yellow"
        console.print(f"[{colour}]{f.severity.upper():5}[/{colour}] {f.kind}: {f.message}")
    if not scope_ok(findings):
        console.print(gettext("This mandate blocks."))
    else:
        console.print(gettext("This mandate has warnings only."))


@scope_app.command("check")
def check(
    text: Annotated[str, typer.Option("--text", help="The mandate or problem statement.")],
    horizon_days: Annotated[
        int | None,
        typer.Option(help="The horizon in days, if not stated in the text (at most 90)."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Lint a mandate without a workspace. Exit 1 when a finding blocks."""
    findings = scope_service.check_scope(text, horizon_days)
    emit(findings_json(findings), json_out, lambda c: show_findings(findings, c))
    exit_with(0 if scope_ok(findings) else EXIT_BLOCKED)


@scope_app.command("set")
def set_(
    ctx: typer.Context,
    from_file: Annotated[
        Path | None, typer.Option("--from", help="A scope.toml (problem, places, ...).")
    ] = None,
    problem: Annotated[str | None, typer.Option(help="The problem statement.")] = None,
    place: Annotated[
        list[str] | None, typer.Option(help="A place the problem is anchored in (repeat).")
    ] = None,
    party: Annotated[list[str] | None, typer.Option(help="A party code (repeat).")] = None,
    horizon_days: Annotated[
        int | None, typer.Option(help="Days from the first meeting (default 90).")
    ] = None,
    success_test: Annotated[
        str | None, typer.Option(help="How success will be tested, observably.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Record the dialogue's scope and lint it. Exit 1 when a finding blocks."""
    with ref(ctx).open() as ws:
        if from_file is not None:
            findings = scope_service.set_scope(ws, read_scope(from_file))
        else:
            changes: dict[str, object] = {}
            if problem is not None:
                changes["problem"] = problem
            if place:
                changes["places"] = tuple(place)
            if party:
                changes["parties"] = tuple(party)
            if horizon_days is not None:
                changes["horizon_days"] = horizon_days
            if success_test is not None:
                changes["success_test"] = success_test
            if not changes:
                raise typer.BadParameter("give --from scope.toml or at least one field")
            _scope, findings = scope_service.update_scope(ws, **changes)
    emit(findings_json(findings), json_out, lambda c: show_findings(findings, c))
    exit_with(0 if scope_ok(findings) else EXIT_BLOCKED)


@scope_app.command("show")
def show(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the recorded scope and what the linter says of it."""
    with ref(ctx).open() as ws:
        scope = scope_service.get_scope(ws)
        end = scope_service.horizon_end(ws)
    if scope is None:
        raise typer.BadParameter("no scope yet: run 'backchannel scope set'")
    findings = scope_service.lint_record(scope)
    data = {
        "problem": scope.problem,
        "places": list(scope.places),
        "parties": list(scope.parties),
        "horizon_days": scope.horizon_days,
        "horizon_ends": end.isoformat() if end else None,
        "success_test": scope.success_test,
        **findings_json(findings),
    }

    def human(console: Console) -> None:
        # TRANSLATORS: in place of an empty list (of places, parties, indicators seen): one word
        # that fits any of them.
        nothing = gettext("none")
        days = scope.horizon_days
        if end:
            # TRANSLATORS: the scope's horizon; %(day)s is YYYY-MM-DD.
            horizon = ngettext(
                "%(days)s days (until %(day)s)", "%(days)s days (until %(day)s)", days
            )
        else:
            horizon = ngettext("%(days)s days", "%(days)s days", days)
        # TRANSLATORS: the row labels of `backchannel scope show`: Problem, Places, Parties,
        # Horizon, Success (how success will be tested).
        rows = [
            (gettext("Problem"), scope.problem),
            (gettext("Places"), ", ".join(scope.places) or nothing),
            (gettext("Parties"), ", ".join(scope.parties) or nothing),
            (gettext("Horizon"), horizon % {"days": days, "day": end}),
            (gettext("Success"), scope.success_test or gettext("not stated")),
        ]
        width = max(cell_len(label) for label, _ in rows) + 3
        for label, value in rows:
            pad = " " * (width - cell_len(label))
            console.print(f"{styled(label, 'bold')}{pad}{value}")
        show_findings(findings, console)

    emit(data, json_out, human)
