"""`backchannel init` and `backchannel dialogue show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit
from backchannel.domain.dialogue import Dialogue
from backchannel.i18n import gettext, ngettext
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import dialogue as dialogue_service
from backchannel.services.dialogue import DialogueSummary

dialogue_app = typer.Typer(
    help="See the dialogue: its parties, interlocutors, meetings and where each pillar stands.",
    no_args_is_help=True,
)
root.add_typer(dialogue_app, name="dialogue")


@root.command("init")
def init(
    ctx: typer.Context,
    title: Annotated[
        str | None, typer.Option(help="The dialogue's working title (not its participants).")
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="A dialogue.toml with title, parties, interlocutors and meetings.",
        ),
    ] = None,
) -> None:
    """Create a new encrypted workspace for one dialogue.

    You choose a passphrase (asked for without echo, or taken from BACKCHANNEL_PASSPHRASE).
    Without it nobody can read the file, including you: keep it somewhere safe.
    """
    if from_file is not None:
        dialogue = read_dialogue(from_file)
    elif title:
        dialogue = Dialogue(title=title)
    else:
        raise typer.BadParameter("give --title or --from dialogue.toml")
    workspace = ref(ctx)
    if workspace.db is None and workspace.path.exists():
        raise typer.BadParameter(f"{workspace.path} already exists; choose another --workspace")
    with workspace.open(create=True) as ws:
        dialogue_service.init_dialogue(ws, dialogue)
    said = gettext("Created %(path)s for '%(title)s'.")
    typer.echo(said % {"path": workspace.path, "title": dialogue.title})


def _summary_json(s: DialogueSummary) -> dict[str, object]:
    d = s.dialogue
    return {
        "title": d.title,
        "convenor": d.convenor,
        "parties": [{"code": p.code, "name": p.name} for p in d.parties],
        "interlocutors": [
            {"code": i.code, "name": i.name, "party": i.party} for i in d.interlocutors
        ],
        "meetings": [
            {"number": m.number, "starts": m.starts.isoformat(), "days": m.days, "venue": m.venue}
            for m in d.meetings
        ],
        "candidates": s.candidates,
        "participants": s.participants,
        "scope": None if s.scope is None else s.scope.problem,
        "ripeness_assessments": s.assessments,
        "events": s.events,
    }


def _meeting(number: int, starts: object, days: int, venue: str) -> str:
    # TRANSLATORS: a meeting: its number, first day (YYYY-MM-DD), length and venue.
    said = ngettext(
        "%(number)s: %(starts)s (%(days)s days) %(venue)s",
        "%(number)s: %(starts)s (%(days)s days) %(venue)s",
        days,
    )
    return said % {"number": number, "starts": starts, "days": days, "venue": venue}


def _show(s: DialogueSummary, console: Console) -> None:
    d = s.dialogue
    convened = (
        "  " + gettext("(convened by %(convenor)s)") % {"convenor": d.convenor}
        if d.convenor
        else ""
    )
    console.print(f"[bold]{d.title}[/bold]" + convened)
    # TRANSLATORS: in place of an empty list of parties or interlocutors.
    none_yet = gettext("none yet")
    table = Table(show_header=False, box=None, pad_edge=False)
    # TRANSLATORS: the row labels of `backchannel dialogue show`: Parties, Interlocutors,
    # Meetings, Scope, Candidates, Ripeness.
    table.add_row(
        gettext("Parties"), ", ".join(f"{p.code} {p.name}" for p in d.parties) or none_yet
    )
    table.add_row(gettext("Interlocutors"), ", ".join(i.name for i in d.interlocutors) or none_yet)
    table.add_row(
        gettext("Meetings"),
        "; ".join(_meeting(m.number, m.starts, m.days, m.venue) for m in d.meetings)
        # TRANSLATORS: in place of an empty list of meetings.
        or gettext("none planned"),
    )
    table.add_row(
        gettext("Scope"),
        s.scope.problem if s.scope else gettext("not set: run 'backchannel scope set'"),
    )
    table.add_row(
        gettext("Candidates"),
        # TRANSLATORS: how many candidates the pool holds, and how many are on the roster.
        gettext("%(candidates)s in the pool, %(participants)s on the roster")
        % {"candidates": s.candidates, "participants": s.participants},
    )
    table.add_row(
        gettext("Ripeness"),
        gettext("%(assessments)s assessments, %(events)s events imported")
        % {"assessments": s.assessments, "events": s.events},
    )
    console.print(table)


@dialogue_app.command("show")
def show(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the dialogue and where it stands."""
    with ref(ctx).open() as ws:
        summary = dialogue_service.summarise(ws)
    emit(_summary_json(summary), json_out, lambda c: _show(summary, c))
