"""What the workbench serves: one workspace (a SQLCipher file or a server database), the
folder its documents are rendered into, and how cookies and logins behave."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def app_home() -> Path:
    """$BACKCHANNEL_HOME, else ~/.backchannel."""
    found = os.environ.get("BACKCHANNEL_HOME")
    return Path(found) if found else Path.home() / ".backchannel"


@dataclass(frozen=True, slots=True)
class Settings:
    """`workspace` (a file) or `db_url` (PostgreSQL); `passphrase=None` with `plain=True`
    opens a plain SQLite file (development only). `documents` defaults to a `documents`
    folder beside the workspace file (under the app home for a server database)."""

    workspace: Path | None = None
    passphrase: str | None = field(default=None, repr=False)
    plain: bool = False
    db_url: str | None = field(default=None, repr=False)
    documents: Path | None = None
    secure_cookies: bool | None = None  # None: Secure when the request came over TLS
    session_hours: int = 12

    def documents_folder(self) -> Path:
        if self.documents is not None:
            return self.documents
        if self.workspace is not None:
            return self.workspace.parent / "documents"
        return app_home() / "documents"
