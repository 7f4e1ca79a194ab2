"""What the root callback puts on ctx.obj: where the workspace is, opened on demand."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer

from backchannel.cli.output import warn
from backchannel.domain.errors import WorkspaceError
from backchannel.i18n import gettext
from backchannel.services.workspace import Workspace, open_url, open_workspace

PASSPHRASE_ENV = "BACKCHANNEL_PASSPHRASE"  # noqa: S105 - the variable name, not a secret


def read_passphrase(*, confirm: bool = False) -> str:
    """From BACKCHANNEL_PASSPHRASE, or a prompt that does not echo."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    try:
        result: str = typer.prompt(
            # TRANSLATORS: the prompt for the passphrase that opens the encrypted workspace.
            gettext("Workspace passphrase"),
            hide_input=True,
            confirmation_prompt=confirm,
        )
    except typer.Abort:
        raise WorkspaceError(
            f"no passphrase given: set {PASSPHRASE_ENV} or type it at the prompt"
        ) from None
    return result


def plain_file(path: Path) -> str:
    """The warning that a workspace is not encrypted."""
    return gettext("%(path)s is a plain SQLite file: anyone with the file can read it.") % {
        "path": path
    }


@dataclass(frozen=True, slots=True)
class WorkspaceRef:
    path: Path
    insecure: bool = False
    db: str | None = None  # a server database (PostgreSQL) instead of the file

    @contextmanager
    def open(self, *, create: bool = False) -> Iterator[Workspace]:
        if self.db is not None:
            server = open_url(self.db)
            try:
                yield server
            finally:
                server.close()
            return
        if self.insecure:
            warn(plain_file(self.path))
            passphrase = None
        else:
            passphrase = read_passphrase(confirm=create and not self.path.exists())
        ws = open_workspace(self.path, passphrase, create=create)
        try:
            yield ws
        finally:
            ws.close()


def ref(ctx: typer.Context) -> WorkspaceRef:
    obj = ctx.obj
    if not isinstance(obj, WorkspaceRef):  # a sub-command invoked on its own in tests
        obj = WorkspaceRef(path=Path("workspace.bch"))
    return obj
