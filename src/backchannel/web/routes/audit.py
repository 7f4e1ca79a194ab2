"""The audit trail (facilitators only): whether the chain is intact, and the latest entries."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backchannel.services import audit as audit_service
from backchannel.web.deps import FacilitatorDep, ServicesDep, render

router = APIRouter()

SHOWN = 200


@router.get("/audit")
def audit_page(request: Request, services: ServicesDep, _s: FacilitatorDep) -> HTMLResponse:
    report = audit_service.verify(services.ws)
    entries = audit_service.entries(services.ws, last=SHOWN)
    return render(
        request,
        "audit.html",
        {"report": report, "entries": tuple(reversed(entries)), "shown": SHOWN},
    )
