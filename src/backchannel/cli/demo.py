"""`backchannel demo OUTDIR`: the bundled demo dialogue, built and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backchannel.cli.app import app as root
from backchannel.cli.app import language
from backchannel.cli.context import read_passphrase, ref
from backchannel.cli.output import err_console, out_console, warn
from backchannel.i18n import gettext
from backchannel.services.demo import build_demo


@root.command("demo")
def demo(
    ctx: typer.Context,
    outdir: Annotated[Path, typer.Argument(help="Folder for the workspace and documents.")],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The documents' language: en, fr, es, ru or ar (the headings, labels and "
            "boilerplate; what people wrote stays as written). Default: backchannel --lang.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build the demo dialogue (fictional people and places) and write every document.

    Makes OUTDIR/workspace.bch, encrypted with your passphrase (BACKCHANNEL_PASSPHRASE or
    a prompt), and the documents backchannel can make so far, each checked by the gate.
    """
    chosen = language(lang) if lang is not None else None
    insecure = ref(ctx).insecure
    if insecure:
        warn(gettext("the demo workspace will be a plain SQLite file (--insecure)."))
    passphrase = None if insecure else read_passphrase(confirm=False)
    if err_console.is_terminal:
        with err_console.status(gettext("Building the demo dialogue")) as status:
            result = build_demo(outdir, passphrase, report=lambda s: status.update(s), lang=chosen)
    else:
        result = build_demo(outdir, passphrase, lang=chosen)
    out_console.print(gettext("Demo dialogue built in %(folder)s/") % {"folder": outdir})
    if insecure:
        what = gettext("plain SQLite workspace (--insecure)")
    else:
        # TRANSLATORS: the demo's workspace; %(reading)s stays in English (ripe, ripening,
        # not ripe). The counts are large (40 candidates, 500 events).
        what = gettext(
            "encrypted workspace: %(candidates)s candidates, %(events)s events, "
            "ripeness reading: %(reading)s"
        ) % {
            "candidates": result.candidates,
            "events": result.events,
            "reading": result.reading.replace("_", " "),
        }
    out_console.print(f"  {result.workspace.name}  {what}")
    for path in result.documents:
        out_console.print(f"  {path.name}")
    out_console.print(gettext("Every document passed the non-attribution gate."))
