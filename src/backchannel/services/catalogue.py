"""Every document backchannel can make from a workspace, sent out through the one door.

Later document kinds (the roster report, the brief, the non-paper, the aide-mémoire) are
added to `build_all`; `export_all` never writes anything the gate has not passed. Every
document is built in each of the dialogue's working languages (services/working_languages.py),
and the non-paper also as one bilingual text when the dialogue asks for it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from backchannel.services.aide_memoire import build_aide_memoire
from backchannel.services.brief import build_brief
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.meeting_record import build_meeting_record
from backchannel.services.outputs import build_bilingual_nonpaper, build_calendar, build_nonpaper
from backchannel.services.roster_report import build_roster_report
from backchannel.services.scope_note import build_scope_note
from backchannel.services.working_languages import each_working_language
from backchannel.services.workspace import Workspace


def _build_one_language(ws: Workspace, workdir: Path) -> list[Outgoing]:
    return [
        *build_scope_note(ws, workdir),
        *build_roster_report(ws, workdir, required=False),
        *build_meeting_record(ws, workdir, required=False),
        *build_brief(ws, workdir, required=False),
        *build_nonpaper(ws, required=False),
        *build_aide_memoire(ws, required=False),
        *build_calendar(ws, required=False),
    ]


def build_all(ws: Workspace, workdir: Path) -> list[Outgoing]:
    """The documents the workspace holds enough for, in each working language (files are
    drawn in `workdir`)."""
    docs = each_working_language(
        ws, lambda folder: _build_one_language(ws, folder or workdir), workdir
    )
    return docs + build_bilingual_nonpaper(ws, required=False)


def export_all(ws: Workspace, outdir: Path, actor: str = "cli") -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="backchannel-docs-") as tmp:
        return export_from_workspace(ws, build_all(ws, Path(tmp)), outdir, actor=actor)
