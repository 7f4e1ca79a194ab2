"""What every route depends on: the services, the logged-in session with its role checked
(and its CSRF token, on every form), and the one function that renders a page or, for an
HTMX request, just its fragment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment
from starlette.concurrency import run_in_threadpool

from backchannel.domain.accounts import Role
from backchannel.services import accounts
from backchannel.services.accounts import WebSession
from backchannel.services.workspace import Workspace
from backchannel.web.security import SESSION_COOKIE, LoginLimiter, same_token, submitted_csrf
from backchannel.web.settings import Settings


@dataclass
class Services:
    """What the app holds for its lifetime: the open workspace and its documents folder."""

    ws: Workspace
    documents: Path
    settings: Settings
    limiter: LoginLimiter
    cache: dict[str, Any] = field(default_factory=dict)


class NotLoggedInError(Exception):
    """No live session: pages redirect to the login form."""


class RefusedError(Exception):
    """Logged in, but this role may not do this (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def current_session(request: Request, services: Services) -> WebSession | None:
    """The session of the request's cookie (looked up once per request)."""
    if "session" in request.scope.get("state", {}):
        found: WebSession | None = request.state.session
        return found
    token = request.cookies.get(SESSION_COOKIE, "")
    found = accounts.session_of(services.ws, token) if token else None
    request.state.session = found
    return found


HOME: Mapping[Role, str] = {
    Role.FACILITATOR: "/",
    Role.RAPPORTEUR: "/meeting",
    Role.PARTICIPANT: "/portal",
    Role.INTERLOCUTOR: "/documents",
    Role.OBSERVER: "/documents",
}
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def require(*roles: Role) -> Callable[[Request, Services], Awaitable[WebSession]]:
    """A dependency: the session, when its role is one of `roles` (any role when none are
    given); on every unsafe method, the form's CSRF token must match the session's."""
    allowed = frozenset(roles) or frozenset(Role)

    async def dependency(request: Request, services: ServicesDep) -> WebSession:
        session = await run_in_threadpool(current_session, request, services)
        if session is None:
            raise NotLoggedInError()
        if session.account.role not in allowed:
            raise RefusedError(f"A {session.account.role} account cannot open this page.")
        if request.method not in _SAFE:
            if not same_token(await submitted_csrf(request), session.csrf):
                raise RefusedError("This form has expired. Reload the page and try again.")
        return session

    return dependency


AnyoneDep = Annotated[WebSession, Depends(require())]
FacilitatorDep = Annotated[WebSession, Depends(require(Role.FACILITATOR))]
CaptureDep = Annotated[WebSession, Depends(require(Role.FACILITATOR, Role.RAPPORTEUR))]
ParticipantDep = Annotated[WebSession, Depends(require(Role.PARTICIPANT))]

# --- pages ------------------------------------------------------------------------------------

NAV: Mapping[Role, tuple[tuple[str, str], ...]] = {
    Role.FACILITATOR: (
        ("/", "Dashboard"),
        ("/scope", "Scope & ripeness"),
        ("/roster", "Roster"),
        ("/meeting", "Meeting"),
        ("/documents", "Documents"),
        ("/followup", "Follow-up"),
        ("/accounts", "Accounts"),
        ("/audit", "Audit"),
    ),
    Role.RAPPORTEUR: (
        ("/meeting", "Meeting"),
        ("/meeting/projector", "Projector"),
        ("/meeting/support", "Support"),
    ),
    Role.PARTICIPANT: (("/portal", "My portal"), ("/documents", "My documents")),
    Role.INTERLOCUTOR: (("/documents", "My documents"),),
    Role.OBSERVER: (("/documents", "Documents"),),
}


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    fragment: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The full page, or only `fragment` (a `_partial.html`) when HTMX asked."""
    env: Environment = request.app.state.templates
    session: WebSession | None = request.scope.get("state", {}).get("session")
    name = fragment if fragment is not None and is_htmx(request) else template
    values: dict[str, Any] = {
        "request": request,
        "session": session,
        "account": session.account if session else None,
        "csrf": session.csrf if session else "",
        "nav": NAV[session.account.role] if session else (),
        "path": request.url.path,
        **(context or {}),
    }
    return HTMLResponse(env.get_template(name).render(values), status_code=status)


def back_to(path: str, note: str = "") -> RedirectResponse:
    """After a form that changed something: back to the page (303), with a note key."""
    target = f"{path}?done={note}" if note else path
    return RedirectResponse(target, status_code=303)
