"""Logging in and out, and the health check (the one route that needs no login)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from backchannel import i18n
from backchannel.i18n import gettext, ngettext
from backchannel.services import accounts, login_throttle
from backchannel.services.accounts import LoginError
from backchannel.web import limits
from backchannel.web.deps import HOME, AnyoneDep, ServicesDep, current_session, render
from backchannel.web.passwords import BusyError
from backchannel.web.security import (
    DEVICE_COOKIE,
    LOGIN_COOKIE,
    SESSION_COOKIE,
    clear_cookie,
    client_address,
    is_tls,
    new_token,
    same_token,
    set_cookie,
)

router = APIRouter()


@router.get("/healthz")
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _safe_next(target: str) -> str:
    """Only a path on this site (never `//elsewhere` or a full URL)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and len(target) < 300:
        return target
    return ""


def _login_page(
    request: Request, services: ServicesDep, *, next_: str, error: str = "", status: int = 200
) -> HTMLResponse:
    token = new_token()
    response = render(
        request,
        "login.html",
        {"login_token": token, "next": _safe_next(next_), "error": error},
        status=status,
    )
    secure = is_tls(request, services.settings.secure_cookies)
    set_cookie(response, LOGIN_COOKIE, token, secure=secure, max_age=3600)
    return response


@router.get("/login", response_model=None)
def login_form(
    request: Request,
    services: ServicesDep,
    next: str = "",  # the query parameter is called next
) -> Response:
    session = current_session(request, services)
    if session is not None:
        return RedirectResponse(HOME[session.account.role], status_code=303)
    return _login_page(request, services, next_=next)


@router.post("/login", response_model=None, max_body_size=limits.LOGIN_BODY)
async def login(
    request: Request,
    services: ServicesDep,
    handle: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",  # the form field is called next
) -> Response:
    """The password check runs on its own pool (web/passwords.py), the throttle's reads and
    writes on the page pool: a storm of logins slows logins, not the rest of the app."""
    handle = handle.strip().lower()[:64]
    if not same_token(csrf, request.cookies.get(LOGIN_COOKIE, "")):
        return _login_page(
            request,
            services,
            next_=next,
            error=gettext("The login form had expired; please try again."),
            status=403,
        )
    client = client_address(request)
    ws = services.ws
    device = await run_in_threadpool(
        login_throttle.known_device, ws, handle, request.cookies.get(DEVICE_COOKIE)
    )
    wait = await run_in_threadpool(login_throttle.retry_after, ws, handle, client, device)
    if wait:
        return _slowed(request, services, next, wait)
    try:
        account = await services.passwords.run(accounts.authenticate, ws, handle, password)
    except BusyError:
        response = _login_page(
            request,
            services,
            next_=next,
            error=gettext(
                "Many people are logging in at this moment. Wait a few seconds, then log in again."
            ),
            status=503,
        )
        response.headers["Retry-After"] = "5"
        return response
    except LoginError:
        await run_in_threadpool(login_throttle.failed, ws, handle, client, device)
        wrong = gettext("Wrong handle or password")
        return _login_page(request, services, next_=next, error=wrong, status=401)
    token = await run_in_threadpool(login_throttle.succeeded, ws, handle, client, device)
    opened = await run_in_threadpool(
        accounts.open_session, ws, account, services.settings.session_hours
    )
    target = _safe_next(next) or HOME[account.role]
    done = RedirectResponse(target, status_code=303)
    secure = is_tls(request, services.settings.secure_cookies)
    set_cookie(
        done,
        SESSION_COOKIE,
        opened.token,
        secure=secure,
        max_age=services.settings.session_hours * 3600,
    )
    set_cookie(done, DEVICE_COOKIE, token, secure=secure, max_age=365 * 86400)
    clear_cookie(done, LOGIN_COOKIE, secure=secure)
    if account.language in i18n.LANGUAGES:  # the account's language, on this device too
        done.set_cookie(
            i18n.COOKIE, account.language, max_age=365 * 86400, httponly=True, samesite="lax"
        )
    return done


def _slowed(request: Request, services: ServicesDep, next_: str, wait: int) -> HTMLResponse:
    if wait < 60:
        message = ngettext(
            "Several wrong passwords were tried. Wait %(num)s second before the next try.",
            "Several wrong passwords were tried. Wait %(num)s seconds before the next try.",
            wait,
        ) % {"num": wait}
    else:
        minutes = (wait + 59) // 60
        message = ngettext(
            "Too many failed attempts. Try again in %(num)s minute.",
            "Too many failed attempts. Try again in %(num)s minutes.",
            minutes,
        ) % {"num": minutes}
    response = _login_page(request, services, next_=next_, error=message, status=429)
    response.headers["Retry-After"] = str(wait)
    return response


@router.post("/logout")
def logout(request: Request, services: ServicesDep, session: AnyoneDep) -> RedirectResponse:
    token = request.cookies.get(SESSION_COOKIE, "")
    accounts.close_session(services.ws, token, actor=session.account.handle)
    response = RedirectResponse("/login", status_code=303)
    clear_cookie(response, SESSION_COOKIE, secure=is_tls(request, services.settings.secure_cookies))
    return response
