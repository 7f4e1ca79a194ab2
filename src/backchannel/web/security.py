"""Cookies, CSRF tokens, login rate-limiting and the security headers of every response.

- The session cookie is HttpOnly, SameSite=Strict, and Secure when the request came over
  TLS (or when the settings say so). It holds a random token; the workspace keeps its hash.
- Every form carries the session's CSRF token (a hidden `csrf` field, or the
  `X-CSRF-Token` header HTMX sends); the login form, before any session, carries a
  double-submit token from its own cookie.
- Failed logins slow further attempts (services/login_throttle.py); a device that logged
  in before carries a `bc_device` token and is not slowed by failures elsewhere.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "bc_session"
LOGIN_COOKIE = "bc_login"
DEVICE_COOKIE = "bc_device"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def is_tls(request: Request, forced: bool | None) -> bool:
    """Whether cookies get the Secure flag: the settings decide, else the request's scheme
    (uvicorn sets it from X-Forwarded-Proto when run behind a trusted proxy)."""
    return forced if forced is not None else request.url.scheme == "https"


def set_cookie(
    response: Response, name: str, value: str, *, secure: bool, max_age: int | None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=True,
        samesite="strict",
    )


def clear_cookie(response: Response, name: str, *, secure: bool) -> None:
    response.delete_cookie(name, path="/", secure=secure, httponly=True, samesite="strict")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(given: str | None, expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), expected)


async def submitted_csrf(request: Request) -> str | None:
    """The CSRF token a request carries: the header (HTMX) or the form field."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
