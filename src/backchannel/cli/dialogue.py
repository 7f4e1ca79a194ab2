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
from backchannel.i18n import NAMES, gettext, ngettext
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
        "languages": list(d.languages),
        "bilingual": d.bilingual,
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


def _languages(d: Dialogue) -> str:
    if not d.languages:
        # TRANSLATORS: `dialogue show` when no working language is recorded.
        return gettext("none recorded: documents are written in the language of the command")
    names = ", ".join(NAMES[lang] for lang in d.languages)
    if d.bilingual:
        # TRANSLATORS: after the working languages, e.g. "English, Arabic; and a
        # bilingual non-paper".
        names += gettext("; and a bilingual non-paper")
    return names


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
    table.add_row(gettext("Languages"), _languages(d))
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


@dialogue_app.command("languages")
def languages(
    ctx: typer.Context,
    codes: Annotated[
        list[str] | None,
        typer.Argument(
            help="The working languages, the first the one documents are filed under: "
            "en, fr, es, ru, ar. None: show them.",
            show_default=False,
        ),
    ] = None,
    bilingual: Annotated[
        bool | None,
        typer.Option(
            "--bilingual/--no-bilingual",
            help="Also write the non-paper as one two-column text in the first two.",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show or set the dialogue's working languages. Every document is written in each
    (nonpaper.pdf in the first, nonpaper.ar.pdf in Arabic...); what people wrote stays as
    written, headings, labels and dates are in the document's language.

    Exit 2 when a language is not one backchannel writes.
    """
    with ref(ctx).open() as ws:
        if codes is None and bilingual is None:
            d = dialogue_service.get_dialogue(ws)
        else:
            current = dialogue_service.get_dialogue(ws)
            chosen = tuple(c.strip().lower() for c in codes) if codes else current.languages
            d = dialogue_service.set_languages(
                ws, chosen, current.bilingual if bilingual is None else bilingual
            )
    emit(
        {"languages": list(d.languages), "bilingual": d.bilingual},
        json_out,
        lambda c: c.print(_languages(d), markup=False),
    )
