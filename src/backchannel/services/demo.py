"""`backchannel demo`: build the bundled demo dialogue and every document it can make."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import BadInputError
from backchannel.evidence.events import read_events
from backchannel.readers.candidates import read_candidates
from backchannel.readers.dialogue_files import read_dialogue, read_ripeness, read_scope
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ripeness as ripeness_service
from backchannel.services import scope as scope_service
from backchannel.services.documents import Outgoing, export_documents
from backchannel.services.scope_note import note_data, scope_note_documents
from backchannel.services.workspace import open_workspace

WORKSPACE_NAME = "workspace.bch"
DEMO_ENV = "BACKCHANNEL_DEMO_DIR"


def demo_source() -> Path:
    """The bundled demo: $BACKCHANNEL_DEMO_DIR, else examples/demo/ of this checkout."""
    override = os.environ.get(DEMO_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "examples" / "demo"


@dataclass(frozen=True, slots=True)
class DemoResult:
    workspace: Path
    documents: tuple[Path, ...]
    candidates: int
    events: int
    reading: str


def build_demo(
    outdir: Path,
    passphrase: str | None,
    *,
    source: Path | None = None,
    report: Callable[[str], None] = lambda _step: None,
) -> DemoResult:
    """Read and check every input first, then build the workspace under a temporary name
    and move it into place only when every document has passed the gate."""
    src = source or demo_source()
    if not src.is_dir():
        raise BadInputError("the demo dialogue folder is missing", file=str(src))
    report("Reading the demo dialogue")
    dialogue = read_dialogue(src / "dialogue.toml")
    candidates = read_candidates(src / "candidates.csv")
    scope = read_scope(src / "scope.toml")
    assessments = read_ripeness(src / "ripeness.toml")
    events_file = src / "events.csv"
    read_events(events_file)  # fail before anything is written

    outdir.mkdir(parents=True, exist_ok=True)
    final = outdir / WORKSPACE_NAME
    building = outdir / f".{WORKSPACE_NAME}.building"
    building.unlink(missing_ok=True)
    report("Creating the encrypted workspace")
    ws = open_workspace(building, passphrase, create=True)
    try:
        dialogue_service.init_dialogue(ws, dialogue)
        dialogue_service.save_candidates(ws, candidates)
        report("Recording scope and ripeness")
        findings = scope_service.set_scope(ws, scope)
        ripeness_service.record_assessments(ws, assessments)
        table = ripeness_service.import_events(ws, events_file)
        view = ripeness_service.ripeness_view(ws)
        end = scope_service.horizon_end(ws)
        with tempfile.TemporaryDirectory(prefix="backchannel-demo-") as tmp:
            chart = Path(tmp) / "indicators.png"
            report("Computing indicators and drawing the chart")
            found = ripeness_service.indicators(ws, chart)
            horizon = f"{scope.horizon_days} days" + (f", until {end:%-d %B %Y}" if end else "")
            data = note_data(dialogue.title, scope, findings, horizon, view, found, chart)
            chart_bytes = chart.read_bytes()
            docs = [
                Outgoing(
                    filename="indicators.png",
                    kind=DocumentKind.RIPENESS_REPORT,
                    data={
                        "indicators": list(found.summary),
                        "sides": [s for t in found.trends for s in t.dyad],
                    },
                    produce=lambda: chart_bytes,
                ),
                *scope_note_documents(data, chart),
            ]
            report("Passing every document through the gate and writing it")
            written = export_documents(docs, outdir, roster=candidates)
    except BaseException:
        ws.close()
        building.unlink(missing_ok=True)
        raise
    ws.close()
    os.replace(building, final)
    return DemoResult(
        workspace=final,
        documents=tuple(written),
        candidates=len(candidates),
        events=len(table.events),
        reading=view.reading.reading.value,
    )
