"""The root `backchannel` command: resolves the workspace and holds the sub-commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backchannel.cli.context import WorkspaceRef
from backchannel.cli.output import Group

app = typer.Typer(
    cls=Group,
    name="backchannel",
    help=(
        "A workbench for convening Track II dialogues: tight scope, the right room, "
        "ground rules, facilitation, evidence and outputs that travel."
    ),
    no_args_is_help=True,
    add_completion=False,
    # Tracebacks with local variables could print a passphrase: never show them.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


@app.callback()
def root(
    ctx: typer.Context,
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            "-w",
            envvar="BACKCHANNEL_WORKSPACE",
            help="The dialogue's workspace file (*.bch). Default: workspace.bch here.",
            show_default=False,
        ),
    ] = Path("workspace.bch"),
    insecure: Annotated[
        bool,
        typer.Option(
            "--insecure",
            help="Open a plain, unencrypted SQLite file. For development only.",
        ),
    ] = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="BACKCHANNEL_DB",
            help="A server database instead of the file: postgresql://user@host/dbname. "
            "Not encrypted by backchannel: see docs/server-mode.md.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Resolve the workspace once; commands that need it open it lazily."""
    ctx.obj = WorkspaceRef(path=workspace, insecure=insecure, db=db)


def _register() -> None:
    # Each command group lives in its own module and adds itself here.
    # --- command groups (one name a line, sorted) ---
    from backchannel.cli import (  # noqa: F401
        accounts,
        audit,
        brief,
        capture,
        demo,
        dialogue,
        documents,
        gate,
        ground_rules,
        meetings,
        outputs,
        ripeness,
        roster,
        scope,
        select,
        serve,
        support,
    )
    # --- end of command groups ---


_register()


def main() -> None:
    app()
