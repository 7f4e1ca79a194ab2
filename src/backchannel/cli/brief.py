"""`backchannel brief import/lint/check/approve/render`: pillar 5, the neutral evidence brief.

`brief lint FILE` needs no workspace: it reads a text file and prints the neutrality
findings (offsets are Python string indices into the file decoded as UTF-8). Exit codes:
0 clean, 1 a finding, 2 bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import EXIT_BLOCKED, emit, exit_with, styled
from backchannel.domain.neutrality import NeutralityFinding
from backchannel.i18n import gettext, ngettext
from backchannel.services import brief as brief_service
from backchannel.services.brief import BriefFiles, PlacedFinding

brief_app = typer.Typer(
    help=(
        "Pillar 5: the neutral evidence brief. Import map layers, a timeline, a legal "
        "register and humanitarian figures; lint the words for neutrality; render the brief "
        "and one numbered copy per participant."
    ),
    no_args_is_help=True,
)
root.add_typer(brief_app, name="brief")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def neutral() -> str:
    # TRANSLATORS: the verdict of the neutrality linter, before what it found nothing of.
    return gettext("Neutral:")


def _file(help_text: str) -> object:
    return typer.Option(help=help_text, show_default=False, dir_okay=False)


@brief_app.command("import")
def import_(
    ctx: typer.Context,
    layers: Annotated[
        Path | None, _file("Map layers: a GeoJSON FeatureCollection with a 'name' per feature.")
    ] = None,
    timeline: Annotated[
        Path | None, _file("The curated timeline CSV: date,event,source,party_view[,origin].")
    ] = None,
    legal: Annotated[
        Path | None,
        _file("The legal register: TOML ([[provision]]) or CSV (instrument,provision,...)."),
    ] = None,
    figures: Annotated[
        Path | None, _file("Humanitarian figures: an HXL-tagged CSV (#adm1, #sector, ...).")
    ] = None,
    places: Annotated[
        Path | None, _file("Contested places CSV: names,usage (each ';'-separated).")
    ] = None,
    lexicon: Annotated[
        Path | None, _file("The dialogue's own loaded terms: term,kind,alternative,...")
    ] = None,
    events: Annotated[
        Path | None,
        _file("Conflict events (UCDP GED or ACLED layout) for the timeline chart's fatalities."),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Import the brief's evidence: every file is checked first, then all are stored in one
    transaction (an input given again replaces the old one)."""
    files = BriefFiles(layers, timeline, legal, figures, places, lexicon, events)
    with ref(ctx).open() as ws:
        counts = brief_service.import_inputs(ws, files)

    def human(console: Console) -> None:
        for name, n in counts.items():
            # TRANSLATORS: %(name)s is an input as named on the command line (layers, timeline,
            # legal, figures, places, lexicon, events).
            said = ngettext(
                "Imported %(name)s: %(num)s item(s).", "Imported %(name)s: %(num)s item(s).", n
            )
            console.print(said % {"name": name, "num": n})

    emit({"imported": counts}, json_out, human)


def lint_json(findings: list[NeutralityFinding]) -> dict[str, object]:
    return {
        "findings": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "kind": f.kind,
                "suggestion": f.suggestion,
                "language": f.language,
                "blocks": f.blocks,
            }
            for f in findings
        ]
    }


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@brief_app.command("lint")
def lint(
    file: Annotated[
        Path, typer.Argument(help="A text or Markdown file (UTF-8).", show_default=False)
    ],
    places: Annotated[
        Path | None, _file("Contested places CSV: names,usage (each ';'-separated).")
    ] = None,
    lexicon: Annotated[
        Path | None, _file("More loaded terms (CSV), added to the shipped lexicon.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Loaded terms, contested places named in one party's form, and unbalanced sources."""
    text, findings = brief_service.lint_file(file, places=places, lexicon=lexicon)

    def human(console: Console) -> None:
        if not findings:
            console.print(
                f"{styled(neutral(), 'green')} "
                + gettext("no loaded term, place or source finding.")
            )
            return
        for f in findings:
            line, col = _line_col(text, f.start)
            note = "" if f.blocks else " (note)"
            console.print(
                f"{file.name}:{line}:{col} {f.kind}{note} '{f.text}': {f.suggestion}",
                markup=False,
            )
        notes = sum(not f.blocks for f in findings)
        tail = (
            # TRANSLATORS: put inside "5 finding(s), 2 of them note(s) that block nothing."
            ngettext(
                ", %(num)s of them note(s) that block nothing",
                ", %(num)s of them note(s) that block nothing",
                notes,
            )
            % {"num": notes}
            if notes
            else ""
        )
        # TRANSLATORS: %(notes)s is ", 2 of them note(s) that block nothing" or nothing.
        said = ngettext(
            "%(num)s finding(s)%(notes)s.", "%(num)s finding(s)%(notes)s.", len(findings)
        )
        console.print(said % {"num": len(findings), "notes": tail})

    emit(lint_json(findings), json_out, human)
    exit_with(EXIT_BLOCKED if any(f.blocks for f in findings) else 0)


def _placed_json(found: list[tuple[PlacedFinding, bool]]) -> dict[str, object]:
    return {
        "findings": [
            {
                "id": p.finding_id,
                "section": p.section,
                "paragraph": p.paragraph,
                "kind": p.finding.kind,
                "text": p.finding.text,
                "suggestion": p.finding.suggestion,
                "language": p.finding.language,
                "blocks": p.finding.blocks and not approved,
                "approved": approved,
            }
            for p, approved in found
        ]
    }


@brief_app.command("check")
def check(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Lint the brief the workspace would make now; write nothing. Exit 1 on a finding that
    is not approved."""
    with ref(ctx).open() as ws:
        found = brief_service.check_brief(ws)

    def human(console: Console) -> None:
        if not found:
            console.print(f"{styled(neutral(), 'green')} " + gettext("the brief has no finding."))
        for p, approved in found:
            mark = "approved" if approved else "blocks" if p.finding.blocks else "note"
            # TRANSLATORS: a neutrality finding of the brief. %(mark)s (approved, blocks or note)
            # and %(kind)s stay in English; %(text)s is the words found, %(suggestion)s what to
            # write instead.
            said = gettext(
                "%(id)s (%(mark)s) %(section)s, paragraph %(paragraph)s: "
                "%(kind)s '%(text)s'. %(suggestion)s"
            )
            values = {
                "id": p.finding_id,
                "mark": mark,
                "section": p.section,
                "paragraph": p.paragraph,
                "kind": p.finding.kind,
                "text": p.finding.text,
                "suggestion": p.finding.suggestion,
            }
            console.print(said % values, markup=False)

    emit(_placed_json(found), json_out, human)
    exit_with(EXIT_BLOCKED if any(p.finding.blocks and not ok for p, ok in found) else 0)


@brief_app.command("approve")
def approve(
    ctx: typer.Context,
    finding: Annotated[str, typer.Argument(help="The finding id (12 hex digits).")],
    reason: Annotated[str, typer.Option(help="Why the words are intended.")],
) -> None:
    """Approve one neutrality finding as intended; recorded with the audit trail."""
    with ref(ctx).open() as ws:
        added = brief_service.approve_brief_finding(ws, finding, reason)
    said = (
        gettext("Approved %(finding)s.") if added else gettext("%(finding)s was approved already.")
    )
    typer.echo(said % {"finding": finding})


@brief_app.command("render")
def render(
    ctx: typer.Context,
    outdir: Annotated[
        Path, typer.Argument(help="Folder to write the brief into.", file_okay=False)
    ] = Path("."),
    json_out: JsonOpt = False,
) -> None:
    """Write brief.pdf, brief.html and one numbered copy per participant, brief-CODE.pdf,
    after the neutrality linter and the non-attribution gate have passed them."""
    with ref(ctx).open() as ws:
        written = brief_service.export_brief(ws, outdir)

    def human(console: Console) -> None:
        for path in written:
            console.print(f"  {path}")
        console.print(
            gettext("The brief passed the neutrality linter and the non-attribution gate.")
        )

    emit({"written": [str(p) for p in written]}, json_out, human)
