"""`backchannel candidates/rules/roster`: pillar 2 inside the dialogue's workspace.

Exit codes: 0 when a change is saved, even when it breaks a mix rule (the facilitators
decide; the broken rules and warnings are printed); 1 when `roster select` finds that no
roster can meet the rules (the roster is left as it was); 2 on bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import (
    EXIT_BLOCKED,
    conflicting,
    emit,
    err_console,
    exit_with,
    roster_title,
    warning_label,
    wrote,
)
from backchannel.domain.mix import DEFAULT_TIME_LIMIT
from backchannel.domain.people import Candidate
from backchannel.i18n import N_, gettext, ngettext
from backchannel.services import roster as roster_service
from backchannel.services.roster import RosterChange, RosterView

candidates_app = typer.Typer(
    help="The candidate pool: everyone who might sit in the room (CSV or XLSX).",
    no_args_is_help=True,
)
rules_app = typer.Typer(
    help="The mix rules (MIX.toml): size, categories, parties, gender, channels, people.",
    no_args_is_help=True,
)
roster_app = typer.Typer(
    help=(
        "The roster: who sits in the room. Every change re-checks the mix rules, the "
        "editorial warnings and each participant's consent to the charter."
    ),
    no_args_is_help=True,
)
root.add_typer(candidates_app, name="candidates")
root.add_typer(rules_app, name="rules")
root.add_typer(roster_app, name="roster")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


# --- candidates -----------------------------------------------------------------------------


@candidates_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A candidates CSV or XLSX (see the README).")],
    json_out: JsonOpt = False,
) -> None:
    """Add new candidates and update known ones (by id), all or nothing.

    The whole file is checked first; an error names the file, row and field, and nothing
    is written. Audited with the counts only.
    """
    with ref(ctx).open() as ws:
        added, updated = roster_service.import_candidates(ws, file)
    emit(
        {"added": added, "updated": updated},
        json_out,
        lambda c: c.print(
            # TRANSLATORS: how many candidates the file added to the pool, and updated in it.
            gettext("Imported %(file)s: %(added)s added, %(updated)s updated.")
            % {"file": file.name, "added": added, "updated": updated},
            markup=False,
        ),
    )


def _candidate_json(c: Candidate, on_roster: bool, names: bool) -> dict[str, object]:
    out: dict[str, object] = {"id": c.id}
    if names:
        out |= {"name": c.name, "aliases": list(c.aliases), "title": c.title}
    return out | {
        "party": c.party,
        "category": c.category.value,
        "gender": c.gender,
        "affiliation": c.affiliation,
        "channels": list(c.channels),
        "available": c.available,
        "conflicts": list(c.conflicts),
        "priority": c.priority,
        "on_roster": on_roster,
    }


@candidates_app.command("list")
def list_(
    ctx: typer.Context,
    names: Annotated[
        bool, typer.Option("--names", help="Show names, aliases and titles (mind the screen).")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """List the candidate pool by id; names only with --names."""
    with ref(ctx).open() as ws:
        pool, roster = roster_service.list_pool(ws)

    def human(console: Console) -> None:
        # TRANSLATORS: how many candidates the pool holds, and how many are on the roster.
        title = gettext("Candidate pool (%(pool)s; %(roster)s on the roster)")
        table = Table(title=title % {"pool": len(pool), "roster": len(roster)})
        columns = [N_("id"), *([N_("name")] if names else []), N_("party"), N_("category")]
        columns += [N_("gender"), N_("affiliation"), N_("available"), N_("priority")]
        for column in [*columns, N_("roster")]:
            table.add_column(gettext(column))
        # TRANSLATORS: whether a candidate is available (the "available" column).
        yes, no = gettext("yes"), gettext("no")
        # TRANSLATORS: in the "roster" column: the candidate is on the roster.
        on = gettext("on")
        for c in pool:
            cells = [c.id, *([c.name] if names else []), c.party, c.category.value, c.gender]
            cells += [c.affiliation, yes if c.available else no, str(c.priority)]
            cells.append(on if c.id in roster else "")
            table.add_row(*(Text(v) for v in cells))
        console.print(table)

    emit([_candidate_json(c, c.id in roster, names) for c in pool], json_out, human)


# --- rules ----------------------------------------------------------------------------------


@rules_app.command("set")
def set_(
    ctx: typer.Context,
    from_file: Annotated[
        Path, typer.Option("--from", help="The MIX.toml to adopt.", show_default=False)
    ],
    json_out: JsonOpt = False,
) -> None:
    """Check a MIX.toml against the pool and make it the dialogue's mix rules."""
    with ref(ctx).open() as ws:
        rules, notes = roster_service.set_rules(ws, from_file)
        view = roster_service.roster_view(ws)
    data = {
        "rules": [r.name for r in rules.rules],
        "warnings": list(notes),
        "roster_violations": [v.rule for v in view.violations] if view.participants else [],
    }

    def human(console: Console) -> None:
        said = ngettext(
            "Set %(num)s mix rules from %(file)s.",
            "Set %(num)s mix rules from %(file)s.",
            len(rules.rules),
        )
        console.print(said % {"num": len(rules.rules), "file": from_file.name}, markup=False)
        for note in notes:
            console.print(_warning(note))
        if view.participants:
            _print_checks(view, console)

    emit(data, json_out, human)


@rules_app.command("show")
def show_rules(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Show the dialogue's mix rules (the defaults, size 10 to 16, when none were set)."""
    with ref(ctx).open() as ws:
        found = roster_service.current_rules(ws)
    data = {
        "defaults": found.defaults,
        "set_at": found.set_at.isoformat() if found.set_at else None,
        "rules": [r.name for r in found.rules.rules],
        "text": found.text,
    }

    def human(console: Console) -> None:
        if found.text is None:
            console.print(
                gettext("No mix rules set: the defaults hold (size.min 10, size.max 16).")
            )
            console.print(
                gettext("Set them with 'backchannel rules set --from MIX.toml'."), markup=False
            )
            return
        # TRANSLATORS: %(when)s is YYYY-MM-DD HH:MM; the rules (TOML) follow.
        said = gettext("Mix rules set %(when)s UTC:")
        console.print(said % {"when": f"{found.set_at:%Y-%m-%d %H:%M}"}, markup=False)
        console.print(found.text.rstrip(), markup=False, highlight=False)

    emit(data, json_out, human)


# --- roster ---------------------------------------------------------------------------------


def view_json(view: RosterView) -> dict[str, object]:
    return {
        "roster": [
            {
                "id": c.id,
                "party": c.party,
                "category": c.category.value,
                "gender": c.gender,
                "channels": list(c.channels),
                "consented": c.id in view.consents,
            }
            for c in view.participants
        ],
        "size": len(view.participants),
        "default_rules": view.rules.defaults,
        "violations": [{"rule": v.rule, "message": v.message} for v in view.violations],
        "warnings": list(view.warnings),
        "charter_version": view.charter_version,
        "without_consent": list(view.without_consent),
    }


def _warning(note: str) -> Text:
    return Text.assemble((f"{warning_label()} ", "yellow"), note)


def _print_checks(view: RosterView, console: Console) -> None:
    if view.rules.defaults:
        console.print(gettext("No mix rules set: checked against the defaults (size 10 to 16)."))
    if view.violations:
        broken = len(view.violations)
        said = ngettext("%(num)s rule(s) broken:", "%(num)s rule(s) broken:", broken)
        console.print(Text(said % {"num": broken}, style="bold red"))
        for v in view.violations:
            console.print(Text(f"  - {v.message}"))
    else:
        held = len(view.rules.rules.rules)
        said = ngettext(
            "Every mix rule holds (%(num)s rules).", "Every mix rule holds (%(num)s rules).", held
        )
        console.print(said % {"num": held})
    for warning in view.warnings:
        console.print(_warning(warning))
    if view.charter_version is None:
        console.print(
            Text(
                gettext("No charter adopted yet: nobody has consented to the ground rules."),
                "red",
            )
        )
    elif view.without_consent:
        said = gettext("Without consent to charter v%(version)s: %(ids)s")
        values = {"version": view.charter_version, "ids": ", ".join(view.without_consent)}
        console.print(Text(said % values, style="bold red"))


def _consent_cell(view: RosterView, candidate_id: str) -> Text:
    if view.charter_version is None:
        # TRANSLATORS: in the consent column of the roster: no charter has been adopted.
        return Text("! " + gettext("no charter"), style="bold red")
    given = view.consents.get(candidate_id)
    if given is None:
        # TRANSLATORS: in the consent column of the roster, in capitals to stand out: the
        # participant has not consented to the current charter.
        said = gettext("NO (v%(version)s)") % {"version": view.charter_version}
        return Text("! " + said, style="bold red")
    return Text(f"v{given.charter_version} {given.given_on.isoformat()}")


# TRANSLATORS: the column headings of the roster.
ROSTER_COLUMNS = (N_("id"), N_("party"), N_("category"), N_("gender"), N_("consent"))


def show_view(view: RosterView, console: Console) -> None:
    if not view.participants:
        console.print(
            gettext("The roster is empty: run 'backchannel roster select'."), markup=False
        )
        return
    table = Table(title=roster_title(len(view.participants)), title_justify="left")
    for column in ROSTER_COLUMNS:
        table.add_column(gettext(column))
    for c in view.participants:
        cells = (c.id, c.party, c.category.value, c.gender)
        table.add_row(*(Text(v) for v in cells), _consent_cell(view, c.id))
    console.print(table)
    console.print(gettext("Channels to Track I:"))
    for reach in roster_service.reach_of(view):
        # TRANSLATORS: in place of the participants who reach a channel to Track I.
        through = ", ".join(reach.through) or gettext("no one")
        # TRANSLATORS: after a channel to Track I that the mix rules require.
        mark = " " + gettext("(required)") if reach.required else ""
        style = "red" if not reach.through and (reach.required or reach.interlocutor) else ""
        console.print(Text(f"  {reach.channel}{mark}: {through}", style=style))
    _print_checks(view, console)


def _change_json(change: RosterChange) -> dict[str, object]:
    return {
        "action": change.action,
        "changed": change.changed,
        "status": "ok" if change.changed or not change.conflicts else "infeasible",
        "explanation": change.explanation,
        "conflicts": list(change.conflicts),
        "notes": list(change.notes),
        **view_json(change.view),
    }


def _emit_change(change: RosterChange, json_out: bool) -> None:
    def human(console: Console) -> None:
        if change.conflicts:
            console.print(change.explanation, markup=False)
            console.print(conflicting(change.conflicts), markup=False)
            console.print(gettext("The roster was left as it was."))
        elif change.action == "roster.select":
            show_view(change.view, console)
            console.print(change.explanation, markup=False)
        else:
            size = len(change.view.participants)
            # TRANSLATORS: %(explanation)s says what changed, in English: "c017 added to the
            # roster".
            said = ngettext(
                "%(explanation)s (%(num)s people).", "%(explanation)s (%(num)s people).", size
            )
            console.print(said % {"explanation": change.explanation, "num": size}, markup=False)
            if change.changed and size:
                _print_checks(change.view, console)
        for note in change.notes:
            console.print(_warning(note))

    emit(_change_json(change), json_out, human)


@roster_app.command("select")
def select(
    ctx: typer.Context,
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", min=0.1, help="Seconds the solver may take at most."),
    ] = DEFAULT_TIME_LIMIT,
    json_out: JsonOpt = False,
) -> None:
    """Choose the roster from the pool and the mix rules, and keep it.

    The optimizer picks the people with the highest total priority who meet every rule
    (ties: more distinct affiliations), proven best. When no roster can meet the rules it
    names the rules that conflict and says why, leaves the roster as it was, and exits 1.
    """
    with ref(ctx).open() as ws:
        if not json_out and err_console.is_terminal:
            with err_console.status(gettext("Choosing the roster...")):
                change = roster_service.select_roster(ws, time_limit=time_limit)
        else:
            change = roster_service.select_roster(ws, time_limit=time_limit)
    _emit_change(change, json_out)
    exit_with(EXIT_BLOCKED if change.conflicts else 0)


IdArg = Annotated[str, typer.Argument(help="The candidate's id (e.g. c017).")]


@roster_app.command("add")
def add(ctx: typer.Context, candidate: IdArg, json_out: JsonOpt = False) -> None:
    """Put a candidate on the roster, then re-check the rules (saved even if one breaks)."""
    with ref(ctx).open() as ws:
        change = roster_service.add_participant(ws, candidate)
    _emit_change(change, json_out)


@roster_app.command("remove")
def remove(ctx: typer.Context, candidate: IdArg, json_out: JsonOpt = False) -> None:
    """Take a participant off the roster, then re-check the rules (saved even if one breaks)."""
    with ref(ctx).open() as ws:
        change = roster_service.remove_participant(ws, candidate)
    _emit_change(change, json_out)


@roster_app.command("show")
def show(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Show the roster by id, the broken rules, warnings, and who lacks consent."""
    with ref(ctx).open() as ws:
        view = roster_service.roster_view(ws)
    emit(view_json(view), json_out, lambda c: show_view(view, c))


@roster_app.command("report")
def report(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write roster-report.pdf into.")],
    json_out: JsonOpt = False,
) -> None:
    """Write the confidential roster report (facilitators only), through the gate.

    It names no one: participants appear by id, party, category and gender. Exit 1 when
    the non-attribution gate blocks it.
    """
    from backchannel.services.roster_report import export_roster_report  # loads matplotlib

    with ref(ctx).open() as ws:
        written = export_roster_report(ws, outdir)

    def human(console: Console) -> None:
        for path in written:
            console.print(wrote(path), markup=False)

    emit({"documents": [str(p) for p in written]}, json_out, human)
