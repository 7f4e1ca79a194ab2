"""`backchannel charter adopt/show` and `backchannel consent record/list` (pillar 3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import emit, styled
from backchannel.domain import _validate as v
from backchannel.i18n import N_, gettext
from backchannel.readers._csvfile import read_text
from backchannel.services import ground_rules

charter_app = typer.Typer(
    help="The dialogue's ground rules: Chatham House Rule, non-attribution, problem-solving norms.",
    no_args_is_help=True,
)
consent_app = typer.Typer(
    help="Each participant's recorded consent to the current charter.",
    no_args_is_help=True,
)
root.add_typer(charter_app, name="charter")
root.add_typer(consent_app, name="consent")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
# TRANSLATORS: the column headings of `backchannel consent list`.
CONSENT_COLUMNS = (N_("Candidate"), N_("Charter"), N_("Given on"), N_("How"))


@charter_app.command("adopt")
def adopt(
    ctx: typer.Context,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="A text file with the charter (default: the standard one)."),
    ] = None,
) -> None:
    """Adopt a new version of the charter; everyone must then consent to it again."""
    text = read_text(from_file, max_bytes=200_000) if from_file is not None else None
    with ref(ctx).open() as ws:
        charter = ground_rules.adopt_charter(ws, text)
    # TRANSLATORS: %(day)s is YYYY-MM-DD.
    said = gettext(
        "Adopted charter v%(version)s on %(day)s. "
        "Record each participant's consent with 'backchannel consent record'."
    )
    typer.echo(said % {"version": charter.version, "day": charter.adopted_on})


@charter_app.command("show")
def show(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Show the current charter."""
    with ref(ctx).open() as ws:
        charter = ground_rules.current_charter(ws)
    emit(
        {
            "version": charter.version,
            "adopted_on": charter.adopted_on.isoformat(),
            "text": charter.text,
        },
        json_out,
        lambda c: c.print(
            # TRANSLATORS: the heading above the charter's text; %(day)s is YYYY-MM-DD.
            gettext("Charter v%(version)s (%(day)s)")
            % {"version": charter.version, "day": charter.adopted_on}
            + f"\n\n{charter.text}"
        ),
    )


@consent_app.command("record")
def record(
    ctx: typer.Context,
    candidate: Annotated[str, typer.Argument(help="The candidate's id (e.g. c017).")],
    how: Annotated[
        str, typer.Option(help="How consent was given: 'signed form', 'email', 'in person'.")
    ],
    on: Annotated[
        str | None, typer.Option(help="The date it was given (YYYY-MM-DD; default today).")
    ] = None,
) -> None:
    """Record that a participant consented to the current charter."""
    given_on: date | None = v.iso_date(on, "on") if on else None
    with ref(ctx).open() as ws:
        consent = ground_rules.record_consent(ws, candidate, how, given_on)
    # TRANSLATORS: %(day)s is YYYY-MM-DD; %(how)s is as typed (signed form, email, ...).
    said = gettext(
        "Recorded: %(candidate)s consented to charter v%(version)s on %(day)s (%(how)s)."
    )
    typer.echo(
        said
        % {
            "candidate": consent.candidate,
            "version": consent.charter_version,
            "day": consent.given_on,
            "how": consent.how,
        }
    )


@consent_app.command("list")
def list_(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List consents, and flag participants without consent to the current charter."""
    with ref(ctx).open() as ws:
        view = ground_rules.consent_view(ws)
    data = {
        "charter_version": view.charter.version,
        "consents": [
            {
                "candidate": c.candidate,
                "charter_version": c.charter_version,
                "given_on": c.given_on.isoformat(),
                "how": c.how,
            }
            for c in view.consents
        ],
        "without_consent": list(view.missing),
    }

    def human(console: Console) -> None:
        title = gettext("Consents (current charter: v%(version)s)")
        table = Table(title=title % {"version": view.charter.version})
        for col in CONSENT_COLUMNS:
            table.add_column(gettext(col))
        for c in view.consents:
            current = c.charter_version == view.charter.version
            table.add_row(
                c.candidate,
                # TRANSLATORS: after a consent given to an earlier version of the charter.
                f"v{c.charter_version}" + ("" if current else " " + gettext("(old)")),
                str(c.given_on),
                c.how,
            )
        console.print(table)
        if view.missing:
            label = gettext("Without consent to v%(version)s:") % {"version": view.charter.version}
            console.print(f"{styled(label, 'red')} {', '.join(view.missing)}")
        elif view.roster:
            console.print(
                gettext("Every participant on the roster has consented to the current charter.")
            )

    emit(data, json_out, human)
