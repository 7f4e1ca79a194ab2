"""Accounts and roles (facilitators only): add an account, change its role, disable it,
set a new password. Every change is audited with the facilitator's handle."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from backchannel.domain.accounts import Role, parse_role
from backchannel.domain.errors import BackchannelError
from backchannel.i18n import N_
from backchannel.services import accounts
from backchannel.services import dialogue as dialogue_service
from backchannel.services import roster as roster_service
from backchannel.web.deps import FacilitatorDep, Services, ServicesDep, back_to, done_note, render

router = APIRouter(prefix="/accounts")

DONE = {
    "added": N_("Account added."),
    "role": N_("Role changed; the account's sessions were ended."),
    "active": N_("Account updated; its sessions were ended."),
    "password": N_("Password set; the account's sessions were ended."),
}


def _context(services: Services, request: Request, error: str = "") -> dict[str, Any]:
    pool, on_roster = roster_service.list_pool(services.ws)
    return {
        "accounts": accounts.list_accounts(services.ws),
        "roles": list(Role),
        "roster": sorted(on_roster),
        "interlocutors": dialogue_service.get_dialogue(services.ws).interlocutors,
        "error": error,
        "done": done_note(request, DONE),
        "pool_size": len(pool),
    }


def _failed(request: Request, services: Services, error: BackchannelError) -> HTMLResponse:
    return render(request, "accounts.html", _context(services, request, str(error)), status=400)


@router.get("")
def accounts_page(request: Request, services: ServicesDep, _s: FacilitatorDep) -> HTMLResponse:
    return render(request, "accounts.html", _context(services, request))


@router.post("", response_model=None)
def add(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    handle: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    candidate: Annotated[str, Form()] = "",
    interlocutor: Annotated[str, Form()] = "",
) -> Response:
    try:
        found = parse_role(role)
        accounts.add_account(
            services.ws,
            handle.strip().lower(),
            found,
            password,
            candidate=candidate.strip() if found is Role.PARTICIPANT else None,
            interlocutor=interlocutor.strip() if found is Role.INTERLOCUTOR else None,
            actor=session.account.handle,
        )
    except BackchannelError as error:
        return _failed(request, services, error)
    return back_to("/accounts", "added")


@router.post("/{handle}/role", response_model=None)
def change_role(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    handle: str,
    role: Annotated[str, Form()] = "",
    candidate: Annotated[str, Form()] = "",
    interlocutor: Annotated[str, Form()] = "",
) -> Response:
    try:
        found = parse_role(role)
        accounts.change_role(
            services.ws,
            handle,
            found,
            candidate=candidate.strip() if found is Role.PARTICIPANT else None,
            interlocutor=interlocutor.strip() if found is Role.INTERLOCUTOR else None,
            actor=session.account.handle,
        )
    except BackchannelError as error:
        return _failed(request, services, error)
    return back_to("/accounts", "role")


@router.post("/{handle}/active", response_model=None)
def set_active(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    handle: str,
    active: Annotated[str, Form()] = "",
) -> Response:
    try:
        accounts.set_active(services.ws, handle, active == "yes", actor=session.account.handle)
    except BackchannelError as error:
        return _failed(request, services, error)
    return back_to("/accounts", "active")


@router.post("/{handle}/password", response_model=None)
def set_password(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    handle: str,
    password: Annotated[str, Form()] = "",
) -> Response:
    try:
        accounts.set_password(services.ws, handle, password, actor=session.account.handle)
    except BackchannelError as error:
        return _failed(request, services, error)
    return back_to("/accounts", "password")
