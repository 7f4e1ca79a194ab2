"""The browser workbench: `create_app(settings)` opens the workspace and mounts the screens.

Every page but `/healthz`, `/login` and the static assets needs a login; each route
declares the roles it serves (web/deps.py). Core errors become pages in one place here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backchannel import i18n
from backchannel.domain.errors import BackchannelError, NotFoundError, WorkspaceError
from backchannel.i18n import gettext as _
from backchannel.services import meeting_ratings, portal
from backchannel.services.accounts import LoginError
from backchannel.services.assets import font_folders
from backchannel.services.workspace import Workspace, open_url, open_workspace
from backchannel.web import limits
from backchannel.web.deps import NotLoggedInError, RefusedError, Services, is_htmx, render
from backchannel.web.routes import register
from backchannel.web.security import HEADERS
from backchannel.web.settings import Settings
from backchannel.web.terms import progress, standing, term

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class SecurityHeaders:
    """Adds the security headers to every response, and `no-store` to everything but the
    static assets (pages hold confidential material)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Cache-Control", "max-age=3600" if static else "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def open_settings_workspace(settings: Settings) -> Workspace:
    if settings.db_url:
        return open_url(settings.db_url)
    if settings.workspace is None:
        raise WorkspaceError("give a workspace file or a database URL")
    if settings.passphrase is None and not settings.plain:
        raise WorkspaceError("an encrypted workspace needs its passphrase")
    return open_workspace(settings.workspace, settings.passphrase)


def _number(value: float | None, places: int = 2) -> str:
    """A signed figure; in a right-to-left page isolated left to right, so that −0.25 keeps
    its sign in front rather than after it."""
    if value is None:
        return "–"
    shown = i18n.number(value, places, signed=True)
    return f"\u2066{shown}\u2069" if i18n.right_to_left() else shown


class Language:
    """Chooses each request's language before anything runs (the `lang` cookie, `?lang=`,
    the browser's Accept-Language), so routes and services build their messages in it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            asked = request.query_params.get("lang")
            lang = i18n.choose(
                asked if asked in i18n.LANGUAGES else request.cookies.get(i18n.COOKIE),
                request.headers.get("accept-language"),
            )
            i18n.activate(lang)
        await self.app(scope, receive, send)


def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True
    )
    env.filters["signed"] = _number
    env.filters["day"] = i18n.day
    env.filters["number"] = lambda value, places=1: i18n.number(value, places)
    env.filters["said"] = _said
    env.filters["term"] = term
    env.filters["progress"] = progress
    env.filters["standing"] = standing
    env.globals["pending_note"] = meeting_ratings.pending_note
    return env


def create_app(settings: Settings, workspace: Workspace | None = None) -> FastAPI:
    """The app on the settings' workspace (or on `workspace`, already open, for tests and
    `serve --demo`; the app closes it when it stops)."""
    ws = workspace or open_settings_workspace(settings)
    portal.ensure_salt(ws)
    limits.keep_uploads_in_memory()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            app.state.services.passwords.close()
            ws.close()

    app = FastAPI(
        title="backchannel",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        max_body_size=limits.DEFAULT_BODY,
        form_limits=limits.FORM_LIMITS,  # type: ignore[arg-type]
    )
    app.state.services = Services(
        ws=ws,
        documents=settings.documents_folder(),
        settings=settings,
    )
    app.state.templates = templates()
    # The bundled OFL fonts (see render/fonts.py), so pages in Arabic or Cyrillic read on
    # a machine with no fonts of its own; mounted before /static, which would shadow them.
    for name, folder in font_folders().items():
        app.mount(f"/static/fonts/{name}", StaticFiles(directory=folder), name=f"fonts-{name}")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    register(app)
    _add_error_pages(app)
    app.add_middleware(Language)
    app.add_middleware(SecurityHeaders)
    return app


def _said(value: object) -> Markup:
    """Text a person wrote, isolated for bidi: an Arabic point in an English page (or an
    English name in an Arabic one) keeps its own direction and its full stop's place."""
    return Markup("<bdi>{}</bdi>").format(value)


def _error(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"title": title, "message": message, "status": status},
        fragment="_error.html",
        status=status,
    )


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(NotLoggedInError)
    async def not_logged_in(request: Request, _exc: NotLoggedInError) -> Response:
        if is_htmx(request):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        if request.method == "GET":
            target = quote(request.url.path, safe="/")
            return RedirectResponse(f"/login?next={target}", status_code=303)
        return _error(request, 401, _("Please log in"), _("Your session has ended. Log in again."))

    @app.exception_handler(RefusedError)
    async def refused(request: Request, exc: RefusedError) -> Response:
        return _error(request, 403, _("Not for this account"), exc.message)

    @app.exception_handler(LoginError)
    async def login_error(request: Request, exc: LoginError) -> Response:
        return _error(request, 401, _("Please log in"), str(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, _("Not found"), str(exc))

    @app.exception_handler(BackchannelError)
    async def bad_input(request: Request, exc: BackchannelError) -> Response:
        return _error(request, 400, _("That did not work"), str(exc))

    @app.exception_handler(RequestValidationError)
    async def incomplete(request: Request, _exc: RequestValidationError) -> Response:
        return _error(
            request, 422, _("Incomplete form"), _("Some fields were missing or malformed.")
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = _("Not found") if exc.status_code == 404 else _("Request refused")
        message = _("There is no such page.") if exc.status_code == 404 else str(exc.detail)
        if exc.status_code == 413:
            message = _(
                "That is more than this page accepts. A candidates file may be up to 5 MB; "
                "a form, a few pages of text."
            )
        return _error(request, exc.status_code, title, message)
