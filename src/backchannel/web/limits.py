"""How much a request may send, checked while the bytes arrive (before any parsing or
login check): Starlette counts the body and answers 413 the moment it passes the route's
limit, or at once when the Content-Length says so.

The same figures belong in a reverse proxy in front of the workbench (docs/web.md):
nginx `client_max_body_size`, Caddy `request_body max_size`.
"""

from __future__ import annotations

from typing import Final

from starlette.formparsers import MultiPartParser

KIB: Final = 1024

#: Every form of the workbench: a captured point, a scope, mix rules, a charter.
DEFAULT_BODY: Final = 256 * KIB
#: The login form: a handle, a password and a token.
LOGIN_BODY: Final = 8 * KIB
#: A candidates file (.csv or .xlsx), as the roster screen says.
UPLOAD_FILE: Final = 5_000_000
#: The upload's form around the file: its multipart headers and the CSRF token.
UPLOAD_BODY: Final = UPLOAD_FILE + 16 * KIB

#: Fields and files one form may carry; a text field's size (Starlette's parser).
FORM_LIMITS: Final = {"max_fields": 400, "max_files": 1, "max_part_size": DEFAULT_BODY}


def keep_uploads_in_memory() -> None:
    """Starlette spools an uploaded file over 1 MB to a temporary file on disk; a pool of
    names must not land there in clear. Below the upload's limit it now stays in memory
    (a class setting of Starlette's parser; the body limit above bounds what it holds)."""
    MultiPartParser.spool_max_size = UPLOAD_BODY
