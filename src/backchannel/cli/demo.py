"""`backchannel demo OUTDIR`: the bundled demo dialogue, built and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backchannel.cli.app import app as root
from backchannel.cli.context import read_passphrase, ref
from backchannel.cli.output import err_console, out_console, warn
from backchannel.services.demo import build_demo


@root.command("demo")
def demo(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder for the workspace and documents.")],
) -> None:
    """Build the demo dialogue (fictional people and places) and write every document.

    Makes OUTDIR/workspace.bch, encrypted with your passphrase (BACKCHANNEL_PASSPHRASE or
    a prompt), and the documents backchannel can make so far, each checked by the gate.
    """
    insecure = ref(ctx).insecure
    if insecure:
        warn("the demo workspace will be a plain SQLite file (--insecure).")
    passphrase = None if insecure else read_passphrase(confirm=False)
    if err_console.is_terminal:
        with err_console.status("Building the demo dialogue") as status:
            result = build_demo(outdir, passphrase, report=lambda s: status.update(s))
    else:
        result = build_demo(outdir, passphrase)
    out_console.print(f"Demo dialogue built in {outdir}/")
    out_console.print(
        f"  {result.workspace.name}  encrypted workspace: {result.candidates} candidates, "
        f"{result.events} events, ripeness reading: {result.reading.replace('_', ' ')}"
        if not insecure
        else f"  {result.workspace.name}  plain SQLite workspace (--insecure)"
    )
    for path in result.documents:
        out_console.print(f"  {path.name}")
    out_console.print("Every document passed the non-attribution gate.")
