"""Ripeness (Zartman): assessments per party, the reading, and indicators from event data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from backchannel.domain.errors import NotFoundError
from backchannel.domain.indicators import Indicators, compute_indicators
from backchannel.domain.ripeness import PartyAssessment, RipenessReading, read_ripeness
from backchannel.evidence.events import EventTable, read_events
from backchannel.i18n import embedded, ngettext
from backchannel.services import _clock
from backchannel.services.workspace import Workspace
from backchannel.store import repository


@dataclass(frozen=True, slots=True)
class RipenessView:
    assessments: tuple[PartyAssessment, ...]
    reading: RipenessReading


def record_assessments(ws: Workspace, assessments: Sequence[PartyAssessment]) -> int:
    """Record every assessment in one transaction; earlier ones stay as history."""
    now = _clock.now()
    with ws.begin() as conn:
        for a in assessments:
            repository.add_assessment(conn, a, now)
    return len(assessments)


def ripeness_view(ws: Workspace) -> RipenessView:
    with ws.read() as conn:
        latest = repository.latest_assessments(conn)
    if not latest:
        raise NotFoundError("no ripeness assessment yet: record one with 'ripeness record'")
    return RipenessView(assessments=latest, reading=read_ripeness(latest))


def import_events(ws: Workspace, path: Path) -> EventTable:
    """Read and check the whole file, then replace the stored events in one transaction."""
    return save_events(ws, read_events(path))


def save_events(ws: Workspace, table: EventTable) -> EventTable:
    """Replace the stored events with an already checked table, in one transaction."""
    with ws.begin() as conn:
        repository.replace_events(conn, table.layout, table.events)
    return table


def indicators(ws: Workspace, chart: Path | None = None) -> Indicators:
    with ws.read() as conn:
        events = repository.load_events(conn)
        layout = repository.events_layout(conn)
    if not events:
        raise NotFoundError("no events yet: import a UCDP GED or ACLED CSV with 'ripeness events'")
    found = compute_indicators(events)
    if chart is not None:
        names = {"ucdp": "UCDP GED", "acled": "ACLED"}
        # TRANSLATORS: under the indicators chart; %(layout)s is UCDP GED or ACLED
        said = ngettext(
            "Source: events CSV (%(layout)s layout), %(num)s event",
            "Source: events CSV (%(layout)s layout), %(num)s events",
            len(events),
        )
        shown = embedded(names.get(layout or "", layout or ""))  # UCDP GED in an Arabic line
        source = said % {"layout": shown, "num": len(events)}
        from backchannel.evidence.charts import indicators_chart  # matplotlib, when drawn

        indicators_chart(found, chart, source=source)
    return found
