"""The root `backchannel` command: resolves the workspace and holds the sub-commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from backchannel import i18n
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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="BACKCHANNEL_LANG",
            help="The language of the documents: en, fr, es, ru or ar. "
            "Default: the locale's (LC_ALL, LC_MESSAGES, LANG), else English.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Resolve the workspace and the language once; commands open the workspace lazily."""
    ctx.obj = WorkspaceRef(path=workspace, insecure=insecure, db=db)
    i18n.activate(language(lang))


def language(asked: str | None) -> str:
    """The language asked for, else the locale's when backchannel has it, else English."""
    if asked is None:
        return i18n.from_locale(os.environ)
    lang = i18n.base(asked)
    if lang not in i18n.LANGUAGES:
        raise typer.BadParameter(
            f"{asked!r} is not one of {', '.join(i18n.LANGUAGES)}", param_hint="--lang"
        )
    return lang


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
