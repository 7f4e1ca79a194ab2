"""The neutral evidence brief: import its evidence, lint it, and send it out through the door.

Inputs (each optional; import any of them again to replace it): map layers (GeoJSON), the
curated timeline (CSV), the legal register (TOML or CSV), humanitarian figures (HXL CSV),
the contested places (CSV) and the dialogue's own loaded terms (CSV). One import is one
transaction: every file is read and checked first, then all are written, or none.

Building the brief draws the map and the charts, composes the data, and runs the neutrality
linter over every word before anything is rendered: a finding blocks the brief until the
input is fixed or the finding is approved as intended (`approve_brief_finding`). The brief
goes out as `brief.pdf`, `brief.html` and one numbered copy per participant,
`brief-<code>.pdf`, whose code is recorded in the workspace so that a leaked copy can be
traced; the code never carries the participant's name.

The brief's own words are in the language being rendered (`i18n.speaking`); the linter
reads it in that language and, for another than English, in English too, so that the
evidence is checked as in an English brief whatever words stand around it.
"""

from __future__ import annotations

import secrets
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from backchannel import i18n
from backchannel.domain.brief import NEUTRAL, collect_sources
from backchannel.domain.dialogue import Dialogue
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import BadInputError, BlockingFindingError, NotFoundError
from backchannel.domain.neutrality import NeutralityLinter
from backchannel.evidence.events import read_events
from backchannel.evidence.legal import read_legal
from backchannel.evidence.lexicon import merge_lexicons, read_lexicon, read_places, shipped_lexicon
from backchannel.evidence.timeline import read_timeline
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _brief_content as content
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services._brief_lint import DOCUMENT as DOCUMENT
from backchannel.services._brief_lint import PlacedFinding as PlacedFinding
from backchannel.services._brief_lint import lint_brief as lint_brief
from backchannel.services._brief_lint import lint_file as lint_file
from backchannel.services.documents import Outgoing, approve_finding, export_from_workspace
from backchannel.services.working_languages import each_working_language
from backchannel.services.workspace import Workspace
from backchannel.store import approvals_repository, repository, tables
from backchannel.store import brief_repository as store

if TYPE_CHECKING:
    from backchannel.evidence.brief_charts import ChartText
    from backchannel.evidence.map import MapDrawing

PDF, HTML = "brief.pdf", "brief.html"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 6
MAX_SHOWN = 5
INPUTS = ("layers", "timeline", "legal", "figures", "places", "lexicon", "events")


@dataclass(frozen=True, slots=True)
class BriefFiles:
    """Files to import; None leaves that input as it is."""

    layers: Path | None = None
    timeline: Path | None = None
    legal: Path | None = None
    figures: Path | None = None
    places: Path | None = None
    lexicon: Path | None = None
    events: Path | None = None  # the ripeness indicators' events CSV (UCDP GED or ACLED)


# --- import ----------------------------------------------------------------------------------


def _check_parties(read: dict[str, Any], dialogue: Dialogue | None, files: BriefFiles) -> None:
    """Party codes in the inputs must be the dialogue's (origins may also be `neutral`)."""
    codes = {p.code for p in dialogue.parties} if dialogue else set()
    if not codes:
        return

    def check(value: str, file: Path | None, field: str, what: str, *, origin: bool) -> None:
        if not value or (origin and value == NEUTRAL) or value in codes:
            return
        allowed = ", ".join(sorted(codes)) + (f" or {NEUTRAL}" if origin else "")
        raise BadInputError(
            f"{what} '{value[:30]}' is not a party of the dialogue ({allowed})",
            file=file.name if file else None,
            field=field,
        )

    for f in read.get("layers", ()):
        check(f.party, files.layers, f"feature '{f.name[:40]}' party", "party", origin=False)
        check(f.origin, files.layers, f"feature '{f.name[:40]}' origin", "origin", origin=True)
    for e in read.get("timeline", ()):
        where = f"entry of {e.day.isoformat()}"
        check(e.origin, files.timeline, f"{where}, origin", "origin", origin=True)
        for v in e.views:
            check(v.party, files.timeline, f"{where}, party_view", "party", origin=False)
    for f in read.get("figures", ()):
        check(
            f.origin, files.figures, f"{f.adm1} / {f.sector}, #meta+origin", "origin", origin=True
        )


def import_inputs(ws: Workspace, files: BriefFiles, actor: str = "cli") -> dict[str, int]:
    """Read and check every given file, then replace those inputs in one transaction."""
    from backchannel.evidence.geojson import read_layers  # shapely: only when importing
    from backchannel.evidence.hxl_figures import read_figures

    readers: dict[str, Callable[[Path], Any]] = {
        "layers": read_layers,
        "timeline": read_timeline,
        "legal": read_legal,
        "figures": read_figures,
        "places": read_places,
        "lexicon": read_lexicon,
        "events": read_events,
    }
    read = {
        name: readers[name](path) for name in INPUTS if (path := getattr(files, name)) is not None
    }
    if not read:
        raise BadInputError("give at least one file to import", field="inputs")
    writers: dict[str, Callable[[Connection, Any], int]] = {
        "layers": store.replace_features,
        "timeline": store.replace_timeline,
        "legal": store.replace_legal,
        "figures": store.replace_figures,
        "places": store.replace_places,
        "lexicon": store.replace_terms,
        "events": lambda conn, table: repository.replace_events(conn, table.layout, table.events),
    }
    with ws.begin() as conn:
        _check_parties(read, repository.load_dialogue(conn), files)
        counts = {name: writers[name](conn, items) for name, items in read.items()}
        audit_service.record(
            conn,
            actor=actor,
            action="brief.import",
            subject=DOCUMENT,
            details=counts,
            now=_clock.now(),
        )
    return counts


def import_demo_inputs(ws: Workspace, folder: Path, actor: str = "demo") -> dict[str, int]:
    """The demo's brief inputs (layers.geojson, timeline.csv, legal.toml, figures.csv,
    places.csv), those present in `folder`."""
    names = {
        "layers": "layers.geojson",
        "timeline": "timeline.csv",
        "legal": "legal.toml",
        "figures": "figures.csv",
        "places": "places.csv",
    }
    found = {k: folder / v for k, v in names.items() if (folder / v).is_file()}
    return import_inputs(ws, BriefFiles(**found), actor=actor)


# --- linting ---------------------------------------------------------------------------------


def linter(ws: Workspace) -> NeutralityLinter:
    """The linter with the shipped lexicon, the dialogue's own terms and its places."""
    with ws.read() as conn:
        terms, places = store.load_terms(conn), store.load_places(conn)
    return NeutralityLinter(merge_lexicons(shipped_lexicon(), terms), places)


def approve_brief_finding(ws: Workspace, finding: str, reason: str, actor: str = "cli") -> bool:
    """Approve one neutrality finding as intended (kept with the gate's approvals)."""
    return approve_finding(ws, finding, DOCUMENT, reason, actor=actor)


# --- building --------------------------------------------------------------------------------


def _meeting(dialogue: Dialogue, today: date) -> content.NextMeeting | None:
    coming = sorted((m for m in dialogue.meetings if m.starts >= today), key=lambda m: m.starts)
    if not coming:
        return None
    m = coming[0]
    order = sorted(dialogue.meetings, key=lambda x: x.starts).index(m) + 1
    return content.NextMeeting(order, m.number, m.starts, m.days)


def _contested_labels(evidence: content.Evidence) -> dict[str, str]:
    """Map labels that give every name of a contested place: 'Velmar (Welmar)'."""
    labels = {}
    for f in evidence.features:
        for place in evidence.places:
            for name in place.names:
                if name.neutral or not (f.name == name.name or f.name.startswith(name.name + " ")):
                    continue
                if any(other.name in f.name for other in place.names if other is not name):
                    continue
                labels[f.name] = place.both(name.name) + f.name[len(name.name) :]
    return labels


def _monthly(conn: Connection) -> tuple[dict[tuple[int, int], int], str]:
    events = repository.load_events(conn)
    monthly: Counter[tuple[int, int]] = Counter()
    for e in events:
        monthly[(e.day.year, e.day.month)] += e.fatalities
    layout = {"ucdp": "UCDP GED", "acled": "ACLED"}.get(repository.events_layout(conn) or "", "")
    # Drawn in the chart, whose own words (evidence/brief_charts.py) are English: so is this.
    note = f"Fatalities: events CSV ({layout} layout), {len(events):,} events." if events else ""
    return dict(monthly), note


def gather(ws: Workspace) -> tuple[content.Evidence, dict[tuple[int, int], int], str]:
    from backchannel.evidence.hxl_figures import latest

    with ws.read() as conn:
        dialogue = repository.load_dialogue(conn)
        if dialogue is None:
            raise NotFoundError("no dialogue yet: run 'backchannel init' first")
        scope = repository.load_scope(conn)
        features, timeline = store.load_features(conn), store.load_timeline(conn)
        legal, figures = store.load_legal(conn), latest(store.load_figures(conn))
        places = store.load_places(conn)
        monthly, note = _monthly(conn) if timeline else ({}, "")
    evidence = content.Evidence(
        title=dialogue.title,
        convenor=dialogue.convenor,
        problem=scope.problem if scope else None,
        meeting=_meeting(dialogue, _clock.today()),
        party_names={p.code: p.name for p in dialogue.parties},
        features=features,
        timeline=timeline,
        legal=legal,
        figures=figures,
        places=places,
        sources=collect_sources(features, timeline, figures),
    )
    return evidence, monthly, note


def _draw(
    evidence: content.Evidence, workdir: Path, monthly: dict[tuple[int, int], int], note: str
) -> tuple[MapDrawing | None, ChartText | None, ChartText | None]:
    # matplotlib and shapely load here, when a brief is drawn, not for every command
    from backchannel.evidence.brief_charts import humanitarian_chart, timeline_chart
    from backchannel.evidence.map import draw_map

    drawing = (
        draw_map(
            evidence.features,
            workdir / content.MAP_IMAGE,
            labels=_contested_labels(evidence),
            party_names=evidence.party_names,
        )
        if evidence.features
        else None
    )
    timeline = (
        timeline_chart(
            evidence.timeline,
            workdir / content.TIMELINE_IMAGE,
            monthly_fatalities=monthly,
            fatalities_note=note,
        )
        if evidence.timeline
        else None
    )
    figures = (
        humanitarian_chart(evidence.figures, workdir / content.FIGURES_IMAGE)
        if any(f.in_need is not None for f in evidence.figures)
        else None
    )
    return drawing, timeline, figures


def _issue_copies(ws: Workspace) -> list[tuple[str, str, int]]:
    """(candidate id, code, number) for every participant; new ones get a new code."""
    with ws.begin() as conn:
        roster = repository.roster_ids(conn)
        issued = store.copy_codes(conn)
        taken = {code for code, _n in issued.values()}
        number = max((n for _c, n in issued.values()), default=0)
        for candidate in roster:
            if candidate in issued:
                continue
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            while code in taken:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            number += 1
            store.add_copy(conn, code, candidate, number, _clock.now())
            issued[candidate] = (code, number)
            taken.add(code)
    return sorted(((c, *issued[c]) for c in roster), key=lambda item: item[2])


def brief_documents(
    data: dict[str, Any], images: dict[str, Path], copies: Sequence[tuple[str, int]] = ()
) -> list[Outgoing]:
    """brief.pdf, brief.html and one numbered PDF per (code, number)."""

    from backchannel.render.brief_html import brief_html

    def pdf(document: dict[str, Any]) -> Callable[[], bytes]:
        return lambda: render_pdf("brief.typ", document, images=images)

    docs = [
        Outgoing(PDF, DocumentKind.BRIEF, data, pdf(data)),
        Outgoing(
            HTML,
            DocumentKind.BRIEF,
            data,
            lambda: brief_html(data, {k: p.read_bytes() for k, p in images.items()}).encode(),
        ),
    ]
    for code, number in copies:
        copy = content.with_copy(data, f"{number:02d} \u00b7 {code}")
        docs.append(Outgoing(f"brief-{code}.pdf", DocumentKind.BRIEF, copy, pdf(copy)))
    return docs


def has_inputs(ws: Workspace) -> bool:
    with ws.read() as conn:
        return any(
            repository.count(conn, t) > 0
            for t in (
                tables.brief_feature,
                tables.brief_timeline,
                tables.brief_legal,
                tables.brief_figure,
            )
        )


def _compose(
    ws: Workspace, workdir: Path
) -> tuple[dict[str, Any], dict[str, Path], dict[str, Any] | None]:
    """The brief's data in the language being rendered, its drawings, and, when that language
    is not English, the same data in English for the linter (None in English)."""
    if not has_inputs(ws):
        raise NotFoundError("no evidence for the brief yet: run 'backchannel brief import'")
    evidence, monthly, note = gather(ws)
    workdir = workdir / "brief"  # the brief's drawings apart from other documents'
    workdir.mkdir(parents=True, exist_ok=True)
    drawing, timeline, figures = _draw(evidence, workdir, monthly, note)
    today = _clock.today()

    def data_now(
        drawn: tuple[MapDrawing | None, ChartText | None, ChartText | None],
    ) -> dict[str, Any]:
        return content.brief_data(
            evidence,
            date=content.long_date(today),
            drawing=drawn[0],
            timeline_chart=drawn[1],
            figures_chart=drawn[2],
        )

    data = data_now((drawing, timeline, figures))
    english = None
    if i18n.current() != "en":
        # The English brief whole, its charts' words too: the linter reads the evidence as
        # in an English brief, not next to the words of another language's charts.
        with i18n.speaking("en"):
            apart = workdir / "en"
            apart.mkdir(exist_ok=True)
            english = data_now(_draw(evidence, apart, monthly, note))
    images = {
        name: chart.path
        for name, chart in (
            (content.MAP_IMAGE, drawing),
            (content.TIMELINE_IMAGE, timeline),
            (content.FIGURES_IMAGE, figures),
        )
        if chart is not None
    }
    return data, images, english


def compose(ws: Workspace, workdir: Path) -> tuple[dict[str, Any], dict[str, Path]]:
    """The brief's data and its drawings (made in `workdir / "brief"`), not yet linted."""
    data, images, _english = _compose(ws, workdir)
    return data, images


def _findings(
    ws: Workspace, data: dict[str, Any], english: dict[str, Any] | None
) -> list[PlacedFinding]:
    """The linter reads the brief as the reader will, and in English as well when it is in
    another language: the evidence is checked as in an English brief (the same findings,
    the same ids, so an approval holds in every language) and the translated words too."""
    return lint_brief(data, linter(ws), english=english)


def check_brief(ws: Workspace) -> list[tuple[PlacedFinding, bool]]:
    """Every neutrality finding of the brief as it would be built now, and whether it is
    approved. Nothing is written."""
    with tempfile.TemporaryDirectory(prefix="backchannel-brief-") as tmp:
        data, _images, english = _compose(ws, Path(tmp))
    with ws.read() as conn:
        approved = approvals_repository.approved_ids(conn)
    return [(f, f.finding_id in approved) for f in _findings(ws, data, english)]


def build_brief(ws: Workspace, workdir: Path, *, required: bool = True) -> list[Outgoing]:
    """The brief's documents, linted; the drawings are made in `workdir`, which the caller
    keeps until the documents are exported. Without evidence: [] or, if `required`, an error.
    A neutrality finding that is not approved stops it (BlockingFindingError).
    """
    if not required and not has_inputs(ws):
        return []
    data, images, english = _compose(ws, workdir)
    with ws.read() as conn:
        approved = approvals_repository.approved_ids(conn)
    blocking = [
        f for f in _findings(ws, data, english) if f.finding.blocks and f.finding_id not in approved
    ]
    if blocking:
        shown = "; ".join(f.describe() for f in blocking[:MAX_SHOWN])
        more = f" And {len(blocking) - MAX_SHOWN} more." if len(blocking) > MAX_SHOWN else ""
        raise BlockingFindingError(
            f"the neutrality linter stopped the brief, nothing was written: {shown}{more} "
            "Fix the input and import it again, or approve a finding as intended with "
            "'backchannel brief approve FINDING --reason ...'."
        )
    copies = [(code, number) for _c, code, number in _issue_copies(ws)]
    return brief_documents(data, images, copies)


def export_brief(ws: Workspace, outdir: Path, actor: str = "cli") -> list[Path]:
    """Lint, gate, render and write the brief and its numbered copies."""
    with tempfile.TemporaryDirectory(prefix="backchannel-brief-") as tmp:
        docs = each_working_language(
            ws, lambda folder: build_brief(ws, folder or Path(tmp)), Path(tmp)
        )
        return export_from_workspace(ws, docs, outdir, actor=actor)


def trace_copy(ws: Workspace, code: str) -> tuple[str, int] | None:
    """(candidate id, copy number) of a brief copy code, or None."""
    with ws.read() as conn:
        return store.copy_holder(conn, code.strip().upper())
