"""Pillars 2 and 3 in the browser: the candidate pool, the mix rules, the roster the
optimizer chooses (and why, or why none can be), the channels to Track I, the charter and
each participant's consent. Facilitators only: this is the one screen with names."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from backchannel.domain.errors import BackchannelError
from backchannel.i18n import N_
from backchannel.services import ground_rules
from backchannel.services import roster as roster_service
from backchannel.services.accounts import WebSession
from backchannel.services.roster import RosterChange
from backchannel.services.roster_report import mix_of
from backchannel.web import limits
from backchannel.web.deps import FacilitatorDep, Services, ServicesDep, back_to, done_note, render

router = APIRouter()

MAX_UPLOAD = limits.UPLOAD_FILE
DONE = {
    "consent": N_("Consent recorded."),
    "charter": N_(
        "A new version of the charter was adopted; every participant must consent again."
    ),
    "rules": N_("Mix rules saved and checked against the pool."),
    "import": N_("Candidates imported."),
}


def _context(
    services: Services,
    request: Request,
    *,
    change: RosterChange | None = None,
    error: str = "",
    notes: tuple[str, ...] = (),
) -> dict[str, Any]:
    view = change.view if change else roster_service.roster_view(services.ws)
    pool, on_roster = roster_service.list_pool(services.ws)
    try:
        charter = ground_rules.current_charter(services.ws)
    except BackchannelError:
        charter = None
    return {
        "view": view,
        "mix": mix_of(view),
        "reach": roster_service.reach_of(view),
        "pool": pool,
        "on_roster": on_roster,
        "charter": charter,
        "change": change,
        "error": error,
        "notes": notes,
        "done": done_note(request, DONE),
    }


@router.get("/roster")
def roster_page(request: Request, services: ServicesDep, _s: FacilitatorDep) -> HTMLResponse:
    return render(request, "roster.html", _context(services, request))


@router.post("/roster/select")
def select(request: Request, services: ServicesDep, session: FacilitatorDep) -> HTMLResponse:
    """Run the optimizer on the pool and the rules; show its choice or its explanation."""
    change = roster_service.select_roster(services.ws, actor=session.account.handle)
    return render(request, "roster.html", _context(services, request, change=change))


def _change_roster(
    request: Request,
    services: Services,
    session: WebSession,
    change: Callable[..., RosterChange],
    candidate: str,
) -> HTMLResponse:
    """Add or remove one participant, then show the roster with what the change broke."""
    try:
        done = change(services.ws, candidate.strip(), actor=session.account.handle)
    except BackchannelError as error:
        return render(
            request, "roster.html", _context(services, request, error=str(error)), status=400
        )
    return render(request, "roster.html", _context(services, request, change=done))


@router.post("/roster/add")
def add(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    candidate: Annotated[str, Form()] = "",
) -> HTMLResponse:
    return _change_roster(request, services, session, roster_service.add_participant, candidate)


@router.post("/roster/remove")
def remove(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    candidate: Annotated[str, Form()] = "",
) -> HTMLResponse:
    return _change_roster(request, services, session, roster_service.remove_participant, candidate)


@router.post("/roster/consent", response_model=None)
def consent(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    candidate: Annotated[str, Form()] = "",
    how: Annotated[str, Form()] = "",
) -> Response:
    try:
        ground_rules.record_consent(
            services.ws, candidate.strip(), how.strip(), actor=session.account.handle
        )
    except BackchannelError as error:
        return render(
            request, "roster.html", _context(services, request, error=str(error)), status=400
        )
    return back_to("/roster", "consent")


@router.post("/roster/charter")
def adopt_charter(services: ServicesDep, session: FacilitatorDep) -> Response:
    """Adopt the default charter as a new version (Chatham House Rule, non-attribution,
    problem-solving norms)."""
    ground_rules.adopt_charter(services.ws, actor=session.account.handle)
    return back_to("/roster", "charter")


@router.post("/roster/rules", response_model=None)
def set_rules(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    rules: Annotated[str, Form()] = "",
) -> Response:
    """Mix rules as MIX.toml text, checked against the pool before they are kept."""
    try:
        with tempfile.TemporaryDirectory(prefix="backchannel-rules-") as tmp:
            path = Path(tmp) / "mix-rules.toml"
            path.write_text(rules, encoding="utf-8")
            _rules, slips = roster_service.set_rules(
                services.ws, path, actor=session.account.handle
            )
    except BackchannelError as error:
        return render(
            request, "roster.html", _context(services, request, error=str(error)), status=400
        )
    if slips:
        return render(request, "roster.html", _context(services, request, notes=slips))
    return back_to("/roster", "rules")


def _import(services: Services, name: str, data: bytes, actor: str) -> tuple[int, int]:
    # Read in memory: the pool, a list of names, never lands in a temporary folder in clear.
    return roster_service.import_candidates_upload(services.ws, name, data, actor=actor)


@router.post("/roster/import", response_model=None, max_body_size=limits.UPLOAD_BODY)
async def import_pool(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    pool: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """A candidates CSV or XLSX: checked whole, then added or updated in one transaction."""
    error = ""
    if pool is None or not pool.filename:
        error = "choose a candidates file (.csv or .xlsx)"
    else:
        data = await pool.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            error = "the file is larger than 5 MB"
        else:
            try:
                await run_in_threadpool(
                    _import, services, pool.filename, data, session.account.handle
                )
            except BackchannelError as err:
                error = str(err)
    if error:
        context = await run_in_threadpool(_context, services, request, error=error)
        return render(request, "roster.html", context, status=400)
    return back_to("/roster", "import")
