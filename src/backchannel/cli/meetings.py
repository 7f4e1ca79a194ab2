"""`backchannel meeting/round/capture/options/ratings`: pillar 4, the facilitated meeting.

Commands work on the active meeting (the latest that has started) unless given --meeting.
Captured points never carry a person: at most a party. Exit codes: 0 done, 1 when the
non-attribution gate refuses a captured text, 2 on bad input (a round out of order, an
unknown option or party, a malformed file).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit, warn, wrote
from backchannel.cli.support import Method, report_json, show_report
from backchannel.domain.errors import BadInputError
from backchannel.domain.meetings import LeftOpen
from backchannel.domain.rounds import RoundName
from backchannel.i18n import N_, current, gettext, ngettext
from backchannel.services import meeting_ratings
from backchannel.services import meetings as service
from backchannel.services.meeting_file import load_meeting_file
from backchannel.services.meeting_record import export_meeting_record
from backchannel.services.meetings import MeetingView, RoundState

meeting_app = typer.Typer(
    help="Meetings of the dialogue: agenda, timeboxes, record.", no_args_is_help=True
)
round_app = typer.Typer(
    help="The five rounds in order: framing, interests, options, consequences, packaging. "
    "Forward one at a time; back with a reason.",
    no_args_is_help=True,
)
options_app = typer.Typer(help="The options the room generated.", no_args_is_help=True)
ratings_app = typer.Typer(
    help="Anonymous ratings of options (-2..+2), stored as salted pseudonyms.",
    no_args_is_help=True,
)
for name, sub in (
    ("meeting", meeting_app),
    ("round", round_app),
    ("options", options_app),
    ("ratings", ratings_app),
):
    root.add_typer(sub, name=name)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
MeetingOpt = Annotated[
    int | None, typer.Option("--meeting", "-m", help="Meeting number (default: the active one).")
]
PartyOpt = Annotated[str, typer.Option("--party", "-p", help="A party code of the dialogue.")]


# --- meeting ----------------------------------------------------------------------------------


def _timebox(value: str) -> tuple[RoundName, int]:
    name, _, minutes = value.partition("=")
    try:
        return RoundName(name.strip()), int(minutes)
    except ValueError:
        raise BadInputError(
            f"'{value[:40]}' is not ROUND=MINUTES (e.g. options=240)", field="timebox"
        ) from None


def _open_json(left: LeftOpen) -> dict[str, object]:
    return {
        "untested": [
            {"option": u.option.code, "meeting": u.meeting, "missing": list(u.missing)}
            for u in left.untested
        ],
        "questions": [
            {"option": q.option, "party": q.party, "text": q.text, "meeting": q.meeting}
            for q in left.questions
        ],
        "steps": [
            {
                "id": f.step.id,
                "package": f.package,
                "what": f.step.what,
                "when": f.step.when.isoformat(),
                "status": f.step.status.value,
            }
            for f in left.steps
        ],
    }


def view_json(v: MeetingView) -> dict[str, object]:
    m = v.meeting
    return {
        "meeting": m.number,
        "starts": m.starts.isoformat(),
        "days": m.days,
        "venue": m.venue,
        "state": v.progress.describe(),
        "current": None if v.progress.current is None else v.progress.current.value,
        "finished": v.progress.finished,
        "default_agenda": v.default_agenda,
        "rounds": [
            {
                "round": t.name.value,
                "timebox": t.planned,
                "spent": t.spent,
                "entered": t.entered,
                "captured": v.capture.counts()[t.name],
            }
            for t in v.times
        ],
        "back": [
            {"to": str(b.to), "reason": b.reason, "at": b.at.isoformat()}
            for b in v.progress.backs()
        ],
        "carried_in": _open_json(v.carried_in),
        "left_open": _open_json(v.left_open),
        "warnings": list(v.warnings),
    }


def in_minutes(n: int) -> str:
    # TRANSLATORS: a length of time in minutes, short: "90 min".
    return ngettext("%(num)s min", "%(num)s min", n) % {"num": n}


def _moment(at: datetime) -> str:
    """A day and time the way the language writes it: 03 Dec 14:05, 03 déc. 14:05."""
    from babel.dates import format_datetime

    return format_datetime(at, "dd MMM HH:mm", locale=current())


def _show_open(title: str, left: LeftOpen, console: Console) -> None:
    if left.empty:
        # TRANSLATORS: %(title)s is "Carried in from earlier meetings" or "Left open for the
        # next meeting".
        console.print(gettext("%(title)s: nothing.") % {"title": title})
        return
    # TRANSLATORS: the heading of a list; %(title)s as in "%(title)s: nothing."
    console.print(gettext("%(title)s:") % {"title": title})
    for u in left.untested:
        # TRANSLATORS: in place of the party codes an option is untested for.
        parties = ", ".join(u.missing) or gettext("any party")
        said = gettext("option %(option)s not yet tested for %(parties)s")
        console.print("  - " + said % {"option": u.option.code, "parties": parties}, markup=False)
    for q in left.questions:
        said = gettext("question on %(option)s (party %(party)s): %(text)s")
        console.print(
            "  - " + said % {"option": q.option, "party": q.party, "text": q.text}, markup=False
        )
    for f in left.steps:
        # TRANSLATORS: a step left open; %(day)s is YYYY-MM-DD.
        said = gettext("step %(step)s due %(day)s: %(what)s")
        console.print(
            "  - " + said % {"step": f.step.id, "day": f.step.when, "what": f.step.what},
            markup=False,
        )


# TRANSLATORS: the column headings of a meeting's rounds (after an empty one, for the marker
# of the current round).
ROUND_COLUMNS = (N_("round"), N_("timebox"), N_("taken"), N_("entered"), N_("captured"))


def show_view(v: MeetingView, console: Console) -> None:
    m = v.meeting
    # TRANSLATORS: %(starts)s is YYYY-MM-DD; %(state)s stays in English (in round 2 of 5,
    # interests).
    said = ngettext(
        "Meeting %(number)s: %(starts)s (%(days)s days) %(venue)s - %(state)s",
        "Meeting %(number)s: %(starts)s (%(days)s days) %(venue)s - %(state)s",
        m.days,
    )
    values = {
        "number": m.number,
        "starts": m.starts,
        "days": m.days,
        "venue": m.venue,
        "state": v.progress.describe(),
    }
    console.print(said % values, markup=False)
    table = Table(show_edge=False)
    table.add_column("", justify="left")
    for n, heading in enumerate(ROUND_COLUMNS):
        table.add_column(gettext(heading), justify="left" if n == 0 else "right")
    counts = v.capture.counts()
    for t in v.times:
        here = "▶" if t.name is v.progress.current and not v.progress.finished else ""
        table.add_row(
            here,
            t.name.value,
            in_minutes(t.planned),
            in_minutes(t.spent),
            str(t.entered),
            str(counts[t.name]),
        )
    console.print(table)
    for b in v.progress.backs():
        # TRANSLATORS: going back to a round (its English name), when, and why.
        said = gettext("Back to %(round)s at %(when)s: %(reason)s")
        console.print(
            said % {"round": b.to, "when": _moment(b.at), "reason": b.reason}, markup=False
        )
    for w in v.warnings:
        warn(w)
    _show_open(gettext("Carried in from earlier meetings"), v.carried_in, console)
    _show_open(gettext("Left open for the next meeting"), v.left_open, console)


@meeting_app.command("new")
def meeting_new(
    ctx: typer.Context,
    starts: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    days: Annotated[int, typer.Option(help="How many days.")] = 2,
    venue: Annotated[str, typer.Option(help="Where (a place, not a host).")] = "",
    timebox: Annotated[
        list[str] | None, typer.Option(help="Change a round's timebox: ROUND=MINUTES (repeatable).")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Add the next meeting, with the default agenda for its days (editable)."""
    try:
        first = date.fromisoformat(starts)
    except ValueError:
        raise BadInputError(f"'{starts[:20]}' is not a date (YYYY-MM-DD)", field="starts") from None
    boxes = dict(_timebox(t) for t in timebox or [])
    with ref(ctx).open() as ws:
        view = service.new_meeting(ws, first, days=days, venue=venue, timeboxes=boxes)
    emit(view_json(view), json_out, lambda c: show_view(view, c))


@meeting_app.command("show")
def meeting_show(ctx: typer.Context, meeting: MeetingOpt = None, json_out: JsonOpt = False) -> None:
    """Where a meeting stands: rounds, timeboxes, what it carried in and leaves open."""
    with ref(ctx).open() as ws:
        view = service.meeting_view(ws, meeting)
    emit(view_json(view), json_out, lambda c: show_view(view, c))


@meeting_app.command("timebox")
def meeting_timebox(
    ctx: typer.Context,
    round_name: Annotated[RoundName, typer.Argument(metavar="ROUND", help="The round.")],
    minutes: Annotated[int, typer.Argument(help="Its timebox in minutes.")],
    meeting: MeetingOpt = None,
) -> None:
    """Change one round's timebox."""
    with ref(ctx).open() as ws:
        agenda = service.set_timebox(ws, round_name, minutes, meeting)
    typer.echo(", ".join(f"{r.name.value} {in_minutes(r.minutes)}" for r in agenda.rounds))


@meeting_app.command("load")
def meeting_load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A meeting file (TOML, see docs/rounds.md).")],
    json_out: JsonOpt = False,
) -> None:
    """Play a rapporteur's meeting file into the workspace, all or nothing."""
    with ref(ctx).open() as ws:
        view = load_meeting_file(ws, file)
    emit(view_json(view), json_out, lambda c: show_view(view, c))


@meeting_app.command("record")
def meeting_record(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write the record into.")],
    meeting: MeetingOpt = None,
) -> None:
    """Write the meeting record (PDF) and its two pictures, through the gate."""
    with ref(ctx).open() as ws:
        written = export_meeting_record(ws, outdir, meeting)
    for path in written:
        typer.echo(wrote(path))


# --- round ------------------------------------------------------------------------------------


def _said(state: RoundState) -> None:
    # TRANSLATORS: %(state)s stays in English: in round 2 of 5, interests; finished.
    said = gettext("Meeting %(number)s: %(state)s.")
    typer.echo(said % {"number": state.meeting, "state": state.progress.describe()})


@round_app.command("start")
def round_start(ctx: typer.Context, meeting: MeetingOpt = None) -> None:
    """Open framing in the next meeting that has not started."""
    with ref(ctx).open() as ws:
        _said(service.start_round(ws, meeting))


@round_app.command("next")
def round_next(ctx: typer.Context, meeting: MeetingOpt = None) -> None:
    """Move to the next round; after packaging the meeting is finished."""
    with ref(ctx).open() as ws:
        _said(service.next_round(ws, meeting))


@round_app.command("back")
def round_back(
    ctx: typer.Context,
    reason: Annotated[str, typer.Option(help="Why the room goes back (recorded).")],
    to: Annotated[
        RoundName | None, typer.Option(help="Which round (default: the one before).")
    ] = None,
    meeting: MeetingOpt = None,
) -> None:
    """Go back to an earlier round, recording why."""
    with ref(ctx).open() as ws:
        _said(service.back_round(ws, reason, to=to, number=meeting))


@round_app.command("pause")
def round_pause(ctx: typer.Context, meeting: MeetingOpt = None) -> None:
    """The room breaks; the time until the next move does not count."""
    with ref(ctx).open() as ws:
        _said(service.pause_round(ws, meeting))


@round_app.command("resume")
def round_resume(ctx: typer.Context, meeting: MeetingOpt = None) -> None:
    """The room is back in the round it paused in."""
    with ref(ctx).open() as ws:
        _said(service.resume_round(ws, meeting))


# --- options and ratings ----------------------------------------------------------------------


# TRANSLATORS: the column headings of `backchannel options list`.
OPTION_COLUMNS = (N_("option"), N_("title"), N_("meeting"), N_("tested for"), N_("ratings"))


@options_app.command("list")
def options_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Every option, the parties it was tested for, and its ratings."""
    with ref(ctx).open() as ws:
        lines = meeting_ratings.list_options(ws)
    data = [
        {
            "code": x.option.code,
            "title": x.option.title,
            "meeting": x.meeting,
            "serves": list(x.option.serves),
            "tested_for": list(x.tested_for),
            "ratings": x.ratings,
        }
        for x in lines
    ]

    def human(console: Console) -> None:
        table = Table(show_edge=False)
        for heading in OPTION_COLUMNS:
            table.add_column(gettext(heading))
        for x in lines:
            table.add_row(
                x.option.code,
                x.option.title,
                str(x.meeting),
                ", ".join(x.tested_for) or "-",
                str(x.ratings),
            )
        console.print(table)

    emit({"options": data}, json_out, human)


@ratings_app.command("import")
def ratings_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="RATINGS.csv: option,rater,party,score.")],
    meeting: MeetingOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Replace a meeting's ratings. `rater` is a participant id or a pseudonym; only the
    workspace's salted pseudonym is stored. Delete the file once imported."""
    with ref(ctx).open() as ws:
        done = meeting_ratings.import_ratings(ws, file, meeting)
    data = {
        "meeting": done.meeting,
        "ratings": done.ratings,
        "raters": done.raters,
        "options": done.options,
        "from_ids": done.from_ids,
        "replaced": done.replaced,
    }
    if done.replaced:
        # TRANSLATORS: %(replaced)s is how many ratings were stored before.
        said = gettext(
            "Meeting %(meeting)s: %(ratings)s ratings of %(options)s options by "
            "%(raters)s raters, stored as pseudonyms (replacing %(replaced)s)."
        )
    else:
        said = gettext(
            "Meeting %(meeting)s: %(ratings)s ratings of %(options)s options by "
            "%(raters)s raters, stored as pseudonyms."
        )
    emit(data, json_out, lambda c: c.print(said % data, markup=False))


@ratings_app.command("support")
def ratings_support(
    ctx: typer.Context,
    meeting: MeetingOpt = None,
    method: Annotated[Method, typer.Option(help="plain or bridging.")] = Method.plain,
    json_out: JsonOpt = False,
) -> None:
    """Rank a meeting's options by support across the parties, from the stored ratings."""
    with ref(ctx).open() as ws:
        found = meeting_ratings.stored_support(ws, meeting, method.value)
    if not json_out:
        for note in found.report.notes:
            warn(note)
        if found.pending:
            warn(meeting_ratings.pending_note(found.pending))
    emit(
        {"meeting": found.meeting, "pending": found.pending, **report_json(found.report)},
        json_out,
        lambda c: show_report(found.report, c),
    )
