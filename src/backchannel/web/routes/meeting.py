"""The meeting console: where the meeting stands, the round timer, the agenda, the moves
between rounds, a projector view of the options without attribution, and the live support
ranking (party figures from fewer than three raters withheld; never a rater)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from backchannel.domain.accounts import Role
from backchannel.domain.capture import TEST_FIELDS, FramingKind, ItemKind, PartyItem
from backchannel.domain.errors import BackchannelError, BadInputError
from backchannel.domain.rounds import ROUND_ORDER, RoundName
from backchannel.i18n import N_
from backchannel.services import dialogue as dialogue_service
from backchannel.services import meeting_ratings, meetings
from backchannel.services.accounts import WebSession
from backchannel.services.meetings import MeetingView
from backchannel.web.deps import (
    CaptureDep,
    FacilitatorDep,
    Services,
    ServicesDep,
    back_to,
    done_note,
    render,
)

router = APIRouter()

DONE = {
    "moved": N_("The meeting moved on."),
    "new": N_("Meeting added."),
    "timebox": N_("Timebox changed."),
}


@dataclass(frozen=True, slots=True)
class Timer:
    """The open round's clock: seconds left (negative when over), and whether it runs."""

    round: str
    planned: int
    spent: int
    seconds_left: int
    running: bool


def _timer(view: MeetingView) -> Timer | None:
    current = view.progress.current
    if current is None or view.progress.finished:
        return None
    found = next(t for t in view.times if t.name is current)
    return Timer(
        round=current.value,
        planned=found.planned,
        spent=found.spent,
        seconds_left=(found.planned - found.spent) * 60,
        running=not view.progress.paused,
    )


def _waiting(services: Services) -> int | None:
    """The meeting `round start` would open next, if any may open now."""
    started = meetings.meeting_numbers(services.ws)
    if started and not meetings.meeting_view(services.ws, started[-1]).progress.finished:
        return None
    dialogue = dialogue_service.get_dialogue(services.ws)
    return next((m.number for m in dialogue.meetings if m.number not in started), None)


def support_context(services: Services) -> dict[str, Any]:
    try:
        found = meeting_ratings.stored_support(services.ws)
    except BackchannelError as error:
        return {"support": None, "support_note": str(error).split(":")[0]}
    return {"support": found, "support_note": ""}


def console_context(
    services: Services, session: WebSession, request: Request, *, error: str = ""
) -> dict[str, Any]:
    dialogue = dialogue_service.get_dialogue(services.ws)
    view = meetings.meeting_view(services.ws) if dialogue.meetings else None
    items: list[PartyItem] = []
    if view is not None:
        for number in meetings.meeting_numbers(services.ws):
            items.extend(meetings.meeting_view(services.ws, number).capture.items)
    return {
        "dialogue": dialogue,
        "view": view,
        "timer": _timer(view) if view else None,
        "waiting": _waiting(services),
        "rounds": ROUND_ORDER,
        "facilitator": session.account.role is Role.FACILITATOR,
        "options": meeting_ratings.list_options(services.ws),
        "items": items,
        "framing_kinds": list(FramingKind),
        "item_kinds": list(ItemKind),
        "test_fields": TEST_FIELDS,
        "error": error,
        "done": done_note(request, DONE),
        "today": date.today().isoformat(),
        **support_context(services),
    }


@router.get("/meeting")
def console(request: Request, services: ServicesDep, session: CaptureDep) -> HTMLResponse:
    """The console; an HTMX poll gets only the status panel (timer and agenda)."""
    return render(
        request,
        "meeting.html",
        console_context(services, session, request),
        fragment="_meeting_status.html",
    )


@router.post("/meeting/round", response_model=None)
def move(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    action: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    to: Annotated[str, Form()] = "",
) -> Response:
    """Start the next meeting, or move the active one: next, back (with a reason), pause,
    resume."""
    ws = services.ws
    try:
        if action == "start":
            meetings.start_round(ws)
        elif action == "next":
            meetings.next_round(ws)
        elif action == "back":
            target = RoundName(to) if to in {r.value for r in RoundName} else None
            meetings.back_round(ws, reason.strip(), to=target)
        elif action == "pause":
            meetings.pause_round(ws)
        elif action == "resume":
            meetings.resume_round(ws)
        else:
            raise BadInputError(f"'{action[:20]}' is not a move", field="action")
    except BackchannelError as error:
        context = console_context(services, session, request, error=str(error))
        return render(request, "meeting.html", context, status=400)
    return back_to("/meeting", "moved")


@router.post("/meeting/new", response_model=None)
def new_meeting(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    starts: Annotated[str, Form()] = "",
    days: Annotated[str, Form()] = "2",
    venue: Annotated[str, Form()] = "",
) -> Response:
    try:
        try:
            day = date.fromisoformat(starts)
        except ValueError:
            raise BadInputError("give the first day as YYYY-MM-DD", field="starts") from None
        if not days.isdigit():
            raise BadInputError("give the number of days", field="days")
        meetings.new_meeting(services.ws, day, days=int(days), venue=venue.strip())
    except BackchannelError as error:
        context = console_context(services, session, request, error=str(error))
        return render(request, "meeting.html", context, status=400)
    return back_to("/meeting", "new")


@router.post("/meeting/timebox", response_model=None)
def timebox(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    round_name: Annotated[str, Form(alias="round")] = "",
    minutes: Annotated[str, Form()] = "",
) -> Response:
    try:
        if round_name not in {r.value for r in RoundName}:
            raise BadInputError(f"'{round_name[:20]}' is not a round", field="round")
        if not minutes.isdigit():
            raise BadInputError("give the minutes as a whole number", field="minutes")
        meetings.set_timebox(services.ws, RoundName(round_name), int(minutes))
    except BackchannelError as error:
        context = console_context(services, session, request, error=str(error))
        return render(request, "meeting.html", context, status=400)
    return back_to("/meeting", "timebox")


@router.get("/meeting/projector")
def projector(request: Request, services: ServicesDep, _s: CaptureDep) -> HTMLResponse:
    """The options of the active meeting in large type, for the room: no author, no score."""
    dialogue = dialogue_service.get_dialogue(services.ws)
    view = meetings.meeting_view(services.ws) if dialogue.meetings else None
    return render(
        request,
        "projector.html",
        {"view": view, "dialogue": dialogue},
        fragment="_projector_options.html",
    )


@router.get("/meeting/support")
def support(request: Request, services: ServicesDep, _s: CaptureDep) -> HTMLResponse:
    """The live support ranking; an HTMX poll gets only the table."""
    return render(request, "support.html", support_context(services), fragment="_support.html")
