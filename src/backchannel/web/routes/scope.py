"""Pillar 1 in the browser: the scope with a live linter, and the ripeness reading with its
per-party assessments and the indicators from event data."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from backchannel.domain.errors import BackchannelError, BadInputError
from backchannel.domain.indicators import Indicators
from backchannel.domain.ripeness import Confidence, Element, ElementScore, PartyAssessment
from backchannel.domain.scope import Scope
from backchannel.domain.scope_lint import ScopeFinding
from backchannel.i18n import N_
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ripeness as ripeness_service
from backchannel.services import scope as scope_service
from backchannel.web.deps import FacilitatorDep, Services, ServicesDep, back_to, done_note, render

router = APIRouter()

DONE = {"scope": N_("Scope saved."), "ripeness": N_("Assessment recorded.")}


def _split(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.replace(";", ",").split(",") if p.strip())


def _indicators(services: Services) -> Indicators | None:
    try:
        return ripeness_service.indicators(services.ws)
    except BackchannelError:
        return None


def _context(services: Services, request: Request) -> dict[str, Any]:
    scope = scope_service.get_scope(services.ws)
    try:
        ripeness = ripeness_service.ripeness_view(services.ws)
    except BackchannelError:
        ripeness = None
    return {
        "dialogue": dialogue_service.get_dialogue(services.ws),
        "scope": scope,
        "findings": scope_service.lint_record(scope) if scope else (),
        "horizon_end": scope_service.horizon_end(services.ws),
        "ripeness": ripeness,
        "elements": list(Element),
        "confidences": list(Confidence),
        "indicators": _indicators(services),
        "done": done_note(request, DONE),
        "error": "",
        "today": date.today().isoformat(),
    }


@router.get("/scope")
def scope_page(request: Request, services: ServicesDep, _s: FacilitatorDep) -> HTMLResponse:
    return render(request, "scope.html", _context(services, request))


@router.post("/scope", response_model=None)
def save_scope(
    request: Request,
    services: ServicesDep,
    _s: FacilitatorDep,
    problem: Annotated[str, Form()] = "",
    places: Annotated[str, Form()] = "",
    parties: Annotated[list[str] | None, Form()] = None,
    horizon_days: Annotated[str, Form()] = "90",
    success_test: Annotated[str, Form()] = "",
) -> Response:
    try:
        days = int(horizon_days)
    except ValueError:
        days = -1
    try:
        if days <= 0:
            raise BadInputError("give the horizon as a number of days", field="horizon_days")
        scope_service.set_scope(
            services.ws,
            Scope(
                problem=problem.strip(),
                places=_split(places),
                parties=tuple(parties or ()),
                horizon_days=days,
                success_test=success_test.strip(),
            ),
        )
    except BadInputError as error:
        context = _context(services, request) | {"error": str(error)}
        return render(request, "scope.html", context, status=400)
    return back_to("/scope", "scope")


@router.post("/scope/check")
def check_scope(
    request: Request,
    _s: FacilitatorDep,
    problem: Annotated[str, Form()] = "",
    places: Annotated[str, Form()] = "",
    horizon_days: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The linter on the form as typed (as it would judge the saved scope), for the live
    preview beside the form."""
    findings: tuple[ScopeFinding, ...] = ()
    days = int(horizon_days) if horizon_days.strip().isdigit() else 0
    if problem.strip():
        try:
            draft = Scope(problem.strip(), places=_split(places), horizon_days=days or 90)
            findings = scope_service.lint_record(draft)
        except BadInputError:
            findings = scope_service.check_scope(problem, None)
    return render(
        request,
        "_scope_findings.html",
        {"findings": findings, "checked": bool(problem.strip())},
    )


def _assessment(form: dict[str, str]) -> PartyAssessment:
    def field(name: str) -> str:
        return form.get(name, "").strip()

    try:
        assessed_on = date.fromisoformat(field("assessed_on"))
    except ValueError:
        raise BadInputError("give the date as YYYY-MM-DD", field="assessed_on") from None
    scores = []
    for element in Element:
        raw = field(f"{element.value}.score")
        if raw not in {"0", "1", "2", "3"}:
            raise BadInputError("choose a score from 0 to 3", field=element.value)
        confidence = field(f"{element.value}.confidence") or "medium"
        if confidence not in {c.value for c in Confidence}:
            raise BadInputError("choose low, medium or high", field=f"{element.value}")
        scores.append(
            ElementScore(
                element=element,
                score=int(raw),
                evidence=field(f"{element.value}.evidence"),
                confidence=Confidence(confidence),
            )
        )
    return PartyAssessment(
        party=field("party"),
        assessed_on=assessed_on,
        scores=tuple(scores),
        indicators_seen=_split(field("indicators_seen")),
    )


def _record(request: Request, services: Services, form: dict[str, str]) -> Response:
    try:
        ripeness_service.record_assessments(services.ws, [_assessment(form)])
    except BadInputError as error:
        context = _context(services, request) | {"error": str(error)}
        return render(request, "scope.html", context, status=400)
    return back_to("/scope", "ripeness")


@router.post("/ripeness", response_model=None)
async def record_ripeness(request: Request, services: ServicesDep, _s: FacilitatorDep) -> Response:
    """One party's assessment: a score, evidence and confidence for each element."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    response: Response = await run_in_threadpool(_record, request, services, form)
    return response


@router.get("/ripeness/indicators.png")
def indicators_chart(services: ServicesDep, _s: FacilitatorDep) -> Response:
    """The indicators chart, drawn once per set of events and kept in memory."""
    events = dialogue_service.summarise(services.ws).events
    key = f"indicators.png:{events}"
    if key not in services.cache:
        with tempfile.TemporaryDirectory(prefix="backchannel-chart-") as tmp:
            path = Path(tmp) / "indicators.png"
            ripeness_service.indicators(services.ws, chart=path)
            services.cache[key] = path.read_bytes()
    return Response(services.cache[key], media_type="image/png")
