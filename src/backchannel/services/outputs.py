"""Outputs that travel (pillar 6): the non-paper, the numbered aide-mémoire copies, the steps
calendar, the follow-up board and each step's status.

The outputs carry the packages of one meeting: the one asked for, else the latest meeting
that packaged options. Every document leaves through the one door (services/documents.py),
and the non-paper only when every step passes the steps check (domain/step_check.py),
counted from the first day of that meeting over the scope's horizon.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from backchannel import i18n
from backchannel.domain import followup as fu
from backchannel.domain.capture import PackageStep
from backchannel.domain.dialogue import Dialogue, Meeting
from backchannel.domain.documents import DocumentKind, in_language
from backchannel.domain.errors import BlockingFindingError, NotFoundError
from backchannel.domain.meetings import FollowUp
from backchannel.domain.scope import DEFAULT_HORIZON_DAYS, Scope
from backchannel.domain.step_check import StepFinding, check_steps, draft_of
from backchannel.domain.steps import StepStatus
from backchannel.i18n import N_, gettext, ngettext
from backchannel.render.ics import CalendarEntry, calendar_bytes
from backchannel.render.markdown import escape
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services._aide_memoire_words import number_word
from backchannel.services.dialogue import get_dialogue
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.meetings import MeetingView, meeting_numbers, meeting_view
from backchannel.services.scope import get_scope
from backchannel.services.working_languages import (
    bilingual_pair,
    dialogue_of,
    each_working_language,
)
from backchannel.services.workspace import Workspace
from backchannel.store import meetings_repository, outputs_repository

NONPAPER_DOCX, NONPAPER_PDF, NONPAPER_MD = "nonpaper.docx", "nonpaper.pdf", "nonpaper.md"
CALENDAR = "steps.ics"
STATUS_LINE = N_("This non-paper is informal; it commits no one.")
LABELS = {
    "who": N_("Who"),
    "when": N_("When"),
    "how": N_("How"),
    "test": N_("How it will be tested"),
}


def long_date(day: date) -> str:
    """A date in full in the language being rendered: 5 March 2026, 5 mars 2026."""
    return i18n.long_day(day)


def language_fields() -> dict[str, str]:
    """The document's language and direction, for the Typst templates and the DOCX, and the
    house style's own words in it (the header's "Copy", the footer's "1 of 3")."""
    lang = i18n.current()
    return {
        "lang": lang,
        "dir": i18n.direction(lang),
        # TRANSLATORS: in a document's header, before its copy number: "Copy 2 of 6"
        "copy_label": gettext("Copy"),
        # TRANSLATORS: in a document's footer, between page numbers: "page 1 of 3"
        "page_of": gettext("of"),
    }


def steps_words(n: int) -> str:
    """'four steps' in English, '4 étapes' from the other languages' catalogs."""
    if i18n.current() == "en":
        return f"{number_word(n)} {'step' if n == 1 else 'steps'}"
    return ngettext("%(num)s step", "%(num)s steps", n) % {"num": n}


def issue_date(today: date, meeting: Meeting) -> date:
    """The day a document is dated: today, or the meeting's last day when that is later
    (a document never predates the meeting it reports, e.g. in a demo set in the future)."""
    return max(today, meeting.starts + timedelta(days=meeting.days - 1))


@dataclass(frozen=True, slots=True)
class Packaged:
    """The meeting whose packages the outputs carry, with its dialogue and scope."""

    dialogue: Dialogue
    scope: Scope | None
    view: MeetingView

    @property
    def meeting(self) -> Meeting:
        return self.view.meeting

    @property
    def steps(self) -> tuple[PackageStep, ...]:
        """The steps of every package, in sequence, without those dropped."""
        capture = self.view.capture
        return tuple(
            s
            for p in capture.packages
            for s in capture.steps_of(p.code)
            if s.step.status is not StepStatus.DROPPED
        )

    @property
    def horizon_days(self) -> int:
        return self.scope.horizon_days if self.scope else DEFAULT_HORIZON_DAYS


def packaged(ws: Workspace, number: int | None = None) -> Packaged:
    """Meeting `number`, else the latest started meeting that packaged options."""
    numbers = [number] if number is not None else list(reversed(meeting_numbers(ws)))
    for n in numbers:
        view = meeting_view(ws, n)
        if view.capture.packages:
            return Packaged(get_dialogue(ws), get_scope(ws), view)
    where = (
        f"meeting {number} has no package of options"
        if number is not None
        else "no meeting has packaged options"
    )
    raise NotFoundError(
        f"{where} yet: capture a package in the packaging round "
        "('backchannel capture package', then 'capture step')"
    )


def _packaged_or_none(ws: Workspace, number: int | None, required: bool) -> Packaged | None:
    try:
        return packaged(ws, number)
    except NotFoundError:
        if required:
            raise
        return None


def check_packaged(p: Packaged) -> tuple[StepFinding, ...]:
    """The steps check of the packaged steps, from the first day of their meeting."""
    drafts = [draft_of(s.step) for s in p.steps]
    return check_steps(drafts, p.meeting.starts, p.horizon_days)


# --- the non-paper --------------------------------------------------------------------------


def nonpaper_data(p: Packaged, today: date) -> dict[str, Any]:
    """Every string of the non-paper: its title, date, context, steps and status line."""
    capture = p.view.capture
    records = capture.packages
    problem = p.scope.problem if p.scope else p.dialogue.title
    reframing = next((f.text for f in capture.framings if f.kind.value == "reframing"), None)
    steps = p.steps
    context = [
        gettext(
            "This non-paper follows informal discussions held in %(month)s among people "
            "close to the parties, under the Chatham House Rule. They looked at one "
            "problem: %(problem)s"
        )
        % {"month": i18n.month(p.meeting.starts), "problem": i18n.embedded(problem)},
        *(
            [
                gettext("The discussions reframed the question: %(text)s")
                % {"text": i18n.embedded(reframing)}
            ]
            if reframing
            else []
        ),
        ngettext(
            "What follows is offered for consideration and agreed by no one: %(steps)s "
            "that could be taken within %(num)s days, in sequence. Each says who would act, "
            "by when and how, and how anyone could tell that it was done.",
            "What follows is offered for consideration and agreed by no one: %(steps)s "
            "that could be taken within %(num)s days, in sequence. Each says who would act, "
            "by when and how, and how anyone could tell that it was done.",
            p.horizon_days,
        )
        % {"steps": steps_words(len(steps)), "num": p.horizon_days},
    ]
    number = 0
    packages = []
    for record in records:
        rows = []
        for s in capture.steps_of(record.code):
            if s.step.status is StepStatus.DROPPED:
                continue
            number += 1
            rows.append(
                {
                    "number": str(number),
                    "what": s.step.what,
                    "who": s.step.who,
                    "when": long_date(s.step.when),
                    "how": s.step.how,
                    "test": s.step.test,
                }
            )
        heading = (
            gettext("Steps: %(title)s") % {"title": record.package.title}
            if len(records) > 1
            else gettext("Steps")
        )
        packages.append({"heading": heading, "title": record.package.title, "steps": rows})
    return {
        "label": gettext("Non-paper"),
        "title": p.dialogue.title,
        "subtitle": records[0].package.title if len(records) == 1 else None,
        "date": long_date(today),
        "context": context,
        "packages": packages,
        "labels": {k: gettext(v) for k, v in LABELS.items()},
        "status": gettext(STATUS_LINE),
        **language_fields(),
    }


def nonpaper_markdown(data: dict[str, Any]) -> str:
    lines = [f"*{escape(data['label'])}*", "", f"# {escape(data['title'])}", ""]
    if data["subtitle"]:
        lines += [f"*{escape(data['subtitle'])}*", ""]
    lines += [escape(data["date"]), ""]
    for paragraph in data["context"]:
        lines += [escape(paragraph), ""]
    labels = data["labels"]
    for package in data["packages"]:
        lines += [f"## {escape(package['heading'])}", ""]
        for step in package["steps"]:
            lines += [f"**{step['number']}\\. {escape(step['what'])}**", ""]
            lines += [f"- {labels[k]}: {escape(step[k])}" for k in ("who", "when", "how", "test")]
            lines.append("")
    lines += ["---", "", f"*{escape(data['status'])}*"]
    return "\n".join(lines) + "\n"


def _blocked(findings: tuple[StepFinding, ...]) -> BlockingFindingError:
    shown = "; ".join(f"step {f.step}, {f.field}: {f.message}" for f in findings[:5])
    more = f" and {len(findings) - 5} more" if len(findings) > 5 else ""
    return BlockingFindingError(
        f"the non-paper was not rendered: {len(findings)} finding(s) in its steps: "
        f"{shown}{more}. Fix the steps in the packaging round and render again."
    )


def build_nonpaper(
    ws: Workspace,
    number: int | None = None,
    *,
    required: bool = True,
    today: date | None = None,
    now: datetime | None = None,
) -> list[Outgoing]:
    """The non-paper as DOCX, PDF and Markdown; refused while any step is flagged. With
    `required=False`, nothing when no meeting has packaged options."""
    p = _checked_package(ws, number, required)
    if p is None:
        return []
    data = nonpaper_data(p, issue_date(today or _clock.today(), p.meeting))
    stamp = now or _clock.now()
    kind = DocumentKind.NON_PAPER
    return [
        Outgoing(NONPAPER_DOCX, kind, data, lambda: _docx(data, stamp)),
        Outgoing(NONPAPER_PDF, kind, data, lambda: render_pdf("nonpaper.typ", data, when=stamp)),
        Outgoing(NONPAPER_MD, kind, data, lambda: nonpaper_markdown(data).encode("utf-8")),
    ]


def _checked_package(ws: Workspace, number: int | None, required: bool) -> Packaged | None:
    """The package the non-paper carries, refused while any of its steps is flagged."""
    p = _packaged_or_none(ws, number, required)
    if p is None:
        return None
    findings = tuple(f for f in check_packaged(p) if f.blocks)
    if findings:
        raise _blocked(findings)
    return p


def bilingual_data(p: Packaged, pair: tuple[str, str], today: date) -> dict[str, Any]:
    """The non-paper's data in each of two languages, as the two columns of one text: a
    right-to-left language takes the right-hand column, else the first is on the left."""
    halves = []
    for lang in pair:
        with i18n.speaking(lang):
            halves.append(nonpaper_data(p, issue_date(today, p.meeting)))
    if halves[0]["dir"] == "rtl" and halves[1]["dir"] != "rtl":
        halves.reverse()
    return {"left": halves[0], "right": halves[1]}


def build_bilingual_nonpaper(
    ws: Workspace,
    number: int | None = None,
    *,
    required: bool = True,
    today: date | None = None,
    now: datetime | None = None,
) -> list[Outgoing]:
    """The non-paper in the first two working languages side by side
    (`nonpaper.en-ar.pdf`), when the dialogue asks for one; else nothing."""
    pair = bilingual_pair(dialogue_of(ws))
    if pair is None:
        return []
    p = _checked_package(ws, number, required)
    if p is None:
        return []
    data = bilingual_data(p, pair, today or _clock.today())
    stamp = now or _clock.now()
    return [
        Outgoing(
            in_language(NONPAPER_PDF, "-".join(pair)),
            DocumentKind.NON_PAPER,
            data,
            lambda: render_pdf("nonpaper_bilingual.typ", data, when=stamp),
        )
    ]


def _docx(data: dict[str, Any], stamp: datetime) -> bytes:
    from backchannel.render.docx_nonpaper import nonpaper_docx  # python-docx, when written

    return nonpaper_docx(data, stamp)


def render_nonpaper(
    ws: Workspace, outdir: Path, number: int | None = None, actor: str = "cli"
) -> list[Path]:
    """Check the steps, pass the non-paper through the gate, write its three files in each
    working language (and the bilingual one when the dialogue asks for it)."""
    docs = each_working_language(ws, lambda _: build_nonpaper(ws, number))
    docs += build_bilingual_nonpaper(ws, number)
    return export_from_workspace(ws, docs, outdir, actor=actor)


# --- the calendar ---------------------------------------------------------------------------


def _tracked(ws: Workspace) -> tuple[list[fu.Tracked], dict[int, date], dict[str, str]]:
    """Every packaged step of the dialogue, each meeting's first day, package titles."""
    with ws.read() as conn:
        meetings = meetings_repository.load_meetings(conn)
        last = max((m.number for m in meetings), default=0)
        history = meetings_repository.load_history(conn, last)
    tracked = [
        fu.Tracked(s.step, s.package, c.meeting)
        for c in history
        for p in c.packages
        for s in c.steps_of(p.code)
    ]
    titles = {p.code: p.package.title for c in history for p in c.packages}
    return tracked, {m.number: m.starts for m in meetings}, titles


def _step_description(t: fu.Tracked, titles: dict[str, str]) -> str:
    """A step's event text: who, how, the test, its status and its package, each labelled
    in the language being rendered (what people wrote stays as written)."""
    return "\n".join(
        [
            # TRANSLATORS: a line of a calendar event; %(who)s is who acts, as written.
            gettext("Who: %(who)s") % {"who": t.step.who},
            gettext("How: %(how)s") % {"how": t.step.how},
            # TRANSLATORS: a calendar event's line: how anyone could tell the step was done.
            gettext("Test: %(test)s") % {"test": t.step.test},
            # TRANSLATORS: %(status)s is a step's status: planned, under way, done, dropped.
            gettext("Status: %(status)s") % {"status": gettext(fu.label(t.step.status))},
            gettext("Package: %(title)s (meeting %(number)s)")
            % {"title": titles.get(t.package, t.package), "number": t.meeting},
        ]
    )


def calendar_data(ws: Workspace, today: date) -> dict[str, Any] | None:
    """The calendar's events in the language being rendered; UIDs and categories do not
    depend on it, so importing it again in another language updates the same events."""
    tracked, starts, titles = _tracked(ws)
    if not tracked:
        return None
    dialogue = get_dialogue(ws)
    key = hashlib.sha256(dialogue.title.encode("utf-8")).hexdigest()[:12]
    board = fu.board(tracked, starts, today)
    events = [
        {
            "uid": f"step-{t.step.id}-{key}@backchannel.invalid",
            "day": t.step.when.isoformat(),
            # TRANSLATORS: a calendar event's title: "Step s2: Agree the cholera threshold".
            "summary": gettext("Step %(id)s: %(what)s") % {"id": t.step.id, "what": t.step.what},
            "description": _step_description(t, titles),
            "categories": ["step", fu.label(t.step.status)],
            "cancelled": t.step.status is StepStatus.DROPPED,
        }
        for t in tracked
    ]
    events += [
        {
            "uid": f"review-m{r.meeting}-d{r.day}-{key}@backchannel.invalid",
            "day": r.on.isoformat(),
            "summary": ngettext(
                "Review of the steps at %(num)s day (meeting %(number)s)",
                "Review of the steps at %(num)s days (meeting %(number)s)",
                r.day,
            )
            % {"num": r.day, "number": r.meeting},
            "description": gettext("Steps due since the last review: %(steps)s")
            % {
                # TRANSLATORS: after "Steps due since the last review:", when no step was.
                "steps": ", ".join(r.steps) or gettext("none")
            },
            "categories": ["review"],
            "cancelled": False,
        }
        for r in board.reviews
    ]
    # TRANSLATORS: the calendar's name: "Steps: Humanitarian access triggers in the Sarn
    # corridor".
    return {"name": gettext("Steps: %(title)s") % {"title": dialogue.title}, "events": events}


def build_calendar(
    ws: Workspace, *, required: bool = True, today: date | None = None, now: datetime | None = None
) -> list[Outgoing]:
    """`steps.ics`: every step on its day with who and how, and the 30/60/90-day reviews."""
    data = calendar_data(ws, today or _clock.today())
    if data is None:
        if required:
            raise NotFoundError("no packaged step yet: capture steps in the packaging round")
        return []
    stamp = now or _clock.now()
    entries = [
        CalendarEntry(
            uid=e["uid"],
            day=date.fromisoformat(e["day"]),
            summary=e["summary"],
            description=e["description"],
            categories=tuple(e["categories"]),
            cancelled=e["cancelled"],
        )
        for e in data["events"]
    ]
    return [
        Outgoing(
            CALENDAR,
            DocumentKind.NON_PAPER,
            data,
            lambda: calendar_bytes(entries, name=data["name"], stamp=stamp),
        )
    ]


def render_calendar(ws: Workspace, outdir: Path, actor: str = "cli") -> list[Path]:
    docs = each_working_language(ws, lambda _: build_calendar(ws))
    return export_from_workspace(ws, docs, outdir, actor=actor)


# --- follow-up ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """The board on a day, and the next meeting with the open steps it starts from."""

    board: fu.Board
    titles: dict[str, str]
    next_meeting: Meeting | None
    carried: tuple[FollowUp, ...]


def follow_up(ws: Workspace, today: date | None = None) -> FollowUpView:
    tracked, starts, titles = _tracked(ws)
    board = fu.board(tracked, starts, today or _clock.today())
    started = set(meeting_numbers(ws))
    with ws.read() as conn:
        waiting = [m for m in meetings_repository.load_meetings(conn) if m.number not in started]
    if not waiting:
        return FollowUpView(board, titles, None, ())
    upcoming = waiting[0]
    return FollowUpView(board, titles, upcoming, meeting_view(ws, upcoming.number).carried_in.steps)


def set_step_status(
    ws: Workspace,
    step_id: str,
    status: StepStatus,
    *,
    note: str = "",
    on: date | None = None,
    actor: str = "cli",
) -> fu.StatusChange:
    """Move a step to `status` (audited); the next meeting carries it while it is open."""
    tracked, _starts, _titles = _tracked(ws)
    found = next((t for t in tracked if t.step.id == step_id), None)
    if found is None:
        known = ", ".join(t.step.id for t in tracked) or "none yet"
        raise NotFoundError(f"no step '{step_id[:40]}' (steps: {known})")
    change = fu.change_status(found.step, status, on or _clock.today(), note)
    with ws.begin() as conn:
        outputs_repository.set_step_status(conn, change, _clock.now())
        audit_service.record(
            conn,
            actor=actor,
            action="step.status",
            subject=step_id,
            details={"status": status.value, "on": change.on.isoformat()},
            now=_clock.now(),
        )
    return change
