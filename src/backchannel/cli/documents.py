"""`backchannel documents export OUTDIR`: every document, through the non-attribution gate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit, wrote
from backchannel.services.catalogue import export_all

documents_app = typer.Typer(
    help="Render the dialogue's documents. Each passes the non-attribution gate first.",
    no_args_is_help=True,
)
root.add_typer(documents_app, name="documents")


@documents_app.command("export")
def export(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder to write the documents into.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Render every document the workspace holds enough for.

    The gate scans each one against the candidate pool first. A finding stops the export,
    nothing is written, and the message says where it is (document, section, paragraph)
    and gives a finding id, never the name itself. Exit 1 when the gate blocks.
    """
    with ref(ctx).open() as ws:
        written = export_all(ws, outdir)

    def human(console: Console) -> None:
        for path in written:
            console.print(wrote(path))

    emit({"documents": [str(p) for p in written]}, json_out, human)
