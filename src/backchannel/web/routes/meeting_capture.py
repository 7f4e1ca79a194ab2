"""Capture forms of the five rounds, for the facilitator and the rapporteur.

Each point passes the non-attribution gate before it is stored (services/meetings.py): a
point that names a participant is refused with a message that never repeats it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from backchannel.domain.capture import ConsequenceTest, Framing, FramingKind, ItemKind
from backchannel.domain.errors import BackchannelError, BadInputError
from backchannel.services import meetings
from backchannel.services.accounts import WebSession
from backchannel.web.deps import CaptureDep, Services, ServicesDep, back_to, is_htmx, render
from backchannel.web.routes.meeting import console_context

router = APIRouter(prefix="/meeting/capture")


def _captured(
    request: Request, services: Services, session: WebSession, action: Callable[[], str]
) -> Response:
    """Run one capture; answer with the capture panel (HTMX) or the console."""
    try:
        note = action()
    except BackchannelError as error:
        context = console_context(services, session, request, error=str(error))
        return render(request, "meeting.html", context, fragment="_capture.html", status=400)
    if is_htmx(request):
        context = console_context(services, session, request) | {"done": note}
        return render(request, "meeting.html", context, fragment="_capture.html")
    return back_to("/meeting", "captured")


def _party(value: str) -> str | None:
    return value.strip() or None


def _framing_kind(value: str) -> FramingKind:
    try:
        return FramingKind(value)
    except ValueError:
        raise BadInputError(f"'{value[:20]}' is not a kind of framing", field="kind") from None


def _item_kind(value: str) -> ItemKind:
    try:
        return ItemKind(value)
    except ValueError:
        raise BadInputError(f"'{value[:20]}' is not a kind of item", field="kind") from None


@router.post("/framing", response_model=None)
def framing(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    kind: Annotated[str, Form()] = "statement",
    text: Annotated[str, Form()] = "",
    party: Annotated[str, Form()] = "",
) -> Response:
    def act() -> str:
        found = Framing(_framing_kind(kind), text.strip(), _party(party))
        meetings.capture_framing(services.ws, found)
        return f"{found.kind.value.capitalize()} captured."

    return _captured(request, services, session, act)


@router.post("/item", response_model=None)
def item(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    party: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "interest",
    text: Annotated[str, Form()] = "",
) -> Response:
    def act() -> str:
        found = meetings.capture_item(services.ws, party.strip(), _item_kind(kind), text.strip())
        return f"{found.kind.label.capitalize()} {found.code} of party {found.party} captured."

    return _captured(request, services, session, act)


@router.post("/option", response_model=None)
def option(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    title: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
    serves: Annotated[list[str] | None, Form()] = None,
) -> Response:
    def act() -> str:
        found = meetings.capture_option(
            services.ws, title.strip(), description=description.strip(), serves=serves or ()
        )
        return f"Option {found.code} captured."

    return _captured(request, services, session, act)


@router.post("/test", response_model=None)
def consequence(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    option: Annotated[str, Form()] = "",
    party: Annotated[str, Form()] = "",
    gains: Annotated[str, Form()] = "",
    costs: Annotated[str, Form()] = "",
    risks: Annotated[str, Form()] = "",
    spoilers: Annotated[str, Form()] = "",
    feasibility: Annotated[str, Form()] = "",
    verification: Annotated[str, Form()] = "",
    questions: Annotated[str, Form()] = "",
) -> Response:
    def act() -> str:
        test = ConsequenceTest(
            option=option.strip(),
            party=party.strip(),
            gains=gains.strip(),
            costs=costs.strip(),
            risks=risks.strip(),
            spoilers=spoilers.strip(),
            feasibility=feasibility.strip(),
            verification=verification.strip(),
            questions=tuple(q.strip() for q in questions.splitlines() if q.strip()),
        )
        new = meetings.capture_consequence(services.ws, test)
        verb = "captured" if new else "replaced"
        return f"Test of {test.option} for party {test.party} {verb}."

    return _captured(request, services, session, act)


@router.post("/package", response_model=None)
def package(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    code: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    options: Annotated[list[str] | None, Form()] = None,
) -> Response:
    def act() -> str:
        found = meetings.capture_package(services.ws, code.strip(), title.strip(), options or [])
        return f"Package {found.code} captured."

    return _captured(request, services, session, act)


@router.post("/step", response_model=None)
def step(
    request: Request,
    services: ServicesDep,
    session: CaptureDep,
    package: Annotated[str, Form()] = "",
    what: Annotated[str, Form()] = "",
    who: Annotated[str, Form()] = "",
    when: Annotated[str, Form()] = "",
    how: Annotated[str, Form()] = "",
    test: Annotated[str, Form()] = "",
) -> Response:
    def act() -> str:
        due = meetings.due_day(when)
        found = meetings.capture_step(
            services.ws,
            package.strip(),
            what=what.strip(),
            who=who.strip(),
            when=due,
            how=how.strip(),
            test=test.strip(),
        )
        return f"Step {found.step.id} of {found.package} captured."

    return _captured(request, services, session, act)
