"""`backchannel demo`: build the bundled demo dialogue and every document it can make."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from backchannel import i18n
from backchannel.domain.errors import BadInputError
from backchannel.evidence.events import read_events
from backchannel.readers.candidates import read_candidates
from backchannel.readers.dialogue_files import read_dialogue, read_ripeness, read_scope
from backchannel.readers.meeting_file import read_meeting_file
from backchannel.readers.mix_rules import read_mix_rules
from backchannel.readers.ratings import read_ratings
from backchannel.services import brief as brief_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ground_rules, meeting_ratings
from backchannel.services import ripeness as ripeness_service
from backchannel.services import roster as roster_service
from backchannel.services import scope as scope_service
from backchannel.services.catalogue import export_all
from backchannel.services.meeting_file import load_meeting_file
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
    lang: str | None = None,
) -> DemoResult:
    """Read and check every input first, then build the workspace under a temporary name
    and move it into place only when every document has passed the gate."""
    src = source or demo_source()
    if not src.is_dir():
        raise BadInputError("the demo dialogue folder is missing", file=str(src))
    report("Reading the demo dialogue")
    dialogue = read_dialogue(src / "dialogue.toml")
    candidates = read_candidates(src / "candidates.csv")
    read_mix_rules(src / "mix.toml", candidates)  # fail before anything is written
    scope = read_scope(src / "scope.toml")
    assessments = read_ripeness(src / "ripeness.toml")
    events = read_events(src / "events.csv")  # fail before anything is written
    read_meeting_file(src / "meeting1.toml")
    read_ratings(src / "ratings.csv")

    outdir.mkdir(parents=True, exist_ok=True)
    final = outdir / WORKSPACE_NAME
    building = outdir / f".{WORKSPACE_NAME}.building"
    building.unlink(missing_ok=True)
    report("Creating the encrypted workspace")
    ws = open_workspace(building, passphrase, create=True)
    try:
        dialogue_service.init_dialogue(ws, dialogue)
        dialogue_service.save_candidates(ws, candidates)
        report("Choosing the roster and recording consent to the charter")
        roster_service.set_rules(ws, src / "mix.toml", actor="demo")
        chosen = roster_service.select_roster(ws, actor="demo").view.ids
        ground_rules.adopt_charter(ws, actor="demo")
        for candidate in chosen[:-1]:  # the last is left without consent, so the flag shows
            ground_rules.record_consent(ws, candidate, "signed form", actor="demo")
        report("Recording scope and ripeness")
        scope_service.set_scope(ws, scope)
        ripeness_service.record_assessments(ws, assessments)
        table = ripeness_service.save_events(ws, events)
        report("Importing the evidence for the brief")
        brief_service.import_demo_inputs(ws, src, actor="demo")
        view = ripeness_service.ripeness_view(ws)
        report("Capturing meeting 1, round by round, and its anonymous ratings")
        load_meeting_file(ws, src / "meeting1.toml")
        meeting_ratings.import_ratings(ws, src / "ratings.csv", 1, actor="demo")
        report("Rendering every document and passing it through the gate")
        with i18n.speaking(lang or i18n.current()):
            written = export_all(ws, outdir, actor="demo")
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
