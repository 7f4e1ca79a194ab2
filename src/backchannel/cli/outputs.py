"""`backchannel steps/followup/nonpaper/aide-memoire/trace`: pillar 6, outputs that travel.

Exit codes: 0 done; 1 when something blocks (`steps check` flags a step, the non-paper's
steps fail the check, the gate stops a document, `trace` cannot tell the copy); 2 on bad
input (an unreadable file, a malformed date, an unknown status).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import EXIT_BLOCKED, emit, exit_with, wrote
from backchannel.domain import _validate as v
from backchannel.domain.followup import Standing, label, parse_status
from backchannel.domain.step_check import DEFAULT_HORIZON_DAYS, check_steps
from backchannel.i18n import N_, day, gettext, long_day, ngettext
from backchannel.readers.steps import read_steps
from backchannel.services import aide_memoire, outputs
from backchannel.services.outputs import FollowUpView
from backchannel.services.trace import Trace, trace

steps_app = typer.Typer(
    help="Steps of a package: what, who, when, how and a test. Check them, follow them up.",
    no_args_is_help=True,
)
followup_app = typer.Typer(
    help="The follow-up board: each step planned, under way, done or dropped; reviews at "
    "30, 60 and 90 days.",
    no_args_is_help=True,
)
nonpaper_app = typer.Typer(
    help="The non-paper: discrete, testable steps, without attribution (DOCX, PDF, Markdown).",
    no_args_is_help=True,
)
aide_app = typer.Typer(
    help="The confidential aide-mémoire: one numbered, fingerprinted copy per interlocutor.",
    no_args_is_help=True,
)
for name, sub in (
    ("steps", steps_app),
    ("followup", followup_app),
    ("nonpaper", nonpaper_app),
    ("aide-memoire", aide_app),
):
    root.add_typer(sub, name=name)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
MeetingOpt = Annotated[
    int | None,
    typer.Option("--meeting", "-m", help="Meeting number (default: the latest with a package)."),
]


def _day(value: str | None, field: str) -> date | None:
    return None if value is None else v.iso_date(value, field)


def _written(paths: list[Path], json_out: bool) -> None:
    def human(console: Console) -> None:
        for path in paths:
            console.print(wrote(path), markup=False)

    emit({"documents": [str(p) for p in paths]}, json_out, human)


# --- steps ------------------------------------------------------------------------------------


@steps_app.command("check")
def steps_check(
    file: Annotated[Path, typer.Argument(help="STEPS.csv with columns id,what,who,when,how,test.")],
    start: Annotated[str, typer.Option("--start", help="The first day, YYYY-MM-DD.")],
    horizon_days: Annotated[
        int, typer.Option("--horizon-days", help="Days from the start every step must fit in.")
    ] = DEFAULT_HORIZON_DAYS,
    json_out: JsonOpt = False,
) -> None:
    """Check each step: a discrete action, an accountable actor, a date inside the horizon,
    a means and a test anyone could observe. Stateless (no workspace).

    Exit 1 when any step is flagged, 2 when the file or the options cannot be used.
    """
    first = v.iso_date(start, "--start")
    v.int_range(horizon_days, 1, 3650, "--horizon-days")
    drafts = read_steps(file)
    findings = check_steps(drafts, first, horizon_days)

    blocking = [f for f in findings if f.blocks]

    def human(console: Console) -> None:
        for f in findings:
            # TRANSLATORS: where a finding of `steps check` is: a step's id and a column of
            # the steps file (what, who, when, how, test), which stays in English.
            head = gettext("step %(step)s, %(field)s") % {"step": f.step, "field": f.field}
            head += "" if f.blocks else " (note)"
            console.print(Text(f"{head}: ", style="bold") + Text(f.message))
        flagged = len({f.step for f in blocking})
        if blocking:
            # TRANSLATORS: put inside "1 of 3 step(s) flagged (2 finding(s))."
            count = ngettext("%(num)s finding(s)", "%(num)s finding(s)", len(blocking)) % {
                "num": len(blocking)
            }
            # TRANSLATORS: %(findings)s is "2 finding(s)".
            said = ngettext(
                "%(flagged)s of %(total)s step(s) flagged (%(findings)s).",
                "%(flagged)s of %(total)s step(s) flagged (%(findings)s).",
                flagged,
            )
            values = {"flagged": flagged, "total": len(drafts), "findings": count}
            console.print(said % values, markup=False)
        else:
            said = ngettext(
                "%(num)s step(s), all clear: discrete, accountable, dated inside the "
                "%(horizon)s-day horizon and testable.",
                "%(num)s step(s), all clear: discrete, accountable, dated inside the "
                "%(horizon)s-day horizon and testable.",
                len(drafts),
            )
            console.print(said % {"num": len(drafts), "horizon": horizon_days}, markup=False)

    emit(
        {
            "ok": not blocking,
            "findings": [
                {
                    "step": f.step,
                    "field": f.field,
                    "message": f.message,
                    "language": f.language,
                    "severity": f.severity,
                }
                for f in findings
            ],
        },
        json_out,
        human,
    )
    exit_with(EXIT_BLOCKED if blocking else 0)


@steps_app.command("status")
def steps_status(
    ctx: typer.Context,
    step: Annotated[str, typer.Argument(help="The step's id (s1, s2, ...).")],
    set_: Annotated[str, typer.Option("--set", help="planned, under_way, done or dropped.")],
    note: Annotated[str, typer.Option("--note", help="Why (required to drop a step).")] = "",
    on: Annotated[
        str | None, typer.Option("--on", help="The day it changed, YYYY-MM-DD (default today).")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Record a step's new status (audited). Open steps (planned, under way) are carried
    into the next meeting; done and dropped ones are not."""
    status = parse_status(set_)
    day = _day(on, "--on")
    with ref(ctx).open() as ws:
        change = outputs.set_step_status(ws, step, status, note=note, on=day)
    emit(
        {"step": change.step, "status": change.status.value, "on": change.on.isoformat()},
        json_out,
        lambda c: c.print(
            # TRANSLATORS: %(status)s stays in English: planned, under way, done or dropped.
            gettext("Step %(step)s is %(status)s (since %(day)s).")
            % {"step": change.step, "status": label(change.status), "day": long_day(change.on)},
            markup=False,
        ),
    )


@steps_app.command("calendar")
def steps_calendar(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write steps.ics into.")],
    json_out: JsonOpt = False,
) -> None:
    """Write steps.ics: each step on its day with who and how, and the 30/60/90-day reviews."""
    with ref(ctx).open() as ws:
        _written(outputs.render_calendar(ws, outdir), json_out)


# --- follow-up --------------------------------------------------------------------------------

_STYLE = {Standing.LATE: "bold red", Standing.DUE: "yellow", Standing.DONE: "green"}


def _board_json(view: FollowUpView) -> dict[str, object]:
    board = view.board
    return {
        "today": board.today.isoformat(),
        "steps": [
            {
                "step": line.step.id,
                "package": line.tracked.package,
                "meeting": line.tracked.meeting,
                "what": line.step.what,
                "who": line.step.who,
                "when": line.step.when.isoformat(),
                "status": line.step.status.value,
                "standing": line.standing.value,
                "days_left": line.days_left,
            }
            for line in board.lines
        ],
        "reviews": [
            {
                "meeting": r.meeting,
                "day": r.day,
                "on": r.on.isoformat(),
                "past": r.past,
                "steps": list(r.steps),
                "still_open": list(r.still_open),
            }
            for r in board.reviews
        ],
        "next_meeting": None
        if view.next_meeting is None
        else {
            "number": view.next_meeting.number,
            "starts": view.next_meeting.starts.isoformat(),
            "opens_with": [f.step.id for f in view.carried],
        },
    }


# TRANSLATORS: the column headings of the follow-up board.
BOARD_COLUMNS = (N_("step"), N_("what"), N_("who"), N_("due"), N_("status"), N_("standing"))


def _show_board(view: FollowUpView, console: Console) -> None:
    board = view.board
    if not board.lines:
        console.print(gettext("No packaged step yet: capture steps in the packaging round."))
        return
    table = Table(title=gettext("Follow-up on %(day)s") % {"day": long_day(board.today)})
    for column in BOARD_COLUMNS:
        table.add_column(gettext(column))
    for line in board.lines:
        s = line.step
        table.add_row(
            Text(s.id),
            Text(s.what),
            Text(s.who),
            Text(day(s.when)),
            Text(label(s.status)),
            Text(line.describe(), style=_STYLE.get(line.standing, "")),
        )
    console.print(table)
    for r in board.reviews:
        # TRANSLATORS: a review's day has passed, or is still ahead.
        state = gettext("past") if r.past else gettext("ahead")
        if r.steps:
            due = ngettext("steps %(steps)s", "steps %(steps)s", len(r.steps)) % {
                "steps": ", ".join(r.steps)
            }
        else:
            due = gettext("no step falls due")
        opened = (
            # TRANSLATORS: after the steps due at a review, those not done or dropped.
            gettext("; still open: %(steps)s") % {"steps": ", ".join(r.still_open)}
            if r.still_open
            else ""
        )
        # TRANSLATORS: %(days)s is 30, 60 or 90; %(state)s is past or ahead; %(due)s is
        # "steps s1, s2" or "no step falls due"; %(opened)s is "; still open: s2" or nothing.
        said = gettext(
            "Review at %(days)s days (meeting %(meeting)s), %(day)s, %(state)s: %(due)s%(opened)s"
        )
        values = {
            "days": r.day,
            "meeting": r.meeting,
            "day": long_day(r.on),
            "state": state,
            "due": due,
            "opened": opened,
        }
        console.print(said % values, markup=False)
    if view.next_meeting is not None:
        m = view.next_meeting
        opens = ", ".join(f.step.id for f in view.carried) or gettext("no open step")
        said = gettext("Meeting %(number)s (%(day)s) starts with the open steps: %(steps)s.")
        console.print(
            said % {"number": m.number, "day": long_day(m.starts), "steps": opens}, markup=False
        )


@followup_app.command("show")
def followup_show(
    ctx: typer.Context,
    today: Annotated[
        str | None, typer.Option("--today", help="Look from this day, YYYY-MM-DD (default today).")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Every step with its status and whether it is due or late, the reviews at 30, 60 and
    90 days, and the open steps the next meeting starts with."""
    day = _day(today, "--today")
    with ref(ctx).open() as ws:
        view = outputs.follow_up(ws, day)
    emit(_board_json(view), json_out, lambda c: _show_board(view, c))


# --- non-paper and aide-mémoire ---------------------------------------------------------------


@nonpaper_app.command("render")
def nonpaper_render(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write nonpaper.docx/.pdf/.md into.")],
    meeting: MeetingOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write the non-paper as DOCX, PDF and Markdown: only when every step passes the steps
    check, and only through the non-attribution gate (exit 1 otherwise)."""
    with ref(ctx).open() as ws:
        _written(outputs.render_nonpaper(ws, outdir, meeting), json_out)


@aide_app.command("render")
def aide_render(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write aide-memoire-<code>.pdf into.")],
    meeting: MeetingOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write one numbered copy per interlocutor, each with its own fingerprint, recorded in
    the register (`aide-memoire copies` says who received which)."""
    with ref(ctx).open() as ws:
        written = aide_memoire.render_aide_memoire(ws, outdir, meeting)
        lines = {f"aide-memoire-{c.code}.pdf": c for c in aide_memoire.register(ws)}

    def human(console: Console) -> None:
        for path in written:
            c = lines.get(path.name)
            if c is None:
                console.print(wrote(path), markup=False)
                continue
            # TRANSLATORS: a numbered copy of the aide-mémoire; %(name)s is the interlocutor
            # (an office).
            said = gettext("Wrote %(path)s (copy %(number)s of %(total)s, for %(name)s)")
            values = {"path": path, "number": c.number, "total": c.total, "name": c.name}
            console.print(said % values, markup=False)

    emit({"documents": [str(p) for p in written]}, json_out, human)


# TRANSLATORS: the column headings of the register of aide-mémoire copies.
COPY_COLUMNS = (N_("code"), N_("edition"), N_("copy"), N_("interlocutor"), N_("issued"))


@aide_app.command("copies")
def aide_copies(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """The register: which interlocutor (an office, never a person) received which copy."""
    with ref(ctx).open() as ws:
        lines = aide_memoire.register(ws)

    def human(console: Console) -> None:
        table = Table(title=gettext("Aide-mémoire copies (%(num)s)") % {"num": len(lines)})
        for column in COPY_COLUMNS:
            table.add_column(gettext(column))
        for c in lines:
            table.add_row(
                c.code,
                c.edition,
                # TRANSLATORS: which copy of how many: "3 of 12".
                gettext("%(number)s of %(total)s") % {"number": c.number, "total": c.total},
                Text(f"{c.name} ({c.interlocutor})"),
                f"{c.issued_at:%Y-%m-%d %H:%M}",
            )
        console.print(table)

    emit(
        [
            {
                "code": c.code,
                "edition": c.edition,
                "number": c.number,
                "total": c.total,
                "interlocutor": c.interlocutor,
                "name": c.name,
                "issued_at": c.issued_at.isoformat(),
            }
            for c in lines
        ],
        json_out,
        human,
    )


# --- trace ------------------------------------------------------------------------------------


def _trace_json(found: Trace) -> dict[str, object]:
    return {
        "found": found.found,
        "code": found.code,
        "edition": found.edition,
        "number": found.number,
        "total": found.total,
        "interlocutor": found.interlocutor,
        "recipient": found.recipient,
        "confidence": round(found.confidence, 4),
        "message": found.message,
        "words": found.words,
        "clues": [{"source": c.source, "code": c.code, "detail": c.detail} for c in found.clues],
    }


@root.command("trace")
def trace_command(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="A leaked PDF, or a text excerpt (300 words or more).")
    ],
    json_out: JsonOpt = False,
) -> None:
    """Name the numbered aide-mémoire copy a leaked PDF, or an excerpt retyped from it,
    came from, with a confidence. Exit 1 when it cannot tell."""
    with ref(ctx).open() as ws:
        found = trace(ws, file)

    def human(console: Console) -> None:
        if found.found:
            console.print(f"{file.name}: {found.message}.", markup=False)
            # TRANSLATORS: how sure the trace is of the copy: "Confidence: 98.50%".
            said = gettext("Confidence: %(percent)s")
            console.print(said % {"percent": f"{found.confidence:.2%}"}, markup=False)
        else:
            console.print(f"{file.name}: {found.message}", markup=False)
        for clue in found.clues:
            console.print(f"  {clue.source}: {clue.detail}", markup=False)

    emit(_trace_json(found), json_out, human)
    exit_with(0 if found.found else EXIT_BLOCKED)
