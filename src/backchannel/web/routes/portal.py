"""The participant portal, laid out for a phone: their copy of the brief, proposing an
option in the options round, and rating the meeting's options anonymously.

No page shows who rated what: a participant sees only their own scores, and the ranking
(meeting console) only party figures from at least three raters.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from backchannel.domain.errors import BackchannelError, BadInputError
from backchannel.i18n import N_
from backchannel.services import portal
from backchannel.services.accounts import WebSession
from backchannel.web.deps import (
    ParticipantDep,
    Services,
    ServicesDep,
    back_to,
    done_note,
    is_htmx,
    render,
)

router = APIRouter()

DONE = {
    "rated": N_("Your rating is saved. You can change it while rating is open."),
    "proposed": N_("Your option was added, without your name, for the room to consider."),
}


def _candidate(session: WebSession) -> str:
    candidate = session.account.candidate
    if candidate is None:  # the domain does not allow it; kept for the type checker
        raise BadInputError("this participant account is not linked to a candidate")
    return candidate


def _context(services: Services, session: WebSession, request: Request) -> dict[str, Any]:
    return {
        "view": portal.portal_view(services.ws, _candidate(session)),
        "labels": portal.SCORE_LABELS,
        "done": done_note(request, DONE),
        "error": "",
        "card_error": "",
        "saved": "",
    }


@router.get("/portal")
def portal_page(request: Request, services: ServicesDep, session: ParticipantDep) -> HTMLResponse:
    return render(request, "portal.html", _context(services, session, request))


@router.post("/portal/rate", response_model=None)
def rate(
    request: Request,
    services: ServicesDep,
    session: ParticipantDep,
    option: Annotated[str, Form()] = "",
    score: Annotated[str, Form()] = "",
) -> Response:
    """Save one rating; HTMX gets the option's card back, marked as saved."""
    error = ""
    try:
        value = int(score) if score.lstrip("+-").isdigit() else None
        if value is None:
            raise BadInputError("choose a score from -2 to +2", field="score")
        portal.rate_option(services.ws, _candidate(session), option, value)
    except BackchannelError as err:
        error = str(err)
    if not is_htmx(request):
        if error:
            context = _context(services, session, request) | {"error": error}
            return render(request, "portal.html", context, status=400)
        return back_to("/portal", "rated")
    context = _context(services, session, request)
    found = next((o for o in context["view"].options if o.code == option), None)
    if found is None:
        return render(request, "_error.html", {"message": error or "no such option"}, status=400)
    context |= {"option": found, "card_error": error, "saved": "" if error else option}
    return render(request, "_option_card.html", context, status=400 if error else 200)


@router.post("/portal/propose", response_model=None)
def propose(
    request: Request,
    services: ServicesDep,
    session: ParticipantDep,
    title: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
) -> Response:
    try:
        portal.propose_option(services.ws, _candidate(session), title, description)
    except BackchannelError as error:
        context = _context(services, session, request) | {"error": str(error)}
        return render(request, "portal.html", context, status=400)
    return back_to("/portal", "proposed")
