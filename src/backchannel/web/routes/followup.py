"""The follow-up board: every step of every package by status, what is due or late, the
30, 60 and 90-day reviews, and a form to move a step on (audited)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from backchannel.domain.errors import BackchannelError, BadInputError
from backchannel.domain.steps import StepStatus
from backchannel.i18n import N_
from backchannel.services import outputs
from backchannel.web.deps import FacilitatorDep, Services, ServicesDep, back_to, done_note, render

router = APIRouter()

DONE = {"status": N_("Step updated.")}


def _context(services: Services, request: Request, error: str = "") -> dict[str, Any]:
    view = outputs.follow_up(services.ws)
    columns = tuple((s, view.board.with_status(s)) for s in StepStatus)
    return {
        "view": view,
        "board": view.board,
        "columns": columns,
        "statuses": list(StepStatus),
        "error": error,
        "done": done_note(request, DONE),
    }


@router.get("/followup")
def followup(request: Request, services: ServicesDep, _s: FacilitatorDep) -> HTMLResponse:
    return render(request, "followup.html", _context(services, request))


@router.post("/followup/{step_id}/status", response_model=None)
def set_status(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    step_id: str,
    status: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Move one step to planned, under way, done or dropped (dropping needs a note)."""
    try:
        if status not in {s.value for s in StepStatus}:
            raise BadInputError(f"'{status[:20]}' is not a status", field="status")
        outputs.set_step_status(
            services.ws, step_id, StepStatus(status), note=note, actor=session.account.handle
        )
    except BackchannelError as error:
        return render(request, "followup.html", _context(services, request, str(error)), status=400)
    return back_to("/followup", "status")
