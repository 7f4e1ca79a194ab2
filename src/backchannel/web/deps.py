"""What every route depends on: the services, the logged-in session with its role checked
(and its CSRF token, on every form), and the one function that renders a page or, for an
HTMX request, just its fragment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment
from starlette.concurrency import run_in_threadpool

from backchannel import i18n
from backchannel.domain.accounts import Role
from backchannel.i18n import N_
from backchannel.services import accounts
from backchannel.services.accounts import WebSession
from backchannel.services.workspace import Workspace
from backchannel.web.passwords import PasswordChecks
from backchannel.web.security import SESSION_COOKIE, same_token, submitted_csrf
from backchannel.web.settings import Settings
from backchannel.web.terms import term


@dataclass
class Services:
    """What the app holds for its lifetime: the open workspace and its documents folder."""

    ws: Workspace
    documents: Path
    settings: Settings
    passwords: PasswordChecks = field(default_factory=PasswordChecks)
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
            raise RefusedError(
                i18n.gettext("A %(role)s account cannot open this page.")
                % {"role": term(session.account.role)}
            )
        session = await _speak_as(request, services, session)
        if request.method not in _SAFE:
            if not same_token(await submitted_csrf(request), session.csrf):
                raise RefusedError(
                    i18n.gettext("This form has expired. Reload the page and try again.")
                )
        return session

    return dependency


async def _speak_as(request: Request, services: Services, session: WebSession) -> WebSession:
    """The account's language wins over the device's: a language picked here (`?lang=`) is
    kept on the account, so the participant's phone and the hotel's laptop agree."""
    asked = request.query_params.get("lang")
    account = session.account
    if asked in i18n.LANGUAGES and asked != account.language:
        account = await run_in_threadpool(accounts.set_language, services.ws, account.handle, asked)
        session = replace(session, account=account)
        request.state.session = session
    elif asked not in i18n.LANGUAGES and account.language in i18n.LANGUAGES:
        i18n.activate(account.language)
    return session


AnyoneDep = Annotated[WebSession, Depends(require())]
FacilitatorDep = Annotated[WebSession, Depends(require(Role.FACILITATOR))]
CaptureDep = Annotated[WebSession, Depends(require(Role.FACILITATOR, Role.RAPPORTEUR))]
ParticipantDep = Annotated[WebSession, Depends(require(Role.PARTICIPANT))]

# --- pages ------------------------------------------------------------------------------------


NAV: Mapping[Role, tuple[tuple[str, str], ...]] = {
    Role.FACILITATOR: (
        ("/", N_("Dashboard")),
        ("/scope", N_("Scope & ripeness")),
        ("/roster", N_("Roster")),
        ("/meeting", N_("Meeting")),
        ("/documents", N_("Documents")),
        ("/followup", N_("Follow-up")),
        ("/accounts", N_("Accounts")),
        ("/audit", N_("Audit")),
    ),
    Role.RAPPORTEUR: (
        ("/meeting", N_("Meeting")),
        ("/meeting/projector", N_("Projector")),
        ("/meeting/support", N_("Support")),
    ),
    Role.PARTICIPANT: (("/portal", N_("My portal")), ("/documents", N_("My documents"))),
    Role.INTERLOCUTOR: (("/documents", N_("My documents")),),
    Role.OBSERVER: (("/documents", N_("Documents")),),
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
    asked = request.query_params.get("lang")
    lang = i18n.current()  # chosen for the request by the app's Language middleware
    values: dict[str, Any] = {
        "lang": lang,
        "dir": i18n.direction(lang),
        "languages": i18n.NAMES,
        "request": request,
        "session": session,
        "account": session.account if session else None,
        "csrf": session.csrf if session else "",
        "nav": NAV[session.account.role] if session else (),
        "path": request.url.path,
        **(context or {}),
    }
    response = HTMLResponse(env.get_template(name).render(values), status_code=status)
    if asked in i18n.LANGUAGES:
        response.set_cookie(
            i18n.COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax", path="/"
        )
    return response


def done_note(request: Request, notes: Mapping[str, str]) -> str:
    """The note a form's redirect asked for (`?done=key`), in the page's language."""
    note = notes.get(request.query_params.get("done", ""), "")
    return i18n.gettext(note) if note else ""


def back_to(path: str, note: str = "") -> RedirectResponse:
    """After a form that changed something: back to the page (303), with a note key."""
    target = f"{path}?done={note}" if note else path
    return RedirectResponse(target, status_code=303)
